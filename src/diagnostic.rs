//! Problems found in a site's sources, with the place they were found and what to do.
//!
//! Every stage collects `Diagnostic`s instead of stopping at the first problem; the binary
//! prints them once, sorted by file and line. Positions are 1-based and counted in the whole
//! file (a YAML error on line 3 of the front matter is on line 4 of the file).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

/// How serious a problem is: errors fail the build, warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based position in a file, displayed as `content/stories/x/index.ar.md:12:3`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// Path relative to the site's root, with `/` separators.
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}",
            display_path(&self.path),
            self.line,
            self.column
        )
    }
}

/// A path written with `/` whatever the platform, as users see it in messages.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The byte offsets where the lines of `text` start (the first is 0). `\r\n`, a lone `\r`
/// (old Mac files) and `\n` each end one line, as in WebVTT and YAML, so that every parser and
/// every message count lines alike; the offsets are those of `text`, which is not rewritten.
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // A `\r` directly followed by `\n` is one line end: the next line starts after both.
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                starts.push(i);
            }
            b'\r' | b'\n' => {
                i += 1;
                starts.push(i);
            }
            _ => i += 1,
        }
    }
    starts
}

/// The text of one source file and where its lines start, so that any byte offset (from
/// YAML, Markdown, Fluent or WebVTT parsers) maps to a line and column.
#[derive(Debug)]
pub struct SourceText {
    /// Path relative to the site's root.
    pub path: PathBuf,
    pub text: String,
    /// See [`line_starts`].
    line_starts: Vec<usize>,
    /// Byte ranges whose lines are never printed in a message: a Markdown file's `private:`
    /// block, where a real name or a contact may stand.
    private: Vec<Range<usize>>,
}

impl SourceText {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<Self> {
        let text = text.into();
        let line_starts = line_starts(&text);
        let path = path.into();
        let private = if path.extension().is_some_and(|e| e == "md") {
            private_blocks(&text, &line_starts)
        } else {
            Vec::new()
        };
        Arc::new(SourceText {
            path,
            text,
            line_starts,
            private,
        })
    }

    /// Whether any line that `range` touches is in a private block.
    pub fn is_private(&self, range: &Range<usize>) -> bool {
        let (first, _) = self.line_column(range.start);
        let (last, _) = self.line_column(range.end.max(range.start));
        let lines = self.line_offset(first)..self.line_offset(last + 1).max(range.end);
        self.private
            .iter()
            .any(|p| p.start < lines.end.max(lines.start + 1) && lines.start < p.end)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line + 1, column)
    }

    /// The byte offset where a 1-based line starts (the end of the text past the last line).
    pub fn line_offset(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn location(&self, offset: usize) -> Location {
        let (line, column) = self.line_column(offset);
        Location {
            path: self.path.clone(),
            line,
            column,
        }
    }
}

/// The byte ranges of the `private:` block of a Markdown file's front matter: from the line
/// `private:` at the start of a line to the next line that starts another top-level field (or
/// the end of the front matter). Found by lines, not by the YAML parser, so that it holds
/// even when the YAML is broken; comment and list lines at the left margin stay inside.
fn private_blocks(text: &str, starts: &[usize]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    // By the file's line table (`\r\n`, `\r` or `\n`), made once in `SourceText::new`.
    let mut lines = starts.iter().enumerate().map(|(i, &start)| {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        (start, &text[start..end])
    });
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return blocks,
    }
    let mut open: Option<usize> = None;
    for (start, line) in lines {
        let trimmed = line.trim_end();
        let top_level = !line.starts_with([' ', '\t', '#', '-']) && !trimmed.is_empty();
        if let Some(from) = open
            && (top_level || trimmed == "---")
        {
            blocks.push(from..start);
            open = None;
        }
        if trimmed == "---" {
            break;
        }
        // `private:`, and misspellings of it (`Private:`, `privat:`), which are unknown
        // fields whose value is private all the same.
        let key = trimmed.split(':').next().unwrap_or_default();
        if open.is_none()
            && top_level
            && trimmed.contains(':')
            && key.to_lowercase().contains("priv")
        {
            open = Some(start);
        }
    }
    if let Some(from) = open {
        blocks.push(from..text.len());
    }
    blocks
}

/// A source as the report printer sees it, with the line table of [`SourceText`]: the printer's
/// own table knows `\n` only, and would print a CR-only file as one line, at positions that
/// disagree with the [`Location`].
struct ReportFile<'s>(&'s SourceText);

impl<'a, 's: 'a> codespan_reporting::files::Files<'a> for ReportFile<'s> {
    type FileId = ();
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<String, codespan_reporting::files::Error> {
        Ok(display_path(&self.0.path))
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.0.text)
    }

    fn line_index(
        &'a self,
        (): (),
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.0.line_column(byte_index).0 - 1)
    }

    /// The line with its line end, as the printer expects (it trims `\r` and `\n` itself).
    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let starts = &self.0.line_starts;
        if line_index > starts.len() {
            return Err(codespan_reporting::files::Error::LineTooLarge {
                given: line_index,
                max: starts.len() - 1,
            });
        }
        let start = self.0.line_offset(line_index + 1);
        let end = self.0.line_offset(line_index + 2);
        Ok(start..end)
    }
}

/// A message worded in the language of the page it is about, by the interface strings
/// `<key>` and `<key>-help` ([`MessageKey::key`]). One byte, so that a diagnostic stays small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKey {
    /// An image in page text without alt text.
    ImageAltMissing,
}

impl MessageKey {
    /// The interface string's key.
    pub fn key(self) -> &'static str {
        match self {
            MessageKey::ImageAltMissing => "image-alt-missing",
        }
    }
}

/// One problem: what is wrong, where, and what to do about it.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// What the user can do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// For a summary of problems left out of the list ("and 9,980 more like this"): how many
    /// it stands for, beside the one it shows.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: u32,
    /// The interface string (`<key>`, and `<key>-help` for the help) that words this message
    /// in the language of the page it is about, for the editors of that language: see
    /// `build::localise`. The English above is kept where a language has no such string.
    #[serde(skip)]
    pub message_key: Option<MessageKey>,
    /// The source and byte range to underline when printing, if known.
    #[serde(skip)]
    span: Option<(Arc<SourceText>, Range<usize>)>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            help: None,
            location: None,
            more: 0,
            message_key: None,
            span: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Marks the message as worded by the interface string `key` in the language of its page
    /// (see [`Diagnostic::message_key`]).
    pub fn with_message_key(mut self, key: MessageKey) -> Self {
        self.message_key = Some(key);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points at a whole file, without a position inside it (line 1, column 1).
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.location = Some(Location {
            path: path.into(),
            line: 1,
            column: 1,
        });
        self
    }

    pub fn at_location(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Points at a byte range of a source; the range is underlined when printed.
    pub fn at(mut self, source: &Arc<SourceText>, range: Range<usize>) -> Self {
        let start = range.start.min(source.text.len());
        let end = range.end.clamp(start, source.text.len());
        self.location = Some(source.location(start));
        self.span = Some((Arc::clone(source), start..end));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (Option<&Location>, Severity, &str) {
        (self.location.as_ref(), self.severity, &self.message)
    }
}

impl fmt::Display for Diagnostic {
    /// A one-line form: `path:line:col: error: message (help)`, used in tests and logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

/// The problems of one run, collected from every stage.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// How many errors were found, those counted in a summary included.
    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.is_error())
            .map(|d| 1 + d.more as usize)
            .sum()
    }

    pub fn warning_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| 1 + d.more as usize)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file, line and column, without duplicates: the order they are printed in.
    /// Past [`MAX_PER_KIND`] problems of one kind in one file, the rest are counted in one
    /// last message ("and 9,980 more like it"), so that a pasted list of ten thousand bad
    /// values gives a readable report.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup_by(|a, b| a.sort_key() == b.sort_key());
        // For each kind in each file: how many were seen, and where its summary is in `hidden`.
        type Kind = (Option<PathBuf>, Severity, String);
        let mut seen: std::collections::HashMap<Kind, (usize, usize)> =
            std::collections::HashMap::new();
        let mut kept = Vec::with_capacity(self.0.len());
        let mut hidden: Vec<(Diagnostic, usize)> = Vec::new();
        for diagnostic in self.0 {
            let key = (
                diagnostic.location.as_ref().map(|l| l.path.clone()),
                diagnostic.severity,
                kind_of(&diagnostic.message),
            );
            let (count, summary) = seen.entry(key).or_default();
            *count += 1;
            if *count <= MAX_PER_KIND {
                kept.push(diagnostic);
            } else if *count == MAX_PER_KIND + 1 {
                *summary = hidden.len();
                hidden.push((diagnostic, 1));
            } else {
                hidden[*summary].1 += 1;
            }
        }
        for (first, more) in hidden {
            let mut summary = first.clone();
            summary.message = format!(
                "and {more} more like this in this file: {}",
                kind_of(&first.message)
            );
            summary.span = first
                .span
                .as_ref()
                .map(|(s, r)| (Arc::clone(s), r.start..r.start));
            // It stands for `more` problems: itself and `more - 1` others.
            summary.more = u32::try_from(more - 1).unwrap_or(u32::MAX);
            kept.push(summary);
        }
        kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0 = kept;
        self
    }

    /// Renders every diagnostic with the offending source line underlined.
    pub fn render(&self, color: bool) -> String {
        use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term::{self, termcolor};

        let mut buffer = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let config = term::Config::default();
        for diagnostic in &self.0 {
            let report = match diagnostic.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            };
            let mut notes = Vec::new();
            if let Some(help) = &diagnostic.help {
                notes.push(format!("help: {help}"));
            }
            let shown = diagnostic.span.as_ref().filter(|(source, range)| {
                if source.is_private(range) {
                    notes.push("the line is not shown: it is in the `private:` block".into());
                    return false;
                }
                if let Some(excerpt) = long_line_excerpt(source, range) {
                    notes.push(format!("near: {excerpt}"));
                    return false;
                }
                true
            });
            let written = match shown {
                Some((source, range)) => {
                    let file = ReportFile(source);
                    let report = report
                        .with_message(&diagnostic.message)
                        .with_labels(vec![Label::primary((), range.clone())])
                        .with_notes(notes);
                    term::emit_to_write_style(&mut buffer, &config, &file, &report)
                }
                None => {
                    let message = match &diagnostic.location {
                        Some(location) => format!("{location}: {}", diagnostic.message),
                        None => diagnostic.message.clone(),
                    };
                    let file = SimpleFile::new(String::new(), String::new());
                    let report = report.with_message(message).with_notes(notes);
                    term::emit_to_write_style(&mut buffer, &config, &file, &report)
                }
            };
            if written.is_err() {
                // Rendering into memory only fails on a bad range; fall back to the plain form.
                buffer.clear();
                return self.iter().map(|d| format!("{d}\n")).collect();
            }
        }
        String::from_utf8_lossy(buffer.as_slice()).into_owned()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The widest line printed whole under a message; a longer one is cut to the text around the
/// problem, so that ten thousand errors on one long line do not print it ten thousand times.
const MAX_EXCERPT: usize = 160;

/// For a problem on a line longer than [`MAX_EXCERPT`] characters: the text around it, cut
/// with `…`. `None` for ordinary lines, which are shown whole.
fn long_line_excerpt(source: &SourceText, range: &Range<usize>) -> Option<String> {
    let (line, _) = source.line_column(range.start);
    let start = source.line_offset(line);
    let end = source.text[start..]
        .find(['\n', '\r'])
        .map_or(source.text.len(), |i| start + i);
    let text = &source.text[start..end];
    if text.chars().count() <= MAX_EXCERPT {
        return None;
    }
    let around = MAX_EXCERPT / 2;
    let before: Vec<char> = source.text[start..range.start.min(end)].chars().collect();
    let from = before.len().saturating_sub(around);
    let mut excerpt: String = if from > 0 {
        "…".into()
    } else {
        String::new()
    };
    excerpt.extend(before[from..].iter());
    let after: String = source.text[range.start.min(end)..end]
        .chars()
        .take(around)
        .collect();
    let cut = after.len() < end - range.start.min(end);
    excerpt.push_str(&after);
    if cut {
        excerpt.push('…');
    }
    Some(excerpt)
}

/// How many problems of one kind are listed for one file; the rest are counted.
pub const MAX_PER_KIND: usize = 20;

/// What makes two messages "of one kind": the message without its quoted values.
fn kind_of(message: &str) -> String {
    message
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join("`…`")
}

/// The closest of `candidates` to a misspelt `name`, if one is close enough to suggest.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_to_lines_and_columns() {
        let source = SourceText::new("a.md", "ab\ncdé\nf");
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column(3), (2, 1));
        assert_eq!(source.line_column(7), (2, 4));
        assert_eq!(source.line_column(8), (3, 1));
        assert_eq!(source.line_offset(3), 8);
    }

    #[test]
    fn counts_cr_only_crlf_and_lf_as_line_ends() {
        // Old Mac files end lines with `\r` alone.
        let source = SourceText::new("a.vtt", "ab\rcdé\rf");
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column(2), (1, 3));
        assert_eq!(source.line_column(3), (2, 1));
        assert_eq!(source.line_column(7), (2, 4));
        assert_eq!(source.line_column(8), (3, 1));
        assert_eq!(source.line_offset(3), 8);
        assert_eq!(source.line_offset(4), 9);

        // Mixed: `\r\n` is one line end, `\n\r` two, and a final `\r` starts a last line.
        assert_eq!(line_starts("a\r\nb\nc\rd"), [0, 3, 5, 7]);
        assert_eq!(line_starts("a\n\rb"), [0, 2, 3]);
        assert_eq!(line_starts("\r\r\n\n"), [0, 1, 3, 4]);
        assert_eq!(line_starts("a\r"), [0, 2]);
        assert_eq!(line_starts(""), [0]);
        let source = SourceText::new("a.vtt", "a\r\nb\nc\rd");
        assert_eq!(source.line_column(3), (2, 1));
        assert_eq!(source.line_column(7), (4, 1));
        // An offset between the `\r` and the `\n` of one line end is still on that line.
        assert_eq!(source.line_column(2), (1, 3));
    }

    #[test]
    fn renders_cr_only_files_at_the_right_line() {
        let source = SourceText::new("a.vtt", "WEBVTT\r\r00:01.000 --> 00:1.000\rHi\r");
        let diagnostics: Diagnostics = [Diagnostic::error("bad end time")
            .with_help("two digits")
            .at(&source, 22..30)]
        .into_iter()
        .collect();
        let text = diagnostics.render(false);
        assert!(text.contains("a.vtt:3:15"), "{text}");
        assert!(text.contains("3 │ 00:01.000 --> 00:1.000\n"), "{text}");
        assert!(!text.contains("Hi"), "{text}");
    }

    #[test]
    fn suggests_the_closest_name() {
        assert_eq!(
            closest("theme", ["title", "themes", "summary"]),
            Some("themes")
        );
        assert_eq!(closest("zzz", ["title", "themes"]), None);
    }

    #[test]
    fn renders_the_file_line_and_help() {
        let source = SourceText::new("content/a.md", "---\ntheme: x\n---\n");
        let diagnostics: Diagnostics = [Diagnostic::error("unknown field `theme`")
            .with_help("did you mean `themes`?")
            .at(&source, 4..9)]
        .into_iter()
        .collect();
        let text = diagnostics.render(false);
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("did you mean `themes`?"), "{text}");
    }

    #[test]
    fn finds_the_private_block_by_lines_even_in_broken_yaml() {
        let text = "---\ntitle: A\nprivate:\n  real_name: \"X\n# note\n- item\nstatus: draft\n---\nbody private: no\n";
        let source = SourceText::new("content/a.md", text);
        let start = text.find("private:").unwrap();
        let end = text.find("status:").unwrap();
        assert_eq!(source.private, vec![start..end]);
        let name = text.find("X").unwrap();
        assert!(source.is_private(&(name..name + 1)));
        let title = text.find("title").unwrap();
        assert!(!source.is_private(&(title..title + 5)));
        let body = text.find("body").unwrap();
        assert!(!source.is_private(&(body..body + 4)));
        // Only Markdown files have a private block.
        assert!(SourceText::new("site.yaml", text).private.is_empty());
    }

    #[test]
    fn a_misspelt_private_block_is_private_too() {
        for key in ["Private", "privat", "\"private\"", "PRIVATE_notes"] {
            let text = format!("---\ntitle: A\n{key}: {{ real_name: X }}\nstatus: draft\n---\n");
            let source = SourceText::new("content/a.md", text.as_str());
            let at = text.find("real_name").unwrap();
            assert!(source.is_private(&(at..at + 1)), "{key}");
        }
    }

    #[test]
    fn never_prints_a_private_line() {
        let text =
            "---\ntitle: A\nprivate:\n  real_name: SECRET-NAME\n  real_name: SECRET-NAME\n---\n";
        let source = SourceText::new("content/a.md", text);
        let at = text.rfind("real_name").unwrap();
        let diagnostics: Diagnostics = [Diagnostic::error("`real_name` is written twice")
            .with_help("keep only one")
            .at(&source, at..at + 9)]
        .into_iter()
        .collect();
        let rendered = diagnostics.render(false);
        assert!(!rendered.contains("SECRET"), "{rendered}");
        assert!(rendered.contains("content/a.md:5:3"), "{rendered}");
        assert!(rendered.contains("private"), "{rendered}");
    }

    #[test]
    fn cuts_a_long_line_around_the_problem() {
        let line: String = (0..5000).map(|i| format!("t{i}, ")).collect();
        let text = format!("themes: [{line}]\n");
        let source = SourceText::new("content/a.md", text.as_str());
        let at = text.find("t2500,").unwrap();
        let diagnostics: Diagnostics =
            [Diagnostic::error("unknown theme `t2500`").at(&source, at..at + 5)]
                .into_iter()
                .collect();
        let rendered = diagnostics.render(false);
        assert!(rendered.len() < 600, "{} bytes", rendered.len());
        assert!(rendered.contains("t2500"), "{rendered}");
        assert!(rendered.contains("content/a.md:1:"), "{rendered}");
    }

    #[test]
    fn counts_the_problems_of_one_kind_past_twenty() {
        let source = SourceText::new("content/a.md", "x\n".repeat(100));
        let many: Diagnostics = (0..100)
            .map(|i| {
                Diagnostic::error(format!("unknown theme `t{i}`")).at(&source, i * 2..i * 2 + 1)
            })
            .chain([Diagnostic::error("other").at(&source, 0..1)])
            .collect();
        let sorted = many.sorted();
        assert_eq!(sorted.len(), MAX_PER_KIND + 2);
        assert_eq!(sorted.error_count(), 101);
        let summary = sorted
            .iter()
            .find(|d| d.message.starts_with("and "))
            .expect("a summary");
        assert_eq!(
            summary.message,
            "and 80 more like this in this file: unknown theme `…`"
        );
        assert_eq!(summary.location.as_ref().unwrap().line, 21);
    }
}
