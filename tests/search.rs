//! Search, read from a real build of `tests/fixtures/search`: each language's pagefind index
//! beside its search page, its records (pagefind's fragments, decompressed and parsed as
//! JSON), the search page's policy, and that nothing private or draft is indexed.
#![cfg(feature = "search")]

mod common;

use std::collections::BTreeMap;
use std::io::Read;

use common::{Site, tree};
use serde_json::Value;

/// Pagefind's compressed files start, once gunzipped, with this marker.
const MARKER: &[u8] = b"pagefind_dcd";

fn built() -> Site {
    let site = Site::fixture("search");
    site.build_ok();
    site
}

/// A pagefind file's content: gunzipped, without its marker.
fn decompress(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip file");
    out.strip_prefix(MARKER).map(<[u8]>::to_vec).unwrap_or(out)
}

/// The files of a language's index, by path inside its folder.
fn bundle(site: &Site, lang: &str) -> BTreeMap<String, Vec<u8>> {
    tree(&site.path(&format!("public/{lang}/search/pagefind")))
}

/// The records of a language's index: each fragment, parsed.
fn records(site: &Site, lang: &str) -> Vec<Value> {
    let files = bundle(site, lang);
    let mut records: Vec<Value> = files
        .iter()
        .filter(|(path, _)| path.ends_with(".pf_fragment"))
        .map(|(path, bytes)| {
            serde_json::from_slice(&decompress(bytes))
                .unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
        })
        .collect();
    records.sort_by_key(|r| r["url"].as_str().unwrap_or_default().to_string());
    records
}

fn record<'a>(records: &'a [Value], url: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["url"] == url)
        .unwrap_or_else(|| panic!("no record for {url} in {records:#?}"))
}

#[test]
fn each_language_has_its_own_index_beside_its_search_page() {
    let site = built();
    for lang in ["en", "ar"] {
        let files = bundle(&site, lang);
        for name in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"] {
            assert!(
                files.contains_key(name),
                "{lang}: no {name} in {:?}",
                files.keys()
            );
        }
        assert!(
            files.keys().any(|p| p.ends_with(".pf_meta")),
            "{lang}: no meta"
        );
        assert!(
            files.keys().any(|p| p.starts_with("wasm.")),
            "{lang}: no wasm"
        );
        // pagefind's prebuilt interfaces are not shipped: the page has its own script.
        assert!(
            !files.keys().any(|p| p.contains("-ui")),
            "{:?}",
            files.keys()
        );
        // The entry names this language only: one index per language.
        let entry: Value = serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
        let languages: Vec<&String> = entry["languages"].as_object().unwrap().keys().collect();
        assert_eq!(languages, [lang]);

        let page = site.html(&format!("{lang}/search/index.html"));
        assert_eq!(page.attr("html", "lang"), lang);
        let box_ = page.one("[data-search]");
        assert_eq!(
            box_.value().attr("data-bundle"),
            Some(format!("/archive/{lang}/search/pagefind/").as_str())
        );
        // Without JavaScript the page says so and links to the stories.
        assert_eq!(
            page.attr("[data-search-needs-js] a", "href"),
            format!("/archive/{lang}/stories/")
        );
        assert!(
            page.attr("script[src*='search.js']", "src")
                .starts_with("/archive/static/search.js?v=")
        );
        // Every page links to its language's search page.
        let home = site.html(&format!("{lang}/index.html"));
        let links = home.attrs(".site-nav a", "href");
        assert!(
            links.contains(&format!("/archive/{lang}/search/")),
            "{links:?}"
        );
    }
    assert_eq!(site.html("ar/search/index.html").attr("html", "dir"), "rtl");
}

#[test]
fn only_the_search_page_allows_webassembly() {
    let site = built();
    let page = site.html("ar/search/index.html");
    let policy = page.attr("meta[http-equiv='Content-Security-Policy']", "content");
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{policy}"
    );
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    for other in [
        "public/ar/index.html",
        "public/ar/stories/the-border/index.html",
    ] {
        let text = site.read(other);
        assert!(!text.contains("wasm-unsafe-eval"), "{other}");
    }
    let headers = site.read("public/_headers");
    let rule = "/archive/ar/search/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ";
    assert!(headers.contains(rule), "{headers}");
    assert_eq!(headers.matches("wasm-unsafe-eval").count(), 2, "{headers}");
}

#[test]
fn arabic_is_indexed_without_harakat_and_transcript_lines_link_to_their_moment() {
    let site = built();
    let records = records(&site, "ar");
    // missing_translation: skip: the story without Arabic text has no page, so no record.
    assert_eq!(records.len(), 1, "{records:#?}");
    let border = record(&records, "/archive/ar/stories/the-border/");
    let content = border["content"].as_str().unwrap();
    // Written فِي تِلْكَ اللَّيْلَةِ مَشَيْتُ إِلَى ضِفَّةِ النَّهْـرِ: folded as readers type it.
    assert!(
        content.contains("في تلك الليلة مشيت الى ضفة النهر وحدي"),
        "{content}"
    );
    assert!(content.contains("الحدود في الليل"), "{content}");
    assert!(
        content.contains("لا احد ينتظرك هناك"),
        "the statement, folded: {content}"
    );
    let marks = |c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}' | 'أ' | 'إ' | 'آ');
    assert!(!content.chars().any(marks), "{content}");
    // The title a result shows is the story's own.
    assert_eq!(border["meta"]["title"], "الحدود في الليل");
    // Each transcript line is an anchor `t=<seconds>`: the result links to url#t=72.5.
    let anchors: Vec<(&str, &str)> = border["anchors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["text"].as_str().unwrap()))
        .collect();
    assert_eq!(anchors.len(), 2, "{anchors:?}");
    assert_eq!(anchors[0].0, "t=0");
    assert_eq!(anchors[1].0, "t=72.5");
    assert!(anchors[1].1.contains("ضفة النهر"), "{anchors:?}");
}

#[test]
fn english_index_holds_titles_summaries_statements_and_transcripts() {
    let site = built();
    let records = records(&site, "en");
    let urls: Vec<&str> = records.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "/archive/en/stories/english-only/",
            "/archive/en/stories/the-border/"
        ]
    );
    let border = record(&records, "/archive/en/stories/the-border/");
    let content = border["content"].as_str().unwrap();
    for text in [
        "The border at night",
        "about a crossing",
        "Nobody is waiting for you there",
        "That night I walked to the riverbank alone",
    ] {
        assert!(content.contains(text), "{text:?} not in {content}");
    }
    assert_eq!(border["meta"]["title"], "The border at night");
    let ids: Vec<&str> = border["anchors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["t=0", "t=72.5"]);
    // A story without captions has its texts and no moments.
    let only = record(&records, "/archive/en/stories/english-only/");
    assert!(only["content"].as_str().unwrap().contains("lighthouse"));
    assert_eq!(only["anchors"].as_array().map(Vec::len), Some(0));
}

#[test]
fn nothing_private_or_draft_is_indexed() {
    let site = built();
    for lang in ["en", "ar"] {
        for (path, bytes) in bundle(&site, lang) {
            let plain = if path.starts_with("fragment/")
                || path.starts_with("index/")
                || path.ends_with(".pf_meta")
            {
                decompress(&bytes)
            } else {
                bytes
            };
            let text = String::from_utf8_lossy(&plain);
            for secret in [
                "PRIVATENAME",
                "SECRETVILLAGE",
                "DRAFTWORD",
                "DRAFTTITLE",
                "Narrator Draft",
                "unfinished",
            ] {
                assert!(
                    !text.contains(secret),
                    "{secret} in {lang}/search/pagefind/{path}"
                );
            }
        }
    }
}

#[test]
fn two_builds_give_the_same_index() {
    let first = built();
    let second = built();
    let a = tree(&first.path("public/ar/search"));
    let b = tree(&second.path("public/ar/search"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert!(a == b, "the same sources gave different index files");
}
