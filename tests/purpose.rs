//! The site's stated purpose (`purpose:` in site.yaml): in every page's footer, in the
//! reader's language or the default language's as `missing_translation` allows, with a
//! warning at `purpose:` for each language without its own text; its errors at their place.

mod common;

use common::Site;

/// The purpose paragraph of a page's footer: its text and `lang`, if it has one.
fn footer_purpose(site: &Site, rel: &str) -> Option<(String, String)> {
    let page = site.html(rel);
    let found = page.select("footer .site-purpose");
    assert!(found.len() <= 1, "{rel}");
    found.first().map(|p| {
        (
            common::text_of(*p),
            p.value().attr("lang").unwrap_or_default().to_string(),
        )
    })
}

#[test]
fn the_shipped_site_states_its_purpose_in_each_language_s_footer() {
    let site = Site::shipped();
    site.build_ok();
    let en = footer_purpose(&site, "en/index.html").expect("a purpose in English");
    let ar = footer_purpose(&site, "ar/index.html").expect("a purpose in Arabic");
    let fr = footer_purpose(&site, "fr/index.html").expect("a purpose in French");
    assert!(en.0.contains("violent extremism"), "{en:?}");
    assert_eq!(en.1, "en");
    assert_eq!(ar.1, "ar");
    assert!(ar.0.contains("التطرف"), "{ar:?}");
    assert_eq!(fr.1, "fr");
    assert!(fr.0.contains("extrémisme"), "{fr:?}");
    // Every page, the language chooser and the 404 pages included (in the default language).
    for rel in [
        "index.html",
        "404.html",
        "ar/404.html",
        "fr/stories/index.html",
    ] {
        assert!(footer_purpose(&site, rel).is_some(), "{rel}");
    }
    assert_eq!(footer_purpose(&site, "index.html").unwrap(), en);
    assert_eq!(footer_purpose(&site, "ar/404.html").unwrap(), ar);
}

#[test]
fn a_language_without_its_text_falls_back_with_a_warning_or_shows_none_when_skipped() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}purpose:\n  en: Published to counter violent extremism.\n  ar: نص الغرض.\n"),
    );
    let run = site.build_ok();
    assert!(
        run.stderr
            .contains("warning: site.yaml:13:1: the purpose statement has no text in `fr`"),
        "{}",
        run.stderr
    );
    let fr = footer_purpose(&site, "fr/index.html").expect("the fallback");
    assert_eq!(
        fr,
        (
            "Published to counter violent extremism.".into(),
            "en".into()
        )
    );
    assert_eq!(
        footer_purpose(&site, "ar/index.html").unwrap(),
        ("نص الغرض.".into(), "ar".into())
    );

    site.edit(
        "site.yaml",
        "missing_translation: fallback",
        "missing_translation: skip",
    );
    let run = site.build_ok();
    assert!(run.stderr.contains("its pages show none"), "{}", run.stderr);
    assert_eq!(footer_purpose(&site, "fr/index.html"), None);
}

#[test]
fn a_site_without_a_purpose_has_no_purpose_paragraph() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert_eq!(footer_purpose(&site, "en/index.html"), None);
}

#[test]
fn purpose_errors_are_reported_at_their_place_all_at_once() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}purpose:\n  ar: نص.\n  de: Text.\n  fr: [a, b]\n"),
    );
    let run = site.build();
    run.assert_error(&["3 error(s)"]);
    for (message, at) in [
        (
            "error: `de` under `purpose` is not a language of the site",
            "site.yaml:15:3",
        ),
        (
            "error: the purpose statement in `fr` should be a text, not a list",
            "site.yaml:16:7",
        ),
        (
            "error: the purpose statement has no text in the default language `en`",
            "site.yaml:13:1",
        ),
    ] {
        // Each message is followed by its place.
        let after = run
            .stderr
            .split_once(message)
            .unwrap_or_else(|| panic!("no {message:?} in:\n{}", run.stderr))
            .1;
        let place = after
            .lines()
            .find(|l| l.contains("site.yaml:"))
            .unwrap_or("");
        assert!(place.contains(at), "{message}: {place}");
    }
}
