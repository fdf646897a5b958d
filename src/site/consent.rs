//! What may leave the sources, as the editors' data says: a story's consent (the languages it
//! is built in, its dates) and the embargo of any page (`publish_after`). Each rule is a small
//! function, tested with strings; leaving a page out is done where drafts are left out
//! (`build_kept`, `Meta::standing`), so that every output that skips a draft skips these too.
//!
//! Consent languages apply to drafts too (when their consent is written): a preview with
//! drafts shows what publishing would show, and a language the narrator refused is not worth
//! previewing. A draft without a consent block yet is previewed in every language; publishing
//! it without one is an error.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, closest};
use crate::frontmatter::yaml::Step;
use crate::model::{ConsentMeta, Status};

use super::doc::Doc;

/// The embargo rule: `publish_after`, when given, is a date. (Whether the page is out is
/// decided by `Meta::standing`, which keeps a page whose date cannot be read out.)
pub(super) fn publish_after(doc: &Doc, text: Option<&str>, problems: &mut Vec<Diagnostic>) {
    if let Some(text) = text
        && Date::parse(text).is_none()
    {
        problems.push(
            doc.error(&[Step::Key("publish_after")], format!("`{text}` is not a date"))
                .with_help("write the first day the page may be published as YYYY-MM-DD, e.g. 2027-01-01; until a date is readable, the page is kept out of the site"),
        );
    }
}

/// The consent rule: a published story records its consent; its languages are site
/// languages; `given` and `review` are dates, and a review date before the build date is a
/// warning. Returns the languages the story may be built in (`None`: no consent written, so a
/// draft previewed in every language).
pub(super) fn consent(
    doc: &Doc,
    consent: Option<&ConsentMeta>,
    status: Status,
    config: &Config,
    problems: &mut Vec<Diagnostic>,
) -> Option<BTreeSet<String>> {
    let Some(consent) = consent else {
        if status == Status::Published {
            problems.push(
                doc.error(&[Step::Key("status")], "a published story must record the narrator's consent")
                    .with_help("add a `consent:` block with the `languages` the narrator agreed to, the `platforms` it is published on, and the dates it was `given` and must be reviewed (`review`), as docs/content-format.md shows; or set `status: draft`"),
            );
        }
        return None;
    };
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut languages = BTreeSet::new();
    for (i, lang) in consent.languages.iter().enumerate() {
        let code = lang.trim();
        if codes.contains(&code) {
            languages.insert(code.to_string());
            continue;
        }
        let help = match closest(code, codes.iter().copied()) {
            Some(s) => format!(
                "did you mean `{s}`? The site's languages are: {}",
                codes.join(", ")
            ),
            None => format!("the site's languages are: {}", codes.join(", ")),
        };
        problems.push(
            doc.error(
                &[Step::Key("consent"), Step::Key("languages"), Step::Index(i)],
                format!("`{code}` is not one of the site's languages"),
            )
            .with_help(help),
        );
    }
    if consent.languages.is_empty() {
        problems.push(
            doc.error(&[Step::Key("consent"), Step::Key("languages")], "consent names no language")
                .with_help("list the languages the narrator agreed to, e.g. `languages: [en, ar]`; a story the narrator no longer agrees to publish is `status: withdrawn`"),
        );
    }
    let date = |key: &'static str, text: &str, problems: &mut Vec<Diagnostic>| {
        let date = Date::parse(text);
        if date.is_none() {
            problems.push(
                doc.error(
                    &[Step::Key("consent"), Step::Key(key)],
                    format!("`{text}` is not a date"),
                )
                .with_help("write the date as YYYY-MM-DD, e.g. 2015-10-12"),
            );
        }
        date
    };
    date("given", &consent.given, problems);
    if let Some(review) = date("review", &consent.review, problems)
        && review < config.today
    {
        problems.push(
            Diagnostic::warning(format!(
                "the narrator's consent was due for review on {review} (the build date is {})",
                config.today
            ))
            .with_help("ask the narrator again, then set `review` to the next date; if consent is not renewed, run `testimony withdraw` with this story's slug")
            .at(&doc.file.source, doc.span(&[Step::Key("consent"), Step::Key("review")])),
        );
    }
    for (i, platform) in consent.platforms.iter().enumerate() {
        if let Some(url) = &platform.url
            && crate::config::parse_base_url(url).is_err()
        {
            problems.push(
                doc.error(
                    &[Step::Key("consent"), Step::Key("platforms"), Step::Index(i), Step::Key("url")],
                    "this is not a web address",
                )
                .with_help("write the full address of the copy, starting with https://, so that it can be found and taken down if the story is withdrawn"),
            );
        }
    }
    Some(languages)
}

/// The warning for a file in a language the story's consent does not cover: it exists, and it
/// is not published. Named by its path only: nothing of its text is printed.
pub(super) fn outside_consent(path: &std::path::Path, lang: &str) -> Diagnostic {
    Diagnostic::warning(format!(
        "this file is in `{lang}`, a language the narrator's consent does not cover, so it is not published"
    ))
    .with_help("add the language to `consent: languages:` in index.md only if the narrator agreed to it; otherwise move the file out of content/")
    .in_file(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::testing::{config, index_md, only, said, story};

    fn run(fields: &str, today: &str) -> (Option<BTreeSet<String>>, Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(fields));
        let mut config = config("");
        config.today = Date::parse(today).unwrap();
        let mut problems = Vec::new();
        let found = consent(
            &written.doc(),
            meta.consent.as_ref(),
            meta.status,
            &config,
            &mut problems,
        );
        (found, problems)
    }

    const GOOD: &str = "consent:\n  languages: [en, ar]\n  platforms: [{ name: website }, { name: youtube, url: \"https://video.example/x\" }]\n  given: 2015-10-12\n  review: 2030-10-12\n";

    #[test]
    fn consent_gives_the_languages_a_story_is_built_in() {
        let (found, problems) = run(GOOD, "2026-01-01");
        assert!(problems.is_empty(), "{problems:?}");
        let found: Vec<String> = found.unwrap().into_iter().collect();
        assert_eq!(found, ["ar", "en"]);
    }

    #[test]
    fn a_published_story_without_consent_is_an_error_at_its_status() {
        let (found, problems) = run("", "2026-01-01");
        assert_eq!(found, None);
        let (message, _, path, line, column) = said(only(&problems));
        assert_eq!(
            message,
            "a published story must record the narrator's consent"
        );
        assert_eq!(
            (path.as_str(), line, column),
            ("content/stories/x/index.md", 7, 9)
        );
        // A draft may be written before consent is.
        let (_, problems) = run("status: draft", "2026-01-01");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_language_outside_the_site_is_an_error_with_a_suggestion() {
        let (found, problems) = run(&GOOD.replace("[en, ar]", "[en, arr]"), "2026-01-01");
        let (message, help, _, line, column) = said(only(&problems));
        assert_eq!(message, "`arr` is not one of the site's languages");
        assert!(help.starts_with("did you mean `ar`?"), "{help}");
        assert_eq!((line, column), (9, 19));
        assert_eq!(found.unwrap().into_iter().collect::<Vec<_>>(), ["en"]);
    }

    #[test]
    fn a_review_date_before_the_build_date_is_a_warning_at_it() {
        let (_, problems) = run(GOOD, "2030-10-13");
        let problem = only(&problems);
        assert_eq!(problem.severity, crate::diagnostic::Severity::Warning);
        let (message, _, _, line, column) = said(problem);
        assert_eq!(
            message,
            "the narrator's consent was due for review on 2030-10-12 (the build date is 2030-10-13)"
        );
        assert_eq!((line, column), (12, 11));
        // On the review date itself, nothing yet.
        assert!(run(GOOD, "2030-10-12").1.is_empty());
    }

    #[test]
    fn dates_and_addresses_that_cannot_be_read_are_errors_at_them() {
        let bad = GOOD
            .replace("2015-10-12", "12/10/2015")
            .replace("https://video.example/x", "video.example");
        let (_, problems) = run(&bad, "2026-01-01");
        let messages: Vec<String> = problems.iter().map(|p| said(p).0).collect();
        assert_eq!(
            messages,
            ["`12/10/2015` is not a date", "this is not a web address"]
        );
    }

    #[test]
    fn an_embargo_date_that_cannot_be_read_is_an_error_at_it() {
        let (written, _) = story(&index_md("publish_after: next spring"));
        let mut problems = Vec::new();
        publish_after(&written.doc(), Some("next spring"), &mut problems);
        let (message, _, _, line, column) = said(only(&problems));
        assert_eq!(message, "`next spring` is not a date");
        assert_eq!((line, column), (8, 16));
        let mut problems = Vec::new();
        publish_after(&written.doc(), Some("2027-01-01"), &mut problems);
        assert!(problems.is_empty());
    }
}
