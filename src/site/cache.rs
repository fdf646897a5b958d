//! What assembling the site parsed, remembered for the next assembly, so that `serve` parses
//! again only the files that changed: front matter, Markdown and captions are each kept by the
//! text they came from.
//!
//! A text is known by its [`SourceText`] allocation: [`crate::content::Content::update`] keeps
//! the same `Arc` for a file that did not change and makes a new one for a file read again, so
//! "same `Arc`" means "same text" and no text is hashed or compared. Each entry holds its `Arc`,
//! so that the allocation cannot be freed and reused by another text while the entry lives.
//!
//! Markdown made HTML depends on more than its text: on the address of every page it links to.
//! Its entry records each link target it looked up and the address found, and is used again
//! only if every one of them still resolves to the same address.
//!
//! `build` and `check` assemble once, with [`Cache::none`], which remembers nothing.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::content::{Kind, ReadText};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::frontmatter::yaml::Node;
use crate::webvtt::Captions;

use super::item::Item;
use super::parse::Meta;

/// A page built, with the problems found building it.
pub(super) type Built = (Option<Item>, Vec<Diagnostic>);

/// Everything a page is built from: its texts (source and translations), its story folder,
/// and a digest of what it may read of the rest of the site (link targets, theme ids).
pub(super) struct ItemInputs {
    pub texts: Vec<Arc<SourceText>>,
    pub files: BTreeMap<String, PathBuf>,
    pub folder_texts: Vec<(String, ReadText)>,
    /// The size of each picture in the folder: a poster saved again at another size changes
    /// the story (its social card) though its name and path stay.
    pub pictures: BTreeMap<String, (u32, u32)>,
    pub site: u64,
}

impl ItemInputs {
    /// Whether these are the inputs given (texts by allocation), without copying those.
    pub fn same_as(
        &self,
        texts: &[&Arc<SourceText>],
        files: Option<&BTreeMap<String, PathBuf>>,
        folder_texts: Option<&BTreeMap<String, ReadText>>,
        pictures: Option<&BTreeMap<String, (u32, u32)>>,
        site: u64,
    ) -> bool {
        let same_read = |a: &ReadText, b: &ReadText| match (a, b) {
            (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
            (Err(a), Err(b)) => a.message == b.message,
            _ => false,
        };
        let no_texts = BTreeMap::new();
        let folder_texts = folder_texts.unwrap_or(&no_texts);
        let no_pictures = BTreeMap::new();
        self.site == site
            && files.map_or(self.files.is_empty(), |files| *files == self.files)
            && *pictures.unwrap_or(&no_pictures) == self.pictures
            && self.texts.len() == texts.len()
            && self.texts.iter().zip(texts).all(|(a, b)| Arc::ptr_eq(a, b))
            && self.folder_texts.len() == folder_texts.len()
            && self
                .folder_texts
                .iter()
                .zip(folder_texts)
                .all(|((n, a), (m, b))| n == m && same_read(a, b))
    }
}

struct ItemEntry {
    inputs: ItemInputs,
    built: Built,
    used: bool,
}

/// What one assembly parsed, for the next one.
#[derive(Default)]
pub struct Cache {
    memo: Option<Memos>,
}

#[derive(Default)]
struct Memos {
    items: Mutex<HashMap<Kind, ItemEntry>>,
    front_matter: Memo<(), FrontMatter>,
    markdown: Memo<(usize, usize, String), Markdown>,
    captions: Memo<(), CaptionsRead>,
}

/// A file's front matter as read: the typed fields, the tree with their places, and where
/// the body is; or the problems that stopped it.
pub(super) type FrontMatter = Result<(Arc<Meta>, Arc<Node>, Range<usize>), Vec<Diagnostic>>;

/// A caption file as parsed, or the problems found in it.
pub(super) type CaptionsRead = Result<Captions, Vec<Diagnostic>>;

/// Markdown made HTML, with the problems found and the links it looked up.
#[derive(Clone)]
pub(super) struct Markdown {
    pub html: String,
    pub found: Vec<Diagnostic>,
    /// Each link target looked up while rendering, and the address it resolved to then.
    pub links: Vec<(String, crate::markdown::Resolved)>,
    /// Each picture looked up while rendering (its path from the page's folder), and what was
    /// found then: the picture, or the message why there is none.
    pub images: Vec<(String, Result<super::BodyImage, String>)>,
}

impl Cache {
    /// Remembers nothing: each value is made every time.
    pub fn none() -> Self {
        Cache { memo: None }
    }

    /// Remembers what is parsed, for the assemblies to come.
    pub fn keep() -> Self {
        Cache {
            memo: Some(Memos::default()),
        }
    }

    /// Forgets what the last assembly did not use (files deleted or changed since), so that
    /// the cache holds one site's worth at most.
    pub fn sweep(&self) {
        if let Some(memo) = &self.memo {
            let mut items = memo.items.lock().unwrap_or_else(|p| p.into_inner());
            items.retain(|_, entry| std::mem::take(&mut entry.used));
            drop(items);
            memo.front_matter.sweep();
            memo.markdown.sweep();
            memo.captions.sweep();
        }
    }

    /// The page of `kind` as built last time, if `same` says it was built from the same inputs.
    pub(super) fn built(&self, kind: &Kind, same: impl Fn(&ItemInputs) -> bool) -> Option<Built> {
        let memo = self.memo.as_ref()?;
        let mut items = memo.items.lock().unwrap_or_else(|p| p.into_inner());
        let entry = items.get_mut(kind).filter(|entry| same(&entry.inputs))?;
        entry.used = true;
        Some(entry.built.clone())
    }

    /// Keeps the page of `kind` as built from `inputs`, for the next assembly.
    pub(super) fn keep_built(&self, kind: &Kind, inputs: ItemInputs, built: &Built) {
        if let Some(memo) = &self.memo {
            let entry = ItemEntry {
                inputs,
                built: built.clone(),
                used: true,
            };
            let mut items = memo.items.lock().unwrap_or_else(|p| p.into_inner());
            items.insert(kind.clone(), entry);
        }
    }

    /// Whether this cache keeps anything (so that the inputs are worth gathering).
    pub(super) fn keeps(&self) -> bool {
        self.memo.is_some()
    }

    pub(super) fn front_matter(
        &self,
        source: &Arc<SourceText>,
        make: impl FnOnce() -> FrontMatter,
    ) -> FrontMatter {
        match &self.memo {
            Some(memo) => memo.front_matter.get(source, (), |_| true, make),
            None => make(),
        }
    }

    pub(super) fn captions(
        &self,
        source: &Arc<SourceText>,
        make: impl FnOnce() -> CaptionsRead,
    ) -> CaptionsRead {
        match &self.memo {
            Some(memo) => memo.captions.get(source, (), |_| true, make),
            None => make(),
        }
    }

    /// The Markdown of `body` in `lang`, made by `make` unless a remembered rendering of the
    /// same text looked up links that `resolve` still resolves the same way.
    pub(super) fn markdown(
        &self,
        source: &Arc<SourceText>,
        body: &Range<usize>,
        lang: &str,
        resolve: &dyn Fn(&str) -> crate::markdown::Resolved,
        picture: &dyn Fn(&str) -> Result<super::BodyImage, String>,
        make: impl FnOnce() -> Markdown,
    ) -> Markdown {
        match &self.memo {
            Some(memo) => memo.markdown.get(
                source,
                (body.start, body.end, lang.to_string()),
                |kept| {
                    kept.links
                        .iter()
                        .all(|(target, was)| resolve(target) == *was)
                        && kept.images.iter().all(|(path, was)| picture(path) == *was)
                },
                make,
            ),
            None => make(),
        }
    }
}

/// Values made from texts, by text and `K`.
struct Memo<K, V> {
    entries: Mutex<HashMap<(usize, K), Entry<V>>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

struct Entry<V> {
    /// Held so that the text's allocation, which is the key, stays this text's.
    source: Arc<SourceText>,
    value: V,
    /// Used since the last sweep.
    used: bool,
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    /// The value kept for `source` and `key` if `valid` accepts it, else `make()`, kept. The
    /// lock is not held while making, so that files are parsed in parallel.
    fn get(
        &self,
        source: &Arc<SourceText>,
        key: K,
        valid: impl Fn(&V) -> bool,
        make: impl FnOnce() -> V,
    ) -> V {
        let key = (Arc::as_ptr(source) as usize, key);
        {
            let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(entry) = entries.get_mut(&key)
                && Arc::ptr_eq(&entry.source, source)
                && valid(&entry.value)
            {
                entry.used = true;
                return entry.value.clone();
            }
        }
        let value = make();
        let entry = Entry {
            source: Arc::clone(source),
            value: value.clone(),
            used: true,
        };
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.insert(key, entry);
        value
    }

    fn sweep(&self) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|_, entry| std::mem::take(&mut entry.used));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn text(body: &str) -> Arc<SourceText> {
        SourceText::new("content/a.md", body.to_string())
    }

    fn markdown(html: &str, links: &[(&str, Option<&str>)]) -> Markdown {
        Markdown {
            html: html.into(),
            found: Vec::new(),
            images: Vec::new(),
            links: links
                .iter()
                .map(|(t, a)| (t.to_string(), a.map(str::to_string).ok_or(None)))
                .collect(),
        }
    }

    #[test]
    fn the_same_text_is_made_once_and_a_new_text_again() {
        let cache = Cache::keep();
        let made = Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Ok(Captions::default())
        };
        let first = text("WEBVTT\n");
        cache.captions(&first, make).unwrap();
        cache.captions(&first, make).unwrap();
        assert_eq!(made.get(), 1);
        // The same words read again are a new text: the file was saved.
        let again = text("WEBVTT\n");
        cache.captions(&again, make).unwrap();
        assert_eq!(made.get(), 2);
    }

    #[test]
    fn markdown_is_made_again_when_a_link_it_used_resolves_elsewhere() {
        let cache = Cache::keep();
        let source = text("---\n---\nsee [a](@/about.md)");
        let made = Cell::new(0);
        let render = |resolve: &dyn Fn(&str) -> crate::markdown::Resolved| {
            cache.markdown(
                &source,
                &(8..29),
                "en",
                resolve,
                &|_| Err(String::new()),
                || {
                    made.set(made.get() + 1);
                    markdown(
                        "<p>",
                        &[("@/about.md", resolve("@/about.md").ok().as_deref())],
                    )
                },
            )
        };
        let here = |_: &str| Ok("/en/about/".to_string());
        render(&here);
        render(&here);
        assert_eq!(made.get(), 1);
        let gone = |_: &str| Err(None);
        render(&gone);
        assert_eq!(made.get(), 2);
    }

    #[test]
    fn a_sweep_forgets_what_was_not_used_since_the_last() {
        let cache = Cache::keep();
        let made = Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Ok(Captions::default())
        };
        let (kept, dropped) = (text("a"), text("b"));
        cache.captions(&kept, make).unwrap();
        cache.captions(&dropped, make).unwrap();
        cache.sweep();
        cache.captions(&kept, make).unwrap();
        cache.sweep();
        assert_eq!(made.get(), 2);
        let memo = cache.memo.as_ref().unwrap();
        assert_eq!(memo.captions.entries.lock().unwrap().len(), 1);
    }

    #[test]
    fn without_a_cache_everything_is_made_each_time() {
        let cache = Cache::none();
        let made = Cell::new(0);
        let source = text("a");
        for _ in 0..2 {
            let _ = cache.captions(&source, || {
                made.set(made.get() + 1);
                Ok(Captions::default())
            });
        }
        assert_eq!(made.get(), 2);
    }
}
