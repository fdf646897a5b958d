//! Every address of the site comes from here, so that a site served from a sub-path
//! (`base_url: https://example.org/testimony/`) has working links everywhere.

use serde::Serialize;

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

    /// The address of a file of the site from its root: `static/style.css` -> `/testimony/static/style.css`.
    pub fn file(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// A full address with scheme and host, for canonical links, the sitemap and structured data.
    pub fn absolute(&self, site_path: &str) -> String {
        let rest = site_path
            .strip_prefix(self.base_path.as_str())
            .unwrap_or(site_path.trim_start_matches('/'));
        format!("{}{rest}", self.base_url)
    }

    /// Where a page is written in the output folder: `ar/stories/x/index.html`.
    pub fn output_path(lang: &str, route: Route) -> String {
        format!("{lang}/{}index.html", route.path())
    }

    /// The site root's address, for the language chooser.
    pub fn root(&self) -> &str {
        &self.base_path
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
        assert_eq!(
            urls.absolute("/testimony/en/"),
            "https://example.org/testimony/en/"
        );
        assert_eq!(
            Urls::output_path("fr", Route::Themes),
            "fr/themes/index.html"
        );
    }
}
