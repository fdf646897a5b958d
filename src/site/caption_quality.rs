//! Whether captions can be read: warnings, never errors, for a caption too long for a phone's
//! line, with too many lines, too fast to read, flashing past or staying too long, one that
//! starts before the one above has ended, and a translation that stops well before the other
//! languages' captions (a file cut short). The limits are `site.yaml`'s `caption_limits`
//! ([`CaptionLimits`]), for every language or per language.
//!
//! Characters are counted as a reader sees them: tags and entities are removed
//! ([`crate::webvtt::Cue::plain_text`]), and combining marks (Arabic harakat, accents written as
//! a second character) and the invisible direction and joining marks are not counted, so that
//! vocalised Arabic is measured like the same text without its vowels. Rejected: counting
//! grapheme clusters with a Unicode segmentation crate; for the scripts of the site, leaving
//! combining marks out gives the same count.

use std::sync::Arc;

use crate::config::CaptionLimits;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::webvtt::{Cue, Timestamp, plain_text};

/// One language's caption file of a story, as [`truncated_translations`] compares them.
pub(super) struct Measured<'a> {
    pub lang: &'a str,
    pub source: &'a Arc<SourceText>,
    pub cues: &'a [Cue],
}

/// A translation whose captions cover less than this share of the best-covered language's
/// time is reported as cut short.
const COVERAGE_SHARE: f64 = 0.9;

/// The readability warnings of one caption file, in file order.
pub(super) fn cue_quality(
    source: &Arc<SourceText>,
    cues: &[Cue],
    limits: &CaptionLimits,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut latest_end: Option<Timestamp> = None;
    for cue in cues {
        let at = |line: usize| {
            let offset = source.line_offset(line);
            offset..offset
        };
        let warn =
            |message: String, help: &str| Diagnostic::warning(message).with_help(help.to_string());
        let lines: Vec<String> = cue.text.split('\n').map(plain_text).collect();
        for (index, line) in lines.iter().enumerate() {
            let length = visible_length(line);
            if length > limits.line_length {
                problems.push(
                    warn(
                        format!(
                            "this caption line has {length} characters; a phone shows about {} on a line",
                            limits.line_length
                        ),
                        "break the line in two at a pause, or split the caption",
                    )
                    .at(source, at(cue.line + 1 + index)),
                );
            }
        }
        if lines.len() > limits.lines {
            problems.push(
                warn(
                    format!(
                        "this caption has {} lines; more than {} cover the picture",
                        lines.len(),
                        limits.lines
                    ),
                    "split the caption into two, each with its own times",
                )
                .at(source, at(cue.line)),
            );
        }
        let duration = cue.end.0.saturating_sub(cue.start.0);
        let characters: usize = lines.iter().map(|line| visible_length(line)).sum();
        if duration > 0 {
            let speed = characters as f64 * 1_000.0 / duration as f64;
            if speed > limits.characters_per_second {
                problems.push(
                    warn(
                        format!(
                            "this caption asks for {} characters a second; readers follow about {}",
                            number(speed),
                            number(limits.characters_per_second)
                        ),
                        "shorten the text, or show it for longer",
                    )
                    .at(source, at(cue.line)),
                );
            }
        }
        if duration < limits.shortest_ms {
            problems.push(
                warn(
                    format!(
                        "this caption shows for {}; anything shorter than {} flashes past",
                        seconds(duration),
                        seconds(limits.shortest_ms)
                    ),
                    "show it for longer, or join it to the caption before or after",
                )
                .at(source, at(cue.line)),
            );
        } else if duration > limits.longest_ms {
            problems.push(
                warn(
                    format!(
                        "this caption stays for {}; split captions longer than {}",
                        seconds(duration),
                        seconds(limits.longest_ms)
                    ),
                    "split it where the speaker pauses, each part with its own times",
                )
                .at(source, at(cue.line)),
            );
        }
        if let Some(end) = latest_end
            && cue.start < end
        {
            problems.push(
                warn(
                    format!(
                        "this caption starts at {}, before the one above it ends ({})",
                        cue.start.to_vtt(),
                        end.to_vtt()
                    ),
                    "two captions on screen at once are hard to follow: move this start after the end above",
                )
                .at(source, at(cue.line)),
            );
        }
        latest_end = Some(latest_end.map_or(cue.end, |end| end.max(cue.end)));
    }
    problems
}

/// A warning on each caption file that stops well before the best-covered one of the story: it
/// covers less than [`COVERAGE_SHARE`] of that file's time, or ends before that file's last
/// caption starts. Reported at its last caption.
pub(super) fn truncated_translations(tracks: &[Measured]) -> Vec<Diagnostic> {
    let covered: Vec<u64> = tracks.iter().map(|track| covered_ms(track.cues)).collect();
    let Some((best, &most)) = covered
        .iter()
        .enumerate()
        .max_by_key(|&(index, covered)| (covered, std::cmp::Reverse(index)))
    else {
        return Vec::new();
    };
    let reference = &tracks[best];
    let last_start = reference.cues.iter().map(|c| c.start).max();
    let last_end = |cues: &[Cue]| cues.iter().map(|c| c.end).max();
    let mut problems = Vec::new();
    for (track, &covers) in tracks.iter().zip(&covered) {
        let Some(last) = track.cues.last() else {
            continue;
        };
        let end = last_end(track.cues).unwrap_or(last.end);
        let short = (covers as f64) < most as f64 * COVERAGE_SHARE
            || last_start.is_some_and(|start| end <= start);
        if std::ptr::eq(track, reference) || !short {
            continue;
        }
        let offset = track.source.line_offset(last.line);
        problems.push(
            Diagnostic::warning(format!(
                "the `{}` captions stop at {}, but the `{}` captions go on until {}: is the translation cut short?",
                track.lang,
                end.to_display(),
                reference.lang,
                last_end(reference.cues).unwrap_or(end).to_display()
            ))
            .with_help(format!(
                "translate the rest of the `{}` captions, or check that the whole file was exported",
                reference.lang
            ))
            .at(track.source, offset..offset),
        );
    }
    problems
}

/// How much of the video the cues cover, overlaps counted once, in milliseconds.
fn covered_ms(cues: &[Cue]) -> u64 {
    let mut spans: Vec<(u64, u64)> = cues.iter().map(|c| (c.start.0, c.end.0)).collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut open: Option<(u64, u64)> = None;
    for (start, end) in spans {
        match open {
            Some((from, to)) if start <= to => open = Some((from, to.max(end))),
            _ => {
                if let Some((from, to)) = open {
                    total += to - from;
                }
                open = Some((start, end));
            }
        }
    }
    total + open.map_or(0, |(from, to)| to - from)
}

/// The characters of a line as a reader counts them: combining marks (harakat, a second
/// character for an accent) and invisible format characters left out.
pub fn visible_length(line: &str) -> usize {
    line.chars().filter(|&c| !is_uncounted(c)).count()
}

fn is_uncounted(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'       // combining diacritical marks
        | '\u{0610}'..='\u{061a}'     // Arabic signs above and below
        | '\u{064b}'..='\u{065f}'     // harakat, shadda, sukun
        | '\u{0670}'                  // superscript alef
        | '\u{06d6}'..='\u{06ed}'     // Quranic marks
        | '\u{0640}'                  // tatweel, a stretch and not a letter
        | '\u{200b}'..='\u{200f}'     // zero-width spaces, joiners, direction marks
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}'
        | '\u{feff}')
}

/// A number for a message, to one decimal, without a trailing `.0`: `17`, `17.3`.
fn number(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// Milliseconds as seconds for a message: `0.5 s`, `7 s`, `0.833 s`.
fn seconds(ms: u64) -> String {
    let text = format!("{:.3}", ms as f64 / 1_000.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webvtt;

    const FILE: &str = "content/stories/x/captions.en.vtt";

    fn source(text: &str) -> Arc<SourceText> {
        SourceText::new(FILE, text)
    }

    /// The (message, line) of each warning on this caption file, with the default limits.
    fn warnings_of(text: &str) -> Vec<(String, usize)> {
        warnings_with(text, &CaptionLimits::default())
    }

    fn warnings_with(text: &str, limits: &CaptionLimits) -> Vec<(String, usize)> {
        let source = source(text);
        let captions = webvtt::parse(&source).expect("valid WebVTT");
        cue_quality(&source, &captions.cues, limits)
            .into_iter()
            .map(|d| {
                assert_eq!(d.severity, crate::diagnostic::Severity::Warning);
                let location = d.location.expect("a location");
                assert_eq!(location.path.to_str(), Some(FILE));
                (d.message, location.line)
            })
            .collect()
    }

    #[test]
    fn captions_within_every_limit_give_no_warning() {
        let text = "WEBVTT\n\n00:01.000 --> 00:04.000\nI left home in spring,\nwithout telling anyone.\n\n00:04.000 --> 00:06.500\nNobody asked why.\n";
        assert_eq!(warnings_of(text), []);
    }

    #[test]
    fn a_line_over_the_limit_is_reported_at_that_line() {
        let long = "a".repeat(43);
        let text = format!("WEBVTT\n\n00:01.000 --> 00:06.000\nShort line.\n{long}\n");
        assert_eq!(
            warnings_of(&text),
            [(
                "this caption line has 43 characters; a phone shows about 42 on a line".into(),
                5
            )]
        );
        // 42 is allowed; tags are not counted.
        let text = format!(
            "WEBVTT\n\n00:01.000 --> 00:06.000\n<i>{}</i>\n",
            "a".repeat(42)
        );
        assert_eq!(warnings_of(&text), []);
    }

    #[test]
    fn harakat_and_tatweel_are_not_counted_as_characters() {
        assert_eq!(visible_length("كَتَبَ"), 3);
        assert_eq!(visible_length("كـتب"), 3);
        assert_eq!(visible_length("\u{200f}abc"), 3);
        // Forty vocalised Arabic letters fit, though they are eighty characters.
        let vocalised = "بَ".repeat(40);
        assert_eq!(vocalised.chars().count(), 80);
        let text = format!("WEBVTT\n\n00:01.000 --> 00:06.000\n{vocalised}\n");
        assert_eq!(warnings_of(&text), []);
    }

    #[test]
    fn three_lines_are_reported_at_the_timing_line() {
        let text = "WEBVTT\n\ncue-1\n00:01.000 --> 00:06.000\none\ntwo\nthree\n";
        assert_eq!(
            warnings_of(text),
            [(
                "this caption has 3 lines; more than 2 cover the picture".into(),
                4
            )]
        );
    }

    #[test]
    fn a_caption_faster_than_readers_follow_is_reported() {
        // 36 characters in 2 s: 18 a second.
        let text = format!("WEBVTT\n\n00:01.000 --> 00:03.000\n{}\n", "b".repeat(36));
        assert_eq!(
            warnings_of(&text),
            [(
                "this caption asks for 18 characters a second; readers follow about 17".into(),
                3
            )]
        );
        // 34 in 2 s is 17: allowed.
        let text = format!("WEBVTT\n\n00:01.000 --> 00:03.000\n{}\n", "b".repeat(34));
        assert_eq!(warnings_of(&text), []);
    }

    #[test]
    fn captions_too_short_or_too_long_are_reported() {
        let text = "WEBVTT\n\n00:01.000 --> 00:01.500\nGo.\n\n00:02.000 --> 00:09.500\nWe waited at the border.\n\n00:10.000 --> 00:10.833\nYes.\n";
        assert_eq!(
            warnings_of(text),
            [
                (
                    "this caption shows for 0.5 s; anything shorter than 0.833 s flashes past"
                        .into(),
                    3
                ),
                (
                    "this caption stays for 7.5 s; split captions longer than 7 s".into(),
                    6
                ),
            ]
        );
    }

    #[test]
    fn a_caption_starting_before_the_one_above_ends_is_reported() {
        let text = "WEBVTT\n\n00:01.000 --> 00:05.000\nOne.\n\n00:04.000 --> 00:06.000\nTwo.\n\n00:06.000 --> 00:08.000\nThree.\n";
        assert_eq!(
            warnings_of(text),
            [(
                "this caption starts at 00:00:04.000, before the one above it ends (00:00:05.000)"
                    .into(),
                6
            )]
        );
    }

    #[test]
    fn a_language_s_own_limits_replace_the_defaults() {
        let limits = CaptionLimits {
            line_length: 10,
            ..CaptionLimits::default()
        };
        let text = "WEBVTT\n\n00:01.000 --> 00:04.000\nEleven char\n";
        assert_eq!(
            warnings_with(text, &limits),
            [(
                "this caption line has 11 characters; a phone shows about 10 on a line".into(),
                4
            )]
        );
    }

    /// Each (language, caption file) parsed, and what [`truncated_translations`] says of them.
    fn truncated(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let parsed: Vec<(&str, Arc<SourceText>, webvtt::Captions)> = files
            .iter()
            .map(|(lang, text)| {
                let source =
                    SourceText::new(format!("content/stories/x/captions.{lang}.vtt"), *text);
                let captions = webvtt::parse(&source).expect("valid WebVTT");
                (*lang, source, captions)
            })
            .collect();
        let measured: Vec<Measured> = parsed
            .iter()
            .map(|(lang, source, captions)| Measured {
                lang,
                source,
                cues: &captions.cues,
            })
            .collect();
        truncated_translations(&measured)
    }

    fn cues(times: &[(u32, u32)]) -> String {
        let mut text = String::from("WEBVTT\n");
        for (start, end) in times {
            text.push_str(&format!("\n00:{start:02}.000 --> 00:{end:02}.000\nText.\n"));
        }
        text
    }

    #[test]
    fn a_translation_that_stops_early_is_reported_at_its_last_caption() {
        let full = cues(&[(0, 5), (5, 10), (10, 15), (15, 20)]);
        let cut = cues(&[(0, 5), (5, 10)]);
        let problems = truncated(&[("en", &full), ("ar", &cut), ("fr", &full)]);
        let [problem] = problems.as_slice() else {
            panic!("one warning expected: {problems:?}");
        };
        assert_eq!(
            problem.message,
            "the `ar` captions stop at 0:10, but the `en` captions go on until 0:20: is the translation cut short?"
        );
        let location = problem.location.as_ref().expect("a location");
        assert!(location.path.ends_with("captions.ar.vtt"));
        assert_eq!(location.line, 6);
    }

    #[test]
    fn translations_timed_differently_but_covering_the_video_are_not_reported() {
        let en = cues(&[(0, 5), (5, 10), (10, 15), (15, 20)]);
        let ar = cues(&[(0, 7), (7, 13), (14, 20)]);
        assert!(truncated(&[("en", &en), ("ar", &ar)]).is_empty());
        // The best-covered file is the reference, whichever language it is.
        let problems = truncated(&[("en", &cues(&[(0, 5)])), ("ar", &en)]);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .message
                .starts_with("the `en` captions stop at 0:05")
        );
    }

    #[test]
    fn overlaps_are_counted_once_in_coverage() {
        let captions = webvtt::parse(&source(&cues(&[(0, 10), (5, 12), (20, 25)]))).unwrap();
        assert_eq!(covered_ms(&captions.cues), 17_000);
    }
}
