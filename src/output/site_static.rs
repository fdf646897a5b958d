//! The site's own `static/` folder (beside `content/`, not the site theme's `static/`): its
//! files are copied as they are to the output's root, for what a host or a browser looks for
//! there (`CNAME`, `.well-known/security.txt`, `favicon.ico`). Editors put such files here
//! rather than into `public/`, which every build replaces.
//!
//! Hidden files are left out, as everywhere in the sources (`.DS_Store`, an editor's swap
//! file), except the `.well-known/` folder at the top, which is a standard place (RFC 8615).
//! Links are refused, as in `content/`: following one could publish a file from outside the
//! site. A file that would take the place of one the build writes (`static/index.html`,
//! `static/robots.txt`, `static/en` where the build writes the folder `en/`) is an error
//! naming both, rather than one silently winning.

use std::collections::BTreeSet;
use std::path::Path;

use super::CopiedFile;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};

/// The folder, relative to the site's root.
pub const DIR: &str = "static";

/// The only hidden folder copied: at the top of `static/`.
const WELL_KNOWN: &str = ".well-known";

/// The files of the site's `static/` folder, in name order, each to be copied to the same
/// path in the output; none if the site has no such folder. Every link and unreadable entry
/// is reported, at its path.
pub fn files(root: &Path) -> Result<Vec<CopiedFile>, Diagnostics> {
    let dir = root.join(DIR);
    let mut files = Vec::new();
    let mut problems = Diagnostics::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    let walk = walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.path().strip_prefix(&dir).unwrap_or(e.path())));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let at = err.path().map(|p| p.strip_prefix(root).unwrap_or(p));
                let d = Diagnostic::error(format!("cannot read the site's static/ folder: {err}"))
                    .with_help("check that you may read the folder and everything in it");
                problems.push(match at {
                    Some(at) => d.in_file(at),
                    None => d,
                });
                continue;
            }
        };
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if entry.path_is_symlink() {
            problems.push(
                Diagnostic::error(
                    "this is a link to another file or folder, and links are not followed",
                )
                .with_help(
                    "copy the file or folder here instead: following links could publish files from outside static/ by accident",
                )
                .in_file(rel),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let path = display_path(entry.path().strip_prefix(&dir).unwrap_or(entry.path()));
        match entry.metadata() {
            Ok(meta) => files.push(CopiedFile {
                path,
                source: entry.path().to_path_buf(),
                len: meta.len(),
            }),
            Err(err) => problems.push(
                Diagnostic::error(format!("cannot read the file: {err}"))
                    .with_help("check the file permissions")
                    .in_file(rel),
            ),
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(files)
    }
}

/// Whether a path inside `static/` is left out: any hidden part, but `.well-known` at the top.
fn is_hidden(rel: &Path) -> bool {
    rel.components().enumerate().any(|(i, part)| {
        let name = part.as_os_str().to_string_lossy();
        name.starts_with('.') && !(i == 0 && name == WELL_KNOWN)
    })
}

/// The files of `static/` (output paths, with `/`) that would take the place of a file the
/// build writes, or of a folder it writes into, or that need a folder where the build writes a
/// file: one error each, at the file in `static/`, naming the generated file.
pub fn collisions<'a>(
    statics: impl IntoIterator<Item = &'a str>,
    generated: &BTreeSet<String>,
) -> Diagnostics {
    let mut problems = Diagnostics::new();
    for path in statics {
        let at = Path::new(DIR).join(path);
        let shown = display_path(&at);
        let inside = format!("{path}/");
        let under = generated
            .range(inside.clone()..)
            .next()
            .filter(|g| g.starts_with(&inside));
        let above = ancestors(path).find(|a| generated.contains(*a));
        let what = if generated.contains(path) {
            format!("this file would replace the output's `{path}`, which testimony writes")
        } else if let Some(under) = under {
            format!("this file is where testimony writes the folder `{path}/` (for `{under}`)")
        } else if let Some(above) = above {
            format!(
                "this file needs a folder `{above}/`, where testimony writes the file `{above}`"
            )
        } else {
            continue;
        };
        problems.push(
            Diagnostic::error(what)
                .with_help(format!(
                    "rename or remove {shown}: files in static/ are copied to the same place in the output, and testimony makes `{}` itself",
                    under.map_or_else(|| above.unwrap_or(path).to_string(), |_| format!("{path}/"))
                ))
                .in_file(at),
        );
    }
    problems
}

/// `a/b/c` -> `a/b`, `a`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        let (parent, _) = rest.rsplit_once('/')?;
        rest = parent;
        Some(parent)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(paths: &[&str]) -> BTreeSet<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn hidden_files_are_left_out_but_well_known_at_the_top() {
        assert!(!is_hidden(Path::new("CNAME")));
        assert!(!is_hidden(Path::new(".well-known/security.txt")));
        assert!(is_hidden(Path::new(".DS_Store")));
        assert!(is_hidden(Path::new(".well-known/.swp")));
        assert!(is_hidden(Path::new("img/.well-known/x")));
        assert!(is_hidden(Path::new(".git/config")));
    }

    #[test]
    fn a_file_in_the_place_of_a_generated_file_or_folder_is_named_with_it() {
        let made = generated(&["index.html", "en/index.html", "robots.txt", "sitemap.xml"]);
        let found = collisions(
            ["CNAME", "robots.txt", "en", "sitemap.xml/x", "en-gb/a.txt"],
            &made,
        );
        let messages: Vec<String> = found
            .iter()
            .map(|d| {
                format!(
                    "{}: {}",
                    d.location
                        .as_ref()
                        .map_or(String::new(), |l| display_path(&l.path)),
                    d.message
                )
            })
            .collect();
        assert_eq!(
            messages,
            [
                "static/robots.txt: this file would replace the output's `robots.txt`, which testimony writes",
                "static/en: this file is where testimony writes the folder `en/` (for `en/index.html`)",
                "static/sitemap.xml/x: this file needs a folder `sitemap.xml/`, where testimony writes the file `sitemap.xml`",
            ]
        );
        assert!(found.iter().all(|d| {
            d.help
                .as_deref()
                .unwrap_or("")
                .starts_with("rename or remove static/")
        }));
    }

    #[test]
    fn ancestors_go_up_one_folder_at_a_time() {
        assert_eq!(ancestors("a/b/c").collect::<Vec<_>>(), ["a/b", "a"]);
        assert_eq!(ancestors("a").count(), 0);
    }
}
