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
    for (lang, name) in &caption_files(listed, files, config, cx.doc, problems) {
        if let Some(source) = caption_source(cx, lang, name, problems) {
            captions.extend(caption_track(lang, source, duration, problems));
        }
    }
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
/// last cue and kept, so that the other problems of the file are found in the same run.
fn caption_track(
    lang: &str,
    source: &Arc<SourceText>,
    duration: Timestamp,
    problems: &mut Vec<Diagnostic>,
) -> Option<CaptionTrack> {
    match webvtt::parse(source) {
        Ok(parsed) => {
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

    #[test]
    fn captions_within_the_video_make_a_track_and_no_problem() {
        let mut problems = Vec::new();
        let track = caption_track(
            "en",
            &vtt("WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n"),
            Timestamp(10_000),
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
        let track = caption_track("en", &vtt(text), Timestamp(10_000), &mut problems);
        assert!(track.is_some(), "the track is kept");
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
        let track = caption_track("ar", &vtt(text), Timestamp(0), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(track.map(|t| t.lang), Some("ar".to_string()));
    }

    #[test]
    fn captions_that_are_not_webvtt_give_the_parser_s_problems_and_no_track() {
        let mut problems = Vec::new();
        let track = caption_track(
            "en",
            &vtt("1\n00:00:01,000 --> 00:00:04,000\nHello.\n"),
            Timestamp(10_000),
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
