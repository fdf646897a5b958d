//! Bounded property tests over the parsers that read what editors and translators write:
//! front matter, Markdown bodies and Fluent files (WebVTT has its own, beside its code). Thousands of inputs made by mutating valid ones, from a fixed seed so that every run
//! is the same: no panic, no hang, every problem carries a place in its file, and nothing that
//! could run script or show a comment reaches the HTML.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use testimony::config::Config;
use testimony::diagnostic::{Diagnostic, SourceText};
use testimony::frontmatter;
use testimony::i18n::Locales;
use testimony::markdown;
use testimony::model::StoryMeta;

/// xorshift: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `text` with one to four random edits: a piece inserted, a few bytes deleted, a line doubled.
fn mutate(rng: &mut Rng, text: &str, pieces: &[&str]) -> String {
    let mut text = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(3) {
            0 => text.insert_str(at, pieces[rng.below(pieces.len())]),
            1 => {
                let mut end = (at + rng.below(10)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
            _ => {
                let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                let line = text[at..end].to_string();
                text.insert_str(end, &line);
            }
        }
    }
    text
}

fn assert_placed(problem: &Diagnostic, source: &SourceText, input: &str) {
    let location = problem
        .location
        .as_ref()
        .unwrap_or_else(|| panic!("no place for `{}` in:\n{input}", problem.message));
    let last_line = source.line_column(source.text.len()).0;
    assert!(
        (1..=last_line).contains(&location.line) && location.column >= 1,
        "`{}` at {location}, outside the file:\n{input}",
        problem.message
    );
    assert!(problem.help.is_some(), "no help for `{}`", problem.message);
}

#[test]
fn markdown_never_panics_places_every_problem_and_publishes_no_script() {
    let good = "# Title {#top .lead}\n\nA paragraph with [a link](https://example.org/) and \
        [an internal one](@/about.md#team), *emphasis* and `code`.\n\n<!-- A NOTE-MARKER -->\n\n\
        - a list\n- [mail](mailto:x@example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
        ```\n<b>in code</b>\n```\n\nText[^1].\n\n[^1]: A footnote.\n";
    let pieces = [
        "<",
        ">",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<b>",
        "<img src=x onerror=y>",
        "javascript:",
        "JaVaScRiPt:",
        "data:text/html,",
        "vbscript:",
        "&#x09;",
        "&#58;",
        "](",
        "[",
        "]",
        "(",
        ")",
        "{",
        "}",
        "{onclick=x}",
        " .c",
        "#",
        "\n",
        "\n\n",
        "```",
        "`",
        "\u{0}",
        "\u{7}",
        "\u{202E}",
        "ش",
        "é",
        "\\",
        "*",
        "_",
        "[r]: javascript:alert(1)\n",
        "[x][r]",
        "<javascript:alert(1)>",
        "<https://x.example/>",
        "@/",
        "\r\n",
        "\r",
        "    ",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let started = Instant::now();
    let (mut refused, mut published) = (0, 0);
    for _ in 0..3000 {
        let body = mutate(&mut rng, good, &pieces);
        let text = format!("---\ntitle: T\n---\n{body}");
        let source = SourceText::new("content/about.md", text.as_str());
        let range = text.find(&body).unwrap_or(0)..text.len();
        // `@/about.md` is the one page; an address written by hand is taken as it is.
        let (html, problems) = markdown::render(&source, range, &|link| match link {
            "@/about.md" => Ok("/en/about/".to_string()),
            link if link.starts_with("@/") => Err(None),
            link => Ok(link.to_string()),
        });
        for problem in &problems {
            assert_placed(problem, &source, &body);
        }
        if problems.iter().any(Diagnostic::is_error) {
            refused += 1;
            continue; // the build stops: nothing is published
        }
        published += 1;
        let page = scraper::Html::parse_fragment(&html);
        for element in page
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            let name = element.value().name();
            assert!(
                !matches!(
                    name,
                    "script" | "iframe" | "img" | "object" | "embed" | "style"
                ),
                "<{name}> published from:\n{body}\n\n{html}"
            );
            for (attr, value) in element.value().attrs() {
                assert!(
                    !attr.starts_with("on"),
                    "{attr}= published from:\n{body}\n\n{html}"
                );
                if !matches!(attr, "href" | "src" | "action" | "formaction" | "poster") {
                    continue;
                }
                let value: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    assert!(
                        !value.starts_with(scheme),
                        "{attr}=\"{value}\" published from:\n{body}\n\n{html}"
                    );
                }
            }
        }
        // Where the note is still a comment (not broken by the edits, not inside code), its
        // text is published nowhere.
        let intact = body.find("\n\n<!-- A NOTE-MARKER -->\n").filter(|&at| {
            body[..at].matches('`').count().is_multiple_of(2)
                && !body[..at].contains("<!--")
                && body.matches("NOTE-MARKER").count() == 1
        });
        if intact.is_some() {
            assert!(
                !html.contains("NOTE-MARKER"),
                "a comment's text was published from:\n{body}\n\n{html}"
            );
        }
    }
    // Both sides were exercised.
    assert!(
        refused > 300 && published > 300,
        "{refused} refused, {published} published"
    );
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "3,000 small pages took {:?}",
        started.elapsed()
    );
}

#[test]
fn fluent_never_panics_and_places_every_problem() {
    let config = Config::parse(&SourceText::new(
        "site.yaml",
        "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n",
    ))
    .expect("a valid config");
    let en = "-brand = Testimony\nsite-title = { -brand }\nnav-home = Home\n    .title = Go home\nstory-count = { $count ->\n    [one] one story\n   *[other] { $count } stories\n}\nwelcome = Welcome to { site-title }, { nav-home.title }\n";
    let ar = "site-title = شهادة\nnav-home = الرئيسية\nstory-count = { $count ->\n    [zero] لا قصص\n    [one] قصة واحدة\n    [two] قصتان\n    [few] { $count } قصص\n    [many] { $count } قصة\n   *[other] { $count } قصة\n}\n";
    let pieces = [
        "{",
        "}",
        "$",
        "$count",
        "$cuont",
        "-",
        "-brand",
        "-nope",
        ".",
        ".title",
        "=",
        "*",
        "[",
        "]",
        "->",
        "\n",
        "\n    ",
        "#",
        "NUMBER(",
        ")",
        "\"",
        "\\u",
        "nav-hom",
        "{ welcome }",
        "{ story-count }",
        "ش",
        "\u{0}",
        "\r\n",
        "\t",
        "    .attr = x\n",
        "a = { a }\n",
    ];
    let mut rng = Rng(0x853C_49E6_748F_EA9B);
    let mut with_problems = 0;
    for _ in 0..2000 {
        let (en, ar) = if rng.below(2) == 0 {
            (mutate(&mut rng, en, &pieces), ar.to_string())
        } else {
            (en.to_string(), mutate(&mut rng, ar, &pieces))
        };
        let files = vec![
            (
                "en".to_string(),
                PathBuf::from("locales/en/main.ftl"),
                en.clone(),
            ),
            (
                "ar".to_string(),
                PathBuf::from("locales/ar/main.ftl"),
                ar.clone(),
            ),
        ];
        let (locales, problems) = Locales::parse(&config, files);
        let sources = [
            SourceText::new("locales/en/main.ftl", en.as_str()),
            SourceText::new("locales/ar/main.ftl", ar.as_str()),
        ];
        let source_of = |problem: &Diagnostic| {
            let path = problem.location.as_ref().map(|l| l.path.clone());
            sources
                .iter()
                .find(|s| Some(&s.path) == path.as_ref())
                .cloned()
        };
        let mistakes = locales.check(None);
        if !problems.is_empty() || !mistakes.is_empty() {
            with_problems += 1;
        }
        for problem in problems
            .iter()
            .chain(mistakes.iter().map(|m| &m.diagnostic))
        {
            let Some(source) = source_of(problem) else {
                // A problem about the languages as a whole (no strings at all) has no line.
                assert!(
                    problem.location.is_none() || problem.message.contains("locales/"),
                    "`{}` points at no file of this test",
                    problem.message
                );
                continue;
            };
            assert_placed(problem, &source, &format!("{en}\n---\n{ar}"));
        }
        // Formatting whatever loaded never panics either.
        for lang in ["en", "ar"] {
            for key in ["site-title", "nav-home", "story-count", "welcome"] {
                let _ = locales.format(lang, key, &[]);
            }
        }
    }
    assert!(
        with_problems > 300,
        "only {with_problems} inputs had a problem"
    );
}

#[test]
fn front_matter_never_panics_and_places_every_problem() {
    let good = "---\ntitle: \"A story\"\npseudonym: Narrator\nsummary: One line.\norigin: SY\njoined: 2014\ninterviewed: 2018-02-08\nthemes: [motivations, defection]\nvideo:\n  file: video.webm\n  poster: poster.jpg\n  duration: \"00:02:00\"\ncaptions: { en: captions.en.vtt, ar: captions.ar.vtt }\nsegments:\n  - { at: \"00:00:00\", title: \"Start\", themes: [motivations] }\n  - at: \"00:01:12\"\n    title: 'Out'\nstatement: >\n  Folded\n  text.\nwarnings: [violence]\nstatus: published\nprivate:\n  real_name: X\n---\nBody.\n";
    let pieces = [
        ":",
        " ",
        "\n",
        "  ",
        "-",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\"",
        "'",
        "#",
        "&a",
        "*a",
        "!!binary",
        "!x",
        "? ",
        "|",
        ">",
        "---",
        "...",
        "\t",
        "\u{202E}",
        "\u{0}",
        "é",
        "ش",
        "\r\n",
        "\r",
        "title",
        "video",
        "%YAML 1.2",
        "@",
        "`",
        "~",
        "null",
        "0x1F",
        "1e9",
        "\\u",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut with_problems = 0;
    for _ in 0..3000 {
        let text = mutate(&mut rng, good, &pieces);
        let source = SourceText::new("content/stories/x/index.md", text.as_str());
        let Ok(split) = frontmatter::split(&source) else {
            continue;
        };
        if let Err(found) = frontmatter::read::<StoryMeta>(&source, split.yaml) {
            assert!(!found.is_empty(), "an error without a problem:\n{text}");
            with_problems += 1;
            for problem in &found {
                assert_placed(problem, &source, &text);
            }
        }
    }
    assert!(
        with_problems > 300,
        "only {with_problems} inputs had a problem"
    );
}
