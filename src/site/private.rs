//! The forbidden terms rule of a story: what its `private:` block says must never be published
//! (each `forbidden:` term, and the `real_name:`) appears in none of the story's texts, in any
//! language: `index.md` and its translations (front matter and Markdown, the `private:` block
//! left out), its caption files (the transcript and the caption track are made from them),
//! and its folder's name (its address). How a term is matched is in [`crate::forbidden`].
//!
//! A message names the file, line and column where a term was found, and the term only by
//! where it is listed (`item 2 of private: forbidden:, line 24 of index.md`): never its text,
//! nor the line it was found on, which holds it. The text is searched as written, markup and
//! comments included, so that every place can be pointed at; a term in an HTML comment or a
//! caption file's `NOTE`, which are not published, is reported all the same, as the files are
//! shared with translators: the place for such a note is `private:`.

use crate::diagnostic::{Diagnostic, SourceText, display_path};
use crate::forbidden::Terms;
use crate::frontmatter::yaml::Step;
use crate::model::Private;

use super::CaptionTrack;
use super::doc::Doc;
use super::parse::Parsed;
use super::story::StoryContext;

/// The story's forbidden terms, normalised, each with where it is listed; a problem at each
/// term that has no letter or digit (it would match nothing).
pub(super) fn terms(doc: &Doc, private: &Private, problems: &mut Vec<Diagnostic>) -> Terms {
    let mut terms = Terms::default();
    let listed = |path: &[Step]| doc.file.source.location(doc.span(path).start);
    if let Some(name) = &private.real_name {
        let path = [Step::Key("private"), Step::Key("real_name")];
        // An empty or placeholder name (`real_name: "-"`) forbids nothing.
        terms.push(name, "`private: real_name:`", Some(listed(&path)));
    }
    for (i, term) in private.forbidden.iter().enumerate() {
        let path = [Step::Key("private"), Step::Key("forbidden"), Step::Index(i)];
        let label = format!("item {} of `private: forbidden:`", i + 1);
        if !terms.push(term, label, Some(listed(&path))) {
            // In the private block: the message is printed without the line.
            problems.push(
                doc.error(
                    &path,
                    "this forbidden term has no letter or digit, so it would match nothing",
                )
                .with_help("write the name or place as it is spelt, or remove the item"),
            );
        }
    }
    terms
}

/// The rule: no term appears in the story's texts. `translations` are the story's translation
/// files, `captions` its caption tracks, whose texts `content` read into the story's folder.
pub(super) fn appear_nowhere(
    cx: &StoryContext,
    terms: &Terms,
    translations: &[Parsed],
    captions: &[CaptionTrack],
    problems: &mut Vec<Diagnostic>,
) {
    if terms.is_empty() {
        return;
    }
    let index = &cx.doc.file.source;
    let listed_in = display_path(&index.path);
    let mut check = |source: &SourceText| {
        problems.extend(found_in(source, terms, &listed_in));
    };
    check(index);
    for t in translations {
        check(&t.file.source);
    }
    for track in captions {
        let name = track.path.file_name().map(|n| n.to_string_lossy());
        if let Some(Ok(source)) = name.and_then(|n| cx.folder.texts.get(n.as_ref())) {
            check(source);
        }
    }
    for found in terms.find_in(cx.slug) {
        let label = terms.get(found.term).map_or("", |t| t.label.as_str());
        problems.push(
            Diagnostic::error(format!(
                "the story's folder name, which is its address on the site, holds a term its `private:` block forbids ({label})"
            ))
            .with_help("rename the story's folder: its name is published in every address of the story, so it should say nothing about the narrator")
            .in_file(index.path.clone()),
        );
    }
}

/// A problem at every place of `source` where a term appears, outside its `private:` block.
fn found_in(source: &SourceText, terms: &Terms, listed_in: &str) -> Vec<Diagnostic> {
    terms
        .find_in(&source.text)
        .into_iter()
        .filter(|found| !source.is_private(&found.at))
        .filter_map(|found| {
            let term = terms.get(found.term)?;
            let listed = term
                .listed
                .as_ref()
                .map(|l| format!(", listed on line {} of {listed_in}", l.line))
                .unwrap_or_default();
            // `at_location`, not `at`: the report must not print the line, which holds the term.
            Some(
                Diagnostic::error(format!(
                    "a term this story's `private:` block forbids appears here ({}{listed})",
                    term.label
                ))
                .with_help("rewrite this passage without it: it must never be published, in any language (it is matched whatever the case, accents, Arabic diacritics or alef forms). If the term in `private:` is wrong, correct it there")
                .at_location(source.location(found.at.start)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::testing::{index_md, story};

    fn private_terms(private: &str) -> (Terms, Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(private));
        let mut problems = Vec::new();
        let terms = terms(&written.doc(), &meta.private, &mut problems);
        (terms, problems)
    }

    #[test]
    fn the_real_name_and_each_forbidden_term_are_forbidden_with_where_they_are_listed() {
        let (terms, problems) = private_terms(
            "private:\n  notes: free text, [and more]\n  real_name: Ahmad Example\n  forbidden: [Exampletown, \"أحمد\"]\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let labels: Vec<(&str, usize)> = (0..3)
            .filter_map(|i| terms.get(i))
            .map(|t| (t.label.as_str(), t.listed.as_ref().unwrap().line))
            .collect();
        assert_eq!(
            labels,
            [
                ("`private: real_name:`", labels[0].1),
                ("item 1 of `private: forbidden:`", labels[0].1 + 1),
                ("item 2 of `private: forbidden:`", labels[0].1 + 1),
            ]
        );
        assert_eq!(terms.find_in("from EXAMPLETOWN, ahmad example").len(), 2);
    }

    #[test]
    fn a_term_without_letters_is_reported_at_its_item() {
        let (terms, problems) = private_terms("private:\n  forbidden: [\"--\", Town]\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("no letter or digit"));
        assert_eq!(terms.find_in("town").len(), 1);
    }

    #[test]
    fn a_found_term_is_reported_at_its_place_without_its_text() {
        let (terms, _) = private_terms("private:\n  forbidden: [Exampletown]\n");
        let source = SourceText::new(
            "content/stories/x/captions.en.vtt",
            "WEBVTT\n\n00:00.000 --> 00:01.000\nI grew up in exampleTown.\n",
        );
        let found = found_in(&source, &terms, "content/stories/x/index.md");
        assert_eq!(found.len(), 1);
        let location = found[0].location.as_ref().unwrap();
        assert_eq!((location.line, location.column), (4, 14));
        let shown = format!("{}", found[0]);
        assert!(!shown.to_lowercase().contains("exampletown"), "{shown}");
        assert!(shown.contains("item 1 of `private: forbidden:`"), "{shown}");
        let report = crate::diagnostic::Diagnostics::from_iter(found).render(false);
        assert!(!report.to_lowercase().contains("exampletown"), "{report}");
    }
}
