//! The translatable text of every page and its translations: which text a reader of a language
//! sees ([`Texts::get`]), and the fingerprint that tells when a translation went stale.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::config::MissingTranslation;
use crate::content::SourceFile;
use crate::model::Status;

/// The translatable text of a plain page or the home page, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    pub title: String,
    pub description: Option<String>,
    pub body_html: String,
    /// The pictures the body shows, in order.
    pub body_images: Vec<BodyImage>,
}

/// The translatable text of a theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeText {
    pub title: String,
    pub summary: String,
    pub body_html: String,
    /// The pictures the body shows, in order.
    pub body_images: Vec<BodyImage>,
}

/// The translatable text of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryText {
    pub title: String,
    pub summary: String,
    pub statement: Option<String>,
    /// One per segment of the story, in order (the source's title where a translation lacks one).
    pub segment_titles: Vec<String>,
    pub body_html: String,
    /// The pictures the body shows, in order.
    pub body_images: Vec<BodyImage>,
}

/// A picture shown in a page's text (`![alt](photo.jpg)`), published re-encoded by
/// [`crate::output::images`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BodyImage {
    /// What its published files are named after: the hash of its bytes and of the encoding
    /// ([`crate::output::images::name`]).
    pub name: String,
    /// The picture's path from the site's root, for messages: `content/stories/x/street.jpg`.
    pub rel: PathBuf,
    /// Where it is read.
    pub source: PathBuf,
    /// Its width and height, upright.
    pub size: (u32, u32),
    /// The widths it is published at, smallest first.
    pub widths: Vec<u32>,
}

/// A translation of a source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation<T> {
    pub text: T,
    /// The source changed since this translation was made (its `source_hash` differs).
    pub stale: bool,
    /// The `source_hash` it records, if any.
    pub source_hash: Option<String>,
    pub path: PathBuf,
    /// The translation says `status: draft`: it is only here in a preview with drafts.
    pub draft: bool,
}

/// A text in the default language and its translations.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts<T> {
    pub source: T,
    pub source_lang: String,
    pub source_path: PathBuf,
    /// Fingerprint of the source's translatable text, recorded by translations.
    pub hash: String,
    pub translations: BTreeMap<String, Translation<T>>,
    /// The source says `status: draft`, so the whole page (story, theme, page or home) is a
    /// draft: it is only here in a preview with drafts ([`Drafts::Shown`]).
    pub draft: bool,
    /// The only languages the page may be shown in (a story's consent), or `None`: all. In
    /// any other language the page does not exist: no text, no fallback, no alternate.
    pub only_in: Option<BTreeSet<String>>,
}

/// The text to show in one language, and how it relates to that language.
#[derive(Debug)]
pub struct Localized<'a, T> {
    pub text: &'a T,
    /// The language the text is written in.
    pub lang: &'a str,
    /// The text is the default language's, shown because no translation exists.
    pub fallback: bool,
    /// The translation is older than its source.
    pub stale: bool,
    /// The text shown is a draft (the page's source, or this translation): the page carries
    /// a banner saying it is not published.
    pub draft: bool,
}

impl<T> Clone for Localized<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Localized<'_, T> {}

impl<T> Texts<T> {
    /// The source's text and every translation's, source first.
    pub fn all(&self) -> impl Iterator<Item = &T> {
        std::iter::once(&self.source).chain(self.translations.values().map(|t| &t.text))
    }

    /// Whether the page may be shown in `lang` at all (see [`Texts::only_in`]).
    pub fn allows(&self, lang: &str) -> bool {
        self.only_in.as_ref().is_none_or(|only| only.contains(lang))
    }

    /// Whether the page is written in `lang` (as source or translation), and may be shown in it.
    pub fn has(&self, lang: &str) -> bool {
        self.allows(lang) && (self.source_lang == lang || self.translations.contains_key(lang))
    }

    /// The text for readers of `lang`, following the missing-translation policy: `None` when
    /// the page is left out of that language.
    pub fn get<'a>(
        &'a self,
        lang: &'a str,
        policy: MissingTranslation,
    ) -> Option<Localized<'a, T>> {
        if !self.allows(lang) {
            return None;
        }
        if let Some(translation) = self.translations.get(lang) {
            return Some(Localized {
                text: &translation.text,
                lang,
                fallback: false,
                stale: translation.stale,
                draft: self.draft || translation.draft,
            });
        }
        if self.source_lang == lang || policy == MissingTranslation::Fallback {
            return Some(Localized {
                text: &self.source,
                lang: &self.source_lang,
                fallback: self.source_lang != lang,
                stale: false,
                draft: self.draft,
            });
        }
        None
    }
}

/// The fingerprint translations record: the first 12 hex digits of a SHA-256 of the parts.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.trim().as_bytes());
        hasher.update([0u8]);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The texts of a page whose source is `file`, without translations yet.
pub(super) fn new_texts<T>(file: &SourceFile, text: T, hash: String) -> Texts<T> {
    Texts {
        source: text,
        source_lang: file.lang.clone(),
        source_path: file.source.path.clone(),
        hash,
        translations: BTreeMap::new(),
        // Set by `assemble_with` from the source's status, once the item is built.
        draft: false,
        // Set by a story's consent rule.
        only_in: None,
    }
}

/// Adds the translation in `file`: stale when the `source_hash` it records is not the source's.
pub(super) fn add_translation<T>(
    texts: &mut Texts<T>,
    file: &SourceFile,
    text: T,
    source_hash: Option<String>,
    status: Status,
) {
    let stale = source_hash.as_ref().is_some_and(|h| *h != texts.hash);
    texts.translations.insert(
        file.lang.clone(),
        Translation {
            text,
            stale,
            source_hash,
            path: file.source.path.clone(),
            draft: status == Status::Draft,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(draft: bool, translation_draft: Option<bool>) -> Texts<&'static str> {
        let mut translations = BTreeMap::new();
        if let Some(draft) = translation_draft {
            translations.insert(
                "fr".to_string(),
                Translation {
                    text: "fr",
                    stale: false,
                    source_hash: None,
                    path: PathBuf::from("content/about.fr.md"),
                    draft,
                },
            );
        }
        Texts {
            source: "en",
            source_lang: "en".into(),
            source_path: PathBuf::from("content/about.md"),
            hash: String::new(),
            translations,
            draft,
            only_in: None,
        }
    }

    fn draft_in(texts: &Texts<&'static str>, lang: &str) -> Option<bool> {
        texts
            .get(lang, MissingTranslation::Fallback)
            .map(|l| l.draft)
    }

    #[test]
    fn a_draft_translation_of_a_published_page_is_a_draft_in_its_language_only() {
        let texts = texts(false, Some(true));
        assert_eq!(draft_in(&texts, "fr"), Some(true));
        assert_eq!(draft_in(&texts, "en"), Some(false));
        // A language without a translation shows the published source.
        assert_eq!(draft_in(&texts, "ar"), Some(false));
    }

    #[test]
    fn every_language_of_a_draft_source_is_a_draft() {
        let texts = texts(true, Some(false));
        assert_eq!(draft_in(&texts, "en"), Some(true));
        assert_eq!(draft_in(&texts, "fr"), Some(true));
        assert_eq!(draft_in(&texts, "ar"), Some(true));
    }

    #[test]
    fn a_page_allowed_in_some_languages_only_has_no_text_nor_fallback_in_the_others() {
        let mut texts = texts(false, Some(false));
        texts.only_in = Some(["fr".to_string()].into());
        assert!(texts.get("en", MissingTranslation::Fallback).is_none());
        assert!(texts.get("ar", MissingTranslation::Fallback).is_none());
        assert_eq!(
            texts.get("fr", MissingTranslation::Skip).map(|l| *l.text),
            Some("fr")
        );
        assert!(!texts.has("en"));
        assert!(texts.has("fr"));
    }

    #[test]
    fn a_published_page_is_no_draft() {
        let texts = texts(false, Some(false));
        assert_eq!(draft_in(&texts, "en"), Some(false));
        assert_eq!(draft_in(&texts, "fr"), Some(false));
    }
}
