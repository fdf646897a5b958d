//! Feeds, the sitemap's hreflang pairs and social cards, read from a real build: each
//! language's Atom feed and `sitemap.xml` parsed as XML, the Open Graph and Twitter meta of
//! pages parsed as HTML.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Page, Site};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XHTML: &str = "http://www.w3.org/1999/xhtml";
const BASE: &str = "https://fixture.example/archive/";

/// One entry of a feed, as read back.
#[derive(Debug, PartialEq)]
struct Entry {
    id: String,
    title: String,
    summary: String,
    updated: String,
    link: String,
    lang: String,
}

/// The text of the Atom child `name` of `node`.
fn child(node: roxmltree::Node, name: &str) -> String {
    node.children()
        .find(|n| n.has_tag_name((ATOM, name)))
        .and_then(|n| n.text())
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
        .to_string()
}

/// The feed of `lang`: its language, its `updated`, and its entries in order.
fn feed(site: &Site, lang: &str) -> (String, String, Vec<Entry>) {
    let text = site.read(&format!("public/{lang}/feed.xml"));
    let doc = roxmltree::Document::parse(&text).expect("the feed is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name((ATOM, "feed")), "{text}");
    let xml_lang = |n: roxmltree::Node| {
        n.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .unwrap_or_default()
            .to_string()
    };
    let entries = root
        .children()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .map(|e| {
            let link = e
                .children()
                .find(|n| n.has_tag_name((ATOM, "link")) && n.attribute("rel") == Some("alternate"))
                .and_then(|n| n.attribute("href"))
                .expect("an entry links to its page")
                .to_string();
            Entry {
                id: child(e, "id"),
                title: child(e, "title"),
                summary: child(e, "summary"),
                updated: child(e, "updated"),
                link,
                lang: xml_lang(e),
            }
        })
        .collect();
    assert_eq!(child(root, "id"), format!("{BASE}{lang}/"));
    (xml_lang(root), child(root, "updated"), entries)
}

/// An RFC 3339 date-time at midnight UTC, as the feeds write them: `2018-02-08T00:00:00Z`.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() == 20
        && text.ends_with("T00:00:00Z")
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}

#[test]
fn each_language_s_feed_lists_exactly_the_stories_written_in_it_newest_first() {
    let site = Site::fixture("basic");
    site.build_ok();
    let story = |lang: &str, slug: &str| format!("{BASE}{lang}/stories/{slug}/");

    let (lang, updated, entries) = feed(&site, "en");
    assert_eq!(lang, "en");
    let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
    // Newest interview first: story-two (2019-11-30), then story-one (2018-02-08); the draft
    // is in no feed.
    assert_eq!(
        titles,
        ["The second fixture story", "The first fixture story"]
    );
    assert_eq!(entries[0].updated, "2019-11-30T00:00:00Z");
    assert_eq!(entries[1].updated, "2018-02-08T00:00:00Z");
    assert_eq!(
        updated, entries[0].updated,
        "the feed's date is its newest entry's"
    );
    assert_eq!(entries[0].id, story("en", "story-two"));
    assert_eq!(entries[0].link, story("en", "story-two"));
    assert_eq!(
        entries[0].summary,
        "Another fictional story, in English only."
    );
    assert!(
        entries
            .iter()
            .all(|e| e.lang == "en" && is_date(&e.updated))
    );

    // Only story-one has an Arabic text; story-two is shown in Arabic as a fallback, which a
    // feed never announces.
    let (lang, updated, entries) = feed(&site, "ar");
    assert_eq!(lang, "ar");
    assert_eq!(
        entries,
        [Entry {
            id: story("ar", "story-one"),
            title: "قصة الاختبار الأولى".into(),
            summary: "قصة متخيّلة تستخدمها الاختبارات.".into(),
            updated: "2018-02-08T00:00:00Z".into(),
            link: story("ar", "story-one"),
            lang: "ar".into(),
        }]
    );
    assert_eq!(updated, "2018-02-08T00:00:00Z");

    // No story is written in French: the feed is there, valid, and empty, with a fixed date.
    let (lang, updated, entries) = feed(&site, "fr");
    assert_eq!((lang.as_str(), entries.len()), ("fr", 0));
    assert!(is_date(&updated), "{updated}");
}

#[test]
fn every_page_links_its_language_s_feed() {
    let site = Site::fixture("basic");
    site.build_ok();
    for (page, lang) in [
        ("en/index.html", "en"),
        ("ar/stories/story-one/index.html", "ar"),
        ("fr/themes/index.html", "fr"),
    ] {
        let html = site.html(page);
        let css = r#"head link[rel="alternate"][type="application/atom+xml"]"#;
        assert_eq!(html.attr(css, "href"), format!("/archive/{lang}/feed.xml"));
        // Not a language version of the page: no hreflang, which would make it one.
        assert!(html.one(css).value().attr("hreflang").is_none());
    }
}

#[test]
fn feed_titles_and_summaries_are_escaped() {
    let site = Site::fixture("basic");
    let rel = "content/stories/story-two/index.md";
    site.edit(
        rel,
        "title: The second fixture story",
        r#"title: 'Fish & <chips> "quoted"'"#,
    );
    site.edit(
        rel,
        "summary: Another fictional story, in English only.",
        "summary: 'A < B && C > D'",
    );
    site.build_ok();
    let raw = site.read("public/en/feed.xml");
    assert!(!raw.contains("<chips>"), "{raw}");
    let (_, _, entries) = feed(&site, "en");
    assert_eq!(entries[0].title, r#"Fish & <chips> "quoted""#);
    assert_eq!(entries[0].summary, "A < B && C > D");
}

#[test]
fn sitemap_hreflang_alternates_are_reciprocal() {
    let site = Site::fixture("basic");
    site.build_ok();
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("the sitemap is well-formed XML");
    let sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    // Each address, with its alternates as hreflang -> address.
    let mut urls: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in doc
        .descendants()
        .filter(|n| n.has_tag_name((sitemap, "url")))
    {
        let loc = url
            .children()
            .find(|n| n.has_tag_name((sitemap, "loc")))
            .and_then(|n| n.text())
            .expect("a <loc>")
            .to_string();
        let mut alternates = BTreeMap::new();
        for link in url.children().filter(|n| n.has_tag_name((XHTML, "link"))) {
            let (Some(lang), Some(href)) = (link.attribute("hreflang"), link.attribute("href"))
            else {
                panic!("an alternate without hreflang or href in {loc}");
            };
            let before = alternates.insert(lang.to_string(), href.to_string());
            assert_eq!(before, None, "{lang} twice in {loc}");
        }
        assert!(
            urls.insert(loc.clone(), alternates).is_none(),
            "{loc} twice"
        );
    }
    assert!(urls.contains_key(&format!("{BASE}ar/stories/story-one/")));
    // The generated lists are listed in every language: the stories of each country too.
    let from_pages: Vec<String> = site
        .output_files()
        .into_iter()
        .filter(|f| f.contains("/stories/from/"))
        .collect();
    assert!(!from_pages.is_empty());
    for file in from_pages {
        let dir = file.strip_suffix("index.html").expect("a page");
        assert!(
            urls.contains_key(&format!("{BASE}{dir}")),
            "{dir} is not in the sitemap"
        );
    }
    for (loc, alternates) in &urls {
        assert!(
            alternates.values().any(|href| href == loc),
            "{loc} does not list itself"
        );
        let x_default = alternates.get("x-default");
        assert!(x_default.is_some(), "{loc} has no x-default");
        for (lang, href) in alternates {
            let Some(theirs) = urls.get(href) else {
                panic!("{loc} names {href} ({lang}), which the sitemap does not list");
            };
            assert_eq!(
                theirs, alternates,
                "{href} and {loc} disagree on their alternates"
            );
        }
    }
    // A story written in English and Arabic only: a fallback copy is not an alternate.
    let one = &urls[&format!("{BASE}en/stories/story-one/")];
    let langs: BTreeSet<&str> = one.keys().map(String::as_str).collect();
    assert_eq!(langs, BTreeSet::from(["ar", "en", "x-default"]));
    assert_eq!(one["x-default"], format!("{BASE}en/stories/story-one/"));
}

/// The content of `<meta property=...>` (or `name=`), each one found.
fn meta(page: &Page, key: &str) -> Vec<String> {
    let mut found = page.attrs(&format!(r#"head meta[property="{key}"]"#), "content");
    found.extend(page.attrs(&format!(r#"head meta[name="{key}"]"#), "content"));
    found
}

/// The only content of the meta `key`.
fn one_meta(page: &Page, key: &str) -> String {
    match meta(page, key).as_slice() {
        [one] => one.clone(),
        other => panic!("{key}: {other:?}"),
    }
}

/// The basic fixture with a 40x24 PNG poster for story-one, written with the image crate.
fn with_poster() -> Site {
    let site = Site::fixture("basic");
    let picture = image::RgbImage::from_pixel(40, 24, image::Rgb([120, 90, 60]));
    picture
        .save(site.path("content/stories/story-one/still.png"))
        .expect("writes the poster");
    site.edit(
        "content/stories/story-one/index.md",
        "  file: video.webm",
        "  file: video.webm\n  poster: still.png",
    );
    site
}

#[test]
fn a_story_s_social_card_shows_its_poster_with_its_size() {
    let site = with_poster();
    site.build_ok();
    let page = site.html("en/stories/story-one/index.html");
    assert_eq!(one_meta(&page, "og:title"), "The first fixture story");
    assert_eq!(
        one_meta(&page, "og:description"),
        "A fictional story used by the tests."
    );
    assert_eq!(
        one_meta(&page, "og:url"),
        format!("{BASE}en/stories/story-one/")
    );
    assert_eq!(
        one_meta(&page, "og:url"),
        page.attr(r#"link[rel="canonical"]"#, "href")
    );
    assert_eq!(one_meta(&page, "og:type"), "article");
    assert_eq!(one_meta(&page, "og:site_name"), "Testimony");
    assert_eq!(one_meta(&page, "og:locale"), "en_US");
    // Written in Arabic too; its French page is a fallback copy, not a translation.
    assert_eq!(meta(&page, "og:locale:alternate"), ["ar_AR"]);
    assert_eq!(
        one_meta(&page, "og:image"),
        format!("{BASE}media/story-one/poster.png")
    );
    assert_eq!(one_meta(&page, "og:image:width"), "40");
    assert_eq!(one_meta(&page, "og:image:height"), "24");
    assert_eq!(one_meta(&page, "twitter:card"), "summary_large_image");
    // The image named is the one published: the re-encoded poster, of that size.
    let published = image::open(site.path("public/media/story-one/poster.png")).expect("a PNG");
    assert_eq!((published.width(), published.height()), (40, 24));
}

#[test]
fn an_arabic_story_s_social_card_is_in_arabic() {
    let site = with_poster();
    site.build_ok();
    let page = site.html("ar/stories/story-one/index.html");
    assert_eq!(one_meta(&page, "og:title"), "قصة الاختبار الأولى");
    assert_eq!(
        one_meta(&page, "og:description"),
        "قصة متخيّلة تستخدمها الاختبارات."
    );
    assert_eq!(
        one_meta(&page, "og:url"),
        format!("{BASE}ar/stories/story-one/")
    );
    assert_eq!(one_meta(&page, "og:locale"), "ar_AR");
    assert_eq!(meta(&page, "og:locale:alternate"), ["en_US"]);
    assert_eq!(one_meta(&page, "og:site_name"), "شهادة");
    assert_eq!(one_meta(&page, "twitter:card"), "summary_large_image");
    assert_eq!(one_meta(&page, "og:image:width"), "40");
}

#[test]
fn pages_without_a_picture_have_a_summary_card() {
    let site = Site::fixture("basic");
    site.build_ok();
    let page = site.html("ar/index.html");
    assert_eq!(one_meta(&page, "og:type"), "website");
    assert_eq!(one_meta(&page, "og:url"), format!("{BASE}ar/"));
    assert_eq!(one_meta(&page, "og:locale"), "ar_AR");
    assert_eq!(one_meta(&page, "twitter:card"), "summary");
    assert!(meta(&page, "og:image").is_empty());
    // A story without a poster has no picture either, and stays an article.
    let story = site.html("en/stories/story-two/index.html");
    assert_eq!(one_meta(&story, "og:type"), "article");
    assert_eq!(one_meta(&story, "twitter:card"), "summary");
    assert!(meta(&story, "og:image").is_empty());
    // Written in English only: no other locale to announce.
    assert!(meta(&story, "og:locale:alternate").is_empty());
}
