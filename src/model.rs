//! The front matter of each kind of page, as editors and translators write it.
//!
//! Sources (`name.md`) and translations (`name.<lang>.md`) have separate types: a translation
//! may hold only translatable fields, so a translator who copies `pseudonym:` or `private:` into
//! a translation gets an error instead of a silent override.

use serde::Deserialize;

/// Whether a page is built. Pages and themes are published unless they say otherwise; a story
/// must say which it is, so that a half-written testimony is never published by omission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Published,
    /// Checked like a published page, but never built, copied or listed (only `serve --drafts`
    /// shows it, with a banner).
    Draft,
    /// Taken back by the narrator (`testimony withdraw`): never built, listed, copied or
    /// checked, not even by `serve --drafts`, and nothing of it is printed.
    Withdrawn,
}

/// A plain page or the home page, in the default language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: String,
    pub description: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// Embargo: `YYYY-MM-DD`; left out of every output until the build date reaches it.
    pub publish_after: Option<String>,
}

/// A plain page's or the home page's translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageTranslationMeta {
    pub title: String,
    pub description: Option<String>,
    #[serde(default)]
    pub status: Status,
    pub source_hash: Option<String>,
}

/// A theme, in the default language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeMeta {
    pub title: String,
    pub summary: String,
    pub order: u32,
    #[serde(default)]
    pub status: Status,
    /// Embargo: `YYYY-MM-DD`; left out of every output until the build date reaches it.
    pub publish_after: Option<String>,
}

/// A theme's translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeTranslationMeta {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub status: Status,
    pub source_hash: Option<String>,
}

/// Where a story's video comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VideoMeta {
    /// A file beside `index.md`.
    pub file: Option<String>,
    /// A YouTube video id; only allowed when `site.yaml` allows `youtube`.
    pub youtube: Option<String>,
    pub poster: Option<String>,
    /// `HH:MM:SS`.
    pub duration: String,
}

/// A time-coded part of a story's video.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentMeta {
    /// An optional stable name, for translations to match the segment by (rather than by
    /// its position in the list).
    pub id: Option<String>,
    /// `HH:MM:SS` from the start of the video.
    pub at: String,
    pub title: String,
    #[serde(default)]
    pub themes: Vec<String>,
}

/// A segment title in a translation, matched to the source's segment by `id` when it has
/// one, otherwise by its position in the list. `at` may be written as a reminder of which
/// segment it is; it is not used to match, so re-timing the source breaks nothing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentTranslationMeta {
    pub id: Option<String>,
    pub at: Option<String>,
    pub title: String,
}

/// A content warning shown before a story's video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Warning {
    Violence,
    Death,
    SexualViolence,
    ChildAbuse,
    SelfHarm,
    DisturbingImages,
}

impl Warning {
    /// The id used in front matter and as the Fluent key suffix (`warning-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Warning::Violence => "violence",
            Warning::Death => "death",
            Warning::SexualViolence => "sexual-violence",
            Warning::ChildAbuse => "child-abuse",
            Warning::SelfHarm => "self-harm",
            Warning::DisturbingImages => "disturbing-images",
        }
    }
}

/// A story, in the default language. See docs/content-format.md.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    pub title: String,
    pub pseudonym: String,
    pub summary: String,
    #[serde(default)]
    pub example: bool,
    pub origin: String,
    pub joined: Option<i32>,
    pub left: Option<i32>,
    pub interviewed: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    pub video: VideoMeta,
    #[serde(default)]
    pub captions: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub segments: Vec<SegmentMeta>,
    pub statement: Option<String>,
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// Required on a story: `published`, `draft` or `withdrawn`.
    pub status: Status,
    /// Embargo: `YYYY-MM-DD`; left out of every output until the build date reaches it.
    pub publish_after: Option<String>,
    /// What the narrator agreed to; required when `status: published`.
    pub consent: Option<ConsentMeta>,
    /// For editors only: never rendered. Only the terms that must appear nowhere are read.
    #[serde(default)]
    pub private: Private,
}

/// A story's `private:` block, for editors only. Every key is free (editors keep notes there)
/// and ignored, except the two that name what must never be published: `forbidden:`, a list of
/// terms (real names and their spellings, home towns, unit names), and `real_name:`, which is
/// forbidden too. The block may also be a single text or a list of notes. See
/// src/forbidden.rs for how the terms are matched.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Private {
    /// `private: forbidden:`, as written.
    pub forbidden: Vec<String>,
    /// `private: real_name:`, as written.
    pub real_name: Option<String>,
}

impl std::fmt::Debug for Private {
    /// Counts only: a private value is never printed, not even in a test's failure.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Private {{ {} forbidden, real_name: {} }}",
            self.forbidden.len(),
            self.real_name.is_some()
        )
    }
}

impl<'de> Deserialize<'de> for Private {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PrivateVisitor)
    }
}

/// Reads a `private:` block of any form, keeping `forbidden` and `real_name` from a mapping.
struct PrivateVisitor;

impl<'de> serde::de::Visitor<'de> for PrivateVisitor {
    type Value = Private;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the editors' notes")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Private, A::Error> {
        let mut private = Private::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "forbidden" => private.forbidden = map.next_value()?,
                "real_name" => private.real_name = map.next_value()?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(private)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Private, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Private::default())
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Private, E> {
        Ok(Private::default())
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Private, E> {
        Ok(Private::default())
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Private, E> {
        Ok(Private::default())
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Private, E> {
        Ok(Private::default())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Private, E> {
        Ok(Private::default())
    }
}

/// A narrator's consent, as the editors record it: the only languages the story is built in,
/// where copies of it are published, and its dates. Never rendered.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentMeta {
    /// Site language codes; the story is built in these only.
    pub languages: Vec<String>,
    /// Where the story is published, this site included: what `testimony withdraw` lists.
    #[serde(default)]
    pub platforms: Vec<PlatformMeta>,
    /// When consent was given, `YYYY-MM-DD`.
    pub given: String,
    /// When it must be asked again, `YYYY-MM-DD`: past it, `check` and `build` warn.
    pub review: String,
}

/// One place a story is published.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformMeta {
    pub name: String,
    pub url: Option<String>,
}

/// A story's translation: only the translatable fields.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryTranslationMeta {
    pub title: String,
    pub summary: String,
    pub statement: Option<String>,
    #[serde(default)]
    pub segments: Vec<SegmentTranslationMeta>,
    #[serde(default)]
    pub status: Status,
    pub source_hash: Option<String>,
}
