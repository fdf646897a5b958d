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
use super::{CaptionTrack, Story, StoryText, Texts, Video, captions, video};

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
}

impl Folders<'_> {
    pub fn of(&self, slug: &str) -> StoryFolder {
        StoryFolder {
            files: self.files.get(slug).cloned().unwrap_or_default(),
            texts: self.texts.get(slug).cloned().unwrap_or_default(),
        }
    }
}

/// One story's folder: the files beside its Markdown by name (with their full paths), and the
/// text of those that were read while loading (its caption files).
#[derive(Default)]
pub(super) struct StoryFolder {
    pub files: BTreeMap<String, PathBuf>,
    pub texts: BTreeMap<String, ReadText>,
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
    // A segment's themes are the story's themes too.
    for id in segments.list.iter().flat_map(|s| &s.themes) {
        if !themes.contains(id) {
            themes.push(id.clone());
        }
    }
    let mut texts = source_texts(cx, &meta, &segments, problems);
    add_translations(cx, &mut texts, &segments, translations, problems);
    problems.extend(unused_files(
        doc,
        &cx.folder.files,
        &video,
        &poster,
        &captions,
    ));
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
    let text = StoryText {
        body_html: cx.shared.resolver.render(file, cx.body.clone(), problems),
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
        let Meta::StoryTranslation(tmeta) = t.meta else {
            continue;
        };
        let tdoc = Doc {
            file: &t.file,
            fields: &t.fields,
        };
        let titles =
            translated_segment_titles(segments, &tmeta.segments, &tdoc, cx.doc.file, problems);
        let text = StoryText {
            body_html: resolver.render(&t.file, t.body, problems),
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
    poster: &Option<(String, PathBuf)>,
    captions: &[CaptionTrack],
) -> Vec<Diagnostic> {
    let mut used: BTreeSet<&str> = BTreeSet::new();
    if let Video::File { name, .. } = video {
        used.insert(name);
    }
    if let Some((name, _)) = poster {
        used.insert(name);
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
