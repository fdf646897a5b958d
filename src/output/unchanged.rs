//! Knowing that a build would write what the output already holds: a second `testimony build`
//! with nothing changed does no work.
//!
//! A build sums up everything it reads ([`Inputs::of`]): the program itself, the options that
//! change its output (base address, `--relative`, the build date), and every file of
//! `site.yaml`, `content/`, `locales/`, `themes/` and `static/`, by its path and content (a
//! file over [`BY_CONTENT`] bytes, a video, by its size and modification time, so that a
//! build does not read gigabytes to learn that nothing changed). After a build has put its
//! output in place, the sum is written beside the output folder, in `.<name>.inputs`, with the
//! number of warnings the build gave and the sum of its manifest. The next build with the same sum, whose output still
//! holds every file its manifest lists at its size, stops there.
//!
//! The sum is kept beside the output rather than in it: it holds modification times, which
//! differ from one copy of the sources to another, and the output stays the same bytes for
//! the same sources. Anything that reads a file the sum does not cover would be a bug here:
//! the build reads nothing else.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::MARKER;
use super::manifest::{self, Manifest};

/// Files up to this size are summed by their content; larger ones by size and time.
pub const BY_CONTENT: u64 = 4 * 1024 * 1024;

/// The first line of the file beside the output.
const HEADER: &str = "testimony inputs 1";

/// The folders and files of a site that a build reads.
const SOURCES: &[&str] = &["site.yaml", "content", "locales", "themes", "static"];

/// What a build read, summed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs(String);

impl Inputs {
    /// Sums up the sources under `root` and `options` (every option that changes what a build
    /// writes, written out by the caller). `None` when a source cannot be read: the build then
    /// goes on and reports it.
    pub fn of(root: &Path, options: &str) -> Option<Inputs> {
        let mut hasher = Sha256::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        // The program itself, so that a new build of testimony never trusts an older one's
        // output (its size and time: reading it each build would cost more than the rest).
        let exe = std::env::current_exe().ok()?;
        hash_identity(&mut hasher, &std::fs::metadata(exe).ok()?);
        hasher.update(b"\0options\0");
        hasher.update(options.as_bytes());
        for source in SOURCES {
            let path = root.join(source);
            if std::fs::symlink_metadata(&path).is_err() {
                hasher.update(format!("\0absent\0{source}").as_bytes());
                continue;
            }
            for entry in walkdir::WalkDir::new(&path)
                .follow_links(true)
                .sort_by_file_name()
            {
                let entry = entry.ok()?;
                let rel = entry.path().strip_prefix(root).ok()?;
                hasher.update(b"\0path\0");
                hasher.update(rel.to_string_lossy().as_bytes());
                if !entry.file_type().is_file() {
                    continue;
                }
                let metadata = entry.metadata().ok()?;
                if metadata.len() > BY_CONTENT {
                    hash_identity(&mut hasher, &metadata);
                } else {
                    let mut bytes = Vec::with_capacity(metadata.len() as usize);
                    std::fs::File::open(entry.path())
                        .and_then(|mut f| f.read_to_end(&mut bytes))
                        .ok()?;
                    hasher.update(b"\0content\0");
                    hasher.update((bytes.len() as u64).to_le_bytes());
                    hasher.update(&bytes);
                }
            }
        }
        let digest: [u8; 32] = hasher.finalize().into();
        Some(Inputs(digest.iter().map(|b| format!("{b:02x}")).collect()))
    }
}

fn hash_identity(hasher: &mut Sha256, metadata: &std::fs::Metadata) {
    hasher.update(b"\0identity\0");
    hasher.update(metadata.len().to_le_bytes());
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .unwrap_or_default();
    hasher.update(modified.as_nanos().to_le_bytes());
}

/// The file beside `out` that holds the sum of the build that made it.
fn record_path(out: &Path) -> Option<PathBuf> {
    let name = out.file_name()?.to_string_lossy();
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(parent.join(format!(".{name}.inputs")))
}

/// What the last build of `out` left: the warnings it gave, when it read `inputs` and the
/// output still holds every file it wrote, at its size. `None` when a build must run.
pub fn up_to_date(out: &Path, inputs: &Inputs) -> Option<Unchanged> {
    // A staging folder left by an interrupted build: a full build removes it.
    let (staging, old) = super::staging_paths(out).ok()?;
    if std::fs::symlink_metadata(staging).is_ok() || std::fs::symlink_metadata(old).is_ok() {
        return None;
    }
    let text = std::fs::read_to_string(record_path(out)?).ok()?;
    let mut lines = text.lines();
    if lines.next()? != HEADER || lines.next()? != inputs.0 {
        return None;
    }
    let warnings: usize = lines.next()?.strip_prefix("warnings ")?.parse().ok()?;
    let marker = std::fs::read_to_string(out.join(MARKER)).ok()?;
    // The output is the one that build put in place, not a later one.
    if lines.next()? != marker_sum(&marker) {
        return None;
    }
    let Manifest::Checksums(files) = manifest::parse(&marker).ok()? else {
        return None;
    };
    let mut bytes = 0;
    for (path, sum) in &files {
        let metadata = std::fs::symlink_metadata(out.join(path)).ok()?;
        if !metadata.is_file() || metadata.len() != sum.size {
            return None;
        }
        bytes += sum.size;
    }
    // Nothing was added to it either: a file no build wrote makes the build stop, and say so.
    for entry in walkdir::WalkDir::new(out).min_depth(1) {
        let entry = entry.ok()?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(out)
            .ok()?
            .to_str()?
            .replace('\\', "/");
        if rel != MARKER && !files.contains_key(&rel) {
            return None;
        }
    }
    let mut pages = std::collections::BTreeMap::<String, usize>::new();
    for path in files.keys() {
        if path.ends_with(".html")
            && let Some((lang, _)) = path.split_once('/')
        {
            *pages.entry(lang.to_string()).or_default() += 1;
        }
    }
    Some(Unchanged {
        files: files.len(),
        bytes,
        pages,
        warnings,
    })
}

/// What an output left as it was holds (see [`up_to_date`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchanged {
    pub files: usize,
    pub bytes: u64,
    /// HTML pages by the first folder of their path (the language).
    pub pages: std::collections::BTreeMap<String, usize>,
    /// How many warnings the build that made it gave.
    pub warnings: usize,
}

/// The SHA-256 of a manifest's text, in hexadecimal.
fn marker_sum(marker: &str) -> String {
    let digest: [u8; 32] = Sha256::digest(marker.as_bytes()).into();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Records, beside `out`, that the output now in place (its manifest) was made from `inputs`
/// with `warnings` warnings. A file of that name that testimony did not write is left alone
/// (and the next build then runs in full). Failing to write it only costs the next build its
/// shortcut.
pub fn record(out: &Path, inputs: &Inputs, warnings: usize) {
    let Some(path) = record_path(out) else {
        return;
    };
    let Ok(marker) = std::fs::read_to_string(out.join(MARKER)) else {
        return;
    };
    if let Ok(text) = std::fs::read_to_string(&path)
        && text.lines().next() != Some(HEADER)
    {
        return;
    }
    if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return;
    }
    let _ = std::fs::write(
        &path,
        format!(
            "{HEADER}\n{}\nwarnings {warnings}\n{}\n",
            inputs.0,
            marker_sum(&marker)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "title: T\n").unwrap();
        std::fs::create_dir_all(dir.path().join("content/stories/a")).unwrap();
        std::fs::write(
            dir.path().join("content/stories/a/index.md"),
            "---\n---\nA\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn the_sum_changes_with_any_source_or_option_and_only_then() {
        let dir = site();
        let root = dir.path();
        let first = Inputs::of(root, "now=2026-12-01").unwrap();
        assert_eq!(Inputs::of(root, "now=2026-12-01").unwrap(), first);
        assert_ne!(Inputs::of(root, "now=2026-12-02").unwrap(), first);
        std::fs::write(root.join("content/stories/a/index.md"), "---\n---\nB\n").unwrap();
        let edited = Inputs::of(root, "now=2026-12-01").unwrap();
        assert_ne!(edited, first);
        std::fs::create_dir_all(root.join("locales/en")).unwrap();
        std::fs::write(root.join("locales/en/main.ftl"), "a = b\n").unwrap();
        assert_ne!(Inputs::of(root, "now=2026-12-01").unwrap(), edited);
        // A file outside the sources (the output, notes) changes nothing.
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        std::fs::create_dir_all(root.join("public")).unwrap();
        std::fs::write(root.join("public/index.html"), "x").unwrap();
        let with_locale = Inputs::of(root, "now=2026-12-01").unwrap();
        std::fs::write(root.join("public/index.html"), "y").unwrap();
        assert_eq!(Inputs::of(root, "now=2026-12-01").unwrap(), with_locale);
    }

    #[test]
    fn an_output_is_up_to_date_only_when_whole_and_made_from_the_same_sources() {
        let dir = site();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("en")).unwrap();
        std::fs::write(out.join("en/index.html"), "<p>a").unwrap();
        let files: std::collections::BTreeMap<String, super::super::Checksum> = [(
            "en/index.html".to_string(),
            super::super::Checksum::of(b"<p>a"),
        )]
        .into();
        std::fs::write(out.join(MARKER), manifest::text(&files)).unwrap();
        let inputs = Inputs::of(dir.path(), "").unwrap();
        assert_eq!(up_to_date(&out, &inputs), None, "no record yet");
        record(&out, &inputs, 2);
        let unchanged = up_to_date(&out, &inputs).expect("up to date");
        assert_eq!((unchanged.files, unchanged.warnings), (1, 2));
        assert_eq!(unchanged.pages["en"], 1);
        let other = Inputs::of(dir.path(), "relative").unwrap();
        assert_eq!(up_to_date(&out, &other), None);
        // A file of the output changed or removed by hand: the build runs.
        std::fs::write(out.join("en/index.html"), "<p>ab").unwrap();
        assert_eq!(up_to_date(&out, &inputs), None);
        std::fs::remove_file(out.join("en/index.html")).unwrap();
        assert_eq!(up_to_date(&out, &inputs), None);
        std::fs::write(out.join("en/index.html"), "<p>a").unwrap();
        assert!(up_to_date(&out, &inputs).is_some());
        // Or a file added to it.
        std::fs::write(out.join("en/notes.txt"), "mine").unwrap();
        assert_eq!(up_to_date(&out, &inputs), None);
        std::fs::remove_file(out.join("en/notes.txt")).unwrap();
        // Or another build's output in its place (one interrupted before it could record).
        let mut marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
        marker.push_str("# another\n");
        std::fs::write(out.join(MARKER), marker).unwrap();
        assert_eq!(up_to_date(&out, &inputs), None);
    }

    #[test]
    fn a_file_of_that_name_that_testimony_did_not_write_is_left_alone() {
        let dir = site();
        let out = dir.path().join("public");
        let theirs = dir.path().join(".public.inputs");
        std::fs::write(&theirs, "my notes\n").unwrap();
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(MARKER), manifest::text(std::iter::empty())).unwrap();
        let inputs = Inputs::of(dir.path(), "").unwrap();
        record(&out, &inputs, 0);
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "my notes\n");
    }
}
