//! Forbidden terms: a term of a story's `private: forbidden:` list (or its `real_name:`) in
//! any of its texts stops the build at the file, line and column where it appears, and the
//! report never prints it; a private block whose terms appear nowhere builds, and none of it
//! reaches any output file.

mod common;

use common::{Site, assert_reported, edit_at, fails_and_keeps_output};

const STORY: &str = "content/stories/story-one/index.md";
const AR: &str = "content/stories/story-one/captions.ar.vtt";
const EN: &str = "content/stories/story-one/captions.en.vtt";

/// What the report (text and JSON) must never hold: the terms in every spelling used here.
const SECRETS: [&str; 5] = ["qarnabad", "إبراهيم", "ابراهيم", "إِبْرَاهِيم", "الخليلي"];

fn assert_never_printed(site: &Site, stderr: &str) {
    let json = site.run(&["check", "--format", "json"]);
    assert!(!json.success);
    for text in [stderr, &json.stdout, &json.stderr] {
        let lower = text.to_lowercase();
        for secret in SECRETS {
            assert!(!lower.contains(secret), "{secret} printed:\n{text}");
        }
    }
}

#[test]
fn a_term_in_an_arabic_caption_with_harakat_and_another_alef_is_reported_at_its_line() {
    let site = Site::fixture("forbidden");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        // Written with harakat, a bare alef and a proclitic: the list has `إبراهيم الخليلي`.
        at = edit_at(
            s,
            AR,
            "السطر الأول من النص.",
            "قال وإِبْرَاهِيم الخَلِيلي ذلك.",
            "وإِبْرَاهِيم",
        );
    });
    assert_reported(
        &run,
        AR,
        at,
        &[
            "a term this story's `private:` block forbids appears here",
            "item 2 of `private: forbidden:`",
        ],
    );
    assert_never_printed(&site, &run.stderr);
}

#[test]
fn a_term_in_an_english_transcript_in_another_case_is_reported_at_its_line() {
    let site = Site::fixture("forbidden");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            EN,
            "The first line of the transcript.",
            "I grew up in QARNABAD, near the river.",
            "QARNABAD",
        );
    });
    assert_reported(&run, EN, at, &["item 1 of `private: forbidden:`"]);
    assert_never_printed(&site, &run.stderr);
    // The line it is on is not shown either (it holds the term).
    assert!(!run.stderr.contains("near the river"), "{}", run.stderr);
}

#[test]
fn the_real_name_in_a_translation_is_forbidden_too() {
    let site = Site::fixture("forbidden");
    let mut at = (0, 0);
    let rel = "content/stories/story-one/index.ar.md";
    let run = fails_and_keeps_output(&site, |s| {
        let text = s.read(rel);
        s.write(rel, format!("{text}\nprivate name do not publish\n"));
        at = common::position(&s.read(rel), "private name", 0);
    });
    assert_reported(&run, rel, at, &["`private: real_name:`"]);
}

#[test]
fn a_term_inside_a_longer_word_is_no_error() {
    let site = Site::fixture("forbidden");
    site.edit(
        EN,
        "The first line of the transcript.",
        "Qarnabadi food and the Markerbrigades are other words.",
    );
    site.build_ok();
}

#[test]
fn a_private_block_reaches_no_output_file() {
    let site = Site::fixture("forbidden");
    let run = site.build_ok();
    assert!(!run.stderr.contains("PRIVATE"), "{}", run.stderr);
    let markers = [
        "Qarnabad",
        "qarnabad",
        "إبراهيم",
        "الخليلي",
        "Markerbrigade",
        "PRIVATE-NAME-DO-NOT-PUBLISH",
        "PRIVATE-NOTE-MARKER",
        "private-contact@",
        "real_name",
        "forbidden:",
    ];
    let files = common::tree(&site.path("public"));
    assert!(files.keys().any(|p| p.starts_with("en/stories/story-one/")));
    for (path, bytes) in &files {
        for marker in markers {
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{marker} is in {path}"
            );
        }
    }
}

#[test]
fn a_term_put_on_the_story_s_page_by_something_else_is_reported_where_it_is_listed() {
    let site = Site::fixture("forbidden");
    let listed = common::position(&site.read(STORY), "Qarnabad", 0);
    // A template writes it, on every story's page; no text of the story holds it.
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(
            "themes/default/templates/story.html",
            "{% block content %}",
            "{% block content %}<p>Qarnabad archive</p>",
        );
    });
    assert_reported(
        &run,
        STORY,
        listed,
        &[
            "item 1 of `private: forbidden:`",
            "appears in its page",
            "none of the story's texts holds it",
        ],
    );
    assert!(
        !run.stderr.to_lowercase().contains("qarnabad"),
        "{}",
        run.stderr
    );
}
