//! Loading `content/`: walking the folder, classifying each file and reading it as text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};

/// Turns a file's bytes into text: UTF-8 with an optional byte-order mark, of which exactly one
/// is removed (as the UTF-8 decoder of the WebVTT and HTML specifications does: a second one
/// stays in the text, for the parser to report). Windows (`\r\n`) and old Mac (`\r`) line
/// endings are kept (every parser accepts them) so that byte offsets stay those of the file.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        // The bytes before the error are valid UTF-8, so this borrows them unchanged. Lines are
        // counted as every other message counts them (`\r\n`, `\r` and `\n` each end one).
        let valid = String::from_utf8_lossy(valid);
        let starts = crate::diagnostic::line_starts(&valid);
        let line_start = starts.last().copied().unwrap_or(0);
        let line = starts.len();
        let column = valid
            .get(line_start..)
            .map_or(0, |rest| rest.chars().count())
            + 1;
        Diagnostic::error("the file is not valid UTF-8 text")
            .with_help("save it as UTF-8 (in most editors: Save with encoding, UTF-8)")
            .at_location(crate::diagnostic::Location {
                path: path.to_path_buf(),
                line,
                column,
            })
    })
}

/// What a Markdown file under `content/` is, from where it sits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/_index.md`
    Home,
    /// `content/<path>.md`: a plain page; `path` is e.g. `about` or `help/contact`.
    Page { path: String },
    /// `content/themes/<id>.md`
    Theme { id: String },
    /// `content/stories/<slug>/index.md`
    Story { slug: String },
}

/// One Markdown file, read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub kind: Kind,
    /// The language it is written in: the default language for `name.md`.
    pub lang: String,
    /// Whether this is the source (`name.md`) rather than a translation (`name.<lang>.md`).
    pub is_source: bool,
    pub source: Arc<SourceText>,
}

/// Everything found under `content/`.
#[derive(Debug, Default, Clone)]
pub struct Content {
    pub files: Vec<SourceFile>,
    /// The files in each story's folder other than its Markdown (video, captions, poster),
    /// by slug and file name, with their full paths. Nothing here is copied to the output
    /// unless the story refers to it and a stage has checked it.
    pub story_files: BTreeMap<String, BTreeMap<String, PathBuf>>,
    /// The text of every caption file (`.vtt`) in each story's folder, by slug and file name,
    /// read and decoded here so that assembling the site does no IO.
    pub story_texts: BTreeMap<String, BTreeMap<String, ReadText>>,
    /// The width and height of every picture (`.jpg`, `.jpeg`, `.png`) in each story's folder,
    /// by slug and file name, from the picture's header alone: a poster's size is on its
    /// social card, and rendering reads no file. A picture whose header cannot be read has
    /// none; the output stage reports it when it re-encodes it.
    pub story_pictures: BTreeMap<String, BTreeMap<String, (u32, u32)>>,
    /// Every picture (`.jpg`, `.jpeg`, `.png`) anywhere under `content/`, by its path from the
    /// site's root: what page text may show (`![alt](photo.jpg)`, beside the page). Read whole
    /// here, for the hash that names its published files; nothing of it is published unless a
    /// page that is published shows it.
    pub pictures: BTreeMap<PathBuf, Picture>,
    /// The problem met at each path (from the site's root), kept with the content so that
    /// [`Content::update`] redoes only the paths that changed.
    found: BTreeMap<PathBuf, Diagnostic>,
    /// The folders under `content/stories/`, by slug.
    story_dirs: BTreeSet<String>,
}

/// A picture found under `content/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Picture {
    /// Where it is read.
    pub path: PathBuf,
    /// Its width and height, upright (as its EXIF orientation turns it), if it can be read as
    /// a JPEG or PNG picture.
    pub size: Option<(u32, u32)>,
    /// The SHA-256 of its bytes, in hexadecimal.
    pub sha256: String,
}

/// Reads a picture: its hash, and its size from its header (the pixels are decoded only
/// when it is published).
fn read_picture(path: &Path) -> Result<Picture, std::io::Error> {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path)?;
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Picture {
        path: path.to_path_buf(),
        size: picture_size_of(&bytes),
        sha256,
    })
}

/// A picture's width and height, upright, from its header.
fn picture_size_of(bytes: &[u8]) -> Option<(u32, u32)> {
    use image::ImageDecoder;
    use image::metadata::Orientation;
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?
        .into_decoder()
        .ok()?;
    let (width, height) = decoder.dimensions();
    let turned = matches!(
        decoder.orientation().ok()?,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    Some(if turned {
        (height, width)
    } else {
        (width, height)
    })
}

/// A text file read while loading: its decoded text, or the problem met reading it (cannot be
/// read, not UTF-8), placed at the file. The problem is kept rather than reported here because
/// only the stage that uses the file knows whether it matters: a caption file that no story
/// uses gets its own warning, and reading it must not add a second message about it.
pub type ReadText = Result<Arc<SourceText>, Diagnostic>;

/// Reads a file as text, placing any problem at `rel` (its path from the site's root).
fn read_text(path: &Path, rel: &Path) -> ReadText {
    let bytes = std::fs::read(path)
        .map_err(|err| Diagnostic::error(format!("cannot read the file: {err}")).in_file(rel))?;
    let text = decode(rel, bytes)?;
    Ok(SourceText::new(rel, text))
}

/// Whether a story's file is read as text when loading: caption files, which assembly parses.
/// Videos and pictures are not read here: they can weigh gigabytes, and only their path (and a
/// picture's size, from its header: [`picture_size_of`]) is needed until the output stage copies
/// or re-encodes them.
fn is_story_text(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".vtt")
}

/// Whether a story's file is a picture whose size is read when loading: what a poster may be.
fn is_picture(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Walks `content/` and reads every Markdown file and every story's caption files; every
/// problem is collected.
pub fn load(root: &Path, config: &Config) -> (Content, Diagnostics) {
    let mut content = Content::default();
    let content_dir = root.join(CONTENT_DIR);
    if !content_dir.is_dir() {
        let mut problems = Diagnostics::new();
        problems.push(
            Diagnostic::error("there is no `content/` folder")
                .with_help("create content/_index.md for the home page, or pass --root with the site's folder")
                .in_file(CONFIG_FILE),
        );
        return (content, problems);
    }
    content.walk(root, config, &content_dir);
    let problems = content.problems();
    (content, problems)
}

impl Content {
    /// Reads again what is at each of `changed` (full paths, under `content/`): a file changed
    /// or made, or a folder made, is read as [`load`] reads it; what is no longer there is
    /// forgotten. The result is what `load` would give now, provided `changed` names every
    /// path that changed (`serve` has them from its watcher), at the cost of those paths only.
    /// Returns every problem of the content, as `load` does.
    pub fn update(&mut self, root: &Path, config: &Config, changed: &[PathBuf]) -> Diagnostics {
        let content_dir = root.join(CONTENT_DIR);
        for path in changed {
            let Ok(under) = path.strip_prefix(&content_dir) else {
                continue;
            };
            // A hidden file or folder is skipped by the walk; so is everything under it.
            if under
                .iter()
                .any(|part| part.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let rel = relative(root, path);
            self.forget(&rel);
            if std::fs::symlink_metadata(path).is_ok() {
                self.walk(root, config, path);
            }
        }
        self.files.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        self.problems()
    }

    /// Every problem of the content: those met at each path, in the walk's order, then the
    /// story folders without a text.
    pub fn problems(&self) -> Diagnostics {
        let mut problems = Diagnostics::new();
        problems.extend(self.found.values().cloned());
        let with_text: BTreeSet<&str> = self
            .files
            .iter()
            .filter(|f| f.is_source)
            .filter_map(|f| match &f.kind {
                Kind::Story { slug } => Some(slug.as_str()),
                _ => None,
            })
            .collect();
        for slug in &self.story_dirs {
            if !with_text.contains(slug.as_str()) {
                problems.push(
                    Diagnostic::warning("this story folder has no `index.md`, so nothing in it is published")
                        .with_help(format!(
                            "write the story's text in content/stories/{slug}/index.md (`testimony new story {slug}` makes one), or remove the folder"
                        ))
                        .in_file(Path::new(CONTENT_DIR).join("stories").join(slug)),
                );
            }
        }
        problems
    }

    /// Forgets everything read at `rel` (from the site's root) or under it.
    fn forget(&mut self, rel: &Path) {
        self.files.retain(|f| !f.source.path.starts_with(rel));
        self.found.retain(|path, _| !path.starts_with(rel));
        let story_dir = |slug: &str| Path::new(CONTENT_DIR).join("stories").join(slug);
        self.story_dirs
            .retain(|slug| !story_dir(slug).starts_with(rel));
        for (slug, files) in self.story_files.iter_mut() {
            files.retain(|name, _| !story_dir(slug).join(name).starts_with(rel));
        }
        self.story_files.retain(|_, files| !files.is_empty());
        for (slug, texts) in self.story_texts.iter_mut() {
            texts.retain(|name, _| !story_dir(slug).join(name).starts_with(rel));
        }
        self.story_texts.retain(|_, texts| !texts.is_empty());
        for (slug, pictures) in self.story_pictures.iter_mut() {
            pictures.retain(|name, _| !story_dir(slug).join(name).starts_with(rel));
        }
        self.story_pictures
            .retain(|_, pictures| !pictures.is_empty());
        self.pictures.retain(|path, _| !path.starts_with(rel));
    }

    /// Reads `start` (a file, or a folder and everything in it, under `content/`).
    fn walk(&mut self, root: &Path, config: &Config, start: &Path) {
        // Links are never followed, not even the one walked from.
        let walker = WalkDir::new(start)
            .follow_root_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(entry) => self.add(root, config, &entry),
                Err(err) => {
                    let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                    self.found.insert(
                        path.clone(),
                        Diagnostic::error(format!("cannot read this folder: {err}"))
                            .with_help("check the file permissions")
                            .in_file(path),
                    );
                }
            }
        }
    }

    /// Reads one entry of the walk.
    fn add(&mut self, root: &Path, config: &Config, entry: &walkdir::DirEntry) {
        let rel = relative(root, entry.path());
        if entry.file_type().is_symlink() {
            self.found.insert(
                rel.clone(),
                Diagnostic::error("this is a link to another file or folder, and links are not followed")
                    .with_help("copy the file or folder here instead: following links could publish files from outside content/ by accident")
                    .in_file(&rel),
            );
            return;
        }
        if entry.file_type().is_dir() {
            if let [stories, slug] = rel_parts(&rel).as_slice()
                && stories == "stories"
            {
                self.story_dirs.insert(slug.clone());
            }
            return;
        }
        if !entry.file_type().is_file() {
            return;
        }
        let classified = classify(&rel, config);
        let name = rel.file_name().map(|n| n.to_string_lossy().into_owned());
        if matches!(
            classified,
            Ok(Classified::StoryFile { .. }) | Ok(Classified::Picture)
        ) && name.as_deref().is_some_and(is_picture)
        {
            match read_picture(entry.path()) {
                Ok(picture) => {
                    self.pictures.insert(rel.clone(), picture);
                }
                Err(err) => {
                    self.found.insert(
                        rel.clone(),
                        Diagnostic::error(format!("cannot read the picture: {err}"))
                            .with_help("check the file permissions")
                            .in_file(&rel),
                    );
                    return;
                }
            }
        }
        match classified {
            Ok(Classified::Picture) => {}
            Ok(Classified::Markdown {
                kind,
                lang,
                is_source,
            }) => match read_text(entry.path(), &rel) {
                Ok(source) => self.files.push(SourceFile {
                    kind,
                    lang,
                    is_source,
                    source,
                }),
                Err(diagnostic) => {
                    self.found.insert(rel, diagnostic);
                }
            },
            Ok(Classified::StoryFile { slug, name }) => {
                if is_story_text(&name) {
                    self.story_texts
                        .entry(slug.clone())
                        .or_default()
                        .insert(name.clone(), read_text(entry.path(), &rel));
                }
                if let Some(size) = self.pictures.get(&rel).and_then(|p| p.size) {
                    self.story_pictures
                        .entry(slug.clone())
                        .or_default()
                        .insert(name.clone(), size);
                }
                self.story_files
                    .entry(slug)
                    .or_default()
                    .insert(name, entry.path().to_path_buf());
            }
            Err(diagnostic) => {
                self.found.insert(rel, diagnostic);
            }
        }
    }
}

/// The parts of a path under `content/`: `content/stories/x` gives `["stories", "x"]`.
fn rel_parts(rel: &Path) -> Vec<String> {
    rel.iter()
        .skip(1)
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

/// The folder holding the site's pages.
pub const CONTENT_DIR: &str = "content";

enum Classified {
    Markdown {
        kind: Kind,
        lang: String,
        is_source: bool,
    },
    StoryFile {
        slug: String,
        name: String,
    },
    /// A picture outside `content/stories/`, which the page text beside it may show.
    Picture,
}

/// Decides what a file is from its path relative to the site root.
fn classify(rel: &Path, config: &Config) -> Result<Classified, Diagnostic> {
    let parts: Vec<String> = rel
        .iter()
        .skip(1) // "content"
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let name = parts.last().cloned().unwrap_or_default();
    if parts.len() >= 2 && parts[0] == "stories" && parts.len() != 3 {
        return Err(Diagnostic::error(
            "a story is a folder `content/stories/<slug>/` with an `index.md`",
        )
        .with_help("move this file into a story's folder, e.g. content/stories/my-story/index.md")
        .in_file(rel));
    }
    if parts.len() == 3 && parts[0] == "stories" && !name.ends_with(".md") {
        check_slug(&parts[1], rel)?;
        return Ok(Classified::StoryFile {
            slug: parts[1].clone(),
            name,
        });
    }
    let Some(stem) = name.strip_suffix(".md") else {
        if is_picture(&name) {
            return Ok(Classified::Picture);
        }
        return Err(Diagnostic::warning("this file is not used: only Markdown files (.md) are read here")
            .with_help("story files (video, captions, poster) go into the story's folder under content/stories/<slug>/")
            .in_file(rel));
    };
    let (stem, lang) = split_language(stem, rel, config)?;
    let is_source = lang.is_none();
    let lang = lang.unwrap_or_else(|| config.default_language().code.clone());
    let kind = match parts.as_slice() {
        [_] if stem == "_index" => Kind::Home,
        [dir, _] if dir == "themes" => {
            check_slug(stem, rel)?;
            Kind::Theme {
                id: stem.to_string(),
            }
        }
        [dir, slug, _] if dir == "stories" => {
            if stem != "index" {
                return Err(Diagnostic::error(format!(
                    "a story's text must be named `index.md`, not `{name}`"
                ))
                .with_help("rename it to index.md (translations: index.<lang>.md)")
                .in_file(rel));
            }
            check_slug(slug, rel)?;
            Kind::Story { slug: slug.clone() }
        }
        _ => {
            let mut path: Vec<&str> = parts[..parts.len() - 1]
                .iter()
                .map(String::as_str)
                .collect();
            if stem == "_index" {
                return Err(Diagnostic::error(
                    "`_index.md` is only used for the home page, at content/_index.md",
                )
                .with_help("name this page, e.g. content/help/index-of-terms.md")
                .in_file(rel));
            }
            // `help/index.md` is the page `help`, like `help.md`.
            if stem != "index" || path.is_empty() {
                path.push(stem);
            }
            for part in &path {
                check_slug(part, rel)?;
            }
            let path = path.join("/");
            if matches!(
                path.as_str(),
                "stories" | "themes" | "statements" | "search" | "media" | "static"
            ) {
                return Err(Diagnostic::error(format!(
                    "the address /<lang>/{path}/ is used by the site itself"
                ))
                .with_help("choose another file name for this page")
                .in_file(rel));
            }
            Kind::Page { path }
        }
    };
    Ok(Classified::Markdown {
        kind,
        lang,
        is_source,
    })
}

/// Splits `about.ar` into `about` and `ar` when the suffix is a language code.
fn split_language<'a>(
    stem: &'a str,
    rel: &Path,
    config: &Config,
) -> Result<(&'a str, Option<String>), Diagnostic> {
    let Some((base, suffix)) = stem.rsplit_once('.') else {
        return Ok((stem, None));
    };
    if config.language(suffix).is_some() {
        if suffix == config.default_language().code {
            return Err(Diagnostic::error(format!(
                "`{suffix}` is the default language: its text is `{base}.md`, not `{stem}.md`"
            ))
            .with_help(format!("rename this file to {base}.md"))
            .in_file(rel));
        }
        return Ok((base, Some(suffix.to_string())));
    }
    let looks_like_language = suffix.len() >= 2
        && suffix.split('-').next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_lowercase())
        });
    let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    if looks_like_language {
        Err(Diagnostic::error(format!("language `{suffix}` is not in site.yaml"))
            .with_help(format!(
                "the site's languages are {}; add `{suffix}` to `languages` in site.yaml, or rename the file",
                known.join(", ")
            ))
            .in_file(rel))
    } else {
        Err(Diagnostic::error(format!("`{stem}.md` has a dot in its name"))
            .with_help(format!("name pages with letters, digits and `-`; a translation is name.<lang>.md with one of {}", known.join(", ")))
            .in_file(rel))
    }
}

/// Slugs and ids appear in URLs: lowercase ASCII letters, digits and `-`.
fn check_slug(slug: &str, rel: &Path) -> Result<(), Diagnostic> {
    let valid = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-');
    if valid {
        Ok(())
    } else {
        Err(Diagnostic::error(format!("`{slug}` cannot be used in an address"))
            .with_help("use lowercase letters a-z, digits and `-` in file and folder names (e.g. `the-long-way-home`)")
            .in_file(rel))
    }
}

/// A path relative to the site root, for messages and output.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a load found, in a form two loads can be compared by.
    fn summary(content: &Content, problems: &Diagnostics) -> Vec<String> {
        let mut lines: Vec<String> = content
            .files
            .iter()
            .map(|f| format!("{:?} {} {:?}", f.kind, f.lang, f.source.text))
            .collect();
        for (slug, files) in &content.story_files {
            lines.extend(files.keys().map(|name| format!("file {slug}/{name}")));
        }
        for (slug, texts) in &content.story_texts {
            for (name, text) in texts {
                let text = text
                    .as_ref()
                    .map(|t| t.text.clone())
                    .map_err(|d| d.message.clone());
                lines.push(format!("text {slug}/{name} {text:?}"));
            }
        }
        for (slug, pictures) in &content.story_pictures {
            for (name, size) in pictures {
                lines.push(format!("picture {slug}/{name} {size:?}"));
            }
        }
        lines.extend(problems.iter().map(|d| format!("{d:?}")));
        lines
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn a_picture_s_size_is_read_from_its_header_and_follows_updates() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "site.yaml",
            "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n",
        );
        write(root, "content/stories/a/index.md", "---\ntitle: A\n---\n");
        // Named as a picture, but none: it has no size, and the output stage reports it.
        write(root, "content/stories/a/fake.png", "not a picture");
        let picture = |w, h| image::RgbImage::from_pixel(w, h, image::Rgb([1, 2, 3]));
        let still = root.join("content/stories/a/Still.PNG");
        picture(3, 2)
            .save_with_format(&still, image::ImageFormat::Png)
            .unwrap();
        let config = Config::load(root).unwrap();
        let (mut content, _) = load(root, &config);
        let sizes = |c: &Content| c.story_pictures.get("a").cloned().unwrap_or_default();
        assert_eq!(
            sizes(&content),
            BTreeMap::from([("Still.PNG".to_string(), (3, 2))])
        );

        // Saved again at another size, the same file has its new size.
        picture(5, 4)
            .save_with_format(&still, image::ImageFormat::Png)
            .unwrap();
        content.update(root, &config, std::slice::from_ref(&still));
        assert_eq!(sizes(&content)["Still.PNG"], (5, 4));
        std::fs::remove_file(&still).unwrap();
        content.update(root, &config, &[still]);
        assert!(sizes(&content).is_empty());
    }

    #[test]
    fn an_update_of_the_changed_paths_equals_a_fresh_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "site.yaml",
            "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية, dir: rtl }\n",
        );
        write(root, "content/_index.md", "---\ntitle: Home\n---\n");
        write(root, "content/about.md", "---\ntitle: About\n---\n");
        write(root, "content/stories/a/index.md", "---\ntitle: A\n---\n");
        write(root, "content/stories/a/captions.en.vtt", "WEBVTT\n");
        write(root, "content/stories/b/index.md", "---\ntitle: B\n---\n");
        write(root, "content/notes.txt", "x");
        let config = Config::load(root).unwrap();
        let (mut content, _) = load(root, &config);

        // An edit, a new translation, a deleted story, a new story folder, a new hidden file,
        // a file that becomes a problem and a problem that goes away.
        write(root, "content/about.md", "---\ntitle: About us\n---\n");
        write(root, "content/about.ar.md", "---\ntitle: عن\n---\n");
        std::fs::remove_dir_all(root.join("content/stories/b")).unwrap();
        write(root, "content/stories/c/index.md", "---\ntitle: C\n---\n");
        write(root, "content/stories/c/captions.ar.vtt", "WEBVTT\n\n");
        std::fs::create_dir_all(root.join("content/stories/empty")).unwrap();
        write(root, "content/.about.md.swp", "x");
        write(
            root,
            "content/stories/a/captions.en.vtt",
            "\u{feff}WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n",
        );
        write(root, "content/Bad Name.md", "---\ntitle: x\n---\n");
        std::fs::remove_file(root.join("content/notes.txt")).unwrap();
        let changed: Vec<PathBuf> = [
            "content/about.md",
            "content/about.ar.md",
            "content/stories/b",
            "content/stories/b/index.md",
            "content/stories/c",
            "content/stories/empty",
            "content/.about.md.swp",
            "content/stories/a/captions.en.vtt",
            "content/Bad Name.md",
            "content/notes.txt",
        ]
        .iter()
        .map(|rel| root.join(rel))
        .collect();
        let updated = content.update(root, &config, &changed);
        let (fresh, fresh_problems) = load(root, &config);
        assert_eq!(
            summary(&content, &updated),
            summary(&fresh, &fresh_problems)
        );
        assert!(updated.iter().any(|d| d.message.contains("no `index.md`")));
        assert!(
            updated
                .iter()
                .any(|d| d.message.contains("cannot be used in an address"))
        );
    }
}
