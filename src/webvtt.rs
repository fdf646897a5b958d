//! WebVTT caption files: times, cues, a checking parser and writers.
//!
//! Editors write caption files by hand or export them from subtitle tools, so the parser is
//! strict where a browser would silently drop a cue (a bad time, an empty cue, a cue out of
//! order) and reports every problem at once, pointing at the exact characters, with help a
//! non-programmer can act on. The site never publishes the editor's file as it is: it
//! publishes [`Captions::to_vtt`], a clean file rebuilt from the parsed cues.
//!
//! What is accepted, following the WebVTT specification (<https://www.w3.org/TR/webvtt1/>,
//! "WebVTT parser algorithm" and "collect a WebVTT block"):
//! - a first line `WEBVTT`, optionally followed by a space or tab and any text, then header
//!   lines up to the first blank line (ignored);
//! - `\n`, `\r\n` and `\r` (old Mac) line endings, mixed too; messages count lines the same
//!   way ([`crate::diagnostic::line_starts`]), so their positions are right for each;
//! - `NOTE`, `STYLE` and `REGION` blocks, which are skipped;
//! - cues: an optional identifier line, a timing line `start --> end [settings]` and one or
//!   more lines of text, ended by a blank line. As in the specification, the identifier is
//!   any line without `-->` and is kept verbatim, spaces included.
//!
//! Lines holding only spaces or tabs count as blank: they look blank in every editor, and
//! treating them as text would glue two cues together invisibly. One exception follows the
//! specification's block collection: such a line right after an empty line and right before a
//! timing line is the cue's identifier (a line of one space there is the identifier ` `).
//!
//! Where browsers would show something other than what the editor meant, the parser is
//! stricter than the specification and reports an error: a cue without text, a cue not
//! separated from the one above or from the `WEBVTT` line, a `-->` inside a `NOTE`, `STYLE` or
//! `REGION` block (browsers start a cue there), text after the end time without a space.
//!
//! Byte-order mark: [`crate::content::decode`] removes one, as the specification's UTF-8
//! decoder does. A second one is left in the text; browsers then do not find `WEBVTT` at the
//! start and ignore the whole file, so it is an error at line 1, column 1.
//!
//! Control characters: as the specification's preprocessing says, U+0000 (NUL) becomes U+FFFD
//! (`�`) in the whole file before parsing. The other C0 controls (U+0001–U+0008, U+000B,
//! U+000E–U+001F) and U+007F become U+FFFD too; tab, line feed, form feed and carriage return
//! are whitespace and stay. These characters are invisible, never meant (they come from broken
//! exports and copy-paste) and not allowed in HTML or XML, so they cannot be published as they
//! are; replaced, they show as `�` in the transcript and in the published captions, and the
//! build goes on. Rejected: failing the build over a character the editor cannot see. Not done
//! yet: a warning at `file:line:col` beside the replacement, which needs [`parse`] to return
//! warnings with the cues (assembly takes errors only).

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, SourceText, line_starts};

/// The arrow between a cue's start and end times.
const ARROW: &str = "-->";

/// The byte-order mark, U+FEFF.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// An example shown in help texts, in the form WebVTT requires.
const EXAMPLE_TIME: &str = "`00:01:05.000`";

const MS_PER_SECOND: u64 = 1_000;
const MS_PER_MINUTE: u64 = 60 * MS_PER_SECOND;
const MS_PER_HOUR: u64 = 60 * MS_PER_MINUTE;

/// A time in a video, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// Reads a time as written in a caption file (`mm:ss.ttt` or `hh:mm:ss.ttt`) or in front
    /// matter, where the fraction may be left out (`mm:ss`, `hh:mm:ss`), the minutes of
    /// `m:ss` may have one digit (`1:10`, the form [`Timestamp::to_display`] writes) and the
    /// fraction may have one to three digits (`1:10.5`). Surrounding spaces are ignored.
    pub fn parse(text: &str) -> Option<Timestamp> {
        parse_timestamp(text.trim(), Strictness::Loose).ok()
    }

    /// The time in seconds, with the milliseconds as a fraction.
    pub fn seconds(self) -> f64 {
        self.0 as f64 / MS_PER_SECOND as f64
    }

    /// The time in seconds, rounded down.
    pub fn whole_seconds(self) -> u64 {
        self.0 / MS_PER_SECOND
    }

    /// The form WebVTT files use, always with hours: `00:01:10.500`.
    pub fn to_vtt(self) -> String {
        let (hours, minutes, seconds, millis) = self.parts();
        format!("{hours:02}:{minutes:02}:{seconds:02}.{millis:03}")
    }

    /// The form shown to readers, like video players do: `1:10`, or `1:02:03` when there are
    /// hours. Milliseconds are dropped (rounded down, so a chapter never appears to start
    /// later than it does).
    pub fn to_display(self) -> String {
        let (hours, minutes, seconds, _) = self.parts();
        if hours > 0 {
            format!("{hours}:{minutes:02}:{seconds:02}")
        } else {
            format!("{minutes}:{seconds:02}")
        }
    }

    /// An ISO 8601 duration for schema.org: `PT1M10S`, `PT1M10.5S`, `PT1H5S`, `PT0S`.
    pub fn to_iso8601(self) -> String {
        let (hours, minutes, seconds, millis) = self.parts();
        let mut out = String::from("PT");
        if hours > 0 {
            let _ = write!(out, "{hours}H");
        }
        if minutes > 0 {
            let _ = write!(out, "{minutes}M");
        }
        // Seconds are written when there are any, and for a zero duration, which must still
        // name one unit.
        if seconds > 0 || millis > 0 || (hours == 0 && minutes == 0) {
            let _ = write!(out, "{seconds}");
            if millis > 0 {
                let fraction = format!("{millis:03}");
                let _ = write!(out, ".{}", fraction.trim_end_matches('0'));
            }
            out.push('S');
        }
        out
    }

    /// Hours, minutes (0–59), seconds (0–59) and milliseconds (0–999).
    fn parts(self) -> (u64, u64, u64, u64) {
        let ms = self.0;
        (
            ms / MS_PER_HOUR,
            ms / MS_PER_MINUTE % 60,
            ms / MS_PER_SECOND % 60,
            ms % MS_PER_SECOND,
        )
    }
}

/// One caption: the text shown between two times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The identifier line above the timing line, if any.
    pub id: Option<String>,
    pub start: Timestamp,
    pub end: Timestamp,
    /// The raw cue settings after the end time (e.g. `align:start line:0`), may be empty.
    pub settings: String,
    /// The raw payload, tags and entities included, lines joined with `\n`.
    pub text: String,
    /// The 1-based line of the timing line in the source file.
    pub line: usize,
}

impl Cue {
    /// The text as a reader sees it, for transcripts and search: tags (`<v Name>`, `<i>`,
    /// `<c.yellow>`, `<00:00:01.000>`, ...) removed, entities (`&amp;`, `&lt;`, `&gt;`,
    /// `&nbsp;`, `&lrm;`, `&rlm;`, ...) decoded, line breaks and runs of spaces turned into
    /// single spaces.
    pub fn plain_text(&self) -> String {
        plain_text(&self.text)
    }
}

/// The cues of a caption file, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captions {
    pub cues: Vec<Cue>,
}

impl Captions {
    /// When the last cue ends (the latest end time, as cues may overlap).
    pub fn last_end(&self) -> Option<Timestamp> {
        self.cues.iter().map(|cue| cue.end).max()
    }

    /// Serialises back to a clean WebVTT file (WEBVTT header, cues with id/timing/settings/
    /// payload), so that the output never copies the editor's file byte for byte: comments,
    /// styles, regions, header text, odd spacing and `\r\n` line endings are dropped.
    pub fn to_vtt(&self) -> String {
        self.write(None)
    }

    /// Like [`Captions::to_vtt`], for the captions of a language written in `dir`. Browsers
    /// set each caption line in the direction of its first letter (WebVTT rendering uses
    /// `unicode-bidi: plaintext`), so an Arabic line that begins with a Latin word (`YouTube`,
    /// a name) would be laid out left to right, its words in the wrong order. Such a line gets
    /// an invisible mark of the language's direction (U+200F RIGHT-TO-LEFT MARK, or U+200E
    /// LEFT-TO-RIGHT MARK for a left-to-right language whose line begins in Arabic script),
    /// which readers do not see and which puts the words back in order.
    pub fn to_vtt_in(&self, dir: crate::config::Direction) -> String {
        self.write(Some(dir))
    }

    fn write(&self, dir: Option<crate::config::Direction>) -> String {
        let mut out = String::from("WEBVTT\n");
        for cue in &self.cues {
            out.push('\n');
            if let Some(id) = &cue.id {
                out.push_str(id);
                out.push('\n');
            }
            push_timing(&mut out, cue.start, cue.end);
            if !cue.settings.is_empty() {
                out.push(' ');
                out.push_str(&cue.settings);
            }
            out.push('\n');
            for line in cue.text.split('\n') {
                if let Some(mark) = dir.and_then(|dir| direction_mark(line, dir)) {
                    out.push(mark);
                }
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

/// The mark that keeps a caption `line` in the direction `dir` when its first letter is of the
/// other direction (see [`Captions::to_vtt_in`]); tags are skipped, digits and punctuation have
/// no direction of their own.
fn direction_mark(line: &str, dir: crate::config::Direction) -> Option<char> {
    use crate::config::Direction;
    // Inside `<...>` (a tag) or `&...;` (an entity), nothing is shown.
    let mut hidden: Option<char> = None;
    for c in line.chars() {
        match c {
            _ if hidden == Some(c) => hidden = None,
            _ if hidden.is_some() => {}
            '<' => hidden = Some('>'),
            '&' => hidden = Some(';'),
            '\u{200f}' => return None,
            '\u{200e}' => return None,
            c if is_right_to_left(c) => {
                return (dir == Direction::Ltr).then_some('\u{200e}');
            }
            c if c.is_alphabetic() => {
                return (dir == Direction::Rtl).then_some('\u{200f}');
            }
            _ => {}
        }
    }
    None
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic
/// presentation forms).
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}')
        && c.is_alphabetic()
}

/// Writes a WebVTT file from (start, end, text) triples, escaping `&`, `<` and `>` in the
/// text; used to generate the chapters track from segments. Blank lines inside a text are
/// dropped, as they would end the cue.
pub fn write_cues<'a>(cues: impl IntoIterator<Item = (Timestamp, Timestamp, &'a str)>) -> String {
    let mut out = String::from("WEBVTT\n");
    for (start, end, text) in cues {
        out.push('\n');
        push_timing(&mut out, start, end);
        out.push('\n');
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(escape_text)
            .collect();
        out.push_str(&lines.join("\n"));
        out.push('\n');
    }
    out
}

/// Parses a WebVTT file, given as [`crate::content::decode`] returns it (one byte-order mark
/// removed). Returns every problem found (not just the first); on any error the result is Err.
/// Parsing is linear in the size of the file and never panics, whatever the input.
pub fn parse(source: &Arc<SourceText>) -> Result<Captions, Vec<Diagnostic>> {
    // The control characters are replaced in a copy of the text; each is one character
    // replaced by one, so every line and column stays that of the editor's file.
    let cleaned;
    let source = match replace_controls(&source.text) {
        Some(text) => {
            cleaned = SourceText::new(source.path.clone(), text);
            &cleaned
        }
        None => source,
    };
    let mut parser = Parser {
        source,
        cues: Vec::new(),
        diagnostics: Vec::new(),
        latest_start: None,
    };
    parser.file();
    if parser.diagnostics.is_empty() {
        Ok(Captions { cues: parser.cues })
    } else {
        Err(parser.diagnostics)
    }
}

/// Whether the preprocessing replaces `c` by U+FFFD: NUL and the C0 controls that are not
/// whitespace, and DELETE (see the module doc).
fn is_replaced_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}')
}

/// The text with its control characters replaced by U+FFFD, or None if it has none.
fn replace_controls(text: &str) -> Option<String> {
    if !text.contains(is_replaced_control) {
        return None;
    }
    let replaced = text
        .chars()
        .map(|c| {
            if is_replaced_control(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect();
    Some(replaced)
}

// ---------------------------------------------------------------------------------------------
// Timestamps

/// Cue timing lines follow the specification exactly, as browsers drop cues whose times they
/// cannot read; front matter is friendlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    Cue,
    Loose,
}

/// Why a time could not be read, each with its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimestampError {
    /// Not made of numbers and colons at all.
    Malformed,
    /// `00:01,000`, as SRT files write it.
    Comma,
    /// `00:01:05` in a cue timing line.
    MissingMilliseconds,
    /// `00:01:05.5` in a cue timing line.
    MillisecondDigits,
    /// `00:1:05.000` or `00:01:5.000`.
    TwoDigits,
    /// `00:75.000`: minutes or seconds of 60 or more; carries the time it would mean.
    OutOfRange(Option<Timestamp>),
}

impl TimestampError {
    fn help(self) -> String {
        match self {
            TimestampError::Malformed => format!(
                "write times as minutes:seconds.milliseconds or hours:minutes:seconds.milliseconds, e.g. {EXAMPLE_TIME}"
            ),
            TimestampError::Comma => format!(
                "put a full stop before the milliseconds, e.g. {EXAMPLE_TIME} (a comma is what SRT files use, not WebVTT)"
            ),
            TimestampError::MissingMilliseconds => format!(
                "add the milliseconds after a full stop, e.g. {EXAMPLE_TIME} (`.000` if you do not know them)"
            ),
            TimestampError::MillisecondDigits => {
                "write the milliseconds with exactly three digits, e.g. `00:01:05.500` for five and a half seconds"
                    .to_string()
            }
            TimestampError::TwoDigits => format!(
                "write minutes and seconds with two digits each, e.g. {EXAMPLE_TIME} rather than `00:1:5.000`"
            ),
            TimestampError::OutOfRange(meant) => {
                let mut help = "minutes and seconds go from 00 to 59".to_string();
                if let Some(meant) = meant {
                    let _ = write!(help, "; did you mean `{}`?", meant.to_vtt());
                }
                help
            }
        }
    }
}

/// Reads `[hh:]mm:ss.ttt` (see [`Timestamp::parse`] for what `Loose` adds).
fn parse_timestamp(text: &str, strictness: Strictness) -> Result<Timestamp, TimestampError> {
    let strict = strictness == Strictness::Cue;
    let (clock, fraction) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], Some((&text[i + 1..], &text[i..=i] == ","))),
        None => (text, None),
    };
    let fields: Vec<&str> = clock.split(':').collect();
    let is_number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !fields.iter().all(|field| is_number(field)) {
        return Err(TimestampError::Malformed);
    }
    let (hours, minutes, seconds) = match fields[..] {
        [minutes, seconds] => (None, minutes, seconds),
        [hours, minutes, seconds] => (Some(hours), minutes, seconds),
        _ => return Err(TimestampError::Malformed),
    };
    // The specification requires two-digit minutes and seconds; only the leading minutes of
    // a front-matter `m:ss` may have a single digit.
    let minutes_ok = minutes.len() == 2 || (!strict && hours.is_none() && minutes.len() == 1);
    if !minutes_ok || seconds.len() != 2 {
        return Err(TimestampError::TwoDigits);
    }
    let millis = match fraction {
        Some((digits, _)) if !is_number(digits) => return Err(TimestampError::Malformed),
        Some((_, true)) => return Err(TimestampError::Comma),
        Some((digits, false)) => parse_millis(digits, strict)?,
        None if strict => return Err(TimestampError::MissingMilliseconds),
        None => 0,
    };
    let hours = hours.map_or(Some(0), |h| h.parse::<u64>().ok());
    let (Some(hours), Ok(minutes), Ok(seconds)) =
        (hours, minutes.parse::<u64>(), seconds.parse::<u64>())
    else {
        return Err(TimestampError::Malformed);
    };
    let total = hours
        .checked_mul(MS_PER_HOUR)
        .and_then(|ms| ms.checked_add(minutes * MS_PER_MINUTE))
        .and_then(|ms| ms.checked_add(seconds * MS_PER_SECOND + millis))
        .map(Timestamp);
    if minutes >= 60 || seconds >= 60 {
        return Err(TimestampError::OutOfRange(total));
    }
    total.ok_or(TimestampError::Malformed)
}

/// The milliseconds after the full stop: exactly three digits in a cue, one to three
/// (as a decimal fraction: `.5` is 500) in front matter.
fn parse_millis(digits: &str, strict: bool) -> Result<u64, TimestampError> {
    if digits.len() != 3 && (strict || digits.len() > 3) {
        return Err(TimestampError::MillisecondDigits);
    }
    let padded = format!("{digits:0<3}");
    padded.parse().map_err(|_| TimestampError::Malformed)
}

// ---------------------------------------------------------------------------------------------
// Writing

fn push_timing(out: &mut String, start: Timestamp, end: Timestamp) {
    let _ = write!(out, "{} {ARROW} {}", start.to_vtt(), end.to_vtt());
}

/// Escapes the characters that WebVTT text reads as markup.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Plain text

/// Removes tags, decodes entities and joins lines; see [`Cue::plain_text`].
pub(crate) fn plain_text(payload: &str) -> String {
    let mut out = String::with_capacity(payload.len());
    let mut rest = payload;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            // Like browsers, a tag runs to the next `>`, or to the end if there is none.
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else if let Some((decoded, len)) = decode_entity(rest) {
            out.push(decoded);
            rest = &rest[len..];
        } else {
            // A lone `&` is plain text.
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    // Only ASCII whitespace is collapsed: a decoded `&nbsp;` is kept on purpose.
    out.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes the character reference at the start of `text` (which starts with `&`): the
/// character and the length of the reference, or None if it is not one.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    // The longest reference understood here is `&#x10FFFF;`.
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &text[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => '\u{a0}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((decoded, end + 1))
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// One line of the source, without its line ending.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    /// Byte offset of the line in the source text.
    start: usize,
    /// 1-based line number.
    number: usize,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.text.trim_matches([' ', '\t']).is_empty()
    }

    fn has_arrow(&self) -> bool {
        self.text.contains(ARROW)
    }

    /// The source range of the whole line.
    fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The source range of a part of the line, given as a range of the line's text.
    fn sub_range(&self, part: Range<usize>) -> Range<usize> {
        self.start + part.start..self.start + part.end
    }

    /// Whether the line starts a block of the given kind (`NOTE`, `STYLE`, `REGION`): the
    /// keyword alone or followed by a space or tab.
    fn starts_block(&self, keyword: &str) -> bool {
        self.text
            .strip_prefix(keyword)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    }
}

/// Splits the text into lines, each without its line end (`\r\n`, `\r` or `\n`), numbered as
/// [`SourceText`] numbers them.
fn lines(text: &str) -> Vec<Line<'_>> {
    let starts = line_starts(text);
    starts
        .iter()
        .enumerate()
        .map(|(index, &start)| {
            let end = starts.get(index + 1).copied().unwrap_or(text.len());
            // Line starts follow an ASCII line end, so they are character boundaries; a line
            // holds no `\r` or `\n` but those of its own end.
            let raw = &text[start..end];
            let raw = raw.strip_suffix('\n').unwrap_or(raw);
            Line {
                text: raw.strip_suffix('\r').unwrap_or(raw),
                start,
                number: index + 1,
            }
        })
        .collect()
}

/// Splits lines into blocks separated by blank lines (see [`is_blank_identifier`] for the
/// blank line that is not a separator).
fn blocks<'l, 'a>(lines: &'l [Line<'a>]) -> Vec<&'l [Line<'a>]> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() && !is_blank_identifier(lines, i) {
            if start < i {
                blocks.push(&lines[start..i]);
            }
            start = i + 1;
        }
    }
    if start < lines.len() {
        blocks.push(&lines[start..]);
    }
    blocks
}

/// Whether `lines[i]`, made of spaces or tabs, is a cue identifier: right after an empty line
/// and right before a timing line. The specification's block collection ends a block only at
/// an empty line and takes a block's first line as the identifier when the second is the
/// timing line; elsewhere such a line is read as blank (see the module doc).
fn is_blank_identifier(lines: &[Line], i: usize) -> bool {
    let after_empty = i
        .checked_sub(1)
        .and_then(|before| lines.get(before))
        .is_some_and(|line| line.text.is_empty());
    let before_timing = lines.get(i + 1).is_some_and(Line::has_arrow);
    lines.get(i).is_some_and(|line| !line.text.is_empty()) && after_empty && before_timing
}

/// The parts of a timing line, as ranges of the line's text.
struct TimingParts {
    start: Range<usize>,
    arrow: Range<usize>,
    end: Range<usize>,
    settings: Range<usize>,
}

impl TimingParts {
    /// Splits `start --> end settings`; whitespace around the arrow is optional, as browsers
    /// accept `00:01.000-->00:02.000`.
    fn split(text: &str) -> Option<TimingParts> {
        let arrow_at = text.find(ARROW)?;
        let arrow = arrow_at..arrow_at + ARROW.len();
        let start = trimmed(text, 0..arrow.start);
        let after = trimmed(text, arrow.end..text.len());
        let end_len = text[after.clone()].find([' ', '\t']).unwrap_or(after.len());
        let end = after.start..after.start + end_len;
        let settings = trimmed(text, end.end..text.len());
        Some(TimingParts {
            start,
            arrow,
            end,
            settings,
        })
    }
}

/// `range` of `text` without the spaces and tabs at either end.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start_matches([' ', '\t']).len());
    let end = range.end - (part.len() - part.trim_end_matches([' ', '\t']).len());
    start..end.max(start)
}

/// A line that looks like a timing line whose arrow is missing or mistyped
/// (`00:01.000 - 00:02.000`, `00:01.000 -> 00:02.000`, `00:01.000 00:02.000`): two times
/// separated only by punctuation and spaces. Returns the range of the separator.
fn missing_arrow(text: &str) -> Option<Range<usize>> {
    let is_time_char = |c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | ',');
    let first = trimmed(text, 0..text.len());
    let body = &text[first.clone()];
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first_len = body.find(|c: char| !is_time_char(c))?;
    let gap_start = first.start + first_len;
    let gap_len = text[gap_start..].find(|c: char| c.is_alphanumeric())?;
    let second_start = gap_start + gap_len;
    let second_len = text[second_start..]
        .find(|c: char| !is_time_char(c))
        .unwrap_or(text.len() - second_start);
    let looks_like_time = |s: &str| s.starts_with(|c: char| c.is_ascii_digit()) && s.contains(':');
    let both_times = looks_like_time(&body[..first_len])
        && looks_like_time(&text[second_start..second_start + second_len]);
    if !both_times {
        return None;
    }
    // Point at the mistyped arrow if there is one, else at the space where it should be.
    let gap = trimmed(text, gap_start..second_start);
    Some(if gap.is_empty() {
        gap_start..second_start
    } else {
        gap
    })
}

struct Parser<'s> {
    source: &'s Arc<SourceText>,
    cues: Vec<Cue>,
    diagnostics: Vec<Diagnostic>,
    /// The latest start of the cues so far and the line of its cue, to find cues out of order.
    latest_start: Option<(Timestamp, usize)>,
}

impl Parser<'_> {
    fn file(&mut self) {
        let source = Arc::clone(self.source);
        let mut lines = lines(&source.text);
        self.extra_byte_order_mark(&mut lines);
        let body = self.header(&lines);
        for block in blocks(body) {
            self.block(block);
        }
    }

    /// Reports byte-order marks left at the start (one was removed when the file was read),
    /// then takes them off the first line so that the rest of the file is checked too.
    fn extra_byte_order_mark(&mut self, lines: &mut [Line]) {
        let Some(first) = lines.first_mut() else {
            return;
        };
        let rest = first.text.trim_start_matches(BYTE_ORDER_MARK);
        let marks = first.text.len() - rest.len();
        if marks == 0 {
            return;
        }
        let range = first.start..first.start + marks;
        first.text = rest;
        first.start += marks;
        self.error(
            "the file starts with an invisible character (a second byte-order mark, U+FEFF) before `WEBVTT`, so browsers ignore the whole file",
            "the file was saved with its encoding mark twice: delete the invisible character at the very start of the first line (or retype the line WEBVTT), then save the file as UTF-8",
            range,
        );
    }

    /// Checks the `WEBVTT` line and skips the header block; returns the lines after it.
    fn header<'l, 'a>(&mut self, lines: &'l [Line<'a>]) -> &'l [Line<'a>] {
        let Some(first) = lines.first() else {
            return lines;
        };
        let is_signature = first
            .text
            .strip_prefix("WEBVTT")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        let mut header_at = 0;
        if !is_signature {
            // A misspelt signature (`WebVTT`, `WEBVTT:`, or below empty lines) still heads a
            // header; anything else (often an SRT file, or a file that starts with its first
            // cue) is read as cues, so that their problems are reported too.
            let misspelt_at = lines
                .iter()
                .position(|line| !line.is_blank())
                .filter(|&i| lines[i].text.to_ascii_uppercase().starts_with("WEBVTT"));
            self.error(
                "the file does not start with `WEBVTT`",
                header_help(lines, misspelt_at),
                first.range(),
            );
            match misspelt_at {
                Some(at) => header_at = at,
                None => return lines,
            }
        }
        let lines = &lines[header_at..];
        let header_len = lines.iter().position(Line::is_blank).unwrap_or(lines.len());
        let header = &lines[..header_len];
        if let Some(cue_at) = header.iter().position(Line::has_arrow) {
            // Browsers read this as header text and never show the cue.
            self.error(
                "this cue is not separated from the `WEBVTT` line by an empty line",
                "leave an empty line after the WEBVTT line (and any text that follows it)",
                header[cue_at].range(),
            );
            self.cue_block(&header[cue_at..]);
        }
        &lines[header_len..]
    }

    fn block(&mut self, block: &[Line]) {
        let first = &block[0];
        if first.starts_block("NOTE") || first.starts_block("STYLE") || first.starts_block("REGION")
        {
            self.skipped_block(block);
        } else {
            self.cue_block(block);
        }
    }

    /// A comment, style or region block: skipped, but a `-->` inside would make browsers show
    /// a cue the editor meant to hide (the arrow ends the comment).
    fn skipped_block(&mut self, block: &[Line]) {
        for line in block.iter().filter(|line| line.has_arrow()) {
            let at = line.text.find(ARROW).unwrap_or(0);
            self.error(
                format!("`{ARROW}` inside a `{}` block", first_word(block[0].text)),
                "browsers read this line as the start of a cue; to hide a cue, delete it, or put an empty line before it to show it",
                line.sub_range(at..at + ARROW.len()),
            );
        }
    }

    /// A block that should be a cue: optional identifier, timing line, text; and the cues
    /// that follow it without an empty line (a loop, not recursion, so that a file of
    /// thousands of timing lines in a row cannot overflow the stack).
    fn cue_block(&mut self, block: &[Line]) {
        let Some(timing_at) = block.iter().position(Line::has_arrow) else {
            self.block_without_timing(block);
            return;
        };
        if timing_at >= 2 {
            // Only the line right above the timing line can be the cue's identifier.
            self.unattached_text(&block[0]);
        }
        let mut id = timing_at.checked_sub(1).map(|i| block[i]);
        let mut rest = &block[timing_at..];
        while let Some((timing, after)) = rest.split_first() {
            let payload_len = after
                .iter()
                .position(Line::has_arrow)
                .unwrap_or(after.len());
            self.cue(id.take(), timing, &after[..payload_len]);
            rest = &after[payload_len..];
            if let Some(next) = rest.first() {
                // Browsers start a new cue here, taking the line above as the previous cue's
                // text.
                self.error(
                    "this cue is not separated from the previous one by an empty line",
                    "leave an empty line between two cues",
                    next.range(),
                );
            }
        }
    }

    /// A block with no `-->` at all: a timing line with a mistyped arrow, or stray text.
    fn block_without_timing(&mut self, block: &[Line]) {
        // The timing line is the first or, after an identifier, the second line of a cue.
        for line in block.iter().take(2) {
            if let Some(gap) = missing_arrow(line.text) {
                self.error(
                    format!("this timing line has no `{ARROW}` between its start and end times"),
                    "write the times as `00:01:05.000 --> 00:01:08.500`, with two hyphens and a greater-than sign between them",
                    line.sub_range(gap),
                );
                return;
            }
        }
        self.unattached_text(&block[0]);
    }

    fn unattached_text(&mut self, line: &Line) {
        self.error(
            "this text is not part of any cue",
            "every caption needs a timing line such as `00:01:05.000 --> 00:01:08.500` right above its text; if this text belongs to the cue above, remove the empty line before it",
            line.range(),
        );
    }

    /// Reads one cue and records it if its times are valid.
    fn cue(&mut self, id: Option<Line>, timing: &Line, payload: &[Line]) {
        let times = self.timing(timing);
        if payload.is_empty() {
            self.error(
                "this cue has no text",
                "write the caption on the line right below the timing line, or delete the timing line if the cue is not needed",
                timing.range(),
            );
        }
        let Some((start, end, settings)) = times else {
            return;
        };
        self.cues.push(Cue {
            id: id.map(|line| line.text.to_string()),
            start,
            end,
            settings: timing.text[settings].to_string(),
            text: payload
                .iter()
                .map(|line| line.text)
                .collect::<Vec<_>>()
                .join("\n"),
            line: timing.number,
        });
    }

    /// Reads and checks a timing line: both times, their order, and the order of cues.
    fn timing(&mut self, line: &Line) -> Option<(Timestamp, Timestamp, Range<usize>)> {
        let parts = TimingParts::split(line.text)?;
        let start = self.time(line, parts.start.clone(), &parts.arrow, "start");
        let end = self.time(line, parts.end.clone(), &parts.arrow, "end");
        if let Some(start) = start {
            self.check_order(line, start, parts.start.clone());
        }
        let (start, end) = (start?, end?);
        if end <= start {
            self.error(
                format!(
                    "this cue ends at {}, which is not after its start ({})",
                    end.to_vtt(),
                    start.to_vtt()
                ),
                "the second time is when the caption disappears: it must be later than the first",
                line.sub_range(parts.end.clone()),
            );
        }
        (end > start).then_some((start, end, parts.settings))
    }

    /// Cues must come in the order they are shown, or browsers and players mix them up.
    fn check_order(&mut self, line: &Line, start: Timestamp, range: Range<usize>) {
        match self.latest_start {
            Some((latest, latest_line)) if start < latest => self.error(
                format!(
                    "this cue starts at {}, before the cue on line {latest_line}, which starts at {}",
                    start.to_vtt(),
                    latest.to_vtt()
                ),
                "put the cues in the order they appear in the video, or correct this cue's times",
                line.sub_range(range),
            ),
            _ => self.latest_start = Some((start, line.number)),
        }
    }

    /// Reads the start or end time of a timing line, reporting why it is not valid.
    fn time(
        &mut self,
        line: &Line,
        range: Range<usize>,
        arrow: &Range<usize>,
        which: &str,
    ) -> Option<Timestamp> {
        let text = &line.text[range.clone()];
        if text.is_empty() {
            self.error(
                format!("this timing line has no {which} time"),
                "write the times as `00:01:05.000 --> 00:01:08.500`",
                line.sub_range(arrow.clone()),
            );
            return None;
        }
        match parse_timestamp(text, Strictness::Cue) {
            Ok(time) => Some(time),
            Err(error) => {
                let help = if which == "start" && text.contains([' ', '\t']) {
                    // Typically `1 00:00:01.000 --> ...`: the identifier on the timing line.
                    "put the cue's identifier (if any) on its own line above the timing line, and only the times on the timing line".to_string()
                } else if which == "start" && !text.starts_with(|c: char| c.is_ascii_digit()) {
                    // Any line with `-->` is read as a timing line, an identifier too.
                    format!(
                        "a timing line starts with a time, e.g. {EXAMPLE_TIME}; if this line is the cue's identifier, it cannot contain `{ARROW}`: remove the arrow from it"
                    )
                } else {
                    error.help()
                };
                self.error(
                    format!("`{text}` is not a valid {which} time"),
                    help,
                    line.sub_range(range),
                );
                None
            }
        }
    }

    fn error(&mut self, message: impl Into<String>, help: impl Into<String>, range: Range<usize>) {
        self.diagnostics.push(
            Diagnostic::error(message)
                .with_help(help)
                .at(self.source, range),
        );
    }
}

/// The help for a missing `WEBVTT` line, with a hint for the usual causes; `signature_at` is
/// the index of a misspelt `WEBVTT` line, if there is one.
fn header_help(lines: &[Line], signature_at: Option<usize>) -> String {
    let mut help = "the first line of a caption file must be WEBVTT".to_string();
    let looks_like_srt = lines
        .iter()
        .any(|line| line.has_arrow() && line.text.contains(','));
    match signature_at {
        Some(0) => {
            help.push_str(", in capital letters, optionally followed by a space and a title")
        }
        Some(_) => help.push_str("; remove the empty lines above it"),
        None if looks_like_srt => help.push_str(
            "; this looks like an SRT file: export it as WebVTT (.vtt) from your subtitle tool",
        ),
        None => help.push_str("; add it, then an empty line, at the top of the file"),
    }
    help
}

fn first_word(text: &str) -> &str {
    text.split([' ', '\t']).next().unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Arc<SourceText> {
        SourceText::new("content/stories/a/captions.en.vtt", text)
    }

    fn parse_ok(text: &str) -> Captions {
        match parse(&source(text)) {
            Ok(captions) => captions,
            Err(diagnostics) => panic!("unexpected errors: {diagnostics:#?}"),
        }
    }

    /// The diagnostics of an invalid file, as `path:line:col: error: message (help: ...)`.
    fn errors(text: &str) -> Vec<String> {
        match parse(&source(text)) {
            Ok(captions) => panic!("expected errors, got {captions:#?}"),
            Err(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    /// Asserts a single error at `line:col` whose text contains `message`.
    fn assert_one_error(text: &str, line_col: &str, message: &str) -> String {
        let errors = errors(text);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let prefix = format!("content/stories/a/captions.en.vtt:{line_col}: error: ");
        assert!(errors[0].starts_with(&prefix), "{}", errors[0]);
        assert!(errors[0].contains(message), "{}", errors[0]);
        assert!(errors[0].contains("(help: "), "{}", errors[0]);
        errors[0].clone()
    }

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap_or_else(|| panic!("cannot parse {text}"))
    }

    // --- Timestamp -------------------------------------------------------------------------

    #[test]
    fn parses_webvtt_times() {
        assert_eq!(Timestamp::parse("00:01.000"), Some(Timestamp(1_000)));
        assert_eq!(Timestamp::parse("01:10.500"), Some(Timestamp(70_500)));
        assert_eq!(Timestamp::parse("00:01:10.500"), Some(Timestamp(70_500)));
        assert_eq!(Timestamp::parse("1:02:03.004"), Some(Timestamp(3_723_004)));
        assert_eq!(
            Timestamp::parse("100:00:00.000"),
            Some(Timestamp(360_000_000))
        );
        assert_eq!(Timestamp::parse("00:59:59.999"), Some(Timestamp(3_599_999)));
    }

    #[test]
    fn parses_front_matter_times() {
        assert_eq!(Timestamp::parse("01:10"), Some(Timestamp(70_000)));
        assert_eq!(Timestamp::parse("1:10"), Some(Timestamp(70_000)));
        assert_eq!(Timestamp::parse("01:02:03"), Some(Timestamp(3_723_000)));
        assert_eq!(Timestamp::parse("1:02:03"), Some(Timestamp(3_723_000)));
        assert_eq!(Timestamp::parse(" 1:10.5 "), Some(Timestamp(70_500)));
        assert_eq!(Timestamp::parse("1:10.25"), Some(Timestamp(70_250)));
    }

    #[test]
    fn rejects_malformed_times() {
        for text in [
            "",
            "1",
            "10",
            ":10",
            "00:",
            "00:5",
            "00:1:05",
            "1:2:03",
            "00:60",
            "60:00",
            "00:00:60.000",
            "00:60:00.000",
            "00:01.0000",
            "00:01.",
            "00:01,000",
            "a:10",
            "00:01.000x",
            "-00:01.000",
            "00:00:00:01.000",
            "1:10 extra",
            "+1:10",
            "99999999999999999999:00:00.000",
            "9999999999999999:00:00.000",
        ] {
            assert_eq!(Timestamp::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn cue_times_need_the_strict_form() {
        let strict = |text| parse_timestamp(text, Strictness::Cue);
        assert_eq!(strict("00:01:05.000"), Ok(Timestamp(65_000)));
        assert_eq!(strict("00:01:05"), Err(TimestampError::MissingMilliseconds));
        assert_eq!(strict("1:05.000"), Err(TimestampError::TwoDigits));
        assert_eq!(strict("00:01:5.000"), Err(TimestampError::TwoDigits));
        assert_eq!(strict("00:01:05.5"), Err(TimestampError::MillisecondDigits));
        assert_eq!(strict("00:01:05,000"), Err(TimestampError::Comma));
        assert_eq!(
            strict("00:75.000"),
            Err(TimestampError::OutOfRange(Some(Timestamp(75_000))))
        );
        assert_eq!(strict("00 :01.000"), Err(TimestampError::Malformed));
    }

    #[test]
    fn formats_times() {
        let t = Timestamp(70_500);
        assert_eq!(t.to_vtt(), "00:01:10.500");
        assert_eq!(t.to_display(), "1:10");
        assert_eq!(t.to_iso8601(), "PT1M10.5S");
        assert_eq!(t.seconds(), 70.5);
        assert_eq!(t.whole_seconds(), 70);

        assert_eq!(Timestamp(70_000).to_iso8601(), "PT1M10S");
        assert_eq!(Timestamp(0).to_vtt(), "00:00:00.000");
        assert_eq!(Timestamp(0).to_display(), "0:00");
        assert_eq!(Timestamp(0).to_iso8601(), "PT0S");
        assert_eq!(Timestamp(5_999).to_display(), "0:05");
        assert_eq!(Timestamp(3_723_004).to_vtt(), "01:02:03.004");
        assert_eq!(Timestamp(3_723_004).to_display(), "1:02:03");
        assert_eq!(Timestamp(3_723_004).to_iso8601(), "PT1H2M3.004S");
        assert_eq!(Timestamp(3_600_000).to_iso8601(), "PT1H");
        assert_eq!(Timestamp(3_605_000).to_iso8601(), "PT1H5S");
        assert_eq!(Timestamp(250).to_iso8601(), "PT0.25S");
        assert_eq!(Timestamp(360_000_000).to_vtt(), "100:00:00.000");
    }

    #[test]
    fn formatted_times_parse_back() {
        for ms in [
            0, 1, 999, 1_000, 59_999, 60_000, 3_599_999, 3_600_000, 36_000_123,
        ] {
            let t = Timestamp(ms);
            assert_eq!(Timestamp::parse(&t.to_vtt()), Some(t));
            assert_eq!(
                Timestamp::parse(&t.to_display()),
                Some(Timestamp(t.whole_seconds() * 1000))
            );
        }
    }

    #[test]
    fn orders_times() {
        assert!(ts("00:59.999") < ts("01:00.000"));
        assert!(ts("1:00:00") > ts("59:59.999"));
    }

    // --- Valid files -----------------------------------------------------------------------

    const VALID: &str = "WEBVTT - Interview with Amal\n\
        Kind: captions\n\
        \n\
        NOTE recorded in 2019,\n\
        reviewed by Sam\n\
        \n\
        STYLE\n\
        ::cue { color: yellow }\n\
        \n\
        intro\n\
        00:00:01.000 --> 00:00:04.500 align:start line:0\n\
        <v Amal>We left in the <i>spring</i>.\n\
        - The whole family?\n\
        \n\
        00:04.500 --> 00:00:08.000\n\
        Yes &amp; the neighbours &lt;3\n\
        \n\
        2\n\
        01:00:00.000 --> 01:00:02.250\n\
        <c.yellow>Later</c>\n";

    #[test]
    fn parses_a_valid_file() {
        let captions = parse_ok(VALID);
        assert_eq!(captions.cues.len(), 3);

        let first = &captions.cues[0];
        assert_eq!(first.id.as_deref(), Some("intro"));
        assert_eq!(first.start, Timestamp(1_000));
        assert_eq!(first.end, Timestamp(4_500));
        assert_eq!(first.settings, "align:start line:0");
        assert_eq!(
            first.text,
            "<v Amal>We left in the <i>spring</i>.\n- The whole family?"
        );
        assert_eq!(first.line, 11);
        assert_eq!(
            first.plain_text(),
            "We left in the spring. - The whole family?"
        );

        let second = &captions.cues[1];
        assert_eq!(second.id, None);
        assert_eq!(second.start, Timestamp(4_500));
        assert_eq!(second.settings, "");
        assert_eq!(second.plain_text(), "Yes & the neighbours <3");
        assert_eq!(second.line, 15);

        let third = &captions.cues[2];
        assert_eq!(third.id.as_deref(), Some("2"));
        assert_eq!(third.plain_text(), "Later");
        assert_eq!(captions.last_end(), Some(Timestamp(3_602_250)));
    }

    #[test]
    fn accepts_crlf_line_endings() {
        let crlf = VALID.replace('\n', "\r\n");
        let captions = parse_ok(&crlf);
        assert_eq!(captions, parse_ok(VALID));
        assert!(!captions.cues[0].text.contains('\r'));
    }

    #[test]
    fn crlf_errors_point_at_the_right_place() {
        let text =
            "WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n\r\n00:03.000 --> 00:1.000\r\nBye\r\n";
        assert_one_error(text, "6:15", "`00:1.000` is not a valid end time");
    }

    #[test]
    fn accepts_minimal_and_unusual_but_valid_files() {
        assert_eq!(parse_ok("WEBVTT").cues, vec![]);
        assert_eq!(parse_ok("WEBVTT\n").cues, vec![]);
        assert_eq!(parse_ok("WEBVTT\tcaptions\n\n\n\n").cues, vec![]);
        // No spaces around the arrow, several spaces before the settings, no final newline.
        let captions = parse_ok("WEBVTT\n\n00:01.000-->00:02.000   size:50%\nHi");
        assert_eq!(captions.cues[0].settings, "size:50%");
        assert_eq!(captions.cues[0].text, "Hi");
        // Lines of spaces separate cues; overlapping cues and equal starts are fine.
        let captions =
            parse_ok("WEBVTT\n  \n00:01.000 --> 00:05.000\nA\n \t\n00:01.000 --> 00:03.000\nB\n");
        assert_eq!(captions.cues.len(), 2);
        assert_eq!(captions.last_end(), Some(Timestamp(5_000)));
    }

    #[test]
    fn skips_note_style_and_region_blocks() {
        let text = "WEBVTT\n\n\
            REGION\nid:fred width:40%\n\n\
            NOTE\nThis is a comment\nover two lines\n\n\
            00:01.000 --> 00:02.000\nHi\n\n\
            NOTE a comment after a cue\n\n\
            NOTEBOOK\n00:03.000 --> 00:04.000\nA cue whose identifier starts with NOTE\n";
        let captions = parse_ok(text);
        assert_eq!(captions.cues.len(), 2);
        assert_eq!(captions.cues[1].id.as_deref(), Some("NOTEBOOK"));
    }

    #[test]
    fn plain_text_removes_tags_and_decodes_entities() {
        let cue = |text: &str| Cue {
            id: None,
            start: Timestamp(0),
            end: Timestamp(1),
            settings: String::new(),
            text: text.to_string(),
            line: 1,
        };
        assert_eq!(
            cue("<v.loud Amal Haddad>Hello</v>\n<b>world</b>").plain_text(),
            "Hello world"
        );
        assert_eq!(
            cue("one <00:00:01.000>two <00:00:02.000>three").plain_text(),
            "one two three"
        );
        assert_eq!(
            cue("<lang ar>مرحبا</lang> &lrm;ok&rlm;").plain_text(),
            "مرحبا \u{200e}ok\u{200f}"
        );
        assert_eq!(
            cue("a&nbsp;b &lt;i&gt; &amp;amp;").plain_text(),
            "a\u{a0}b <i> &amp;"
        );
        assert_eq!(
            cue("Tom & Jerry &unknown; &#233;t&#xE9;").plain_text(),
            "Tom & Jerry &unknown; été"
        );
        assert_eq!(cue("  spaced \n\n out ").plain_text(), "spaced out");
        assert_eq!(cue("<ruby>kan<rt>ji</rt></ruby>").plain_text(), "kanji");
        assert_eq!(cue("cut <i off").plain_text(), "cut");
        assert_eq!(cue("&#0; &#xD800; &").plain_text(), "&#0; &#xD800; &");
    }

    // --- Writing ---------------------------------------------------------------------------

    #[test]
    fn lines_beginning_in_the_other_direction_get_the_language_s_mark() {
        use crate::config::Direction;
        let captions = parse_ok(
            "WEBVTT\n\n00:01.000 --> 00:04.000\nYouTube كان مصدري الوحيد\n<i>2015</i> عام\n\n00:05.000 --> 00:06.000\n&amp; ISIS قالوا\n\u{200f}Already marked\n",
        );
        let written = captions.to_vtt_in(Direction::Rtl);
        let lines: Vec<&str> = written.lines().collect();
        assert_eq!(lines[3], "\u{200f}YouTube كان مصدري الوحيد");
        assert_eq!(
            lines[4], "<i>2015</i> عام",
            "digits take no side: the first letter is Arabic"
        );
        assert_eq!(
            lines[7], "\u{200f}&amp; ISIS قالوا",
            "entities are not letters"
        );
        assert_eq!(lines[8], "\u{200f}Already marked", "one mark, not two");
        // A left-to-right language whose line begins with Arabic script gets the other mark.
        let french = parse_ok("WEBVTT\n\n00:01.000 --> 00:04.000\nداعش, disait-il\nIl disait\n");
        let written = french.to_vtt_in(Direction::Ltr);
        assert!(
            written.contains("\n\u{200e}داعش, disait-il\nIl disait\n"),
            "{written}"
        );
        // The marked file parses back to the same text the transcript shows.
        let reparsed = parse_ok(&captions.to_vtt_in(Direction::Rtl));
        assert_eq!(
            reparsed.cues[0].plain_text(),
            "\u{200f}YouTube كان مصدري الوحيد 2015 عام"
        );
        // Without a direction nothing is added.
        assert_eq!(captions.to_vtt().matches('\u{200f}').count(), 1);
    }

    #[test]
    fn to_vtt_writes_a_clean_file_that_parses_back() {
        let captions = parse_ok(&VALID.replace('\n', "\r\n"));
        let written = captions.to_vtt();
        assert_eq!(
            written,
            "WEBVTT\n\n\
             intro\n00:00:01.000 --> 00:00:04.500 align:start line:0\n\
             <v Amal>We left in the <i>spring</i>.\n- The whole family?\n\n\
             00:00:04.500 --> 00:00:08.000\nYes &amp; the neighbours &lt;3\n\n\
             2\n01:00:00.000 --> 01:00:02.250\n<c.yellow>Later</c>\n"
        );
        let reparsed = parse_ok(&written);
        let lines_dropped = |c: &Captions| {
            c.cues
                .iter()
                .map(|cue| Cue {
                    line: 0,
                    ..cue.clone()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(lines_dropped(&reparsed), lines_dropped(&captions));
        assert_eq!(parse_ok(&reparsed.to_vtt()).to_vtt(), written);
        assert_eq!(Captions::default().to_vtt(), "WEBVTT\n");
    }

    #[test]
    fn write_cues_escapes_text() {
        let written = write_cues([
            (
                Timestamp(0),
                Timestamp(65_000),
                "Childhood & <school> --> war",
            ),
            (
                Timestamp(65_000),
                Timestamp(3_700_000),
                "Leaving\n\n  home  ",
            ),
        ]);
        assert_eq!(
            written,
            "WEBVTT\n\n\
             00:00:00.000 --> 00:01:05.000\nChildhood &amp; &lt;school&gt; --&gt; war\n\n\
             00:01:05.000 --> 01:01:40.000\nLeaving\nhome\n"
        );
        let captions = parse_ok(&written);
        assert_eq!(
            captions.cues[0].plain_text(),
            "Childhood & <school> --> war"
        );
        assert_eq!(captions.cues[1].text, "Leaving\nhome");
        assert_eq!(write_cues([]), "WEBVTT\n");
    }

    // --- Errors ----------------------------------------------------------------------------

    #[test]
    fn requires_the_webvtt_line() {
        let error = assert_one_error(
            "WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n",
            "1:1",
            "the file does not start with `WEBVTT`",
        );
        assert!(
            error.contains("(help: the first line of a caption file must be WEBVTT"),
            "{error}"
        );
        assert_one_error("", "1:1", "does not start with `WEBVTT`");
        let error = assert_one_error(
            "\n\nWEBVTT\n\n00:01.000 --> 00:02.000\nHi\n",
            "1:1",
            "`WEBVTT`",
        );
        assert!(error.contains("remove the empty lines above it"), "{error}");
        assert_one_error("webvtt\n\n00:01.000 --> 00:02.000\nHi\n", "1:1", "`WEBVTT`");
        // A file that starts with its first cue: only the missing line is wrong.
        assert_one_error("00:01.000 --> 00:02.000\nHi\n", "1:1", "`WEBVTT`");
    }

    #[test]
    fn recognises_srt_files() {
        let errors = errors("1\n00:00:01,000 --> 00:00:02,000\nHi\n");
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(errors[0].contains(":1:1: error: the file does not start with `WEBVTT`"));
        assert!(errors[0].contains("SRT file"), "{}", errors[0]);
        assert!(errors[1].contains(":2:1: error: `00:00:01,000` is not a valid start time"));
        assert!(errors[1].contains("full stop"), "{}", errors[1]);
        assert!(errors[2].contains(":2:18: error: `00:00:02,000` is not a valid end time"));
    }

    #[test]
    fn reports_malformed_times() {
        let file = |timing: &str| format!("WEBVTT\n\n{timing}\nHi\n");
        let error = assert_one_error(
            &file("00:00:01.000 --> 00:01:5.000"),
            "3:18",
            "`00:01:5.000` is not a valid end time",
        );
        assert!(error.contains("two digits"), "{error}");
        let error = assert_one_error(
            &file("00:00:75.000 --> 00:01:30.000"),
            "3:1",
            "`00:00:75.000` is not a valid start time",
        );
        assert!(error.contains("did you mean `00:01:15.000`?"), "{error}");
        assert_one_error(&file("00:61:00.000 --> 01:30:00.000"), "3:1", "start time");
        let error = assert_one_error(
            &file("00:00:01 --> 00:00:02.000"),
            "3:1",
            "`00:00:01` is not a valid start time",
        );
        assert!(error.contains("add the milliseconds"), "{error}");
        let error = assert_one_error(&file("00:01.000 --> 00:02.5"), "3:15", "end time");
        assert!(error.contains("three digits"), "{error}");
        let error = assert_one_error(
            &file("1 00:00:01.000 --> 00:00:02.000"),
            "3:1",
            "`1 00:00:01.000` is not a valid start time",
        );
        assert!(error.contains("identifier"), "{error}");
        assert_one_error(&file(" --> 00:02.000"), "3:2", "has no start time");
        assert_one_error(&file("00:01.000 -->  "), "3:11", "has no end time");
    }

    #[test]
    fn reports_both_bad_times_of_a_line() {
        let errors = errors("WEBVTT\n\n0:01.000 --> 0:02.000\nHi\n");
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].contains(":3:1: error: `0:01.000`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains(":3:14: error: `0:02.000`"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn reports_an_end_not_after_the_start() {
        let text = "WEBVTT\n\n00:05.000 --> 00:04.000\nHi\n\n00:06.000 --> 00:06.000\nHo\n";
        let errors = errors(text);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].contains(":3:15: error: this cue ends at 00:00:04.000, which is not after its start (00:00:05.000)"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains(":6:15: error: this cue ends at"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn reports_cues_out_of_order() {
        let text = "WEBVTT\n\n\
            00:10.000 --> 00:12.000\nA\n\n\
            00:20.000 --> 00:22.000\nB\n\n\
            00:05.000 --> 00:06.000\nC\n\n\
            00:15.000 --> 00:16.000\nD\n";
        let errors = errors(text);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].contains(
                ":9:1: error: this cue starts at 00:00:05.000, before the cue on line 6, which starts at 00:00:20.000"
            ),
            "{}",
            errors[0]
        );
        // Compared with the latest start so far, not only with the cue just above.
        assert!(
            errors[1].contains(":12:1: error: this cue starts at 00:00:15.000"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn reports_a_missing_arrow() {
        assert_one_error(
            "WEBVTT\n\n00:01.000 -> 00:02.000\nHi\n",
            "3:11",
            "this timing line has no `-->` between its start and end times",
        );
        assert_one_error("WEBVTT\n\n1\n00:01.000 00:02.000\nHi\n", "4:10", "no `-->`");
        assert_one_error("WEBVTT\n\n00:01.000 – 00:02.000\nHi\n", "3:11", "no `-->`");
        assert_one_error(
            "WEBVTT\n\nid\n00:01.000-00:02.000\nHi\n",
            "4:10",
            "no `-->`",
        );
    }

    #[test]
    fn reports_a_cue_without_text() {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nHi\n";
        assert_one_error(text, "3:1", "this cue has no text");
        // At the end of the file, and with an identifier.
        assert_one_error(
            "WEBVTT\n\nid\n00:01.000 --> 00:02.000",
            "4:1",
            "this cue has no text",
        );
    }

    #[test]
    fn reports_text_outside_cues() {
        let text =
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n\nworld\n\n00:03.000 --> 00:04.000\nHi\n";
        let error = assert_one_error(text, "6:1", "this text is not part of any cue");
        assert!(error.contains("remove the empty line"), "{error}");
        // A blank line between the timing line and the text: both problems are reported.
        let errors = errors("WEBVTT\n\n00:01.000 --> 00:02.000\n\nHello\n");
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].contains(":3:1: error: this cue has no text"));
        assert!(errors[1].contains(":5:1: error: this text is not part of any cue"));
        // Text above a cue's identifier.
        assert_one_error(
            "WEBVTT\n\nstray\nid\n00:01.000 --> 00:02.000\nHi\n",
            "3:1",
            "not part of any cue",
        );
    }

    #[test]
    fn reports_cues_not_separated_by_an_empty_line() {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:03.000 --> 00:04.000\nB\n";
        assert_one_error(text, "5:1", "not separated from the previous one");
        let text = "WEBVTT\n00:01.000 --> 00:02.000\nA\n";
        assert_one_error(text, "2:1", "not separated from the `WEBVTT` line");
    }

    #[test]
    fn reports_an_arrow_inside_a_comment() {
        let text = "WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\nhidden\n";
        assert_one_error(text, "4:11", "`-->` inside a `NOTE` block");
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = "WEBVTT\n\n\
            00:01.000 --> 00:02.000\nA\n\n\
            00:03.000 --> 00:03.5\nB\n\n\
            stray\n\n\
            00:01.000 --> 00:00.000\n\n\
            00:04.000 -> 00:05.000\nC\n";
        let errors = errors(text);
        let positions: Vec<&str> = errors
            .iter()
            .map(|e| e.split(": error").next().unwrap_or(""))
            .collect();
        assert_eq!(
            positions,
            [
                "content/stories/a/captions.en.vtt:6:15",
                "content/stories/a/captions.en.vtt:9:1",
                "content/stories/a/captions.en.vtt:11:1",
                "content/stories/a/captions.en.vtt:11:15",
                "content/stories/a/captions.en.vtt:11:1",
                "content/stories/a/captions.en.vtt:13:11",
            ],
            "{errors:#?}"
        );
    }

    // --- Against the specification's parsing rules -----------------------------------------

    /// Every cue the parser read, and every problem, even when there are problems (the public
    /// [`parse`] gives no cues then). Control characters are not replaced here.
    fn cues_and_errors(text: &str) -> (Vec<Cue>, Vec<String>) {
        let source = source(text);
        let mut parser = Parser {
            source: &source,
            cues: Vec::new(),
            diagnostics: Vec::new(),
            latest_start: None,
        };
        parser.file();
        let errors = parser.diagnostics.iter().map(ToString::to_string).collect();
        (parser.cues, errors)
    }

    #[test]
    fn rejects_a_second_byte_order_mark() {
        // `content::decode` removed the first mark; one still here is a second.
        let text = "\u{feff}WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n";
        let error = assert_one_error(text, "1:1", "second byte-order mark");
        assert!(error.contains("save the file as UTF-8"), "{error}");
        // Three marks: one error, at the same place.
        assert_one_error(&format!("\u{feff}{text}"), "1:1", "byte-order mark");
        // The rest of the file is still checked, lines and columns unchanged.
        let errors = errors("\u{feff}WEBVTT\n\n00:01.000 --> 00:1.000\nHi\n");
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].contains(":1:1: error: the file starts with an invisible character"));
        assert!(errors[1].contains(":3:15: error: `00:1.000` is not a valid end time"));
        // A mark that is not at the start is text like any other.
        let captions = parse_ok("WEBVTT\n\n00:01.000 --> 00:02.000\n\u{feff}Hi\n");
        assert_eq!(captions.cues[0].text, "\u{feff}Hi");
        // A mark before a misspelt signature: both are reported.
        let misspelt = super::tests::errors("\u{feff}WebVTT\n");
        assert_eq!(misspelt.len(), 2, "{misspelt:#?}");
        assert!(
            misspelt[1].contains("in capital letters"),
            "{}",
            misspelt[1]
        );
    }

    #[test]
    fn accepts_cr_only_and_mixed_line_endings() {
        // Old Mac files end lines with `\r` alone: the same cues, on the same lines.
        let cr = VALID.replace('\n', "\r");
        assert!(!cr.contains('\n'));
        let captions = parse_ok(&cr);
        assert_eq!(captions, parse_ok(VALID));
        assert!(captions.cues.iter().all(|cue| !cue.text.contains('\r')));
        // Mixed in one file, each line end counts once.
        let mut mixed = String::new();
        for (i, line) in VALID.split('\n').enumerate() {
            mixed.push_str(line);
            mixed.push_str(["\r", "\r\n", "\n"][i % 3]);
        }
        assert_eq!(parse_ok(&mixed), captions);
        assert_eq!(parse_ok(&mixed).to_vtt(), parse_ok(VALID).to_vtt());
    }

    #[test]
    fn cr_only_errors_point_at_the_right_place() {
        let text = "WEBVTT\r\r00:01.000 --> 00:02.000\rHi\r\r00:03.000 --> 00:1.000\rBye\r";
        assert_one_error(text, "6:15", "`00:1.000` is not a valid end time");
        let text = "WEBVTT\r\n\r00:01.000 --> 00:02.000\nHi\r\n\rstray\n";
        assert_one_error(text, "6:1", "not part of any cue");
    }

    #[test]
    fn keeps_identifiers_verbatim() {
        // An identifier is any line without `-->`: spaces, markup, arrows of other kinds and
        // any script, kept as written and written back.
        for id in [
            " ",
            "\t",
            "  two spaces around  ",
            "1",
            "intro-1",
            "->x",
            "- > <- -- >",
            "<b>&amp;</b>",
            "مرحبا",
            "NOTEBOOK",
            "WEBVTT",
            "00:01.000",
        ] {
            let text = format!("WEBVTT\n\n{id}\n00:01.000 --> 00:02.000\nHi\n");
            let captions = parse_ok(&text);
            assert_eq!(captions.cues.len(), 1, "{id:?}");
            assert_eq!(captions.cues[0].id.as_deref(), Some(id), "{id:?}");
            assert_eq!(captions.cues[0].text, "Hi", "{id:?}");
            let written = captions.to_vtt();
            assert!(
                written.contains(&format!("\n\n{id}\n00:00:01.000 --> ")),
                "{written:?}"
            );
            assert_eq!(parse_ok(&written).cues[0].id.as_deref(), Some(id), "{id:?}");
        }
        // A one-space identifier of a later cue, after CRLF line ends.
        let text =
            "WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nA\r\n\r\n \r\n00:03.000 --> 00:04.000\r\nB";
        let captions = parse_ok(text);
        assert_eq!(captions.cues[0].id, None);
        assert_eq!(captions.cues[1].id.as_deref(), Some(" "));
        assert_eq!(captions.cues[1].line, 7);
    }

    #[test]
    fn a_line_of_spaces_elsewhere_is_blank() {
        // Not after an empty line: the line of spaces ends the cue above (the specification
        // would make it a last line of that cue's text, invisible on screen).
        let captions =
            parse_ok("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n \n00:03.000 --> 00:04.000\nB\n");
        assert_eq!(captions.cues[0].text, "A");
        assert_eq!(captions.cues[1].id, None);
        // Two of them: the second is not after an empty line either.
        let captions = parse_ok("WEBVTT\n\n \n \n00:01.000 --> 00:02.000\nA\n");
        assert_eq!(captions.cues[0].id, None);
        // Not before a timing line: blank, not stray text.
        let captions = parse_ok("WEBVTT\n\n \n\n00:01.000 --> 00:02.000\nA\n\n\t\n");
        assert_eq!(captions.cues.len(), 1);
        // Right after the WEBVTT line (which is not empty): the header ends there.
        let captions = parse_ok("WEBVTT\n \n00:01.000 --> 00:02.000\nA\n");
        assert_eq!(captions.cues[0].id, None);
    }

    #[test]
    fn an_arrow_makes_a_timing_line_not_an_identifier() {
        // A line with `-->` is read as a timing line even above another one; browsers drop it
        // and read the next line as the timing line of a cue without identifier.
        let (cues, errors) = cues_and_errors("WEBVTT\n\nid --> x\n00:01.000 --> 00:02.000\nHi\n");
        assert_eq!(cues.len(), 1, "{cues:#?}");
        assert_eq!(cues[0].id, None);
        assert_eq!(cues[0].line, 4);
        assert_eq!(cues[0].text, "Hi");
        assert!(
            errors[0].contains(":3:1: error: `id` is not a valid start time"),
            "{errors:#?}"
        );
        assert!(errors[0].contains("cannot contain `-->`"), "{}", errors[0]);
        assert!(
            errors
                .iter()
                .any(|e| e.contains(":4:1: error: this cue is not separated"))
        );
    }

    #[test]
    fn reads_every_timing_form() {
        let cue = |timing: &str| {
            let captions = parse_ok(&format!("WEBVTT\n\n{timing}\nHi\n"));
            let cue = &captions.cues[0];
            (cue.start.0, cue.end.0, cue.settings.clone())
        };
        let none = String::new();
        assert_eq!(cue("00:01.000 --> 00:02.000"), (1_000, 2_000, none.clone()));
        assert_eq!(
            cue("00:00:01.000 --> 00:00:02.000"),
            (1_000, 2_000, none.clone())
        );
        // Minutes and seconds may mix with hours; hours may have one digit or many.
        assert_eq!(
            cue("59:59.999 --> 1:00:00.000"),
            (3_599_999, 3_600_000, none.clone())
        );
        assert_eq!(
            cue("00:01.000 --> 100:00:00.000"),
            (1_000, 360_000_000, none.clone())
        );
        // Whitespace around the arrow: spaces, tabs, several, or none.
        assert_eq!(
            cue("00:01.000\t-->\t00:02.000"),
            (1_000, 2_000, none.clone())
        );
        assert_eq!(
            cue("00:01.000   -->  00:02.000"),
            (1_000, 2_000, none.clone())
        );
        assert_eq!(cue("00:01.000-->00:02.000"), (1_000, 2_000, none.clone()));
        // Whitespace before the start time is skipped, trailing whitespace is no setting.
        assert_eq!(cue("  00:01.000 --> 00:02.000 \t"), (1_000, 2_000, none));
        // What the specification refuses.
        for bad in [
            "00:01 --> 00:02.000",
            "0:01.000 --> 00:02.000",
            "00:01.0 --> 00:02.000",
            "00:01.000 --> 00:60.000",
            "00:01,000 --> 00:02,000",
            "00:01.000 --> 00:02.000align:start",
        ] {
            assert!(
                parse(&source(&format!("WEBVTT\n\n{bad}\nHi\n"))).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn keeps_the_settings_after_the_timing() {
        let settings = |timing: &str| {
            parse_ok(&format!("WEBVTT\n\n{timing}\nHi\n")).cues[0]
                .settings
                .clone()
        };
        assert_eq!(
            settings("00:01.000 --> 00:02.000 align:start line:0"),
            "align:start line:0"
        );
        assert_eq!(
            settings("00:01.000 --> 00:02.000\tvertical:rl\tsize:50%  "),
            "vertical:rl\tsize:50%"
        );
        assert_eq!(
            settings("00:01.000 --> 00:02.000 position:10%,line-left region:fred"),
            "position:10%,line-left region:fred"
        );
        // Written back after the times, and read back the same.
        let captions = parse_ok("WEBVTT\n\n00:01.000-->00:02.000 line:-1\nHi\n");
        assert!(
            captions
                .to_vtt()
                .contains("00:00:01.000 --> 00:00:02.000 line:-1\n")
        );
        assert_eq!(parse_ok(&captions.to_vtt()).cues[0].settings, "line:-1");
    }

    #[test]
    fn skips_note_blocks_of_every_form() {
        let text = "WEBVTT\n\n\
            NOTE\n\n\
            NOTE\ttab then text\n\n\
            NOTE this -- is > fine\nand so is this\n\n\
            00:01.000 --> 00:02.000\nHi\n\n\
            NOTE at the end";
        let captions = parse_ok(text);
        assert_eq!(captions.cues.len(), 1);
        assert_eq!(captions.cues[0].text, "Hi");
        // `NOTE` must stand alone or be followed by a space or tab.
        let (_, errors) = cues_and_errors("WEBVTT\n\nNOTES\n");
        assert!(errors[0].contains(":3:1: error: this text is not part of any cue"));
    }

    #[test]
    fn skips_the_header_after_webvtt() {
        let text = "WEBVTT Interview - Amal\nKind: captions\nLanguage: ar\n\n\
            00:01.000 --> 00:02.000\nHi\n";
        let captions = parse_ok(text);
        assert_eq!(captions.cues.len(), 1);
        assert_eq!(captions.cues[0].line, 5);
        // The header is not published.
        assert!(!captions.to_vtt().contains("Kind"));
        assert_eq!(parse_ok("WEBVTT\tx\ny\n").cues, vec![]);
        // The signature must be followed by a space, a tab or the line end.
        assert_one_error("WEBVTT-x\n", "1:1", "does not start with `WEBVTT`");
    }

    #[test]
    fn a_cue_needs_text() {
        // The specification allows a cue without text; browsers show nothing for it, so an
        // editor has forgotten something: an error, pointing at the timing line.
        let (cues, errors) = cues_and_errors("WEBVTT\n\nid\n00:01.000 --> 00:02.000\n\n");
        assert_eq!(cues.len(), 1);
        assert_eq!(cues[0].text, "");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].contains(":4:1: error: this cue has no text"));
    }

    #[test]
    fn replaces_nul_and_control_characters() {
        let text =
            "WEBVTT\n\nid\0\n00:01.000 --> 00:02.000\nA\0B\u{7}C\tD\u{c}E\u{1b}F\u{7f}G\u{b}H\n";
        let cue = &parse_ok(text).cues[0];
        assert_eq!(cue.id.as_deref(), Some("id\u{fffd}"));
        assert_eq!(
            cue.text,
            "A\u{fffd}B\u{fffd}C\tD\u{c}E\u{fffd}F\u{fffd}G\u{fffd}H"
        );
        assert_eq!(
            cue.plain_text(),
            "A\u{fffd}B\u{fffd}C D E\u{fffd}F\u{fffd}G\u{fffd}H"
        );
        assert!(parse_ok(text).to_vtt().contains("A\u{fffd}B"));
        for c in (0..=0x7f).filter_map(char::from_u32) {
            let replaced = is_replaced_control(c);
            let expected = c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r');
            assert_eq!(replaced, expected, "{:?}", c);
        }
        // Each is one character replaced by one: columns stay those of the file.
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:03.000 --> 00:04.000\n\0\n\n\0\u{1}x --> 00:1.000\nBye\n";
        let errors = errors(text);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].contains(":9:1: error: `\u{fffd}\u{fffd}x` is not a valid start time"));
        assert!(errors[1].contains(":9:9: error: `00:1.000` is not a valid end time"));
    }

    #[test]
    fn a_long_run_of_timing_lines_does_not_overflow() {
        // Each timing line not separated from the one above is a cue of its own: the parser
        // must loop over them, not recurse.
        let text = format!("WEBVTT\n\n{}", "00:01.000 --> 00:02.000\n".repeat(20_000));
        let errors = errors(&text);
        // No text for any cue, and none separated from the one before, but the first.
        assert_eq!(errors.len(), 2 * 20_000 - 1);
    }

    /// A small deterministic generator (xorshift64*), so that the inputs are the same on
    /// every run and a failure can be replayed.
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Pieces that WebVTT files and their mistakes are made of.
    const PIECES: &[&str] = &[
        "WEBVTT",
        "WEBVTT\n\n",
        "\n",
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        " ",
        "\t",
        "-->",
        " --> ",
        "->",
        "--",
        "00:01.000",
        "00:00:02.500",
        "59:59.999",
        "1:00:00.000",
        "00:1.000",
        "00:75.000",
        "99999999999999999999:00:00.000",
        ":",
        ".",
        ",",
        "5",
        "NOTE",
        "NOTE ",
        "STYLE",
        "REGION",
        "\u{feff}",
        "\0",
        "\u{7}",
        "\u{7f}",
        "\u{b}",
        "\u{c}",
        "é",
        "مرحبا",
        "\u{10ffff}",
        "<",
        ">",
        "<v Amal>",
        "&",
        "&amp;",
        "&#x10FFFF;",
        "&#",
        "id",
        "align:start",
        "-",
    ];

    fn random_input(random: &mut Random) -> String {
        if random.below(2) == 0 {
            // Pieces strung together, most often after a valid signature.
            let mut text = String::new();
            if random.below(4) != 0 {
                text.push_str("WEBVTT\n\n");
            }
            for _ in 0..random.below(60) {
                text.push_str(PIECES[random.below(PIECES.len())]);
            }
            text
        } else {
            // A valid file, in one of its line endings, mutated a few times.
            let mut chars: Vec<char> = match random.below(3) {
                0 => VALID.chars().collect(),
                1 => VALID.replace('\n', "\r").chars().collect(),
                _ => VALID.replace('\n', "\r\n").chars().collect(),
            };
            for _ in 0..1 + random.below(6) {
                let at = random.below(chars.len() + 1);
                match random.below(3) {
                    0 => {
                        let piece = PIECES[random.below(PIECES.len())];
                        chars.splice(at..at, piece.chars());
                    }
                    1 => {
                        let end = (at + random.below(12)).min(chars.len());
                        chars.drain(at..end);
                    }
                    _ => {
                        let end = (at + random.below(40)).min(chars.len());
                        let copy: Vec<char> = chars[at..end].to_vec();
                        chars.splice(at..at, copy);
                    }
                }
            }
            chars.into_iter().collect()
        }
    }

    #[test]
    fn never_panics_and_always_locates_its_errors() {
        let mut random = Random(0x7e57_1303);
        let (mut valid, mut invalid) = (0, 0);
        for _ in 0..3_000 {
            let text = random_input(&mut random);
            let file_lines = lines(&text);
            match parse(&source(&text)) {
                Ok(captions) => {
                    valid += 1;
                    // What is published reads back as the same cues.
                    let written = captions.to_vtt();
                    let reread = match parse(&source(&written)) {
                        Ok(reread) => reread,
                        Err(errors) => panic!("{text:?} wrote {written:?}: {errors:#?}"),
                    };
                    let without_lines = |c: &Captions| {
                        c.cues
                            .iter()
                            .map(|cue| {
                                let Cue {
                                    id,
                                    start,
                                    end,
                                    settings,
                                    text,
                                    line: _,
                                } = cue.clone();
                                (id, start, end, settings, text)
                            })
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(without_lines(&reread), without_lines(&captions), "{text:?}");
                    assert!(
                        captions.cues.iter().all(|cue| cue.line <= file_lines.len()),
                        "{text:?}"
                    );
                }
                Err(errors) => {
                    invalid += 1;
                    assert!(!errors.is_empty(), "{text:?}");
                    for error in &errors {
                        let Some(location) = &error.location else {
                            panic!("no location for {error} in {text:?}");
                        };
                        let line = location
                            .line
                            .checked_sub(1)
                            .and_then(|i| file_lines.get(i))
                            .unwrap_or_else(|| panic!("{error}: no such line in {text:?}"));
                        assert!(
                            (1..=line.text.chars().count() + 1).contains(&location.column),
                            "{error}: no such column in {text:?}"
                        );
                        assert!(error.help.is_some(), "{error} has no help");
                    }
                }
            }
        }
        // The generator reaches both kinds of files.
        assert!(
            valid > 100 && invalid > 100,
            "{valid} valid, {invalid} invalid"
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "WEBVTT\n\nNOTE مرحبا --> x\n";
        assert_one_error(text, "3:12", "`-->` inside a `NOTE` block");
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nمرحبا\nنعم\n\né\n";
        assert_one_error(text, "7:1", "not part of any cue");
    }
}
