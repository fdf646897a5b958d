//! Where a build's files go, behind one interface, [`Sink`]: a staging folder for `build`
//! ([`super::Staging`]), nowhere for `check` ([`Discard`]: every file is made and counted,
//! none kept), memory for `serve` ([`Memory`]: a rebuild is compared with the last one before
//! anything is written, so that a failed rebuild leaves the served site as it was).
//!
//! Every file reaches its sink through [`Finish`], which minifies pages and counts what went
//! by, so that the three places get exactly the same bytes.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::diagnostic::Diagnostic;
use crate::render::OutputFile;

use super::{CopiedFile, Staging};

/// A place the files of a build go to. Called from many threads at once.
pub trait Sink: Sync {
    /// Takes a file made in memory.
    fn put(&self, file: &OutputFile) -> Result<(), Diagnostic>;
    /// Takes a file copied as it is from the sources (a video), without reading it.
    fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic>;
}

impl Sink for Staging {
    fn put(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        Staging::put(self, file).map(|_| ())
    }

    fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic> {
        Staging::copy(self, file).map(|_| ())
    }
}

/// `check`: the files are made, and dropped.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &OutputFile) -> Result<(), Diagnostic> {
        Ok(())
    }

    fn copy(&self, _: &CopiedFile) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Keeps the files in memory, by path.
#[derive(Default)]
pub struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
    copies: Mutex<BTreeMap<String, CopiedFile>>,
}

impl Memory {
    /// The files made, and the files to copy, each by its path in the output.
    pub fn into_parts(self) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, CopiedFile>) {
        (
            self.files.into_inner().unwrap_or_else(|p| p.into_inner()),
            self.copies.into_inner().unwrap_or_else(|p| p.into_inner()),
        )
    }
}

impl Sink for Memory {
    fn put(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files.insert(file.path.clone(), file.bytes.clone());
        Ok(())
    }

    fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic> {
        let mut copies = self.copies.lock().unwrap_or_else(|p| p.into_inner());
        copies.insert(file.path.clone(), file.clone());
        Ok(())
    }
}

/// What went through a [`Finish`], counted as the files went by.
#[derive(Debug, Default, Clone)]
pub struct Produced {
    /// HTML pages per language code.
    pub pages: BTreeMap<String, usize>,
    pub files: usize,
    pub bytes: u64,
}

impl Produced {
    fn add(&mut self, path: &str, len: u64) {
        self.files += 1;
        self.bytes += len;
        if path.ends_with(".html")
            && let Some((lang, _)) = path.split_once('/')
        {
            *self.pages.entry(lang.to_string()).or_default() += 1;
        }
    }
}

/// Makes a file ready for the output: minifies it if it is a page and `minify` is on.
pub fn finish(mut file: OutputFile, minify: bool) -> OutputFile {
    if minify && file.path.ends_with(".html") {
        file.bytes = super::minify::page(&file.bytes);
    }
    file
}

/// The way into a [`Sink`]: each file is finished (see [`finish`]), counted, and handed on.
pub struct Finish<'a> {
    sink: &'a dyn Sink,
    minify: bool,
    /// For `build --relative`: how pages and style sheets get addresses from their folder.
    relative: Option<super::relative::Relative>,
    produced: Mutex<Produced>,
}

impl<'a> Finish<'a> {
    pub fn new(sink: &'a dyn Sink, minify: bool) -> Self {
        Finish {
            sink,
            minify,
            relative: None,
            produced: Mutex::default(),
        }
    }

    /// Makes the addresses of pages and style sheets relative (`build --relative`), before
    /// they are minified.
    pub fn relative(mut self, relative: Option<super::relative::Relative>) -> Self {
        self.relative = relative;
        self
    }

    /// Finishes a file made in memory and hands it to the sink.
    pub fn put(&self, mut file: OutputFile) -> Result<(), Diagnostic> {
        if let Some(relative) = &self.relative {
            file.bytes = relative.file(&file.path, std::mem::take(&mut file.bytes))?;
        }
        let file = finish(file, self.minify);
        self.count(&file.path, file.bytes.len() as u64);
        self.sink.put(&file)
    }

    /// Counts a file copied from the sources and hands it to the sink.
    pub fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic> {
        self.count(&file.path, file.len);
        self.sink.copy(file)
    }

    fn count(&self, path: &str, len: u64) {
        let mut produced = self.produced.lock().unwrap_or_else(|p| p.into_inner());
        produced.add(path, len);
    }

    /// What went by.
    pub fn done(self) -> Produced {
        self.produced
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, body: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: format!(
                "<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
            )
            .into_bytes(),
        }
    }

    #[test]
    fn every_sink_gets_the_same_finished_bytes_and_the_same_counts() {
        let memory = Memory::default();
        let finish = Finish::new(&memory, true);
        finish.put(page("en/index.html", "<p>  a  </p>")).unwrap();
        finish.put(page("ar/index.html", "<p>b</p>")).unwrap();
        finish
            .put(OutputFile {
                path: "sitemap.xml".into(),
                bytes: b"<urlset>  </urlset>".to_vec(),
            })
            .unwrap();
        let produced = finish.done();
        assert_eq!(produced.files, 3);
        assert_eq!(produced.pages.get("en"), Some(&1));
        assert_eq!(produced.pages.get("ar"), Some(&1));
        let (files, copies) = memory.into_parts();
        assert!(copies.is_empty());
        let en = String::from_utf8(files["en/index.html"].clone()).unwrap();
        assert!(en.contains("<p>a"), "{en}");
        // Only pages are minified.
        assert_eq!(files["sitemap.xml"], b"<urlset>  </urlset>");
        assert_eq!(
            produced.bytes,
            files.values().map(|b| b.len() as u64).sum::<u64>()
        );

        let discard = Finish::new(&Discard, true);
        discard.put(page("en/index.html", "<p>  a  </p>")).unwrap();
        let counted = discard.done();
        assert_eq!(counted.bytes, files["en/index.html"].len() as u64);
    }

    #[test]
    fn without_minify_pages_pass_unchanged() {
        let original = page("en/index.html", "<p>  a  </p>");
        assert_eq!(finish(original.clone(), false), original);
    }
}
