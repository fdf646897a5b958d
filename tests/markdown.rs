//! Markdown bodies: nothing an editor or translator writes in a page's text can publish a note,
//! run script in a reader's browser or slip an attribute into a heading. Each test edits a copy
//! of the `basic` fixture (the About page, the first story's introduction, an Arabic
//! translation of the About page) and checks the build: a refused body fails at its file, line
//! and column with a hint, and leaves `public/` exactly as the last good build wrote it; an
//! accepted one comes out with the same addresses and without the notes.

mod common;

use common::{
    Site, assert_reported, blocks, error_count, fails_and_keeps_output, position, text_of,
};

const ABOUT: &str = "content/about.md";
const ABOUT_AR: &str = "content/about.ar.md";
const STORY_ONE: &str = "content/stories/story-one/index.md";

/// The About page with `body` as its text.
fn about(body: &str) -> String {
    format!("---\ntitle: About the fixture\n---\n{body}")
}

/// An Arabic translation of the About page with `body` as its text.
fn about_ar(body: &str) -> String {
    format!("---\ntitle: عن هذا الموقع\n---\n{body}")
}

/// Replaces the first story's introduction with `body`.
fn story_body(site: &Site, body: &str) -> String {
    let text = site.read(STORY_ONE);
    let intro = "An introduction by the editors.\n";
    assert!(text.ends_with(intro), "the fixture's story changed");
    let text = format!("{}{body}", &text[..text.len() - intro.len()]);
    site.write(STORY_ONE, &text);
    text
}

/// Asserts that no file of the output, of any kind, contains `marker`.
fn appears_nowhere(site: &Site, marker: &str) {
    let files = site.output_files();
    assert!(!files.is_empty(), "nothing was built");
    for rel in files {
        let bytes = std::fs::read(site.path(&format!("public/{rel}"))).unwrap();
        assert!(
            !bytes
                .windows(marker.len())
                .any(|window| window == marker.as_bytes()),
            "public/{rel} contains {marker:?}"
        );
    }
}

// Comments.

#[test]
fn comments_are_published_in_no_file_of_any_language() {
    let site = Site::fixture("basic");
    site.write(
        ABOUT,
        about(
            "Before the notes.\n\n<!-- NOTE-BLOCK-7f3a real name -->\n\nA sentence <!-- NOTE-INLINE-7f3a --> goes on <!-- NOTE-SPLIT-7f3a\nover two lines --> to its end.\n\n<!--\nNOTE-LINES-7f3a\n-->\nAfter the notes.\n",
        ),
    );
    site.write(
        ABOUT_AR,
        about_ar("نص قبل الملاحظة <!-- NOTE-AR-7f3a --> ونص بعدها.\n"),
    );
    story_body(
        &site,
        "The introduction by the editors. <!-- NOTE-STORY-7f3a\n\nstill inside the note, NOTE-REST-7f3a\n",
    );
    let run = site.build_ok();

    for marker in [
        "NOTE-BLOCK-7f3a",
        "NOTE-INLINE-7f3a",
        "NOTE-SPLIT-7f3a",
        "NOTE-LINES-7f3a",
        "NOTE-AR-7f3a",
        "NOTE-STORY-7f3a",
        "NOTE-REST-7f3a",
        "real name",
        "<!--",
    ] {
        appears_nowhere(&site, marker);
    }
    // The text around the notes is kept.
    let page = site.html("en/about/index.html");
    let paragraphs: Vec<String> = page.select(".prose p").into_iter().map(text_of).collect();
    assert_eq!(
        paragraphs,
        [
            "Before the notes.",
            "A sentence goes on to its end.",
            "After the notes."
        ]
    );
    let arabic = site.html("ar/about/index.html");
    assert_eq!(text_of(arabic.one(".prose")), "نص قبل الملاحظة ونص بعدها.");
    let story = site.html("en/stories/story-one/index.html");
    assert!(
        story
            .body_text()
            .contains("The introduction by the editors."),
        "{}",
        story.body_text()
    );

    // The comment that is never closed is a warning at its `<!--`, not an error.
    let text = site.read(STORY_ONE);
    let (line, column) = position(&text, "<!-- NOTE-STORY", 0);
    let location = format!("{STORY_ONE}:{line}:{column}");
    let warning = blocks(&run)
        .into_iter()
        .find(|b| b.contains(&location))
        .unwrap_or_else(|| panic!("no warning at {location}:\n{}", run.stderr));
    assert!(warning.starts_with("warning"), "{warning}");
    assert!(warning.contains("never closed"), "{warning}");
    assert!(
        warning.contains("help: end the comment with `-->`"),
        "{warning}"
    );
}

// Raw HTML.

#[test]
fn raw_html_fails_at_its_position_and_keeps_the_output() {
    let site = Site::fixture("basic");
    let mut about_text = String::new();
    let mut story_text = String::new();
    let run = fails_and_keeps_output(&site, |s| {
        about_text = about(
            "Some text.\n\n<iframe src=\"https://tracker.example/\"></iframe>\n\n<div>\n<script>alert(1)</script>\n</div>\n\nAn <img src=x onerror=alert(1)> image and a<br>break.\n",
        );
        s.write(ABOUT, &about_text);
        story_text = story_body(s, "A **fine** word and a <b>raw</b> one.\n");
    });
    let hint = "write it in Markdown: **bold**, *italic*, a blank line for a new paragraph; raw HTML is not published";
    for (needle, shown) in [
        (
            "<iframe",
            "`<iframe src=\"https://tracker.example/\"></iframe>`",
        ),
        ("<div>", "`<div>`"),
        ("<img", "`<img src=x onerror=alert(1)>`"),
        ("<br>", "`<br>`"),
    ] {
        assert_reported(
            &run,
            ABOUT,
            position(&about_text, needle, 0),
            &["raw HTML is not published", shown, hint],
        );
    }
    assert_reported(
        &run,
        STORY_ONE,
        position(&story_text, "<b>", 0),
        &["raw HTML is not published: `<b>`", hint],
    );
    assert_reported(
        &run,
        STORY_ONE,
        position(&story_text, "</b>", 0),
        &["raw HTML is not published: `</b>`", hint],
    );
    // The `<script>` inside the `<div>` block is part of the one report for the block.
    assert_eq!(error_count(&run), 6, "{}", run.stderr);
}

#[test]
fn a_less_than_sign_is_text_not_html() {
    let site = Site::fixture("basic");
    site.write(ABOUT, about("If a < b and x<y, then 3 <4.\n"));
    site.build_ok();
    let page = site.html("en/about/index.html");
    assert_eq!(text_of(page.one(".prose")), "If a < b and x<y, then 3 <4.");
}

// Links.

#[test]
fn links_that_could_run_script_fail_in_every_spelling() {
    let site = Site::fixture("basic");
    let links = [
        ("[a](javascript:alert(1))", "javascript"),
        ("[b](JaVaScRiPt:alert(1))", "javascript"),
        ("[c](java&#x09;script:alert(1))", "javascript"),
        ("[d](&#x6A;avascript:alert(1))", "javascript"),
        ("<javascript:alert(1)>", "javascript"),
        ("[e][ref]", "javascript"),
        ("[f](data:text/html;base64,PHNjcmlwdD4=)", "data"),
        ("[g](vbscript:msgbox(1))", "vbscript"),
        ("[h](file:///etc/passwd)", "file"),
    ];
    let body: String = links
        .iter()
        .map(|(link, _)| format!("A link: {link}\n\n"))
        .chain(["[ref]: javascript:alert(2)\n".to_string()])
        .collect();
    let text = about(&body);
    let run = fails_and_keeps_output(&site, |s| {
        s.write(ABOUT, &text);
    });
    for (link, scheme) in links {
        assert_reported(
            &run,
            ABOUT,
            position(&text, link, 0),
            &[
                &format!("links to `{scheme}:` addresses are not allowed"),
                "help: a link may go to an `https://` or `http://` address",
                "`@/about.md`",
            ],
        );
    }
    assert_eq!(error_count(&run), links.len(), "{}", run.stderr);
}

#[test]
fn a_javascript_link_fails_in_an_arabic_translation_too() {
    let site = Site::fixture("basic");
    let text = about_ar("## عن المشروع\n\nاقرأ [هذا الرابط](javascript:alert(1)) من فضلك.\n");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(ABOUT_AR, &text);
    });
    // The column counts characters, Arabic ones included: `[` is the 6th on its line.
    let at = position(&text, "[هذا", 0);
    assert_eq!(at, (6, 6));
    assert_reported(
        &run,
        ABOUT_AR,
        at,
        &["links to `javascript:` addresses are not allowed"],
    );
}

#[test]
fn allowed_links_keep_their_address() {
    let site = Site::fixture("basic");
    site.write(
        ABOUT,
        about(
            "[web](https://example.org/page?x=1#part) [plain](http://example.org/) [mail](mailto:editors@example.org) [up](../stories/) [root](/en/themes/) [file](notes.pdf) [here](#what) [query](?q=1) [story](@/stories/story-one/index.md) [self](@/about.md#team) <https://example.org/auto> <editors@example.org>\n",
        ),
    );
    site.write(
        ABOUT_AR,
        about_ar("[القصة](@/stories/story-one/index.md)\n"),
    );
    site.build_ok();

    let page = site.html("en/about/index.html");
    let links: Vec<(String, String)> = page
        .select(".prose a")
        .iter()
        .map(|a| (text_of(*a), a.value().attr("href").unwrap_or("").to_owned()))
        .collect();
    let expected = [
        ("web", "https://example.org/page?x=1#part"),
        ("plain", "http://example.org/"),
        ("mail", "mailto:editors@example.org"),
        // Hand-written addresses of the site: checked, and given the sub-path.
        ("up", "/archive/en/stories/"),
        ("root", "/archive/en/themes/"),
        ("file", "/archive/en/about/notes.pdf"),
        ("here", "#what"),
        ("query", "?q=1"),
        ("story", "/archive/en/stories/story-one/"),
        ("self", "/archive/en/about/#team"),
        ("https://example.org/auto", "https://example.org/auto"),
        ("editors@example.org", "mailto:editors@example.org"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(t, h)| (t.to_string(), h.to_string()))
        .collect();
    assert_eq!(links, expected);

    // An internal link in a translation leads to the page in the translation's language.
    let arabic = site.html("ar/about/index.html");
    assert_eq!(
        arabic.attr(".prose a", "href"),
        "/archive/ar/stories/story-one/"
    );
}

// Headings.

#[test]
fn heading_attributes_other_than_anchor_and_class_fail() {
    let site = Site::fixture("basic");
    let mut text = String::new();
    let run = fails_and_keeps_output(&site, |s| {
        text = story_body(
            s,
            "## Leaving {#leaving .highlight}\n\n## Joining {onclick=alert(1)}\n\n## Later {style=color:red data-x=1}\n\n## Bad anchor {#a&b}\n",
        );
    });
    let hint = "a heading may only carry an anchor and classes";
    assert_reported(
        &run,
        STORY_ONE,
        position(&text, "onclick", 0),
        &[
            "the heading attribute `onclick=alert(1)` is not allowed",
            hint,
        ],
    );
    assert_reported(
        &run,
        STORY_ONE,
        position(&text, "style", 0),
        &[
            "the heading attribute `style=color:red` is not allowed",
            hint,
        ],
    );
    assert_reported(
        &run,
        STORY_ONE,
        position(&text, "data-x", 0),
        &["the heading attribute `data-x=1` is not allowed", hint],
    );
    assert_reported(
        &run,
        STORY_ONE,
        position(&text, "#a&b", 0),
        &[
            "the heading anchor `#a&b` has characters that are not allowed",
            "letters, digits, `-` and `_`",
        ],
    );
    assert_eq!(error_count(&run), 4, "{}", run.stderr);
}

#[test]
fn heading_anchors_and_classes_in_any_script_are_kept() {
    let site = Site::fixture("basic");
    site.write(
        ABOUT_AR,
        about_ar("## لماذا غادرت {#لماذا-غادرت_1 .مهم}\n\n## الخروج\n"),
    );
    site.build_ok();
    let page = site.html("ar/about/index.html");
    assert_eq!(page.attr(".prose h3.مهم", "id"), "لماذا-غادرت_1");
    assert_eq!(page.attrs(".prose h3", "id"), ["لماذا-غادرت_1", "الخروج"]);
}

// Control characters.

#[test]
fn control_characters_fail_at_their_exact_place() {
    let site = Site::fixture("basic");
    let about_text = about("A line.\nAn accent é then a NUL \u{0} here.\n");
    let ar_text = about_ar("نص فيه\u{1b} حرف خفي.\n");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(ABOUT, &about_text);
        s.write(ABOUT_AR, &ar_text);
    });
    let at = position(&about_text, "\u{0}", 0);
    assert_eq!(at, (5, 24));
    assert_reported(
        &run,
        ABOUT,
        at,
        &[
            "an invisible control character, U+0000 (NUL), is in the text",
            "cannot be seen",
            "delete it",
        ],
    );
    assert_reported(
        &run,
        ABOUT_AR,
        position(&ar_text, "\u{1b}", 0),
        &["U+001B (ESC)", "delete it"],
    );
    assert_eq!(error_count(&run), 2, "{}", run.stderr);
}

// Many problems.

#[test]
fn problems_are_reported_at_once_at_most_twenty_of_a_kind() {
    let site = Site::fixture("basic");
    let mut text = String::new();
    let mut story_text = String::new();
    let run = fails_and_keeps_output(&site, |s| {
        text = about(&format!(
            "{}\n\n[x](javascript:void(0))\n",
            "a<br>".repeat(30)
        ));
        s.write(ABOUT, &text);
        story_text = story_body(s, "[y](data:,x)\n");
    });
    // Twenty `<br>` are listed, the rest counted at the 21st.
    for nth in [0, 19] {
        assert_reported(
            &run,
            ABOUT,
            position(&text, "<br>", nth),
            &["raw HTML is not published: `<br>`"],
        );
    }
    let more = assert_reported(
        &run,
        ABOUT,
        position(&text, "<br>", 20),
        &["and 10 more like it (raw HTML) in this file"],
    );
    assert!(!more.contains("`<br>`"), "{more}");
    let listed = blocks(&run)
        .iter()
        .filter(|b| b.contains("raw HTML is not published: `<br>`"))
        .count();
    assert_eq!(listed, 20, "{}", run.stderr);
    // Other kinds and other files are reported in the same run.
    assert_reported(
        &run,
        ABOUT,
        position(&text, "[x]", 0),
        &["links to `javascript:` addresses are not allowed"],
    );
    assert_reported(
        &run,
        STORY_ONE,
        position(&story_text, "[y]", 0),
        &["links to `data:` addresses are not allowed"],
    );
    assert_eq!(error_count(&run), 20 + 1 + 1 + 1, "{}", run.stderr);
}
