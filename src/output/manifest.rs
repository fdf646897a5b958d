//! The manifest: the [`MARKER`](super::MARKER) file every build writes at the top of its
//! output, listing every file it wrote with its SHA-256 and size, sorted by path, so that the
//! same build writes the same bytes and a mirror can check its copy (`testimony verify`).
//!
//! It is one file, not a marker and a `manifest.sha256` beside it: the list a build reads to
//! know which files it may replace ([`super::prepare`]) and the list a mirror checks are then
//! the same list, and cannot disagree. The rejected alternative, the `sha256sum` format in a
//! second file, would have let a mirror check with `sha256sum -c` alone, but carries no size
//! and would have been a second list to keep in step; `docs/mirrors.md` shows how to check
//! without testimony all the same.
//!
//! Format 2 (this one): a header line `testimony output 2`, comment lines starting with `#`,
//! then one line per file: 64 lowercase hexadecimal digits, two spaces, the size in bytes, two
//! spaces, the path inside the output with `/` separators (the rest of the line). Format 1,
//! written by earlier builds, lists the paths alone; it is still recognised, so that their
//! output can be replaced, but it cannot be verified.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path};

use sha2::{Digest, Sha256};

/// The first line of a manifest with checksums.
pub const HEADER: &str = "testimony output 2";

/// The first line of the paths-only marker earlier builds wrote.
pub const HEADER_1: &str = "testimony output 1";

/// What a file's content is summed up by: its SHA-256 and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Checksum {
    pub sha256: [u8; 32],
    pub size: u64,
}

impl Checksum {
    /// The checksum of bytes in memory.
    pub fn of(bytes: &[u8]) -> Checksum {
        Checksum {
            sha256: Sha256::digest(bytes).into(),
            size: bytes.len() as u64,
        }
    }

    /// The SHA-256 in lowercase hexadecimal, as `sha256sum` prints it.
    pub fn hex(&self) -> String {
        self.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Sums up what is read from `from` while writing it to `to`: a file is read once, for its
/// copy and its checksum alike (videos weigh gigabytes).
pub fn copy_summing(mut from: impl Read, mut to: impl std::io::Write) -> std::io::Result<Checksum> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        let n = match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        hasher.update(&buffer[..n]);
        to.write_all(&buffer[..n])?;
        size += n as u64;
    }
    to.flush()?;
    Ok(Checksum {
        sha256: hasher.finalize().into(),
        size,
    })
}

/// The checksum of a file, read in pieces.
pub fn sum_file(path: &Path) -> std::io::Result<Checksum> {
    copy_summing(std::fs::File::open(path)?, std::io::sink())
}

/// The manifest's text for `files` (by path, so sorted): the header, a note for whoever opens
/// it, and one line per file.
pub fn text<'a>(files: impl IntoIterator<Item = (&'a String, &'a Checksum)>) -> String {
    let mut text = format!(
        "{HEADER}\n# Written by `testimony build`, which replaces this folder at its next build.\n# Files here that are not listed below make that build stop (see `testimony build --help`).\n# Each line: the file's SHA-256, its size in bytes, its path. Check a copy with `testimony verify DIR`.\n"
    );
    for (path, sum) in files {
        text.push_str(&format!("{}  {}  {path}\n", sum.hex(), sum.size));
    }
    text
}

/// A manifest as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Manifest {
    /// Format 2: every file with its checksum.
    Checksums(BTreeMap<String, Checksum>),
    /// Format 1: the paths only.
    Paths(Vec<String>),
}

impl Manifest {
    /// Every path listed.
    pub fn paths(&self) -> Vec<&str> {
        match self {
            Manifest::Checksums(files) => files.keys().map(String::as_str).collect(),
            Manifest::Paths(paths) => paths.iter().map(String::as_str).collect(),
        }
    }
}

/// Why a manifest's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The first line is not a manifest's header.
    #[error("this is not a manifest written by testimony: its first line is not `{HEADER}`")]
    NotAManifest,
    /// A line of the list is not `sha256  size  path`.
    #[error("line {line} is not `SHA-256  size  path`: {what}")]
    Line {
        /// From 1, in the whole file.
        line: usize,
        /// From 1, in characters: where on the line it goes wrong.
        column: usize,
        what: String,
    },
}

/// Reads a manifest's text (see the module's documentation for the format). Strict: a line
/// that is not `sha256  size  path`, a path that is not a plain path inside the folder, or a
/// path listed twice is an error naming its line.
pub fn parse(text: &str) -> Result<Manifest, ParseError> {
    let mut lines = text.lines();
    let header = lines.next().map(|l| l.strip_suffix('\r').unwrap_or(l));
    let with_sums = match header {
        Some(HEADER) => true,
        Some(HEADER_1) => false,
        _ => return Err(ParseError::NotAManifest),
    };
    let mut files = BTreeMap::new();
    let mut paths = Vec::new();
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |column: usize, what: &str| ParseError::Line {
            line: number,
            column,
            what: what.to_string(),
        };
        if !with_sums {
            paths.push(line.to_string());
            continue;
        }
        let (sum, path) = parse_line(line).map_err(|(column, what)| fail(column, what))?;
        let path_column = line.chars().count() - path.chars().count() + 1;
        if files.insert(path.to_string(), sum).is_some() {
            return Err(fail(path_column, "this path is listed twice"));
        }
    }
    Ok(if with_sums {
        Manifest::Checksums(files)
    } else {
        Manifest::Paths(paths)
    })
}

/// One line of format 2, or the column (from 1) where it goes wrong and what is wrong.
fn parse_line(line: &str) -> Result<(Checksum, &str), (usize, &'static str)> {
    let hex = line.get(..64).filter(|h| {
        h.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    let Some(hex) = hex else {
        return Err((1, "it does not start with 64 lowercase hexadecimal digits"));
    };
    let rest = line[64..]
        .strip_prefix("  ")
        .ok_or((65, "two spaces should follow the SHA-256"))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let size = rest[..digits]
        .parse::<u64>()
        .map_err(|_| (67, "the size in bytes should follow, in digits"))?;
    let path = rest[digits..]
        .strip_prefix("  ")
        .ok_or((67 + digits, "two spaces should follow the size"))?;
    let is_plain = !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !is_plain {
        return Err((
            69 + digits,
            "the path should be a plain path inside the folder, like en/index.html",
        ));
    }
    let mut sha256 = [0u8; 32];
    for (i, byte) in sha256.iter_mut().enumerate() {
        // Checked above: two hexadecimal digits.
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    Ok((Checksum { sha256, size }, path))
}

/// The paths a marker lists, for [`super::prepare`], or `None` when its text is not a marker
/// of a known format. Lenient where [`parse`] is strict: a line that does not read is left
/// out, so the file it names counts as not the build's own, which is the safe way.
pub fn listed_paths(text: &str) -> Option<Vec<&str>> {
    let mut lines = text.lines();
    let with_sums = match lines.next() {
        Some(HEADER) => true,
        Some(HEADER_1) => false,
        _ => return None,
    };
    Some(
        lines
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                if with_sums {
                    parse_line(line).ok().map(|(_, path)| path)
                } else {
                    Some(line)
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(files: &[(&str, &[u8])]) -> BTreeMap<String, Checksum> {
        files
            .iter()
            .map(|(p, b)| (p.to_string(), Checksum::of(b)))
            .collect()
    }

    #[test]
    fn reads_back_what_it_writes() {
        let files = sums(&[("en/index.html", b"<p>hi"), ("static/a b.css", b"")]);
        let written = text(&files);
        assert!(written.starts_with("testimony output 2\n#"), "{written}");
        // The SHA-256 of nothing, as `sha256sum` gives it.
        assert!(
            written.contains(
                "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  0  static/a b.css\n"
            ),
            "{written}"
        );
        assert_eq!(parse(&written), Ok(Manifest::Checksums(files)));
        assert_eq!(
            listed_paths(&written),
            Some(vec!["en/index.html", "static/a b.css"])
        );
    }

    #[test]
    fn reads_an_old_marker_without_checksums() {
        let old = "testimony output 1\n# note\nen/index.html\nstatic/style.css\n";
        assert_eq!(
            parse(old),
            Ok(Manifest::Paths(vec![
                "en/index.html".into(),
                "static/style.css".into()
            ]))
        );
        assert_eq!(
            listed_paths(old),
            Some(vec!["en/index.html", "static/style.css"])
        );
    }

    #[test]
    fn refuses_what_is_not_a_manifest() {
        for text in ["", "notes\n", "testimony output 3\nen/index.html\n"] {
            assert_eq!(parse(text), Err(ParseError::NotAManifest), "{text:?}");
            assert_eq!(listed_paths(text), None, "{text:?}");
        }
    }

    #[test]
    fn names_the_line_and_column_of_a_malformed_line() {
        let good = format!("{}  5  en/index.html", "a".repeat(64));
        let at = |line: &str| {
            let text = format!("{HEADER}\n# note\n{good}\n\n{line}\n");
            match parse(&text) {
                Err(ParseError::Line { line, column, what }) => (line, column, what),
                other => panic!("{line:?} gave {other:?}"),
            }
        };
        let (line, column, what) = at("not a checksum  5  x.html");
        assert_eq!((line, column), (5, 1));
        assert!(what.contains("64 lowercase hexadecimal digits"), "{what}");
        let hex = "b".repeat(64);
        assert_eq!(at(&format!("{hex} 5  x.html")).1, 65);
        assert_eq!(at(&format!("{hex}  five  x.html")).1, 67);
        assert_eq!(at(&format!("{hex}  5 x.html")).1, 68);
        assert_eq!(at(&format!("{hex}  5  ")).1, 70);
        let (_, column, what) = at(&format!("{hex}  12  ../etc/passwd"));
        assert_eq!(column, 71);
        assert!(what.contains("plain path inside the folder"), "{what}");
        assert_eq!(at(&format!("{hex}  5  /etc/passwd")).1, 70);
        let (line, column, what) = at(&good);
        assert_eq!((line, column), (5, 70));
        assert!(what.contains("listed twice"), "{what}");
        assert_eq!(
            ParseError::Line {
                line: 5,
                column: 1,
                what: "x".into()
            }
            .to_string(),
            "line 5 is not `SHA-256  size  path`: x"
        );
    }

    #[test]
    fn a_malformed_line_counts_as_not_the_builds_own() {
        let text = format!("{HEADER}\n{}  5  ok.html\nbroken line\n", "c".repeat(64));
        assert_eq!(listed_paths(&text), Some(vec!["ok.html"]));
        assert!(parse(&text).is_err());
    }

    #[test]
    fn sums_while_copying() {
        let mut copy = Vec::new();
        let sum = copy_summing(&b"abc"[..], &mut copy).unwrap();
        assert_eq!(copy, b"abc");
        assert_eq!(sum, Checksum::of(b"abc"));
        assert_eq!(
            sum.hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sum.size, 3);
    }
}
