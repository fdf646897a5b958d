//! `testimony withdraw SLUG`: only the `status:` value of the story's index.md changes, the
//! checklist names every copy to take down, nothing is built or deleted, and an unknown slug is
//! refused with a suggestion.

mod common;

use common::Site;

const STORY: &str = "content/stories/story-one/index.md";

#[test]
fn withdraw_changes_only_the_status_value_and_lists_the_copies_to_take_down() {
    let site = Site::fixture("basic");
    site.edit(
        STORY,
        "    - { name: website }\n",
        "    - { name: website }\n    - { name: video site, url: \"https://video.example/watch/abc\" } # shared in 2019\n    - { name: radio }\n",
    );
    // A comment and odd spacing around the value stay as written.
    site.edit(
        STORY,
        "status: published",
        "status:   published   # was a draft until May",
    );
    let before = std::fs::read(site.path(STORY)).unwrap();
    site.build_ok();
    let files_before = site.output_files();

    let run = site.run(&["withdraw", "story-one"]);
    assert!(run.success, "{}", run.stderr);
    let after = std::fs::read(site.path(STORY)).unwrap();
    let expected = String::from_utf8(before).unwrap().replacen(
        "status:   published   #",
        "status:   withdrawn   #",
        1,
    );
    assert_eq!(String::from_utf8(after).unwrap(), expected);

    let out = &run.stdout;
    assert!(
        out.contains("`status: published` is now `status: withdrawn`"),
        "{out}"
    );
    assert!(
        out.contains("video site: https://video.example/watch/abc"),
        "{out}"
    );
    assert!(out.contains("radio: no address recorded"), "{out}");
    assert!(out.contains("website"), "{out}");
    assert!(out.contains("testimony verify"), "{out}");
    assert!(out.contains("translation files"), "{out}");
    // Nothing built or deleted: the last output is as it was.
    assert_eq!(site.output_files(), files_before);
    assert!(site.exists("public/en/stories/story-one/index.html"));

    // A second time changes nothing; the next build leaves the story out.
    let run = site.run(&["withdraw", "story-one"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout.contains("already `status: withdrawn`"),
        "{}",
        run.stdout
    );
    assert_eq!(site.read(STORY), expected);
    site.build_ok();
    assert!(!site.exists("public/en/stories/story-one"));
}

#[test]
fn withdraw_works_on_a_story_with_mistakes_and_keeps_a_byte_order_mark() {
    let site = Site::fixture("basic");
    let text = site
        .read(STORY)
        .replace("origin: SY", "origin: Nowhere\nunknown_field: 1");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.as_bytes());
    site.write(STORY, &bytes);
    let run = site.run(&["withdraw", "story-one"]);
    assert!(run.success, "{}", run.stderr);
    let mut expected = b"\xEF\xBB\xBF".to_vec();
    expected.extend(
        text.replacen("status: published", "status: withdrawn", 1)
            .as_bytes(),
    );
    assert_eq!(std::fs::read(site.path(STORY)).unwrap(), expected);
}

#[test]
fn withdraw_refuses_an_unknown_slug_with_a_suggestion() {
    let site = Site::fixture("basic");
    let before = site.read(STORY);
    let run = site.run(&["withdraw", "story-on"]);
    run.assert_error(&["there is no story `story-on`", "did you mean `story-one`?"]);
    for slug in ["../story-one", ""] {
        site.run(&["withdraw", slug])
            .assert_error(&["there is no story"]);
    }
    assert_eq!(site.read(STORY), before);
    assert!(!site.exists("public"));
}
