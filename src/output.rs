//! Writing the output: minifying pages, preparing the files that leave `content/` (posters
//! re-encoded without metadata, captions re-serialized, videos checked), copying the site
//! theme's assets, and swapping a fully written staging folder into place.
//!
//! Nothing from `content/` reaches the output except through [`story_media`], which decides
//! what may leave. A failed build never touches the output folder: everything is written to
//! a sibling staging folder first, and the old output is replaced only at the end.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::{OutputFile, poster_output_name};
use crate::site::{Site, Video};

/// How a page was minified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Minified {
    /// By the one-pass minifier, which reads well-formed HTML only.
    OnePass,
    /// The one-pass minifier refused the page (a stray or missing tag, say), so the full
    /// parser of minify-html did it: the same result, three times slower. The reason and
    /// where it was found in the page as the templates wrote it (line and column from 1) are
    /// given, for the theme's author.
    Full {
        reason: String,
        line: usize,
        column: usize,
    },
}

/// Minifies an HTML page, with its inline CSS and JS.
///
/// minify-html's one-pass variant (same project, same rules) does most pages: it minifies in
/// place without building a tree, and measured three to four times faster than the full
/// parser on our pages, which matters because minifying was half of a large build. It accepts
/// only well-formed HTML, which our templates write; a page it refuses goes through
/// minify-html's full parser, so a theme with a stray tag still builds.
pub fn minify_page(bytes: Vec<u8>) -> (Vec<u8>, Minified) {
    // The shipped theme keeps styles and scripts in files under static/; the CSS and JS
    // minifiers are slow, so they run only on pages that have inline `<style>` or `<script>`
    // (JSON-LD data has a `type` and is left alone).
    let has_code = contains(&bytes, b"<style") || contains(&bytes, b"<script>");
    let mut fast = minify_html_onepass::Cfg::new();
    fast.minify_css = has_code;
    fast.minify_js = has_code;
    let mut page = bytes.clone();
    match minify_html_onepass::in_place(&mut page, &fast) {
        Ok(len) => {
            page.truncate(len);
            (page, Minified::OnePass)
        }
        Err(err) => {
            let mut full = minify_html::Cfg::new();
            full.minify_css = has_code;
            full.minify_js = has_code;
            let mut before = &bytes[..err.position.min(bytes.len())];
            // Inside a tag, point at its `<`.
            if let Some(lt) = before.iter().rposition(|&b| b == b'<')
                && !before[lt..].contains(&b'>')
            {
                before = &before[..lt];
            }
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            (
                minify_html::minify(&bytes, &full),
                Minified::Full {
                    reason: err.error_type.message(),
                    line,
                    column,
                },
            )
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// The site theme's `static/` files, under `static/` in the output, with a short hash of each
/// for cache-busting addresses (`style.css?v=1a2b3c4d`).
pub fn assets(
    root: &Path,
    site_theme: &str,
) -> Result<(Vec<OutputFile>, BTreeMap<String, String>), Diagnostics> {
    let dir = root.join("themes").join(site_theme).join("static");
    let mut files = Vec::new();
    let mut versions = BTreeMap::new();
    let mut problems = Diagnostics::new();
    if !dir.is_dir() {
        return Ok((files, versions));
    }
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(Diagnostic::error(format!(
                    "cannot read the site theme's assets: {err}"
                )));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = crate::diagnostic::display_path(
            entry.path().strip_prefix(&dir).unwrap_or(entry.path()),
        );
        if name.starts_with('.') {
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                versions.insert(name.clone(), short_hash(&bytes));
                files.push(OutputFile {
                    path: format!("static/{name}"),
                    bytes,
                });
            }
            Err(err) => problems.push(
                Diagnostic::error(format!("cannot read the asset: {err}")).in_file(
                    Path::new("themes")
                        .join(site_theme)
                        .join("static")
                        .join(&name),
                ),
            ),
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok((files, versions))
    }
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file copied as it is from the site's sources into the output, without being read into
/// memory (videos can weigh gigabytes).
#[derive(Debug, Clone)]
pub struct CopiedFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    pub source: PathBuf,
    /// Size in bytes, for the build's summary.
    pub len: u64,
}

/// The files of each story that are published: the video (copied, after checking that it
/// carries no location metadata), the poster re-encoded without its metadata (GPS position,
/// camera serial numbers), and the captions re-written from their parsed form. Nothing else in
/// a story's folder leaves it.
pub fn story_media(site: &Site) -> (Vec<OutputFile>, Vec<CopiedFile>, Diagnostics) {
    let results: Vec<(Vec<OutputFile>, Option<CopiedFile>, Vec<Diagnostic>)> = site
        .stories
        .par_iter()
        .map(|story| {
            let mut files = Vec::new();
            let mut copied = None;
            let mut problems = Vec::new();
            let base = format!("media/{}", story.slug);
            if let Video::File { name, path } = &story.video {
                let rel = story.texts.source_path.with_file_name(name);
                match crate::media::check_video(path) {
                    Ok(len) => {
                        copied = Some(CopiedFile {
                            path: format!("{base}/{name}"),
                            source: path.clone(),
                            len,
                        })
                    }
                    Err(problem) => problems.push(problem.in_file(rel)),
                }
            }
            if let Some((name, path)) = &story.poster {
                let rel = story.texts.source_path.with_file_name(name);
                match std::fs::read(path)
                    .map_err(|e| e.to_string())
                    .and_then(|b| strip_image(&b))
                {
                    Ok(bytes) => files.push(OutputFile {
                        path: format!("{base}/{}", poster_output_name(name)),
                        bytes,
                    }),
                    Err(err) => problems.push(
                        Diagnostic::error(format!("cannot read the poster picture: {err}"))
                            .with_help("save it again as a JPEG or PNG file")
                            .in_file(rel),
                    ),
                }
            }
            for track in &story.captions {
                files.push(OutputFile {
                    path: format!("{base}/captions.{}.vtt", track.lang),
                    bytes: track.captions.to_vtt().into_bytes(),
                });
            }
            (files, copied, problems)
        })
        .collect();
    let mut files = Vec::new();
    let mut copies = Vec::new();
    let mut problems = Diagnostics::new();
    for (found, copied, found_problems) in results {
        files.extend(found);
        copies.extend(copied);
        problems.extend(found_problems);
    }
    (files, copies, problems)
}

/// Decodes a picture and encodes it again, which keeps the pixels and drops every metadata
/// block (EXIF, XMP, IPTC, comments). The format stays the same.
pub fn strip_image(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let format = image::guess_format(bytes).map_err(|e| e.to_string())?;
    let picture = image::load_from_memory_with_format(bytes, format).map_err(|e| e.to_string())?;
    let mut out = Cursor::new(Vec::new());
    match format {
        image::ImageFormat::Png => picture.write_to(&mut out, image::ImageFormat::Png),
        _ => {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
            picture.to_rgb8().write_with_encoder(encoder)
        }
    }
    .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// A folder beside the output folder that a build writes into; it replaces the output folder
/// only when [`Staging::commit`] is called after everything was written. Dropped without
/// that, it removes itself, and the output folder is left exactly as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    committed: bool,
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {err}", path.display())).with_help(
        "check that the output folder's parent exists and is writable; the previous output was left as it was",
    )
}

impl Staging {
    /// Makes an empty staging folder for `out` (removing any left by an interrupted build).
    pub fn create(out: &Path) -> Result<Staging, Diagnostic> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = parent.join(format!(".{name}.staging"));
        let old = parent.join(format!(".{name}.old"));
        std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        for leftover in [&dir, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(|e| io_error("remove", leftover, e))?;
            }
        }
        std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            old,
            committed: false,
        })
    }

    fn target(&self, rel: &str) -> Result<PathBuf, Diagnostic> {
        let path = self.dir.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
        }
        Ok(path)
    }

    /// Writes a file made in memory. Safe to call from many threads.
    pub fn put(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        let path = self.target(&file.path)?;
        std::fs::write(&path, &file.bytes).map_err(|e| io_error("write", &path, e))
    }

    /// Copies a file from the sources, streaming it. Safe to call from many threads.
    pub fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic> {
        let path = self.target(&file.path)?;
        std::fs::copy(&file.source, &path)
            .map(|_| ())
            .map_err(|e| io_error("copy", &file.source, e))
    }

    /// Puts the staging folder in place of the output folder.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.committed = true;
        let (out, dir, old) = (&self.out, &self.dir, &self.old);
        if out.exists() {
            std::fs::rename(out, old).map_err(|e| {
                let _ = std::fs::remove_dir_all(dir);
                io_error("move aside", out, e)
            })?;
        }
        if let Err(err) = std::fs::rename(dir, out) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(old, out);
            let _ = std::fs::remove_dir_all(dir);
            return Err(io_error("move into place", out, err));
        }
        if old.exists() {
            let _ = std::fs::remove_dir_all(old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes every file into a staging folder beside `out`, then swaps it in place of `out`.
/// On any error the staging folder is removed and `out` is left exactly as it was.
pub fn write(out: &Path, files: &[OutputFile], copies: &[CopiedFile]) -> Result<(), Diagnostic> {
    let staging = Staging::create(out)?;
    files.par_iter().try_for_each(|file| staging.put(file))?;
    copies.par_iter().try_for_each(|file| staging.copy(file))?;
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_pages_and_their_inline_css() {
        let page = |body: &str| OutputFile {
            path: "en/index.html".into(),
            bytes: format!(
                "<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
            )
            .into_bytes(),
        };
        let minified = |body: &str| {
            let (bytes, how) = minify_page(page(body).bytes);
            (String::from_utf8(bytes).unwrap(), how)
        };
        let (text, how) = minified("<p>  two   spaces  </p>\n\n<p>x</p>");
        assert_eq!(how, Minified::OnePass);
        assert!(text.contains("<p>two spaces<p>x"), "{text}");
        let (text, _) = minified("<style>p  {  color :  red ; }</style><p>y</p>");
        assert!(text.contains("p{color:red}"), "{text}");
    }

    #[test]
    fn a_page_the_one_pass_minifier_refuses_is_minified_all_the_same() {
        let page = b"<!DOCTYPE html><html><head><title>t</title></head><body><p>  a  </p></div></span></body></html>";
        let (bytes, how) = minify_page(page.to_vec());
        assert!(matches!(how, Minified::Full { .. }), "{how:?}");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("<p>a"), "{text}");
        assert!(text.len() < page.len());
    }

    #[test]
    fn strips_metadata_from_a_jpeg() {
        let picture = image::RgbImage::from_pixel(8, 8, image::Rgb([40, 60, 80]));
        let mut plain = Cursor::new(Vec::new());
        picture
            .write_to(&mut plain, image::ImageFormat::Jpeg)
            .unwrap();
        let plain = plain.into_inner();
        // Insert an APP1 (EXIF) segment with a recognisable payload after the SOI marker.
        let payload = b"Exif\0\0GPS 51.5N SERIAL-12345";
        let mut tagged = plain[..2].to_vec();
        tagged.extend([0xFF, 0xE1]);
        tagged.extend(((payload.len() + 2) as u16).to_be_bytes());
        tagged.extend(payload);
        tagged.extend(&plain[2..]);
        assert!(tagged.windows(12).any(|w| w == b"SERIAL-12345"));
        let stripped = strip_image(&tagged).unwrap();
        assert!(!stripped.windows(12).any(|w| w == b"SERIAL-12345"));
        assert!(image::load_from_memory(&stripped).is_ok());
    }

    #[test]
    fn swaps_the_output_only_when_everything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        let files = vec![OutputFile {
            path: "en/index.html".into(),
            bytes: b"new".to_vec(),
        }];
        write(&out, &files, &[]).unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read(out.join("en/index.html")).unwrap(), b"new");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging folder left"
        );
    }
}
