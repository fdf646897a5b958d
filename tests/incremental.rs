//! serve's incremental rebuilds ([`testimony::preview::Preview`]): after each kind of save,
//! the pages that show what changed are written again, no other file is, and the output is
//! byte for byte what a clean `build` makes of the same sources.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

use common::{Site, tree};
use testimony::build::{BuildOptions, build};
use testimony::preview::{Preview, Rebuilt};
use testimony::render::Job;
use testimony::site::Drafts;

const BASE_URL: &str = "http://127.0.0.1:4321/";

/// The files that differ between two trees: changed, added or removed.
fn differences(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut paths: Vec<String> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .collect();
    paths.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    paths.sort();
    paths
}

/// A fixture site with a preview built once.
struct Previewed {
    site: Site,
    out: tempfile::TempDir,
    preview: Preview,
}

impl Previewed {
    fn new(fixture: &str) -> Self {
        let site = Site::fixture(fixture);
        let out = tempfile::tempdir().unwrap();
        let mut preview = Preview::new(
            site.root(),
            &out.path().join("site"),
            Some(BASE_URL.into()),
            Drafts::Withheld,
        );
        let first = preview.rebuild(&[]).expect("the first build");
        assert!(first.full);
        Previewed { site, out, preview }
    }

    fn served(&self) -> PathBuf {
        self.out.path().join("site")
    }

    fn tree(&self) -> BTreeMap<String, Vec<u8>> {
        tree(&self.served())
    }

    /// Saves `changed` (paths from the site's root) after `edit`, rebuilds, and checks that
    /// the result equals a clean build and that what was written is exactly what changed.
    /// Returns the report and the files that changed, the marker left out.
    fn save(&mut self, changed: &[&str], edit: impl FnOnce(&Site)) -> (Rebuilt, Vec<String>) {
        let before = self.tree();
        edit(&self.site);
        let paths: Vec<PathBuf> = changed.iter().map(|rel| self.site.path(rel)).collect();
        let rebuilt = self
            .preview
            .rebuild(&paths)
            .unwrap_or_else(|problems| panic!("the rebuild failed:\n{}", problems.render(false)));
        let after = self.tree();
        assert_eq!(
            after,
            self.clean_build(),
            "the preview differs from a clean build"
        );
        let changed_files = differences(&before, &after);
        let mut touched: Vec<String> = rebuilt.written.clone();
        touched.extend(rebuilt.removed.iter().cloned());
        touched.sort();
        // Written means changed (or new): nothing is written twice over with the same bytes.
        let marker = ".testimony-output".to_string();
        let without_marker: Vec<String> = changed_files
            .iter()
            .filter(|p| **p != marker)
            .cloned()
            .collect();
        if !rebuilt.full {
            assert_eq!(
                touched, without_marker,
                "written or removed, against changed"
            );
        }
        // The marker holds every file's checksum, so it changes with any of them; that it is
        // right is checked above, against the clean build.
        (rebuilt, without_marker)
    }

    fn clean_build(&self) -> BTreeMap<String, Vec<u8>> {
        let out = tempfile::tempdir().unwrap();
        let mut options = BuildOptions::new(self.site.root());
        options.out = Some(out.path().join("site"));
        options.base_url = Some(BASE_URL.into());
        build(&options).unwrap_or_else(|problems| panic!("{}", problems.render(false)));
        tree(&out.path().join("site"))
    }
}

fn story_page(lang: &str, slug: &str) -> String {
    format!("{lang}/stories/{slug}/index.html")
}

#[test]
fn a_story_s_text_redoes_its_pages_and_the_lists_but_not_the_other_stories() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-two/index.md";
    let (rebuilt, changed) = p.save(&[rel], |site| {
        site.edit(rel, "title: ", "title: Renamed ");
    });
    assert!(!rebuilt.full);
    for lang in ["en", "ar", "fr"] {
        assert!(
            changed.contains(&story_page(lang, "story-two")),
            "{changed:?}"
        );
        assert!(
            changed.contains(&format!("{lang}/stories/index.html")),
            "{changed:?}"
        );
    }
    // story-one shows story-two as related only if they share a theme: either way, the
    // comparison with a clean build above decides. Its captions and video are not touched.
    assert!(
        !changed.iter().any(|p| p.starts_with("media/")),
        "{changed:?}"
    );
    assert!(
        rebuilt.rendered.len() < testimony_jobs(&p),
        "everything was rendered again"
    );
}

/// How many jobs a clean build of the preview's site has.
fn testimony_jobs(p: &Previewed) -> usize {
    let (loaded, problems) = testimony::build::load(p.site.root(), Some(BASE_URL));
    let loaded = loaded.unwrap_or_else(|| panic!("{}", problems.render(false)));
    testimony::render::jobs(&loaded.site).len()
}

#[test]
fn a_translation_redoes_the_pages_of_its_language_only() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-one/index.ar.md";
    let (_, changed) = p.save(&[rel], |site| {
        let text = site.read(rel);
        site.write(rel, text.replacen("\n---\n", "\n---\nفقرة جديدة.\n\n", 1));
    });
    assert!(
        changed.contains(&story_page("ar", "story-one")),
        "{changed:?}"
    );
    assert!(
        !changed
            .iter()
            .any(|p| p.starts_with("en/") || p.starts_with("fr/")),
        "{changed:?}"
    );
}

#[test]
fn a_caption_file_redoes_the_track_and_the_story_s_transcript() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-one/captions.en.vtt";
    let text = p.site.read(rel);
    let first_cue = text
        .lines()
        .find(|l| {
            !l.is_empty()
                && !l.contains("-->")
                && !l.starts_with("WEBVTT")
                && !l.chars().all(|c| c.is_ascii_digit())
        })
        .unwrap()
        .to_string();
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(rel, &first_cue, "A new first line of captions");
    });
    assert!(
        changed
            .iter()
            .any(|p| p.starts_with("media/story-one/") && p.ends_with(".vtt")),
        "{changed:?}"
    );
    assert!(
        changed.contains(&story_page("en", "story-one")),
        "{changed:?}"
    );
    assert!(
        !changed.contains(&story_page("en", "story-two")),
        "{changed:?}"
    );
}

#[test]
fn an_interface_string_redoes_its_language_and_no_other() {
    let mut p = Previewed::new("basic");
    let dir = p.site.path("locales/fr");
    let file = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ftl"))
        .unwrap();
    let rel = format!("locales/fr/{}", file.file_name().unwrap().to_string_lossy());
    let (rebuilt, changed) = p.save(&[&rel], |site| {
        let text = site.read(&rel);
        let line = text
            .lines()
            .find(|l| l.starts_with("stories-title"))
            .expect("stories-title in fr")
            .to_string();
        site.edit(&rel, &line, "stories-title = Les récits, autrement");
    });
    assert!(!changed.is_empty());
    assert!(
        changed
            .iter()
            .all(|p| p.starts_with("fr/") || p == ".testimony-output"),
        "{changed:?}"
    );
    // Rendered again: the French pages, and the language chooser, which speaks every language
    // (its bytes are the same: it shows no `stories-title`).
    assert!(
        rebuilt
            .rendered
            .iter()
            .all(|job| job.lang() == Some("fr") || *job == Job::Root),
        "{:?}",
        rebuilt.rendered
    );
}

#[test]
fn the_language_chooser_shows_each_language_s_own_strings_as_a_clean_build_does() {
    let mut p = Previewed::new("basic");
    let rel = "locales/ar/main.ftl";
    let (rebuilt, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "root-read-in = اقرأ بالعربية",
            "root-read-in = تابع بالعربية",
        );
    });
    // The root page, in English, greets Arabic readers in Arabic: it changes with them.
    assert!(
        rebuilt.rendered.contains(&Job::Root),
        "{:?}",
        rebuilt.rendered
    );
    assert!(changed.iter().any(|f| f == "index.html"), "{changed:?}");
}

#[test]
fn a_template_redoes_the_pages_that_use_it() {
    let mut p = Previewed::new("basic");
    let rel = "themes/default/templates/story.html";
    let text = p.site.read(rel);
    assert!(
        text.contains("</article>") || text.contains("{% endblock"),
        "story.html changed shape"
    );
    let (rebuilt, changed) = p.save(&[rel], |site| {
        let at = text.rfind("{% endblock").unwrap();
        let mut edited = text.clone();
        edited.insert_str(at, "<p class=\"added-by-test\">added</p>");
        site.write(rel, edited);
    });
    assert!(
        rebuilt
            .rendered
            .iter()
            .all(|job| job.template() == Some("story.html")),
        "{:?}",
        rebuilt.rendered
    );
    assert!(
        changed
            .iter()
            .all(|p| p.contains("/stories/") && p.ends_with("index.html")),
        "{changed:?}"
    );
    assert_eq!(
        changed.len(),
        6,
        "two stories in three languages: {changed:?}"
    );
}

#[test]
fn site_yaml_rebuilds_everything() {
    let mut p = Previewed::new("basic");
    let (rebuilt, changed) = p.save(&["site.yaml"], |site| {
        site.edit(
            "site.yaml",
            "missing_translation: fallback",
            "missing_translation: skip",
        );
    });
    assert!(rebuilt.full);
    // Untranslated pages are no longer shown in their fallback language.
    assert!(
        changed.contains(&story_page("fr", "story-two")),
        "{changed:?}"
    );
    assert!(!p.served().join(story_page("fr", "story-two")).exists());
}

#[test]
fn a_new_story_and_a_deleted_one_equal_a_clean_build() {
    let mut p = Previewed::new("basic");
    let (_, added) = p.save(&["content/stories/story-three"], |site| {
        common::copy_dir(
            &site.path("content/stories/story-two"),
            &site.path("content/stories/story-three"),
        );
        site.edit(
            "content/stories/story-three/index.md",
            "title: ",
            "title: Third ",
        );
    });
    assert!(
        added.contains(&story_page("en", "story-three")),
        "{added:?}"
    );
    assert!(
        added.iter().any(|p| p.starts_with("media/story-three/")),
        "{added:?}"
    );
    let (_, removed) = p.save(&["content/stories/story-two"], |site| {
        site.remove("content/stories/story-two");
    });
    assert!(
        removed.contains(&story_page("en", "story-two")),
        "{removed:?}"
    );
    assert!(
        !p.served().join("media/story-two").exists(),
        "the folder of a deleted story stays"
    );
    assert!(!p.served().join("en/stories/story-two").exists());
}

#[test]
fn an_unchanged_video_is_not_copied_again() {
    let mut p = Previewed::new("basic");
    let video = fs::read_dir(p.served().join("media/story-one"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "webm"))
        .expect("the video in the output");
    let before = fs::metadata(&video).unwrap().ino();
    let rel = "content/stories/story-one/index.md";
    p.save(&[rel], |site| {
        site.edit(
            rel,
            "An introduction by the editors.",
            "An introduction, edited.",
        );
    });
    assert_eq!(
        fs::metadata(&video).unwrap().ino(),
        before,
        "the video was written again"
    );
}

#[test]
fn a_broken_save_leaves_the_preview_as_it_was_and_the_fix_catches_up() {
    let mut p = Previewed::new("basic");
    let before = p.tree();
    let rel = "content/stories/story-one/index.md";
    p.site.edit(
        rel,
        "themes: [motivations, defection]",
        "themes: [motivations, no-such-theme]",
    );
    let problems = p
        .preview
        .rebuild(&[p.site.path(rel)])
        .expect_err("an unknown theme is an error");
    let text = problems.render(false);
    assert!(
        text.contains("index.md:") && text.contains("no-such-theme"),
        "{text}"
    );
    assert_eq!(p.tree(), before, "a failed rebuild changed the preview");
    // Another file is saved while the site is broken, then the first is fixed: both show.
    let other = "content/stories/story-two/index.md";
    p.site.edit(other, "title: ", "title: Meanwhile ");
    assert!(p.preview.rebuild(&[p.site.path(other)]).is_err());
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(rel, "no-such-theme", "defection");
    });
    assert!(
        changed.contains(&story_page("en", "story-two")),
        "the save made while broken was lost: {changed:?}"
    );
}

#[test]
fn a_theme_s_text_redoes_the_pages_that_show_the_theme() {
    let mut p = Previewed::new("basic");
    let rel = "content/themes/women.md";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(rel, "title: ", "title: Renamed ");
    });
    assert!(
        changed.contains(&"en/themes/women/index.html".to_string()),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"en/themes/index.html".to_string()),
        "{changed:?}"
    );
}

#[test]
fn a_draft_published_in_the_preview_appears_everywhere_a_clean_build_shows_it() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/draft-story/index.md";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "status: draft",
            "status: published\nconsent: { languages: [en, ar, fr], given: 2020-01-01, review: 2099-12-31 }",
        );
    });
    assert!(
        changed.contains(&story_page("en", "draft-story")),
        "{changed:?}"
    );
}

#[test]
fn a_story_s_text_alone_redoes_only_that_story_s_own_pages() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-one/index.md";
    let (rebuilt, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "An introduction by the editors.",
            "An introduction, rewritten.",
        );
    });
    assert!(
        rebuilt
            .rendered
            .iter()
            .all(|job| matches!(job, Job::Story { slug, .. } if slug == "story-one")),
        "{:?}",
        rebuilt.rendered
    );
    // Shown in English, and in French as the fallback; the Arabic page has its own text.
    assert!(
        changed.contains(&story_page("en", "story-one")),
        "{changed:?}"
    );
    assert!(
        changed.contains(&story_page("fr", "story-one")),
        "{changed:?}"
    );
    assert!(
        !changed.contains(&story_page("ar", "story-one")),
        "{changed:?}"
    );
}

#[test]
fn a_story_s_themes_and_country_move_it_between_lists() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-two/index.md";
    let (rebuilt, changed) = p.save(&[rel], |site| {
        site.edit(rel, "themes: [defection]", "themes: [defection, women]");
        site.edit(rel, "origin: FR", "origin: TN");
    });
    assert!(
        changed.contains(&"en/themes/women/index.html".to_string()),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"en/stories/from/tn/index.html".to_string())
            || changed.iter().any(|p| p.starts_with("en/stories/from/")),
        "{changed:?}"
    );
    assert!(!rebuilt.full);
}

#[test]
fn a_static_file_and_the_404_page_s_strings_in_the_preview_equal_a_clean_build() {
    let mut p = Previewed::new("basic");
    let marker = ".testimony-output";
    let without_marker = |changed: Vec<String>| {
        changed
            .into_iter()
            .filter(|f| f != marker)
            .collect::<Vec<_>>()
    };
    // A static/ folder made while serving.
    let (rebuilt, changed) = p.save(
        &["static/CNAME", "static/.well-known/security.txt"],
        |site| {
            site.write("static/CNAME", "a.example\n").write(
                "static/.well-known/security.txt",
                "Contact: mailto:a@a.example\n",
            );
        },
    );
    assert_eq!(
        without_marker(changed),
        [".well-known/security.txt", "CNAME"]
    );
    assert!(rebuilt.rendered.is_empty(), "{:?}", rebuilt.rendered);
    // A file of it saved again: copied again, nothing rendered.
    let (rebuilt, changed) = p.save(&["static/CNAME"], |site| {
        site.write("static/CNAME", "another.example\n");
    });
    assert_eq!(changed, ["CNAME"]);
    assert!(rebuilt.rendered.is_empty(), "{:?}", rebuilt.rendered);

    // The 404 page's title in Arabic: the Arabic 404 page, and no other file.
    let rel = "locales/ar/main.ftl";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "not-found-title = الصفحة غير موجودة",
            "not-found-title = لم نجد هذه الصفحة",
        );
    });
    assert_eq!(changed, ["ar/404.html"]);
    // The default language's text: its 404 page and the root's, which is in that language.
    let rel = "locales/en/main.ftl";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "not-found-text = There is no page at this address.",
            "not-found-text = Nothing is at this address.",
        );
    });
    assert_eq!(changed, ["404.html", "en/404.html"]);

    // A file removed from static/ leaves the preview.
    let (rebuilt, changed) = p.save(&["static/CNAME"], |site| {
        site.remove("static/CNAME");
    });
    assert_eq!(without_marker(changed), ["CNAME"]);
    assert_eq!(rebuilt.removed, ["CNAME"]);
}

#[test]
fn a_story_s_new_title_changes_its_feed_entry_as_a_clean_build_does() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-one/index.md";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "title: The first fixture story",
            "title: The first story, renamed",
        );
    });
    // The English feed names the story; the Arabic one has its own title; the French one
    // lists no story (its copy is a fallback).
    assert!(changed.contains(&"en/feed.xml".to_string()), "{changed:?}");
    assert!(!changed.contains(&"ar/feed.xml".to_string()), "{changed:?}");
    assert!(!changed.contains(&"fr/feed.xml".to_string()), "{changed:?}");
    let feed = String::from_utf8(p.tree()["en/feed.xml"].clone()).expect("UTF-8");
    assert!(
        feed.contains("<title>The first story, renamed</title>"),
        "{feed}"
    );
}

#[test]
fn a_poster_saved_at_another_size_changes_its_social_card_as_a_clean_build_does() {
    let picture = |w, h| image::RgbImage::from_pixel(w, h, image::Rgb([90, 60, 30]));
    let rel = "content/stories/story-one/index.md";
    let still = "content/stories/story-one/still.png";
    let site = Site::fixture("basic");
    picture(40, 24)
        .save(site.path(still))
        .expect("writes the poster");
    site.edit(
        rel,
        "  file: video.webm",
        "  file: video.webm\n  poster: still.png",
    );
    let mut p = Previewed::on(site);
    let (_, changed) = p.save(&[still], |site| {
        picture(64, 48)
            .save(site.path(still))
            .expect("writes the poster");
    });
    let page = String::from_utf8(p.tree()["en/stories/story-one/index.html"].clone()).unwrap();
    let page = common::Page::parse(&page);
    let width = page.attr(r#"meta[property="og:image:width"]"#, "content");
    assert_eq!(width, "64");
    // The story's card in the lists carries the new size too (`save` compared them with a
    // clean build).
    let list = String::from_utf8(p.tree()["en/stories/index.html"].clone()).unwrap();
    let list = common::Page::parse(&list);
    assert_eq!(list.attrs(".card-poster", "width"), ["64"]);
    assert_eq!(list.attrs(".card-poster", "height"), ["48"]);
    assert!(
        changed.contains(&"media/story-one/poster.png".to_string()),
        "{changed:?}"
    );
}

impl Previewed {
    /// A preview of `site` as it is (a fixture changed before the first build).
    fn on(site: Site) -> Self {
        let out = tempfile::tempdir().unwrap();
        let mut preview = Preview::new(
            site.root(),
            &out.path().join("site"),
            Some(BASE_URL.into()),
            Drafts::Withheld,
        );
        let first = preview.rebuild(&[]).expect("the first build");
        assert!(first.full);
        Previewed { site, out, preview }
    }
}

#[test]
fn a_story_s_new_summary_changes_the_open_data_as_a_clean_build_does() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-one/index.md";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "summary: A fictional story used by the tests.",
            "summary: A summary rewritten in the preview.",
        );
    });
    // The file of every language has the English text; so do the English file and the French
    // one (whose copy is the English fallback); the Arabic file has the Arabic summary.
    for data in [
        "data/stories.json",
        "data/en/stories.json",
        "data/fr/stories.json",
    ] {
        assert!(changed.contains(&data.to_string()), "{data} in {changed:?}");
        let text = String::from_utf8(p.tree()[data].clone()).expect("UTF-8");
        assert!(
            text.contains("A summary rewritten in the preview."),
            "{text}"
        );
    }
    assert!(
        !changed.contains(&"data/schema-v1.json".to_string()),
        "{changed:?}"
    );
}

#[test]
fn a_new_caption_language_is_listed_in_the_open_data_as_a_clean_build_does() {
    let mut p = Previewed::new("basic");
    let rel = "content/stories/story-two/index.md";
    let vtt = "content/stories/story-two/captions.fr.vtt";
    let (_, changed) = p.save(&[rel, vtt], |site| {
        let english = site.read("content/stories/story-two/captions.en.vtt");
        site.write(vtt, english);
        site.edit(
            rel,
            "captions: { en: captions.en.vtt }",
            "captions: { en: captions.en.vtt, fr: captions.fr.vtt }",
        );
    });
    assert!(
        changed.contains(&"data/stories.json".to_string()),
        "{changed:?}"
    );
}

#[test]
fn a_story_withdrawn_while_serving_loses_every_file_of_it() {
    let mut p = Previewed::new("basic");
    assert!(p.served().join("en/stories/story-one/index.html").exists());
    let rel = "content/stories/story-one/index.md";
    // save() checks that the result equals a clean build of the withdrawn site.
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(rel, "status: published", "status: withdrawn");
    });
    assert!(
        changed.contains(&story_page("en", "story-one")),
        "{changed:?}"
    );
    for (path, bytes) in p.tree() {
        assert!(!path.contains("story-one"), "{path} is still served");
        assert!(
            memchr::memmem::find(&bytes, b"story-one").is_none()
                && memchr::memmem::find(&bytes, "The first fixture story".as_bytes()).is_none(),
            "{path} still names the story"
        );
    }
}

/// The pages of a list in `lang` that the preview serves, by output path.
fn list_pages(p: &Previewed, lang: &str, list: &str) -> Vec<String> {
    let tree = p.tree();
    let prefix = format!("{lang}/{list}");
    let mut pages: Vec<String> = tree
        .keys()
        .filter(|path| {
            path.strip_prefix(&prefix).is_some_and(|rest| {
                rest == "index.html"
                    || rest.strip_prefix("page/").is_some_and(|n| {
                        n.strip_suffix("/index.html")
                            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                    })
            })
        })
        .cloned()
        .collect();
    pages.sort();
    pages
}

#[test]
fn a_story_removed_or_added_at_a_page_boundary_removes_or_adds_the_last_page() {
    // Seven stories, three a page: the oldest, story-1, is alone on page 3 in English.
    let mut p = Previewed::new("pagination");
    let three = [
        "en/stories/index.html",
        "en/stories/page/2/index.html",
        "en/stories/page/3/index.html",
    ];
    assert_eq!(list_pages(&p, "en", "stories/"), three);
    let kept = p.site.path("kept-story-1");
    common::copy_dir(&p.site.path("content/stories/story-1"), &kept);
    let (rebuilt, changed) = p.save(&["content/stories/story-1"], |site| {
        site.remove("content/stories/story-1");
    });
    assert!(!rebuilt.full);
    assert_eq!(list_pages(&p, "en", "stories/"), &three[..2]);
    assert!(
        rebuilt
            .removed
            .contains(&"en/stories/page/3/index.html".to_string()),
        "{changed:?}"
    );
    assert!(!p.served().join("en/themes/defection/page/3").exists());
    // Back again: the third page comes back, as a clean build makes it.
    let (_, changed) = p.save(&["content/stories/story-1"], |site| {
        common::copy_dir(&kept, &site.path("content/stories/story-1"));
    });
    assert!(
        changed.contains(&"en/stories/page/3/index.html".to_string()),
        "{changed:?}"
    );
    assert_eq!(list_pages(&p, "en", "stories/"), three);
}

#[test]
fn a_new_newest_story_shifts_every_card_one_place_across_the_pages() {
    let mut p = Previewed::new("pagination");
    let (rebuilt, changed) = p.save(&["content/stories/story-8"], |site| {
        common::copy_dir(
            &site.path("content/stories/story-7"),
            &site.path("content/stories/story-8"),
        );
        site.edit(
            "content/stories/story-8/index.md",
            "interviewed: 2019-07-01",
            "interviewed: 2019-08-01",
        );
    });
    assert!(!rebuilt.full);
    // Every page of the list changes: each card moves one place on.
    for page in [
        "en/stories/index.html",
        "en/stories/page/2/index.html",
        "en/stories/page/3/index.html",
        "en/themes/defection/page/3/index.html",
    ] {
        assert!(changed.contains(&page.to_string()), "{page}: {changed:?}");
    }
    // An untranslated story is not listed in Arabic (skipped): its lists stay as they were.
    assert!(
        !changed.contains(&"ar/stories/index.html".to_string()),
        "{changed:?}"
    );
}

#[test]
fn a_new_page_size_rebuilds_everything_as_a_clean_build_does() {
    let mut p = Previewed::new("pagination");
    let (rebuilt, changed) = p.save(&["site.yaml"], |site| {
        site.edit("site.yaml", "page_size: 3", "page_size: 2");
    });
    assert!(rebuilt.full);
    assert!(
        changed.contains(&"en/stories/page/4/index.html".to_string()),
        "{changed:?}"
    );
    let (_, changed) = p.save(&["site.yaml"], |site| {
        site.edit("site.yaml", "page_size: 2", "page_size: 10");
    });
    assert!(
        !p.served().join("en/stories/page/2").exists(),
        "{changed:?}"
    );
}

#[cfg(feature = "search")]
#[test]
fn a_story_s_transcript_and_summary_update_its_language_s_search_index_as_a_clean_build_does() {
    let mut p = Previewed::new("search");
    let index = |changed: &[String], lang: &str| {
        let dir = format!("{lang}/search/pagefind/fragment/");
        changed.iter().any(|path| path.starts_with(&dir))
    };
    let rel = "content/stories/the-border/captions.ar.vtt";
    let (rebuilt, changed) = p.save(&[rel], |site| {
        site.edit(rel, "وَحْدِي", "مَعَ أَخِي");
    });
    assert!(!rebuilt.full);
    assert!(index(&changed, "ar"), "{changed:?}");
    assert!(
        rebuilt
            .rendered
            .contains(&Job::Search { lang: "ar".into() }),
        "{:?}",
        rebuilt.rendered
    );
    let rel = "content/stories/the-border/index.md";
    let (_, changed) = p.save(&[rel], |site| {
        site.edit(rel, "about a crossing", "about a crossing by boat");
    });
    assert!(index(&changed, "en"), "{changed:?}");
    // The body of a story is not searched: its search index is left as it was.
    let (rebuilt, _) = p.save(&[rel], |site| {
        site.edit(
            rel,
            "An introduction by the editors.",
            "An introduction, rewritten.",
        );
    });
    assert!(
        !rebuilt
            .rendered
            .iter()
            .any(|job| matches!(job, Job::Search { .. })),
        "{:?}",
        rebuilt.rendered
    );
}

#[test]
fn a_video_moved_to_youtube_gives_its_pages_their_own_policy_in_headers() {
    let mut p = Previewed::new("policy");
    let rel = "content/stories/plain/index.md";
    let video = "content/stories/plain/video.webm";
    let (rebuilt, changed) = p.save(&[rel, video], |site| {
        site.edit(rel, "  file: video.webm", "  youtube: zYx-21_DcBa");
        site.remove(video);
    });
    assert!(!rebuilt.full);
    assert!(changed.contains(&"_headers".to_string()), "{changed:?}");
    let headers = fs::read_to_string(p.served().join("_headers")).unwrap();
    assert!(headers.contains("\n/en/stories/plain/\n"), "{headers}");
    for lang in ["en", "ar"] {
        assert!(changed.contains(&story_page(lang, "plain")), "{changed:?}");
    }
    // The other stories' pages keep their policy and are not written again.
    assert!(!changed.contains(&story_page("en", "gated")), "{changed:?}");
}

#[test]
fn deleting_a_page_linked_by_hand_reports_the_broken_link_as_a_clean_build_does() {
    let mut p = Previewed::new("relative");
    let linking = "content/stories/example-one/index.md";
    let gone = "content/stories/example-two";
    p.site.remove(gone);
    let problems = p
        .preview
        .rebuild(&[p.site.path(gone)])
        .expect_err("a hand-written link to a deleted story is an error");
    let preview = problems.render(false);
    let mut options = BuildOptions::new(p.site.root());
    options.out = Some(p.out.path().join("clean"));
    options.base_url = Some(BASE_URL.into());
    let clean = build(&options)
        .expect_err("a clean build reports it too")
        .render(false);
    let broken = format!("{linking}:");
    for report in [&preview, &clean] {
        assert!(
            report.contains(&broken)
                && report.contains("the link `../example-two/` leads to no page"),
            "{report}"
        );
    }
    // Once the story is back, the rebuild succeeds and equals a clean build.
    common::copy_dir(
        &common::repo().join("tests/fixtures/relative/content/stories/example-two"),
        &p.site.path(gone),
    );
    p.preview
        .rebuild(&[p.site.path(gone)])
        .unwrap_or_else(|problems| panic!("{}", problems.render(false)));
    assert_eq!(p.tree(), p.clean_build());
    assert!(p.served().join(story_page("en", "example-two")).is_file());
}

/// A PNG of 600×300 pixels of one shade.
fn png(shade: u8) -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(600, 300, image::Rgb([shade, 90, 40]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("a PNG");
    bytes.into_inner()
}

#[test]
fn a_picture_added_to_a_page_then_saved_again_redoes_the_page_as_a_clean_build_does() {
    let mut p = Previewed::new("basic");
    let page = "content/about.md";
    let picture = "content/about/plan.png";
    let (_, changed) = p.save(&[page, picture], |site| {
        site.write(picture, png(10));
        site.edit(
            page,
            "# What this is",
            "# What this is\n\n![A plan, made up for the test](about/plan.png)",
        );
    });
    let pictures = |changed: &[String]| -> Vec<String> {
        changed
            .iter()
            .filter(|p| p.starts_with("images/"))
            .cloned()
            .collect()
    };
    // 600 px wide: published at 480 and 600.
    assert_eq!(pictures(&changed).len(), 2, "{changed:?}");
    assert!(
        changed.contains(&"en/about/index.html".to_string()),
        "{changed:?}"
    );
    assert_eq!(p.preview.pictures_encoded(), 1);

    // Saved again with other pixels: new files, the old ones removed, the page redone.
    let (rebuilt, changed) = p.save(&[picture], |site| {
        site.write(picture, png(200));
    });
    assert_eq!(pictures(&changed).len(), 4, "{changed:?}");
    assert_eq!(rebuilt.removed.len(), 2, "{:?}", rebuilt.removed);
    assert!(
        changed.contains(&"en/about/index.html".to_string()),
        "{changed:?}"
    );
    assert_eq!(p.preview.pictures_encoded(), 2);

    // The page's words changed, not its picture: nothing is encoded or written of it.
    let (_, changed) = p.save(&[page], |site| {
        site.edit(page, "A page that exists", "A page that still exists");
    });
    assert!(pictures(&changed).is_empty(), "{changed:?}");
    assert_eq!(p.preview.pictures_encoded(), 2);

    // The picture taken out of the text: its files go.
    let (rebuilt, _) = p.save(&[page], |site| {
        site.edit(page, "![A plan, made up for the test](about/plan.png)", "");
    });
    assert_eq!(rebuilt.removed.len(), 2, "{:?}", rebuilt.removed);
}
