//! What may leave the build: a withdrawn story, a story in a language its consent does not
//! cover, and an embargoed page are planted with distinctive strings, and no byte of any output
//! file (HTML, XML, JSON, WebVTT, the manifest, scripts, text) holds one of them. Each test
//! first shows that the same strings are published when the story or page is, so that it
//! cannot pass by looking for text the build never writes.

mod common;

use common::Site;

const STORY: &str = "content/stories/story-one/index.md";

/// Every output file under `public/` (the manifest and dot-files included), with its bytes.
fn outputs(site: &Site) -> Vec<(String, Vec<u8>)> {
    let public = site.path("public");
    walkdir::WalkDir::new(&public)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&public).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The output files holding `needle`.
fn holding(files: &[(String, Vec<u8>)], needle: &str) -> Vec<String> {
    files
        .iter()
        .filter(|(_, bytes)| memchr::memmem::find(bytes, needle.as_bytes()).is_some())
        .map(|(path, _)| path.clone())
        .collect()
}

/// Asserts that each needle is in some output file (`present`) or in none.
fn assert_found(site: &Site, needles: &[&str], present: bool) {
    let files = outputs(site);
    assert!(files.len() > 20, "only {} output files", files.len());
    for needle in needles {
        let found = holding(&files, needle);
        assert_eq!(!found.is_empty(), present, "{needle:?} is in {found:?}");
    }
}

#[test]
fn a_withdrawn_story_leaves_no_trace_in_any_output_file() {
    let site = Site::fixture("basic");
    // Everything distinctive of story-one: slug, texts in both languages, segment titles,
    // the caption text, the introduction, and the media folder's name.
    let distinctive = [
        "story-one",
        "The first fixture story",
        "A fictional story used by the tests.",
        "Narrator One",
        "Think twice before you go.",
        "Starting out",
        "Getting out",
        "The first line of the transcript.",
        "The line where I decided to leave.",
        "An introduction by the editors.",
        "قصة الاختبار الأولى",
        "فكّر مرّتين قبل أن تذهب.",
        "مقدّمة من المحرّرين.",
    ];
    site.build_ok();
    assert_found(&site, &distinctive, true);

    site.edit(STORY, "status: published", "status: withdrawn");
    let run = site.build_ok();
    assert_found(&site, &distinctive, false);
    // Nor is anything of it printed.
    for needle in distinctive {
        assert!(
            !run.stderr.contains(needle),
            "{needle:?} in:\n{}",
            run.stderr
        );
    }
    // The other story is still there.
    assert!(site.exists("public/en/stories/story-two/index.html"));
}

#[test]
fn a_withdrawn_story_is_neither_checked_nor_printed_even_when_broken() {
    let site = Site::fixture("basic");
    site.edit(STORY, "status: published", "status: withdrawn")
        .edit(STORY, "origin: SY", "origin: Secret-Town-Marker");
    let run = site.run(&["check"]);
    assert!(run.success, "{}", run.stderr);
    assert!(!run.stderr.contains("Secret-Town-Marker"), "{}", run.stderr);
    assert!(!run.stderr.contains("story-one"), "{}", run.stderr);
}

#[test]
fn a_story_is_built_only_in_the_languages_of_its_consent() {
    let site = Site::fixture("basic");
    let markers = [
        "FR-TITLE-MARKER-7a1",
        "FR-SUMMARY-MARKER-7a2",
        "FR-BODY-MARKER-7a3",
        "FR-CAPTION-MARKER-7a4",
    ];
    site.write(
        "content/stories/story-one/index.fr.md",
        format!(
            "---\ntitle: {}\nsummary: {}\n---\n{}\n",
            markers[0], markers[1], markers[2]
        ),
    )
    .write(
        "content/stories/story-one/captions.fr.vtt",
        format!("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n{}\n", markers[3]),
    );
    site.build_ok();
    assert_found(&site, &markers, true);

    site.edit(STORY, "languages: [en, ar, fr]", "languages: [en, ar]");
    let run = site.build_ok();
    assert_found(&site, &markers, false);
    // A warning names the files, and prints nothing of their text.
    assert!(
        run.stderr.contains("index.fr.md") && run.stderr.contains("captions.fr.vtt"),
        "{}",
        run.stderr
    );
    for marker in markers {
        assert!(!run.stderr.contains(marker), "{}", run.stderr);
    }
    // No French page (not even the English text as a fallback), no alternate, no list entry.
    assert!(!site.exists("public/fr/stories/story-one/index.html"));
    assert!(site.exists("public/ar/stories/story-one/index.html"));
    let page = site.html("en/stories/story-one/index.html");
    assert!(page.select("link[hreflang=fr]").is_empty());
    assert_eq!(page.select("link[hreflang=ar]").len(), 1);
    let list = site.html("fr/stories/index.html");
    assert!(list.select("a[href*='story-one']").is_empty());
    assert!(!list.select("a[href*='story-two']").is_empty());
    let sitemap = site.read("public/sitemap.xml");
    assert!(!sitemap.contains("/fr/stories/story-one/"));
    let data = site.read("public/data/stories.json");
    assert!(!data.contains("/fr/stories/story-one/"));
}

#[test]
fn a_published_story_without_consent_or_with_an_unknown_language_is_an_error() {
    let site = Site::fixture("basic");
    site.edit(STORY, "languages: [en, ar, fr]", "languages: [en, de]");
    site.build()
        .assert_error(&["`de` is not one of the site's languages"]);
    let text = site.read(STORY);
    let start = text.find("# The narrator's consent").unwrap();
    let end = text.find("private:").unwrap();
    site.write(STORY, format!("{}{}", &text[..start], &text[end..]));
    site.build()
        .assert_error(&["a published story must record the narrator's consent"]);
    assert!(!site.exists("public"));
}

#[test]
fn a_past_review_date_is_a_warning_measured_against_the_build_date() {
    let site = Site::fixture("basic");
    let run = site.run(&["check", "--now", "2100-01-01"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the narrator's consent was due for review on 2099-12-31"),
        "{}",
        run.stderr
    );
    let run = site.run(&["check", "--now", "2099-12-31"]);
    assert!(!run.stderr.contains("due for review"), "{}", run.stderr);
    site.run(&["check", "--now", "soon"])
        .assert_error(&["`--now soon` is not a date"]);
}

#[test]
fn an_embargoed_page_and_story_are_out_until_their_date() {
    let site = Site::fixture("basic");
    let markers = ["EMBARGO-PAGE-MARKER-9c1", "EMBARGO-PAGE-BODY-9c2"];
    site.write(
        "content/embargoed.md",
        format!(
            "---\ntitle: {}\npublish_after: 2030-01-02\n---\n{}\n",
            markers[0], markers[1]
        ),
    );
    site.edit(
        "content/stories/story-two/index.md",
        "status: published",
        "status: published\npublish_after: 2030-01-02",
    );
    let story_two = "The second fixture story";
    assert!(
        site.read("content/stories/story-two/index.md")
            .contains(story_two)
    );

    let run = site.run(&["build", "--now", "2030-01-01"]);
    assert!(run.success, "{}", run.stderr);
    assert_found(&site, &markers, false);
    assert_found(&site, &["embargoed", "story-two", story_two], false);

    // The same bytes with the same date, from the variable as from the flag.
    let first = outputs(&site);
    let run = common::Site::run_env(&site, &["build"], ("SOURCE_DATE_EPOCH", "1893456000"));
    assert!(run.success, "{}", run.stderr);
    assert_eq!(
        first,
        outputs(&site),
        "SOURCE_DATE_EPOCH 2030-01-01 and --now 2030-01-01 differ"
    );

    let run = site.run(&["build", "--now", "2030-01-02"]);
    assert!(run.success, "{}", run.stderr);
    assert_found(&site, &markers, true);
    assert_found(&site, &["story-two", story_two], true);
}

#[test]
fn an_embargo_date_that_cannot_be_read_is_an_error() {
    let site = Site::fixture("basic");
    site.write(
        "content/embargoed.md",
        "---\ntitle: Soon\npublish_after: next spring\n---\nText.\n",
    );
    site.build()
        .assert_error(&["content/embargoed.md:3:16", "`next spring` is not a date"]);
}
