//! Captions people can read, through a whole `check` and `build`: warnings at the caption's
//! line for a line too long, too many lines, too fast, too short or too long on screen, an
//! overlap and a translation cut short, with the limits of `site.yaml`; and a right-to-left
//! caption that begins with a Latin word keeps its words in order, in the published file and
//! in the transcript. Each test changes story-one of a copy of the `basic` fixture.

mod common;

use common::Site;

const AR_CAPTIONS: &str = "content/stories/story-one/captions.ar.vtt";
const EN_CAPTIONS: &str = "content/stories/story-one/captions.en.vtt";

/// Caption files within every default limit, covering the same time in both languages.
fn readable(site: &Site) -> &Site {
    site.write(
        "content/stories/story-two/captions.en.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nThe second story begins.\n",
    )
    .write(
        EN_CAPTIONS,
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nThe first line of the transcript.\n\n00:00:05.000 --> 00:00:10.000\nThe line where I decided to leave.\n",
    )
    .write(
        AR_CAPTIONS,
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nالسطر الأول من النص.\n\n00:00:05.000 --> 00:00:10.000\nالسطر الذي قرّرت فيه المغادرة.\n",
    )
}

/// The `file:line` of every caption warning `check` printed.
fn warned_at(site: &Site) -> Vec<String> {
    let run = site.run(&["check"]);
    assert!(run.success, "warnings do not fail check:\n{}", run.stderr);
    let mut found: Vec<String> = run
        .stderr
        .split("\n\n")
        .filter(|block| {
            block.starts_with("warning: this caption") || block.starts_with("warning: the `")
        })
        .filter_map(|block| {
            let at = block.lines().nth(1)?.split("┌─ ").nth(1)?;
            let (file, rest) = at.split_once(':')?;
            let line = rest.split(':').next()?;
            Some(format!("{file}:{line}"))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn readable_captions_give_no_warning() {
    let site = Site::fixture("basic");
    readable(&site);
    assert_eq!(warned_at(&site), Vec::<String>::new());
}

#[test]
fn each_kind_of_hard_to_read_caption_is_warned_about_at_its_line() {
    let site = Site::fixture("basic");
    readable(&site).write(
        EN_CAPTIONS,
        concat!(
            "WEBVTT\n\n",
            "00:00:00.000 --> 00:00:05.000\n",
            "This line is far too long to fit on the screen of a phone.\n\n", // line 4
            "00:00:05.000 --> 00:00:06.000\n",                                // line 6: too fast
            "Thirty-six characters in one second.\n\n",
            "00:00:06.000 --> 00:00:06.400\nGo.\n\n", // line 9: too short
            "00:00:06.400 --> 00:00:15.000\nWe waited.\n\n", // line 12: too long
            "00:00:14.000 --> 00:00:16.000\nOne\ntwo\nthree\n", // line 15: overlap, 3 lines
        ),
    );
    assert_eq!(
        warned_at(&site),
        [
            // The Arabic captions now stop well before the English ones.
            format!("{AR_CAPTIONS}:6"),
            format!("{EN_CAPTIONS}:12"),
            format!("{EN_CAPTIONS}:15"),
            format!("{EN_CAPTIONS}:15"),
            format!("{EN_CAPTIONS}:4"),
            format!("{EN_CAPTIONS}:6"),
            format!("{EN_CAPTIONS}:9"),
        ]
    );
}

#[test]
fn a_translation_that_stops_early_is_warned_about_and_the_build_goes_on() {
    let site = Site::fixture("basic");
    readable(&site).write(
        AR_CAPTIONS,
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nالسطر الأول من النص.\n",
    );
    assert_eq!(warned_at(&site), [format!("{AR_CAPTIONS}:3")]);
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("the `ar` captions stop at 0:05, but the `en` captions go on until 0:10"),
        "{}",
        run.stderr
    );
    site.build_ok();
}

#[test]
fn limits_are_set_in_site_yaml_for_all_languages_or_one() {
    let site = Site::fixture("basic");
    readable(&site);
    let yaml = site.read("site.yaml");
    // The Arabic captions' lines have 20 and 30 characters (the shadda is not counted).
    site.write(
        "site.yaml",
        format!("{yaml}caption_limits:\n  languages:\n    ar: {{ line_length: 25 }}\n"),
    );
    assert_eq!(warned_at(&site), [format!("{AR_CAPTIONS}:7")]);
    site.write(
        "site.yaml",
        format!("{yaml}caption_limits:\n  line_length: 30\n"),
    );
    assert_eq!(
        warned_at(&site),
        [format!("{EN_CAPTIONS}:4"), format!("{EN_CAPTIONS}:7")]
    );
}

#[test]
fn an_arabic_caption_beginning_with_a_latin_word_keeps_its_order() {
    let site = Site::fixture("basic");
    readable(&site).write(
        AR_CAPTIONS,
        "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nYouTube كان مصدري الوحيد.\n\n00:00:05.000 --> 00:00:10.000\nفي عام 2015 غادرت.\n",
    );
    site.build_ok();
    let published = site.read("public/media/story-one/captions.ar.vtt");
    let lines: Vec<&str> = published.lines().collect();
    assert_eq!(
        lines[3], "\u{200f}YouTube كان مصدري الوحيد.",
        "the line starts with a right-to-left mark:\n{published}"
    );
    assert_eq!(
        lines[6], "في عام 2015 غادرت.",
        "a line that begins in Arabic is left as it is"
    );
    // The English captions get no mark.
    assert!(
        !site
            .read("public/media/story-one/captions.en.vtt")
            .contains('\u{200f}')
    );

    // The transcript is set right to left, as a whole, so the Latin word is read first from
    // the right: no `dir="auto"` (which would turn the line left to right) on the way down.
    let page = site.html("ar/stories/story-one/index.html");
    let transcript = page.one("#transcript");
    assert_eq!(transcript.value().attr("dir"), Some("rtl"));
    assert_eq!(transcript.value().attr("lang"), Some("ar"));
    let cues = page.select("#transcript .cue-text");
    let cue = cues[0];
    assert_eq!(common::text_of(cue), "YouTube كان مصدري الوحيد.");
    let mut node = Some(cue);
    while let Some(element) = node {
        if std::ptr::eq(element.value(), transcript.value()) {
            break;
        }
        assert!(
            element.value().attr("dir").is_none(),
            "nothing between the transcript and the cue sets its own direction"
        );
        node = element.parent().and_then(scraper::ElementRef::wrap);
    }
}
