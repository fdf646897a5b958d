//! Every address of the site comes from here, so that a site served from a sub-path
//! (`base_url: https://example.org/testimony/`) has working links everywhere.
//!
//! Page addresses are made of slugs, theme ids and language codes, which are restricted to
//! `a-z0-9-` and need no encoding. File addresses are made of file names chosen by editors and
//! theme authors (`clip #1.webm`, `café.png`), so [`Urls::file`] percent-encodes each segment of
//! the output path: the file keeps its real name on disk, and the address reaches it. Encoding
//! in one place, rather than in each caller, is what keeps a new kind of file from shipping a
//! broken link; a filter in the templates was rejected because the JSON-LD is written without
//! them, and a theme could forget it.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// What is encoded in a segment of a file's address: everything but the unreserved characters
/// of RFC 3986 (`A-Z a-z 0-9 - . _ ~`). Sub-delimiters such as `!` or `(` would be allowed in
/// a path, but encoding them too costs nothing and means that no file name can be read as
/// markup, a query (`?`), a fragment (`#`) or an escape of its own (`%`) anywhere the address is
/// pasted.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path of the output folder as an address path: each `/`-separated segment percent-encoded
/// as UTF-8, the `/` between them kept.
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// A page of the site, independent of its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Route<'a> {
    Home,
    /// A plain page by its path, e.g. `about`.
    Page(&'a str),
    Stories,
    /// Stories from one country, by ISO code (lowercase in the address).
    StoriesFrom(&'a str),
    Story(&'a str),
    Themes,
    Theme(&'a str),
    Statements,
    /// The search page of a language.
    Search,
}

impl Route<'_> {
    /// The path after `/<lang>/`, ending in `/` (empty for the home page).
    fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Page(path) => format!("{path}/"),
            Route::Stories => "stories/".into(),
            Route::StoriesFrom(code) => format!("stories/from/{}/", code.to_ascii_lowercase()),
            Route::Story(slug) => format!("stories/{slug}/"),
            Route::Themes => "themes/".into(),
            Route::Theme(id) => format!("themes/{id}/"),
            Route::Statements => "statements/".into(),
            Route::Search => "search/".into(),
        }
    }
}

/// Builds addresses from the site's base URL.
#[derive(Debug, Clone)]
pub struct Urls {
    /// `https://example.org/testimony/`
    base_url: String,
    /// `/testimony/`
    base_path: String,
}

impl Urls {
    pub fn new(base_url: &str) -> Urls {
        let mut base_url = base_url.to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let base_path = match base_url.split_once("://") {
            Some((_, rest)) => rest
                .find('/')
                .map_or("/".to_string(), |i| rest[i..].to_string()),
            None => base_url.clone(),
        };
        Urls {
            base_url,
            base_path,
        }
    }

    /// The address of a page in a language, from the site's root: `/testimony/ar/stories/x/`.
    pub fn page(&self, lang: &str, route: Route) -> String {
        format!("{}{lang}/{}", self.base_path, route.path())
    }

    /// The address of page `number` (from 1) of a list (all stories, a country's, a theme's):
    /// page 1 is the list's own address, later ones `page/<n>/` under it:
    /// `/ar/themes/defection/page/2/`.
    pub fn list_page(&self, lang: &str, route: Route, number: usize) -> String {
        format!("{}{}", self.page(lang, route), page_suffix(number))
    }

    /// The address of a file of the site from its path in the output folder, each segment
    /// percent-encoded: `media/x/clip #1.webm` -> `/testimony/media/x/clip%20%231.webm`.
    /// Every address of a file (media, captions, posters, chapters, assets) is made here.
    pub fn file(&self, output_path: &str) -> String {
        format!(
            "{}{}",
            self.base_path,
            encode_path(output_path.trim_start_matches('/'))
        )
    }

    /// A full address with scheme and host, for canonical links, the sitemap and structured data.
    pub fn absolute(&self, site_path: &str) -> String {
        let rest = site_path
            .strip_prefix(self.base_path.as_str())
            .unwrap_or(site_path.trim_start_matches('/'));
        format!("{}{rest}", self.base_url)
    }

    /// Where a file of a story is written in the output folder, under its real name:
    /// `media/x/clip #1.webm`. Its address is [`Urls::file`] of this path.
    /// A video keeps its name; posters and captions are renamed ([`Urls::poster_path`],
    /// [`Urls::captions_path`]).
    pub fn media_path(slug: &str, name: &str) -> String {
        format!("media/{slug}/{name}")
    }

    /// Where a story's poster is written: re-encoded, it is always named `poster.jpg` or
    /// `poster.png` (see [`poster_file_name`]), whatever the editor called it.
    pub fn poster_path(slug: &str, name: &str) -> String {
        Self::media_path(slug, poster_file_name(name))
    }

    /// Where a story's captions in a language are written: re-written from their parsed form,
    /// always as `captions.<lang>.vtt`, whatever the source file is called.
    pub fn captions_path(slug: &str, lang: &str) -> String {
        Self::media_path(slug, &format!("captions.{lang}.vtt"))
    }

    /// Where a file of the site theme's `static/` folder is written, by its path inside that
    /// folder with `/` separators: `fonts/a.woff2` -> `static/fonts/a.woff2`.
    pub fn asset_path(name: &str) -> String {
        format!("static/{name}")
    }

    /// Where the chapters track of a story in a language is written: beside its page.
    pub fn chapters_path(lang: &str, slug: &str) -> String {
        format!("{lang}/{}chapters.vtt", Route::Story(slug).path())
    }

    /// Where the Atom feed of a language is written: `ar/feed.xml`. Its address is
    /// [`Urls::file`] of this path.
    pub fn feed_path(lang: &str) -> String {
        format!("{lang}/feed.xml")
    }

    /// The folder of a language's search index (pagefind's files), beside its search page:
    /// `ar/search/pagefind`, so that the search page's policy covers what it loads.
    pub fn search_bundle_path(lang: &str) -> String {
        format!("{lang}/{}pagefind", Route::Search.path())
    }

    /// Where the open data of the stories is written: `data/stories.json` for every language,
    /// `data/ar/stories.json` for one. Its address is [`Urls::file`] of this path.
    pub fn data_path(lang: Option<&str>) -> String {
        match lang {
            Some(lang) => format!("data/{lang}/stories.json"),
            None => "data/stories.json".into(),
        }
    }

    /// Where the JSON Schema of the open data is written; its version is in its name, so that
    /// a later, incompatible schema is a new file beside it rather than a change under readers.
    pub const DATA_SCHEMA_PATH: &'static str = "data/schema-v1.json";

    /// Where a page is written in the output folder: `ar/stories/x/index.html`.
    pub fn output_path(lang: &str, route: Route) -> String {
        format!("{lang}/{}index.html", route.path())
    }

    /// Where page `number` (from 1) of a list is written: `ar/themes/x/page/2/index.html`,
    /// page 1 where the list's address has always been ([`Urls::output_path`]).
    pub fn list_output_path(lang: &str, route: Route, number: usize) -> String {
        format!("{lang}/{}{}index.html", route.path(), page_suffix(number))
    }

    /// Where the page for an address that does not exist is written: `/<lang>/404.html` in a
    /// language, `/404.html` (in the default language) at the root. Hosts serve it for any
    /// missing address, at that address, so every link on it is from the site's root.
    pub fn not_found_path(lang: Option<&str>) -> String {
        match lang {
            Some(lang) => format!("{lang}/404.html"),
            None => "404.html".into(),
        }
    }

    /// Where the sitemap is written; its full address is `absolute(&file(SITEMAP_PATH))`.
    pub const SITEMAP_PATH: &'static str = "sitemap.xml";

    /// The site root's address, for the language chooser.
    pub fn root(&self) -> &str {
        &self.base_path
    }
}

/// What follows a list's address for its page `number`: nothing for the first.
fn page_suffix(number: usize) -> String {
    if number > 1 {
        format!("page/{number}/")
    } else {
        String::new()
    }
}

/// The name a story's poster has in the output: the poster is re-encoded as the kind of
/// picture it is (PNG stays PNG, anything else is read as JPEG), and a fixed name means that
/// the editor's file name (which may say more than it should) never reaches the reader.
pub fn poster_file_name(name: &str) -> &'static str {
    if name.to_ascii_lowercase().ends_with(".png") {
        "poster.png"
    } else {
        "poster.jpg"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_addresses_under_a_sub_path() {
        let urls = Urls::new("https://example.org/testimony");
        assert_eq!(
            urls.page("ar", Route::Story("x")),
            "/testimony/ar/stories/x/"
        );
        assert_eq!(urls.page("en", Route::Home), "/testimony/en/");
        assert_eq!(
            urls.page("en", Route::StoriesFrom("SY")),
            "/testimony/en/stories/from/sy/"
        );
        assert_eq!(urls.file("static/a.css"), "/testimony/static/a.css");
        assert_eq!(urls.file("/static/a.css"), "/testimony/static/a.css");
        assert_eq!(
            urls.absolute("/testimony/en/"),
            "https://example.org/testimony/en/"
        );
        assert_eq!(
            Urls::output_path("fr", Route::Themes),
            "fr/themes/index.html"
        );
        assert_eq!(Urls::chapters_path("ar", "x"), "ar/stories/x/chapters.vtt");
        assert_eq!(urls.file(&Urls::feed_path("ar")), "/testimony/ar/feed.xml");
        assert_eq!(Urls::data_path(None), "data/stories.json");
        assert_eq!(
            urls.file(&Urls::data_path(Some("ar"))),
            "/testimony/data/ar/stories.json"
        );
        assert_eq!(
            urls.file(&Urls::chapters_path("ar", "x")),
            "/testimony/ar/stories/x/chapters.vtt"
        );
        assert_eq!(
            urls.file(&Urls::not_found_path(Some("ar"))),
            "/testimony/ar/404.html"
        );
        assert_eq!(
            urls.file(&Urls::not_found_path(None)),
            "/testimony/404.html"
        );
        assert_eq!(
            urls.absolute(&urls.file(Urls::SITEMAP_PATH)),
            "https://example.org/testimony/sitemap.xml"
        );
    }

    #[test]
    fn later_pages_of_a_list_are_under_its_address_and_the_first_is_the_list_itself() {
        let urls = Urls::new("https://example.org/testimony/");
        let theme = Route::Theme("defection");
        assert_eq!(
            urls.list_page("ar", theme, 1),
            urls.page("ar", theme),
            "page 1 keeps the list's address"
        );
        assert_eq!(
            urls.list_page("ar", theme, 2),
            "/testimony/ar/themes/defection/page/2/"
        );
        assert_eq!(
            Urls::list_output_path("ar", theme, 1),
            Urls::output_path("ar", theme)
        );
        assert_eq!(
            Urls::list_output_path("en", Route::StoriesFrom("SY"), 12),
            "en/stories/from/sy/page/12/index.html"
        );
    }

    #[test]
    fn files_that_are_not_pages_have_their_output_path_here_and_their_address_from_it() {
        let urls = Urls::new("https://example.org/testimony/");
        assert_eq!(
            Urls::media_path("x", "clip #1.webm"),
            "media/x/clip #1.webm"
        );
        assert_eq!(Urls::poster_path("x", "Abu Omar.PNG"), "media/x/poster.png");
        assert_eq!(Urls::poster_path("x", "face.jpeg"), "media/x/poster.jpg");
        assert_eq!(Urls::poster_path("x", "face.webp"), "media/x/poster.jpg");
        assert_eq!(Urls::captions_path("x", "ar"), "media/x/captions.ar.vtt");
        assert_eq!(
            Urls::asset_path("fonts/a b.woff2"),
            "static/fonts/a b.woff2"
        );
        // The address is the output path, encoded, under the base path: the two cannot drift.
        assert_eq!(
            urls.file(&Urls::captions_path("x", "ar")),
            "/testimony/media/x/captions.ar.vtt"
        );
        assert_eq!(
            urls.file(&Urls::poster_path("x", "p.png")),
            "/testimony/media/x/poster.png"
        );
        assert_eq!(
            urls.file(&Urls::asset_path("fonts/a b.woff2")),
            "/testimony/static/fonts/a%20b.woff2"
        );
    }

    #[test]
    fn file_addresses_encode_each_segment_and_keep_the_slashes() {
        let urls = Urls::new("https://example.org/testimony/");
        assert_eq!(
            urls.file("media/story-one/clip #1 é.webm"),
            "/testimony/media/story-one/clip%20%231%20%C3%A9.webm"
        );
        assert_eq!(
            urls.file("static/fonts/a?b%c.woff2"),
            "/testimony/static/fonts/a%3Fb%25c.woff2"
        );
        // Quotes, angle brackets and a backslash cannot end an attribute or open a tag.
        assert_eq!(encode_path(r#"a"b'c<d>e\f"#), "a%22b%27c%3Cd%3Ee%5Cf");
        // Arabic, as UTF-8 bytes.
        assert_eq!(encode_path("ملصق.png"), "%D9%85%D9%84%D8%B5%D9%82.png");
        // Unreserved characters are kept, so ordinary names do not change.
        assert_eq!(
            encode_path("media/a-b_c~d/captions.en.vtt"),
            "media/a-b_c~d/captions.en.vtt"
        );
        assert_eq!(
            urls.absolute(&urls.file("media/x/a b.mp4")),
            "https://example.org/testimony/media/x/a%20b.mp4"
        );
    }
}
