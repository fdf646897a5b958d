//! Rendering, seen from the outside: the interface strings a build had to take from the default
//! language come back from every page that used them, and are reported once per language,
//! whichever step formatted them (the site's title, a generated page's title, a template's
//! `t()`).

mod common;

use common::Site;

/// The fixture's French strings without the messages `keys`.
fn french_without(site: &Site, keys: &[&str]) {
    let rel = "locales/fr/main.ftl";
    let kept: Vec<String> = site
        .read(rel)
        .lines()
        .filter(|line| !keys.iter().any(|k| line.starts_with(&format!("{k} ="))))
        .map(|line| format!("{line}\n"))
        .collect();
    site.write(rel, kept.concat());
}

#[test]
fn strings_missing_in_a_language_are_reported_once_naming_each_key() {
    let site = Site::fixture("basic");
    // `site-title` is formatted once for the language, `themes-title` by the themes page's
    // builder, `nav-home` by the templates on every page.
    french_without(&site, &["site-title", "themes-title", "nav-home"]);
    let run = site.build_ok();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.contains("interface string(s) missing"))
        .collect();
    assert_eq!(
        warnings,
        [
            "warning: 3 interface string(s) missing in `fr`, shown in `en` instead: nav-home, site-title, themes-title"
        ],
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("translate them into a file in locales/fr/; `testimony i18n status` lists each with where it is defined"),
        "{}",
        run.stderr
    );
    // The page is made all the same, with the English text.
    let themes = site.html("fr/themes/index.html");
    assert_eq!(themes.text("h1"), "Themes");
    assert_eq!(themes.attr("html", "lang"), "fr");
}
