//! Inputs for the unit tests of the story rules, made in memory from strings: a story's
//! `index.md`, its folder, and the site around it. Nothing here reads a file.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::content::{Kind, SourceFile};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::frontmatter::{self, yaml::Node};
use crate::model::StoryMeta;
use crate::urls::Urls;

use super::Drafts;
use super::doc::Doc;
use super::resolve::Resolver;
use super::story::{Folders, Shared, StoryContext, StoryFolder};

/// Where the story of these tests lives.
pub const INDEX: &str = "content/stories/x/index.md";

/// A story's `index.md`: the required fields, with each top-level line of `fields` in place of
/// the required line of the same key or else added (the YAML reader refuses a repeated key).
pub fn index_md(fields: &str) -> String {
    let key = |line: &str| line.split(':').next().unwrap_or_default().to_string();
    let given: Vec<&str> = fields.lines().collect();
    let mut lines: Vec<String> = REQUIRED
        .lines()
        .map(|line| {
            given
                .iter()
                .find(|g| !g.starts_with(' ') && key(g) == key(line))
                .map_or(line.to_string(), |g| g.to_string())
        })
        .collect();
    let replaced: Vec<String> = REQUIRED.lines().map(key).collect();
    let mut own = false;
    for line in given {
        // A line of a block (indented) goes with the key before it.
        if !line.starts_with(' ') {
            own = !replaced.contains(&key(line));
        }
        if own {
            lines.push(line.to_string());
        }
    }
    format!("---\n{}\n---\nBody.\n", lines.join("\n"))
}

/// The required fields of a story, one a line.
const REQUIRED: &str = "title: T\npseudonym: P\nsummary: S\norigin: SY\nvideo: { file: video.webm, duration: \"00:10:00\" }\nstatus: published";

/// A Markdown file read as `content` and `parse_file` would: its file, front matter tree and
/// body.
pub struct Written {
    pub file: SourceFile,
    pub fields: Node,
    pub body: Range<usize>,
}

impl Written {
    pub fn doc(&self) -> Doc<'_> {
        Doc {
            file: &self.file,
            fields: &self.fields,
        }
    }
}

/// Reads `text` as the front matter of a file at `path`, whose type is `T`.
pub fn read<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> (Written, T) {
    let source = SourceText::new(path, text);
    let split = frontmatter::split(&source).expect("front matter");
    let (meta, fields) = frontmatter::read::<T>(&source, split.yaml).expect("valid front matter");
    let file = SourceFile {
        kind: Kind::Story { slug: "x".into() },
        lang: "en".into(),
        is_source: true,
        source,
    };
    let body = split.body;
    (Written { file, fields, body }, meta)
}

/// A story's `index.md` from its text.
pub fn story(text: &str) -> (Written, StoryMeta) {
    read(INDEX, text)
}

/// A site in English and Arabic, with `extra` lines of site.yaml.
pub fn config(extra: &str) -> Config {
    let text = format!(
        "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - {{ code: en, name: English }}\n  - {{ code: ar, name: العربية }}\n{extra}"
    );
    Config::parse(&SourceText::new("site.yaml", text)).expect("a valid site.yaml")
}

/// A story folder holding files of these names (as `content` lists them), and the caption
/// files among them read as `texts`.
pub fn folder(names: &[&str], texts: &[(&str, &str)]) -> StoryFolder {
    let files = names
        .iter()
        .map(|n| {
            (
                n.to_string(),
                PathBuf::from(format!("content/stories/x/{n}")),
            )
        })
        .collect();
    let texts = texts
        .iter()
        .map(|(n, t)| {
            let source: Arc<SourceText> = SourceText::new(format!("content/stories/x/{n}"), *t);
            (n.to_string(), Ok(source))
        })
        .collect();
    StoryFolder {
        files,
        texts,
        pictures: BTreeMap::new(),
    }
}

/// The themes of the test site.
pub fn theme_ids() -> BTreeSet<String> {
    ["family", "recruitment", "work"]
        .into_iter()
        .map(String::from)
        .collect()
}

/// Calls `f` with the context of the story `written`, in `folder`, on a site with `config`
/// and [`theme_ids`].
pub fn with_context<R>(
    written: &Written,
    folder: &StoryFolder,
    config: &Config,
    f: impl FnOnce(&StoryContext) -> R,
) -> R {
    let urls = Urls::new(&config.base_url);
    let (targets, languages_of) = (HashMap::new(), HashMap::new());
    let addresses = std::collections::BTreeSet::new();
    let resolver = Resolver {
        urls: &urls,
        config,
        targets: &targets,
        languages_of: &languages_of,
        only_in: &HashMap::new(),
        addresses: &addresses,
        formatter: crate::i18n::Formatter::new("en"),
        drafts: Drafts::Withheld,
        cache: &super::Cache::none(),
        pictures: &BTreeMap::new(),
    };
    let theme_ids = theme_ids();
    let (files, texts, pictures) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let folders = Folders {
        files: &files,
        texts: &texts,
        pictures: &pictures,
    };
    let shared = Shared {
        resolver: &resolver,
        theme_ids: &theme_ids,
        folders: &folders,
    };
    let doc = written.doc();
    let cx = StoryContext {
        slug: "x",
        doc: &doc,
        body: written.body.clone(),
        folder,
        shared: &shared,
    };
    f(&cx)
}

/// A problem's message, help, file and 1-based line and column, to compare in one assert.
pub fn said(problem: &Diagnostic) -> (String, String, String, usize, usize) {
    let location = problem.location.as_ref().expect("a location");
    (
        problem.message.clone(),
        problem.help.clone().unwrap_or_default(),
        crate::diagnostic::display_path(&location.path),
        location.line,
        location.column,
    )
}

/// The one problem of a rule, or a panic listing them.
pub fn only(problems: &[Diagnostic]) -> &Diagnostic {
    match problems {
        [one] => one,
        _ => panic!("one problem expected, got {problems:#?}"),
    }
}
