//! Copies that work anywhere: `build --relative` (opened from a folder, `file://`) and a site
//! served from a sub-path, with the links editors write by hand in Markdown checked and
//! rewritten. Checked on the `relative` fixture, its pages parsed with scraper.

mod common;

use std::path::{Path, PathBuf};

use common::{Page, Site, assert_reported, edit_at, tree};

/// The fixture's `base_url` is `https://mirror.example/testimony/`.
const SITE: &str = "https://mirror.example/testimony/";
const SUB_PATH: &str = "/testimony/";

/// Every HTML page and style sheet of an output folder, by path inside it.
fn pages_and_style_sheets(out: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
        .collect();
    let of = |ext: &str| {
        files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .cloned()
            .collect::<Vec<_>>()
    };
    (of("html"), of("css"))
}

/// Every address in a page's `href`, `src`, `poster` and `srcset` attributes.
fn addresses_of_page(text: &str) -> Vec<String> {
    let page = Page::parse(text);
    let mut found = Vec::new();
    for element in page.select("[href], [src], [poster], [srcset]") {
        for name in ["href", "src", "poster"] {
            if let Some(value) = element.value().attr(name) {
                found.push(value.to_string());
            }
        }
        if let Some(srcset) = element.value().attr("srcset") {
            found.extend(
                srcset
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .map(str::to_string),
            );
        }
    }
    found
}

/// Every address in a style sheet's `url()`s.
fn addresses_of_style_sheet(css: &str) -> Vec<String> {
    css.split("url(")
        .skip(1)
        .map(|rest| {
            let inner = rest.trim_start();
            let inner = inner.trim_start_matches(['"', '\'']);
            let end = inner.find(['"', '\'', ')']).unwrap_or(inner.len());
            inner[..end].trim().to_string()
        })
        .collect()
}

/// Whether an address leaves the copy on purpose: another site, an e-mail, an inline icon.
fn is_elsewhere(address: &str) -> bool {
    ["https:", "http:", "mailto:", "data:"]
        .iter()
        .any(|scheme| address.starts_with(scheme))
}

/// The file an address from `from` leads to when `from` is opened as a `file://` URL, as a
/// browser reads it (query and fragment dropped, percent-decoded).
fn file_reached(from: &Path, address: &str) -> PathBuf {
    let base = url::Url::from_file_path(from).unwrap();
    let mut target = base
        .join(address)
        .unwrap_or_else(|e| panic!("{address} in {}: {e}", from.display()));
    assert_eq!(target.scheme(), "file", "{address} in {}", from.display());
    target.set_query(None);
    target.set_fragment(None);
    target.to_file_path().unwrap()
}

fn build_relative(site: &Site, out: &str) -> PathBuf {
    let path = site.path(out);
    let run = site.run(&["build", "--relative", "--out", &path.to_string_lossy()]);
    assert!(run.success, "build --relative failed:\n{}", run.stderr);
    path
}

#[test]
fn every_link_of_a_relative_build_reaches_a_file_of_the_copy() {
    let site = Site::fixture("relative");
    let out = build_relative(&site, "copy");
    let (pages, style_sheets) = pages_and_style_sheets(&out);
    assert!(pages.len() > 10, "{pages:?}");
    assert!(!style_sheets.is_empty());
    let mut checked = 0;
    let mut check = |file: &Path, address: &str| {
        if is_elsewhere(address) || address.starts_with('#') {
            return;
        }
        assert!(
            !address.starts_with('/'),
            "{address} in {} is from the host's root",
            file.display()
        );
        let reached = file_reached(file, address);
        assert!(
            reached.starts_with(&out),
            "{address} in {} leaves the copy",
            file.display()
        );
        assert!(
            reached.is_file(),
            "{address} in {} leads to {}, which is not a file",
            file.display(),
            reached.display()
        );
        checked += 1;
    };
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for address in addresses_of_page(&text) {
            check(page, &address);
        }
    }
    for sheet in &style_sheets {
        let text = std::fs::read_to_string(sheet).unwrap();
        for address in addresses_of_style_sheet(&text) {
            check(sheet, &address);
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn a_relative_build_keeps_full_addresses_for_search_engines_and_sharing() {
    let site = Site::fixture("relative");
    let out = build_relative(&site, "copy");
    let page = Page::parse(&std::fs::read_to_string(out.join("en/about/index.html")).unwrap());
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        format!("{SITE}en/about/")
    );
    for href in page.attrs("link[rel=alternate][hreflang]", "href") {
        assert!(href.starts_with(SITE), "{href}");
    }
    assert_eq!(
        page.attr("meta[property='og:url']", "content"),
        format!("{SITE}en/about/")
    );
    // The navigation and the language switcher are relative, to files.
    assert_eq!(page.attr("a.site-title", "href"), "../index.html");
    assert_eq!(
        page.attr(".lang-nav a[hreflang=ar]", "href"),
        "../../ar/about/index.html"
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains(&format!("<loc>{SITE}en/about/</loc>")),
        "{sitemap}"
    );
}

#[test]
fn links_written_by_hand_lead_from_the_page_and_keep_their_fragment_and_query() {
    let site = Site::fixture("relative");
    site.build_ok();
    let about = site.html("en/about/index.html");
    let href = |text: &str| -> String {
        about
            .select("main a")
            .into_iter()
            .find(|a| common::text_of(*a) == text)
            .unwrap_or_else(|| panic!("no link {text:?}"))
            .value()
            .attr("href")
            .unwrap()
            .to_string()
    };
    assert_eq!(href("the stories"), "/testimony/en/stories/");
    assert_eq!(href("one theme"), "/testimony/en/themes/defection/");
    assert_eq!(
        href("the first example at its second part"),
        "/testimony/en/stories/example-one/#t=72"
    );
    assert_eq!(
        href("the same in Arabic"),
        "/testimony/ar/stories/example-one/"
    );
    assert_eq!(href("the feed"), "/testimony/en/feed.xml");
    assert_eq!(href("a search"), "/testimony/en/stories/?q=way");
    assert_eq!(href("elsewhere"), "https://example.org/");
    // A relative link in a story, and in a theme, from the page's own address.
    let story = site.html("en/stories/example-one/index.html");
    assert!(
        story
            .attrs("main a", "href")
            .contains(&"/testimony/en/stories/example-two/".to_string()),
        "{:?}",
        story.attrs("main a", "href")
    );
    let theme = site.html("en/themes/defection/index.html");
    let links = theme.attrs("main a", "href");
    assert!(
        links.contains(&"/testimony/en/themes/".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/testimony/en/about/".to_string()),
        "{links:?}"
    );

    // The same links in a relative build: from the page's folder, to a file, fragment kept.
    let out = build_relative(&site, "copy");
    let about = Page::parse(&std::fs::read_to_string(out.join("en/about/index.html")).unwrap());
    let links = about.attrs("main a", "href");
    for expected in [
        "../stories/index.html",
        "../themes/defection/index.html",
        "../stories/example-one/index.html#t=72",
        "../../ar/stories/example-one/index.html",
        "../feed.xml",
        "../stories/index.html?q=way",
        "https://example.org/",
    ] {
        assert!(
            links.contains(&expected.to_string()),
            "{expected} not in {links:?}"
        );
    }
}

#[test]
fn every_address_of_a_sub_path_build_is_under_the_sub_path() {
    let site = Site::fixture("relative");
    site.build_ok();
    let (pages, style_sheets) = pages_and_style_sheets(&site.path("public"));
    let mut checked = 0;
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for address in addresses_of_page(&text) {
            if is_elsewhere(&address) {
                assert!(
                    address.starts_with(SITE)
                        || !address.starts_with("https://mirror.example")
                        || address == "data:,",
                    "{address} in {}",
                    page.display()
                );
                continue;
            }
            if address.starts_with('#') {
                continue;
            }
            assert!(
                address.starts_with(SUB_PATH),
                "{address} in {} is not under {SUB_PATH}",
                page.display()
            );
            let rel = address[SUB_PATH.len()..]
                .split(['?', '#'])
                .next()
                .unwrap()
                .to_string();
            let file = site.path("public").join(&rel);
            let file = if rel.is_empty() || rel.ends_with('/') {
                file.join("index.html")
            } else {
                file
            };
            let decoded = percent_encoding::percent_decode_str(&file.to_string_lossy())
                .decode_utf8()
                .unwrap()
                .to_string();
            assert!(
                Path::new(&decoded).is_file(),
                "{address} in {} leads to no file",
                page.display()
            );
            checked += 1;
        }
    }
    for sheet in &style_sheets {
        for address in addresses_of_style_sheet(&std::fs::read_to_string(sheet).unwrap()) {
            assert!(
                !address.starts_with('/') || address.starts_with(SUB_PATH),
                "{address} in {}",
                sheet.display()
            );
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn reports_a_broken_hand_written_link_with_line_and_column_and_the_closest_page() {
    let site = Site::fixture("relative");
    let rel = "content/about.md";
    let at = edit_at(
        &site,
        rel,
        "[the stories](/en/stories/)",
        "[the stories](/en/storys/)",
        "[the stories]",
    );
    let run = site.build();
    assert_reported(
        &run,
        rel,
        at,
        &[
            "the link `/en/storys/` leads to no page of this site",
            "did you mean `/en/stories/`?",
        ],
    );
    assert!(!site.exists("public"), "a failed build wrote its output");
}

#[test]
fn reports_a_relative_link_that_climbs_out_of_the_site_and_one_to_a_missing_story() {
    let site = Site::fixture("relative");
    let rel = "content/stories/example-one/index.md";
    let climbing = edit_at(
        &site,
        rel,
        "[other example](../example-two/)",
        "[other example](../../../../example-two/)",
        "[other example]",
    );
    let other = "content/stories/example-two/index.md";
    let missing = edit_at(
        &site,
        other,
        "(/en/stories/example-one/)",
        "(/en/stories/example-three/#t=3)",
        "[the first example]",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        rel,
        climbing,
        &["the link `../../../../example-two/` leads to no page of this site"],
    );
    assert_reported(
        &run,
        other,
        missing,
        &[
            "the link `/en/stories/example-three/#t=3` leads to no page",
            "did you mean `/en/stories/example-one/`?",
        ],
    );
}

#[test]
fn two_relative_builds_are_the_same_bytes_and_differ_from_a_hosted_one() {
    let site = Site::fixture("relative");
    let first = tree(&build_relative(&site, "one"));
    let second = tree(&build_relative(&site, "two"));
    assert_eq!(first, second);
    site.build_ok();
    let hosted = tree(&site.path("public"));
    assert_ne!(
        first.get(".testimony-output"),
        hosted.get(".testimony-output")
    );
    let run = site.run(&["verify", &site.path("one").to_string_lossy()]);
    assert!(run.success, "{}{}", run.stdout, run.stderr);
}
