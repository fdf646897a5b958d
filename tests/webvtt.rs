//! Caption files read as the WebVTT specification reads them, through a whole build: a second
//! byte-order mark fails the build at 1:1 and keeps the output; old Mac (`\r`) line endings
//! build, show in the transcript, and are counted right in messages; NUL and other control
//! characters are published as U+FFFD; identifiers are published as written. Each test
//! changes `captions.en.vtt` of story-one in a copy of the `basic` fixture.

mod common;

use common::{Site, assert_reported, error_count, fails_and_keeps_output, text_of};

const CAPTIONS: &str = "content/stories/story-one/captions.en.vtt";
const STORY_PAGE: &str = "en/stories/story-one/index.html";
/// The captions the site publishes: rebuilt from the parsed cues, not copied.
const PUBLISHED: &str = "public/media/story-one/captions.en.vtt";

const FIRST: &str = "The first line of the transcript.";
const SECOND: &str = "The line where I decided to leave.";

/// The text of each cue of the story page's transcript, in order.
fn transcript(site: &Site) -> Vec<String> {
    site.html(STORY_PAGE)
        .select("#transcript .cue-text")
        .into_iter()
        .map(text_of)
        .collect()
}

/// The fixture's captions as published, with `first` and `second` as the cues' text.
fn published(first: &str, second: &str) -> String {
    format!(
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n{first}\n\n00:01:12.000 --> 00:01:20.000\n{second}\n"
    )
}

#[test]
fn a_double_byte_order_mark_fails_at_line_one_column_one() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        let mut bytes = b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(s.read(CAPTIONS).as_bytes());
        s.write(CAPTIONS, bytes);
    });
    assert_reported(
        &run,
        CAPTIONS,
        (1, 1),
        &[
            "second byte-order mark",
            "before `WEBVTT`",
            "help:",
            "delete the invisible character",
            "save the file as UTF-8",
        ],
    );
    // Only the mark is wrong: the cues after it are read and found valid.
    assert_eq!(error_count(&run), 1, "{}", run.stderr);
}

#[test]
fn a_single_byte_order_mark_is_removed() {
    let site = Site::fixture("basic");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(site.read(CAPTIONS).as_bytes());
    site.write(CAPTIONS, bytes);
    site.build_ok();
    assert_eq!(site.read(PUBLISHED), published(FIRST, SECOND));
}

#[test]
fn cr_only_captions_build_and_show_in_the_transcript() {
    let site = Site::fixture("basic");
    let text = site.read(CAPTIONS).replace('\n', "\r");
    assert!(!text.contains('\n'));
    site.write(CAPTIONS, text);
    site.build_ok();
    assert_eq!(transcript(&site), [FIRST, SECOND]);
    // Published with `\n` line ends, the form every player reads.
    assert_eq!(site.read(PUBLISHED), published(FIRST, SECOND));
}

#[test]
fn mixed_line_endings_build() {
    let site = Site::fixture("basic");
    let text = format!(
        "WEBVTT\r\n\r00:00:00.000 --> 00:00:05.000\n{FIRST}\r\r\n00:01:12.000 --> 00:01:20.000\r{SECOND}"
    );
    site.write(CAPTIONS, text);
    site.build_ok();
    assert_eq!(transcript(&site), [FIRST, SECOND]);
    assert_eq!(site.read(PUBLISHED), published(FIRST, SECOND));
}

#[test]
fn cr_only_errors_report_the_right_line_and_column() {
    let site = Site::fixture("basic");
    // Lines: 1 WEBVTT, 2 empty, 3 timing, 4 text, 5 empty, 6 a timing line whose end time has
    // one digit of seconds; the end time starts after `00:00:05.000 --> ` (17 characters).
    let text = "WEBVTT\r\r00:00:00.000 --> 00:00:05.000\rFirst.\r\r00:00:05.000 --> 00:00:9.000\rSecond.\r";
    let run = fails_and_keeps_output(&site, |s| {
        s.write(CAPTIONS, text);
    });
    assert_reported(
        &run,
        CAPTIONS,
        (6, 18),
        &[
            "`00:00:9.000` is not a valid end time",
            "help:",
            "two digits",
        ],
    );
    assert_eq!(error_count(&run), 1, "{}", run.stderr);
}

#[test]
fn cr_only_text_that_is_not_utf8_reports_the_right_line() {
    let site = Site::fixture("basic");
    // `\xe9` (Latin-1 `é`) on line 4, after `Ét`: the third character.
    let bytes = b"WEBVTT\r\r00:00:00.000 --> 00:00:05.000\r\xc3\x89t\xe9.\r";
    let run = fails_and_keeps_output(&site, |s| {
        s.write(CAPTIONS, bytes.as_slice());
    });
    assert_reported(
        &run,
        CAPTIONS,
        (4, 3),
        &["not valid UTF-8", "help:", "UTF-8"],
    );
}

#[test]
fn a_nul_in_a_cue_is_published_as_a_replacement_character() {
    let site = Site::fixture("basic");
    site.edit(CAPTIONS, "The first line", "The\0first line");
    // Another control character (BEL) is replaced too; a tab stays.
    site.edit(CAPTIONS, "decided to", "decided\u{7}to\tgo and");
    site.build_ok();

    let first = "The\u{fffd}first line of the transcript.";
    assert_eq!(
        site.read(PUBLISHED),
        published(first, "The line where I decided\u{fffd}to\tgo and leave.")
    );
    assert_eq!(
        transcript(&site),
        [first, "The line where I decided\u{fffd}to go and leave."]
    );
    let page = site.read(&format!("public/{STORY_PAGE}"));
    assert!(
        !page.contains(['\0', '\u{7}']),
        "a control character was published"
    );
}

#[test]
fn a_one_space_identifier_is_published_as_written() {
    let site = Site::fixture("basic");
    site.edit(CAPTIONS, "\n\n00:01:12.000", "\n\n \n00:01:12.000");
    site.build_ok();
    let published = site.read(PUBLISHED);
    assert!(
        published.contains(&format!(
            "{FIRST}\n\n \n00:01:12.000 --> 00:01:20.000\n{SECOND}\n"
        )),
        "{published:?}"
    );
    assert_eq!(transcript(&site), [FIRST, SECOND]);
}
