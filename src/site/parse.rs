//! Reading one Markdown file's front matter into the typed [`Meta`] of its kind, keeping the
//! tree of every key and value for later messages.

use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::content::{Kind, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::frontmatter::{self, yaml::Node};
use crate::model::*;

use super::cache::{Cache, FrontMatter};

/// A parsed file, before grouping.
pub(super) struct Parsed {
    pub file: SourceFile,
    /// Shared with the cache: a page built from a cached file needs neither cloned.
    pub meta: Arc<Meta>,
    /// The front matter as read, with the place of every key and value.
    pub fields: Arc<Node>,
    pub body: Range<usize>,
}

/// The front matter of a file, typed by its kind and whether it is a source or a translation.
#[derive(Clone)]
pub(super) enum Meta {
    Page(PageMeta),
    PageTranslation(PageTranslationMeta),
    Theme(ThemeMeta),
    ThemeTranslation(ThemeTranslationMeta),
    Story(Box<StoryMeta>),
    StoryTranslation(StoryTranslationMeta),
}

/// Whether a file is part of the output, as its status and embargo decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Standing {
    Published,
    /// `status: draft`: checked, and shown only by `serve --drafts`.
    Draft,
    /// Under embargo (`publish_after` after the build date, or not a date): checked like a
    /// draft, and never shown, not even by `serve --drafts`.
    Embargoed,
    /// `status: withdrawn`: neither built nor checked nor shown, and nothing of it printed.
    Withdrawn,
}

impl Meta {
    /// The file's `status`.
    pub fn status(&self) -> Status {
        match self {
            Meta::Page(m) => m.status,
            Meta::PageTranslation(m) => m.status,
            Meta::Theme(m) => m.status,
            Meta::ThemeTranslation(m) => m.status,
            Meta::Story(m) => m.status,
            Meta::StoryTranslation(m) => m.status,
        }
    }

    /// Whether the file says `status: draft`.
    pub fn is_draft(&self) -> bool {
        self.status() == Status::Draft
    }

    /// The file's `publish_after`, as written (sources only carry one).
    pub fn publish_after(&self) -> Option<&str> {
        match self {
            Meta::Page(m) => m.publish_after.as_deref(),
            Meta::Theme(m) => m.publish_after.as_deref(),
            Meta::Story(m) => m.publish_after.as_deref(),
            _ => None,
        }
    }

    /// Whether the file is published on the build date `today`. Withdrawal wins over
    /// everything; an embargo over a draft (a draft under embargo is not previewed either: the
    /// preview is what the site would be today). A `publish_after` that is not a date keeps the
    /// file out (its own rule reports it): an unreadable embargo is never taken as none.
    pub fn standing(&self, today: crate::date::Date) -> Standing {
        if self.status() == Status::Withdrawn {
            return Standing::Withdrawn;
        }
        if let Some(text) = self.publish_after()
            && crate::date::Date::parse(text).is_none_or(|date| date > today)
        {
            return Standing::Embargoed;
        }
        match self.status() {
            Status::Draft => Standing::Draft,
            _ => Standing::Published,
        }
    }

    /// Whether the file is part of the site, drafts kept or not as `drafts` says.
    pub fn kept(&self, drafts: super::Drafts, today: crate::date::Date) -> bool {
        match self.standing(today) {
            Standing::Published => true,
            Standing::Draft => drafts == super::Drafts::Shown,
            Standing::Embargoed | Standing::Withdrawn => false,
        }
    }
}

/// Splits a file into front matter and body and reads the front matter as its kind's type.
pub(super) fn parse_file(file: SourceFile, cache: &Cache) -> Result<Parsed, Vec<Diagnostic>> {
    let source = std::sync::Arc::clone(&file.source);
    let (meta, fields, body) = cache.front_matter(&source, || read_front_matter(&file))?;
    Ok(Parsed {
        file,
        meta,
        fields,
        body,
    })
}

/// The front matter of `file`, typed by its kind, and where its body is.
fn read_front_matter(file: &SourceFile) -> FrontMatter {
    let split = frontmatter::split(&file.source).map_err(|d| vec![d])?;
    let range = split.yaml.clone();
    fn yaml<T: DeserializeOwned>(
        file: &SourceFile,
        range: Range<usize>,
        wrap: impl FnOnce(T) -> Meta,
    ) -> Result<(Meta, Node), Vec<Diagnostic>> {
        frontmatter::read(&file.source, range).map(|(meta, fields)| (wrap(meta), fields))
    }
    let (meta, fields) = match (&file.kind, file.is_source) {
        (Kind::Home | Kind::Page { .. }, true) => yaml(file, range, Meta::Page)?,
        (Kind::Home | Kind::Page { .. }, false) => yaml(file, range, Meta::PageTranslation)?,
        (Kind::Theme { .. }, true) => yaml(file, range, Meta::Theme)?,
        (Kind::Theme { .. }, false) => yaml(file, range, Meta::ThemeTranslation)?,
        (Kind::Story { .. }, true) => {
            yaml(file, range, |m| Meta::Story(Box::new(m))).map_err(place_fields)?
        }
        (Kind::Story { .. }, false) => yaml(file, range, Meta::StoryTranslation)?,
    };
    Ok((Arc::new(meta), Arc::new(fields), split.body))
}

/// Fields that would name a place finer than the country: only `origin` (a country code) is
/// published, so each gets a help saying where the place belongs.
const PLACE_FIELDS: [&str; 12] = [
    "city",
    "town",
    "village",
    "hometown",
    "home_town",
    "region",
    "province",
    "governorate",
    "district",
    "place",
    "birthplace",
    "location",
];

/// The problems of a story's front matter, with the help for an unknown field that names a
/// place saying that only the country is published.
fn place_fields(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for problem in &mut problems {
        let field = problem
            .message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.strip_suffix('`'));
        if field.is_some_and(|f| PLACE_FIELDS.contains(&f.to_lowercase().as_str())) {
            problem.help = Some("only the country is published, as `origin` (a two-letter code): keep the town or region under `private:`, and list it in `private: forbidden:` so that it appears nowhere".into());
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Kind, SourceFile};
    use crate::diagnostic::SourceText;

    #[test]
    fn an_unknown_field_naming_a_place_says_only_the_country_is_published() {
        let text = crate::site::testing::index_md("city: Exampletown\nmood: calm\n");
        let file = SourceFile {
            source: SourceText::new(crate::site::testing::INDEX, text),
            ..crate::site::testing::story(&crate::site::testing::index_md(""))
                .0
                .file
        };
        assert!(matches!(file.kind, Kind::Story { .. }));
        let Err(problems) = read_front_matter(&file) else {
            panic!("unknown fields are errors");
        };
        let helps: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.message.as_str(), p.help.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(helps.len(), 2, "{helps:?}");
        assert!(
            helps[0].1.starts_with("only the country is published"),
            "{helps:?}"
        );
        assert!(!helps[1].1.contains("country"), "{helps:?}");
    }
}
