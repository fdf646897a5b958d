//! Support for the integration tests: a fixture site copied into a temporary folder, the
//! `testimony` binary run on it, and the HTML it writes parsed with scraper.
//!
//! Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{ElementRef, Html, Selector};

/// The repository's root: the shipped theme and locales live there.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site in a temporary folder, removed when dropped.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// Copies `tests/fixtures/<name>` into a temporary folder. The fixture gets the repository's
    /// `themes/` and `locales/` unless it has its own, so the tests exercise the shipped theme.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixture = repo().join("tests/fixtures").join(name);
        assert!(fixture.is_dir(), "no fixture {}", fixture.display());
        copy_dir(&fixture, dir.path());
        for shared in ["themes", "locales"] {
            if !dir.path().join(shared).exists() {
                copy_dir(&repo().join(shared), &dir.path().join(shared));
            }
        }
        Site { dir }
    }

    /// The shipped site itself (site.yaml, content, themes, locales), copied.
    pub fn shipped() -> Site {
        let dir = tempfile::tempdir().expect("temporary folder");
        fs::copy(repo().join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        for sub in ["content", "themes", "locales"] {
            copy_dir(&repo().join(sub), &dir.path().join(sub));
        }
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes (or replaces) a file of the site, creating its folder.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file of the site; `from` must occur.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    pub fn remove(&self, rel: &str) -> &Self {
        let path = self.path(rel);
        if path.is_dir() {
            fs::remove_dir_all(path).unwrap();
        } else {
            fs::remove_file(path).unwrap();
        }
        self
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    /// Runs `testimony --root <site> <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_testimony"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("running testimony");
        Run::from(output)
    }

    /// Runs `testimony --root <site> <args>` with one environment variable set.
    pub fn run_env(&self, args: &[&str], (key, value): (&str, &str)) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_testimony"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env("NO_COLOR", "1")
            .env(key, value)
            .output()
            .expect("running testimony");
        Run::from(output)
    }

    /// `testimony build` into `<site>/public`.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds and panics with the diagnostics unless the build succeeded.
    pub fn build_ok(&self) -> Run {
        let run = self.build();
        assert!(run.success, "build failed:\n{}", run.stderr);
        run
    }

    /// Parses a page of the output, e.g. `en/stories/index.html`.
    pub fn html(&self, rel: &str) -> Page {
        Page::parse(&self.read(&format!("public/{rel}")))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Every file under `public/`, relative and sorted.
    pub fn output_files(&self) -> Vec<String> {
        let public = self.path("public");
        let mut files: Vec<String> = walkdir::WalkDir::new(&public)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&public)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        files.sort();
        files
    }
}

/// What one run of the binary did.
pub struct Run {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            success: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts that the run failed and that its report contains each of `needles`.
    pub fn assert_error(&self, needles: &[&str]) {
        assert!(
            !self.success,
            "expected a failure, got success:\n{}",
            self.stderr
        );
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "the report does not contain {needle:?}:\n{}",
                self.stderr
            );
        }
    }
}

/// A parsed HTML page with small query helpers.
pub struct Page {
    pub html: Html,
}

impl Page {
    pub fn parse(text: &str) -> Page {
        Page {
            html: Html::parse_document(text),
        }
    }

    pub fn select(&self, css: &str) -> Vec<ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"));
        self.html.select(&selector).collect()
    }

    /// The only element matching `css`.
    pub fn one(&self, css: &str) -> ElementRef<'_> {
        let found = self.select(css);
        assert_eq!(
            found.len(),
            1,
            "expected one `{css}`, found {}",
            found.len()
        );
        found[0]
    }

    /// The attribute `attr` of every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn attr(&self, css: &str, attr: &str) -> String {
        self.one(css)
            .value()
            .attr(attr)
            .unwrap_or_else(|| panic!("`{css}` has no {attr}"))
            .to_owned()
    }

    /// The text of the only element matching `css`, whitespace collapsed.
    pub fn text(&self, css: &str) -> String {
        text_of(self.one(css))
    }

    /// The whole visible text of the page, whitespace collapsed.
    pub fn body_text(&self) -> String {
        text_of(self.one("body"))
    }
}

/// The text inside an element, with runs of whitespace collapsed to one space.
pub fn text_of(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

// Checks shared by the tests of bad inputs: a failed run must leave the output as it was and
// report each problem at its file, line and column.

/// Every file under `public/` with its bytes.
pub fn snapshot(site: &Site) -> Vec<(String, Vec<u8>)> {
    site.output_files()
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(site.path(&format!("public/{rel}"))).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// The entries at the top of the site's folder (a staging folder left behind would show here).
pub fn top_level(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Builds the fixture, breaks it with `break_it`, and builds again: the second build must
/// fail and leave `public/` exactly as the first build wrote it. Returns the failed run.
pub fn fails_and_keeps_output(site: &Site, break_it: impl FnOnce(&Site)) -> Run {
    site.build_ok();
    let files = site.output_files();
    assert!(
        files.iter().any(|f| f == "en/stories/story-one/index.html"),
        "the good build wrote no story page: {files:?}"
    );
    let before = snapshot(site);
    let pages = [
        "en/index.html",
        "en/about/index.html",
        "en/stories/story-one/index.html",
    ]
    .map(|rel| site.read(&format!("public/{rel}")));
    let entries = top_level(site);

    break_it(site);
    let run = site.build();
    assert!(
        !run.success,
        "the broken site built:\n{}\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains("build failed:"),
        "no summary line in the report:\n{}",
        run.stderr
    );

    assert_eq!(
        site.output_files(),
        files,
        "the failed build changed the list of output files"
    );
    for ((path, old), (_, new)) in before.iter().zip(snapshot(site)) {
        assert!(*old == new, "the failed build changed public/{path}");
    }
    for (rel, old) in [
        "en/index.html",
        "en/about/index.html",
        "en/stories/story-one/index.html",
    ]
    .iter()
    .zip(&pages)
    {
        assert_eq!(&site.read(&format!("public/{rel}")), old, "public/{rel}");
    }
    assert_eq!(
        top_level(site),
        entries,
        "the failed build left something in the site's folder"
    );
    run
}

/// The 1-based line and column (in characters) where the `nth` (0-based) occurrence of
/// `needle` starts in `text`.
pub fn position(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} (#{nth}) is not in:\n{text}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// The diagnostics of a report, one block each (they are separated by a blank line).
pub fn blocks(run: &Run) -> Vec<&str> {
    run.stderr
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect()
}

/// The diagnostic pointing at `path:line:col`: asserts it is an error that contains every one
/// of `needles` (what is wrong, and the hint), and returns it.
pub fn assert_reported<'a>(
    run: &'a Run,
    path: &str,
    (line, column): (usize, usize),
    needles: &[&str],
) -> &'a str {
    assert!(!run.success, "expected a failure:\n{}", run.stderr);
    let location = format!("{path}:{line}:{column}");
    let found = blocks(run).into_iter().find(|block| {
        block
            .match_indices(&location)
            .any(|(i, _)| !block[i + location.len()..].starts_with(|c: char| c.is_ascii_digit()))
    });
    let Some(block) = found else {
        panic!("no diagnostic at {location} in the report:\n{}", run.stderr);
    };
    assert!(
        block.starts_with("error"),
        "the diagnostic at {location} is not an error:\n{block}"
    );
    for needle in needles {
        assert!(
            block.contains(needle),
            "the diagnostic at {location} does not contain {needle:?}:\n{block}\n\nwhole report:\n{}",
            run.stderr
        );
    }
    block
}

/// The only diagnostic containing `needle`.
pub fn the_block<'a>(run: &'a Run, needle: &str) -> &'a str {
    let found: Vec<&str> = blocks(run)
        .into_iter()
        .filter(|b| b.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one diagnostic containing {needle:?}:\n{}",
        run.stderr
    );
    found[0]
}

/// The number of errors the summary line of a failed build counts.
pub fn error_count(run: &Run) -> usize {
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("build failed: "))
        .unwrap_or_else(|| panic!("no summary line:\n{}", run.stderr));
    line["build failed: ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("cannot read the summary line {line:?}"))
}

/// Replaces `from` with `to` in a file of the site and returns where `to` starts.
pub fn edit_at(site: &Site, rel: &str, from: &str, to: &str, needle: &str) -> (usize, usize) {
    site.edit(rel, from, to);
    position(&site.read(rel), needle, 0)
}

/// Every file under `dir` with its bytes, by its path inside `dir` with `/` separators.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// One language's part of the `i18n status --format json` report.
pub fn status_language<'a>(report: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    report["languages"]
        .as_array()
        .expect("`languages` is a list")
        .iter()
        .find(|l| l["code"] == code)
        .unwrap_or_else(|| panic!("no language `{code}` in the report:\n{report:#}"))
}
