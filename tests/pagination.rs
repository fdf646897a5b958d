//! Long lists cut into pages (`page_size:` in site.yaml), read from a real build of the
//! `pagination` fixture: seven stories, three a page, four of them in Arabic (untranslated ones
//! skipped). Each page is parsed: its cards, its `rel=prev/next` links, its pager and counts.

mod common;

use common::{Page, Site, text_of};

const BASE: &str = "https://fixture.example/archive/";

/// The pages of a list in a language, following `rel=next` from its first page (whose output
/// path is `first`), each with its output path.
fn follow(site: &Site, first: &str) -> Vec<(String, Page)> {
    let mut pages = Vec::new();
    let mut rel = first.to_string();
    loop {
        let page = site.html(&rel);
        let next = page.attrs("head link[rel=next]", "href");
        pages.push((rel, page));
        assert!(pages.len() < 20, "the rel=next chain does not end");
        let Some(next) = next.first() else { break };
        let path = next
            .strip_prefix(BASE)
            .expect("an absolute address of the site");
        rel = format!("{path}index.html");
    }
    pages
}

/// The story slugs of the cards on a page, in order.
fn cards(page: &Page, list: &str) -> Vec<String> {
    page.attrs(&format!("{list} .card-title a"), "href")
        .into_iter()
        .map(|href| {
            href.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn built() -> Site {
    let site = Site::fixture("pagination");
    site.build_ok();
    site
}

#[test]
fn each_page_lists_at_most_page_size_cards_and_together_every_story_once_in_order() {
    let site = built();
    // The site's order: newest interview first.
    let all: Vec<String> = (1..=7).rev().map(|i| format!("story-{i}")).collect();
    for (first, list, expected) in [
        ("en/stories/index.html", ".story-list", all.clone()),
        (
            "en/themes/defection/index.html",
            ".theme-stories",
            all.clone(),
        ),
        (
            "en/stories/from/fr/index.html",
            ".story-list",
            vec!["story-7".into(), "story-6".into(), "story-5".into()],
        ),
        (
            "ar/stories/index.html",
            ".story-list",
            (1..=4).rev().map(|i| format!("story-{i}")).collect(),
        ),
    ] {
        let pages = follow(&site, first);
        assert_eq!(pages.len(), expected.len().div_ceil(3), "{first}");
        let mut listed = Vec::new();
        for (rel, page) in &pages {
            let on_page = cards(page, list);
            assert!(
                !on_page.is_empty() && on_page.len() <= 3,
                "{rel}: {on_page:?}"
            );
            listed.extend(on_page);
        }
        assert_eq!(listed, expected, "{first}");
    }
}

#[test]
fn the_first_page_keeps_its_address_and_later_pages_are_under_it_each_its_own_canonical() {
    let site = built();
    let pages = follow(&site, "en/themes/defection/index.html");
    let paths: Vec<&str> = pages.iter().map(|(rel, _)| rel.as_str()).collect();
    assert_eq!(
        paths,
        [
            "en/themes/defection/index.html",
            "en/themes/defection/page/2/index.html",
            "en/themes/defection/page/3/index.html",
        ]
    );
    for (rel, page) in &pages {
        let own = format!("{BASE}{}", rel.trim_end_matches("index.html"));
        assert_eq!(page.attr("link[rel=canonical]", "href"), own, "{rel}");
    }
    assert!(!site.exists("public/en/themes/defection/page/1/index.html"));
    assert!(!site.exists("public/en/themes/defection/page/4/index.html"));
    // A list that fits on one page has no pager and no later page.
    let motivations = site.html("en/themes/motivations/index.html");
    assert!(motivations.select("nav.pager").is_empty());
    assert!(
        motivations
            .select("link[rel=prev], link[rel=next]")
            .is_empty()
    );
    assert!(!site.exists("public/en/themes/motivations/page/2/index.html"));
}

#[test]
fn the_rel_prev_next_chain_runs_both_ways() {
    let site = built();
    let pages = follow(&site, "en/stories/index.html");
    assert_eq!(pages.len(), 3);
    let address = |rel: &str| format!("{BASE}{}", rel.trim_end_matches("index.html"));
    for (i, (rel, page)) in pages.iter().enumerate() {
        let prev = page.attrs("head link[rel=prev]", "href");
        let next = page.attrs("head link[rel=next]", "href");
        let expected_prev: Vec<String> = i
            .checked_sub(1)
            .map(|j| address(&pages[j].0))
            .into_iter()
            .collect();
        let expected_next: Vec<String> = pages
            .get(i + 1)
            .map(|(r, _)| address(r))
            .into_iter()
            .collect();
        assert_eq!(prev, expected_prev, "{rel}");
        assert_eq!(next, expected_next, "{rel}");
    }
}

#[test]
fn the_pager_is_a_labelled_nav_with_the_current_page_marked() {
    let site = built();
    let page = site.html("en/stories/page/2/index.html");
    let nav = page.one("nav.pager");
    assert_eq!(nav.value().attr("aria-label"), Some("Pages of this list"));
    assert_eq!(
        page.attrs("nav.pager a[aria-current=page]", "href"),
        ["/archive/en/stories/page/2/"]
    );
    assert_eq!(
        page.attrs("nav.pager a[rel=prev]", "href"),
        ["/archive/en/stories/"]
    );
    assert_eq!(
        page.attrs("nav.pager a[rel=next]", "href"),
        ["/archive/en/stories/page/3/"]
    );
    assert_eq!(page.text("nav.pager .pager-position"), "Page 2 of 3");
    assert!(page.text("title").contains("Page 2 of 3"));
    // Arabic: its own strings, its arrow pointing the right-to-left way.
    let ar = site.html("ar/stories/page/2/index.html");
    assert_eq!(ar.attr("html", "dir"), "rtl");
    let prev = text_of(ar.one("nav.pager a[rel=prev]"));
    assert!(prev.starts_with('→'), "{prev}");
}

#[test]
fn counts_stay_the_totals_of_the_list() {
    let site = built();
    for rel in ["en/stories/index.html", "en/stories/page/3/index.html"] {
        assert_eq!(site.html(rel).text("#list-heading"), "7 stories", "{rel}");
    }
    let theme = site.html("en/themes/defection/page/2/index.html");
    assert!(
        theme.text(".counts").starts_with("7 stories"),
        "{}",
        theme.text(".counts")
    );
    // The theme's page shows the segments of the stories on it only.
    let segments: Vec<String> = theme
        .select(".theme-segments li.segment")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(segments.len(), 3, "{segments:?}");
    assert!(segments[0].contains("Part of story 4"), "{segments:?}");
}

#[test]
fn a_later_page_links_only_the_languages_whose_list_is_that_long() {
    let site = built();
    // English has three pages of stories, Arabic two.
    let en2 = site.html("en/stories/page/2/index.html");
    assert_eq!(
        en2.attrs("link[rel=alternate][hreflang=ar]", "href"),
        [format!("{BASE}ar/stories/page/2/")]
    );
    let en3 = site.html("en/stories/page/3/index.html");
    assert!(en3.select("link[rel=alternate][hreflang=ar]").is_empty());
    assert!(!site.exists("public/ar/stories/page/3/index.html"));
}

#[test]
fn every_page_of_a_list_is_in_the_sitemap() {
    let site = built();
    let sitemap = site.read("public/sitemap.xml");
    let locs: Vec<&str> = sitemap
        .lines()
        .filter_map(|l| l.strip_prefix("<url><loc>")?.strip_suffix("</loc>"))
        .collect();
    for page in [
        "en/stories/",
        "en/stories/page/2/",
        "en/stories/page/3/",
        "ar/stories/page/2/",
        "en/themes/defection/page/3/",
        "en/stories/from/sy/page/2/",
    ] {
        assert!(
            locs.contains(&format!("{BASE}{page}").as_str()),
            "{page} not in {locs:?}"
        );
    }
    assert!(!locs.contains(&format!("{BASE}ar/stories/page/3/").as_str()));
    // Every address the sitemap lists was written.
    for loc in locs {
        let rel = loc.strip_prefix(BASE).unwrap();
        assert!(
            site.exists(&format!("public/{rel}index.html")),
            "{loc} not written"
        );
    }
}

#[test]
fn page_size_of_zero_or_not_a_number_is_an_error_at_its_line() {
    let site = Site::fixture("pagination");
    site.edit("site.yaml", "page_size: 3", "page_size: 0");
    site.build()
        .assert_error(&["site.yaml:12:12", "`page_size` is 0"]);
    site.edit("site.yaml", "page_size: 0", "page_size: many");
    site.build()
        .assert_error(&["site.yaml:12:12", "`page_size` should be a whole number"]);
}
