//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, and an `id` on
//! every heading so that sections can be linked to.
//!
//! What an editor writes in a body must not be able to leak a note, run script in a reader's
//! browser, or make it contact a third party. So, in this order:
//! - Invisible control characters (U+0000-U+001F other than tab and line ends, and U+007F) are
//!   errors at their position: they cannot be seen, and they change what parsers read.
//! - HTML comments `<!-- ... -->` are editors' notes: they are taken out of the text before it
//!   is parsed, so that their words cannot reach any page, and they are never an error. A
//!   comment runs from `<!--` (outside code) to the next `-->`; one that is never closed runs
//!   to the end of the body (with a warning, since the rest of the page is then left out). We
//!   take them out of the source rather than dropping pulldown-cmark's events because the
//!   parser only knows closed comments (an unclosed `<!--` is text to it, and smart
//!   punctuation turns its `--` into a dash), splits a block comment into one event per line,
//!   and keeps the text after `-->` on the same line as HTML. Offsets in the text without
//!   comments map back to the body, so every position below is still the editor's.
//! - Any other raw HTML (what pulldown-cmark reports as HTML: `<b>`, `<iframe>`, `<div>`) is an
//!   error at its position, with a hint to write it in Markdown. Showing it as text, as we did
//!   before, published a pasted tag and everything in it; silently dropping it would lose text.
//! - A link may go to `http:`, `https:` or `mailto:`, to an address without a scheme (relative:
//!   `../x/`, `/en/about/`, `#anchor`), or be an internal link `@/path/to/file.md`, resolved to
//!   the page's address in the reader's language (an unknown one is an error, so that links
//!   between pages never break silently). An address of this site written by hand
//!   (`/en/about/`, `../x/`, `x.html`) is handed to the same `resolve`, which checks that it
//!   leads to a page and gives the address to write (see `site::resolve`); only an anchor or
//!   a query alone (`#part`, `?q=1`) and another host's `//x` are kept as written. The scheme is read as a browser reads it: after
//!   entity decoding (pulldown-cmark's), ignoring ASCII whitespace and control characters and
//!   case. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`) is an error.
//! - An image `![what it shows](photo.jpg)` is a picture beside the page, found by its path
//!   from the page's folder; the caller finds it ([`render_with_pictures`]) and it is published
//!   re-encoded ([`crate::output::images`]). It must say what it shows (its alt text, for
//!   readers who cannot see it): an image without is an error. An address with a scheme or a
//!   host (`https://`, `//`) is an error, since loading a picture from another site tells that
//!   site who reads the page; so are absolute paths and `..`, which leave the page's folder.
//! - A heading may carry an anchor and classes, `{#id .class}`, made of letters of any script,
//!   digits, `-` and `_`; any other attribute (`onclick=`, `style=`) is an error.
//!
//! Problems are collected, not stopped at; each kind is listed at most
//! [`MAX_PER_KIND`] times per file, then counted in one "and N more like it".

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::diagnostic::{Diagnostic, SourceText};

/// How many problems of one kind are listed per file; the rest are counted in one diagnostic,
/// so that a pasted page of HTML does not bury the report.
pub const MAX_PER_KIND: usize = 20;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// What a link resolves to: the address to write, or, when it leads to no page, the closest
/// address that does, if there is one.
pub type Resolved = Result<String, Option<String>>;

/// Renders the Markdown in `range` of a source. `resolve` maps a link as written to its
/// address: an internal link by its target with `@/` and without its anchor
/// (`@/stories/x/index.md`), and an address of the site written by hand as it is
/// (`../x/#part`).
/// No picture is found: every image is an error ([`render_with_pictures`] finds them).
pub fn render(
    source: &Arc<SourceText>,
    range: Range<usize>,
    resolve: &dyn Fn(&str) -> Resolved,
) -> (String, Vec<Diagnostic>) {
    let none = |path: &str| {
        Err(Diagnostic::error(format!(
            "there is no picture `{path}` here"
        )))
    };
    render_with_pictures(source, range, resolve, &none)
}

/// What an `<img>` of a picture in page text says, as the caller found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The address of the largest width.
    pub src: String,
    /// Every width, `address 480w, ...`.
    pub srcset: String,
    /// The `sizes` attribute.
    pub sizes: String,
    /// The largest width's size.
    pub width: u32,
    pub height: u32,
}

/// [`render`], with `picture` finding the picture an image names, by its path from the page's
/// folder (percent-decoded, checked to stay inside it), or saying why there is none (a
/// diagnostic that this places at the image).
pub fn render_with_pictures(
    source: &Arc<SourceText>,
    range: Range<usize>,
    resolve: &dyn Fn(&str) -> Resolved,
    picture: &dyn Fn(&str) -> Result<Picture, Diagnostic>,
) -> (String, Vec<Diagnostic>) {
    let body = &source.text[range.clone()];
    let mut problems = Problems::new(source, range.start);
    control_characters(body, &mut problems);
    let notes = Uncommented::new(body);
    if let Some(at) = notes.unclosed {
        problems.push(
            Diagnostic::warning(
                "this comment is never closed, so the rest of the text is not published",
            )
            .with_help("end the comment with `-->` where the note ends")
            .at(source, range.start + at..range.start + at + 4),
        );
    }
    if let Some(at) = notes.unsettled {
        problems.push(
            Diagnostic::error("this comment cannot be told apart from the code around it")
                .with_help("put the comment `<!-- ... -->` on a line of its own, away from ``` code fences")
                .at(source, range.start + at..range.start + at + 4),
        );
    }
    let text = notes.text.as_ref();
    let mut events: Vec<Event> = Vec::new();
    let mut html_block_reported = false;
    let mut image: Option<PendingImage> = None;
    for (event, span) in Parser::new_ext(text, options()).into_offset_iter() {
        let at = notes.body_range(span.clone());
        if let Some(pending) = &mut image {
            match event {
                Event::Start(Tag::Image { .. }) => pending.depth += 1,
                Event::End(TagEnd::Image) if pending.depth > 0 => pending.depth -= 1,
                Event::End(TagEnd::Image) => {
                    if let Some(pending) = image.take() {
                        events.extend(pending.finish(&mut problems));
                    }
                }
                Event::Text(t) | Event::Code(t) => pending.alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => pending.alt.push(' '),
                Event::InlineHtml(raw) => problems.error(Kind::RawHtml, at, || raw_html(&raw)),
                _ => {}
            }
            continue;
        }
        match event {
            // Raw HTML is never passed on: the build fails, and nothing of it is kept.
            Event::Start(Tag::HtmlBlock) => html_block_reported = false,
            Event::End(TagEnd::HtmlBlock) => {}
            // pulldown-cmark gives one `Html` event per line of a block: one error per block.
            Event::Html(raw) => {
                if !html_block_reported {
                    html_block_reported = true;
                    problems.error(Kind::RawHtml, at, || raw_html(&raw));
                }
            }
            Event::InlineHtml(raw) => problems.error(Kind::RawHtml, at, || raw_html(&raw)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = link_address(link_type, dest_url, at, resolve, &mut problems);
                let leaves = leaves_the_site(&dest_url);
                let start = Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                });
                events.push(if leaves { with_rel(start) } else { start });
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let found = picture_path(&dest_url).and_then(|path| picture(&path));
                image = Some(PendingImage {
                    found,
                    title: title.to_string(),
                    alt: String::new(),
                    at,
                    depth: 0,
                });
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let (id, classes) = heading_names(&notes, span, id, classes, attrs, &mut problems);
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            other => events.push(other),
        }
    }
    add_heading_ids(&mut events);
    demote_headings(&mut events);
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    (out, problems.finish())
}

/// An image being read: what was found for its address, and its alt text so far.
struct PendingImage {
    found: Result<Picture, Diagnostic>,
    title: String,
    alt: String,
    /// Where the image is, in the body.
    at: Range<usize>,
    /// Images inside its alt text (`![![a](b)](c)`), whose ends are not its own.
    depth: usize,
}

/// The message key of the error for an image without alt text, worded in the page's language
/// from the site's interface strings (`image-alt-missing` and `image-alt-missing-help`, see
/// [`Diagnostic::with_message_key`]); the English below is the fallback.
pub const IMAGE_ALT_MISSING: crate::diagnostic::MessageKey =
    crate::diagnostic::MessageKey::ImageAltMissing;

impl PendingImage {
    /// The `<img>` of the image, or nothing and the problem with it.
    fn finish(self, problems: &mut Problems) -> Option<Event<'static>> {
        let picture = match self.found {
            Ok(picture) => picture,
            Err(problem) => {
                problems.error(Kind::Image, self.at, || problem);
                return None;
            }
        };
        let alt = self.alt.split_whitespace().collect::<Vec<_>>().join(" ");
        if alt.is_empty() {
            problems.error(Kind::Image, self.at, || {
                Diagnostic::error("this picture does not say what it shows")
                    .with_help("write a short description between the brackets, e.g. ![A street after the bombing](street.jpg): it is read to readers who cannot see the picture")
                    .with_message_key(IMAGE_ALT_MISSING)
            });
            return None;
        }
        let mut html = format!(
            r#"<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}""#,
            attribute(&picture.src),
            attribute(&picture.srcset),
            attribute(&picture.sizes),
            picture.width,
            picture.height,
            attribute(&alt),
        );
        if !self.title.is_empty() {
            html.push_str(&format!(r#" title="{}""#, attribute(&self.title)));
        }
        html.push_str(r#" loading="lazy" decoding="async">"#);
        Some(Event::InlineHtml(CowStr::from(html)))
    }
}

/// Text made safe inside a double-quoted attribute.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The path from the page's folder of the picture an image names, percent-decoded, or why it
/// names none that may be shown: an address on another site, an absolute path, or a path out
/// of the page's folder.
fn picture_path(url: &str) -> Result<String, Diagnostic> {
    let url = url.trim();
    if scheme(url).is_some() || url.starts_with("//") {
        return Err(Diagnostic::error(format!(
            "pictures from other sites are not shown (`{}`)",
            excerpt(url)
        ))
        .with_help("loading it would tell that site who reads this page: save the picture beside the page (for a story, in its folder) and write its file name, e.g. ![what it shows](photo.jpg)"));
    }
    let decoded = percent_encoding::percent_decode_str(url)
        .decode_utf8()
        .map(|p| p.into_owned())
        .unwrap_or_else(|_| url.to_string());
    if decoded.is_empty() {
        return Err(Diagnostic::error("this picture has no file name")
            .with_help("write the picture's file name in the parentheses, e.g. ![what it shows](photo.jpg)"));
    }
    if decoded.starts_with('/') || decoded.contains('\\') {
        return Err(Diagnostic::error(format!(
            "the picture `{}` must be named from this page's folder",
            excerpt(url)
        ))
        .with_help("write the path from the folder of this file, with `/`, e.g. ![what it shows](photo.jpg)"));
    }
    if decoded
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(Diagnostic::error(format!(
            "the picture `{}` is outside this page's folder",
            excerpt(url)
        ))
        .with_help("save the picture beside the page (or in a folder beside it) and write its path from there, without `..`"));
    }
    Ok(decoded)
}

/// The kinds of problem in a body, each capped at [`MAX_PER_KIND`] per file.
#[derive(Debug, Clone, Copy)]
enum Kind {
    ControlCharacter,
    RawHtml,
    LinkScheme,
    BrokenLink,
    Image,
    HeadingAttribute,
    HeadingName,
}

impl Kind {
    const COUNT: usize = 7;

    /// What the kind is, for "and N more like it (...)".
    fn what(self) -> &'static str {
        match self {
            Kind::ControlCharacter => "invisible control characters",
            Kind::RawHtml => "raw HTML",
            Kind::LinkScheme => "links of a kind that is not allowed",
            Kind::BrokenLink => "links to no page",
            Kind::Image => "images",
            Kind::HeadingAttribute => "heading attributes that are not allowed",
            Kind::HeadingName => "heading anchors or classes with characters that are not allowed",
        }
    }
}

/// The problems of one body, with positions relative to the body, capped per kind.
struct Problems<'a> {
    source: &'a Arc<SourceText>,
    /// Where the body starts in the file.
    start: usize,
    found: Vec<Diagnostic>,
    counts: [usize; Kind::COUNT],
    /// The first problem of each kind that is not listed, and where it is.
    first_unlisted: [Option<(Kind, Range<usize>)>; Kind::COUNT],
}

impl<'a> Problems<'a> {
    fn new(source: &'a Arc<SourceText>, start: usize) -> Self {
        Problems {
            source,
            start,
            found: Vec::new(),
            counts: [0; Kind::COUNT],
            first_unlisted: Default::default(),
        }
    }

    /// Records an error of `kind` at `at` (a range of the body). `make` is only called for the
    /// listed ones: a file with a million NUL bytes costs a count, not a million messages.
    fn error(&mut self, kind: Kind, at: Range<usize>, make: impl FnOnce() -> Diagnostic) {
        let count = &mut self.counts[kind as usize];
        *count += 1;
        if *count <= MAX_PER_KIND {
            let diagnostic = make().at(self.source, self.start + at.start..self.start + at.end);
            self.found.push(diagnostic);
        } else if *count == MAX_PER_KIND + 1 {
            self.first_unlisted[kind as usize] = Some((kind, at));
        }
    }

    /// A diagnostic that is not capped, already placed.
    fn push(&mut self, diagnostic: Diagnostic) {
        self.found.push(diagnostic);
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        for (kind, at) in self.first_unlisted.iter().flatten() {
            let more = self.counts[*kind as usize] - MAX_PER_KIND;
            self.found.push(
                Diagnostic::error(format!("and {more} more like it ({}) in this file", kind.what()))
                    .with_help(format!("only the first {MAX_PER_KIND} of each kind are listed; fix those and build again to see the rest"))
                    .at(self.source, self.start + at.start..self.start + at.end),
            );
        }
        self.found
    }
}

/// Reports every C0 control character but tab and line ends, and DEL: they are invisible in
/// editors, and parsers read them differently (pulldown-cmark turns NUL into U+FFFD). One pass
/// over the bytes: these characters are ASCII, so they cannot be part of a longer UTF-8 one.
fn control_characters(body: &str, problems: &mut Problems) {
    for (offset, &byte) in body.as_bytes().iter().enumerate() {
        if (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r')) || byte == 0x7f {
            problems.error(Kind::ControlCharacter, offset..offset + 1, || {
                Diagnostic::error(format!(
                    "an invisible control character, {}, is in the text",
                    control_name(byte)
                ))
                .with_help("it cannot be seen in most editors and has no place in a page: delete it (put the cursor at this line and column and press Delete)")
            });
        }
    }
}

/// `U+0000 (NUL)`: the code point and its short name.
fn control_name(byte: u8) -> String {
    const NAMES: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
        "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    let name = NAMES.get(usize::from(byte)).copied().unwrap_or("DEL");
    format!("U+{byte:04X} ({name})")
}

/// How many times comments are taken out and the text parsed again at most. Taking a comment
/// out can change what is code (`<!-- a --> ```` opens a fence once the comment is gone), so
/// a `<!--` that was code may become text; real pages settle in one or two rounds.
const MAX_ROUNDS: usize = 8;

/// A body with its HTML comments taken out, and the way back to the body's offsets.
struct Uncommented<'a> {
    text: Cow<'a, str>,
    /// Where each kept piece of the body starts: (offset in `text`, offset in the body),
    /// in order; the first piece starts at 0 in `text`.
    pieces: Vec<(usize, usize)>,
    /// Where a comment that is never closed starts, in the body.
    unclosed: Option<usize>,
    /// Where a comment starts that was still found after the last round, in the body.
    unsettled: Option<usize>,
}

impl<'a> Uncommented<'a> {
    fn new(body: &'a str) -> Self {
        Uncommented::within(body, MAX_ROUNDS)
    }

    /// Takes comments out, parsing again until none is left, at most `rounds` times.
    fn within(body: &'a str, rounds: usize) -> Self {
        let mut current = Uncommented {
            text: Cow::Borrowed(body),
            pieces: vec![(0, 0)],
            unclosed: None,
            unsettled: None,
        };
        // Comments to take out, as sorted, disjoint ranges of the body.
        let mut removed: Vec<Range<usize>> = Vec::new();
        let mut unclosed = None;
        for _ in 0..rounds {
            let found = comments(&current.text);
            if found.is_empty() {
                current.unclosed = unclosed;
                return current;
            }
            for (comment, closed) in found {
                let comment = current.body_range(comment);
                if !closed {
                    unclosed =
                        Some(unclosed.map_or(comment.start, |u: usize| u.min(comment.start)));
                }
                removed.push(comment);
            }
            removed = merged(removed);
            current = Uncommented::without(body, &removed);
        }
        // Not settled: report it, and still take out what was found, so that the text of
        // these comments is not in the (failed) page either.
        let found = comments(&current.text);
        let unsettled = found
            .first()
            .map(|(comment, _)| current.body_start(comment.start));
        removed.extend(found.into_iter().map(|(c, _)| current.body_range(c)));
        let mut current = Uncommented::without(body, &merged(removed));
        current.unclosed = unclosed;
        current.unsettled = unsettled;
        current
    }

    /// The body without the `removed` ranges (sorted and disjoint).
    fn without(body: &'a str, removed: &[Range<usize>]) -> Self {
        let mut text = String::with_capacity(body.len());
        let mut pieces = Vec::with_capacity(removed.len() + 1);
        let mut kept_from = 0;
        for range in removed
            .iter()
            .chain(std::iter::once(&(body.len()..body.len())))
        {
            if range.start > kept_from || pieces.is_empty() {
                pieces.push((text.len(), kept_from));
                text.push_str(&body[kept_from..range.start]);
            }
            kept_from = range.end;
        }
        Uncommented {
            text: Cow::Owned(text),
            pieces,
            unclosed: None,
            unsettled: None,
        }
    }

    /// The body offset of the character at `offset` in the text: at the join of two pieces,
    /// the start of the later one (what follows the comment).
    fn body_start(&self, offset: usize) -> usize {
        let index = self
            .pieces
            .partition_point(|p| p.0 <= offset)
            .saturating_sub(1);
        let (text, body) = self.pieces[index];
        body + (offset - text)
    }

    /// The body offset just after the character before `offset`: at a join, the end of the
    /// earlier piece.
    fn body_end(&self, offset: usize) -> usize {
        let index = self
            .pieces
            .partition_point(|p| p.0 < offset)
            .saturating_sub(1);
        let (text, body) = self.pieces[index];
        body + offset.saturating_sub(text)
    }

    /// A range of the text as a range of the body.
    fn body_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.body_start(range.start);
        let end = if range.end > range.start {
            self.body_end(range.end).max(start)
        } else {
            start
        };
        start..end
    }
}

/// Sorted ranges with overlapping and touching ones joined.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// The HTML comments of a text, in order, each with whether it is closed: from a `<!--` that
/// is not inside code to the next `-->` (`<!-->` and `<!--->` are whole comments, as in
/// CommonMark), or to the end of the text. What is code is pulldown-cmark's decision.
fn comments(text: &str) -> Vec<(Range<usize>, bool)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    if memmem::find(bytes, b"<!--").is_none() {
        return found;
    }
    let code = code_ranges(text);
    let mut code = code.iter().peekable();
    let mut from = 0;
    while let Some(start) = memmem::find(&bytes[from..], b"<!--").map(|i| from + i) {
        while code.next_if(|c| c.end <= start).is_some() {}
        if let Some(c) = code.peek().filter(|c| c.start <= start) {
            from = c.end;
            continue;
        }
        let after = start + 4;
        let (end, closed) = if bytes[after..].starts_with(b">") {
            (after + 1, true)
        } else if bytes[after..].starts_with(b"->") {
            (after + 2, true)
        } else {
            match memmem::find(&bytes[after..], b"-->") {
                Some(i) => (after + i + 3, true),
                None => (bytes.len(), false),
            }
        };
        found.push((start..end, closed));
        from = end;
    }
    found
}

/// The ranges of code spans and code blocks, in order: a `<!--` there is shown, not a note.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, span)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(span),
            _ => None,
        })
        .collect()
}

fn raw_html(raw: &str) -> Diagnostic {
    Diagnostic::error(format!("raw HTML is not published: `{}`", excerpt(raw)))
        .with_help("write it in Markdown: **bold**, *italic*, a blank line for a new paragraph; raw HTML is not published. To show a `<` as text, write `\\<`; for a note to other editors, write `<!-- note -->`")
}

/// The start of a piece of text for a message: its first line, at most 60 characters, with
/// control characters made visible.
fn excerpt(text: &str) -> String {
    const LONGEST: usize = 60;
    let mut lines = text.trim().lines();
    let line = lines.next().unwrap_or("");
    let mut out = String::new();
    for c in line.chars().take(LONGEST) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if line.chars().nth(LONGEST).is_some() || lines.next().is_some() {
        out.push('…');
    }
    out
}

/// The address a link gets: an internal link `@/...` resolved, an allowed address as it is,
/// anything else reported and replaced by `#`.
fn link_address<'e>(
    link_type: LinkType,
    dest_url: CowStr<'e>,
    at: Range<usize>,
    resolve: &dyn Fn(&str) -> Resolved,
    problems: &mut Problems,
) -> CowStr<'e> {
    if let Some(target) = dest_url.strip_prefix("@/") {
        let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
        return match resolve(&format!("@/{path}")) {
            Ok(url) if anchor.is_empty() => CowStr::from(url),
            Ok(url) => CowStr::from(format!("{url}#{anchor}")),
            Err(_) => {
                problems.error(Kind::BrokenLink, at, || {
                    Diagnostic::error(format!("the link `@/{}` leads to no page", excerpt(target)))
                        .with_help("internal links name a file under content/, e.g. `@/about.md` or `@/stories/my-story/index.md`")
                });
                CowStr::from("#")
            }
        };
    }
    // pulldown-cmark writes `mailto:` before an email autolink's address itself.
    if link_type == LinkType::Email {
        return dest_url;
    }
    match scheme(&dest_url) {
        Some(scheme) if !ALLOWED_SCHEMES.contains(&scheme.as_str()) => {
            problems.error(Kind::LinkScheme, at, || {
                Diagnostic::error(format!(
                    "links to `{}:` addresses are not allowed (`{}`)",
                    excerpt(&scheme),
                    excerpt(&dest_url)
                ))
                .with_help("a link may go to an `https://` or `http://` address, an email address (`mailto:`), a page of this site (`/en/about/`, `../other/`, `#section`) or a file under content/ (`@/about.md`); other kinds of link can run code in readers' browsers or open files on their computers")
            });
            CowStr::from("#")
        }
        Some(_) => dest_url,
        None if dest_url.starts_with(['#', '?']) || dest_url.starts_with("//") => dest_url,
        None => match resolve(&dest_url) {
            Ok(address) => CowStr::from(address),
            Err(closest) => {
                problems.error(Kind::BrokenLink, at, || {
                    let help = match &closest {
                        Some(closest) => format!("did you mean `{closest}`? "),
                        None => String::new(),
                    };
                    Diagnostic::error(format!(
                        "the link `{}` leads to no page of this site",
                        excerpt(&dest_url)
                    ))
                    .with_help(format!("{help}an address of this site starts from its root (`/en/stories/my-story/`) or from this page (`../my-story/`); `@/stories/my-story/index.md` names the file and follows it when it moves"))
                });
                CowStr::from("#")
            }
        },
    }
}

/// Whether a link's address leads to another site: `http:`, `https:` or `//host/...`.
fn leaves_the_site(url: &str) -> bool {
    let scheme = scheme(url);
    matches!(scheme.as_deref(), Some("http" | "https")) || url.trim_start().starts_with("//")
}

/// A link's opening tag with `rel="noopener noreferrer"`: the page it opens cannot reach back
/// to ours, and is not told which testimony the reader came from. pulldown-cmark writes no
/// attribute of our choosing, so the tag is written by pulldown-cmark itself (its escaping of
/// the address and title) and the attribute put before its closing `>`; the closing `</a>`
/// is pulldown-cmark's own.
fn with_rel(start: Event<'_>) -> Event<'_> {
    let mut tag = String::new();
    html::push_html(&mut tag, std::iter::once(start));
    match tag.strip_suffix('>') {
        Some(open) => Event::InlineHtml(format!("{open} rel=\"noopener noreferrer\">").into()),
        None => Event::InlineHtml(tag.into()),
    }
}

/// The schemes a link may have; an empty one (`:x`) is a relative address to browsers.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", ""];

/// The scheme of a link's address as a browser reads it, lowercased, or `None` for a relative
/// address. Browsers drop tabs and line breaks anywhere and spaces and controls around it; we
/// drop every ASCII space and control anywhere, which can only find more schemes, never fewer.
/// The scheme is what comes before the first `:`, if no `/`, `?` or `#` comes before it.
fn scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    for c in url.chars() {
        match c {
            ':' => return Some(scheme),
            '/' | '?' | '#' => return None,
            c if c.is_ascii_whitespace() || c.is_ascii_control() => {}
            c => scheme.push(c.to_ascii_lowercase()),
        }
    }
    None
}

/// A heading's checked anchor and classes: letters of any script, digits, `-` and `_`. Other
/// attributes are reported and dropped. `span` is the heading in the text without comments.
fn heading_names<'e>(
    notes: &Uncommented,
    span: Range<usize>,
    id: Option<CowStr<'e>>,
    classes: Vec<CowStr<'e>>,
    attrs: Vec<(CowStr<'e>, Option<CowStr<'e>>)>,
    problems: &mut Problems,
) -> (Option<CowStr<'e>>, Vec<CowStr<'e>>) {
    // pulldown-cmark gives no position for an attribute: find it in the heading's own
    // `{...}`, the last one on its line, or else point at the heading.
    let heading = &notes.text[span.clone()];
    let block = heading.rfind('{').unwrap_or(0);
    let locate = |needle: &str| {
        let offset = heading[block..]
            .find(needle)
            .map_or(span.start, |i| span.start + block + i);
        notes.body_range(offset..offset + needle.len())
    };
    for (name, value) in &attrs {
        problems.error(Kind::HeadingAttribute, locate(name), || {
            let written = match value {
                Some(value) => format!("{name}={value}"),
                None => name.to_string(),
            };
            Diagnostic::error(format!(
                "the heading attribute `{}` is not allowed",
                excerpt(&written)
            ))
            .with_help("a heading may only carry an anchor and classes, as in `## Leaving {#leaving .highlight}`; delete the rest")
        });
    }
    let id = id.filter(|id| {
        let ok = is_name(id);
        if !ok {
            problems.error(Kind::HeadingName, locate(&format!("#{id}")), || {
                Diagnostic::error(format!(
                    "the heading anchor `#{}` has characters that are not allowed",
                    excerpt(id)
                ))
                .with_help("an anchor may only contain letters, digits, `-` and `_`, as in `{#why-i-left}`")
            });
        }
        ok
    });
    let classes = classes
        .into_iter()
        .filter(|class| {
            let ok = is_name(class);
            if !ok {
                problems.error(Kind::HeadingName, locate(&format!(".{class}")), || {
                    Diagnostic::error(format!(
                        "the heading class `.{}` has characters that are not allowed",
                        excerpt(class)
                    ))
                    .with_help("a class may only contain letters, digits, `-` and `_`, as in `{.highlight}`")
                });
            }
            ok
        })
        .collect();
    (id, classes)
}

/// Letters of any script, digits, `-` and `_`: safe in an attribute and in a URL fragment.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The page's title is its only `<h1>`: a Markdown `# Heading` becomes `<h2>`, `##` `<h3>`, and
/// so on (`######` stays `<h6>`), so that editors' headings keep the outline readable for
/// screen readers.
fn demote_headings(events: &mut [Event]) {
    use pulldown_cmark::HeadingLevel::*;
    let demote = |level: pulldown_cmark::HeadingLevel| match level {
        H1 => H2,
        H2 => H3,
        H3 => H4,
        H4 => H5,
        H5 | H6 => H6,
    };
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => *level = demote(*level),
            Event::End(TagEnd::Heading(level)) => *level = demote(*level),
            _ => {}
        }
    }
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the page:
/// the first `x`, then `x-2`, `x-3`, ... skipping ids already taken. The next number to try is
/// remembered per base, so that a page of identical headings costs linear time, not quadratic.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    // The number to try next for each base; numbers below it are taken (ids are only added).
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            for event in &events[i + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = slugify(&text);
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut n = next.get(&base).copied().unwrap_or(1);
            let id = loop {
                let id = if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                n += 1;
                if !used.contains(&id) {
                    break id;
                }
            };
            next.insert(base, n);
            used.insert(id.clone());
            if let Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) = std::mem::replace(&mut events[i], Event::SoftBreak)
            {
                events[i] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                });
            }
        }
        i += 1;
    }
}

/// An anchor from heading text: letters of any script are kept (Arabic headings get Arabic
/// anchors), everything else becomes `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The text of rendered HTML without tags, for summaries and search; comments are left out as
/// they are from pages.
pub fn plain_text(markdown: &str) -> String {
    let notes = Uncommented::new(markdown);
    let mut out = String::new();
    for event in Parser::new(&notes.text) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !out.ends_with(' ') => {
                out.push(' ');
            }
            _ => {}
        }
    }
    out.trim().to_string()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> (String, Vec<Diagnostic>) {
        let source = SourceText::new("content/a.md", text);
        // A site with the pages `/en/about/` and `/en/x/`, at the host's root; this page is
        // `/en/here/`.
        render(&source, 0..text.len(), &|link| match link {
            "@/about.md" | "/en/about/" => Ok("/en/about/".to_string()),
            "../x/" | "x.html" | "x/y:z" => Ok(format!("/en/{}", link.trim_start_matches("../"))),
            "@/nowhere.md" => Err(None),
            _ => Err(Some("/en/about/".to_string())),
        })
    }

    /// The one-line form of every problem, `content/a.md:1:3: error: ... (help: ...)`.
    fn reported(text: &str) -> Vec<String> {
        md(text).1.iter().map(ToString::to_string).collect()
    }

    /// The errors of a text, each as its `line:col` and message.
    fn errors(text: &str) -> Vec<String> {
        errors_of(&md(text).1)
    }

    fn errors_of(problems: &[Diagnostic]) -> Vec<String> {
        problems
            .iter()
            .filter(|d| d.is_error())
            .map(|d| {
                let at = d.location.as_ref().expect("a position");
                format!("{}:{} {}", at.line, at.column, d.message)
            })
            .collect()
    }

    fn page(html: &str) -> scraper::Html {
        scraper::Html::parse_fragment(html)
    }

    fn hrefs(html: &str) -> Vec<String> {
        let selector = scraper::Selector::parse("a").unwrap();
        page(html)
            .select(&selector)
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect()
    }

    #[test]
    fn gives_headings_unique_ids_one_level_below_the_page_title() {
        let (html, _) = md(
            "# Why I left\n\n## Why I left\n\n## Custom {#mine}\n\n## لماذا غادرت\n\n###### Six\n",
        );
        assert!(!html.contains("<h1"), "{html}");
        assert!(html.contains(r#"<h2 id="why-i-left">"#), "{html}");
        assert!(html.contains(r#"<h3 id="why-i-left-2">"#), "{html}");
        assert!(html.contains(r#"<h3 id="mine">"#), "{html}");
        assert!(html.contains(r#"<h3 id="لماذا-غادرت">"#), "{html}");
        assert!(html.contains(r#"<h6 id="six">Six</h6>"#), "{html}");
    }

    #[test]
    fn resolves_internal_links_and_reports_broken_ones() {
        let (html, problems) = md("[a](@/about.md#team) [b](@/nowhere.md)\n");
        assert!(html.contains(r#"href="/en/about/#team""#), "{html}");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("content/a.md:1:22: error: the link `@/nowhere.md`"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn links_leaving_the_site_carry_noopener_noreferrer_and_others_do_not() {
        let (html, problems) = md(
            "[a](https://example.org/x?a=1&b=\"2\" \"A \\\"title\\\"\") [b](HTTP://example.org) [c](//example.org/y) [d](/en/about/) [e](@/about.md) [f](#top) [g](mailto:a@example.org)\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let selector = scraper::Selector::parse("a").unwrap();
        let doc = page(&html);
        let links: Vec<_> = doc.select(&selector).map(|a| a.value()).collect();
        let rels: Vec<Option<&str>> = links.iter().map(|a| a.attr("rel")).collect();
        let leaving = Some("noopener noreferrer");
        assert_eq!(
            rels,
            [leaving, leaving, leaving, None, None, None, None],
            "{html}"
        );
        // The address and the title are escaped as pulldown-cmark escapes them.
        assert_eq!(
            links[0].attr("href"),
            Some("https://example.org/x?a=1&b=%222%22")
        );
        assert_eq!(links[0].attr("title"), Some("A \"title\""));
        let texts: Vec<String> = doc.select(&selector).map(|a| a.text().collect()).collect();
        assert_eq!(texts, ["a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn renders_tables_footnotes_and_strikethrough() {
        let (html, _) = md("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note.\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }

    // Comments.

    #[test]
    fn comments_are_dropped_block_inline_multiline_and_unclosed() {
        let text = "Before.\n\n<!-- SECRET1 -->\n\n<!--\nSECRET2\n-->\n\nA <!-- SECRET3 --> b <!-- SECRET4\non two lines --> c.\n\n> quoted <!-- SECRET5\n> still --> end\n\n<!-- SECRET6 --> After on the same line.\n\nLast <!-- SECRET7 never closed\n\n## Heading\n\nmore SECRET8\n";
        let (html, _) = md(text);
        for n in 1..=8 {
            assert!(!html.contains(&format!("SECRET{n}")), "SECRET{n}: {html}");
        }
        assert!(!html.contains("<!--") && !html.contains("&lt;!"), "{html}");
        let text_of = page(&html).root_element().text().collect::<String>();
        for kept in [
            "Before.",
            "A ",
            " b ",
            " c.",
            "quoted",
            "end",
            "After on the same line.",
            "Last",
        ] {
            assert!(text_of.contains(kept), "{kept:?} is missing: {html}");
        }
        // Never an error; only the unclosed comment is a warning, at its `<!--`.
        assert_eq!(
            reported(text),
            [
                "content/a.md:17:6: warning: this comment is never closed, so the rest of the text is not published (help: end the comment with `-->` where the note ends)"
            ]
        );
    }

    #[test]
    fn comments_in_code_are_shown_and_short_comments_end_early() {
        let (html, problems) =
            md("`<!-- shown -->`\n\n```\n<!-- also shown\n```\n\na <!--> b <!---> c\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(html.contains("<code>&lt;!-- shown --&gt;</code>"), "{html}");
        assert!(html.contains("&lt;!-- also shown"), "{html}");
        assert!(html.contains("<p>a  b  c</p>"), "{html}");
    }

    #[test]
    fn a_comment_that_opens_a_fence_when_taken_out_is_still_dropped() {
        // Once the first comment is gone, ``` opens a fence that ends at line 3, and the
        // `<!--` that was code becomes a comment: it is taken out in a second round.
        let (html, _) = md("<!-- a --> ```\nx\n```\n<!-- SECRET\n```\n");
        assert!(!html.contains("SECRET"), "{html}");
    }

    #[test]
    fn a_comment_still_found_after_the_last_round_is_an_error_and_still_dropped() {
        let text = "<!-- a --> ```\nx\n```\n<!-- SECRET\n```\n";
        let settled = Uncommented::within(text, 2);
        assert_eq!((settled.unsettled, settled.unclosed), (None, Some(21)));
        let unsettled = Uncommented::within(text, 1);
        assert_eq!(unsettled.unsettled, Some(21));
        assert!(!unsettled.text.contains("SECRET"), "{}", unsettled.text);
    }

    #[test]
    fn positions_after_a_comment_are_the_editors() {
        assert_eq!(
            errors("<!-- one\ntwo -->\nText <!-- x --> <b>bold</b>\n"),
            [
                "3:17 raw HTML is not published: `<b>`",
                "3:24 raw HTML is not published: `</b>`"
            ]
        );
    }

    // Raw HTML.

    #[test]
    fn raw_html_is_an_error_and_not_published() {
        let text = "<div>\n<script>alert(1)</script>\n</div>\n\nText <iframe src=\"https://x.example/\"></iframe> and <img src=x onerror=alert(1)><br>\n\n<!-- note --><b>x</b>\n";
        let (html, _) = md(text);
        assert_eq!(
            errors(text),
            [
                "1:1 raw HTML is not published: `<div>`",
                "5:6 raw HTML is not published: `<iframe src=\"https://x.example/\">`",
                "5:39 raw HTML is not published: `</iframe>`",
                "5:53 raw HTML is not published: `<img src=x onerror=alert(1)>`",
                "5:81 raw HTML is not published: `<br>`",
                "7:14 raw HTML is not published: `<b>`",
                "7:18 raw HTML is not published: `</b>`",
            ]
        );
        let fragment = page(&html);
        for tag in ["div", "script", "iframe", "img", "br", "b"] {
            let selector = scraper::Selector::parse(tag).unwrap();
            assert_eq!(fragment.select(&selector).count(), 0, "<{tag}> in {html}");
        }
        assert!(!html.contains("alert"), "{html}");
        let help = &md(text).1[0];
        assert!(
            help.help
                .as_deref()
                .is_some_and(|h| h.starts_with("write it in Markdown: **bold**")),
            "{help}"
        );
    }

    #[test]
    fn a_less_than_sign_is_text() {
        let (html, problems) = md("a < b, x<y, 3 <4 and \\<b>\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            page(&html).root_element().text().collect::<String>(),
            "a < b, x<y, 3 <4 and <b>\n"
        );
    }

    // Links.

    #[test]
    fn links_that_could_run_script_are_errors() {
        let text = "[a](javascript:alert(1))\n[b](JaVaScRiPt:alert(1))\n[c](java&#x09;script:alert(1))\n[d](&#106;avascript:alert(1))\n[e](javascript&colon;alert(1))\n<javascript:alert(1)>\n[f][r]\n[g](data:text/html,x)\n[h](vbscript:x)\n[i](file:///etc/passwd)\n[j](java&#10;script:x)\n[k]( \u{0b}javascript:x)\n\n[r]: javascript:alert(2)\n";
        let (html, _) = md(text);
        let found = errors(text);
        let schemes = [
            (1, "javascript"),
            (2, "javascript"),
            (3, "javascript"),
            (4, "javascript"),
            (5, "javascript"),
            (6, "javascript"),
            (7, "javascript"),
            (8, "data"),
            (9, "vbscript"),
            (10, "file"),
            (11, "javascript"),
            (12, "javascript"),
        ];
        let control = found.iter().filter(|e| e.contains("U+000B (VT)")).count();
        assert_eq!(control, 1, "{found:#?}");
        let links: Vec<&String> = found.iter().filter(|e| e.contains("links to")).collect();
        assert_eq!(links.len(), schemes.len(), "{found:#?}");
        for ((line, scheme), error) in schemes.iter().zip(links) {
            assert!(
                error.starts_with(&format!(
                    "{line}:1 links to `{scheme}:` addresses are not allowed"
                )),
                "{error}"
            );
        }
        assert_eq!(hrefs(&html), ["#"; 12], "{html}");
    }

    #[test]
    fn allowed_links_keep_their_address() {
        let text = "[a](https://example.org/x?y=1#z) [b](http://example.org/) [c](mailto:someone@example.org) [d](../x/) [e](/en/about/) [f](x.html) [g](#anchor) [h](?q=1) [i](@/about.md) <https://example.org/auto> <someone@example.org> [j](x/y:z) [k](HTTPS://EXAMPLE.ORG/)\n";
        let (html, problems) = md(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            hrefs(&html),
            [
                "https://example.org/x?y=1#z",
                "http://example.org/",
                "mailto:someone@example.org",
                "/en/x/",
                "/en/about/",
                "/en/x.html",
                "#anchor",
                "?q=1",
                "/en/about/",
                "https://example.org/auto",
                "mailto:someone@example.org",
                "/en/x/y:z",
                "HTTPS://EXAMPLE.ORG/",
            ]
        );
    }

    #[test]
    fn reads_the_scheme_as_a_browser_does() {
        assert_eq!(scheme("javascript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme(" \tJava\nScript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\u{0}script:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("../a:b"), None);
        assert_eq!(scheme("?a:b"), None);
        assert_eq!(scheme("#a:b"), None);
        assert_eq!(scheme("x.html"), None);
        assert_eq!(scheme("mailto:a@b").as_deref(), Some("mailto"));
    }

    #[test]
    fn a_link_title_stays_an_attribute() {
        let (html, problems) = md("[a](https://example.org/ \"\\\" onmouseover=\\\"alert(1)\")\n");
        assert!(problems.is_empty(), "{problems:?}");
        let selector = scraper::Selector::parse("a").unwrap();
        let fragment = page(&html);
        let link = fragment.select(&selector).next().expect("a link");
        assert_eq!(
            link.value().attr("title"),
            Some("\" onmouseover=\"alert(1)")
        );
        // href, title, and the rel of a link leaving the site: no attribute smuggled in.
        assert_eq!(link.value().attrs().count(), 3, "{html}");
        assert_eq!(link.value().attr("rel"), Some("noopener noreferrer"));
    }

    fn md_pictures(text: &str) -> (String, Vec<Diagnostic>) {
        let source = SourceText::new("content/a.md", text);
        render_with_pictures(&source, 0..text.len(), &|_| Err(None), &|path| match path {
            "photo.jpg" | "team/Our team.png" => Ok(Picture {
                src: format!("/images/{path}-960.webp"),
                srcset: format!("/images/{path}-480.webp 480w, /images/{path}-960.webp 960w"),
                sizes: "100vw".into(),
                width: 960,
                height: 540,
            }),
            _ => Err(Diagnostic::error(format!(
                "there is no picture `{path}` here"
            ))),
        })
    }

    #[test]
    fn an_image_beside_the_page_becomes_a_sized_lazy_img() {
        let (html, problems) = md_pictures(
            "![A *quiet* street](photo.jpg \"Raqqa\") and ![Team](team/Our%20team.png)\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let fragment = page(&html);
        let selector = scraper::Selector::parse("img").unwrap();
        let imgs: Vec<_> = fragment.select(&selector).collect();
        assert_eq!(imgs.len(), 2, "{html}");
        let img = imgs[0].value();
        assert_eq!(img.attr("alt"), Some("A quiet street"));
        assert_eq!(img.attr("title"), Some("Raqqa"));
        assert_eq!(img.attr("src"), Some("/images/photo.jpg-960.webp"));
        assert_eq!(
            img.attr("srcset"),
            Some("/images/photo.jpg-480.webp 480w, /images/photo.jpg-960.webp 960w")
        );
        assert_eq!(
            (img.attr("width"), img.attr("height")),
            (Some("960"), Some("540"))
        );
        assert_eq!(img.attr("loading"), Some("lazy"));
        assert_eq!(img.attr("decoding"), Some("async"));
        assert_eq!(imgs[1].value().attr("alt"), Some("Team"));
    }

    #[test]
    fn images_without_alt_text_or_out_of_the_folder_are_errors_at_their_place() {
        let text = "![](photo.jpg)\n\n![x](https://tracker.example/p.png) ![x](//cdn.example/p.png)\n![x](/etc/p.png) ![x](../secret/p.jpg) ![x](a/./p.jpg)\n![x](missing.jpg) ![  ](photo.jpg)\n";
        let (html, _) = md_pictures(text);
        assert_eq!(
            errors_of(&md_pictures(text).1),
            [
                "1:1 this picture does not say what it shows",
                "3:1 pictures from other sites are not shown (`https://tracker.example/p.png`)",
                "3:37 pictures from other sites are not shown (`//cdn.example/p.png`)",
                "4:1 the picture `/etc/p.png` must be named from this page's folder",
                "4:18 the picture `../secret/p.jpg` is outside this page's folder",
                "4:40 the picture `a/./p.jpg` is outside this page's folder",
                "5:1 there is no picture `missing.jpg` here",
                "5:19 this picture does not say what it shows",
            ]
        );
        let selector = scraper::Selector::parse("img").unwrap();
        assert_eq!(page(&html).select(&selector).count(), 0, "{html}");
        assert_eq!(
            md_pictures("![](photo.jpg)\n").1[0].message_key,
            Some(IMAGE_ALT_MISSING)
        );
    }

    #[test]
    fn images_are_refused_without_a_folder_to_find_them_in() {
        assert_eq!(
            errors("![x](https://tracker.example/p.png)\n"),
            ["1:1 pictures from other sites are not shown (`https://tracker.example/p.png`)"]
        );
    }

    // Headings.

    #[test]
    fn heading_attributes_other_than_id_and_class_are_errors() {
        let text = "# A {#a .b onclick=alert(1)}\n\n## B {style=color:red data-x=1}\n\n### C {#a&b .ok .c/d}\n\n#### D {#é_ü-1 .مهم}\n";
        let (html, _) = md(text);
        assert_eq!(
            errors(text),
            [
                "1:12 the heading attribute `onclick=alert(1)` is not allowed",
                "3:7 the heading attribute `style=color:red` is not allowed",
                "3:23 the heading attribute `data-x=1` is not allowed",
                "5:8 the heading anchor `#a&b` has characters that are not allowed",
                "5:17 the heading class `.c/d` has characters that are not allowed",
            ]
        );
        assert!(
            !html.contains("onclick") && !html.contains("style") && !html.contains("data-x"),
            "{html}"
        );
        assert!(html.contains(r#"<h2 id="a" class="b">"#), "{html}");
        assert!(html.contains(r#"<h4 id="c" class="ok">"#), "{html}");
        assert!(html.contains(r#"<h5 id="é_ü-1" class="مهم">"#), "{html}");
    }

    #[test]
    fn ids_of_thirty_thousand_identical_headings_are_unique_and_numbered() {
        let text = "# x\n\n".repeat(30_000);
        let mut events: Vec<Event> = Parser::new_ext(&text, options()).collect();
        add_heading_ids(&mut events);
        let ids: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Heading { id, .. }) => id.as_ref().map(|id| id.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(ids.len(), 30_000);
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 30_000);
        assert_eq!(ids[0], "x");
        assert_eq!(ids[1], "x-2");
        assert_eq!(ids.last().map(String::as_str), Some("x-30000"));
    }

    #[test]
    fn generated_ids_skip_ids_already_taken() {
        let (html, _) = md("# x {#x-2}\n\n# x\n\n# x\n\n# x 3\n\n# x\n");
        let selector = scraper::Selector::parse("h2").unwrap();
        let fragment = page(&html);
        let ids: Vec<&str> = fragment
            .select(&selector)
            .filter_map(|h| h.value().attr("id"))
            .collect();
        assert_eq!(ids, ["x-2", "x", "x-3", "x-3-2", "x-4"]);
    }

    // Control characters.

    #[test]
    fn control_characters_are_errors_at_their_position() {
        let text =
            "Tab\tand CRLF\r\nare fine.\nA NUL \u{0} here, é\u{1b} escape and \u{7f} delete.\n";
        let found = reported(text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].starts_with("content/a.md:3:7: error: an invisible control character, U+0000 (NUL), is in the text (help: it cannot be seen in most editors"),
            "{}",
            found[0]
        );
        assert!(
            found[1].starts_with(
                "content/a.md:3:16: error: an invisible control character, U+001B (ESC)"
            ),
            "{}",
            found[1]
        );
        assert!(
            found[2].starts_with(
                "content/a.md:3:29: error: an invisible control character, U+007F (DEL)"
            ),
            "{}",
            found[2]
        );
        assert!(found[0].contains("delete it"), "{}", found[0]);
    }

    // Many problems.

    #[test]
    fn at_most_twenty_of_a_kind_then_one_summary() {
        let text = format!("{}\n\n{}\n", "<b>x</b> ".repeat(15), "\u{0}".repeat(25));
        let found = errors(&text);
        let html = found
            .iter()
            .filter(|e| e.contains("raw HTML is not published"))
            .count();
        let control = found.iter().filter(|e| e.contains("U+0000 (NUL)")).count();
        assert_eq!((html, control), (20, 20), "{found:#?}");
        let more: Vec<&String> = found
            .iter()
            .filter(|e| e.contains("more like it"))
            .collect();
        assert_eq!(
            more,
            [
                "3:21 and 5 more like it (invisible control characters) in this file",
                "1:91 and 10 more like it (raw HTML) in this file",
            ]
        );
        assert_eq!(found.len(), 42);
    }

    #[test]
    fn a_million_nul_bytes_cost_a_count() {
        let text = "\u{0}".repeat(1_000_000);
        let (_, problems) = md(&text);
        assert_eq!(problems.len(), MAX_PER_KIND + 1);
        assert!(
            problems[MAX_PER_KIND]
                .message
                .starts_with("and 999980 more like it")
        );
    }

    #[test]
    fn plain_text_leaves_comments_out() {
        assert_eq!(plain_text("a <!-- SECRET --> b <!-- SECRET2"), "a  b");
    }
}
