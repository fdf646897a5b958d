//! One story: the rules of its front matter ([`rules`](super::rules), [`video`](super::video),
//! [`captions`](super::captions)) called in order, and the [`Story`] they make, with its texts
//! and their translations.
//!
//! The rules push their problems into one list in the order they are called, which is the
//! order the messages had when this was one function: a sorted report keeps that order for
//! problems at the same place.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::PathBuf;

use crate::content::{ReadText, SourceFile};
use crate::diagnostic::{Diagnostic, closest};
use crate::frontmatter::yaml::Step;
use crate::model::*;

use super::doc::Doc;
use super::parse::{Meta, Parsed};
use super::resolve::Resolver;
use super::rules::{self, Segments};
use super::texts::{add_translation, fingerprint, new_texts};
use super::{CaptionTrack, Story, StoryText, Texts, Video, captions, consent, private, video};

/// What every page of the site is built with: the link resolver, the site's themes and the
/// story folders.
pub(super) struct Shared<'a> {
    pub resolver: &'a Resolver<'a>,
    /// Every theme file's id, broken or draft: a story naming it is not wrong for that.
    pub theme_ids: &'a BTreeSet<String>,
    pub folders: &'a Folders<'a>,
}

/// The files of every story's folder as `content` found them, by slug.
pub(super) struct Folders<'a> {
    pub files: &'a BTreeMap<String, BTreeMap<String, PathBuf>>,
    pub texts: &'a BTreeMap<String, BTreeMap<String, ReadText>>,
    pub pictures: &'a BTreeMap<String, BTreeMap<String, (u32, u32)>>,
}

impl Folders<'_> {
    pub fn of(&self, slug: &str) -> StoryFolder {
        StoryFolder {
            files: self.files.get(slug).cloned().unwrap_or_default(),
            texts: self.texts.get(slug).cloned().unwrap_or_default(),
            pictures: self.pictures.get(slug).cloned().unwrap_or_default(),
        }
    }
}

/// One story's folder: the files beside its Markdown by name (with their full paths), and the
/// text of those that were read while loading (its caption files).
#[derive(Default)]
pub(super) struct StoryFolder {
    pub files: BTreeMap<String, PathBuf>,
    pub texts: BTreeMap<String, ReadText>,
    /// The width and height of each picture among the files, read from its header.
    pub pictures: BTreeMap<String, (u32, u32)>,
}

/// What the rules of one story read besides its front matter values: where the story is, its
/// folder, and the site.
pub(super) struct StoryContext<'a> {
    pub slug: &'a str,
    /// The story's `index.md` and its front matter tree.
    pub doc: &'a Doc<'a>,
    /// The Markdown body of `index.md`, as a byte range of its text.
    pub body: Range<usize>,
    pub folder: &'a StoryFolder,
    pub shared: &'a Shared<'a>,
}

impl StoryContext<'_> {
    /// The path of the file `name` in the story's folder; a problem at the front matter `path`
    /// that names it when there is no such file.
    pub fn file_of(
        &self,
        path: &[Step],
        name: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<PathBuf> {
        let files = &self.folder.files;
        match files.get(name) {
            Some(path) => Some(path.clone()),
            None => {
                let help = match closest(name, files.keys().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("put the file in content/stories/{}/", self.slug),
                };
                problems.push(
                    self.doc
                        .error(path, format!("`{name}` is not in the story's folder"))
                        .with_help(help),
                );
                None
            }
        }
    }
}

/// Checks a story's front matter rule by rule and assembles it. Problems are pushed in the
/// order of the fields; the story is returned whatever they are (the caller decides).
pub(super) fn build_story(
    cx: &StoryContext,
    meta: StoryMeta,
    translations: Vec<Parsed>,
    problems: &mut Vec<Diagnostic>,
) -> Story {
    let doc = cx.doc;
    let theme_ids = cx.shared.theme_ids;
    let formatter = &cx.shared.resolver.formatter;
    let mut themes = rules::themes(doc, &meta.themes, theme_ids, problems);
    let origin = rules::origin(doc, &meta.origin, formatter, problems);
    let (joined, left) = rules::years(doc, meta.joined, meta.left, problems);
    let interviewed = rules::interviewed(doc, meta.interviewed.as_deref(), problems);
    let duration = video::duration(doc, &meta.video.duration, problems);
    let video = video::video(cx, &meta.video, problems);
    let poster = video::poster(cx, meta.video.poster.as_deref(), problems);
    let captions = captions::captions(cx, &meta.captions, duration, problems);
    let segments = rules::segments(doc, &meta.segments, duration, theme_ids, problems);
    let config = cx.shared.resolver.config;
    let consented = consent::consent(doc, meta.consent.as_ref(), meta.status, config, problems);
    let forbidden = private::terms(doc, &meta.private, problems);
    private::appear_nowhere(cx, &forbidden, &translations, &captions, problems);
    // A segment's themes are the story's themes too.
    for id in segments.list.iter().flat_map(|s| &s.themes) {
        if !themes.contains(id) {
            themes.push(id.clone());
        }
    }
    let mut texts = source_texts(cx, &meta, &segments, problems);
    let allowed = |lang: &str| consented.as_ref().is_none_or(|c| c.contains(lang));
    let (translations, refused): (Vec<Parsed>, Vec<Parsed>) = translations
        .into_iter()
        .partition(|t| allowed(&t.file.lang));
    // A translation the narrator did not agree to is not read at all: nothing of it can reach
    // the output or a message but its name.
    problems.extend(
        refused
            .iter()
            .map(|t| consent::outside_consent(&t.file.source.path, &t.file.lang)),
    );
    add_translations(cx, &mut texts, &segments, translations, problems);
    texts.only_in = consented.clone();
    problems.extend(unused_files(
        doc,
        &cx.folder.files,
        &video,
        &poster,
        &captions,
    ));
    let (captions, refused): (Vec<CaptionTrack>, Vec<CaptionTrack>) =
        captions.into_iter().partition(|c| allowed(&c.lang));
    problems.extend(
        refused
            .iter()
            .map(|c| consent::outside_consent(&c.path, &c.lang)),
    );
    Story {
        slug: cx.slug.to_string(),
        pseudonym: meta.pseudonym,
        example: meta.example,
        origin,
        joined,
        left,
        interviewed,
        themes,
        video,
        poster,
        duration,
        captions,
        segments: segments.list,
        warnings: meta.warnings,
        texts,
        forbidden,
    }
}

/// The story's text in the default language, with its Markdown rendered, and the fingerprint
/// its translations record.
fn source_texts(
    cx: &StoryContext,
    meta: &StoryMeta,
    segments: &Segments,
    problems: &mut Vec<Diagnostic>,
) -> Texts<StoryText> {
    let file = cx.doc.file;
    let hash = story_hash(meta, &segments.titles, &file.source.text[cx.body.clone()]);
    let (body_html, body_images) = cx.shared.resolver.render(file, cx.body.clone(), problems);
    let text = StoryText {
        body_html,
        body_images,
        title: meta.title.clone(),
        summary: meta.summary.clone(),
        statement: meta.statement.clone(),
        segment_titles: segments.titles.clone(),
    };
    new_texts(file, text, hash)
}

/// The fingerprint of a story's translatable text: its title, summary, statement, segment
/// titles and body, and the segment list (times and ids), so that re-timing or adding a segment
/// makes translations stale.
fn story_hash(meta: &StoryMeta, segment_titles: &[String], body: &str) -> String {
    let segment_list: String = meta
        .segments
        .iter()
        .map(|s| format!("{}#{};", s.at.trim(), s.id.as_deref().unwrap_or("")))
        .collect();
    fingerprint(
        [
            meta.title.as_str(),
            meta.summary.as_str(),
            meta.statement.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain(segment_titles.iter().map(String::as_str))
        .chain([segment_list.as_str(), body]),
    )
}

/// Adds the story's translations to its texts. Each is checked (its segments, its Markdown)
/// even when it is a draft that is then left out.
fn add_translations(
    cx: &StoryContext,
    texts: &mut Texts<StoryText>,
    segments: &Segments,
    translations: Vec<Parsed>,
    problems: &mut Vec<Diagnostic>,
) {
    let resolver = cx.shared.resolver;
    for t in translations {
        let Meta::StoryTranslation(tmeta) = std::sync::Arc::unwrap_or_clone(t.meta) else {
            continue;
        };
        let tdoc = Doc {
            file: &t.file,
            fields: &t.fields,
        };
        let titles =
            translated_segment_titles(segments, &tmeta.segments, &tdoc, cx.doc.file, problems);
        let (body_html, body_images) = resolver.render(&t.file, t.body, problems);
        let text = StoryText {
            body_html,
            body_images,
            title: tmeta.title,
            summary: tmeta.summary,
            statement: tmeta.statement.or_else(|| texts.source.statement.clone()),
            segment_titles: titles,
        };
        if resolver.keeps(tmeta.status) {
            add_translation(texts, &t.file, text, tmeta.source_hash, tmeta.status);
        }
    }
}

/// A translation's segment titles, in the source's segment order. A translated segment is
/// matched to the source's by its `id` when it has one, otherwise by its position in the
/// list, so that re-timing a segment in the source does not break its translations (the
/// source's fingerprint covers the segment list, so they are marked stale instead). A
/// segment the translation leaves out keeps the source's title.
fn translated_segment_titles(
    source_segments: &Segments,
    translated: &[SegmentTranslationMeta],
    tdoc: &Doc,
    source: &SourceFile,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let source_ids = &source_segments.ids;
    let mut titles = source_segments.titles.clone();
    let source_path = crate::diagnostic::display_path(&source.source.path);
    for (index, segment) in translated.iter().enumerate() {
        let target = match &segment.id {
            Some(id) => {
                let found = source_ids
                    .iter()
                    .position(|s| s.as_deref() == Some(id.as_str()));
                if found.is_none() {
                    problems.push(
                        tdoc.error(
                            &[Step::Key("segments"), Step::Index(index), Step::Key("id")],
                            format!("the source has no segment with the id `{id}`"),
                        )
                        .with_help(format!(
                            "use the `id` of one of the segments in {source_path}, or remove `id` to match segments by their order"
                        )),
                    );
                }
                found
            }
            None if index < titles.len() => Some(index),
            None => {
                problems.push(
                    tdoc.error(
                        &[Step::Key("segments"), Step::Index(index)],
                        format!(
                            "this translation has more segments than its source ({})",
                            titles.len()
                        ),
                    )
                    .with_help(format!(
                        "translated segments are matched to those of {source_path} in order: remove this one, or add the segment to the source"
                    )),
                );
                None
            }
        };
        if let Some(i) = target {
            titles[i] = segment.title.clone();
        }
    }
    titles
}

/// A warning for each file in a story's folder that the story does not use: it is not
/// published, and the editor should know (a misspelt name, a caption file in a language
/// the site does not have, notes left beside the video).
fn unused_files(
    doc: &Doc,
    files: &BTreeMap<String, PathBuf>,
    video: &Video,
    poster: &Option<super::Poster>,
    captions: &[CaptionTrack],
) -> Vec<Diagnostic> {
    let mut used: BTreeSet<&str> = BTreeSet::new();
    if let Video::File { name, .. } = video {
        used.insert(name);
    }
    if let Some(poster) = poster {
        used.insert(&poster.name);
    }
    let caption_names: Vec<String> = captions
        .iter()
        .filter_map(|c| c.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    used.extend(caption_names.iter().map(String::as_str));
    files
        .keys()
        .filter(|name| !used.contains(name.as_str()))
        // Caption files in a language the site lacks have their own warning.
        .filter(|name| !(name.starts_with("captions.") && name.ends_with(".vtt")))
        .map(|name| {
            Diagnostic::warning(format!(
                "`{name}` is not used by the story, so it is not published"
            ))
            .with_help("refer to it in index.md (`video:`, `poster:` or `captions:`), or move it out of content/ if it is not meant for the site")
            .in_file(doc.file.source.path.with_file_name(name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::testing::{self, config, folder, index_md, only, said, story, with_context};

    const SEGMENTS: &str = "segments:\n  - { id: start, at: \"00:00:00\", title: Start }\n  - { at: \"00:04:00\", title: Middle, themes: [work] }\n";

    fn source_segments() -> Segments {
        Segments {
            list: Vec::new(),
            titles: vec!["Start".into(), "Middle".into()],
            ids: vec![Some("start".into()), None],
        }
    }

    fn titles_of(translated: &str) -> (Vec<String>, Vec<Diagnostic>) {
        let text = format!("---\ntitle: T\nsummary: S\nsegments:\n{translated}---\n");
        let (written, meta) =
            testing::read::<StoryTranslationMeta>("content/stories/x/index.fr.md", &text);
        let (source, _) = story(&index_md(SEGMENTS));
        let mut problems = Vec::new();
        let titles = translated_segment_titles(
            &source_segments(),
            &meta.segments,
            &written.doc(),
            &source.file,
            &mut problems,
        );
        (titles, problems)
    }

    #[test]
    fn translated_segments_match_by_id_then_by_position_and_keep_the_source_s_titles() {
        let (titles, problems) = titles_of("  - { id: start, title: Début }\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(titles, ["Début", "Middle"]);
        let (titles, _) = titles_of("  - { title: Début }\n  - { title: Milieu }\n");
        assert_eq!(titles, ["Début", "Milieu"]);
    }

    #[test]
    fn an_unknown_id_or_an_extra_segment_in_a_translation_is_reported_there() {
        let (titles, problems) = titles_of("  - { id: stat, title: Début }\n");
        assert_eq!(titles, ["Start", "Middle"]);
        assert_eq!(
            said(only(&problems)),
            (
                "the source has no segment with the id `stat`".into(),
                "use the `id` of one of the segments in content/stories/x/index.md, or remove `id` to match segments by their order".into(),
                "content/stories/x/index.fr.md".into(),
                5,
                11
            )
        );
        let (_, problems) = titles_of("  - { title: A }\n  - { title: B }\n  - { title: C }\n");
        let (message, help, _, line, column) = said(only(&problems));
        assert_eq!(
            message,
            "this translation has more segments than its source (2)"
        );
        assert!(help.starts_with(
            "translated segments are matched to those of content/stories/x/index.md in order"
        ));
        assert_eq!((line, column), (7, 5));
    }

    #[test]
    fn the_fingerprint_changes_when_a_segment_is_re_timed_or_given_an_id() {
        let hash = |fields: &str| {
            let (_, meta) = story(&index_md(fields));
            let titles: Vec<String> = meta.segments.iter().map(|s| s.title.clone()).collect();
            story_hash(&meta, &titles, "Body.\n")
        };
        let base = hash("segments:\n  - { at: \"00:01:00\", title: A }\n");
        assert_eq!(
            base,
            hash("segments:\n  - { at: \" 00:01:00 \", title: A }\n")
        );
        assert_ne!(
            base,
            hash("segments:\n  - { at: \"00:01:01\", title: A }\n")
        );
        assert_ne!(
            base,
            hash("segments:\n  - { id: a, at: \"00:01:00\", title: A }\n")
        );
        assert_ne!(
            base,
            hash("segments:\n  - { at: \"00:01:00\", title: B }\n")
        );
    }

    #[test]
    fn files_the_story_does_not_use_are_reported_but_caption_files_are_left_to_their_rule() {
        let (written, _) = story(&index_md(""));
        let folder = folder(&["video.webm", "notes.txt", "captions.de.vtt"], &[]);
        let video = Video::File {
            name: "video.webm".into(),
            path: PathBuf::from("content/stories/x/video.webm"),
        };
        let problems = unused_files(&written.doc(), &folder.files, &video, &None, &[]);
        let problem = only(&problems);
        assert_eq!(
            problem.message,
            "`notes.txt` is not used by the story, so it is not published"
        );
        let location = problem.location.as_ref().expect("a location");
        assert!(location.path.ends_with("content/stories/x/notes.txt"));
    }

    #[test]
    fn a_story_s_themes_are_its_own_then_those_of_its_segments_each_once() {
        let fields = format!(
            "themes: [family, work]\n{SEGMENTS}  - {{ at: \"00:06:00\", title: End, themes: [recruitment, work] }}\nconsent: {{ languages: [en], given: 2015-01-01, review: 2100-01-01 }}\n"
        );
        let (written, meta) = story(&index_md(&fields));
        let folder = folder(&["video.webm"], &[]);
        let config = config("");
        let (story, problems) = with_context(&written, &folder, &config, |cx| {
            let mut problems = Vec::new();
            let story = build_story(cx, meta, Vec::new(), &mut problems);
            (story, problems)
        });
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(story.themes, ["family", "work", "recruitment"]);
        assert_eq!(story.segments.len(), 3);
        assert_eq!(
            story.texts.source.segment_titles,
            ["Start", "Middle", "End"]
        );
        assert_eq!(story.texts.source.body_html.trim(), "<p>Body.</p>");
    }
}
