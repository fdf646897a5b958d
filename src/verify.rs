//! `testimony verify DIR`: checks a copy of a built site (a mirror, a USB stick) against the
//! manifest its build wrote at its top ([`crate::output::MARKER`], see
//! [`crate::output::manifest`]). Every file listed is summed again and compared, and every file
//! in the folder that is not listed is named: what is missing, what changed, and what should no
//! longer be there, all at once and sorted by path. Nothing in the folder is changed.
//!
//! The manifest is the build's own word on what it wrote, so a copy that was tampered with
//! along with its manifest passes: verify tells a mirror whether its copy is complete and
//! intact, not who made it. Comparing the manifest with the one the site publishes
//! (`/.testimony-output`) tells that.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, SourceText, display_path};
use crate::output::MARKER;
use crate::output::manifest::{self, Checksum, Manifest, ParseError};

/// What is wrong with one file of the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Listed in the manifest, not in the folder.
    Missing,
    /// In the folder with other content (or another size) than the manifest lists.
    Changed { listed: Checksum, found: Checksum },
    /// In the folder, not listed: not part of the build.
    Extra,
    /// Listed, and there, but it could not be read.
    Unreadable { error: String },
}

impl Problem {
    /// One word for the kind of problem, as the report and the JSON show it.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::Missing => "missing",
            Problem::Changed { .. } => "changed",
            Problem::Extra => "extra",
            Problem::Unreadable { .. } => "unreadable",
        }
    }

    /// What it means, in plain words.
    pub fn explain(&self) -> String {
        match self {
            Problem::Missing => "listed in the manifest, but not in the folder".into(),
            Problem::Changed { listed, found } if listed.size != found.size => format!(
                "is {} bytes, but the manifest lists {} bytes: an unfinished or altered copy",
                found.size, listed.size
            ),
            Problem::Changed { listed, found } => format!(
                "has the listed size ({} bytes) but other content: its SHA-256 is {}, the manifest lists {}",
                found.size,
                found.hex(),
                listed.hex()
            ),
            Problem::Extra => {
                "in the folder, but not listed in the manifest: it is not part of this build".into()
            }
            Problem::Unreadable { error } => format!("cannot be read: {error}"),
        }
    }
}

/// The outcome of checking a folder: how many files its manifest lists, and what is wrong,
/// sorted by path.
#[derive(Debug, Clone)]
pub struct Report {
    /// The folder checked, as given.
    pub dir: PathBuf,
    pub listed: usize,
    pub problems: Vec<(String, Problem)>,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    /// How many problems of `kind` ([`Problem::kind`]).
    pub fn count(&self, kind: &str) -> usize {
        self.problems
            .iter()
            .filter(|(_, p)| p.kind() == kind)
            .count()
    }

    /// The report for a person: one paragraph per file, then the counts and what to do.
    pub fn to_text(&self) -> String {
        let manifest = display_path(&self.dir.join(MARKER));
        if self.is_ok() {
            return format!(
                "all {} files listed in {manifest} are there, unchanged, and nothing else is\n",
                self.listed
            );
        }
        let mut text = String::new();
        for (path, problem) in &self.problems {
            text.push_str(&format!(
                "{:<10} {path}\n           {}\n",
                problem.kind(),
                problem.explain()
            ));
        }
        let counts: Vec<String> = ["missing", "changed", "extra", "unreadable"]
            .into_iter()
            .map(|kind| (kind, self.count(kind)))
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        let problems = match self.problems.len() {
            1 => "1 problem".to_string(),
            n => format!("{n} problems"),
        };
        text.push_str(&format!(
            "\n{problems} in {} ({} of the {} files listed in {manifest}): {}\n",
            display_path(&self.dir),
            self.problems.len() - self.count("extra"),
            self.listed,
            counts.join(", ")
        ));
        text.push_str(
            "help: copy the site again from where you got it, replacing this folder's content and deleting what is not in the source (for example `rsync -a --delete SOURCE/ DIR/`), then run `testimony verify` again; verify changed nothing\n",
        );
        text
    }

    /// The report as JSON, for scripts: the counts, and each problem with its path.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Sum {
            sha256: String,
            size: u64,
        }
        #[derive(Serialize)]
        struct Entry<'a> {
            path: &'a str,
            problem: &'static str,
            explanation: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            listed: Option<Sum>,
            #[serde(skip_serializing_if = "Option::is_none")]
            found: Option<Sum>,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            dir: String,
            ok: bool,
            listed: usize,
            counts: BTreeMap<&'static str, usize>,
            problems: Vec<Entry<'a>>,
        }
        let sum = |c: &Checksum| Sum {
            sha256: c.hex(),
            size: c.size,
        };
        let json = Json {
            dir: display_path(&self.dir),
            ok: self.is_ok(),
            listed: self.listed,
            counts: ["missing", "changed", "extra", "unreadable"]
                .into_iter()
                .map(|kind| (kind, self.count(kind)))
                .collect(),
            problems: self
                .problems
                .iter()
                .map(|(path, problem)| {
                    let (listed, found) = match problem {
                        Problem::Changed { listed, found } => (Some(sum(listed)), Some(sum(found))),
                        _ => (None, None),
                    };
                    Entry {
                        path,
                        problem: problem.kind(),
                        explanation: problem.explain(),
                        listed,
                        found,
                    }
                })
                .collect(),
        };
        serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".into())
    }
}

/// What a folder to check should be, for the messages that find it is not one.
const WHAT_DIR_IS: &str = "give the top folder of a copy of the site, the one holding index.html and the `.testimony-output` file that `testimony build` writes there; a copy made without hidden files (names starting with a dot) lacks it: copy it again with them";

/// Checks the folder `dir` against its manifest. An error when `dir` is not such a folder or
/// its manifest cannot be read; otherwise a [`Report`], empty when everything matches.
pub fn verify(dir: &Path) -> Result<Report, Diagnostic> {
    let listed = read_manifest(dir)?;
    let (present, mut problems) = files_in(dir);
    let mut checked: Vec<(String, Problem)> = listed
        .par_iter()
        .filter_map(|(path, want)| {
            if !present.contains(path.as_str()) {
                return Some((path.clone(), Problem::Missing));
            }
            match manifest::sum_file(&dir.join(path)) {
                Ok(found) if found == *want => None,
                Ok(found) => Some((
                    path.clone(),
                    Problem::Changed {
                        listed: *want,
                        found,
                    },
                )),
                Err(err) => Some((
                    path.clone(),
                    Problem::Unreadable {
                        error: err.to_string(),
                    },
                )),
            }
        })
        .collect();
    problems.append(&mut checked);
    problems.extend(
        present
            .iter()
            .filter(|path| !listed.contains_key(*path))
            .map(|path| (path.clone(), Problem::Extra)),
    );
    problems.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.kind().cmp(b.1.kind())));
    Ok(Report {
        dir: dir.to_path_buf(),
        listed: listed.len(),
        problems,
    })
}

/// Reads and parses `dir`'s manifest; every way it can fail says what `dir` should be.
fn read_manifest(dir: &Path) -> Result<BTreeMap<String, Checksum>, Diagnostic> {
    let shown = display_path(dir);
    let path = dir.join(MARKER);
    if !dir.is_dir() {
        let what = if dir.exists() {
            format!("`{shown}` is a file, not a folder")
        } else {
            format!("there is no folder `{shown}`")
        };
        return Err(Diagnostic::error(what).with_help(WHAT_DIR_IS));
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(Diagnostic::error(format!(
                "`{shown}` holds no `{MARKER}` file, the manifest that lists every file a build wrote with its SHA-256, so there is nothing to check it against"
            ))
            .with_help(WHAT_DIR_IS));
        }
        Err(err) => {
            return Err(
                Diagnostic::error(format!("cannot read the manifest: {err}"))
                    .with_help("check that you may read the folder and its files")
                    .in_file(path),
            );
        }
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match manifest::parse(&text) {
        Ok(Manifest::Checksums(files)) => Ok(files),
        Ok(Manifest::Paths(_)) => Err(Diagnostic::error(
            "this manifest was written by an earlier version of testimony, which listed the files without their SHA-256, so the copy cannot be checked against it",
        )
        .with_help("build the site again with this version of testimony and copy it again")
        .in_file(path)),
        Err(ParseError::NotAManifest) => Err(Diagnostic::error(format!(
            "`{MARKER}` is not a manifest written by `testimony build`: its first line is not `{}`",
            manifest::HEADER
        ))
        .with_help(WHAT_DIR_IS)
        .in_file(path)),
        Err(err @ ParseError::Line { line, column, .. }) => {
            let source = SourceText::new(path, text);
            let at = byte_offset(&source, line, column);
            let end = source.text[at..].find('\n').map_or(source.text.len(), |n| at + n);
            Err(Diagnostic::error(format!("the manifest is damaged: {err}"))
                .with_help(
                    "copy the manifest again from where you got the site (or the whole site): a build writes it whole, and verify cannot check the copy against a damaged one",
                )
                .at(&source, at..end))
        }
    }
}

/// The byte offset of a 1-based line and character column in `source`.
fn byte_offset(source: &Arc<SourceText>, line: usize, column: usize) -> usize {
    let start = source.line_offset(line);
    let rest = &source.text[start.min(source.text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// Every file under `dir` but the manifest, by path with `/` separators; links are not
/// followed into folders. What cannot be listed is a problem, not skipped in silence.
fn files_in(dir: &Path) -> (BTreeSet<String>, Vec<(String, Problem)>) {
    let mut files = BTreeSet::new();
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let rel = |path: &Path| display_path(path.strip_prefix(dir).unwrap_or(path));
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => {
                let path = rel(entry.path());
                if path != MARKER {
                    files.insert(path);
                }
            }
            Err(err) => {
                let path = err.path().map(rel).unwrap_or_else(|| ".".into());
                problems.push((
                    path,
                    Problem::Unreadable {
                        error: err.to_string(),
                    },
                ));
            }
        }
    }
    (files, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(text: &str) -> Checksum {
        Checksum::of(text.as_bytes())
    }

    #[test]
    fn says_how_a_changed_file_differs() {
        let shorter = Problem::Changed {
            listed: sum("abcd"),
            found: sum("ab"),
        };
        assert_eq!(
            shorter.explain(),
            "is 2 bytes, but the manifest lists 4 bytes: an unfinished or altered copy"
        );
        let altered = Problem::Changed {
            listed: sum("abcd"),
            found: sum("abce"),
        };
        let text = altered.explain();
        assert!(
            text.starts_with("has the listed size (4 bytes) but other content"),
            "{text}"
        );
        assert!(text.contains(&sum("abce").hex()), "{text}");
    }

    #[test]
    fn counts_and_sorts_in_the_text_report() {
        let report = Report {
            dir: PathBuf::from("mirror"),
            listed: 5,
            problems: vec![
                ("a.html".into(), Problem::Extra),
                ("b.html".into(), Problem::Missing),
            ],
        };
        let text = report.to_text();
        assert!(text.starts_with("extra      a.html\n"), "{text}");
        assert!(
            text.contains(
                "\n2 problems in mirror (1 of the 5 files listed in mirror/.testimony-output): 1 missing, 1 extra\n"
            ),
            "{text}"
        );
        let ok = Report {
            problems: vec![],
            ..report
        };
        assert_eq!(
            ok.to_text(),
            "all 5 files listed in mirror/.testimony-output are there, unchanged, and nothing else is\n"
        );
    }

    #[test]
    fn points_at_a_character_column() {
        let source = SourceText::new("m", "ab\nçd  x\n");
        assert_eq!(byte_offset(&source, 2, 1), 3);
        assert_eq!(byte_offset(&source, 2, 2), 5);
        assert_eq!(byte_offset(&source, 2, 99), source.text.len());
    }
}
