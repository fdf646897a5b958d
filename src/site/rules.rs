//! The rules of a story's front matter that read only its values: its themes, where the
//! narrator is from, the years and the interview date, and the segments of the video. Each
//! returns the typed piece the [`Story`](super::Story) holds and pushes what is wrong, pointed
//! at the key or value it is about.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, closest};
use crate::frontmatter::yaml::Step;
use crate::i18n::Formatter;
use crate::model::SegmentMeta;
use crate::webvtt::Timestamp;

use super::Segment;
use super::doc::Doc;

/// The themes rule: every theme a story declares exists. Returns the known ones, each once,
/// in the order written.
pub(super) fn themes(
    doc: &Doc,
    declared: &[String],
    theme_ids: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut themes: Vec<String> = Vec::new();
    for (i, id) in declared.iter().enumerate() {
        let path = [Step::Key("themes"), Step::Index(i)];
        if check_theme(doc, &path, id, theme_ids, problems) && !themes.contains(id) {
            themes.push(id.clone());
        }
    }
    themes
}

/// Whether `id` is one of the site's themes; a problem at `path` with the closest id if not.
fn check_theme(
    doc: &Doc,
    path: &[Step],
    id: &str,
    theme_ids: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    if theme_ids.contains(id) {
        return true;
    }
    let help = match closest(id, theme_ids.iter().map(String::as_str)) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => format!(
            "the themes are: {}",
            theme_ids.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
    };
    problems.push(
        doc.error(path, format!("unknown theme `{id}`"))
            .with_help(help),
    );
    false
}

/// The origin rule: an ISO 3166-1 alpha-2 code, in capitals, that the locale data knows.
/// Returns the code without surrounding spaces.
pub(super) fn origin(
    doc: &Doc,
    text: &str,
    formatter: &Formatter,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let origin = text.trim().to_string();
    let known = origin.len() == 2
        && origin.chars().all(|c| c.is_ascii_uppercase())
        && formatter.country(&origin).is_some();
    if !known {
        problems.push(
            doc.error(&[Step::Key("origin")], format!("`{origin}` is not a country code"))
                .with_help("write the ISO 3166-1 two-letter code in capitals, e.g. SY for Syria, TN for Tunisia, GB for the United Kingdom"),
        );
    }
    origin
}

/// The years rule: `joined` and `left` are plausible years, and `left` is not before `joined`.
/// Returns them as written.
pub(super) fn years(
    doc: &Doc,
    joined: Option<i32>,
    left: Option<i32>,
    problems: &mut Vec<Diagnostic>,
) -> (Option<i32>, Option<i32>) {
    for (key, year) in [("joined", joined), ("left", left)] {
        if let Some(year) = year
            && !(1980..=2100).contains(&year)
        {
            problems.push(
                doc.error(
                    &[Step::Key(key)],
                    format!("`{key}` is not a plausible year: {year}"),
                )
                .with_help("write the year with four digits, e.g. 2014"),
            );
        }
    }
    if let (Some(joined), Some(left)) = (joined, left)
        && left < joined
    {
        problems.push(
            doc.error(
                &[Step::Key("left")],
                format!("`left` ({left}) is before `joined` ({joined})"),
            )
            .with_help("check both years"),
        );
    }
    (joined, left)
}

/// The interview date rule: `interviewed`, when given, is a calendar date.
pub(super) fn interviewed(
    doc: &Doc,
    text: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(i32, u8, u8)> {
    let text = text?;
    let date = parse_date(text);
    if date.is_none() {
        problems.push(
            doc.error(
                &[Step::Key("interviewed")],
                format!("`{text}` is not a date"),
            )
            .with_help("write the date as YYYY-MM-DD, e.g. 2016-03-14"),
        );
    }
    date
}

/// `YYYY-MM-DD` as a valid calendar date.
fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=days).contains(&day) && (1900..=2100).contains(&year)).then_some((year, month, day))
}

/// A story's segments as the rules found them: the valid ones, with their titles and ids in
/// the same order (for translations to match them by).
#[derive(Debug, Default)]
pub(super) struct Segments {
    pub list: Vec<Segment>,
    pub titles: Vec<String>,
    pub ids: Vec<Option<String>>,
}

/// The segments rule: each starts at a time, after the one before it and within the video, and
/// names known themes. A segment whose time cannot be read is left out; each one ends where
/// the next begins, the last at the end of the video.
pub(super) fn segments(
    doc: &Doc,
    listed: &[SegmentMeta],
    duration: Timestamp,
    theme_ids: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Segments {
    let mut found = Segments::default();
    for (index, segment) in listed.iter().enumerate() {
        let at = [Step::Key("segments"), Step::Index(index), Step::Key("at")];
        let Some(start) = Timestamp::parse(&segment.at) else {
            problems.push(
                doc.error(&at, format!("`{}` is not a time", segment.at))
                    .with_help("write segment times as HH:MM:SS, e.g. \"00:01:10\" (with quotes)"),
            );
            continue;
        };
        let previous = found.list.last().map(|s| s.start);
        problems.extend(segment_time(doc, &at, start, previous, duration));
        let themes = segment_themes(doc, index, &segment.themes, theme_ids, problems);
        found.list.push(Segment {
            start,
            end: duration,
            themes,
        });
        found.titles.push(segment.title.clone());
        found.ids.push(segment.id.clone());
    }
    segment_ends(&mut found.list);
    found
}

/// The problems with a segment's start: not after the one before it, or past the end of the
/// video (when its duration is known).
fn segment_time(
    doc: &Doc,
    at: &[Step],
    start: Timestamp,
    previous: Option<Timestamp>,
    duration: Timestamp,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some(previous) = previous
        && start <= previous
    {
        problems.push(
            doc.error(
                at,
                format!(
                    "segments must be in time order, but this one ({}) does not start after the one before it ({})",
                    start.to_display(),
                    previous.to_display()
                ),
            )
            .with_help(
                "list segments in the order they appear in the video, each at a later time",
            ),
        );
    }
    if duration.0 > 0 && start >= duration {
        problems.push(
            doc.error(
                at,
                format!(
                    "the segment at {} starts after the end of the video ({})",
                    start.to_display(),
                    duration.to_display()
                ),
            )
            .with_help("check the time, or the video's `duration`"),
        );
    }
    problems
}

/// The known themes of the segment at `index`, as written (an unknown one is reported).
fn segment_themes(
    doc: &Doc,
    index: usize,
    ids: &[String],
    theme_ids: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut known = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let path = [
            Step::Key("segments"),
            Step::Index(index),
            Step::Key("themes"),
            Step::Index(i),
        ];
        if check_theme(doc, &path, id, theme_ids, problems) {
            known.push(id.clone());
        }
    }
    known
}

/// Ends each segment where the next one starts (never before its own start); the last keeps
/// the end it has, the end of the video.
fn segment_ends(segments: &mut [Segment]) {
    for i in 1..segments.len() {
        let next = segments[i].start;
        segments[i - 1].end = next.max(segments[i - 1].start);
    }
}
