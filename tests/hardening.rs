//! Inputs that were accepted silently or misread, and private text that reached a message:
//! strict YAML with the right line, every problem of a file at once, stories that must say
//! whether they are published, re-timed segments, files that are used or reported, private
//! lines never printed, and reports that stay short on pathological input. Each test breaks a
//! copy of the `basic` fixture and checks the exit code, `path:line:col`, and that the output
//! of the previous good build is left byte for byte as it was.

mod common;

use common::{Site, assert_reported, blocks, edit_at, error_count, fails_and_keeps_output};

const STORY_ONE: &str = "content/stories/story-one/index.md";
const STORY_ONE_AR: &str = "content/stories/story-one/index.ar.md";
const STORY_TWO: &str = "content/stories/story-two/index.md";

// Strict YAML.

#[test]
fn a_key_repeated_in_a_mapping_is_an_error_at_the_repetition() {
    let site = Site::fixture("basic");
    let mut flow = (0, 0);
    let mut block = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        // The French file listed under `en:` twice: the last would silently win.
        s.write("content/stories/story-one/captions.fr.vtt", "WEBVTT\n");
        flow = edit_at(
            s,
            STORY_ONE,
            "captions: { en: captions.en.vtt, ar: captions.ar.vtt }",
            "captions: { en: captions.en.vtt, ar: captions.ar.vtt, en: captions.fr.vtt }",
            "en: captions.fr.vtt",
        );
        // A repeated key in a nested block, on its own line.
        block = edit_at(
            s,
            STORY_TWO,
            "  duration: \"00:01:00\"\n",
            "  duration: \"00:01:00\"\n  file: other.webm\n",
            "file: other.webm",
        );
    });
    assert_reported(
        &run,
        STORY_ONE,
        flow,
        &["`en` is written twice", "help: keep only one"],
    );
    assert_eq!(block.0, 14);
    assert_reported(&run, STORY_TWO, block, &["`file` is written twice"]);
    assert_eq!(error_count(&run), 2, "{}", run.stderr);
}

#[test]
fn tags_are_errors_not_dropped() {
    let site = Site::fixture("basic");
    let (mut binary, mut custom) = ((0, 0), (0, 0));
    let run = fails_and_keeps_output(&site, |s| {
        binary = edit_at(
            s,
            STORY_ONE,
            "summary: A fictional story used by the tests.",
            "summary: !!binary QSBmaWN0aW9uYWwgc3Rvcnk=",
            "!!binary",
        );
        custom = edit_at(
            s,
            STORY_TWO,
            "statement: There is a way back.",
            "statement: !secret There is a way back.",
            "!secret",
        );
    });
    assert_reported(&run, STORY_ONE, binary, &["YAML tags", "help:"]);
    assert_reported(&run, STORY_TWO, custom, &["YAML tags", "help:"]);
}

#[test]
fn an_unclosed_quote_in_a_nested_block_points_at_its_own_line() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_TWO,
            "  file: video.webm\n",
            "  file: \"video.webm\n",
            "\"video.webm",
        );
    });
    assert_eq!(at, (12, 9));
    assert_reported(&run, STORY_TWO, at, &["not closed", "closing quote"]);
}

#[test]
fn a_wrong_type_in_a_nested_block_points_at_the_value() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_ONE,
            "  - { at: \"00:01:12\", title: \"Getting out\", themes: [defection] }",
            "  - { at: \"00:01:12\", title: \"Getting out\", themes: { defection: yes } }",
            "{ defection: yes }",
        );
    });
    assert_reported(&run, STORY_ONE, at, &["should be a list", "help:"]);
}

// Everything wrong in a file at once.

#[test]
fn a_translation_copied_from_its_source_lists_every_field_to_remove_in_one_run() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        let source = s.read(STORY_ONE);
        s.write(STORY_ONE_AR, source);
    });
    let text = site.read(STORY_ONE_AR);
    let not_translatable = [
        "pseudonym",
        "example",
        "origin",
        "joined",
        "left",
        "interviewed",
        "themes",
        "video",
        "captions",
        "warnings",
        "consent",
        "private",
    ];
    for field in not_translatable {
        let line = text
            .lines()
            .position(|l| l.starts_with(&format!("{field}:")))
            .unwrap_or_else(|| panic!("no `{field}:` line"))
            + 1;
        assert_reported(
            &run,
            STORY_ONE_AR,
            (line, 1),
            &[&format!("unknown field `{field}`")],
        );
    }
    // And `themes` in each of the two segments.
    assert_eq!(
        error_count(&run),
        not_translatable.len() + 2,
        "{}",
        run.stderr
    );
}

// Stories say whether they are published; drafts are checked.

#[test]
fn a_story_without_status_is_an_error() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(STORY_TWO, "status: published\n", "");
    });
    assert_reported(
        &run,
        STORY_TWO,
        (2, 1),
        &["missing field `status`", "help:"],
    );
}

#[test]
fn a_misspelt_status_suggests_the_word() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_TWO,
            "status: published",
            "status: publisehd",
            "publisehd",
        );
    });
    assert_reported(&run, STORY_TWO, at, &["did you mean `published`?"]);
}

#[test]
fn drafts_are_checked_but_never_built() {
    let site = Site::fixture("basic");
    let draft = "content/stories/draft-story/index.md";
    let at = edit_at(&site, draft, "themes: [women]", "themes: [womne]", "womne");
    // A problem in a draft is reported where it is, but does not stop the site's build.
    let run = site.build_ok();
    let block = blocks(&run)
        .into_iter()
        .find(|b| b.contains(&format!("{draft}:{}:{}", at.0, at.1)))
        .unwrap_or_else(|| panic!("nothing said about the draft:\n{}", run.stderr));
    assert!(block.starts_with("warning"), "{block}");
    assert!(block.contains("unknown theme `womne`"), "{block}");
    assert!(block.contains("did you mean `women`?"), "{block}");
    assert!(block.contains("draft"), "{block}");
    let check = site.run(&["check"]);
    assert!(
        check.stderr.contains("unknown theme `womne`"),
        "{}",
        check.stderr
    );
    // A draft's front matter must still be readable, or its status is unknown: an error.
    site.edit(draft, "status: draft", "status: draft\nstatus: published");
    assert!(!site.build().success);
    site.edit(draft, "status: draft\nstatus: published", "status: draft");
    site.build_ok();
    assert!(!site.exists("public/en/stories/draft-story"));
    assert!(
        site.output_files()
            .iter()
            .all(|f| !f.contains("draft-story")),
        "{:?}",
        site.output_files()
    );
}

// Re-timing a segment.

#[test]
fn retiming_a_segment_keeps_its_translation_and_marks_it_stale() {
    let site = Site::fixture("basic");
    site.run(&["i18n", "stamp", STORY_ONE_AR]);
    let status = site.run(&["i18n", "status"]);
    assert!(
        !status.stdout.contains("story-one/index.ar.md  (source"),
        "stale before the change:\n{}",
        status.stdout
    );
    site.edit(STORY_ONE, "at: \"00:01:12\"", "at: \"00:01:15\"");
    site.build_ok();
    let page = site.html("ar/stories/story-one/index.html");
    let segment_titles: Vec<String> = page
        .select(".segments li")
        .iter()
        .map(|e| common::text_of(*e))
        .collect();
    assert!(
        segment_titles.iter().any(|t| t.contains("الخروج")),
        "the translated title of the re-timed segment is gone: {segment_titles:?}"
    );
    let hrefs = page.attrs(".segments a[data-start]", "data-start");
    assert!(hrefs.iter().any(|s| s == "75"), "{hrefs:?}");
    let status = site.run(&["i18n", "status"]);
    assert!(
        status
            .stdout
            .contains("update content/stories/story-one/index.ar.md"),
        "the translation is not marked stale:\n{}",
        status.stdout
    );
}

#[test]
fn a_translation_with_more_segments_than_its_source_is_reported() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_ONE_AR,
            "  - { at: \"00:01:12\", title: \"الخروج\" }\n",
            "  - { at: \"00:01:12\", title: \"الخروج\" }\n  - { title: \"زائد\" }\n",
            "{ title: \"زائد\" }",
        );
    });
    assert_reported(&run, STORY_ONE_AR, at, &["more segments than its source"]);
}

// Nothing is ignored without a word.

#[test]
fn captions_named_by_language_are_used_without_being_listed() {
    let site = Site::fixture("basic");
    site.write(
        "content/stories/story-two/captions.fr.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nUn sous-titre en français.\n",
    );
    let run = site.build_ok();
    // Used, so not reported as a file left behind (its readability may be warned about).
    assert!(
        !run.stderr.contains("`captions.fr.vtt` is not used"),
        "{}",
        run.stderr
    );
    let page = site.html("fr/stories/story-two/index.html");
    let languages = page.attrs("track[kind=subtitles]", "srclang");
    assert!(languages.iter().any(|l| l == "fr"), "{languages:?}");
    assert!(site.exists("public/media/story-two/captions.fr.vtt"));
}

#[test]
fn files_that_are_not_used_are_reported_with_their_path() {
    let site = Site::fixture("basic");
    site.write("content/stories/story-two/notes.txt", "editor's notes");
    site.write("content/stories/story-two/captions.xx.vtt", "WEBVTT\n");
    site.write("content/stories/no-text/video.webm", "not a story");
    let run = site.build_ok();
    for (path, needle) in [
        ("content/stories/story-two/notes.txt", "is not used"),
        (
            "content/stories/story-two/captions.xx.vtt",
            "not one of the site's languages",
        ),
        ("content/stories/no-text", "has no `index.md`"),
    ] {
        let block = blocks(&run)
            .into_iter()
            .find(|b| b.contains(&format!("{path}:1:1")))
            .unwrap_or_else(|| panic!("nothing said about {path}:\n{}", run.stderr));
        assert!(block.starts_with("warning"), "{block}");
        assert!(block.contains(needle), "{block}");
    }
    assert!(
        site.output_files()
            .iter()
            .all(|f| !f.contains("notes.txt") && !f.contains("no-text")),
        "{:?}",
        site.output_files()
    );
}

#[cfg(unix)]
#[test]
fn a_linked_page_or_story_folder_is_an_error() {
    let site = Site::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Secret\n---\nNot for the site.\n",
    )
    .unwrap();
    let run = fails_and_keeps_output(&site, |s| {
        std::os::unix::fs::symlink(
            outside.path().join("secret.md"),
            s.path("content/secret.md"),
        )
        .unwrap();
        std::os::unix::fs::symlink(
            s.path("content/stories/story-two"),
            s.path("content/stories/story-copy"),
        )
        .unwrap();
    });
    for path in ["content/secret.md", "content/stories/story-copy"] {
        assert_reported(
            &run,
            path,
            (1, 1),
            &["links are not followed", "copy the file"],
        );
    }
}

// Private text is never printed.

#[test]
fn an_error_in_the_private_block_never_prints_its_lines() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(
            STORY_ONE,
            "  contact: private-contact@example.invalid\n",
            "  contact: private-contact@example.invalid\n  real_name: SECOND-PRIVATE-NAME\n",
        );
    });
    let text = site.read(STORY_ONE);
    let line = text
        .lines()
        .position(|l| l.contains("SECOND-PRIVATE-NAME"))
        .unwrap()
        + 1;
    assert_reported(
        &run,
        STORY_ONE,
        (line, 3),
        &["`real_name` is written twice"],
    );
    for secret in [
        "PRIVATE-NAME-DO-NOT-PUBLISH",
        "SECOND-PRIVATE-NAME",
        "private-contact",
    ] {
        assert!(
            !run.stderr.contains(secret),
            "{secret} printed:\n{}",
            run.stderr
        );
        assert!(
            !run.stdout.contains(secret),
            "{secret} printed:\n{}",
            run.stdout
        );
    }
    let json = site.run(&["check", "--format", "json"]);
    assert!(!json.success);
    assert!(json.stdout.contains("written twice"), "{}", json.stdout);
    for secret in [
        "PRIVATE-NAME-DO-NOT-PUBLISH",
        "SECOND-PRIVATE-NAME",
        "private-contact",
    ] {
        assert!(
            !json.stdout.contains(secret),
            "{secret} in JSON:\n{}",
            json.stdout
        );
        assert!(
            !json.stderr.contains(secret),
            "{secret} printed:\n{}",
            json.stderr
        );
    }
}

#[test]
fn a_syntax_error_in_the_private_block_never_prints_its_lines() {
    let site = Site::fixture("basic");
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(
            STORY_ONE,
            "  real_name: PRIVATE-NAME-DO-NOT-PUBLISH\n",
            "  real_name: \"PRIVATE-NAME-DO-NOT-PUBLISH\n",
        );
    });
    assert!(
        !run.stderr.contains("PRIVATE-NAME"),
        "private text printed:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains(STORY_ONE), "{}", run.stderr);
}

// Text that reverses what follows it.

#[test]
fn bidirectional_overrides_in_a_title_are_refused() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        at = edit_at(
            s,
            STORY_TWO,
            "title: The second fixture story",
            "title: \"The second \u{202E}fixture story\"",
            "\u{202E}",
        );
    });
    assert_reported(&run, STORY_TWO, at, &["U+202E", "help: delete it"]);
}

// Pathological input gives a short report, quickly.

#[test]
fn ten_thousand_unknown_themes_on_one_line_give_a_short_report() {
    let site = Site::fixture("basic");
    let themes: Vec<String> = (0..10_000).map(|i| format!("unknown-{i}")).collect();
    let run = fails_and_keeps_output(&site, |s| {
        s.edit(
            STORY_TWO,
            "themes: [defection]",
            &format!("themes: [{}]", themes.join(", ")),
        );
    });
    assert_eq!(error_count(&run), 10_000, "{}", &run.stderr[..2000]);
    assert!(
        run.stderr.len() < 40_000,
        "the report is {} bytes long",
        run.stderr.len()
    );
    assert!(
        run.stderr.contains("and 9980 more like this in this file"),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(3000)..]
    );
}

#[test]
fn an_unused_caption_file_that_is_not_utf8_gets_one_message() {
    let site = Site::fixture("basic");
    site.write(
        "content/stories/story-two/captions.xx.vtt",
        b"WEBVTT\n\n\xff\xfe\n",
    );
    let run = site.build_ok();
    let about: Vec<&str> = blocks(&run)
        .into_iter()
        .filter(|b| b.contains("captions.xx.vtt"))
        .collect();
    assert_eq!(about.len(), 1, "{}", run.stderr);
    assert!(about[0].starts_with("warning"), "{}", about[0]);
}

#[test]
fn a_listed_caption_file_that_is_not_webvtt_is_reported_at_its_key() {
    let site = Site::fixture("basic");
    let mut at = (0, 0);
    let run = fails_and_keeps_output(&site, |s| {
        s.write(
            "content/stories/story-two/captions.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nHi\n",
        );
        at = edit_at(
            s,
            STORY_TWO,
            "captions: { en: captions.en.vtt }",
            "captions: { en: captions.srt }",
            "captions.srt",
        );
    });
    assert_reported(&run, STORY_TWO, at, &["captions.srt", "help:"]);
}
