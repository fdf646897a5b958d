//! Open data: `/data/stories.json` (every published story, with its own texts in every
//! language) and `/data/<lang>/stories.json` (the stories shown in one language, with the text
//! shown there), and the JSON Schema they follow, `/data/schema-v1.json`. See
//! `docs/open-data.md`.
//!
//! Made without a template, like the sitemap and the feeds, from typed structs serialized by
//! serde_json: a field is published only if it is written here, so nothing under `private:`,
//! no body (Markdown or HTML) and no path of the sources can reach the files. Drafts (a story
//! or a translation that says `status: draft`) are left out even in a preview that shows them.
//! The files are deterministic: stories in the site's order, maps sorted by key, no build time.

use std::collections::BTreeMap;

use serde::Serialize;

use super::OutputFile;
use crate::config::MissingTranslation;
use crate::diagnostic::Diagnostic;
use crate::site::{Site, Story, StoryText, Texts, Video};
use crate::urls::{Route, Urls};

/// The version of the data files' shape; a change that could break a reader is a new version
/// with a new schema file beside the old one.
pub const VERSION: u32 = 1;

/// The JSON Schema of the data files, shipped as `/data/schema-v1.json`.
pub const SCHEMA: &str = include_str!("opendata-schema-v1.json");

/// The schema file, as it is.
pub fn schema() -> OutputFile {
    OutputFile {
        path: Urls::DATA_SCHEMA_PATH.into(),
        bytes: SCHEMA.as_bytes().to_vec(),
    }
}

/// The file of every language (`lang: None`), or of the stories shown in `lang`.
pub fn stories(site: &Site, lang: Option<&str>) -> Result<Vec<OutputFile>, Diagnostic> {
    let urls = &site.urls;
    let schema = urls.absolute(&urls.file(Urls::DATA_SCHEMA_PATH));
    let bytes = match lang {
        None => to_json(&AllFile {
            schema,
            version: VERSION,
            languages: site
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect(),
            purpose: site.config.purpose.as_ref().map(|p| p.texts.clone()),
            themes: all_themes(site),
            stories: site
                .stories
                .iter()
                .filter_map(|s| all_story(site, s))
                .collect(),
        }),
        Some(lang) => to_json(&LangFile {
            schema,
            version: VERSION,
            lang: lang.to_string(),
            purpose: lang_purpose(site, lang),
            stories: site
                .stories
                .iter()
                .filter_map(|s| lang_story(site, s, lang))
                .collect(),
        }),
    }?;
    Ok(vec![OutputFile {
        path: Urls::data_path(lang),
        bytes,
    }])
}

/// Pretty-printed with a final newline, so that a mirror's diff of two versions is readable.
fn to_json(value: &impl Serialize) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| {
        Diagnostic::error(format!("cannot write the open data as JSON: {e}"))
            .with_help("this is a bug in testimony; please report it")
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `/data/stories.json`.
#[derive(Serialize)]
struct AllFile {
    #[serde(rename = "schema")]
    schema: String,
    version: u32,
    /// The site's languages, in the order of site.yaml (the default first).
    languages: Vec<String>,
    /// The site's stated purpose, by language, as site.yaml gives it: left out when it gives
    /// none, so that a file without it is what version 1 always was.
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<BTreeMap<String, String>>,
    themes: Vec<ThemeAll>,
    stories: Vec<StoryAll>,
}

/// `/data/<lang>/stories.json`.
#[derive(Serialize)]
struct LangFile {
    schema: String,
    version: u32,
    lang: String,
    /// The site's stated purpose as the pages of the language show it in their footer.
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<PurposeLang>,
    stories: Vec<StoryLang>,
}

/// The purpose statement shown in one language.
#[derive(Serialize)]
struct PurposeLang {
    /// The language the text is written in: the file's, or the default language's.
    lang: String,
    text: String,
}

/// The purpose statement shown in `lang`, if the site states one and the missing-translation
/// policy shows one there.
fn lang_purpose(site: &Site, lang: &str) -> Option<PurposeLang> {
    let purpose = site.config.purpose.as_ref()?;
    let default = &site.config.default_language().code;
    let (written_in, text) = purpose.get(lang, default, site.config.missing_translation)?;
    Some(PurposeLang {
        lang: written_in.to_string(),
        text: text.to_string(),
    })
}

/// A theme with its title in every language it has its own published text in.
#[derive(Serialize)]
struct ThemeAll {
    id: String,
    titles: BTreeMap<String, String>,
}

/// What a story has whatever the language.
#[derive(Serialize)]
struct Common {
    slug: String,
    pseudonym: String,
    example: bool,
    origin: String,
    joined: Option<i32>,
    left: Option<i32>,
    /// `YYYY-MM-DD`.
    interviewed: Option<String>,
    duration_seconds: u64,
    video: VideoData,
    poster_url: Option<String>,
    captions: Vec<CaptionData>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum VideoData {
    File { url: String },
    Youtube { youtube_id: String },
}

#[derive(Serialize)]
struct CaptionData {
    lang: String,
    url: String,
}

/// A story in the file of every language.
#[derive(Serialize)]
struct StoryAll {
    #[serde(flatten)]
    common: Common,
    /// The story's page in each language it is shown in (its own text or an allowed fallback).
    urls: BTreeMap<String, String>,
    /// Theme ids, in theme order; their titles are in the file's `themes`.
    themes: Vec<String>,
    segments: Vec<SegmentAll>,
    /// The story's own texts: its source and its published translations, by language.
    texts: BTreeMap<String, TextAll>,
}

#[derive(Serialize)]
struct SegmentAll {
    start_seconds: u64,
    end_seconds: u64,
    themes: Vec<String>,
}

#[derive(Serialize)]
struct TextAll {
    title: String,
    summary: String,
    statement: Option<String>,
    /// One per segment, in order.
    segment_titles: Vec<String>,
}

/// A story in the file of one language.
#[derive(Serialize)]
struct StoryLang {
    #[serde(flatten)]
    common: Common,
    url: String,
    /// The language the text is written in: the file's, or the default language's when the
    /// site shows an untranslated story (`missing_translation: fallback`).
    text_lang: String,
    fallback: bool,
    title: String,
    summary: String,
    statement: Option<String>,
    themes: Vec<ThemeRef>,
    segments: Vec<SegmentLang>,
}

#[derive(Serialize)]
struct ThemeRef {
    id: String,
    title: String,
}

#[derive(Serialize)]
struct SegmentLang {
    start_seconds: u64,
    end_seconds: u64,
    title: String,
    themes: Vec<ThemeRef>,
}

/// The published text of `texts` for readers of `lang` and the language it is written in:
/// like [`Texts::get`], but a draft (the whole page, or its translation) is never published,
/// even in a preview that shows drafts.
fn published<'a, T>(
    texts: &'a Texts<T>,
    lang: &'a str,
    policy: MissingTranslation,
) -> Option<(&'a T, &'a str)> {
    if texts.draft || !texts.allows(lang) {
        return None;
    }
    if let Some(translation) = texts.translations.get(lang).filter(|t| !t.draft) {
        return Some((&translation.text, lang));
    }
    (texts.source_lang == lang || policy == MissingTranslation::Fallback)
        .then_some((&texts.source, texts.source_lang.as_str()))
}

fn all_themes(site: &Site) -> Vec<ThemeAll> {
    let themes = site.themes.iter().filter(|t| !t.texts.draft);
    themes
        .map(|theme| ThemeAll {
            id: theme.id.clone(),
            titles: own_texts(&theme.texts)
                .map(|(lang, text)| (lang.to_string(), text.title.clone()))
                .collect(),
        })
        .collect()
}

/// The source and the published translations of `texts`, by language, in the languages it may
/// be shown in (a story's consent).
fn own_texts<T>(texts: &Texts<T>) -> impl Iterator<Item = (&str, &T)> {
    let translations = texts.translations.iter().filter(|(_, t)| !t.draft);
    std::iter::once((texts.source_lang.as_str(), &texts.source))
        .chain(translations.map(|(lang, t)| (lang.as_str(), &t.text)))
        .filter(|(lang, _)| texts.allows(lang))
}

/// A theme's title in `lang`, else in the default language: a data file never lacks a title.
fn theme_ref(site: &Site, id: &str, lang: &str) -> ThemeRef {
    let title = site
        .theme(id)
        .and_then(|t| published(&t.texts, lang, MissingTranslation::Fallback))
        .map_or_else(|| id.to_string(), |(text, _)| text.title.clone());
    ThemeRef {
        id: id.to_string(),
        title,
    }
}

fn common(site: &Site, story: &Story) -> Common {
    let urls = &site.urls;
    let file = |path: &str| urls.absolute(&urls.file(path));
    Common {
        slug: story.slug.clone(),
        pseudonym: story.pseudonym.clone(),
        example: story.example,
        origin: story.origin.clone(),
        joined: story.joined,
        left: story.left,
        interviewed: story
            .interviewed
            .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        duration_seconds: story.duration.whole_seconds(),
        video: match &story.video {
            Video::File { name, .. } => VideoData::File {
                url: file(&Urls::media_path(&story.slug, name)),
            },
            Video::Youtube { id } => VideoData::Youtube {
                youtube_id: id.clone(),
            },
        },
        poster_url: story
            .poster
            .as_ref()
            .map(|p| file(&Urls::poster_path(&story.slug, &p.name))),
        captions: story
            .captions
            .iter()
            .map(|c| CaptionData {
                lang: c.lang.clone(),
                url: file(&Urls::captions_path(&story.slug, &c.lang)),
            })
            .collect(),
    }
}

fn all_story(site: &Site, story: &Story) -> Option<StoryAll> {
    if story.texts.draft {
        return None;
    }
    let policy = site.config.missing_translation;
    let shown_in = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .filter(|&l| published(&story.texts, l, policy).is_some());
    let page = |lang: &str| {
        let urls = &site.urls;
        urls.absolute(&urls.page(lang, Route::Story(&story.slug)))
    };
    Some(StoryAll {
        common: common(site, story),
        urls: shown_in.map(|l| (l.to_string(), page(l))).collect(),
        themes: story.themes.clone(),
        segments: story
            .segments
            .iter()
            .map(|s| SegmentAll {
                start_seconds: s.start.whole_seconds(),
                end_seconds: s.end.whole_seconds(),
                themes: s.themes.clone(),
            })
            .collect(),
        texts: own_texts(&story.texts)
            .map(|(lang, text)| (lang.to_string(), text_all(text)))
            .collect(),
    })
}

fn text_all(text: &StoryText) -> TextAll {
    TextAll {
        title: text.title.clone(),
        summary: text.summary.clone(),
        statement: text.statement.clone(),
        segment_titles: text.segment_titles.clone(),
    }
}

fn lang_story(site: &Site, story: &Story, lang: &str) -> Option<StoryLang> {
    let (text, text_lang) = published(&story.texts, lang, site.config.missing_translation)?;
    let urls = &site.urls;
    let themes = |ids: &[String]| ids.iter().map(|id| theme_ref(site, id, lang)).collect();
    Some(StoryLang {
        common: common(site, story),
        url: urls.absolute(&urls.page(lang, Route::Story(&story.slug))),
        text_lang: text_lang.to_string(),
        fallback: text_lang != lang,
        title: text.title.clone(),
        summary: text.summary.clone(),
        statement: text.statement.clone(),
        themes: themes(&story.themes),
        segments: story
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| SegmentLang {
                start_seconds: s.start.whole_seconds(),
                end_seconds: s.end.whole_seconds(),
                title: text.segment_titles.get(i).cloned().unwrap_or_default(),
                themes: themes(&s.themes),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_schema_is_json_of_version_1() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("valid JSON");
        assert_eq!(schema["properties"]["version"]["const"], VERSION);
    }
}
