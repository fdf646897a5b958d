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
    if known {
        return origin;
    }
    if finer_than_country(&origin) {
        // The value names a town or region: the message neither quotes it nor prints its line.
        let at = doc.span(&[Step::Key("origin")]).start;
        problems.push(
            Diagnostic::error("`origin` names a place finer than a country: only the country is published")
                .with_help("write only the country's ISO 3166-1 two-letter code, e.g. SY; keep the town or region under `private:`, and list it in `private: forbidden:` so that it appears nowhere")
                .at_location(doc.file.source.location(at)),
        );
    } else {
        problems.push(
            doc.error(&[Step::Key("origin")], format!("`{origin}` is not a country code"))
                .with_help("write the ISO 3166-1 two-letter code in capitals, e.g. SY for Syria, TN for Tunisia, GB for the United Kingdom; only the country is published: keep a town or region under `private:`"),
        );
    }
    origin
}

/// Whether an origin says more than a country: an ISO 3166-2 subdivision (`SY-RA`), a code
/// with a place (`SY-Raqqa`, `SY/Raqqa`), or a place with its country (`Raqqa, Syria`).
fn finer_than_country(origin: &str) -> bool {
    if origin.contains([',', ';', '/', '(', ')']) || origin.contains(char::is_whitespace) {
        return true;
    }
    match origin.split_once(['-', '_', '.', ':']) {
        Some((country, rest)) => {
            country.len() == 2
                && country.chars().all(|c| c.is_ascii_alphabetic())
                && !rest.is_empty()
        }
        None => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::testing::{index_md, only, said, story, theme_ids};

    const INDEX: &str = "content/stories/x/index.md";

    #[test]
    fn themes_keeps_known_ones_once_and_reports_an_unknown_one_with_the_closest() {
        let (written, meta) = story(&index_md("themes: [work, wrok, work]\n"));
        let mut problems = Vec::new();
        let themes = themes(&written.doc(), &meta.themes, &theme_ids(), &mut problems);
        assert_eq!(themes, ["work"]);
        assert_eq!(
            said(only(&problems)),
            (
                "unknown theme `wrok`".into(),
                "did you mean `work`?".into(),
                INDEX.into(),
                8,
                16
            )
        );
    }

    #[test]
    fn an_unknown_theme_far_from_any_lists_the_themes() {
        let (written, meta) = story(&index_md("themes: [zzzzzzzzzz]\n"));
        let mut problems = Vec::new();
        assert!(themes(&written.doc(), &meta.themes, &theme_ids(), &mut problems).is_empty());
        assert_eq!(
            only(&problems).help.as_deref(),
            Some("the themes are: family, recruitment, work")
        );
    }

    fn origin_of(line: &str) -> (String, Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(line));
        let mut problems = Vec::new();
        let formatter = Formatter::new("en");
        let origin = origin(&written.doc(), &meta.origin, &formatter, &mut problems);
        (origin, problems)
    }

    #[test]
    fn origin_is_a_known_country_code_in_capitals() {
        let (origin, problems) = origin_of("origin: \" TN \"\n");
        assert_eq!(origin, "TN");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn origin_in_lower_case_or_unknown_is_not_a_country_code() {
        for code in ["sy", "XX", "ZZ", "Syria"] {
            let (_, problems) = origin_of(&format!("origin: {code}\n"));
            let (message, help, path, line, col) = said(only(&problems));
            assert_eq!(message, format!("`{code}` is not a country code"));
            assert!(help.starts_with("write the ISO 3166-1 two-letter code in capitals"));
            assert_eq!((path.as_str(), line, col), (INDEX, 5, 9));
        }
    }

    #[test]
    fn an_origin_finer_than_a_country_is_refused_without_printing_it() {
        for value in [
            "SY-RA",
            "SY-Raqqa",
            "\"Raqqa, Syria\"",
            "SY/Raqqa",
            "\"Deir ez-Zor\"",
        ] {
            let (_, problems) = origin_of(&format!("origin: {value}\n"));
            let problem = only(&problems);
            let (message, help, path, line, col) = said(problem);
            assert_eq!(
                message,
                "`origin` names a place finer than a country: only the country is published",
                "{value}"
            );
            assert!(help.contains("keep the town or region under `private:`"));
            // At the value: after its opening quote, when it has one.
            assert_eq!((path.as_str(), line), (INDEX, 5));
            assert!((9..=10).contains(&col), "{col}");
            let report = crate::diagnostic::Diagnostics::from(problem.clone()).render(false);
            assert!(
                !report.contains("Raqqa") && !report.contains("SY-RA"),
                "{report}"
            );
        }
        assert!(!finer_than_country("SY"));
        assert!(!finer_than_country("Syria"));
    }

    fn years_of(fields: &str) -> ((Option<i32>, Option<i32>), Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(fields));
        let mut problems = Vec::new();
        let years = years(&written.doc(), meta.joined, meta.left, &mut problems);
        (years, problems)
    }

    #[test]
    fn years_in_order_give_no_problem() {
        let (years, problems) = years_of("joined: 2014\nleft: 2014\n");
        assert_eq!(years, (Some(2014), Some(2014)));
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_implausible_year_and_leaving_before_joining_are_reported_at_their_key() {
        let (years, problems) = years_of("joined: 2015\nleft: 14\n");
        assert_eq!(
            years,
            (Some(2015), Some(14)),
            "the years are kept as written"
        );
        let said: Vec<_> = problems.iter().map(said).collect();
        assert_eq!(
            said,
            [
                (
                    "`left` is not a plausible year: 14".into(),
                    "write the year with four digits, e.g. 2014".into(),
                    INDEX.into(),
                    9,
                    7
                ),
                (
                    "`left` (14) is before `joined` (2015)".into(),
                    "check both years".into(),
                    INDEX.into(),
                    9,
                    7
                ),
            ]
        );
    }

    #[test]
    fn interviewed_is_a_calendar_date() {
        let (written, meta) = story(&index_md("interviewed: 2016-02-29\n"));
        let mut problems = Vec::new();
        let date = interviewed(&written.doc(), meta.interviewed.as_deref(), &mut problems);
        assert_eq!(date, Some((2016, 2, 29)));
        assert!(problems.is_empty());

        let (written, meta) = story(&index_md("interviewed: 2015-02-29\n"));
        let date = interviewed(&written.doc(), meta.interviewed.as_deref(), &mut problems);
        assert_eq!(date, None);
        assert_eq!(
            said(only(&problems)),
            (
                "`2015-02-29` is not a date".into(),
                "write the date as YYYY-MM-DD, e.g. 2016-03-14".into(),
                INDEX.into(),
                8,
                14
            )
        );
    }

    #[test]
    fn parse_date_knows_month_lengths_leap_years_and_the_range() {
        assert_eq!(parse_date(" 2000-02-29 "), Some((2000, 2, 29)));
        assert_eq!(parse_date("1900-02-29"), None);
        assert_eq!(parse_date("2016-04-31"), None);
        assert_eq!(parse_date("2016-13-01"), None);
        assert_eq!(parse_date("1899-12-31"), None);
        assert_eq!(parse_date("2016-03"), None);
        assert_eq!(parse_date("14/03/2016"), None);
    }

    fn segments_of(list: &str) -> (Segments, Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(&format!("segments:\n{list}")));
        let mut problems = Vec::new();
        let duration = Timestamp::parse("00:10:00").expect("a time");
        let found = segments(
            &written.doc(),
            &meta.segments,
            duration,
            &theme_ids(),
            &mut problems,
        );
        (found, problems)
    }

    fn ms(text: &str) -> u64 {
        Timestamp::parse(text).expect("a time").0
    }

    #[test]
    fn segments_in_order_end_where_the_next_begins_and_the_last_at_the_end_of_the_video() {
        let (found, problems) = segments_of(
            "  - { at: \"00:00:00\", title: A, themes: [work, work] }\n  - { id: b, at: \"00:04:00\", title: B }\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let times: Vec<_> = found.list.iter().map(|s| (s.start.0, s.end.0)).collect();
        assert_eq!(
            times,
            [(0, ms("00:04:00")), (ms("00:04:00"), ms("00:10:00"))]
        );
        assert_eq!(found.list[0].themes, ["work", "work"]);
        assert_eq!(found.titles, ["A", "B"]);
        assert_eq!(found.ids, [None, Some("b".to_string())]);
    }

    #[test]
    fn segments_out_of_order_or_past_the_end_are_reported_at_their_time() {
        let (found, problems) = segments_of(
            "  - { at: \"00:05:00\", title: A }\n  - { at: \"00:02:00\", title: B }\n  - { at: \"00:12:00\", title: C }\n",
        );
        assert_eq!(found.list.len(), 3, "the segments are kept");
        let said: Vec<_> = problems.iter().map(said).collect();
        assert_eq!(
            said,
            [
                (
                    "segments must be in time order, but this one (2:00) does not start after the one before it (5:00)".into(),
                    "list segments in the order they appear in the video, each at a later time".into(),
                    INDEX.into(),
                    10,
                    12
                ),
                (
                    "the segment at 12:00 starts after the end of the video (10:00)".into(),
                    "check the time, or the video's `duration`".into(),
                    INDEX.into(),
                    11,
                    12
                ),
            ]
        );
        // An earlier start never makes a segment end before it begins.
        assert_eq!(found.list[0].end, found.list[0].start);
    }

    #[test]
    fn a_segment_whose_time_cannot_be_read_is_left_out_and_its_themes_not_checked() {
        let (found, problems) = segments_of(
            "  - { at: ten past, title: A, themes: [nope] }\n  - { at: \"00:01:00\", title: B, themes: [famliy] }\n",
        );
        assert_eq!(found.titles, ["B"]);
        assert!(
            found.list[0].themes.is_empty(),
            "an unknown theme is left out"
        );
        let said: Vec<_> = problems.iter().map(said).collect();
        assert_eq!(
            said,
            [
                (
                    "`ten past` is not a time".into(),
                    "write segment times as HH:MM:SS, e.g. \"00:01:10\" (with quotes)".into(),
                    INDEX.into(),
                    9,
                    11
                ),
                (
                    "unknown theme `famliy`".into(),
                    "did you mean `family`?".into(),
                    INDEX.into(),
                    10,
                    42
                ),
            ]
        );
    }

    #[test]
    fn segment_ends_follow_the_next_start() {
        let segment = |start, end| Segment {
            start: Timestamp(start),
            end: Timestamp(end),
            themes: Vec::new(),
        };
        let mut list = [segment(0, 90), segment(30, 90), segment(10, 90)];
        segment_ends(&mut list);
        let ends: Vec<u64> = list.iter().map(|s| s.end.0).collect();
        assert_eq!(ends, [30, 30, 90]);
    }
}
