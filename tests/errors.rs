//! Bad inputs: each test breaks a copy of the `basic` fixture and checks that the build fails,
//! that the report names the file (relative to the site root), the line and column, what is
//! wrong and what to do, and that the output of the previous good build is left exactly as it
//! was. A few inputs that look odd but are valid (byte-order mark, Windows line endings, markup
//! in front matter) must build, safely.

mod common;

use common::{
    Site, assert_reported, edit_at, error_count, fails_and_keeps_output, position, text_of,
    the_block, top_level,
};

const STORY_ONE: &str = "content/stories/story-one/index.md";
const STORY_TWO: &str = "content/stories/story-two/index.md";

// 1. Malformed YAML.

#[test]
fn malformed_yaml_bad_indentation_is_reported_at_its_line() {
    let site = Site::fixture("basic");
    let text = "---\ntitle: About the fixture\n  description: indented too far\n---\nText.\n";
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/about.md", text);
    });
    // Line 2 of the YAML is line 3 of the file; libyaml stops at the colon.
    assert_eq!(position(text, ": indented", 0), (3, 14));
    assert_reported(
        &run,
        "content/about.md",
        (3, 14),
        &["mapping values are not allowed", "help:", "indentation"],
    );
}

#[test]
fn malformed_yaml_unclosed_quote_points_at_the_quote() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_TWO,
            "statement: There is a way back.",
            "statement: \"There is a way back.",
            "\"There is",
        );
    });
    assert_eq!(at, (17, 12));
    assert_reported(&run, STORY_TWO, at, &["quote", "not closed", "help:"]);
}

#[test]
fn yaml_errors_are_placed_right_in_non_ascii_and_crlf_files() {
    let site = Site::fixture("basic");
    let path = "content/stories/story-one/index.ar.md";
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        let text = s
            .read(path)
            .replace("summary: ", "  summary: ")
            .replace('\n', "\r\n");
        s.write(path, format!("\u{feff}{text}"));
        // libyaml stops at the colon after `summary`, on line 3, after Arabic text on line 2.
        let (line, column) = position(&text, "summary:", 0);
        at = (line, column + "summary".len());
    });
    assert_eq!(at, (3, 10));
    assert_reported(&run, path, at, &["mapping values are not allowed"]);
}

// 2. Front matter not closed.

#[test]
fn front_matter_not_closed() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(
            "content/about.md",
            "---\ntitle: About the fixture\n\nThe text, but no second line of dashes.\n",
        );
    });
    assert_reported(
        &run,
        "content/about.md",
        (1, 1),
        &["front matter is not closed", "help:", "`---`"],
    );
}

// 3. Unknown fields.

#[test]
fn unknown_field_suggests_the_right_one() {
    let site = Site::fixture("basic");
    let (mut story, mut theme, mut video) = ((0, 0), (0, 0), (0, 0));
    let run = fails_and_keeps_output(&site, |s| {
        story = edit_at(
            s,
            STORY_ONE,
            "themes: [motivations, defection]",
            "theme: [motivations]",
            "theme:",
        );
        theme = edit_at(
            s,
            "content/themes/women.md",
            "title: The treatment",
            "titel: The treatment",
            "titel",
        );
        video = edit_at(
            s,
            STORY_TWO,
            "  duration: \"00:01:00\"",
            "  length: \"00:01:00\"",
            "length",
        );
    });
    assert_eq!(story, (10, 1));
    assert_reported(
        &run,
        STORY_ONE,
        story,
        &["unknown field `theme`", "help: did you mean `themes`?"],
    );
    assert_eq!(theme, (2, 1));
    assert_reported(
        &run,
        "content/themes/women.md",
        theme,
        &["unknown field `titel`", "help: did you mean `title`?"],
    );
    assert_eq!(video, (13, 3));
    assert_reported(
        &run,
        STORY_TWO,
        video,
        &["unknown field `length`", "help:", "duration"],
    );
}

// 4. Missing required fields.

#[test]
fn missing_required_field() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(STORY_TWO, "title: The second fixture story\n", "");
        s.edit("content/themes/women.md", "order: 3\n", "");
    });
    // A missing field has no line of its own: the report points at the front matter's start.
    assert_reported(
        &run,
        STORY_TWO,
        (2, 1),
        &["missing field `title`", "help: add this field"],
    );
    assert_reported(
        &run,
        "content/themes/women.md",
        (2, 1),
        &["missing field `order`", "help: add this field"],
    );
    assert_eq!(error_count(&run), 2, "{}", run.stderr);
}

#[test]
fn missing_nested_field_points_at_its_mapping() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(STORY_TWO, "  duration: \"00:01:00\"\n", "");
    });
    let text = site.read(STORY_TWO);
    // `video:` is on line 11, its fields start on line 12.
    assert_eq!(position(&text, "video:", 0), (11, 1));
    let block = the_block(&run, "missing field `duration`");
    assert!(
        block.contains(&format!("{STORY_TWO}:11:")) || block.contains(&format!("{STORY_TWO}:12:")),
        "the missing `duration` is not reported at the video's lines:\n{block}"
    );
    assert!(block.contains("help: add this field"), "{block}");
}

// 5. Wrong type.

#[test]
fn wrong_type_a_string_instead_of_a_list() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_TWO,
            "themes: [defection]",
            "themes: defection",
            "defection",
        );
    });
    assert_eq!(at, (10, 9));
    assert_reported(
        &run,
        STORY_TWO,
        at,
        &["invalid type", "expected a sequence", "help:", "[a, b]"],
    );
}

// 6. Unknown theme ids.

#[test]
fn unknown_theme_suggests_the_close_one() {
    let site = Site::fixture("basic");
    let (mut top, mut segment) = ((0, 0), (0, 0));
    let run = fails_and_keeps_output(&site, |s| {
        top = edit_at(
            s,
            STORY_TWO,
            "themes: [defection]\n",
            "themes: [defectoin]\n",
            "defectoin",
        );
        // In a segment, while the story's own `themes:` (line 10) lists `motivations`.
        segment = edit_at(
            s,
            STORY_ONE,
            "themes: [motivations] }",
            "themes: [motivation] }",
            "motivation]",
        );
    });
    assert_eq!(top, (10, 10));
    assert_reported(
        &run,
        STORY_TWO,
        top,
        &[
            "unknown theme `defectoin`",
            "help: did you mean `defection`?",
        ],
    );
    assert_eq!(segment.0, 16);
    assert_reported(
        &run,
        STORY_ONE,
        segment,
        &[
            "unknown theme `motivation`",
            "help: did you mean `motivations`?",
        ],
    );
    assert_eq!(error_count(&run), 2, "{}", run.stderr);
}

// 7. A translation without a source.

#[test]
fn translation_without_source() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(
            "content/ghost.fr.md",
            "---\ntitle: Fantôme\n---\nUne traduction sans original.\n",
        );
    });
    assert_reported(
        &run,
        "content/ghost.fr.md",
        (1, 1),
        &["no source", "`ghost.md`", "help:"],
    );
}

// 8. A language that is not in site.yaml.

#[test]
fn language_not_in_site_yaml() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(
            "content/about.de.md",
            "---\ntitle: Über das Projekt\n---\nText.\n",
        );
    });
    assert_reported(
        &run,
        "content/about.de.md",
        (1, 1),
        &["language `de` is not in site.yaml", "help:", "en, ar, fr"],
    );
}

// 9. Two files, one address.

#[test]
fn two_files_for_the_same_url() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(
            "content/about/index.md",
            "---\ntitle: About, again\n---\nText.\n",
        );
    });
    let block = the_block(&run, "same page");
    assert!(block.starts_with("error"), "{block}");
    assert!(
        block.contains("content/about.md:1:1") || block.contains("content/about/index.md:1:1"),
        "{block}"
    );
    assert!(
        block.contains("content/about.md") && block.contains("content/about/index.md"),
        "the report does not name both files:\n{block}"
    );
    assert!(block.contains("help:"), "{block}");
}

// 10. Templates.

#[test]
fn missing_template() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.remove("themes/default/templates/story.html");
    });
    let block = the_block(&run, "themes/default/templates/story.html");
    assert!(block.starts_with("error"), "{block}");
    assert!(block.contains("not found"), "{block}");
    // The hint says which file to add, not to look for a line in a file that does not exist.
    let help = block
        .lines()
        .find(|l| l.trim_start().starts_with("= help:"))
        .unwrap_or_else(|| panic!("no hint:\n{block}"));
    assert!(
        help.contains("story.html") && !help.contains("line and column"),
        "the hint does not say to add story.html: {help}"
    );
}

#[test]
fn broken_template_reports_teras_error_with_file_and_line() {
    let site = Site::fixture("basic");
    let template = "themes/default/templates/page.html";
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(
            template,
            "{% block content %}",
            "{% block content %}{% if page.title %}",
        );
        // Tera finds out at the end of the block, where it expected `{% endif %}`.
        at = position(&s.read(template), "{% endblock content %}", 0);
    });
    assert_reported(
        &run,
        template,
        at,
        &["Failed to parse 'page.html'", "endif", "help:"],
    );
}

// 11. Not UTF-8.

#[test]
fn non_utf8_file_reports_the_bad_byte() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/about.md", b"---\ntitle: caf\xe9\n---\n");
        // In a caption file too, after a valid non-ASCII character on the same line.
        s.write(
            "content/stories/story-two/captions.en.vtt",
            b"WEBVTT\n\n00:00:00.000 --> 00:00:30.000\n\xc3\x89t\xe9.\n".as_slice(),
        );
    });
    // `title: caf` is 10 characters: the bad byte is the 11th.
    assert_reported(
        &run,
        "content/about.md",
        (2, 11),
        &["not valid UTF-8", "help:", "UTF-8"],
    );
    assert_reported(
        &run,
        "content/stories/story-two/captions.en.vtt",
        (4, 3),
        &["not valid UTF-8"],
    );
}

// 12. Empty file.

#[test]
fn empty_file() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/about.md", b"");
    });
    assert_reported(&run, "content/about.md", (1, 1), &["empty", "help:", "---"]);
}

// 13. Byte-order mark and Windows line endings: valid.

fn bom_crlf(text: &str) -> String {
    format!(
        "\u{feff}{}",
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    )
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let site = Site::fixture("basic");
    site.write(
        "content/about.md",
        bom_crlf("---\ntitle: About with a BOM\ndescription: Written on Windows.\n---\nSome text.\n\nMore text.\n"),
    );
    site.write(STORY_TWO, bom_crlf(&site.read(STORY_TWO)));
    let captions = "content/stories/story-two/captions.en.vtt";
    site.write(captions, bom_crlf(&site.read(captions)));
    site.build_ok();

    let about = site.html("en/about/index.html");
    assert_eq!(about.text("h1"), "About with a BOM");
    let title = about.text("title");
    assert!(title.starts_with("\u{2068}About with a BOM"), "{title:?}");
    assert!(!title.contains('\u{feff}') && !title.contains('\r'));
    let description = about.attr("meta[name=description]", "content");
    assert_eq!(description, "\u{2068}Written on Windows.\u{2069}");
    assert!(about.body_text().contains("More text."));

    let story = site.html("en/stories/story-two/index.html");
    assert_eq!(story.text("h1"), "The second fixture story");
    let cues: Vec<String> = story.select(".cue-text").into_iter().map(text_of).collect();
    assert_eq!(cues, ["Before.", "After."]);
    let raw = site.read("public/en/stories/story-two/index.html");
    assert!(!raw.contains('\r') && !raw.contains('\u{feff}'));
}

#[test]
fn errors_in_crlf_files_are_at_the_right_line() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write(
            "content/about.md",
            bom_crlf("---\ntitle: About\nsubtitle: no such field\n---\nText.\n"),
        );
    });
    assert_reported(
        &run,
        "content/about.md",
        (3, 1),
        &["unknown field `subtitle`", "help:"],
    );
}

// 14. Markup in front matter is text.

#[test]
fn script_in_front_matter_is_escaped() {
    let site = Site::fixture("basic");
    let title = "<script>alert(1)</script>";
    let summary = "</script><script>alert(2)</script>";
    let statement = "<script>alert(3)</script>";
    let page_title = "</title><script>alert(4)</script>";
    site.edit(
        STORY_ONE,
        "title: The first fixture story",
        &format!("title: \"{title}\""),
    )
    .edit(
        STORY_ONE,
        "summary: A fictional story used by the tests.",
        &format!("summary: \"{summary}\""),
    )
    .edit(
        STORY_ONE,
        "statement: Think twice before you go.",
        &format!("statement: \"{statement}\""),
    )
    .edit(
        "content/about.md",
        "title: About the fixture",
        &format!("title: \"{page_title}\""),
    );
    site.build_ok();

    // Only the site's own scripts, on every page.
    for rel in site.output_files() {
        if !rel.ends_with(".html") {
            continue;
        }
        let page = site.html(&rel);
        for script in page.select("script") {
            let element = script.value();
            // The theme's scripts: site.js on every page, search.js on the search page.
            let own = element
                .attr("src")
                .is_some_and(|s| s.contains("/static/site.js") || s.contains("/static/search.js"))
                || element.attr("type") == Some("application/ld+json");
            assert!(
                own,
                "{rel} has a script that is not the site's: {:?}",
                script.html()
            );
        }
    }

    let story = site.html("en/stories/story-one/index.html");
    assert_eq!(story.text("h1"), title);
    assert!(story.text("title").starts_with(&format!("\u{2068}{title}")));
    assert_eq!(
        story.attr("meta[name=description]", "content"),
        format!("\u{2068}{summary}\u{2069}")
    );
    assert!(
        story.body_text().contains(statement),
        "{}",
        story.body_text()
    );

    // The JSON-LD block: no raw `</script`, and it is the whole JSON with the right text.
    let raw = site.read("public/en/stories/story-one/index.html");
    let start = raw
        .find("application/ld+json")
        .expect("the story page has JSON-LD");
    let json_start = start + raw[start..].find('>').unwrap() + 1;
    let json_end = json_start
        + raw[json_start..]
            .to_ascii_lowercase()
            .find("</script")
            .unwrap();
    let json = &raw[json_start..json_end];
    let value: serde_json::Value = serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("the JSON-LD is cut short ({e}):\n{json}"));
    assert_eq!(value["name"], title);
    assert_eq!(value["description"], summary);
    assert!(!json.to_ascii_lowercase().contains("</script"), "{json}");

    let about = site.html("en/about/index.html");
    assert_eq!(about.text("h1"), page_title);
    assert!(
        about
            .text("title")
            .starts_with(&format!("\u{2068}{page_title}"))
    );

    let stories = site.html("en/stories/index.html");
    assert!(stories.body_text().contains(title));
    assert!(stories.body_text().contains(summary));
    let statements = site.html("en/statements/index.html");
    assert!(statements.body_text().contains(statement));
}

#[test]
fn json_ld_cannot_open_a_comment_in_its_script() {
    // `<!--<script>` inside a script element switches the HTML parser into the "double escaped"
    // state, where the real `</script>` no longer closes the element and the rest of the page
    // is swallowed into it. JSON-LD must write `<` as `\u003c`.
    let site = Site::fixture("basic");
    let summary = "<!--<script>";
    site.edit(
        STORY_ONE,
        "summary: A fictional story used by the tests.",
        &format!("summary: \"{summary}\""),
    );
    site.build_ok();
    let raw = site.read("public/en/stories/story-one/index.html");
    let start = raw.find("application/ld+json").unwrap();
    let json_start = start + raw[start..].find('>').unwrap() + 1;
    let json_end = json_start + raw[json_start..].find("</script").unwrap();
    let json = &raw[json_start..json_end];
    let story = site.html("en/stories/story-one/index.html");
    assert_eq!(
        story.select("h1").len(),
        1,
        "the page's body was swallowed by the JSON-LD script; it holds: {json}"
    );
    assert_eq!(story.text("h1"), "The first fixture story");
    assert!(!json.contains("<!--"), "raw `<!--` in the JSON-LD: {json}");
    let value: serde_json::Value =
        serde_json::from_str(&text_of(story.one("script[type=\"application/ld+json\"]"))).unwrap();
    assert_eq!(value["description"], summary);
}

// 15. Every problem at once.

#[test]
fn several_problems_are_reported_at_once() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.write("content/about.md", b"");
        s.edit("content/themes/women.md", "order: 3\n", "");
        s.edit(STORY_TWO, "themes: [defection]\n", "theme: [defection]\n");
    });
    assert_reported(&run, "content/about.md", (1, 1), &["empty"]);
    assert_reported(
        &run,
        "content/themes/women.md",
        (2, 1),
        &["missing field `order`"],
    );
    assert_reported(
        &run,
        STORY_TWO,
        (10, 1),
        &["unknown field `theme`", "did you mean `themes`?"],
    );
    assert_eq!(error_count(&run), 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("build failed: 3 error(s)"),
        "{}",
        run.stderr
    );
}

// 16. WebVTT.

#[test]
fn bad_webvtt_timing_line() {
    let site = Site::fixture("basic");
    let path = "content/stories/story-one/captions.en.vtt";
    let text = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nFirst.\n\n00:00:05.000 -> 00:00:09.000\nSecond.\n";
    let run = fails_and_keeps_output(&site, |s| {
        s.write(path, text);
    });
    let at = position(text, "->", 1);
    assert_eq!(at, (6, 14));
    assert_reported(&run, path, at, &["timing line", "-->", "help:"]);
}

// 17. Segments.

#[test]
fn segment_out_of_order_and_past_the_end() {
    let site = Site::fixture("basic");
    let (mut early, mut late) = ((0, 0), (0, 0));
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(STORY_ONE, "at: \"00:00:00\"", "at: \"00:01:30\"");
        early = position(&s.read(STORY_ONE), "00:01:12", 0);
        late = edit_at(
            s,
            STORY_TWO,
            "at: \"00:00:30\"",
            "at: \"00:01:30\"",
            "00:01:30",
        );
    });
    assert_eq!(early.0, 17);
    assert_reported(&run, STORY_ONE, early, &["00:01:12", "help:", "order"]);
    assert_eq!(late.0, 16);
    assert_reported(
        &run,
        STORY_TWO,
        late,
        &["00:01:30", "after the end of the video", "help:"],
    );
}

#[test]
fn segment_at_the_same_time_as_the_previous_is_reported_at_its_own_line() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        s.remove("content/stories/story-one/index.ar.md");
        s.edit(STORY_ONE, "at: \"00:01:12\"", "at: \"00:00:00\"");
        // The second `00:00:00`, on the second segment's line.
        at = position(&s.read(STORY_ONE), "00:00:00", 1);
    });
    assert_eq!(at.0, 17);
    assert_reported(&run, STORY_ONE, at, &["00:00:00", "help:"]);
}

// 18. Drafts and private data never reach the output.

#[test]
fn drafts_and_private_fields_are_never_published() {
    let site = Site::fixture("basic");
    let draft = "content/stories/draft-story";
    site.edit(
        &format!("{draft}/index.md"),
        "captions: {}",
        "captions: { en: captions.en.vtt }",
    );
    site.write(
        format!("{draft}/index.md").as_str(),
        format!(
            "{}DRAFT-TITLE-DO-NOT-PUBLISH in the body.\n",
            site.read(&format!("{draft}/index.md"))
        ),
    );
    site.write(
        &format!("{draft}/captions.en.vtt"),
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nDRAFT-TITLE-DO-NOT-PUBLISH\n",
    );
    site.write(
        "content/draft-page.md",
        "---\ntitle: DRAFT-TITLE-DO-NOT-PUBLISH page\nstatus: draft\n---\nprivate-contact@example.invalid\n",
    );
    site.build_ok();

    let files = site.output_files();
    assert!(files.iter().any(|f| f == "en/stories/story-one/index.html"));
    for rel in &files {
        assert!(!rel.contains("draft-story"), "published: {rel}");
        assert!(!rel.contains("draft-page"), "published: {rel}");
        let bytes = std::fs::read(site.path(&format!("public/{rel}"))).unwrap();
        for secret in [
            "DRAFT-TITLE-DO-NOT-PUBLISH",
            "PRIVATE-NAME-DO-NOT-PUBLISH",
            "private-contact@",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "public/{rel} contains {secret}"
            );
        }
    }
}

// 19. `check` reports what `build` reports, and writes nothing.

#[test]
fn check_reports_the_same_errors_and_writes_nothing() {
    let site = Site::fixture("basic");
    let good = site.run(&["check"]);
    assert!(
        good.success,
        "check failed on the good fixture:\n{}",
        good.stderr
    );
    assert!(!site.exists("public"), "check wrote public/");

    site.write("content/about.md", b"");
    site.edit("content/themes/women.md", "order: 3\n", "");
    site.edit(STORY_TWO, "themes: [defection]\n", "theme: [defection]\n");
    let entries = top_level(&site);

    let check = site.run(&["check"]);
    assert!(!check.success, "check passed a broken site");
    assert!(!site.exists("public"), "check wrote public/");
    assert_eq!(
        top_level(&site),
        entries,
        "check wrote into the site's folder"
    );
    assert!(
        check.stdout.contains("3 error(s)"),
        "{}\n{}",
        check.stdout,
        check.stderr
    );

    let build = site.build();
    assert!(!build.success);
    assert!(
        !site.exists("public"),
        "a failed first build created public/"
    );
    let build_report: String = build
        .stderr
        .lines()
        .filter(|l| !l.starts_with("build failed: "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        check.stderr, build_report,
        "check and build report different problems"
    );
    assert_reported(&check, "content/about.md", (1, 1), &["empty"]);
    assert_reported(&check, STORY_TWO, (10, 1), &["did you mean `themes`?"]);

    let json = site.run(&["check", "--format", "json"]);
    assert!(!json.success);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 3, "{}", json.stdout);
    assert!(!site.exists("public"));
}

// A broken source is one error, not one more for each of its translations.

#[test]
fn a_broken_source_does_not_blame_its_translations() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(
            STORY_ONE,
            "themes: [motivations, defection]",
            "theme: [motivations]",
        );
    });
    assert_reported(&run, STORY_ONE, (10, 1), &["unknown field `theme`"]);
    assert!(
        !run.stderr.contains("index.ar.md"),
        "the Arabic translation is blamed for its source's error:\n{}",
        run.stderr
    );
    assert_eq!(error_count(&run), 1, "{}", run.stderr);
}

// Templates that write HTML that is not well-formed: the minifier reads it as browsers do.

#[test]
fn a_stray_closing_tag_in_a_template_still_builds_a_minified_page() {
    let site = Site::fixture("basic");
    site.edit(
        "themes/default/templates/page.html",
        "{% endif %}</article>",
        "{% endif %}</article></div></span>",
    );
    site.build_ok();
    let html = site.read("public/en/about/index.html");
    assert!(!html.contains("\n<article"), "not minified:\n{html}");
    let page = common::Page::parse(&html);
    assert!(!page.text("h1").is_empty());
}
