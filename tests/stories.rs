//! Stories and themes: the story page (video, tracks, segments, transcript, statement,
//! warnings, related stories, JSON-LD), theme pages, the stories index and its filters, and
//! the statements page, checked on the parsed HTML of the `basic` fixture.

mod common;

use common::{Page, Site, text_of};

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build_ok();
    site
}

#[test]
fn story_page_has_video_tracks_and_no_autoplay() {
    let site = built();
    let page = site.html("ar/stories/story-one/index.html");
    let video = page.one("video");
    assert!(video.value().attr("autoplay").is_none(), "never autoplays");
    assert_eq!(
        page.attr("video source", "src"),
        "/archive/media/story-one/video.webm"
    );
    // One subtitles track per caption language, the reader's selected by default.
    let tracks = page.select("video track[kind=subtitles]");
    let langs: Vec<&str> = tracks
        .iter()
        .map(|t| t.value().attr("srclang").unwrap())
        .collect();
    // The reader's language first, then the others in the site's order.
    assert_eq!(langs, ["ar", "en"]);
    let default: Vec<&str> = tracks
        .iter()
        .filter(|t| t.value().attr("default").is_some())
        .map(|t| t.value().attr("srclang").unwrap())
        .collect();
    assert_eq!(default, ["ar"]);
    for track in &tracks {
        let src = track.value().attr("src").unwrap();
        let file = src.strip_prefix("/archive/").unwrap();
        assert!(site.exists(&format!("public/{file}")), "{src} was written");
    }
    // The chapters track is generated from the segments, in the page's language.
    let chapters = page.attr("video track[kind=chapters]", "src");
    assert_eq!(chapters, "/archive/ar/stories/story-one/chapters.vtt");
    let vtt = site.read("public/ar/stories/story-one/chapters.vtt");
    assert!(vtt.starts_with("WEBVTT"), "{vtt}");
    assert!(
        vtt.contains("00:01:12.000 --> 00:02:00.000\nالخروج"),
        "{vtt}"
    );
    // The warnings come before the video in the document.
    let html = site.read("public/ar/stories/story-one/index.html");
    let warning = html.find("content-warning").expect("a warning box");
    assert!(warning < html.find("<video").unwrap());
}

#[test]
fn segments_link_to_their_time_and_carry_their_themes() {
    let site = built();
    let page = site.html("en/stories/story-one/index.html");
    let links = page.select(".story-segments a.segment-link");
    let hrefs: Vec<&str> = links
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "/archive/en/stories/story-one/#t=0",
            "/archive/en/stories/story-one/#t=72"
        ]
    );
    let starts: Vec<&str> = links
        .iter()
        .map(|a| a.value().attr("data-start").unwrap())
        .collect();
    assert_eq!(starts, ["0", "72"]);
    assert!(text_of(links[1]).contains("Getting out"));
    // Each segment lists its themes, linking to the theme pages.
    let themes = page.attrs(".story-segments .segment a[href*='/themes/']", "href");
    assert_eq!(
        themes,
        [
            "/archive/en/themes/motivations/",
            "/archive/en/themes/defection/"
        ]
    );
}

#[test]
fn transcript_is_plain_html_from_the_pages_language() {
    let site = built();
    // Readable without JavaScript: every cue is text in the HTML, with its time.
    let page = site.html("ar/stories/story-one/index.html");
    assert_eq!(page.attr("#transcript", "lang"), "ar");
    assert_eq!(page.attr("#transcript", "dir"), "rtl");
    let cues: Vec<String> = page
        .select("#transcript .cue-text")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(
        cues,
        ["السطر الأول من النص.", "السطر الذي قرّرت فيه المغادرة."]
    );
    let times = page.attrs("#transcript .cue-time", "data-start");
    assert_eq!(times, ["0", "72"]);
    // French has no captions: the English transcript is shown, marked as English.
    let page = site.html("fr/stories/story-one/index.html");
    assert_eq!(page.attr("#transcript", "lang"), "en");
    assert_eq!(page.attr("#transcript", "dir"), "ltr");
    assert_eq!(page.select("#transcript .notice").len(), 1);
    assert_eq!(
        text_of(page.select("#transcript .cue-text")[0]),
        "The first line of the transcript."
    );
}

#[test]
fn statement_warnings_themes_and_related_stories() {
    let site = built();
    let page = site.html("en/stories/story-one/index.html");
    assert_eq!(
        page.text(".statement blockquote"),
        "Think twice before you go."
    );
    assert_eq!(page.select(".content-warning li").len(), 1);
    // The example notice is visible.
    assert_eq!(page.select(".notice-example").len(), 1);
    assert_eq!(
        page.attrs(".story-themes a", "href"),
        [
            "/archive/en/themes/motivations/",
            "/archive/en/themes/defection/"
        ]
    );
    // story-two shares the theme `defection`.
    let related = page.attrs(".related a[href*='/stories/']", "href");
    assert!(
        related.contains(&"/archive/en/stories/story-two/".to_string()),
        "{related:?}"
    );
    assert!(!related.iter().any(|h| h.contains("story-one")));
    // Nothing of the draft or of the private block.
    for file in site.output_files() {
        assert!(!file.contains("draft-story"), "{file}");
        let bytes = std::fs::read(site.path(&format!("public/{file}"))).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("PRIVATE-NAME"), "{file}");
        assert!(!text.contains("DRAFT-TITLE"), "{file}");
    }
}

#[test]
fn json_ld_has_one_clip_per_segment_in_the_pages_language() {
    let site = built();
    let page = site.html("ar/stories/story-one/index.html");
    let script = page.one("script[type='application/ld+json']");
    let json: serde_json::Value = serde_json::from_str(&script.inner_html()).unwrap();
    assert_eq!(json["@type"], "VideoObject");
    assert_eq!(json["inLanguage"], "ar");
    assert_eq!(json["name"], "قصة الاختبار الأولى");
    assert_eq!(json["duration"], "PT2M");
    assert_eq!(
        json["contentUrl"],
        "https://fixture.example/archive/media/story-one/video.webm"
    );
    let clips = json["hasPart"].as_array().unwrap();
    assert_eq!(clips.len(), 2);
    assert_eq!(clips[0]["@type"], "Clip");
    assert_eq!(clips[0]["name"], "البداية");
    assert_eq!(clips[0]["startOffset"], 0);
    assert_eq!(clips[0]["endOffset"], 72);
    assert_eq!(clips[1]["startOffset"], 72);
    assert_eq!(clips[1]["endOffset"], 120);
    assert_eq!(
        clips[1]["url"],
        "https://fixture.example/archive/ar/stories/story-one/#t=72"
    );
}

#[test]
fn theme_pages_list_stories_and_every_tagged_segment() {
    let site = built();
    let page = site.html("en/themes/defection/index.html");
    assert_eq!(page.text("h1"), "Leaving");
    // Both stories are tagged with `defection` (story-one through a segment).
    let stories = page.attrs(
        ".theme-stories a[href*='/stories/'], main a.story-link",
        "href",
    );
    let mut stories: Vec<&str> = stories.iter().map(String::as_str).collect();
    stories.dedup();
    for slug in ["story-one", "story-two"] {
        assert!(
            stories.contains(&format!("/archive/en/stories/{slug}/").as_str()),
            "{slug} in {stories:?}"
        );
    }
    // Every segment tagged `defection`, each linking to its story at its time, in the order
    // of the stories list (the most recently interviewed first).
    let segments = page.attrs(".theme-segments a.segment-link", "href");
    assert_eq!(
        segments,
        [
            "/archive/en/stories/story-two/#t=30",
            "/archive/en/stories/story-one/#t=72"
        ]
    );
    // Theme text in the reader's language where translated.
    let page = site.html("ar/themes/motivations/index.html");
    assert_eq!(page.text("h1"), "لماذا انضمّوا");
    assert_eq!(
        page.attrs(".theme-segments a.segment-link", "href"),
        ["/archive/ar/stories/story-one/#t=0"]
    );
}

#[test]
fn themes_index_lists_every_theme_in_order_with_counts() {
    let site = built();
    let page = site.html("en/themes/index.html");
    let links: Vec<String> = page
        .attrs("main a[href*='/themes/']", "href")
        .into_iter()
        .filter(|h| h != "/archive/en/themes/")
        .collect();
    let mut unique = links.clone();
    unique.dedup();
    assert_eq!(
        unique,
        [
            "/archive/en/themes/motivations/",
            "/archive/en/themes/defection/",
            "/archive/en/themes/women/"
        ]
    );
    let counts: Vec<String> = page
        .select("main .counts")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(
        counts,
        [
            "one story · one passage",
            "2 stories · 2 passages",
            "0 stories · 0 passages"
        ]
    );
}

#[test]
fn stories_index_filters_by_theme_and_origin_without_javascript() {
    let site = built();
    let page = site.html("en/stories/index.html");
    let stories = page.attrs(
        "main a[href$='/stories/story-one/'], main a[href$='/stories/story-two/']",
        "href",
    );
    assert!(stories.iter().any(|h| h.ends_with("story-one/")));
    assert!(stories.iter().any(|h| h.ends_with("story-two/")));
    // Filters are plain links to pre-rendered pages.
    let countries = page.attrs("main a[href*='/stories/from/']", "href");
    assert!(
        countries.contains(&"/archive/en/stories/from/sy/".to_string()),
        "{countries:?}"
    );
    assert!(
        countries.contains(&"/archive/en/stories/from/fr/".to_string()),
        "{countries:?}"
    );
    let themes = page.attrs("main a[href*='/themes/']", "href");
    assert!(
        themes.contains(&"/archive/en/themes/defection/".to_string()),
        "{themes:?}"
    );
    // A country page lists only that country's stories, under the country's localized name.
    let syria = site.html("en/stories/from/sy/index.html");
    assert_eq!(syria.text("h1"), "Syria");
    let listed = syria.attrs("main a[href*='/stories/story-']", "href");
    assert!(listed.iter().all(|h| h.contains("story-one")), "{listed:?}");
    assert!(!listed.is_empty());
    let syria_fr = site.html("fr/stories/from/sy/index.html");
    assert_eq!(syria_fr.text("h1"), "Syrie");
}

#[test]
fn statements_page_gathers_every_statement_with_its_story() {
    let site = built();
    let page = site.html("en/statements/index.html");
    let quotes: Vec<String> = page
        .select("main blockquote")
        .into_iter()
        .map(text_of)
        .collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("Think twice before you go.")),
        "{quotes:?}"
    );
    assert!(
        quotes.iter().any(|q| q.contains("There is a way back.")),
        "{quotes:?}"
    );
    let links = page.attrs("main a[href*='/stories/story-']", "href");
    assert!(links.contains(&"/archive/en/stories/story-one/".to_string()));
    assert!(links.contains(&"/archive/en/stories/story-two/".to_string()));
    // In Arabic, story-one's statement is the translation.
    let page = site.html("ar/statements/index.html");
    let quotes: Vec<String> = page
        .select("main blockquote")
        .into_iter()
        .map(text_of)
        .collect();
    assert!(quotes.iter().any(|q| q.contains("فكّر مرّتين")), "{quotes:?}");
}

#[test]
fn pages_have_titles_and_the_navigation_of_their_language() {
    let site = built();
    let home = site.html("en/index.html");
    assert!(
        home.text("title").starts_with("\u{2068}Fixture home"),
        "{}",
        home.text("title")
    );
    let about = site.html("en/about/index.html");
    assert!(about.text("title").starts_with("\u{2068}About the fixture"));
    assert_eq!(about.text("main h1"), "About the fixture");
    // Markdown headings sit below the page's own h1.
    assert_eq!(about.select("main h1").len(), 1);
    let nav = about.attrs(".site-nav a", "href");
    assert!(nav.contains(&"/archive/en/stories/".to_string()), "{nav:?}");
    assert!(nav.contains(&"/archive/en/themes/".to_string()));
    let ar_nav = site.html("ar/index.html").attrs(".site-nav a", "href");
    assert!(
        ar_nav.iter().all(|h| h.starts_with("/archive/ar/")),
        "{ar_nav:?}"
    );
}

#[test]
fn a_youtube_video_is_a_link_unless_the_site_allows_embeds() {
    let site = Site::fixture("basic");
    site.edit(
        "content/stories/story-two/index.md",
        "  file: video.webm\n",
        "  youtube: dQw4w9WgXcQ\n",
    );
    let run = site.build();
    run.assert_error(&["content/stories/story-two/index.md:", "YouTube"]);
    site.edit(
        "site.yaml",
        "allow_third_party: []",
        "allow_third_party: [youtube]",
    );
    site.build_ok();
    let page: Page = site.html("en/stories/story-two/index.html");
    assert!(page.select("video").is_empty());
    let link = page.attr(".video-external a", "href");
    assert!(link.starts_with("https://www.youtube.com/"), "{link}");
}
