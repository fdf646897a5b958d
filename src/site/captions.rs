//! The captions rule of a story: which caption files it has (listed, or named
//! `captions.<lang>.vtt` beside it), each in one of the site's languages, read as WebVTT by
//! `content`, and running no longer than the video.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::frontmatter::yaml::Step;
use crate::webvtt::{self, Timestamp};

use super::CaptionTrack;
use super::caption_quality::{Measured, cue_quality, truncated_translations};
use super::doc::Doc;
use super::story::StoryContext;

/// A story's caption tracks: one parsed WebVTT file per language, from those listed under
/// `captions:` (`listed`) and those found beside it.
pub(super) fn captions(
    cx: &StoryContext,
    listed: &BTreeMap<String, String>,
    duration: Timestamp,
    problems: &mut Vec<Diagnostic>,
) -> Vec<CaptionTrack> {
    let config = cx.shared.resolver.config;
    let files = &cx.folder.files;
    let mut captions = Vec::new();
    let mut sources = Vec::new();
    for (lang, name) in &caption_files(listed, files, config, cx.doc, problems) {
        if let Some(source) = caption_source(cx, lang, name, problems) {
            let parsed = cx
                .shared
                .resolver
                .cache
                .captions(source, || webvtt::parse(source));
            let limits = config.caption_limits(lang);
            if let Some(mut track) = caption_track(lang, source, parsed, duration, limits, problems)
            {
                if let Some(language) = config.language(lang) {
                    track.dir = language.dir;
                }
                captions.push(track);
                sources.push(source);
            }
        }
    }
    let measured: Vec<Measured> = captions
        .iter()
        .zip(&sources)
        .map(|(track, source)| Measured {
            lang: &track.lang,
            source,
            cues: &track.captions.cues,
        })
        .collect();
    problems.extend(truncated_translations(&measured));
    captions
}

/// The text of the caption file `name` for `lang`, if the language is the site's and the file
/// is there and was read.
fn caption_source<'a>(
    cx: &'a StoryContext,
    lang: &str,
    name: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'a Arc<SourceText>> {
    let key = [Step::Key("captions"), Step::Key(lang)];
    if cx.shared.resolver.config.language(lang).is_none() {
        problems.push(
            cx.doc
                .error(&key, format!("language `{lang}` is not in site.yaml"))
                .with_help(
                    "list captions only for the site's languages, or add the language to site.yaml",
                ),
        );
        return None;
    }
    cx.file_of(&key, name, problems)?;
    // `content` read every `.vtt` of the folder; what it could not read is reported here,
    // where the file is known to be used, so an unused file gets one message, not two.
    match cx.folder.texts.get(name) {
        Some(Ok(source)) => Some(source),
        Some(Err(problem)) => {
            problems.push(problem.clone());
            None
        }
        None => {
            problems.push(
                cx.doc.error(&key, format!("`{name}` is not a WebVTT caption file"))
                    .with_help("captions are WebVTT files ending in .vtt, e.g. captions.en.vtt: convert the file to WebVTT and name it so"),
            );
            None
        }
    }
}

/// The caption files of a story: those listed under `captions:`, and every
/// `captions.<lang>.vtt` beside it in one of the site's languages that the list leaves out (a
/// file named so is meant to be used). A `captions.<code>.vtt` in a language the site does not
/// have is reported, not silently left behind.
fn caption_files(
    listed: &BTreeMap<String, String>,
    files: &BTreeMap<String, PathBuf>,
    config: &Config,
    doc: &Doc,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let mut captions = listed.clone();
    let used: BTreeSet<&str> = listed.values().map(String::as_str).collect();
    for name in files.keys() {
        let Some(lang) = name
            .strip_prefix("captions.")
            .and_then(|rest| rest.strip_suffix(".vtt"))
        else {
            continue;
        };
        if used.contains(name.as_str()) || captions.contains_key(lang) {
            continue;
        }
        if config.language(lang).is_some() {
            captions.insert(lang.to_string(), name.clone());
        } else {
            problems.push(
                Diagnostic::warning(format!(
                    "`{name}` is not used: `{lang}` is not one of the site's languages"
                ))
                .with_help(format!(
                    "add `{lang}` to `languages` in site.yaml, or rename the file to captions.<lang>.vtt with one of the site's languages"
                ))
                .in_file(doc.file.source.path.with_file_name(name)),
            );
        }
    }
    captions
}

/// The captions rule: a caption file parses as WebVTT, and its last cue ends within the video
/// (when the video's duration is known). Captions that run past the end are reported at their
/// last cue and kept, so that the other problems of the file are found in the same run. Cues
/// hard to read by `limits` are warnings ([`cue_quality`]).
fn caption_track(
    lang: &str,
    source: &Arc<SourceText>,
    parsed: Result<crate::webvtt::Captions, Vec<Diagnostic>>,
    duration: Timestamp,
    limits: &crate::config::CaptionLimits,
    problems: &mut Vec<Diagnostic>,
) -> Option<CaptionTrack> {
    match parsed {
        Ok(parsed) => {
            problems.extend(cue_quality(source, &parsed.cues, limits));
            if let Some(end) = parsed.last_end()
                && duration.0 > 0
                && end > duration
            {
                let last = parsed.cues.last().map_or(1, |c| c.line);
                let offset = source.line_offset(last);
                problems.push(
                    Diagnostic::error(format!(
                        "the captions run until {}, past the end of the video ({})",
                        end.to_display(),
                        duration.to_display()
                    ))
                    .with_help("check the cue times, or the video's `duration` in index.md")
                    .at(source, offset..offset),
                );
            }
            Some(CaptionTrack {
                lang: lang.to_string(),
                dir: crate::config::Direction::Ltr,
                path: source.path.clone(),
                captions: parsed,
            })
        }
        Err(found) => {
            problems.extend(found);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vtt(text: &str) -> Arc<SourceText> {
        SourceText::new("content/stories/x/captions.en.vtt", text)
    }

    use crate::site::testing::{config, folder, index_md, said, story, with_context};

    const INDEX: &str = "content/stories/x/index.md";
    const CUE: &str = "WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n";

    /// The caption tracks of a story with these `captions:` lines, in a folder with `files`
    /// (those in `texts` read as text).
    fn tracks_of(
        lines: &str,
        files: &[&str],
        texts: &[(&str, &str)],
    ) -> (Vec<CaptionTrack>, Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(lines));
        let folder = folder(files, texts);
        let config = config("");
        with_context(&written, &folder, &config, |cx| {
            let mut problems = Vec::new();
            let tracks = captions(cx, &meta.captions, Timestamp(600_000), &mut problems);
            (tracks, problems)
        })
    }

    fn langs(tracks: &[CaptionTrack]) -> Vec<&str> {
        tracks.iter().map(|t| t.lang.as_str()).collect()
    }

    #[test]
    fn listed_captions_and_those_named_for_a_site_language_are_used() {
        let (tracks, problems) = tracks_of(
            "captions: { en: english.vtt }",
            &["english.vtt", "captions.ar.vtt", "captions.en.vtt"],
            &[
                ("english.vtt", CUE),
                ("captions.ar.vtt", CUE),
                ("captions.en.vtt", CUE),
            ],
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(langs(&tracks), ["ar", "en"]);
        assert!(
            tracks[1].path.ends_with("english.vtt"),
            "the listed file wins"
        );
    }

    #[test]
    fn a_caption_file_named_for_another_language_is_reported_at_the_file() {
        let (tracks, problems) = tracks_of("", &["captions.de.vtt"], &[("captions.de.vtt", CUE)]);
        assert!(tracks.is_empty());
        let [problem] = problems.as_slice() else {
            panic!("one problem expected: {problems:?}");
        };
        assert_eq!(problem.severity, crate::diagnostic::Severity::Warning);
        assert_eq!(
            problem.message,
            "`captions.de.vtt` is not used: `de` is not one of the site's languages"
        );
        let location = problem.location.as_ref().expect("a location");
        assert!(location.path.ends_with("content/stories/x/captions.de.vtt"));
    }

    #[test]
    fn listed_captions_in_no_site_language_or_missing_or_unread_are_reported_at_their_key() {
        let unread = crate::diagnostic::Diagnostic::error("cannot read the file: denied")
            .in_file("content/stories/x/broken.vtt");
        let (written, meta) = story(&index_md(
            "captions: { de: d.vtt, en: gone.vtt, ar: notes.txt }",
        ));
        let mut folder = folder(&["d.vtt", "notes.txt", "broken.vtt"], &[("d.vtt", CUE)]);
        folder
            .texts
            .insert("broken.vtt".into(), Err(unread.clone()));
        let config = config("");
        let (tracks, problems) = with_context(&written, &folder, &config, |cx| {
            let mut problems = Vec::new();
            let tracks = captions(cx, &meta.captions, Timestamp(600_000), &mut problems);
            (tracks, problems)
        });
        assert!(tracks.is_empty());
        let said: Vec<_> = problems.iter().map(said).collect();
        assert_eq!(
            said,
            [
                (
                    "`notes.txt` is not a WebVTT caption file".into(),
                    "captions are WebVTT files ending in .vtt, e.g. captions.en.vtt: convert the file to WebVTT and name it so".into(),
                    INDEX.into(),
                    8,
                    42
                ),
                (
                    "language `de` is not in site.yaml".into(),
                    "list captions only for the site's languages, or add the language to site.yaml".into(),
                    INDEX.into(),
                    8,
                    17
                ),
                (
                    "`gone.vtt` is not in the story's folder".into(),
                    "did you mean `broken.vtt`?".into(),
                    INDEX.into(),
                    8,
                    28
                ),
            ]
        );

        // A listed file that `content` could not read gets the problem it met, once.
        let (written, meta) = story(&index_md("captions: { en: broken.vtt }"));
        let (tracks, problems) = with_context(&written, &folder, &config, |cx| {
            let mut problems = Vec::new();
            let tracks = captions(cx, &meta.captions, Timestamp(600_000), &mut problems);
            (tracks, problems)
        });
        assert!(tracks.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, unread.message);
    }

    #[test]
    fn captions_within_the_video_make_a_track_and_no_problem() {
        let mut problems = Vec::new();
        let track = caption_track(
            "en",
            &vtt("WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n"),
            webvtt::parse(&vtt("WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n")),
            Timestamp(10_000),
            &Default::default(),
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let track = track.expect("a track");
        assert_eq!(track.lang, "en");
        assert_eq!(
            track.path,
            PathBuf::from("content/stories/x/captions.en.vtt")
        );
        assert_eq!(track.captions.cues.len(), 1);
    }

    #[test]
    fn captions_past_the_end_of_the_video_are_reported_at_the_last_cue_and_kept() {
        let mut problems = Vec::new();
        let text = "WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n\n00:05.000 --> 00:12.500\nBye.\n";
        let track = caption_track(
            "en",
            &vtt(text),
            webvtt::parse(&vtt(text)),
            Timestamp(10_000),
            &Default::default(),
            &mut problems,
        );
        assert!(track.is_some(), "the track is kept");
        // The last caption stays 7.5 s, a warning of its own (see caption_quality).
        problems.retain(|p| p.severity == crate::diagnostic::Severity::Error);
        let [problem] = problems.as_slice() else {
            panic!("one problem expected: {problems:?}");
        };
        assert_eq!(
            problem.message,
            "the captions run until 0:12, past the end of the video (0:10)"
        );
        let location = problem.location.as_ref().expect("a location");
        assert_eq!(
            (location.path.to_str(), location.line, location.column),
            (Some("content/stories/x/captions.en.vtt"), 6, 1)
        );
    }

    #[test]
    fn captions_are_not_measured_against_an_unknown_duration() {
        let mut problems = Vec::new();
        let text = "WEBVTT\n\n00:01.000 --> 01:00:00.000\nLong.\n";
        let track = caption_track(
            "ar",
            &vtt(text),
            webvtt::parse(&vtt(text)),
            Timestamp(0),
            &Default::default(),
            &mut problems,
        );
        // An hour-long caption is a warning (see caption_quality), never an error here.
        assert!(
            problems
                .iter()
                .all(|p| p.severity == crate::diagnostic::Severity::Warning),
            "{problems:?}"
        );
        assert_eq!(track.map(|t| t.lang), Some("ar".to_string()));
    }

    #[test]
    fn captions_that_are_not_webvtt_give_the_parser_s_problems_and_no_track() {
        let mut problems = Vec::new();
        let track = caption_track(
            "en",
            &vtt("1\n00:00:01,000 --> 00:00:04,000\nHello.\n"),
            webvtt::parse(&vtt("1\n00:00:01,000 --> 00:00:04,000\nHello.\n")),
            Timestamp(10_000),
            &Default::default(),
            &mut problems,
        );
        assert!(track.is_none());
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| {
            p.location
                .as_ref()
                .is_some_and(|l| l.path.ends_with("captions.en.vtt") && l.line >= 1)
        }));
    }
}
