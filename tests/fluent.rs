//! Mistakes inside Fluent messages that the parser accepts (a variable the pages never pass, a
//! message or term that does not exist, a loop) fail the build at the `.ftl` file, line and
//! column of the reference, and `testimony i18n status` lists them at the same place.
//!
//! Each test edits the temporary site's copy of the shipped `locales/fr/main.ftl` (or
//! `locales/en/main.ftl` for the default language) and finds the expected position with
//! `edit_at`, so that no test depends on the line numbers of the shipped files.

mod common;

use common::{Site, assert_reported, blocks, edit_at, error_count, fails_and_keeps_output};
use serde_json::Value;

const FR: &str = "locales/fr/main.ftl";
const EN: &str = "locales/en/main.ftl";

/// Breaks the site with one edit of a `.ftl` file and checks that the build fails without
/// touching `public/`; returns the failed run and where the edit's `needle` is.
fn fails_with_edit(
    site: &Site,
    file: &str,
    from: &str,
    to: &str,
    needle: &str,
) -> (common::Run, (usize, usize)) {
    let mut at = (0, 0);
    let run = fails_and_keeps_output(site, |site| at = edit_at(site, file, from, to, needle));
    (run, at)
}

/// The position of what is inside `{ … }`, from the position of its `{`.
fn inside((line, column): (usize, usize)) -> (usize, usize) {
    (line, column + 2)
}

/// One language's part of `i18n status --format json`.
fn status_of(site: &Site, code: &str) -> Value {
    let run = site.run(&["i18n", "status", "--format", "json"]);
    assert!(run.success, "i18n status failed:\n{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("i18n status is not JSON ({e}):\n{}", run.stdout));
    report["languages"]
        .as_array()
        .expect("`languages` is a list")
        .iter()
        .find(|l| l["code"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("no language `{code}` in:\n{report:#}"))
}

/// Asserts that `i18n status`, as text and as JSON, lists exactly one broken message of
/// `code`: `key` at `path:line:col`, with `message` and `help`.
fn status_lists(
    site: &Site,
    code: &str,
    key: &str,
    (path, (line, column)): (&str, (usize, usize)),
    message: &str,
    help: &str,
) {
    let location = format!("{path}:{line}:{column}");
    let broken = status_of(site, code)["broken_messages"].clone();
    assert_eq!(
        broken,
        serde_json::json!([{
            "key": key,
            "location": location,
            "message": message,
            "help": help,
        }]),
        "the JSON report of `{code}`"
    );

    let run = site.run(&["i18n", "status"]);
    assert!(run.success, "i18n status failed:\n{}", run.stderr);
    let line = format!("    {location}: {message}\n      help: {help}\n");
    assert!(
        run.stdout.contains(&line),
        "the text report does not list {line:?}:\n{}",
        run.stdout
    );
    let strict = site.run(&["i18n", "status", "--strict"]);
    assert!(!strict.success, "a broken message passed --strict");
}

#[test]
fn an_unknown_variable_in_a_translation_fails_at_the_variable() {
    let site = Site::fixture("basic");
    let (run, at) = fails_with_edit(
        &site,
        FR,
        "*[other] { $count } histoires",
        "*[other] { $cuont } histoires",
        "$cuont",
    );
    let message = "the message `story-count` uses `$cuont`, which the pages never pass";
    assert_reported(
        &run,
        FR,
        at,
        &[message, "the variables it may use are `$count`"],
    );
    assert_eq!(error_count(&run), 1, "{}", run.stderr);
    let en = common::position(&site.read(EN), "story-count =", 0);
    let help = format!(
        "the variables it may use are `$count` (the en message is at {EN}:{}:1)",
        en.0
    );
    status_lists(&site, "fr", "story-count", (FR, at), message, &help);
}

#[test]
fn an_unknown_message_in_a_translation_suggests_the_closest() {
    let site = Site::fixture("basic");
    let (run, at) = fails_with_edit(
        &site,
        FR,
        "nav-about = À propos",
        "nav-about = { nav-hom } À propos",
        "{ nav-hom }",
    );
    let at = inside(at);
    let message = "`nav-hom` is not a message in locales/fr/";
    assert_reported(&run, FR, at, &[message, "did you mean `nav-home`?"]);
    status_lists(
        &site,
        "fr",
        "nav-about",
        (FR, at),
        message,
        "did you mean `nav-home`?",
    );
}

#[test]
fn an_unknown_term_in_a_translation_says_how_to_define_it() {
    let site = Site::fixture("basic");
    let (run, at) = fails_with_edit(
        &site,
        FR,
        "nav-about = À propos",
        "nav-about = À propos de { -brand }",
        "-brand",
    );
    let message = "`-brand` is not a term in locales/fr/";
    let help = "define it with a line `-brand = …` in a file of locales/fr/, or correct the name";
    assert_reported(&run, FR, at, &[message, help]);
    status_lists(&site, "fr", "nav-about", (FR, at), message, help);
}

#[test]
fn an_unknown_variable_in_the_default_language_fails_at_the_variable() {
    let site = Site::fixture("basic");
    let (run, at) = fails_with_edit(
        &site,
        EN,
        "stories-from-intro = Stories of people who came from { $country }.",
        "stories-from-intro = Stories of people who came from { $contry }.",
        "$contry",
    );
    let message = "the message `stories-from-intro` uses `$contry`, which the pages never pass";
    let help = "the variables it may use are `$country`";
    assert_reported(&run, EN, at, &[message, help]);
    status_lists(&site, "en", "stories-from-intro", (EN, at), message, help);
}

#[test]
fn an_unknown_message_in_the_default_language_fails_at_the_reference() {
    let site = Site::fixture("basic");
    let (run, at) = fails_with_edit(
        &site,
        EN,
        "nav-about = About",
        "nav-about = About { site-tilte }",
        "site-tilte",
    );
    let message = "`site-tilte` is not a message in locales/en/";
    assert_reported(&run, EN, at, &[message, "did you mean `site-title`?"]);
    status_lists(
        &site,
        "en",
        "nav-about",
        (EN, at),
        message,
        "did you mean `site-title`?",
    );
}

#[test]
fn a_loop_of_references_fails_at_the_reference_that_closes_it() {
    let site = Site::fixture("basic");
    let (run, at) = fails_with_edit(
        &site,
        FR,
        "nav-about = À propos",
        "nav-about = { about-text }\nabout-text = { nav-about }",
        "{ about-text }",
    );
    assert_reported(
        &run,
        FR,
        inside(at),
        &[
            "this reference closes a loop: `nav-about` → `about-text` → `nav-about`",
            "remove one of these references",
        ],
    );
}

#[test]
fn every_mistake_of_every_file_is_reported_at_once_sorted() {
    let site = Site::fixture("basic");
    let mut places = Vec::new();
    let run = fails_and_keeps_output(&site, |site| {
        places.push((FR, edit_at(site, FR, "= Accueil", "= { $page }", "$page")));
        places.push((
            FR,
            edit_at(
                site,
                FR,
                "nav-about = À propos",
                "nav-about = { -brand }",
                "-brand",
            ),
        ));
        places.push((
            EN,
            inside(edit_at(site, EN, "= Home", "= { nav-hom }", "{ nav-hom }")),
        ));
    });
    assert_eq!(error_count(&run), 3, "{}", run.stderr);
    let expected = [(EN, places[2].1), (FR, places[0].1), (FR, places[1].1)];
    let reported: Vec<String> = blocks(&run)
        .into_iter()
        .filter(|b| b.starts_with("error"))
        .filter_map(|b| b.split("┌─ ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = expected
        .iter()
        .map(|(path, (line, column))| format!("{path}:{line}:{column}"))
        .collect();
    assert_eq!(reported, expected, "{}", run.stderr);

    // `check` finds the same, without writing anything.
    let check = site.run(&["check", "--format", "json"]);
    assert!(!check.success, "check passed:\n{}", check.stdout);
    let problems: Value = serde_json::from_str(&check.stdout).expect("check prints JSON");
    let located: Vec<String> = problems
        .as_array()
        .expect("a list")
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| {
            let l = &p["location"];
            format!(
                "{}:{}:{}",
                l["path"].as_str().unwrap_or(""),
                l["line"],
                l["column"]
            )
        })
        .collect();
    assert_eq!(located, expected);
}

#[test]
fn a_correct_locale_with_terms_and_references_builds_with_no_new_warning() {
    let site = Site::fixture("basic");
    let before = site.build_ok();
    // Terms, parameters, attributes, a message naming another, and the variables the
    // templates pass.
    site.edit(
        FR,
        "nav-about = À propos",
        "-site = { $case ->\n    [de] du site\n   *[plain] le site\n}\n\
         about-word = À propos\n    .short = Infos\n\
         nav-about = { about-word } { -site(case: \"de\") } ({ about-word.short })",
    );
    let after = site.build_ok();
    let warnings = |stderr: &str| -> Vec<String> {
        stderr
            .split("\n\n")
            .map(str::trim)
            .filter(|b| b.starts_with("warning"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(warnings(&after.stderr), warnings(&before.stderr));
    let page = site.html("fr/index.html");
    let about: Vec<String> = page
        .select(".site-nav a")
        .into_iter()
        .map(common::text_of)
        .collect();
    assert!(
        about.iter().any(|a| a == "À propos du site (Infos)"),
        "{about:?}"
    );
    let fr = status_of(&site, "fr");
    assert_eq!(fr["broken_messages"], serde_json::json!([]));
}
