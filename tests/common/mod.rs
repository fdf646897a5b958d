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
