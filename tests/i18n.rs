//! Internationalisation, end to end: plural forms, `lang`/`dir`, the language switcher,
//! hreflang and the sitemap, fallback and skip modes for missing translations, Fluent errors,
//! missing interface strings, `testimony i18n status` and `stamp`, stale translations, the
//! language chooser, captions, and a language added only by new files.
//!
//! The tests never depend on the wording of the shipped translations (`locales/ar/`, `fr/`...):
//! where a known string is needed, the test writes its own `.ftl` file into the temporary site.

mod common;

use std::collections::BTreeSet;

use common::{Page, Site, status_language as language, text_of};
use scraper::{ElementRef, Selector};
use serde_json::Value;
use testimony::config::Config;
use testimony::i18n::{FluentArg, Locales};

const BASE: &str = "https://fixture.example/archive/";
const BASE_PATH: &str = "/archive/";

// ----------------------------------------------------------------------------------------
// Helpers
// ----------------------------------------------------------------------------------------

fn basic() -> Site {
    Site::fixture("basic")
}

/// Replaces every `.ftl` file of `lang` in the temporary site with one `main.ftl`.
fn own_locale(site: &Site, lang: &str, ftl: &str) {
    let folder = format!("locales/{lang}");
    if site.exists(&folder) {
        site.remove(&folder);
    }
    site.write(&format!("{folder}/main.ftl"), ftl);
}

/// The English interface strings of the temporary site (the repository's `locales/en/`).
fn english(site: &Site) -> String {
    site.read("locales/en/main.ftl")
}

/// Removes message `key` (its `key =` line and the indented lines that continue it).
fn without_message(ftl: &str, key: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    let mut found = false;
    for line in ftl.split_inclusive('\n') {
        if is_definition_of(line, key) {
            skipping = true;
            found = true;
            continue;
        }
        if skipping && line.starts_with([' ', '\t']) {
            continue;
        }
        skipping = false;
        out.push_str(line);
    }
    assert!(found, "the English strings have no message `{key}`");
    out
}

/// Replaces message `key` with `definition` (a whole `key = ...` entry).
fn with_message(ftl: &str, key: &str, definition: &str) -> String {
    let mut out = without_message(ftl, key);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(definition);
    if !definition.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn is_definition_of(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}

/// The one-line value of message `key`.
fn value_of(ftl: &str, key: &str) -> String {
    ftl.lines()
        .find(|line| is_definition_of(line, key))
        .and_then(|line| line.split_once('='))
        .map(|(_, value)| value.trim().to_string())
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| panic!("no one-line message `{key}`"))
}

/// The 1-based line of message `key`.
fn line_of(ftl: &str, key: &str) -> usize {
    ftl.lines()
        .position(|line| is_definition_of(line, key))
        .unwrap_or_else(|| panic!("no message `{key}`"))
        + 1
}

fn select<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"));
    element.select(&selector).collect()
}

fn attr(element: ElementRef<'_>, name: &str) -> Option<String> {
    element.value().attr(name).map(str::to_owned)
}

/// The `<html>` element's `lang` and `dir`.
fn html_lang_dir(page: &Page) -> (String, String) {
    (page.attr("html", "lang"), page.attr("html", "dir"))
}

/// Every HTML page under `public/<prefix>`, relative to `public/`.
fn pages_under(site: &Site, prefix: &str) -> Vec<String> {
    site.output_files()
        .into_iter()
        .filter(|f| f.starts_with(prefix) && f.ends_with(".html"))
        .collect()
}

/// `<link rel=alternate hreflang=X href=Y>` of a page, as (X, Y).
fn alternates(page: &Page) -> Vec<(String, String)> {
    page.select("link[rel=alternate][hreflang]")
        .into_iter()
        .map(|e| {
            (
                attr(e, "hreflang").unwrap_or_default(),
                attr(e, "href").unwrap_or_default(),
            )
        })
        .collect()
}

/// The file under `public/` a link of the site points to, or `None` for a link that needs no
/// file (`#main`, `data:`). Panics on a link leaving the site.
fn link_target(href: &str) -> Option<String> {
    if href.starts_with('#') || href.starts_with("data:") || href.starts_with("mailto:") {
        return None;
    }
    let path = if let Some(rest) = href.strip_prefix(BASE) {
        format!("{BASE_PATH}{rest}")
    } else {
        href.to_string()
    };
    let rest = path
        .strip_prefix(BASE_PATH)
        .unwrap_or_else(|| panic!("{href} is not a link inside the site ({BASE_PATH})"));
    let rest = rest.split(['#', '?']).next().unwrap_or_default();
    if rest.is_empty() || rest.ends_with('/') {
        Some(format!("{rest}index.html"))
    } else {
        Some(rest.to_string())
    }
}

/// Every `href` and `src` in the pages under `public/<prefix>` that does not lead to a file.
fn broken_links(site: &Site, prefix: &str) -> Vec<String> {
    let files: BTreeSet<String> = site.output_files().into_iter().collect();
    let mut broken = Vec::new();
    for rel in pages_under(site, prefix) {
        let page = site.html(&rel);
        let mut links = page.attrs("[href]", "href");
        links.extend(page.attrs("[src]", "src"));
        for link in links {
            if let Some(target) = link_target(&link)
                && !files.contains(&target)
            {
                broken.push(format!("{rel}: {link}"));
            }
        }
    }
    broken
}

/// The `<url>` entries of the sitemap.
fn sitemap_entries(site: &Site) -> Vec<String> {
    let xml = site.read("public/sitemap.xml");
    xml.split("<url>")
        .skip(1)
        .map(|entry| entry.split("</url>").next().unwrap_or_default().to_string())
        .collect()
}

/// The `i18n status --format json` report.
fn status_json(site: &Site) -> Value {
    let run = site.run(&["i18n", "status", "--format", "json"]);
    assert!(run.success, "i18n status failed:\n{}", run.stderr);
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("i18n status is not JSON ({e}):\n{}", run.stdout))
}

/// A list of `{key, location}` or `{source, translation}` objects, as pairs.
fn pairs(list: &Value, a: &str, b: &str) -> Vec<(String, String)> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| {
            (
                item[a].as_str().unwrap_or_default().to_string(),
                item[b].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The lines of a report that are warnings.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| line.starts_with("warning"))
        .collect()
}

// ----------------------------------------------------------------------------------------
// 1. Plural forms
// ----------------------------------------------------------------------------------------

const AR_COUNTS: &str = "story-count =
    { $count ->
        [zero] AR-ZERO
        [one] AR-ONE
        [two] AR-TWO
        [few] AR-FEW
        [many] AR-MANY
       *[other] AR-OTHER
    }
";

const EN_COUNTS: &str = "story-count =
    { $count ->
        [one] EN-ONE
       *[other] EN-OTHER
    }
";

/// Interface strings for English and Arabic with the counts above, loaded through the library.
fn plural_locales() -> Locales {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path();
    std::fs::write(
        root.join("site.yaml"),
        "title: Plurals\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n",
    )
    .expect("site.yaml");
    for (lang, ftl) in [("en", EN_COUNTS), ("ar", AR_COUNTS)] {
        std::fs::create_dir_all(root.join("locales").join(lang)).expect("mkdir");
        std::fs::write(root.join("locales").join(lang).join("main.ftl"), ftl).expect("ftl");
    }
    let config = Config::load(root).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let (locales, problems) = Locales::load(root, &config);
    assert!(
        problems.iter().all(|p| !p.is_error()),
        "{:#?}",
        problems.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
    locales
}

/// The `story-count` variant chosen for `n` in `lang`.
fn plural_form(locales: &Locales, lang: &str, n: i64) -> String {
    let message = locales
        .format(lang, "story-count", &[("count", FluentArg::from(n))])
        .expect("story-count is defined");
    assert!(
        message.errors.is_empty(),
        "{lang} {n}: {:?}",
        message.errors
    );
    assert_eq!(message.lang, lang, "{lang} {n} fell back");
    message.text
}

#[test]
fn arabic_has_six_plural_forms_and_english_two() {
    let locales = plural_locales();
    let form = |lang: &str, n: i64| plural_form(&locales, lang, n);
    let arabic = [
        (0, "AR-ZERO"),
        (1, "AR-ONE"),
        (2, "AR-TWO"),
        (3, "AR-FEW"),
        (7, "AR-FEW"),
        (10, "AR-FEW"),
        (11, "AR-MANY"),
        (42, "AR-MANY"),
        (99, "AR-MANY"),
        (100, "AR-OTHER"),
        (101, "AR-OTHER"),
        (102, "AR-OTHER"),
        (1000, "AR-OTHER"),
    ];
    for (n, expected) in arabic {
        assert_eq!(form("ar", n), expected, "Arabic form of {n}");
    }
    for (n, expected) in [
        (0, "EN-OTHER"),
        (1, "EN-ONE"),
        (2, "EN-OTHER"),
        (11, "EN-OTHER"),
        (100, "EN-OTHER"),
    ] {
        assert_eq!(form("en", n), expected, "English form of {n}");
    }
    // A fractional one is not `one` in English.
    let fraction = locales
        .format("en", "story-count", &[("count", FluentArg::from(1.5))])
        .expect("defined");
    assert_eq!(fraction.text, "EN-OTHER");
}

/// CLDR's Arabic `few` and `many` are `n % 100 = 3..10` and `n % 100 = 11..99`: they come back
/// above a hundred (103 stories takes the same form as 3, 111 the same as 11).
#[test]
fn arabic_plural_forms_repeat_every_hundred() {
    let locales = plural_locales();
    let found: Vec<(i64, String)> = [103, 110, 111, 199, 1003, 1011, 12_510]
        .into_iter()
        .map(|n| (n, plural_form(&locales, "ar", n)))
        .collect();
    let expected: Vec<(i64, String)> = [
        (103, "AR-FEW"),
        (110, "AR-FEW"),
        (111, "AR-MANY"),
        (199, "AR-MANY"),
        (1003, "AR-FEW"),
        (1011, "AR-MANY"),
        (12_510, "AR-FEW"),
    ]
    .into_iter()
    .map(|(n, form)| (n, form.to_string()))
    .collect();
    assert_eq!(found, expected);
}

/// The `.counts` text of each theme on a themes index, by the theme's id.
fn theme_counts(page: &Page, lang: &str) -> Vec<(String, String)> {
    let prefix = format!("{BASE_PATH}{lang}/themes/");
    page.select("li.theme-item")
        .into_iter()
        .map(|item| {
            let href = select(item, "a[href]")
                .first()
                .and_then(|a| attr(*a, "href"))
                .expect("a theme links to its page");
            let id = href
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{href} is not under {prefix}"))
                .trim_end_matches('/')
                .to_string();
            let counts = select(item, ".counts")
                .first()
                .map(|c| text_of(*c))
                .expect("a theme shows its counts");
            (id, counts)
        })
        .collect()
}

#[test]
fn theme_lists_use_each_languages_plural_forms() {
    let site = basic();
    own_locale(&site, "ar", AR_COUNTS);
    let en = with_message(&english(&site), "story-count", EN_COUNTS);
    site.write("locales/en/main.ftl", en);
    site.build_ok();

    // women: 0 stories, defection: 2, motivations: 1.
    let expected = [
        (
            "ar",
            [
                ("motivations", "AR-ONE"),
                ("defection", "AR-TWO"),
                ("women", "AR-ZERO"),
            ],
        ),
        (
            "en",
            [
                ("motivations", "EN-ONE"),
                ("defection", "EN-OTHER"),
                ("women", "EN-OTHER"),
            ],
        ),
    ];
    for (lang, themes) in expected {
        let page = site.html(&format!("{lang}/themes/index.html"));
        let counts = theme_counts(&page, lang);
        for (theme, form) in themes {
            let (_, text) = counts
                .iter()
                .find(|(id, _)| id == theme)
                .unwrap_or_else(|| panic!("{lang}: theme {theme} not listed in {counts:?}"));
            assert!(
                text.starts_with(form),
                "{lang}/themes/: {theme} shows {text:?}, expected {form}"
            );
        }
        // The theme's own page agrees.
        let page = site.html(&format!("{lang}/themes/defection/index.html"));
        let counts = text_of(page.select(".counts")[0]);
        assert!(
            counts.starts_with(themes[1].1),
            "{lang}/themes/defection/: {counts:?}"
        );
    }
}

// ----------------------------------------------------------------------------------------
// 2. lang and dir
// ----------------------------------------------------------------------------------------

#[test]
fn every_page_has_its_languages_lang_and_dir() {
    let site = basic();
    site.build_ok();
    for (lang, dir) in [("en", "ltr"), ("fr", "ltr"), ("ar", "rtl")] {
        let pages = pages_under(&site, &format!("{lang}/"));
        assert!(pages.len() >= 10, "few {lang} pages: {pages:?}");
        for rel in pages {
            let page = site.html(&rel);
            assert_eq!(
                html_lang_dir(&page),
                (lang.to_string(), dir.to_string()),
                "{rel}"
            );
        }
    }
}

#[test]
fn a_fallback_page_marks_the_original_texts_language() {
    let site = basic();
    own_locale(
        &site,
        "ar",
        "notice-fallback = AR-FALLBACK-NOTICE [{ $language }]\n",
    );
    site.build_ok();
    let page = site.html("ar/about/index.html");
    assert_eq!(html_lang_dir(&page), ("ar".into(), "rtl".into()));

    // The English title and text sit in elements that say they are English, left to right.
    for (css, needle) in [
        ("h1", "About the fixture"),
        ("main", "A page that exists only in English"),
    ] {
        let holders: Vec<ElementRef> = page
            .select(&format!("{css} *, {css}"))
            .into_iter()
            .filter(|e| e.text().collect::<String>().contains(needle))
            .collect();
        // The innermost element holding the text, and its nearest ancestor with `lang`.
        let innermost = *holders.last().unwrap_or_else(|| panic!("no {needle:?}"));
        let marked = std::iter::once(innermost)
            .chain(innermost.ancestors().filter_map(ElementRef::wrap))
            .find(|e| e.value().attr("lang").is_some())
            .expect("an element with lang");
        assert_eq!(
            (attr(marked, "lang"), attr(marked, "dir")),
            (Some("en".into()), Some("ltr".into())),
            "the element marking {needle:?}: {}",
            marked.html()
        );
    }

    // The notice, in the page's language, names the language shown.
    let notice = page.one(".notice-fallback");
    assert_eq!(text_of(notice), "AR-FALLBACK-NOTICE [English]");

    // A translated page has no such notice.
    let home = site.html("ar/index.html");
    assert!(home.select(".notice-fallback").is_empty());
}

// ----------------------------------------------------------------------------------------
// 3. The language switcher
// ----------------------------------------------------------------------------------------

#[test]
fn the_language_switcher_links_to_the_same_page_in_each_language() {
    let site = basic();
    site.build_ok();
    let page = site.html("en/stories/story-one/index.html");
    let links = page.select(".lang-nav a");
    let found: Vec<(String, String, String, String, bool)> = links
        .iter()
        .map(|a| {
            (
                attr(*a, "href").unwrap_or_default(),
                attr(*a, "hreflang").unwrap_or_default(),
                attr(*a, "lang").unwrap_or_default(),
                text_of(*a),
                a.value().attr("aria-current").is_some(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String, String, bool)> = [
        ("en", "English", true),
        ("ar", "العربية", false),
        ("fr", "Français", false),
    ]
    .into_iter()
    .map(|(code, name, current)| {
        (
            format!("{BASE_PATH}{code}/stories/story-one/"),
            code.to_string(),
            code.to_string(),
            name.to_string(),
            current,
        )
    })
    .collect();
    assert_eq!(found, expected);
    assert_eq!(
        page.attr(".lang-nav a[aria-current]", "aria-current"),
        "page"
    );
    // The Arabic name is written right to left.
    assert_eq!(page.attr(".lang-nav a[lang=ar]", "dir"), "rtl");

    // On the Arabic page, Arabic is the current one.
    let ar = site.html("ar/stories/story-one/index.html");
    assert_eq!(
        ar.attr(".lang-nav a[aria-current]", "href"),
        format!("{BASE_PATH}ar/stories/story-one/")
    );
}

// ----------------------------------------------------------------------------------------
// 4. hreflang and the sitemap
// ----------------------------------------------------------------------------------------

#[test]
fn hreflang_announces_only_real_translations() {
    let site = basic();
    site.build_ok();
    let en_url = format!("{BASE}en/stories/story-one/");
    let ar_url = format!("{BASE}ar/stories/story-one/");
    let expected: BTreeSet<(String, String)> = [
        ("en".to_string(), en_url.clone()),
        ("ar".to_string(), ar_url.clone()),
        ("x-default".to_string(), en_url.clone()),
    ]
    .into_iter()
    .collect();
    // The same set on the two translations and on the French fallback page.
    for lang in ["en", "ar", "fr"] {
        let page = site.html(&format!("{lang}/stories/story-one/index.html"));
        let found = alternates(&page);
        assert_eq!(
            found.iter().cloned().collect::<BTreeSet<_>>(),
            expected,
            "{lang}/stories/story-one/: {found:?}"
        );
        assert_eq!(found.len(), 3, "{lang}: an alternate repeated: {found:?}");
        assert!(
            found.iter().all(|(_, href)| href.starts_with(BASE)),
            "{found:?}"
        );
    }

    // The sitemap: story-one's English entry names its Arabic translation, and nothing
    // anywhere names the French fallback as a French version.
    let entries = sitemap_entries(&site);
    let en_entry = entries
        .iter()
        .find(|e| e.contains(&format!("<loc>{en_url}</loc>")))
        .expect("story-one (en) in the sitemap");
    assert!(
        en_entry.contains(&format!(r#"hreflang="ar" href="{ar_url}""#)),
        "{en_entry}"
    );
    let fr_url = format!("{BASE}fr/stories/story-one/");
    let xml = site.read("public/sitemap.xml");
    assert!(
        !xml.contains(&format!(r#"href="{fr_url}""#)),
        "the sitemap announces the French fallback:\n{xml}"
    );
    // Nor the French or Arabic fallback of the English-only about page.
    for lang in ["fr", "ar"] {
        let url = format!("{BASE}{lang}/about/");
        assert!(
            !xml.contains(&format!(r#"href="{url}""#)),
            "{url} announced"
        );
    }
}

// ----------------------------------------------------------------------------------------
// 5. Skip mode
// ----------------------------------------------------------------------------------------

#[test]
fn skip_mode_leaves_out_untranslated_pages_and_every_link_to_them() {
    let site = basic();
    site.edit(
        "site.yaml",
        "missing_translation: fallback",
        "missing_translation: skip",
    );
    // French has the defection theme and story-one, so the French theme page would list
    // story-two (also on defection) if skipping were incomplete.
    site.write(
        "content/themes/defection.fr.md",
        "---\ntitle: Partir\nsummary: Comment et pourquoi ils sont partis.\n---\nComment ils sont sortis.\n",
    );
    site.write(
        "content/stories/story-one/index.fr.md",
        "---\ntitle: La première histoire\nsummary: Une histoire fictive.\nstatement: Réfléchis à deux fois.\n---\nUne introduction.\n",
    );
    site.build_ok();

    for missing in [
        "public/fr/about/index.html",
        "public/fr/stories/story-two/index.html",
        "public/fr/themes/motivations/index.html",
        "public/ar/about/index.html",
        "public/ar/stories/story-two/index.html",
    ] {
        assert!(!site.exists(missing), "{missing} was built in skip mode");
    }
    for present in [
        "public/fr/index.html",
        "public/fr/stories/story-one/index.html",
        "public/fr/themes/defection/index.html",
        "public/en/stories/story-two/index.html",
    ] {
        assert!(site.exists(present), "{present} is missing");
    }

    // story-two appears nowhere in the French tree.
    for rel in pages_under(&site, "fr/") {
        let page = site.html(&rel);
        let links = page.attrs("[href]", "href");
        assert!(
            !links.iter().any(|l| l.contains("story-two")),
            "{rel} links to story-two: {links:?}"
        );
        assert!(
            !page.body_text().contains("The second fixture story"),
            "{rel} shows story-two"
        );
    }
    let stories = site.html("fr/stories/index.html");
    assert_eq!(
        stories.attrs(".cards a", "href"),
        [format!("{BASE_PATH}fr/stories/story-one/")]
    );
    let theme = site.html("fr/themes/defection/index.html");
    assert!(
        theme
            .attrs(".cards a", "href")
            .contains(&format!("{BASE_PATH}fr/stories/story-one/"))
    );

    // The sitemap lists no French or Arabic page that was skipped.
    let xml = site.read("public/sitemap.xml");
    for skipped in [
        "fr/stories/story-two/",
        "fr/about/",
        "ar/stories/story-two/",
        "ar/about/",
    ] {
        assert!(
            !xml.contains(&format!("{BASE}{skipped}")),
            "the sitemap lists {skipped}"
        );
    }
    assert!(xml.contains(&format!("<loc>{BASE}fr/stories/story-one/</loc>")));

    // Every link of the French tree, header and switcher included, resolves.
    let broken = broken_links(&site, "fr/");
    assert!(broken.is_empty(), "links to missing files:\n{broken:#?}");
}

/// In skip mode, no page of any language links (in its language switcher, its hreflang links
/// or its content) to a page that was left out.
#[test]
fn skip_mode_leaves_no_link_to_a_skipped_page_in_any_language() {
    let site = basic();
    site.edit(
        "site.yaml",
        "missing_translation: fallback",
        "missing_translation: skip",
    );
    site.build_ok();
    // story-two, the only story from France, is in English only: no ar/fr list of the
    // stories from France, and the English one offers no link to them.
    assert!(site.exists("public/en/stories/from/fr/index.html"));
    for lang in ["ar", "fr"] {
        assert!(!site.exists(&format!("public/{lang}/stories/from/fr/index.html")));
    }
    let mut broken = Vec::new();
    for prefix in ["en/", "ar/", "fr/", "index.html"] {
        broken.extend(broken_links(&site, prefix));
    }
    assert!(broken.is_empty(), "links to missing files:\n{broken:#?}");
}

// ----------------------------------------------------------------------------------------
// 6, 7. Fluent errors and missing strings
// ----------------------------------------------------------------------------------------

#[test]
fn a_fluent_syntax_error_fails_the_build_at_its_line_and_column() {
    let site = basic();
    own_locale(
        &site,
        "fr",
        "nav-home = Accueil\nbroken = { $x\nnav-stories = Histoires\n",
    );
    let run = site.build();
    run.assert_error(&["locales/fr/main.ftl:2:"]);
    let location = run
        .stderr
        .split("locales/fr/main.ftl:2:")
        .nth(1)
        .expect("location");
    let column: String = location.chars().take_while(char::is_ascii_digit).collect();
    let column: usize = column
        .parse()
        .unwrap_or_else(|_| panic!("no column after the line:\n{}", run.stderr));
    // The `{` (column 10) is not closed before the end of the line (column 13).
    assert!(
        (10..=14).contains(&column),
        "column {column}:\n{}",
        run.stderr
    );
    assert!(
        !site.exists("public/index.html"),
        "a failed build wrote the site"
    );
}

#[test]
fn a_string_missing_in_one_language_falls_back_and_is_reported() {
    let site = basic();
    let en = english(&site);
    let stories_en = value_of(&en, "nav-stories");
    let fr = with_message(
        &without_message(&en, "nav-stories"),
        "nav-themes",
        "nav-themes = THEMES-IN-FRENCH",
    );
    own_locale(&site, "fr", &fr);
    let run = site.build_ok();

    let page = site.html("fr/index.html");
    let nav = page.one(".site-nav");
    let link = |href: String| {
        select(nav, "a")
            .into_iter()
            .find(|a| attr(*a, "href") == Some(href.clone()))
            .map(text_of)
            .unwrap_or_else(|| panic!("no nav link to {href}"))
    };
    assert_eq!(link(format!("{BASE_PATH}fr/stories/")), stories_en);
    assert_eq!(link(format!("{BASE_PATH}fr/themes/")), "THEMES-IN-FRENCH");

    let reported = warnings(&run.stderr)
        .into_iter()
        .any(|line| line.contains("`fr`") && line.contains("nav-stories"));
    assert!(
        reported,
        "no warning names fr and nav-stories:\n{}",
        run.stderr
    );
    // Only that key fell back in French.
    let fr_warning = warnings(&run.stderr)
        .into_iter()
        .find(|line| line.contains("`fr`") && line.contains("nav-stories"))
        .unwrap_or_default();
    assert!(!fr_warning.contains("nav-themes"), "{fr_warning}");
}

#[test]
fn a_string_missing_in_every_language_is_an_error_naming_the_template() {
    let site = basic();
    site.edit(
        "themes/default/templates/page.html",
        "{% block content %}",
        "{% block content %}{{ t(key=\"no-such-key\") }}",
    );
    let run = site.build();
    run.assert_error(&["page.html", "no-such-key"]);
}

// ----------------------------------------------------------------------------------------
// 8. i18n status
// ----------------------------------------------------------------------------------------

#[test]
fn i18n_status_lists_missing_extra_and_stale() {
    let site = basic();
    let en = english(&site);
    let missing_line = line_of(&en, "nav-stories");
    let mut fr = without_message(&en, "nav-stories");
    if !fr.ends_with('\n') {
        fr.push('\n');
    }
    let extra_line = fr.lines().count() + 1;
    fr.push_str("fr-only-key = Seulement en français\n");
    own_locale(&site, "fr", &fr);
    // The messages to editors stay as shipped: only main.ftl is under test here.
    site.write(
        "locales/fr/editors.ftl",
        std::fs::read(common::repo().join("locales/fr/editors.ftl")).unwrap(),
    );

    // Stamp the Arabic home page, then change its source: stale.
    let run = site.run(&["i18n", "stamp", "content/_index.ar.md"]);
    assert!(run.success, "stamp failed:\n{}", run.stderr);
    assert!(site.read("content/_index.ar.md").contains("source_hash:"));
    let report = status_json(&site);
    assert!(
        pairs(
            &language(&report, "ar")["stale_pages"],
            "source",
            "translation"
        )
        .is_empty(),
        "stale right after stamping"
    );
    site.edit(
        "content/_index.md",
        "title: Fixture home",
        "title: Fixture home page",
    );

    let report = status_json(&site);
    let fr = language(&report, "fr");
    assert_eq!(fr["is_default"], false);
    assert_eq!(language(&report, "en")["is_default"], true);
    assert_eq!(
        pairs(&fr["missing_messages"], "key", "location"),
        [(
            "nav-stories".to_string(),
            format!("locales/en/main.ftl:{missing_line}:1")
        )]
    );
    assert_eq!(
        pairs(&fr["extra_messages"], "key", "location"),
        [(
            "fr-only-key".to_string(),
            format!("locales/fr/main.ftl:{extra_line}:1")
        )]
    );
    let total = fr["messages_total"].as_u64().expect("a count");
    assert_eq!(fr["messages_translated"].as_u64(), Some(total - 1));

    for lang in ["ar", "fr"] {
        let missing = pairs(
            &language(&report, lang)["missing_pages"],
            "source",
            "translation",
        );
        assert!(
            missing.contains(&(
                "content/about.md".to_string(),
                format!("content/about.{lang}.md")
            )),
            "{lang}: {missing:?}"
        );
        assert!(
            missing.contains(&(
                "content/stories/story-two/index.md".to_string(),
                format!("content/stories/story-two/index.{lang}.md")
            )),
            "{lang}: {missing:?}"
        );
    }
    let ar = language(&report, "ar");
    assert_eq!(
        pairs(&ar["stale_pages"], "source", "translation"),
        [(
            "content/_index.md".to_string(),
            "content/_index.ar.md".to_string()
        )]
    );
    assert!(pairs(&fr["stale_pages"], "source", "translation").is_empty());
    // ar translates home, motivations and story-one; fr only home.
    assert_eq!(ar["pages_translated"], 3);
    assert_eq!(fr["pages_translated"], 1);
    assert_eq!(ar["pages_total"], fr["pages_total"]);

    // The same in words, with the files to open.
    let run = site.run(&["i18n", "status"]);
    assert!(run.success, "{}", run.stderr);
    for needle in [
        "nav-stories".to_string(),
        format!("locales/en/main.ftl:{missing_line}:1"),
        "fr-only-key".to_string(),
        format!("locales/fr/main.ftl:{extra_line}:1"),
        "content/about.fr.md".to_string(),
        "content/about.ar.md".to_string(),
        "content/_index.ar.md".to_string(),
    ] {
        assert!(
            run.stdout.contains(&needle),
            "the report lacks {needle:?}:\n{}",
            run.stdout
        );
    }

    // --strict fails while anything is missing or stale.
    let strict = site.run(&["i18n", "status", "--strict"]);
    assert!(!strict.success, "--strict succeeded:\n{}", strict.stdout);
    let strict = site.run(&["i18n", "status", "--format", "json", "--strict"]);
    assert!(!strict.success);
    serde_json::from_str::<Value>(&strict.stdout).expect("--strict still prints the report");
}

#[test]
fn i18n_status_strict_succeeds_on_a_complete_site() {
    let site = basic();
    // English and French only, every page and string translated.
    site.edit("site.yaml", "  - { code: ar, name: العربية }\n", "");
    site.remove("locales");
    let en = site_locale_en();
    site.write("locales/en/main.ftl", &en);
    site.write("locales/fr/main.ftl", &en);
    site.remove("content/about.md");
    site.remove("content/_index.ar.md");
    site.remove("content/themes");
    site.remove("content/stories");
    let run = site.run(&["i18n", "stamp", "content/_index.fr.md"]);
    assert!(run.success, "stamp failed:\n{}", run.stderr);

    let run = site.run(&["i18n", "status", "--strict"]);
    assert!(
        run.success,
        "--strict failed on a complete site:\n{}\n{}",
        run.stdout, run.stderr
    );
    let report = status_json(&site);
    for lang in ["en", "fr"] {
        let l = language(&report, lang);
        for field in [
            "missing_messages",
            "extra_messages",
            "missing_pages",
            "stale_pages",
        ] {
            assert_eq!(l[field], Value::Array(Vec::new()), "{lang} {field}");
        }
        assert_eq!(l["pages_translated"], l["pages_total"], "{lang}");
    }
    site.build_ok();

    // One stale page is enough to fail.
    site.edit("content/_index.md", "title: Fixture home", "title: Home");
    let run = site.run(&["i18n", "status", "--strict"]);
    assert!(
        !run.success,
        "--strict ignored a stale page:\n{}",
        run.stdout
    );
}

/// The repository's English strings (the temporary site's are removed by some tests).
fn site_locale_en() -> String {
    std::fs::read_to_string(common::repo().join("locales/en/main.ftl")).expect("locales/en")
}

// ----------------------------------------------------------------------------------------
// 9. Stale translations
// ----------------------------------------------------------------------------------------

#[test]
fn a_stale_translation_builds_with_a_notice_until_stamped() {
    let site = basic();
    own_locale(&site, "ar", "notice-stale = AR-STALE-NOTICE\n");
    let run = site.run(&["i18n", "stamp", "content/_index.ar.md"]);
    assert!(run.success, "{}", run.stderr);
    site.build_ok();
    assert!(
        site.html("ar/index.html")
            .select(".notice-stale")
            .is_empty(),
        "a freshly stamped translation is marked stale"
    );

    site.edit(
        "content/_index.md",
        "title: Fixture home",
        "title: Fixture home, revised",
    );
    site.build_ok();
    let page = site.html("ar/index.html");
    assert_eq!(page.text(".notice-stale"), "AR-STALE-NOTICE");
    // The translation is still what is shown.
    assert!(page.body_text().contains("مرحبًا بكم في أرشيف الاختبار"));
    // The source's own page has no notice.
    assert!(
        site.html("en/index.html")
            .select(".notice-stale")
            .is_empty()
    );

    let run = site.run(&["i18n", "stamp", "content/_index.ar.md"]);
    assert!(run.success, "{}", run.stderr);
    site.build_ok();
    assert!(
        site.html("ar/index.html")
            .select(".notice-stale")
            .is_empty(),
        "the notice is still there after stamping"
    );
}

// ----------------------------------------------------------------------------------------
// 10. The language chooser
// ----------------------------------------------------------------------------------------

#[test]
fn the_root_page_lists_every_language_as_plain_links() {
    let site = basic();
    site.build_ok();
    let page = site.html("index.html");
    // The heading is in every language, each part marked with its own: the page speaks to a
    // reader before they have chosen.
    let heading: Vec<(String, String)> = select(page.one("main h1"), "[lang]")
        .into_iter()
        .map(|part| (attr(part, "lang").unwrap_or_default(), text_of(part)))
        .collect();
    let expected: Vec<(String, String)> = ["en", "ar", "fr"]
        .iter()
        .map(|code| {
            let ftl = site.read(&format!("locales/{code}/main.ftl"));
            (code.to_string(), value_of(&ftl, "root-choose"))
        })
        .collect();
    assert_eq!(heading, expected);
    for (code, name, dir) in [
        ("en", "English", "ltr"),
        ("ar", "العربية", "rtl"),
        ("fr", "Français", "ltr"),
    ] {
        let href = format!("{BASE_PATH}{code}/");
        let links: Vec<ElementRef> = page
            .select("main a[href]")
            .into_iter()
            .filter(|a| attr(*a, "href") == Some(href.clone()))
            .collect();
        assert_eq!(links.len(), 1, "links to {href}");
        let a = links[0];
        let [language] = select(a, ".language-name")[..] else {
            panic!("no .language-name in the link to {href}");
        };
        assert_eq!(text_of(language), name);
        // Below the name, an invitation to read, in that language's own words.
        let ftl = site.read(&format!("locales/{code}/main.ftl"));
        let [action] = select(a, ".language-action")[..] else {
            panic!("no .language-action in the link to {href}");
        };
        assert_eq!(text_of(action), value_of(&ftl, "root-read-in"), "{href}");
        assert_eq!(attr(a, "lang").as_deref(), Some(code), "{href}");
        assert_eq!(attr(a, "dir").as_deref(), Some(dir), "{href}");
        assert!(site.exists(&format!("public/{code}/index.html")));
    }
    // Works without JavaScript: the choices are ordinary links, not buttons or script
    // handlers, and nothing sends the reader elsewhere before they choose.
    assert!(page.select("main button, main [onclick]").is_empty());
    // No `<meta http-equiv="refresh">`: the only http-equiv is the page's policy.
    let equivs = page.attrs("meta[http-equiv]", "http-equiv");
    assert_eq!(equivs, ["Content-Security-Policy"]);
    let broken = broken_links(&site, "index.html");
    assert!(broken.is_empty(), "{broken:#?}");
}

// ----------------------------------------------------------------------------------------
// 11. Captions in fewer languages than the text
// ----------------------------------------------------------------------------------------

#[test]
fn a_translation_without_captions_is_reported_and_still_builds() {
    let site = basic();
    site.write(
        "content/stories/story-one/index.fr.md",
        "---\ntitle: La première histoire\nsummary: Une histoire fictive.\nstatement: Réfléchis à deux fois.\n---\nUne introduction.\n",
    );
    let run = site.build_ok();
    let reported = warnings(&run.stderr).into_iter().any(|line| {
        line.contains("content/stories/story-one/")
            && line.contains("`fr`")
            && line.contains("caption")
    });
    assert!(reported, "no warning about fr captions:\n{}", run.stderr);
    // Arabic has both, so nothing is said about it.
    assert!(
        !warnings(&run.stderr)
            .into_iter()
            .any(|line| line.contains("caption") && line.contains("`ar`")),
        "{}",
        run.stderr
    );

    let page = site.html("fr/stories/story-one/index.html");
    assert_eq!(page.attr("h1", "lang"), "fr");
    // The transcript comes from another language's captions and says which.
    let transcript = page.one("#transcript");
    assert_ne!(attr(transcript, "lang").as_deref(), Some("fr"));

    let report = status_json(&site);
    assert_eq!(
        language(&report, "fr")["missing_captions"],
        serde_json::json!(["content/stories/story-one/index.md"])
    );
    assert_eq!(
        language(&report, "ar")["missing_captions"],
        serde_json::json!([])
    );
}

// ----------------------------------------------------------------------------------------
// 12. A language added only by new files
// ----------------------------------------------------------------------------------------

#[test]
fn a_language_is_added_by_site_yaml_and_one_ftl_file() {
    let site = basic();
    site.edit(
        "site.yaml",
        "  - { code: fr, name: Français }\n",
        "  - { code: fr, name: Français }\n  - { code: de, name: Deutsch }\n",
    );
    // A story is published in a new language only once its narrator agreed to it.
    site.edit(
        "content/stories/story-one/index.md",
        "languages: [en, ar, fr]",
        "languages: [en, ar, fr, de]",
    );
    let en = english(&site);
    own_locale(
        &site,
        "de",
        &with_message(&en, "nav-stories", "nav-stories = Geschichten"),
    );
    let run = site.build_ok();
    assert!(
        !warnings(&run.stderr)
            .into_iter()
            .any(|line| line.contains("`de`")),
        "a complete German locale is warned about:\n{}",
        run.stderr
    );

    for rel in [
        "de/index.html",
        "de/stories/index.html",
        "de/themes/index.html",
        "de/stories/story-one/index.html",
        "de/about/index.html",
    ] {
        let page = site.html(rel);
        assert_eq!(html_lang_dir(&page), ("de".into(), "ltr".into()), "{rel}");
        let nav: Vec<String> = page
            .select(".site-nav a")
            .into_iter()
            .map(text_of)
            .collect();
        assert!(nav.contains(&"Geschichten".to_string()), "{rel}: {nav:?}");
    }
    // The other languages offer German in their switcher and on the root page.
    let en_page = site.html("en/index.html");
    assert_eq!(
        en_page.attr(".lang-nav a[lang=de]", "href"),
        format!("{BASE_PATH}de/")
    );
    let root = site.html("index.html");
    assert_eq!(
        root.attr(&format!("main a[href=\"{BASE_PATH}de/\"]"), "lang"),
        "de"
    );
    let broken = broken_links(&site, "de/");
    assert!(broken.is_empty(), "{broken:#?}");
}
