//! Writing the output: minifying pages, preparing the files that leave `content/` (posters
//! re-encoded without metadata, captions re-serialized, videos checked), copying the site
//! theme's assets, and swapping a fully written staging folder into place.
//!
//! Nothing from `content/` reaches the output except through [`story_media`], which decides
//! what may leave. The site's own `static/` folder is copied as it is ([`site_static`]). A failed build never touches the output folder: everything is written to
//! a sibling staging folder first, and the old output is replaced only at the end.
//!
//! A build replaces only what it wrote. [`prepare`] decides, before anything is written,
//! whether the output folder may be replaced: never the site's folder, a folder holding it
//! or one of its sources; a folder holding files that no build wrote only with `--force`. A
//! build knows its own output by the [`MARKER`] file it writes into it, listing every file it
//! wrote with its SHA-256 and size ([`manifest`]), summed as each file is written. The rejected alternative was to recognise earlier output by its look (an
//! `index.html`, a `static/` folder): a guess is how someone's folder gets deleted.

pub mod images;
pub mod manifest;
pub mod minify;
pub mod relative;
pub mod sink;
pub mod site_static;
pub mod unchanged;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::OutputFile;
use crate::site::{Site, Video};
use crate::urls::Urls;
pub use manifest::Checksum;

/// The site theme's `static/` files, under `static/` in the output, with a short hash of each
/// for cache-busting addresses (`style.css?v=1a2b3c4d`). With `minify`, its stylesheets and
/// scripts are minified ([`minify::Code`] says which), and the hash is of what is written.
pub fn assets(
    root: &Path,
    site_theme: &str,
    minify: bool,
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
        let rel = Path::new("themes")
            .join(site_theme)
            .join("static")
            .join(&name);
        let read = std::fs::read(entry.path());
        let read = match (read, minify::Code::of(&name)) {
            (Ok(bytes), Some(code)) if minify => minified_asset(code, rel.clone(), bytes),
            (read, _) => read.map_err(|err| {
                Diagnostic::error(format!("cannot read the asset: {err}")).in_file(rel.clone())
            }),
        };
        match read {
            Ok(bytes) => {
                versions.insert(name.clone(), short_hash(&bytes));
                files.push(OutputFile {
                    path: Urls::asset_path(&name),
                    bytes,
                });
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok((files, versions))
    }
}

/// A stylesheet or script of the site theme, minified; `rel` is its path in the site.
fn minified_asset(code: minify::Code, rel: PathBuf, bytes: Vec<u8>) -> Result<Vec<u8>, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error("this file is not UTF-8 text, so it cannot be minified")
            .with_help("save it as UTF-8 in your editor; with `minify: false` in site.yaml the file is published as it is")
            .in_file(rel.clone())
    })?;
    minify::asset(code, &crate::diagnostic::SourceText::new(rel, text))
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
    let results: Vec<StoryMedia> = site.stories.par_iter().map(|s| media_of(s)).collect();
    let mut files = Vec::new();
    let mut copies = Vec::new();
    let mut problems = Diagnostics::new();
    for found in results {
        files.extend(found.files);
        copies.extend(found.copied);
        problems.extend(found.problems);
    }
    (files, copies, problems)
}

/// The published files of one story (see [`story_media`]).
#[derive(Debug, Default)]
pub struct StoryMedia {
    /// Made in memory: the poster re-encoded, the captions re-written.
    pub files: Vec<OutputFile>,
    /// The video, copied as it is once checked.
    pub copied: Option<CopiedFile>,
    pub problems: Vec<Diagnostic>,
}

/// The published files of `story`: see [`story_media`].
pub fn media_of(story: &crate::site::Story) -> StoryMedia {
    let mut media = StoryMedia::default();
    if let Video::File { name, path } = &story.video {
        let rel = story.texts.source_path.with_file_name(name);
        match crate::media::check_video(path) {
            Ok(len) => {
                media.copied = Some(CopiedFile {
                    path: Urls::media_path(&story.slug, name),
                    source: path.clone(),
                    len,
                })
            }
            Err(problem) => media.problems.push(problem.in_file(rel)),
        }
    }
    if let Some(crate::site::Poster { name, path, .. }) = &story.poster {
        let rel = story.texts.source_path.with_file_name(name);
        match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| strip_image(&b))
        {
            Ok(bytes) => media.files.push(OutputFile {
                path: Urls::poster_path(&story.slug, name),
                bytes,
            }),
            Err(err) => media.problems.push(
                Diagnostic::error(format!("cannot read the poster picture: {err}"))
                    .with_help("save it again as a JPEG or PNG file")
                    .in_file(rel),
            ),
        }
    }
    for track in &story.captions {
        media.files.push(OutputFile {
            path: Urls::captions_path(&story.slug, &track.lang),
            bytes: track.captions.to_vtt_in(track.dir).into_bytes(),
        });
    }
    media
}

/// Decodes a picture and encodes it again, which keeps the pixels and drops every metadata
/// block (EXIF, XMP, IPTC, comments). The format stays the same.
pub fn strip_image(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let (picture, format) = decode_picture(bytes)?;
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

/// Decodes a JPEG or PNG picture into its pixels, turned upright as its EXIF orientation says
/// (a phone's photo is stored sideways with a tag to turn it; once the tag is dropped with the
/// rest of the metadata, the pixels must already be upright). Every re-encoding of a picture
/// that leaves `content/` starts here: posters ([`strip_image`]) and pictures in page text
/// ([`images`]).
pub fn decode_picture(bytes: &[u8]) -> Result<(image::DynamicImage, image::ImageFormat), String> {
    use image::ImageDecoder;
    let format = image::guess_format(bytes).map_err(|e| e.to_string())?;
    let mut reader = image::ImageReader::new(Cursor::new(bytes));
    reader.set_format(format);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = image::DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    picture.apply_orientation(orientation);
    Ok((picture, format))
}

/// The file every build writes at the top of its output (and of its staging folder, from the
/// moment it is made): it says that testimony wrote the folder and lists what it wrote, with
/// each file's SHA-256 and size (the [`manifest`]), so that the next build replaces the folder
/// without asking, stops if anything else is there, and a mirror can check its copy.
pub const MARKER: &str = ".testimony-output";

/// The files a marker lists (of either format, see [`manifest`]), or `None` when its text is
/// not a marker.
fn parse_marker(text: &str) -> Option<BTreeSet<&str>> {
    manifest::listed_paths(text).map(|paths| paths.into_iter().collect())
}

/// The marker of `dir`, read without following links: `None` if there is none (or `dir` is not
/// a real folder).
fn read_marker(dir: &Path) -> Result<Option<String>, Refusal> {
    let is_real_dir = |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    let marker = dir.join(MARKER);
    if !is_real_dir(dir) || !std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        return Ok(None);
    }
    match std::fs::read(&marker) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(err) => Err(Refusal::Io {
            what: "read",
            path: marker,
            source: err,
        }),
    }
}

/// Why a build refuses its output folder, or a staging folder beside it. Found by [`prepare`]
/// before anything is written.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The output folder is the site's folder.
    #[error(
        "the output folder {out} is the site's folder: a build replaces its output folder, so it would delete content/, site.yaml and everything else in it"
    )]
    IsTheSite { out: Shown },
    /// The output folder holds the site's folder (a parent of it, `/`).
    #[error(
        "the output folder {out} holds the site's folder {root}: a build replaces its output folder, so it would delete the site and everything beside it"
    )]
    HoldsTheSite { out: Shown, root: String },
    /// The output folder is the user's home folder, or holds it.
    #[error(
        "the output folder {out} holds your home folder {home}: a build replaces its output folder, so it would delete everything in it"
    )]
    HoldsHome { out: Shown, home: String },
    /// The output folder is a source of the site, lies inside one, or holds one.
    #[error(
        "the output folder {out} {how} the site's `{source_name}`, which the build reads: a build replaces its output folder, so it would delete it"
    )]
    Source {
        out: Shown,
        /// "is", "is inside" or "holds".
        how: &'static str,
        /// `content/`, `site.yaml`, ...
        source_name: String,
    },
    /// The output path is a file (or a link to one), not a folder.
    #[error("the output folder {out} is a file, not a folder")]
    NotAFolder { out: Shown },
    /// A non-empty folder that no earlier build wrote, or one holding files the last build did
    /// not write.
    #[error("the output folder {out} holds {what}: {}", list_entries(.entries, *.more))]
    InTheWay {
        out: Shown,
        /// "files that testimony did not write" or "files that the last build did not write".
        what: &'static str,
        /// The first few, in name order.
        entries: Vec<String>,
        /// How many more there are.
        more: usize,
    },
    /// A staging folder's name is taken by something a build did not make.
    #[error(
        "{path} is in the way: a build writes beside the output folder into a folder of that name, but this one was not made by testimony, so it was left alone"
    )]
    Leftover { path: String },
    #[error("cannot {what} {}: {source}", crate::diagnostic::display_path(.path))]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A path as the user gave it, and where it leads when that differs (`.` -> `/srv/site`).
#[derive(Debug, Clone)]
pub struct Shown {
    pub given: PathBuf,
    pub resolved: PathBuf,
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let given = crate::diagnostic::display_path(&self.given);
        let resolved = crate::diagnostic::display_path(&self.resolved);
        if given == resolved {
            write!(f, "`{given}`")
        } else {
            write!(f, "`{given}` ({resolved})")
        }
    }
}

/// "CNAME, notes.txt, old/, and 3 more".
fn list_entries(entries: &[String], more: usize) -> String {
    let mut text = entries.join(", ");
    if more > 0 {
        text.push_str(&format!(", and {more} more"));
    }
    text
}

/// How many entries an [`Refusal::InTheWay`] names.
const ENTRIES_SHOWN: usize = 3;

impl Refusal {
    /// What to do about it, in plain words.
    pub fn help(&self) -> String {
        match self {
            Refusal::IsTheSite { .. }
            | Refusal::HoldsTheSite { .. }
            | Refusal::HoldsHome { .. } => "choose an output folder that neither is nor holds the site's folder: leave out --out to build into public/ inside the site, or give a new folder elsewhere, e.g. --out ../site-output; --force does not change this".into(),
            Refusal::Source { .. } => "choose an output folder outside content/, locales/, themes/, static/ and site.yaml: leave out --out to build into public/ inside the site, or give a new folder elsewhere; --force does not change this".into(),
            Refusal::NotAFolder { .. } => "give --out a folder (it is made if it does not exist); the file was left as it was".into(),
            Refusal::InTheWay { out, .. } => format!(
                "nothing was changed; choose another --out, empty {} yourself, or pass --force to replace it and everything in it; a file that must be published as it is (a CNAME, .well-known/, a favicon) belongs in the site's static/ folder, beside content/: every build copies it into the output",
                crate::diagnostic::display_path(&out.given)
            ),
            Refusal::Leftover { path } => format!(
                "move or delete {path} yourself if it holds nothing you need (a build removes only the ones it left, which hold a {MARKER} file); or choose another --out"
            ),
            Refusal::Io { .. } => "check that the folder exists and that you may read and write it; nothing was changed".into(),
        }
    }
}

impl From<Refusal> for Diagnostic {
    fn from(refusal: Refusal) -> Diagnostic {
        let help = refusal.help();
        Diagnostic::error(refusal.to_string()).with_help(help)
    }
}

/// An absolute path with every link followed and every `.` and `..` taken away, for a path that
/// may not exist yet: its nearest existing ancestor is canonicalized and the rest appended.
/// The rest does not exist, so it holds no link and `..` in it can be undone by name.
fn resolve(path: &Path) -> Result<PathBuf, Refusal> {
    let io = |what, path: &Path| {
        let path = path.to_path_buf();
        move |source| Refusal::Io { what, path, source }
    };
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(io("find the current folder", path))?
            .join(path)
    };
    for existing in absolute.ancestors() {
        match std::fs::symlink_metadata(existing) {
            Ok(_) => {
                let mut resolved =
                    std::fs::canonicalize(existing).map_err(io("follow the link", existing))?;
                let rest = absolute.strip_prefix(existing).unwrap_or(Path::new(""));
                for part in rest.components() {
                    match part {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::Normal(name) => resolved.push(name),
                        _ => {}
                    }
                }
                return Ok(resolved);
            }
            Err(err)
                if matches!(
                    err.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) => {}
            Err(err) => return Err(io("read", existing)(err)),
        }
    }
    Ok(absolute)
}

/// The folders and files a build reads, relative to the site's root; `static/` only if present.
const SOURCES: &[&str] = &["content", "locales", "themes", crate::config::CONFIG_FILE];

/// Where a resolved output folder would do harm, whatever `--force` says. `sources` are the
/// resolved sources with their names as shown (`content/`). Pure: every path is resolved.
fn forbidden_place(
    out: &Shown,
    root: &Path,
    home: Option<&Path>,
    sources: &[(String, PathBuf)],
) -> Option<Refusal> {
    let at = &out.resolved;
    let out = out.clone();
    if at == root {
        return Some(Refusal::IsTheSite { out });
    }
    if root.starts_with(at) {
        let root = format!("`{}`", crate::diagnostic::display_path(root));
        return Some(Refusal::HoldsTheSite { out, root });
    }
    if let Some(home) = home.filter(|home| home.starts_with(at)) {
        let home = format!("`{}`", crate::diagnostic::display_path(home));
        return Some(Refusal::HoldsHome { out, home });
    }
    // Either way round: a source that is a link to a folder elsewhere may lie inside the output.
    for (name, source) in sources {
        let how = if at == source {
            "is"
        } else if at.starts_with(source) {
            "is inside"
        } else if source.starts_with(at) {
            "holds"
        } else {
            continue;
        };
        let source_name = name.clone();
        return Some(Refusal::Source {
            out,
            how,
            source_name,
        });
    }
    None
}

/// What is in the output folder that the build did not write: its first few entries (in
/// name order, folders ending in `/`) and how many more. For a folder an earlier build wrote,
/// only the files its marker does not list count; otherwise everything at the top does.
fn in_the_way(out: &Shown) -> Result<Option<Refusal>, Refusal> {
    let dir = &out.resolved;
    let listing = |source| Refusal::Io {
        what: "list",
        path: dir.clone(),
        source,
    };
    let marker = read_marker(dir)?;
    let (what, mut found) = match marker.as_deref().and_then(parse_marker) {
        Some(listed) => {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
                let entry = entry.map_err(|err| listing(err.into()))?;
                if entry.file_type().is_dir() {
                    continue;
                }
                let rel = crate::diagnostic::display_path(
                    entry.path().strip_prefix(dir).unwrap_or(entry.path()),
                );
                if rel != MARKER && !listed.contains(rel.as_str()) {
                    found.push(rel);
                }
            }
            ("files that the last build did not write", found)
        }
        None => {
            let mut found = Vec::new();
            for entry in std::fs::read_dir(dir).map_err(listing)? {
                let entry = entry.map_err(listing)?;
                let mut name = entry.file_name().to_string_lossy().into_owned();
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    name.push('/');
                }
                found.push(name);
            }
            found.sort();
            ("files that testimony did not write", found)
        }
    };
    if found.is_empty() {
        return Ok(None);
    }
    let more = found.len().saturating_sub(ENTRIES_SHOWN);
    found.truncate(ENTRIES_SHOWN);
    Ok(Some(Refusal::InTheWay {
        out: out.clone(),
        what,
        entries: found,
        more,
    }))
}

/// The staging folder and the folder the old output is moved to, beside `out`:
/// `.public.staging` and `.public.old`.
fn staging_paths(out: &Path) -> Result<(PathBuf, PathBuf), Refusal> {
    let name = out.file_name().ok_or_else(|| Refusal::Io {
        what: "name a staging folder beside",
        path: out.to_path_buf(),
        source: std::io::Error::other("the output folder has no name"),
    })?;
    let name = name.to_string_lossy();
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok((
        parent.join(format!(".{name}.staging")),
        parent.join(format!(".{name}.old")),
    ))
}

/// A staging folder left beside the output may be removed only if a build made it (it carries
/// the marker, written first thing); anything else of that name is someone else's.
fn leftover_is_ours(path: &Path) -> Result<bool, Refusal> {
    match std::fs::symlink_metadata(path) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(source) => {
            return Err(Refusal::Io {
                what: "read",
                path: path.to_path_buf(),
                source,
            });
        }
        Ok(_) => {}
    }
    Ok(read_marker(path)?
        .as_deref()
        .and_then(parse_marker)
        .is_some())
}

fn leftover_refusal(path: &Path) -> Refusal {
    Refusal::Leftover {
        path: format!("`{}`", crate::diagnostic::display_path(path)),
    }
}

/// Decides, before anything is written, whether a build may replace `out` (as the user gave
/// it), and returns where it leads (links followed). Refused, whatever `force` says: the site's
/// folder, a folder holding it or the home folder, a source of the site (`content/`,
/// `locales/`, `themes/`, `site.yaml`, `static/` if present) or a folder inside or holding one,
/// and a file. Refused unless `force`: a non-empty folder that no earlier build wrote, or one
/// holding files the last build did not write. Refused always: a staging folder's name taken by
/// a folder no build made. An empty or missing folder is fine (`serve` builds into a new
/// temporary one). Paths are compared canonicalized, so links and `..` cannot get round it.
pub fn prepare(root: &Path, out: &Path, force: bool) -> Result<PathBuf, Diagnostics> {
    let fail = |refusal: Refusal| Diagnostics::from_iter([Diagnostic::from(refusal)]);
    let shown = Shown {
        given: out.to_path_buf(),
        resolved: resolve(out).map_err(fail)?,
    };
    let site = resolve(root).map_err(fail)?;
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|home| !home.is_empty())
        .and_then(|home| resolve(Path::new(&home)).ok());
    let mut sources = Vec::new();
    let has_static = root.join("static").is_dir();
    for name in SOURCES.iter().chain(has_static.then_some(&"static")) {
        let shown = if *name == crate::config::CONFIG_FILE {
            name.to_string()
        } else {
            format!("{name}/")
        };
        sources.push((shown, resolve(&root.join(name)).map_err(fail)?));
    }
    if let Some(refusal) = forbidden_place(&shown, &site, home.as_deref(), &sources) {
        return Err(fail(refusal));
    }
    let mut problems = Diagnostics::new();
    match std::fs::metadata(&shown.resolved) {
        Ok(meta) if !meta.is_dir() => {
            problems.push(Refusal::NotAFolder { out: shown.clone() }.into())
        }
        Ok(_) if !force => match in_the_way(&shown) {
            Ok(None) => {}
            Ok(Some(refusal)) | Err(refusal) => problems.push(refusal.into()),
        },
        _ => {}
    }
    match staging_paths(&shown.resolved) {
        Ok((staging, old)) => {
            for leftover in [staging, old] {
                match leftover_is_ours(&leftover) {
                    Ok(true) => {}
                    Ok(false) => problems.push(leftover_refusal(&leftover).into()),
                    Err(refusal) => problems.push(refusal.into()),
                }
            }
        }
        Err(refusal) => problems.push(refusal.into()),
    }
    if problems.is_empty() {
        Ok(shown.resolved)
    } else {
        Err(problems)
    }
}

/// A folder beside the output folder that a build writes into; it replaces the output folder
/// only when [`Staging::commit`] is called after everything was written. Dropped without
/// that, it removes itself, and the output folder is left exactly as it was. It carries the
/// [`MARKER`] from the start, so that one left by an interrupted build is known as ours.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Every file written, by its path inside the output, with its checksum, for the marker.
    written: Mutex<Vec<(String, Checksum)>>,
    /// The folders made so far: asking the file system again for each of a folder's files
    /// was a twentieth of a build.
    made: Mutex<std::collections::HashSet<PathBuf>>,
    committed: bool,
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {err}", path.display())).with_help(
        "check that the output folder's parent exists and is writable; the previous output was left as it was",
    )
}

impl Staging {
    /// Makes an empty staging folder for `out` (best given as [`prepare`] returned it),
    /// removing one left by an interrupted build; a folder of that name that no build made is
    /// refused, not removed.
    pub fn create(out: &Path) -> Result<Staging, Diagnostic> {
        let (dir, old) = staging_paths(out)?;
        // Checked again just before removing, the only step here that deletes anything.
        for leftover in [&dir, &old] {
            if !leftover_is_ours(leftover)? {
                return Err(leftover_refusal(leftover).into());
            }
        }
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        }
        for leftover in [&dir, &old] {
            if std::fs::symlink_metadata(leftover).is_ok() {
                std::fs::remove_dir_all(leftover).map_err(|e| io_error("remove", leftover, e))?;
            }
        }
        std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
        let staging = Staging {
            out: out.to_path_buf(),
            dir,
            old,
            written: Mutex::new(Vec::new()),
            made: Mutex::default(),
            committed: false,
        };
        // From here on, dropping `staging` removes the folder.
        let marker = staging.dir.join(MARKER);
        let empty = manifest::text(std::iter::empty());
        std::fs::write(&marker, empty).map_err(|e| io_error("write", &marker, e))?;
        Ok(staging)
    }

    fn target(&self, rel: &str) -> Result<PathBuf, Diagnostic> {
        // An output path is made from slugs and file names; one that could climb out of the
        // staging folder (or replace the marker) is a bug, and must not write anywhere else.
        let rel_path = Path::new(rel);
        // A line break would end the path's line in the marker early, and a backslash is a
        // separator on Windows: the marker could not be read back as the same paths.
        if rel.is_empty()
            || rel == MARKER
            || rel.contains(['\n', '\r', '\\'])
            || !rel_path
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            return Err(Diagnostic::error(format!(
                "the output file name `{rel}` is not a plain path inside the output folder"
            ))
            .with_help("rename the file it comes from; the previous output was left as it was"));
        }
        let path = self.dir.join(rel_path);
        if let Some(dir) = path.parent() {
            let made = |made: &Mutex<std::collections::HashSet<PathBuf>>| {
                made.lock().unwrap_or_else(|p| p.into_inner()).contains(dir)
            };
            if !made(&self.made) {
                std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
                self.made
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(dir.to_path_buf());
            }
        }
        Ok(path)
    }

    fn wrote(&self, rel: &str, sum: Checksum) {
        self.written
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((rel.to_string(), sum));
    }

    /// Writes a file made in memory, and returns its checksum. Safe to call from many threads.
    pub fn put(&self, file: &OutputFile) -> Result<Checksum, Diagnostic> {
        let path = self.target(&file.path)?;
        std::fs::write(&path, &file.bytes).map_err(|e| io_error("write", &path, e))?;
        let sum = Checksum::of(&file.bytes);
        self.wrote(&file.path, sum);
        Ok(sum)
    }

    /// Copies a file from the sources, streaming it, and returns the checksum of what was
    /// copied (summed as it went by, not read again). Safe to call from many threads.
    pub fn copy(&self, file: &CopiedFile) -> Result<Checksum, Diagnostic> {
        let path = self.target(&file.path)?;
        let from =
            std::fs::File::open(&file.source).map_err(|e| io_error("copy", &file.source, e))?;
        let to = std::fs::File::create(&path).map_err(|e| io_error("write", &path, e))?;
        let sum = manifest::copy_summing(from, std::io::BufWriter::new(to))
            .map_err(|e| io_error("copy", &file.source, e))?;
        self.wrote(&file.path, sum);
        Ok(sum)
    }

    /// Lists what was written in the marker, then puts the staging folder in place of the
    /// output folder.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let written: BTreeMap<String, Checksum> =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(|p| p.into_inner()))
                .into_iter()
                .collect();
        let marker = self.dir.join(MARKER);
        std::fs::write(&marker, manifest::text(&written))
            .map_err(|e| io_error("write", &marker, e))?;
        self.committed = true;
        let (out, dir, old) = (&self.out, &self.dir, &self.old);
        if std::fs::symlink_metadata(out).is_ok() {
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
        if std::fs::symlink_metadata(old).is_ok() {
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
/// On any error the staging folder is removed and `out` is left exactly as it was. It does not
/// ask whether `out` may be replaced: [`prepare`] does, and a build calls it first.
pub fn write(out: &Path, files: &[OutputFile], copies: &[CopiedFile]) -> Result<(), Diagnostic> {
    let staging = Staging::create(out)?;
    files
        .par_iter()
        .try_for_each(|file| staging.put(file).map(|_| ()))?;
    copies
        .par_iter()
        .try_for_each(|file| staging.copy(file).map(|_| ()))?;
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn shown(path: &str) -> Shown {
        Shown {
            given: PathBuf::from(path),
            resolved: PathBuf::from(path),
        }
    }

    #[test]
    fn forbids_the_site_what_holds_it_and_its_sources_either_way_round() {
        let root = Path::new("/srv/site");
        let sources = vec![
            ("content/".to_string(), PathBuf::from("/srv/site/content")),
            ("themes/".to_string(), PathBuf::from("/shared/themes")),
        ];
        let refused = |out: &str| {
            forbidden_place(&shown(out), root, Some(Path::new("/home/ed")), &sources)
                .map(|r| r.to_string())
        };
        let says = |out: &str, part: &str| {
            let text = refused(out).unwrap_or_else(|| panic!("{out} was allowed"));
            assert!(text.contains(part), "{out}: {text}");
        };
        says("/srv/site", "is the site's folder");
        says("/srv", "holds the site's folder `/srv/site`");
        says("/", "holds the site's folder");
        says("/home", "holds your home folder `/home/ed`");
        says("/home/ed", "holds your home folder");
        says("/srv/site/content", "is the site's `content/`");
        says(
            "/srv/site/content/stories/x",
            "is inside the site's `content/`",
        );
        says("/shared", "holds the site's `themes/`");
        says("/shared/themes/default", "is inside the site's `themes/`");
        for allowed in [
            "/srv/site/public",
            "/srv/site/contents",
            "/srv/site-public",
            "/home/ed/www",
            "/tmp/x",
        ] {
            assert!(refused(allowed).is_none(), "{allowed} was refused");
        }
    }

    #[test]
    fn the_marker_lists_what_was_written_and_nothing_else_reads_as_one() {
        let written: BTreeMap<String, Checksum> =
            [("en/index.html", "a"), ("static/style.css", "b")]
                .into_iter()
                .map(|(p, b)| (p.to_string(), Checksum::of(b.as_bytes())))
                .collect();
        let text = manifest::text(&written);
        assert!(text.starts_with("testimony output 2\n"), "{text}");
        let listed = parse_marker(&text).unwrap();
        assert_eq!(
            listed.into_iter().collect::<Vec<_>>(),
            ["en/index.html", "static/style.css"]
        );
        assert!(
            parse_marker(&manifest::text(std::iter::empty()))
                .unwrap()
                .is_empty()
        );
        // The marker of an earlier build, without checksums, is still known.
        let old = parse_marker("testimony output 1\n# note\nen/index.html\n").unwrap();
        assert_eq!(old.into_iter().collect::<Vec<_>>(), ["en/index.html"]);
        assert!(parse_marker("testimony output 3\nen/index.html\n").is_none());
        assert!(parse_marker("").is_none());
        assert!(parse_marker("notes\n").is_none());
    }

    #[test]
    fn names_the_first_entries_in_the_way() {
        let entries = ["CNAME".to_string(), "notes.txt".to_string()];
        assert_eq!(list_entries(&entries, 3), "CNAME, notes.txt, and 3 more");
        assert_eq!(list_entries(&entries[..1], 0), "CNAME");
    }

    #[test]
    fn resolves_a_path_that_does_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("site")).unwrap();
        assert_eq!(
            resolve(&real.join("site/new/deeper")).unwrap(),
            real.join("site/new/deeper")
        );
        // `..` after a folder that does not exist still climbs: past the site, here.
        assert_eq!(resolve(&real.join("site/missing/../..")).unwrap(), real);
        assert_eq!(
            resolve(&real.join("site/./public/")).unwrap(),
            real.join("site/public")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(real.join("site"), real.join("link")).unwrap();
            assert_eq!(
                resolve(&real.join("link/public")).unwrap(),
                real.join("site/public")
            );
            std::os::unix::fs::symlink(real.join("gone"), real.join("dangling")).unwrap();
            assert!(matches!(
                resolve(&real.join("dangling")),
                Err(Refusal::Io {
                    what: "follow the link",
                    ..
                })
            ));
        }
    }

    #[test]
    fn removes_only_staging_folders_a_build_made() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = dir.path().join(".public.staging");
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(staging.join("keep.txt"), "someone's").unwrap();
        let err = Staging::create(&out)
            .err()
            .expect("a foreign staging folder is refused");
        assert!(
            err.message.contains(".public.staging` is in the way"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(staging.join("keep.txt")).unwrap(),
            b"someone's"
        );

        std::fs::write(staging.join(MARKER), manifest::text(std::iter::empty())).unwrap();
        let made = Staging::create(&out).unwrap();
        assert!(!staging.join("keep.txt").exists());
        assert!(
            staging.join(MARKER).is_file(),
            "a new staging folder carries the marker"
        );
        drop(made);
        assert!(!staging.exists(), "a dropped staging folder removes itself");
    }

    #[test]
    fn writes_nothing_outside_the_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::create(&dir.path().join("public")).unwrap();
        for path in [
            "../escape.html",
            "/etc/x",
            "en/../../x",
            MARKER,
            "",
            "a\nb.html",
        ] {
            let file = OutputFile {
                path: path.into(),
                bytes: b"x".to_vec(),
            };
            assert!(staging.put(&file).is_err(), "{path:?} was written");
        }
        assert!(!dir.path().join("escape.html").exists());
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
