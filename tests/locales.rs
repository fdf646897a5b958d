//! The shipped interface strings in every language they exist for: a site built in all of
//! them renders every page with no string falling back to English, right-to-left languages
//! get `dir="rtl"`, and `i18n status` tells a draft translation from a reviewed one.
//!
//! The shipped site publishes only the languages its example stories' consent covers, so
//! the site here is made in the test from tests/fixtures/basic, with its fictional stories'
//! consent widened to every language.

mod common;

use common::{Site, status_language as language};
use serde_json::Value;

/// Every language with strings under locales/, with its name as site.yaml would give it.
const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("ar", "العربية"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
    ("ur", "اردو"),
    ("ckb", "کوردی"),
    ("ps", "پښتو"),
    ("id", "Bahasa Indonesia"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("sq", "Shqip"),
    ("bs", "Bosanski"),
    ("uz", "Oʻzbekcha"),
];

/// The languages written right to left.
const RTL: &[&str] = &["ar", "fa", "ur", "ckb", "ps"];

/// The basic fixture, published in every language of [`LANGUAGES`].
fn every_language() -> Site {
    let site = Site::fixture("basic");
    let list: String = LANGUAGES
        .iter()
        .map(|(code, name)| format!("  - {{ code: {code}, name: {name} }}\n"))
        .collect();
    site.edit(
        "site.yaml",
        "  - { code: en, name: English }\n  - { code: ar, name: العربية }\n  - { code: fr, name: Français }\n",
        &list,
    );
    let codes: Vec<&str> = LANGUAGES.iter().map(|(code, _)| *code).collect();
    for story in ["story-one", "story-two"] {
        site.edit(
            &format!("content/stories/{story}/index.md"),
            "languages: [en, ar, fr]",
            &format!("languages: [{}]", codes.join(", ")),
        );
    }
    site
}

/// Every `.html` file the build wrote under `prefix`.
fn pages_under(site: &Site, prefix: &str) -> Vec<String> {
    site.output_files()
        .into_iter()
        .filter(|f| f.starts_with(prefix) && f.ends_with(".html"))
        .collect()
}

#[test]
fn every_shipped_language_renders_every_page_in_its_own_strings_and_direction() {
    let site = every_language();
    let run = site.build_ok();
    // A string missing in a language is a warning naming the language as `code`.
    for (code, _) in LANGUAGES {
        let named: Vec<&str> = run
            .stderr
            .lines()
            .filter(|line| line.starts_with("warning") && line.contains(&format!("`{code}`")))
            .collect();
        assert!(named.is_empty(), "warnings about `{code}`: {named:#?}");
    }
    let english_pages = pages_under(&site, "en/");
    assert!(english_pages.len() >= 10, "few pages: {english_pages:?}");
    let english_skip = site.html("en/index.html").text(".skip-link");
    for (code, _) in LANGUAGES {
        let pages = pages_under(&site, &format!("{code}/"));
        // The same pages in every language (fallback mode fills in untranslated texts).
        assert_eq!(pages.len(), english_pages.len(), "{code}: {pages:?}");
        let dir = if RTL.contains(code) { "rtl" } else { "ltr" };
        for rel in &pages {
            let page = site.html(rel);
            let html = page.one("html");
            assert_eq!(html.value().attr("lang"), Some(*code), "{rel}");
            assert_eq!(html.value().attr("dir"), Some(dir), "{rel}");
        }
        // The interface is in the language itself, not English fallen back.
        if *code != "en" {
            let home = site.html(&format!("{code}/index.html"));
            let skip = home.text(".skip-link");
            assert!(!skip.is_empty() && skip != english_skip, "{code}: {skip}");
        }
    }
}

#[test]
fn i18n_status_flags_every_language_not_reviewed_by_a_native_speaker() {
    let site = every_language();
    let run = site.run(&["i18n", "status", "--format", "json"]);
    assert!(run.success, "i18n status failed:\n{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON report");
    let en = language(&report, "en");
    assert_eq!(en["review"], "reviewed");
    assert_eq!(en["draft"], false);
    for (code, _) in &LANGUAGES[1..] {
        let l = language(&report, code);
        assert_eq!(l["review"], "draft", "{code}");
        assert_eq!(l["draft"], true, "{code}");
        // Complete and correct: every message of the reference (main.ftl, and the messages to
        // editors in editors.ftl), none broken or extra.
        let missing: Vec<&str> = l["missing_messages"]
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|m| m["location"].as_str())
            .collect();
        assert!(missing.is_empty(), "{code} misses {missing:?}");
        assert_eq!(l["extra_messages"], Value::Array(Vec::new()), "{code}");
        assert_eq!(l["broken_messages"], Value::Array(Vec::new()), "{code}");
    }

    let run = site.run(&["i18n", "status"]);
    let line = |code: &str| {
        run.stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(code))
            .unwrap_or_else(|| panic!("no line for {code}:\n{}", run.stdout))
            .to_string()
    };
    assert!(line("fa").contains("DRAFT: not reviewed by a native speaker"));
    assert!(line("en").contains("reviewed") && !line("en").contains("DRAFT"));

    // A file without a status line is unknown, and shown as a draft too; a reviewer who
    // writes `## Status: reviewed` in every file of a language (main.ftl, editors.ftl) makes
    // it reviewed.
    let files = ["locales/fa/main.ftl", "locales/fa/editors.ftl"];
    let originals = files.map(|file| site.read(file));
    let rewrite = |from: &str, to: &str| {
        for (file, text) in files.iter().zip(&originals) {
            assert!(text.contains(from), "{file} has no `{from}`");
            site.write(file, text.replace(from, to));
        }
    };
    rewrite(
        "## Status: draft (not yet reviewed by a native speaker)\n",
        "",
    );
    let report: Value =
        serde_json::from_str(&site.run(&["i18n", "status", "--format", "json"]).stdout)
            .expect("JSON report");
    assert_eq!(language(&report, "fa")["review"], "unknown");
    assert_eq!(language(&report, "fa")["draft"], true);
    rewrite(
        "## Status: draft (not yet",
        "## Status: reviewed (was not yet",
    );
    let report: Value =
        serde_json::from_str(&site.run(&["i18n", "status", "--format", "json"]).stdout)
            .expect("JSON report");
    assert_eq!(language(&report, "fa")["review"], "reviewed");
    assert_eq!(language(&report, "fa")["draft"], false);
}
