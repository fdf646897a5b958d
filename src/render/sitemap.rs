//! `sitemap.xml`: every page in every language it is written in, with hreflang alternates.

use std::fmt::Write;

use super::OutputFile;
use super::pagination::{List, Lists};
use crate::site::Site;
use crate::urls::Route;

/// `sitemap.xml`: every page in every language it is written in, with hreflang alternates.
/// Fallback pages are not announced as translations. The alternates are reciprocal, as search
/// engines require: each address of a page lists every one of them, itself included, and the
/// same `x-default` (the default language's, which every page is written in; else its first).
pub fn sitemap(site: &Site) -> OutputFile {
    let urls = &site.urls;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let default = site.config.default_language().code.as_str();
    for (route, number, in_langs) in entries(site) {
        let address = |lang: &str| urls.absolute(&urls.list_page(lang, route, number));
        let x_default = match in_langs.iter().find(|&&l| l == default) {
            Some(lang) => Some(*lang),
            None => in_langs.first().copied(),
        };
        for lang in &in_langs {
            let _ = writeln!(xml, "<url><loc>{}</loc>", xml_escape(&address(lang)));
            for other in &in_langs {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>",
                    xml_escape(&address(other))
                );
            }
            if let Some(x_default) = x_default {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    xml_escape(&address(x_default))
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
}

/// The pages the sitemap lists, each with its number in its list (1 for a page that is not
/// part of one) and the languages it is written in: the generated lists (the stories of each
/// country too) in every language, then plain pages, themes and stories where they have a
/// text; a later page of a list in the languages whose list is that long.
fn entries(site: &Site) -> Vec<(Route<'_>, usize, Vec<&str>)> {
    let lists = Lists::new(site);
    let mut entries = Vec::new();
    for (route, in_langs) in first_pages(site) {
        let list = match route {
            Route::Stories => Some(List::Stories),
            Route::StoriesFrom(code) => Some(List::From(code)),
            Route::Theme(id) => Some(List::Theme(id)),
            _ => None,
        };
        let pages = |lang: &str| list.map_or(1, |list| lists.pages(lang, list));
        let most = in_langs.iter().map(|l| pages(l)).max().unwrap_or(1);
        // (The `listed` rule below also drops an empty list's single page.)
        for number in 1..=most {
            // A country's list exists in a language only if a story from there is shown in it.
            let listed = |lang: &str| match list {
                Some(list @ List::From(_)) => lists.items(lang, list) > 0,
                _ => true,
            };
            let langs: Vec<&str> = in_langs
                .iter()
                .copied()
                .filter(|l| listed(l) && pages(l) >= number)
                .collect();
            entries.push((route, number, langs));
        }
    }
    entries
}

/// The first page of every page the sitemap lists, with the languages it is written in.
fn first_pages(site: &Site) -> Vec<(Route<'_>, Vec<&str>)> {
    let langs: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let written =
        |has: &dyn Fn(&str) -> bool| langs.iter().copied().filter(|l| has(l)).collect::<Vec<_>>();
    let mut entries: Vec<(Route, Vec<&str>)> = [
        Route::Home,
        Route::Stories,
        Route::Themes,
        Route::Statements,
    ]
    .into_iter()
    .map(|route| (route, langs.clone()))
    .collect();
    // The stories of each country, a generated list in every language like the others.
    let origins: std::collections::BTreeSet<&str> =
        site.stories.iter().map(|s| s.origin.as_str()).collect();
    for origin in origins {
        entries.push((Route::StoriesFrom(origin), langs.clone()));
    }
    for page in &site.pages {
        entries.push((Route::Page(&page.path), written(&|l| page.texts.has(l))));
    }
    for theme in &site.themes {
        entries.push((Route::Theme(&theme.id), written(&|l| theme.texts.has(l))));
    }
    for story in &site.stories {
        entries.push((Route::Story(&story.slug), written(&|l| story.texts.has(l))));
    }
    entries
}

/// `text` made safe inside XML text and double-quoted attributes (the sitemap, the feeds).
pub(super) fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn addresses_are_escaped_for_xml() {
        assert_eq!(
            xml_escape("https://x.example/a?b=1&c=\"<d>\""),
            "https://x.example/a?b=1&amp;c=&quot;&lt;d&gt;&quot;"
        );
    }
}
