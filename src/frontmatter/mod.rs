//! Front matter: splitting a Markdown file into its YAML header and body, and reading YAML into
//! typed structs with errors that point into the file.
//!
//! The YAML is read by [`yaml`] into a tree that keeps the place of every key and value, and
//! the typed structs come from that tree through [`de`]: see docs/yaml.md for why this replaced
//! serde_yaml (which gave no place for nested values, kept the last of two repeated keys, and
//! stopped at the first unknown field).

pub mod de;
pub mod yaml;

use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, SourceText};

/// Where the parts of a Markdown file are, as byte ranges of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the two `---` lines.
    pub yaml: Range<usize>,
    /// Everything after the closing `---` line.
    pub body: Range<usize>,
}

/// Finds the front matter of a Markdown file.
pub fn split(source: &Arc<SourceText>) -> Result<Split, Diagnostic> {
    let text = &source.text;
    if text.trim().is_empty() {
        return Err(Diagnostic::error("the file is empty")
            .with_help(
                "start it with front matter between two `---` lines, e.g. `---\\ntitle: ...\\n---`",
            )
            .at(source, 0..0));
    }
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error("the file does not start with front matter")
            .with_help("the first line must be `---`, followed by the YAML fields and another `---` line")
            .at(source, 0..first_line_end.min(text.len()).saturating_sub(1)));
    }
    let mut offset = first_line_end;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "---" {
            return Ok(Split {
                yaml: first_line_end..offset,
                body: end..text.len(),
            });
        }
        offset = end;
    }
    Err(Diagnostic::error("the front matter is not closed")
        .with_help("add a line `---` after the last field, before the text of the page")
        .at(source, 0..3))
}

/// Reads the YAML in `range` of a source into `T`, and returns it with the tree it was read
/// from (every key and value with its byte range, for later messages). Every problem found is
/// returned: a syntax error alone, else each repeated key, tag, unknown field and the first
/// value of the wrong form.
pub fn read<T: DeserializeOwned>(
    source: &Arc<SourceText>,
    range: Range<usize>,
) -> Result<(T, yaml::Node), Vec<Diagnostic>> {
    let text = &source.text[range.clone()];
    let to_diagnostics = |problems: Vec<yaml::Problem>| -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|p| {
                Diagnostic::error(p.message)
                    .with_help(p.help)
                    .at(source, p.span)
            })
            .collect()
    };
    let root = yaml::parse(text, range.start).map_err(to_diagnostics)?;
    let value = de::read(&root).map_err(to_diagnostics)?;
    Ok((value, root))
}

/// Like [`read`], for callers that need only the value.
pub fn from_yaml<T: DeserializeOwned>(
    source: &Arc<SourceText>,
    range: Range<usize>,
) -> Result<T, Vec<Diagnostic>> {
    read(source, range).map(|(value, _)| value)
}

/// The range of `key` where it begins a mapping entry (`key:`) within `range`, if present.
pub fn find_key(source: &SourceText, range: Range<usize>, key: &str) -> Option<Range<usize>> {
    let text = &source.text[range.clone()];
    let mut from = 0;
    while let Some(i) = text[from..].find(key) {
        let start = from + i;
        let end = start + key.len();
        let before_ok = start == 0
            || text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || c == '{' || c == ',' || c == '-');
        let after_ok = text[end..]
            .trim_start_matches([' ', '"', '\''])
            .starts_with(':');
        if before_ok && after_ok {
            return Some(range.start + start..range.start + end);
        }
        from = end;
    }
    None
}

/// The range of the first occurrence of a value's text within `range` (after `key:` when a key
/// is given), to point a diagnostic at a value after deserialization; the start of `range` if
/// the value is not found.
pub fn find_value(source: &SourceText, range: Range<usize>, value: &str) -> Range<usize> {
    find_value_after(source, range.clone(), None, value)
}

/// Like `find_value`, but searching after the entry `key:`.
pub fn find_value_after(
    source: &SourceText,
    range: Range<usize>,
    key: Option<&str>,
    value: &str,
) -> Range<usize> {
    let from = key
        .and_then(|key| find_key(source, range.clone(), key))
        .map_or(range.start, |k| k.end);
    if value.is_empty() {
        return from..from;
    }
    // Prefer the value as a whole word: `motivation` is not the start of `motivations`.
    let text = &source.text[from..range.end];
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let whole = text.match_indices(value).map(|(i, _)| i).find(|&i| {
        let joined_before =
            value.starts_with(is_word) && text[..i].chars().next_back().is_some_and(is_word);
        let joined_after =
            value.ends_with(is_word) && text[i + value.len()..].chars().next().is_some_and(is_word);
        !joined_before && !joined_after
    });
    whole
        .or_else(|| text.find(value))
        .map(|i| from + i..from + i + value.len())
        .unwrap_or(from..from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Page {
        title: String,
        themes: Option<Vec<String>>,
    }

    fn parse(text: &str) -> Result<Page, Diagnostic> {
        let source = SourceText::new("content/a.md", text);
        let split = split(&source)?;
        from_yaml(&source, split.yaml).map_err(|mut found| found.remove(0))
    }

    #[test]
    fn splits_front_matter_from_body() {
        let source = SourceText::new("a.md", "---\ntitle: A\n---\nBody\n");
        let split = split(&source).unwrap();
        assert_eq!(&source.text[split.yaml], "title: A\n");
        assert_eq!(&source.text[split.body], "Body\n");
    }

    #[test]
    fn reports_unknown_field_with_file_line_and_suggestion() {
        let err = parse("---\ntitle: A\ntheme: [x]\n---\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "content/a.md:3:1: error: unknown field `theme` (help: did you mean `themes`?)"
        );
    }

    #[test]
    fn reports_yaml_errors_at_the_line_of_the_file() {
        let err = parse("---\ntitle: A\nthemes: [x\n---\n").unwrap_err();
        assert_eq!(err.location.as_ref().unwrap().line, 4, "{err}");
    }

    #[test]
    fn reports_a_wrong_type() {
        let err = parse("---\ntitle: A\nthemes: brutality\n---\n").unwrap_err();
        assert!(err.to_string().starts_with("content/a.md:3:"), "{err}");
        assert!(err.to_string().contains("should be a list"), "{err}");
    }

    #[test]
    fn reports_an_unclosed_quote_at_the_quote() {
        let err = parse("---\ntitle: A\nthemes: \"x\nmore: y\n---\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("content/a.md:3:9: error: this quoted value is not closed"),
            "{err}"
        );
    }

    #[test]
    fn finds_a_value_as_a_whole_word() {
        let source = SourceText::new("a.md", "themes: [abcs]\nx: { themes: [abc] }\n");
        let range = find_value_after(&source, 0..source.text.len(), Some("themes"), "abc");
        assert_eq!(source.line_column(range.start), (2, 15));
    }

    #[test]
    fn reports_unclosed_front_matter() {
        let err = parse("---\ntitle: A\n").unwrap_err();
        assert!(err.to_string().contains("not closed"), "{err}");
    }
}
