//! Unit tests of the page builders, on the `basic` fixture site loaded once into memory (with
//! the shipped templates and interface strings): the typed contexts, the jobs, and what a job
//! reports as missing. No test writes a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::*;
use crate::config::{Config, MissingTranslation};

struct Fixture {
    site: Site,
    templates: Templates,
    locales: Arc<Locales>,
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/basic`, assembled, with the repository's templates and strings.
fn basic() -> &'static Fixture {
    static BASIC: OnceLock<Fixture> = OnceLock::new();
    BASIC.get_or_init(|| {
        let root = repo().join("tests/fixtures/basic");
        let config = Config::load(&root).expect("the fixture's site.yaml");
        let templates =
            Templates::load(repo(), &config.site_theme, config.minify).expect("the templates");
        let (locales, _) = Locales::load(repo(), &config);
        let (content, _) = crate::content::load(&root, &config);
        let (site, problems) = crate::site::assemble(config, content);
        let site = site.unwrap_or_else(|| panic!("the fixture assembles: {problems:?}"));
        Fixture {
            site,
            templates,
            locales: Arc::new(locales),
        }
    })
}

fn renderer<'a>(site: &'a Site, fixture: &'a Fixture) -> Renderer<'a> {
    Renderer::new(site, &fixture.templates, &fixture.locales, &BTreeMap::new())
}

/// The typed context of a job's page.
fn context_of<'a>(renderer: &'a Renderer<'a>, job: &Job) -> Option<Context<'a>> {
    let view = renderer.view_of(job)?;
    pages::context(&Scope::new(renderer, view), job)
}

fn story_job(lang: &str, slug: &str) -> Job {
    Job::Story {
        lang: lang.into(),
        slug: slug.into(),
    }
}

fn the_story(context: Context) -> StoryContext {
    match context.data {
        PageData::Story { story } => *story,
        other => panic!("not a story page: {other:?}"),
    }
}

/// The top-level names a template can read on a page.
fn keys(context: &Context) -> Vec<String> {
    let value = serde_json::to_value(context).expect("serializes");
    let map = value.as_object().expect("an object");
    map.keys().cloned().collect()
}

#[test]
fn jobs_list_each_page_once_in_a_fixed_order() {
    let site = &basic().site;
    let jobs = jobs(site);
    let unique: BTreeSet<&Job> = jobs.iter().collect();
    assert_eq!(unique.len(), jobs.len(), "a job twice in {jobs:#?}");
    let origins: BTreeSet<&str> = site.stories.iter().map(|s| s.origin.as_str()).collect();
    // Home, stories, themes, statements, the search page (with the `search` feature), the
    // 404 page, the feed and the open data, besides the items.
    let search = usize::from(cfg!(feature = "search"));
    let per_language =
        7 + search + site.pages.len() + origins.len() + site.stories.len() + site.themes.len();
    assert_eq!(jobs.len(), 3 * per_language + 7);
    assert_eq!(jobs[0], Job::Home { lang: "en".into() });
    assert_eq!(
        jobs[jobs.len() - 7..],
        [
            Job::Root,
            Job::Sitemap,
            Job::NotFoundRoot,
            Job::Robots,
            Job::Headers,
            Job::Data { lang: None },
            Job::DataSchema,
        ]
    );
    assert!(jobs.contains(&Job::NotFound { lang: "ar".into() }));
    assert!(jobs.contains(&story_job("ar", "story-one")));
    // The draft is withheld from the site, so it has no job.
    assert!(!jobs.contains(&story_job("en", "draft-story")));
    let templates: BTreeSet<_> = jobs.iter().filter_map(Job::template).collect();
    assert_eq!(templates.len(), 9 + search, "{templates:?}");
    assert_eq!(Job::Sitemap.template(), None);
    assert_eq!(Job::Robots.template(), None);
    // Each language's feed closes its language's jobs; no template makes it.
    let feed = Job::Feed { lang: "ar".into() };
    assert!(jobs.contains(&feed));
    assert_eq!((feed.template(), feed.lang()), (None, Some("ar")));
    let data = Job::Data {
        lang: Some("ar".into()),
    };
    assert!(jobs.contains(&data));
    assert_eq!((data.template(), data.lang()), (None, Some("ar")));
    assert_eq!(Job::DataSchema.template(), None);
}

#[test]
fn each_page_kind_has_only_its_own_values() {
    let fixture = basic();
    let renderer = renderer(&fixture.site, fixture);
    let lang = || "en".to_string();
    let cases = [
        (Job::Home { lang: lang() }, "body_html page stories themes"),
        (
            Job::Page {
                lang: lang(),
                path: "about".into(),
            },
            "body_html page",
        ),
        (
            Job::Stories {
                lang: lang(),
                page: 1,
            },
            "countries page stories themes",
        ),
        (
            Job::StoriesFrom {
                lang: lang(),
                country: "SY".into(),
                page: 1,
            },
            "countries country page stories",
        ),
        (story_job("en", "story-one"), "page story"),
        (Job::Themes { lang: lang() }, "page themes"),
        (
            Job::Theme {
                lang: lang(),
                id: "defection".into(),
                page: 1,
            },
            "page theme themes",
        ),
        (Job::Statements { lang: lang() }, "page statements"),
        (Job::Search { lang: lang() }, "bundle_url page script_url"),
        (Job::Root, "page"),
    ];
    for (job, own) in cases {
        let context = context_of(&renderer, &job).expect("the page exists");
        let mut expected: Vec<&str> = own.split(' ').chain(["lang", "site"]).collect();
        expected.sort();
        assert_eq!(keys(&context), expected, "{job:?}");
    }
}

#[test]
fn an_empty_list_is_left_out_not_empty() {
    let fixture = basic();
    let mut site = fixture.site.clone();
    site.stories
        .iter_mut()
        .for_each(|s| std::sync::Arc::make_mut(s).texts.source.statement = None);
    for story in &mut site.stories {
        std::sync::Arc::make_mut(story)
            .texts
            .translations
            .values_mut()
            .for_each(|t| t.text.statement = None);
    }
    let renderer = renderer(&site, fixture);
    let context = context_of(&renderer, &Job::Statements { lang: "en".into() });
    assert_eq!(keys(&context.expect("made")), ["lang", "page", "site"]);
}

#[test]
fn a_story_selects_the_captions_of_the_page_language_else_the_default() {
    let fixture = basic();
    let renderer = renderer(&fixture.site, fixture);
    let story = |lang: &str| {
        the_story(context_of(&renderer, &story_job(lang, "story-one")).expect("shown"))
    };
    let defaults = |story: &StoryContext| -> Vec<(String, bool)> {
        let tracks = story.tracks.iter();
        tracks.map(|t| (t.lang.code.clone(), t.default)).collect()
    };
    let ar = story("ar");
    assert_eq!(defaults(&ar), [("ar".into(), true), ("en".into(), false)]);
    let transcript = ar.transcript.expect("captioned");
    assert_eq!(
        (transcript.lang.code.as_str(), transcript.is_fallback),
        ("ar", false)
    );
    // No French captions: the default language's are selected, and the transcript says so.
    let fr = story("fr");
    assert_eq!(defaults(&fr), [("ar".into(), false), ("en".into(), true)]);
    let transcript = fr.transcript.expect("captioned");
    assert_eq!(
        (transcript.lang.code.as_str(), transcript.is_fallback),
        ("en", true)
    );
    assert_eq!(fr.video.kind, "file");
    assert!(
        fr.video
            .chapters_url
            .as_deref()
            .is_some_and(|u| u.ends_with("/fr/stories/story-one/chapters.vtt"))
    );
}

#[test]
fn a_fallback_page_says_which_language_its_text_is_in() {
    let fixture = basic();
    let renderer = renderer(&fixture.site, fixture);
    let page = |job: Job| context_of(&renderer, &job).expect("shown").page;
    let translated = page(story_job("ar", "story-one"));
    assert_eq!(
        (translated.text_lang.code.as_str(), translated.is_fallback),
        ("ar", false)
    );
    let fallback = page(story_job("ar", "story-two"));
    assert_eq!(
        (fallback.text_lang.code.as_str(), fallback.is_fallback),
        ("en", true)
    );
    assert_eq!(fallback.url, "/archive/ar/stories/story-two/");
    // Only the languages the story is written in are marked translated (for hreflang).
    let translated: Vec<(&str, bool)> = fallback
        .alternates
        .iter()
        .map(|a| (a.lang.code.as_str(), a.translated))
        .collect();
    assert_eq!(translated, [("en", true), ("ar", false), ("fr", false)]);
    let home = page(Job::Home { lang: "fr".into() });
    assert_eq!(
        (home.text_lang.code.as_str(), home.is_fallback),
        ("fr", false)
    );
}

#[test]
fn a_page_not_in_the_language_gives_no_files() {
    let fixture = basic();
    let mut site = fixture.site.clone();
    site.config.missing_translation = MissingTranslation::Skip;
    let renderer = renderer(&site, fixture);
    let skipped = renderer
        .render(&story_job("ar", "story-two"))
        .expect("renders");
    assert_eq!(skipped, Rendered::default());
    let unknown = renderer
        .render(&story_job("en", "no-such-story"))
        .expect("renders");
    assert_eq!(unknown, Rendered::default());
    let shown = renderer
        .render(&story_job("ar", "story-one"))
        .expect("renders");
    let paths: Vec<&str> = shown.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "ar/stories/story-one/index.html",
            "ar/stories/story-one/chapters.vtt"
        ]
    );
}

#[test]
fn theme_counts_count_the_stories_shown_in_each_language() {
    let fixture = basic();
    let mut site = fixture.site.clone();
    site.config.missing_translation = MissingTranslation::Skip;
    let renderer = renderer(&site, fixture);
    let counts = |lang: &str| -> Vec<(String, usize, usize)> {
        let context = context_of(&renderer, &Job::Themes { lang: lang.into() });
        let PageData::Themes { themes } = context.expect("made").data else {
            panic!("not the themes page")
        };
        themes
            .into_iter()
            .map(|t| (t.id, t.story_count, t.segment_count))
            .collect()
    };
    let row = |id: &str, stories, segments| (id.to_string(), stories, segments);
    // Both published stories speak to `defection`; the draft (of `women`) is not in the site.
    assert_eq!(
        counts("en"),
        [
            row("motivations", 1, 1),
            row("defection", 2, 2),
            row("women", 0, 0)
        ]
    );
    // In Arabic only story-one is shown, and only `motivations` is translated.
    assert_eq!(counts("ar"), [row("motivations", 1, 1)]);
}

#[test]
fn related_stories_share_the_most_themes_then_go_by_slug() {
    let fixture = basic();
    let mut site = fixture.site.clone();
    let model = site.stories[0].clone();
    let with = |slug: &str, themes: &[&str]| {
        let mut story = model.clone();
        let story = std::sync::Arc::make_mut(&mut story);
        story.slug = slug.into();
        story.themes = themes.iter().map(|t| t.to_string()).collect();
        std::sync::Arc::new(story.clone())
    };
    site.stories = vec![
        with("a", &["motivations", "defection"]),
        with("d-one", &["defection"]),
        with("c-one", &["defection"]),
        with("b-two", &["motivations", "defection", "women"]),
        with("e-none", &["women"]),
    ];
    let renderer = renderer(&site, fixture);
    let story = the_story(context_of(&renderer, &story_job("en", "a")).expect("shown"));
    let related: Vec<&str> = story.related.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(related, ["b-two", "c-one", "d-one"]);
}

#[test]
fn a_job_returns_the_strings_that_fell_back_in_its_language() {
    let fixture = basic();
    let read = |lang: &str| {
        let path = PathBuf::from(format!("locales/{lang}/main.ftl"));
        let text = std::fs::read_to_string(repo().join(&path)).expect("shipped strings");
        (lang.to_string(), path, text)
    };
    // French defines one string only: everything else the page shows falls back to English.
    let french = (
        "fr".into(),
        "locales/fr/main.ftl".into(),
        "nav-home = Accueil\n".into(),
    );
    let config = &fixture.site.config;
    let (locales, _) = Locales::parse(config, vec![read("en"), read("ar"), french]);
    let locales = Arc::new(locales);
    let renderer = Renderer::new(
        &fixture.site,
        &fixture.templates,
        &locales,
        &BTreeMap::new(),
    );
    let missing = renderer
        .render(&Job::Themes { lang: "fr".into() })
        .expect("renders")
        .missing;
    let keys: Vec<&str> = missing.iter().map(|(_, key)| key.as_str()).collect();
    assert!(missing.iter().all(|(lang, _)| lang == "fr"), "{missing:?}");
    // The site's title (formatted once for the language), the page's title (by the builder)
    // and a string of the template (by `t()`).
    for key in ["site-title", "themes-title", "nav-stories"] {
        assert!(keys.contains(&key), "{key} not in {keys:?}");
    }
    assert!(!keys.contains(&"nav-home"), "{keys:?}");
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "sorted, each once: {keys:?}"
    );
    let arabic = renderer
        .render(&Job::Themes { lang: "ar".into() })
        .expect("renders");
    assert!(
        arabic
            .missing
            .iter()
            .all(|(lang, key)| lang == "ar" && !locales.has("ar", key))
    );
    assert_eq!(renderer.render(&Job::Sitemap).expect("renders").missing, []);
}

/// The shipped templates are minified when loaded, so that no page of the shipped look goes
/// through the minifier on its own (see `output::minify::template`); a template written so
/// that it cannot be would make every build slower without failing anything else.
#[test]
fn the_shipped_templates_are_minified_when_loaded() {
    let templates = Templates::load(repo(), "default", true).expect("the templates");
    assert!(templates.pages_are_minified());
    assert!(basic().site.config.minify && !minify_pages(&basic().site, &templates));
    let plain = Templates::load(repo(), "default", false).expect("the templates");
    assert!(!plain.pages_are_minified());
}
