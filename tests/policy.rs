//! The content policy (issue 13, items 6 and 7): every page carries its Content-Security-Policy
//! in a `<meta>` first in `<head>`, with no inline script, handler or style; only a story with
//! a YouTube video may frame YouTube's privacy-enhanced domain, and `_headers` says so for that
//! page alone; links leaving the site carry `rel="noopener noreferrer"`; a story's content
//! warnings stand in place of its video until the reader opens it.

mod common;

use common::{Page, Site, text_of};
use testimony::render::hosting::PagePolicy;

/// The story of the fixture whose video is on YouTube.
const YOUTUBE_STORY: &str = "stories/on-youtube/";

/// The fixture built once per test, and every HTML page it wrote, parsed.
fn built() -> (Site, Vec<(String, Page)>) {
    let site = Site::fixture("policy");
    site.build_ok();
    let pages = site
        .output_files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| {
            let page = site.html(&f);
            (f, page)
        })
        .collect();
    (site, pages)
}

/// The policy a page of the output must carry, from its path.
fn expected_policy(file: &str) -> PagePolicy {
    PagePolicy {
        youtube: file.ends_with(&format!("{YOUTUBE_STORY}index.html")),
        // The search pages run WebAssembly (with the `search` feature).
        wasm: cfg!(feature = "search") && file.ends_with("/search/index.html"),
    }
}

#[test]
fn every_page_has_one_policy_meta_first_in_head_equal_to_its_page_s() {
    let (_site, pages) = built();
    // Every kind of page is there: root, 404s, home, lists, stories, themes, plain pages.
    for file in [
        "index.html",
        "404.html",
        "en/404.html",
        "en/index.html",
        "ar/index.html",
        "en/stories/index.html",
        "en/stories/from/sy/index.html",
        "en/stories/gated/index.html",
        "ar/stories/on-youtube/index.html",
        "en/themes/index.html",
        "en/themes/defection/index.html",
        "en/statements/index.html",
        "en/about/index.html",
    ] {
        assert!(pages.iter().any(|(f, _)| f == file), "no {file}");
    }
    for (file, page) in &pages {
        let metas = page.select("meta[http-equiv]");
        assert_eq!(metas.len(), 1, "{file}: one http-equiv meta");
        let first = page.select("head > :first-child");
        assert_eq!(first.len(), 1, "{file}");
        let meta = first[0].value();
        assert_eq!(
            meta.name(),
            "meta",
            "{file}: the policy comes first in <head>"
        );
        assert_eq!(
            meta.attr("http-equiv"),
            Some("Content-Security-Policy"),
            "{file}"
        );
        let expected = expected_policy(file).meta();
        assert_eq!(meta.attr("content"), Some(expected.as_str()), "{file}");
        assert!(!expected.contains("frame-ancestors"), "{file}");
    }
}

#[test]
fn only_the_youtube_story_s_pages_may_frame_youtube() {
    let (_site, pages) = built();
    let framing: Vec<&str> = pages
        .iter()
        .filter(|(_, page)| {
            page.attr("meta[http-equiv]", "content")
                .split("; ")
                .any(|d| d == "frame-src https://www.youtube-nocookie.com")
        })
        .map(|(file, _)| file.as_str())
        .collect();
    assert_eq!(
        framing,
        [
            "ar/stories/on-youtube/index.html",
            "en/stories/on-youtube/index.html"
        ]
    );
    for (file, page) in &pages {
        let csp = page.attr("meta[http-equiv]", "content");
        if !framing.contains(&file.as_str()) {
            assert!(csp.contains("frame-src 'none'"), "{file}: {csp}");
        }
    }
}

#[test]
fn no_page_has_inline_script_handlers_or_styles() {
    let (_site, pages) = built();
    let mut json_ld = 0;
    for (file, page) in &pages {
        for script in page.select("script") {
            let inline = !script.text().collect::<String>().trim().is_empty();
            match script.value().attr("type") {
                Some("application/ld+json") => json_ld += 1,
                other => {
                    assert!(
                        script.value().attr("src").is_some() && !inline,
                        "{file}: an inline script (type {other:?})"
                    );
                }
            }
        }
        assert!(page.select("style").is_empty(), "{file}: a <style>");
        for element in page.select("*") {
            for (name, _) in element.value().attrs() {
                assert!(
                    !name.to_ascii_lowercase().starts_with("on"),
                    "{file}: a `{name}` handler on <{}>",
                    element.value().name()
                );
                assert_ne!(name, "style", "{file}: a style attribute");
            }
        }
    }
    assert!(json_ld > 0, "the story pages' JSON-LD is data, and allowed");
}

#[test]
fn headers_give_the_youtube_story_s_pages_their_own_policy_and_no_other_page() {
    let (site, _) = built();
    let text = site.read("public/_headers");
    let blocks: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && !l.is_empty())
        // The search pages have a block of their own too (see tests/search.rs).
        .filter(|l| !l.ends_with("/search/*"))
        .collect();
    assert_eq!(
        blocks,
        ["/*", "/en/stories/on-youtube/", "/ar/stories/on-youtube/"],
        "{text}"
    );
    let youtube = PagePolicy {
        youtube: true,
        ..PagePolicy::BASE
    }
    .header();
    for address in &blocks[1..] {
        let block = format!(
            "{address}\n  ! Content-Security-Policy\n  Content-Security-Policy: {youtube}\n"
        );
        assert!(text.contains(&block), "{block} in:\n{text}");
    }
    assert!(youtube.ends_with("; frame-ancestors 'none'"), "{youtube}");
    let base = PagePolicy::BASE.header();
    assert!(
        text.contains(&format!("/*\n  Content-Security-Policy: {base}\n")),
        "{text}"
    );
}

#[test]
fn every_link_leaving_the_site_carries_noopener_noreferrer() {
    let (_site, pages) = built();
    let mut leaving = 0;
    for (file, page) in &pages {
        for link in page.select("a[href]") {
            let href = link.value().attr("href").unwrap_or_default();
            if !(href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with("//"))
            {
                continue;
            }
            leaving += 1;
            let rel: Vec<&str> = link
                .value()
                .attr("rel")
                .unwrap_or_default()
                .split_whitespace()
                .collect();
            assert!(
                rel.contains(&"noopener") && rel.contains(&"noreferrer"),
                "{file}: {href} has rel {rel:?}"
            );
        }
    }
    // Markdown in the home page, the about page and a story, and the YouTube link.
    assert!(leaving >= 4, "{leaving} links leaving the site");
}

#[test]
fn warnings_stand_before_a_closed_details_holding_the_video_in_the_reader_s_language() {
    let (site, _) = built();
    for (lang, continue_text) in [
        ("en", "I have read the warning: show the video"),
        ("ar", "قرأتُ التحذير: اعرض الفيديو"),
    ] {
        let page = site.html(&format!("{lang}/stories/gated/index.html"));
        let gate = page.one(".player > details.video-gate");
        assert_eq!(gate.value().attr("open"), None, "{lang}: closed");
        assert_eq!(text_of(page.one(".video-gate > summary")), continue_text);
        // The player and its poster are inside, not loaded before it is opened.
        let video = page.one("details.video-gate video#video");
        assert_eq!(video.value().attr("preload"), Some("none"));
        assert_eq!(page.select("video").len(), 1);
        // The warnings come first, then the gate; the transcript and parts stay outside.
        let order: Vec<String> = page
            .select(".content-warning, details.video-gate, #transcript, .story-segments")
            .iter()
            .map(|e| e.value().attr("class").unwrap_or_default().to_string())
            .collect();
        assert_eq!(
            order,
            [
                "content-warning",
                "video-gate",
                "story-segments",
                "transcript"
            ],
            "{lang}"
        );
        assert!(
            page.select("details #transcript, details .story-segments")
                .is_empty()
        );
        assert!(!page.select("#transcript .cue").is_empty(), "{lang}");
    }
}

#[test]
fn a_story_without_warnings_shows_its_player_as_before() {
    let (site, _) = built();
    let page = site.html("en/stories/plain/index.html");
    // No gate in the page's content (the header's menus are <details> too).
    assert!(page.select("main details, .content-warning").is_empty());
    let video = page.one(".player > video#video");
    assert_eq!(video.value().attr("preload"), Some("metadata"));
}

#[test]
fn a_youtube_video_is_a_placeholder_loading_nothing_from_youtube() {
    let (site, _) = built();
    let page = site.html("en/stories/on-youtube/index.html");
    assert!(page.select("iframe, video").is_empty());
    let placeholder = page.one(".player > .video-external");
    assert_eq!(
        placeholder.value().attr("data-embed"),
        Some("https://www.youtube-nocookie.com/embed/aBcD_12-xYz")
    );
    assert_eq!(
        placeholder.value().attr("data-title"),
        Some("The YouTube fixture story")
    );
    // The button that loads it is for site.js to show; without script, the link out.
    assert_eq!(page.attr(".video-load", "hidden"), "");
    assert_eq!(
        text_of(page.one(".video-load-button")),
        "Load the video from YouTube"
    );
    let link = page.one(".video-external a");
    assert_eq!(
        link.value().attr("href"),
        Some("https://www.youtube.com/watch?v=aBcD_12-xYz")
    );
    assert_eq!(
        link.value().attr("rel"),
        Some("external noopener noreferrer")
    );
    assert!(text_of(page.one(".video-external")).contains("This link leaves this site."));
    // Nothing on the page is fetched from another origin before the click (`<link>`s name
    // the site's own full addresses: canonical, alternates).
    for (selector, attr) in [
        ("[src]", "src"),
        ("link[href]", "href"),
        ("[poster]", "poster"),
    ] {
        for value in page.attrs(selector, attr) {
            let own = !value.starts_with("http") || value.starts_with("https://policy.example/");
            assert!(own && !value.contains("youtube."), "{selector}: {value}");
            assert!(!value.contains("youtube-nocookie"), "{selector}: {value}");
        }
    }
}

#[test]
fn the_nginx_example_gives_a_youtube_page_the_same_policy_as_headers() {
    let docs = std::fs::read_to_string(common::repo().join("docs/hosting.md")).unwrap();
    let csp = PagePolicy {
        youtube: true,
        ..PagePolicy::BASE
    }
    .header();
    assert!(
        docs.contains(&format!(
            "add_header Content-Security-Policy \"{csp}\" always;"
        )),
        "docs/hosting.md's per-page nginx example has another policy than {csp}"
    );
}
