//! The per-language view: everything that is the same on every page of one language, built
//! once per build, so that a page builder is handed one `&LangView` instead of a language code
//! it would look everything up with again.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::{LangContext, PurposeContext, SiteContext, Templates};
use crate::config::Language;
use crate::i18n::{self, Formatter, Locales};
use crate::site::Site;
use crate::urls::{Route, Urls};

/// One language of the site, as its pages see it.
pub struct LangView<'a> {
    /// The language, as site.yaml gives it.
    pub language: &'a Language,
    /// The language as templates see it (`lang`).
    pub lang: LangContext,
    /// The templates, with the `t()` of this language registered.
    tera: tera::Tera,
    /// Dates, years and country names in this language.
    pub formatter: Formatter,
    /// The site-wide values of this language (`site`).
    pub site: SiteContext,
    /// Per story, in `site.stories` order: whether it has a page in this language (its own
    /// text, or a fallback the missing-translation policy allows).
    pub shown: Vec<bool>,
    /// Per theme id: how many stories shown in this language have the theme, and how many of
    /// their segments are about it. Counted once, shown on many pages.
    pub theme_counts: HashMap<String, (usize, usize)>,
    /// Interface strings that fell back to the default language while building the view (the
    /// site's title): every page of the language shows them.
    pub missing: Vec<(String, String)>,
}

impl<'a> LangView<'a> {
    /// Builds the view of `language`; `asset_versions` gives the `?v=` of the site theme's
    /// static files.
    pub fn new(
        site: &'a Site,
        templates: &Templates,
        locales: &Arc<Locales>,
        language: &'a Language,
        asset_versions: &BTreeMap<String, String>,
    ) -> Self {
        let mut tera = templates.tera.clone();
        tera.register_function("t", locales.tera_function(&language.code));
        let (site_context, missing) =
            i18n::collect_fallbacks(|| site_context(site, locales, language, asset_versions));
        let policy = site.config.missing_translation;
        let shown: Vec<bool> = site
            .stories
            .iter()
            .map(|s| s.texts.get(&language.code, policy).is_some())
            .collect();
        LangView {
            language,
            lang: LangContext::of(language),
            tera,
            formatter: Formatter::new(&language.code),
            site: site_context,
            theme_counts: theme_counts(site, &shown),
            shown,
            missing,
        }
    }

    /// The language's code: `ar`.
    pub fn code(&self) -> &'a str {
        &self.language.code
    }

    /// The templates, with this language's `t()`.
    pub fn tera(&self) -> &tera::Tera {
        &self.tera
    }
}

/// The `site` values of one language.
fn site_context(
    site: &Site,
    locales: &Locales,
    language: &Language,
    asset_versions: &BTreeMap<String, String>,
) -> SiteContext {
    let urls = &site.urls;
    let lang = language.code.as_str();
    let asset = |name: &str| {
        let url = urls.file(&Urls::asset_path(name));
        match asset_versions.get(name) {
            Some(v) => format!("{url}?v={v}"),
            None => url,
        }
    };
    let about_url = site
        .pages
        .iter()
        .find(|p| p.path == "about")
        .filter(|p| p.texts.get(lang, site.config.missing_translation).is_some())
        .map(|p| urls.page(lang, Route::Page(&p.path)));
    SiteContext {
        title: locales
            .format(lang, "site-title", &[])
            .map_or(site.config.title.clone(), |m| m.text),
        root_url: urls.root().to_string(),
        languages: site.config.languages.iter().map(LangContext::of).collect(),
        default_language: site.config.default_language().code.clone(),
        home_url: urls.page(lang, Route::Home),
        stories_url: urls.page(lang, Route::Stories),
        themes_url: urls.page(lang, Route::Themes),
        statements_url: urls.page(lang, Route::Statements),
        about_url,
        search_url: cfg!(feature = "search").then(|| urls.page(lang, Route::Search)),
        css_url: asset("style.css"),
        js_url: asset("site.js"),
        search_js_url: asset("search.js"),
        feed_url: urls.file(&Urls::feed_path(lang)),
        og_locale: og_locale(lang),
        purpose: site.config.purpose.as_ref().and_then(|purpose| {
            let default = &site.config.default_language().code;
            let (written_in, text) = purpose.get(lang, default, site.config.missing_translation)?;
            Some(PurposeContext {
                text: text.to_string(),
                lang: LangContext::of(site.config.language(written_in)?),
            })
        }),
    }
}

/// Per theme id: the stories `shown` tagged with it, and their segments tagged with it.
fn theme_counts(site: &Site, shown: &[bool]) -> HashMap<String, (usize, usize)> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (story, _) in site.stories.iter().zip(shown).filter(|(_, shown)| **shown) {
        for theme in &story.themes {
            counts.entry(theme.clone()).or_default().0 += 1;
        }
        for theme in story.segments.iter().flat_map(|s| &s.themes) {
            counts.entry(theme.clone()).or_default().1 += 1;
        }
    }
    counts
}

/// A language code of site.yaml as Open Graph's `og:locale` wants it: `language_TERRITORY`.
/// A code with its region (`pt-BR`) keeps it (`pt_BR`); a bare language code takes the
/// territory that Facebook's list of locales (what Open Graph readers accept) gives it,
/// from the table below, and a language missing from the table stays its bare code, which
/// the Open Graph protocol also accepts. One table, so that the page's `og:locale` and
/// another page's `og:locale:alternate` always name a language alike.
pub fn og_locale(code: &str) -> String {
    const TERRITORIES: &[(&str, &str)] = &[
        ("ar", "AR"),
        ("de", "DE"),
        ("en", "US"),
        ("es", "ES"),
        ("fa", "IR"),
        ("fr", "FR"),
        ("id", "ID"),
        ("it", "IT"),
        ("ku", "TR"),
        ("ms", "MY"),
        ("nl", "NL"),
        ("ps", "AF"),
        ("pt", "PT"),
        ("ru", "RU"),
        ("so", "SO"),
        ("sv", "SE"),
        ("tr", "TR"),
        ("ur", "PK"),
        ("uz", "UZ"),
    ];
    let mut parts = code.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()));
    match region {
        Some(region) => format!("{language}_{}", region.to_ascii_uppercase()),
        None => match TERRITORIES.iter().find(|(l, _)| *l == language) {
            Some((_, territory)) => format!("{language}_{territory}"),
            None => language,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::og_locale;

    #[test]
    fn languages_are_named_as_open_graph_locales() {
        assert_eq!(og_locale("ar"), "ar_AR");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("fr"), "fr_FR");
        // A region given in site.yaml wins over the table; a script subtag is skipped.
        assert_eq!(og_locale("pt-BR"), "pt_BR");
        assert_eq!(og_locale("en-gb"), "en_GB");
        assert_eq!(og_locale("zh-Hant-TW"), "zh_TW");
        // A language the table does not know is its bare code, as Open Graph allows.
        assert_eq!(og_locale("ckb"), "ckb");
    }
}
