//! A strict, spanned reading of YAML: the text becomes a tree of [`Node`]s, each with the byte
//! range it was written at in the file, so that every later message (a wrong type, an unknown
//! theme, a segment out of order) points at its own key or value.
//!
//! Strict means that what YAML would accept but an editor almost certainly did not mean is an
//! error, with its own line: a key written twice in one mapping (YAML parsers keep the last
//! one silently, so French captions listed twice under `en:` would ship as English), tags
//! (`!!binary`, `!custom`: they change what a value means, and nothing here uses them),
//! anchors and aliases (`&a`, `*a`: they copy values around unseen and can blow a short file
//! up into gigabytes), complex keys, and several documents. Text fields may not hold the
//! Unicode controls that reverse the text around them (U+202A-U+202E) or invisible control
//! characters.
//!
//! The events come from saphyr-parser (YAML 1.2, maintained, with a position on every event);
//! see docs/yaml.md for why it replaced serde_yaml here.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// One YAML value with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Byte range in the file (not in the front matter).
    pub span: Range<usize>,
}

/// What a [`Node`] holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar's text; `plain` when it was written without quotes or block indicators, which
    /// is when `null`, `true` or `12` mean something other than text.
    Scalar {
        text: String,
        plain: bool,
    },
    Sequence(Vec<Node>),
    /// Entries in the order written; keys are unique (a repeated key is an error).
    Mapping(Vec<(Key, Node)>),
}

/// A mapping key: its text and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub text: String,
    pub span: Range<usize>,
}

impl Node {
    /// Whether this is an empty or `null` scalar (`key:` with nothing after it, `~`, `null`).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The value under `key`, if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, node)| node)
    }

    /// The key and value under `key`, if this is a mapping that has it.
    pub fn entry(&self, key: &str) -> Option<(&Key, &Node)> {
        match &self.value {
            Value::Mapping(entries) => entries
                .iter()
                .find(|(k, _)| k.text == key)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The `index`-th item, if this is a sequence that long.
    pub fn item(&self, index: usize) -> Option<&Node> {
        match &self.value {
            Value::Sequence(items) => items.get(index),
            _ => None,
        }
    }

    /// Follows a path of keys and sequence indexes from this node.
    pub fn at(&self, path: &[Step]) -> Option<&Node> {
        path.iter().try_fold(self, |node, step| match step {
            Step::Key(key) => node.get(key),
            Step::Index(i) => node.item(*i),
        })
    }

    /// A short name of the kind of value, for messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "nothing",
            Value::Scalar { .. } => "a single value",
            Value::Sequence(_) => "a list",
            Value::Mapping(_) => "a group of fields",
        }
    }
}

/// One step of a path into a tree: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// A problem found while reading the YAML, at a byte range of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub help: String,
    pub span: Range<usize>,
}

/// Reads the YAML text that starts at byte `offset` of its file. Returns the tree (a mapping,
/// empty for blank text) or every problem found; a syntax error stops the reading, so it comes
/// alone, but the strictness rules collect all they find.
pub fn parse(yaml: &str, offset: usize) -> Result<Node, Vec<Problem>> {
    let positions = Positions::new(yaml, offset);
    let mut builder = Builder {
        yaml,
        positions: &positions,
        stack: Vec::new(),
        root: None,
        documents: 0,
        problems: Vec::new(),
        too_deep: 0,
    };
    for event in Parser::new_from_str(yaml) {
        match event {
            Ok((event, span)) => builder.event(event, span),
            Err(err) => {
                let at = positions.byte(err.marker().index());
                let (message, help, span) = describe_scan_error(yaml, offset, err.info(), at);
                return Err(vec![Problem {
                    message,
                    help,
                    span,
                }]);
            }
        }
    }
    if !builder.problems.is_empty() {
        return Err(builder.problems);
    }
    let root = builder.root.unwrap_or(Node {
        value: Value::Mapping(Vec::new()),
        span: offset..offset,
    });
    if root.is_null() {
        return Ok(Node {
            value: Value::Mapping(Vec::new()),
            span: root.span,
        });
    }
    Ok(root)
}

/// Character indexes (what saphyr's markers count) to byte offsets in the file.
struct Positions {
    offset: usize,
    /// The byte offset of each character, when the text is not ASCII (where they are equal).
    bytes: Option<Vec<usize>>,
    len: usize,
}

impl Positions {
    fn new(text: &str, offset: usize) -> Positions {
        let bytes = (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i).collect());
        Positions {
            offset,
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let local = match &self.bytes {
            Some(bytes) => bytes.get(char_index).copied().unwrap_or(self.len),
            None => char_index.min(self.len),
        };
        self.offset + local
    }

    fn span(&self, span: &Span) -> Range<usize> {
        let start = self.byte(span.start.index());
        let end = self.byte(span.end.index()).max(start);
        start..end
    }
}

/// A mapping or sequence being read.
enum Open {
    Sequence {
        start: usize,
        items: Vec<Node>,
    },
    Mapping {
        start: usize,
        entries: Vec<(Key, Node)>,
        /// The keys already in `entries`, so that a repeated one is found in constant time
        /// (a pasted list of a hundred thousand keys stays linear).
        seen: std::collections::HashSet<String>,
        /// The key read, waiting for its value.
        key: Option<Key>,
    },
}

/// How deeply lists and groups may nest. Front matter needs four or five levels; a file
/// nested thousands deep is a mistake (or an attack) and would exhaust the stack later.
const MAX_DEPTH: usize = 32;

struct Builder<'p> {
    yaml: &'p str,
    positions: &'p Positions,
    stack: Vec<Open>,
    root: Option<Node>,
    documents: usize,
    problems: Vec<Problem>,
    /// How many lists or groups deeper than [`MAX_DEPTH`] are open (skipped).
    too_deep: usize,
}

impl Builder<'_> {
    fn problem(&mut self, message: impl Into<String>, help: impl Into<String>, span: Range<usize>) {
        self.problems.push(Problem {
            message: message.into(),
            help: help.into(),
            span,
        });
    }

    fn event(&mut self, event: Event<'_>, span: Span) {
        let range = self.positions.span(&span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.problem(
                        "a second YAML document starts here",
                        "the front matter is one block of fields: remove this `---` or `...` line",
                        range,
                    );
                }
            }
            Event::Alias(_) => self.problem(
                "aliases (`*name`) are not used here",
                "write the value out in full where it is needed",
                range,
            ),
            Event::Scalar(..) if self.too_deep > 0 => {}
            Event::Scalar(text, style, anchor, tag) => {
                self.check_anchor_and_tag(anchor, tag.is_some(), &range);
                self.check_text(&text, &range);
                let plain = style == ScalarStyle::Plain;
                // Point inside the quotes, at the text itself.
                let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
                let range = if quoted && range.len() >= 2 {
                    range.start + 1..range.end - 1
                } else {
                    range
                };
                self.value(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                    span: range,
                });
            }
            Event::SequenceStart(anchor, tag) => {
                self.check_anchor_and_tag(anchor, tag.is_some(), &range);
                if self.enter(&range) {
                    self.stack.push(Open::Sequence {
                        start: range.start,
                        items: Vec::new(),
                    });
                }
            }
            Event::MappingStart(anchor, tag) => {
                self.check_anchor_and_tag(anchor, tag.is_some(), &range);
                if self.enter(&range) {
                    self.stack.push(Open::Mapping {
                        start: range.start,
                        entries: Vec::new(),
                        seen: std::collections::HashSet::new(),
                        key: None,
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if self.too_deep > 0 {
                    self.too_deep -= 1;
                    return;
                }
                let node = match self.stack.pop() {
                    Some(Open::Sequence { start, items }) => {
                        let end = items.last().map_or(start, |n| n.span.end).max(range.end);
                        Node {
                            value: Value::Sequence(items),
                            span: start..end,
                        }
                    }
                    Some(Open::Mapping { start, entries, .. }) => {
                        let end = entries.last().map_or(start, |(_, n)| n.span.end);
                        Node {
                            value: Value::Mapping(entries),
                            span: start..end.max(start),
                        }
                    }
                    None => return,
                };
                self.value(node);
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }

    /// A finished value: the root, an item, a key or a key's value.
    /// Whether a list or group opening at `range` may be read; past [`MAX_DEPTH`] it is
    /// reported once and everything inside it is skipped.
    fn enter(&mut self, range: &Range<usize>) -> bool {
        if self.too_deep == 0 && self.stack.len() < MAX_DEPTH {
            return true;
        }
        if self.too_deep == 0 {
            self.problem(
                format!("lists and groups are nested more than {MAX_DEPTH} deep here"),
                "check the brackets and the indentation: front matter needs only a few levels",
                range.clone(),
            );
        }
        self.too_deep += 1;
        false
    }

    fn value(&mut self, node: Node) {
        let mut repeated = None;
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Open::Sequence { items, .. }) => items.push(node),
            Some(Open::Mapping {
                entries, seen, key, ..
            }) => match key.take() {
                Some(k) => {
                    if seen.contains(&k.text) {
                        repeated = Some(k);
                    } else {
                        seen.insert(k.text.clone());
                        entries.push((k, node));
                    }
                }
                None => match node.value {
                    Value::Scalar { text, .. } => {
                        *key = Some(Key {
                            text,
                            span: node.span,
                        })
                    }
                    _ => {
                        // Keep the mapping's shape: a placeholder key that nothing asks for.
                        *key = Some(Key {
                            text: String::from("\u{0}complex"),
                            span: node.span.clone(),
                        });
                        self.problem(
                            "a list or a group of fields cannot be used as a key",
                            "keys are plain words followed by `:`, e.g. `title:`",
                            node.span,
                        );
                    }
                },
            },
        }
        if let Some(key) = repeated {
            self.problem(
                format!(
                    "`{}` is written twice in the same group of fields",
                    key.text
                ),
                "keep only one: with two, one of them would be silently lost",
                key.span,
            );
        }
    }

    fn check_anchor_and_tag(&mut self, anchor: usize, tagged: bool, range: &Range<usize>) {
        if anchor != 0 {
            self.problem(
                "anchors (`&name`) are not used here",
                "remove the `&name` and write each value out where it is needed",
                range.clone(),
            );
        }
        if tagged {
            self.problem(
                "YAML tags (`!!binary`, `!name`) are not used here",
                "remove the tag and write the value as plain text; put text that starts with `!` in quotes",
                range.clone(),
            );
        }
    }

    /// The exact place of `c` in the value written at `range`, or the whole value when it
    /// was written as an escape (`"\u202E"`).
    fn place_of(&self, c: char, range: &Range<usize>) -> Range<usize> {
        let offset = self.positions.offset;
        let local = range.start.saturating_sub(offset)..range.end.saturating_sub(offset);
        match self.yaml.get(local.clone()).and_then(|raw| raw.find(c)) {
            Some(i) => range.start + i..range.start + i + c.len_utf8(),
            None => range.clone(),
        }
    }

    /// Text may not hold characters that reverse or hide the text around them.
    fn check_text(&mut self, text: &str, range: &Range<usize>) {
        if let Some(c) = text.chars().find(|&c| is_bidi_override(c)) {
            let range = &self.place_of(c, range);
            self.problem(
                format!(
                    "this text holds the invisible character U+{:04X}, which reverses the text shown after it",
                    c as u32
                ),
                "delete it (it is invisible: retype the text around it); to keep right-to-left and left-to-right words apart, the site isolates each field already, or use U+2068 ... U+2069",
                range.clone(),
            );
        }
        if let Some(c) = text.chars().find(|&c| is_hidden_control(c)) {
            let range = &self.place_of(c, range);
            self.problem(
                format!(
                    "this text holds the invisible control character U+{:04X}",
                    c as u32
                ),
                "delete it (it is invisible: retype the text around it)",
                range.clone(),
            );
        }
    }
}

/// The embedding and override controls U+202A-U+202E (the isolates U+2066-U+2069 are fine).
pub fn is_bidi_override(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c)
}

/// C0 and C1 controls other than tab and line ends, which no text field needs.
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FEFF}'
}

/// Words for the scanner's messages, and where to point: an unclosed quote is noticed at the end
/// of the front matter, but the place to fix is the quote itself.
fn describe_scan_error(
    yaml: &str,
    offset: usize,
    info: &str,
    at: usize,
) -> (String, String, Range<usize>) {
    let local = (at - offset).min(yaml.len());
    // saphyr points at the quote itself or at where it gave up: look up to and including it.
    let upto = yaml[local..]
        .chars()
        .next()
        .map_or(yaml.len(), |c| local + c.len_utf8());
    if info.contains("quoted scalar")
        && let Some(quote) = unclosed_quote(&yaml[..upto])
    {
        return (
            "this quoted value is not closed".into(),
            "add the closing quote at the end of the value, e.g. `title: \"...\"`".into(),
            offset + quote..offset + quote + 1,
        );
    }
    if info.contains("recursion limit") {
        return (
            format!("lists and groups are nested more than {MAX_DEPTH} deep here"),
            "check the brackets and the indentation: front matter needs only a few levels".into(),
            at..at,
        );
    }
    let message = info
        .trim_start_matches("while parsing ")
        .trim_start_matches("while scanning ");
    let help = if info.contains("tab") {
        "indent with spaces, not tabs"
    } else {
        "this is not valid YAML: check indentation, colons and quotes (text containing `: ` needs quotes)"
    };
    (
        format!("the front matter cannot be read: {message}"),
        help.into(),
        at..at,
    )
}

/// The byte offset of the opening quote of the last quoted value left open in `text`: the
/// first quote, after a `key: ` or `- ` or `[`/`{`/`,`, whose value has no closing quote.
fn unclosed_quote(text: &str) -> Option<usize> {
    let mut open: Option<(usize, char)> = None;
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match open {
            Some((_, q)) if c == q => {
                if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    open = None;
                }
            }
            Some((_, '"')) if c == '\\' => {
                chars.next();
            }
            Some(_) => {}
            None if (c == '"' || c == '\'')
                && matches!(previous, ' ' | '\t' | '\n' | '[' | '{' | ',' | ':') =>
            {
                open = Some((i, c));
            }
            None => {}
        }
        previous = c;
    }
    open.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(yaml: &str) -> Vec<Problem> {
        parse(yaml, 0).expect_err("expected problems")
    }

    fn line_of(yaml: &str, offset: usize) -> usize {
        yaml[..offset].matches('\n').count() + 1
    }

    #[test]
    fn reads_a_tree_with_the_byte_range_of_each_value() {
        let yaml = "title: Né\nvideo:\n  file: a.webm\nthemes: [x, y]\n";
        let root = parse(yaml, 10).unwrap();
        let file = root.at(&[Step::Key("video"), Step::Key("file")]).unwrap();
        assert_eq!(&yaml[file.span.start - 10..file.span.end - 10], "a.webm");
        let y = root.at(&[Step::Key("themes"), Step::Index(1)]).unwrap();
        assert_eq!(&yaml[y.span.start - 10..y.span.end - 10], "y");
        let (key, _) = root.entry("video").unwrap();
        assert_eq!(&yaml[key.span.start - 10..key.span.end - 10], "video");
    }

    #[test]
    fn blank_text_is_an_empty_mapping() {
        assert_eq!(parse("", 0).unwrap().value, Value::Mapping(Vec::new()));
        assert_eq!(
            parse("# only a comment\n", 0).unwrap().value,
            Value::Mapping(Vec::new())
        );
    }

    #[test]
    fn a_repeated_key_is_an_error_at_the_repetition_even_when_nested() {
        let yaml = "title: A\ncaptions:\n  en: a.vtt\n  fr: b.vtt\n  en: c.vtt\n";
        let found = problems(yaml);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(line_of(yaml, found[0].span.start), 5);
        assert!(found[0].message.contains("`en` is written twice"));
        let flow = "captions: {en: a.vtt, en: b.vtt}\n";
        let found = problems(flow);
        assert_eq!(&flow[found[0].span.clone()], "en");
        assert_eq!(found[0].span.start, 22);
    }

    #[test]
    fn every_repeated_key_is_reported() {
        let found = problems("a: 1\na: 2\nb: 1\nb: 2\n");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn tags_anchors_and_aliases_are_errors() {
        for yaml in [
            "title: !!binary aGVsbG8=\n",
            "title: !custom x\n",
            "video: !!map { file: a }\n",
            "a: &x 1\nb: *x\n",
        ] {
            let found = problems(yaml);
            assert!(!found.is_empty(), "{yaml}");
            assert!(
                found.iter().all(|p| p.span.start < yaml.len()),
                "{yaml}: {found:?}"
            );
        }
    }

    #[test]
    fn bidi_overrides_and_controls_in_text_are_errors() {
        let found = problems("title: \"a\u{202E}b\"\n");
        assert!(found[0].message.contains("U+202E"), "{found:?}");
        let found = problems("title: \"a\\u0000b\"\n");
        assert!(found[0].message.contains("U+0000"), "{found:?}");
        assert!(parse("title: \"a\u{2067}b\u{2069}\"\n", 0).is_ok());
    }

    #[test]
    fn an_unclosed_quote_points_at_the_quote() {
        let yaml = "title: A\nvideo:\n  file: \"a.webm\n  duration: x\n";
        let found = problems(yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, yaml.find('"').unwrap());
        assert!(found[0].message.contains("not closed"));
    }

    #[test]
    fn a_syntax_error_points_at_its_line() {
        let yaml = "title: A\nthemes: [x\nsummary: b\n";
        let found = problems(yaml);
        assert!(line_of(yaml, found[0].span.start) >= 2, "{found:?}");
    }

    #[test]
    fn scalars_know_whether_they_were_quoted() {
        let root = parse("a: null\nb: \"null\"\nc:\n", 0).unwrap();
        assert!(root.get("a").unwrap().is_null());
        assert!(!root.get("b").unwrap().is_null());
        assert!(root.get("c").unwrap().is_null());
    }

    #[test]
    fn deep_nesting_and_many_keys_stay_cheap() {
        for depth in [40, 100_000] {
            let deep = format!("themes: {}x{}\n", "[".repeat(depth), "]".repeat(depth));
            let found = problems(&deep);
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(found[0].message.contains("nested more than"), "{found:?}");
        }
        let many: String = (0..100_000).map(|i| format!("k{i}: v\n")).collect();
        assert!(parse(&many, 0).is_ok());
        let repeated = format!("{many}k5: again\n");
        assert_eq!(problems(&repeated).len(), 1);
    }
}
