//! `/<lang>/feed.xml`: an Atom feed (RFC 4287) of the stories published in one language.
//!
//! Made without a template, like the sitemap: its shape is fixed by the standard, not by the
//! site's look. A story is in a language's feed only if it has its own text in that language:
//! a fallback copy (the default language's text under `/<lang>/`, which the
//! missing-translation policy may show on the site) is never announced to that language's
//! readers as new, whatever `missing_translation` says.
//!
//! Dates come from the stories' `interviewed` dates, never from the clock, so that the same
//! sources give the same bytes: an entry's `updated` is its interview date at midnight UTC and
//! the feed's is its newest entry's. A story without an interview date (and a feed without
//! entries) says [`NO_DATE`], since Atom requires a date and the build time would make every
//! build differ.

use std::fmt::Write;

use super::OutputFile;
use super::sitemap::xml_escape;
use crate::config::MissingTranslation;
use crate::site::{Site, Story};
use crate::urls::{Route, Urls};

/// The date of an entry whose story has no `interviewed` date, and of a feed with no entries.
pub const NO_DATE: &str = "1970-01-01T00:00:00Z";

/// The feed of `lang`, titled `title` (the site's title in that language): the stories with
/// their own text in `lang`, in the site's order (newest interview first, then by slug).
pub fn feed(site: &Site, lang: &str, title: &str) -> OutputFile {
    let urls = &site.urls;
    let home = urls.absolute(&urls.page(lang, Route::Home));
    let own = site.stories.iter().filter_map(|s| entry_of(s, lang));
    let entries: Vec<(&Story, &str, &str)> = own.collect();
    let updated = entries
        .first()
        .map_or_else(|| NO_DATE.to_string(), |(story, ..)| date_of(story));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml_escape(lang)
    );
    let _ = writeln!(xml, "<id>{}</id>", xml_escape(&home));
    let _ = writeln!(xml, "<title>{}</title>", xml_escape(title));
    let _ = writeln!(xml, "<updated>{updated}</updated>");
    // Atom requires an author on the feed or on every entry: the site speaks, never a narrator
    // under anything but the pseudonym shown on the page.
    let _ = writeln!(xml, "<author><name>{}</name></author>", xml_escape(title));
    let _ = writeln!(
        xml,
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&urls.absolute(&urls.file(&Urls::feed_path(lang))))
    );
    let _ = writeln!(
        xml,
        "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{0}\" href=\"{1}\"/>",
        xml_escape(lang),
        xml_escape(&home)
    );
    for (story, title, summary) in entries {
        let page = xml_escape(&urls.absolute(&urls.page(lang, Route::Story(&story.slug))));
        let _ = writeln!(xml, "<entry xml:lang=\"{}\">", xml_escape(lang));
        // The page's absolute address is the entry's id: it names the story in that language
        // and stays the same from build to build.
        let _ = writeln!(xml, "<id>{page}</id>");
        let _ = writeln!(xml, "<title>{}</title>", xml_escape(title));
        let _ = writeln!(xml, "<summary>{}</summary>", xml_escape(summary));
        let _ = writeln!(xml, "<updated>{}</updated>", date_of(story));
        let _ = writeln!(
            xml,
            "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{page}\"/>",
            xml_escape(lang)
        );
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: Urls::feed_path(lang),
        bytes: xml.into_bytes(),
    }
}

/// The story with its own text in `lang` (a translation, or the source written in it), with
/// that text's title and summary; `None` for a story that would only show there as a fallback.
/// Asked of [`crate::site::Texts::get`], as every page is, so that the feed can never list a
/// text the story's page would not show; only its fallback is refused.
fn entry_of<'s>(story: &'s Story, lang: &'s str) -> Option<(&'s Story, &'s str, &'s str)> {
    let shown = story.texts.get(lang, MissingTranslation::Skip)?;
    let text = shown.text;
    (!shown.fallback).then_some((story, text.title.as_str(), text.summary.as_str()))
}

/// An entry's `updated`: its interview date at midnight UTC (RFC 3339), else [`NO_DATE`].
fn date_of(story: &Story) -> String {
    date(story.interviewed)
}

/// A calendar date at midnight UTC (RFC 3339), else [`NO_DATE`].
fn date(day: Option<(i32, u8, u8)>) -> String {
    match day {
        Some((y, m, d)) => format!("{y:04}-{m:02}-{d:02}T00:00:00Z"),
        None => NO_DATE.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc_3339_at_midnight_utc() {
        assert_eq!(date(Some((2015, 3, 7))), "2015-03-07T00:00:00Z");
        assert_eq!(date(Some((987, 12, 31))), "0987-12-31T00:00:00Z");
        assert_eq!(date(None), NO_DATE);
    }
}
