//! Minifying the output: the site theme's stylesheets and scripts are minified like the pages,
//! addressed by the hash of what is written, reported at their line when they do not parse,
//! and published as they are with `minify: false`; pages keep the HTML attribute syntax.

mod common;

use common::{Site, assert_reported};
use sha2::{Digest, Sha256};

/// The `?v=` of an address: the first 8 hex digits of the SHA-256 of the file written.
fn version(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn theme_stylesheets_and_scripts_are_minified_and_addressed_by_what_is_written() {
    let site = Site::fixture("basic");
    site.build_ok();
    for (name, selector, attr) in [
        ("style.css", "link[rel=stylesheet]", "href"),
        ("site.js", "script[src]", "src"),
    ] {
        let source = std::fs::read(site.path(&format!("themes/default/static/{name}"))).unwrap();
        let written = std::fs::read(site.path(&format!("public/static/{name}"))).unwrap();
        assert!(
            written.len() * 10 < source.len() * 8,
            "{name}: {} bytes written from {}",
            written.len(),
            source.len()
        );
        // Comments and indentation are gone.
        let text = String::from_utf8(written.clone()).unwrap();
        assert!(!text.contains("\n  ") && !text.contains("/*") && !text.contains("// "));
        let address = site.html("en/index.html").attr(selector, attr);
        assert!(
            address.ends_with(&format!("static/{name}?v={}", version(&written))),
            "{address}"
        );
    }
}

#[test]
fn minify_false_publishes_pages_and_assets_as_the_theme_wrote_them() {
    let site = Site::fixture("basic");
    site.edit("site.yaml", "title:", "minify: false\ntitle:");
    site.build_ok();
    for name in ["style.css", "site.js"] {
        assert_eq!(
            std::fs::read(site.path(&format!("public/static/{name}"))).unwrap(),
            std::fs::read(site.path(&format!("themes/default/static/{name}"))).unwrap(),
            "{name}"
        );
    }
    assert!(site.read("public/en/index.html").contains("\n"));
}

#[test]
fn a_stylesheet_that_does_not_parse_is_an_error_at_its_line() {
    let site = Site::fixture("basic");
    let css = site.read("themes/default/static/style.css");
    let line = css.lines().count() + 1;
    site.write(
        "themes/default/static/style.css",
        format!(
            "{}\n.card > > a {{ color: red }}\n",
            css.trim_end_matches('\n')
        ),
    );
    let run = site.build();
    // The column is lightningcss's to choose; the line is the rule's.
    let at = format!("themes/default/static/style.css:{line}:");
    let block = common::blocks(&run)
        .into_iter()
        .find(|block| block.contains(&at))
        .unwrap_or_else(|| panic!("nothing at {at}:\n{}", run.stderr));
    assert!(block.starts_with("error"), "{block}");
    assert!(block.contains("this stylesheet cannot be read"), "{block}");
    assert!(block.contains("minify: false"), "{block}");
    assert!(!site.exists("public"), "a failed build wrote its output");

    // Published as it is without minifying.
    site.edit("site.yaml", "title:", "minify: false\ntitle:");
    site.build_ok();
}

#[test]
fn a_script_that_does_not_parse_is_an_error_at_its_line_and_column() {
    let site = Site::fixture("basic");
    let js = site.read("themes/default/static/site.js");
    let line = js.trim_end_matches('\n').lines().count() + 1;
    site.write(
        "themes/default/static/site.js",
        format!("{}\nlet broken = (;\n", js.trim_end_matches('\n')),
    );
    let run = site.build();
    assert_reported(
        &run,
        "themes/default/static/site.js",
        (line, 15),
        &["this script cannot be read", "minify: false"],
    );
}

// The bytes are the contract here: a browser reads `href=/x?v=1` as well as the quoted form,
// but the HTML syntax forbids `=` in an unquoted value, and the Nu HTML Checker reports it.
#[test]
fn pages_quote_attribute_values_that_hold_an_equals_sign() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.read("public/en/index.html");
    let href = site
        .html("en/index.html")
        .attr("link[rel=stylesheet]", "href");
    assert!(href.contains("?v="), "{href}");
    assert!(html.contains(&format!("href=\"{href}\"")), "{html}");
}
