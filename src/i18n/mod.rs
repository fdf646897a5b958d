//! The site's interface strings and locale-aware formatting.
//!
//! This module owns `locales/<lang>/*.ftl`: the [Fluent](https://projectfluent.org/) messages
//! that templates show around the testimonies ("3 stories", "Watch", "Published on …"). It
//! reads and checks them ([`Locales::load`]), reporting every syntax error, every message
//! defined twice, and every reference that would fail on a page (a variable the templates never
//! pass, a message or term the language does not define, a loop: [`Locales::check`], rules in
//! `references.rs`) at its file, line and column; formats them with fallback to the default
//! language ([`Locales::format`]); gives templates a `t` function ([`Locales::tera_function`]);
//! and tells the caller which strings had to fall back, so a build can tell translators what is
//! missing ([`collect_fallbacks`]: recorded on the rendering thread, not in a shared lock). [`Formatter`] formats dates, years, numbers and
//! country names with ICU4X; the same ICU4X number formatting is plugged into every Fluent
//! bundle, so `{ $count }` is written with the locale's digits and separators (`١٢٬٥٠٠` in
//! `ar-SY`; note that CLDR's plain `ar` writes Western digits, `12,500`).
//!
//! Why not the `fluent-templates` crate: its Tera integration targets Tera 2, which dropped the
//! macros our templates are built with, and it loads strings without telling us where a broken
//! or duplicated message is (no file:line diagnostics) nor which strings fell back to another
//! language. The few hundred lines below, over `fluent-bundle` directly, give both.
//!
//! Which variables a message may use: those the templates pass to its key, read from their
//! `t(key="k", name=…)` calls (every argument but `key`), plus those of the messages that name
//! it; the same in every language, since the page passes them, not the English text. A call
//! with a computed key (`t(key=name)`) cannot be checked for which message it formats; its
//! arguments are allowed in every message. A message or term named in `{ }` must exist in the
//! message's own language: a bundle never resolves it in the fallback language. The rules, and
//! the alternative rejected, are in `references.rs`.
//!
//! Numbers in messages: counts are grouped the locale's way (`12,500`). A year passed as a
//! number would be grouped too (`2,014`); pass years as text (e.g. from [`Formatter::year`]) or
//! write `{ NUMBER($year, useGrouping: "false") }`.

mod format;
mod references;

pub use format::Formatter;
pub use references::{Mistake, TemplateCalls};

use std::cell::RefCell;
use std::collections::btree_map::Entry as MapEntry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::parser::{ErrorKind, ParserError};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location, SourceText, closest, display_path};

/// The folder, at the site's root, holding one folder of `.ftl` files per language.
pub const LOCALES_DIR: &str = "locales";

type Bundle = FluentBundle<FluentResource>;

/// All interface strings of a site: one Fluent bundle per language, with fallback to the
/// default language. Shared by the rendering threads (it is `Send + Sync`).
pub struct Locales {
    /// The site's language codes, the default first.
    languages: Vec<String>,
    bundles: HashMap<String, Bundle>,
    /// Per language, where each message (`id`) and term (`-id`) is defined.
    definitions: HashMap<String, BTreeMap<String, Location>>,
    /// Per language, what each message and term refers to, for [`Locales::check`].
    references: HashMap<String, BTreeMap<String, references::Entry>>,
    /// Per language, the messages it defines that take no variables, formatted once: a page
    /// asks for thirty of them, and a site has thousands of pages.
    plain: HashMap<String, HashMap<String, String>>,
    /// Folders `locales/<code>/` of languages the site does not publish (yet): strings made
    /// ready ahead of time, waiting for `code` to be added to `languages` in site.yaml.
    unpublished: Vec<String>,
    /// Per language, whether a native speaker has reviewed its strings ([`review_marker`]).
    review: HashMap<String, Review>,
}

/// Whether a language's interface strings were reviewed by a native speaker, as its `.ftl`
/// files declare in their header with a line `## Status: reviewed` or `## Status: draft`.
/// A language is reviewed only when every one of its files says so; a file without the line
/// leaves the state unknown, which `i18n status` treats as a draft: a translation nobody
/// vouched for is not to be mistaken for a reviewed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// Every file says `## Status: reviewed`.
    Reviewed,
    /// A file says `## Status: draft`.
    Draft,
    /// Some file has no status line.
    Unknown,
}

impl Review {
    /// Anything but a reviewed language is shown as a draft.
    pub fn is_draft(self) -> bool {
        self != Review::Reviewed
    }
}

/// The review state a `.ftl` file declares: the first comment line `## Status: <state>`,
/// where `<state>` starts with `reviewed` or `draft` (what follows is free text, e.g. who
/// reviewed it). Only resource comments (`##`) count, so a message's comment cannot set it.
pub fn review_marker(text: &str) -> Option<Review> {
    text.lines().find_map(|line| {
        let rest = line.trim_end().strip_prefix("## Status:")?.trim_start();
        let word = rest.to_ascii_lowercase();
        if word.starts_with("reviewed") {
            Some(Review::Reviewed)
        } else if word.starts_with("draft") {
            Some(Review::Draft)
        } else {
            None
        }
    })
}

/// A value passed to a Fluent message: `{ $count }`, `{ $name }`.
#[derive(Debug, Clone, PartialEq)]
pub enum FluentArg {
    /// Selects plural variants (`[one]`, `[few]`…) and is written with the locale's digits.
    Number(f64),
    Text(String),
}

impl From<f64> for FluentArg {
    fn from(n: f64) -> Self {
        FluentArg::Number(n)
    }
}

impl From<i64> for FluentArg {
    fn from(n: i64) -> Self {
        FluentArg::Number(n as f64)
    }
}

impl From<&str> for FluentArg {
    fn from(text: &str) -> Self {
        FluentArg::Text(text.to_string())
    }
}

impl From<String> for FluentArg {
    fn from(text: String) -> Self {
        FluentArg::Text(text)
    }
}

impl FluentArg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            FluentArg::Number(n) => FluentValue::from(*n),
            FluentArg::Text(text) => FluentValue::from(text.clone()),
        }
    }
}

/// A formatted message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    /// The language the text is in: the one asked for, or the one it fell back to.
    pub lang: String,
    /// Whether the message was missing in the language asked for.
    pub fell_back: bool,
    /// What went wrong while formatting (a variable not passed, a reference to a missing
    /// message…): Fluent still produces a text, with the faulty part written as `{$name}`.
    pub errors: Vec<String>,
}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts: BTreeMap<&str, usize> = self
            .languages
            .iter()
            .map(|lang| (lang.as_str(), self.messages(lang).len()))
            .collect();
        f.debug_struct("Locales")
            .field("messages", &counts)
            .finish_non_exhaustive()
    }
}

impl Locales {
    /// Whether a native speaker reviewed `lang`'s strings ([`Review`]); a language without
    /// files is unknown.
    pub fn review(&self, lang: &str) -> Review {
        self.review.get(lang).copied().unwrap_or(Review::Unknown)
    }

    /// Languages with a folder under `locales/` that the site does not publish, sorted.
    pub fn unpublished(&self) -> &[String] {
        &self.unpublished
    }

    /// Reads `locales/<lang>/*.ftl` for every language of the config ([`Locales::read`]) and
    /// checks what their messages refer to against the site theme's templates
    /// ([`Locales::check`]): every problem of both, errors and warnings.
    pub fn load(root: &Path, config: &Config) -> (Locales, Vec<Diagnostic>) {
        let (locales, mut problems) = Locales::read(root, config);
        let calls = TemplateCalls::read(root, &config.site_theme);
        problems.extend(
            locales
                .check(calls.as_ref())
                .into_iter()
                .map(|mistake| mistake.diagnostic),
        );
        (locales, problems)
    }

    /// Reads `locales/<lang>/*.ftl` for every language of the config, files sorted by name,
    /// without [`Locales::check`].
    ///
    /// A language without `.ftl` files is a warning (all its strings fall back); so is a folder
    /// `locales/<x>/` whose `x` looks like a misspelt language of the site, or a `.ftl` file
    /// outside any language folder. Other folders are locales made ready for languages the site
    /// does not publish yet ([`Locales::unpublished`]), which is not a problem. Unreadable files
    /// and Fluent syntax errors are errors.
    pub fn read(root: &Path, config: &Config) -> (Locales, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        let mut entries: Vec<_> = match std::fs::read_dir(root.join(LOCALES_DIR)) {
            Ok(entries) => entries.filter_map(Result::ok).collect(),
            Err(_) => Vec::new(),
        };
        entries.sort_by_key(|entry| entry.file_name());
        let mut unpublished = Vec::new();
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = Path::new(LOCALES_DIR).join(&name);
            if name.starts_with('.') {
                continue;
            }
            if !entry.path().is_dir() {
                if name.ends_with(".ftl") {
                    problems.push(
                        Diagnostic::warning(format!(
                            "{} is not in a language folder, so it is not read",
                            display_path(&relative)
                        ))
                        .with_help(format!(
                            "move it into a folder named after its language, e.g. {LOCALES_DIR}/{}/{name}",
                            codes.first().unwrap_or(&"en")
                        )),
                    );
                }
                continue;
            }
            if !codes.contains(&name.as_str()) {
                match misspelt_language_folder(&name, &codes) {
                    Some(problem) => problems.push(problem),
                    None => unpublished.push(name),
                }
                continue;
            }
            files.extend(read_language_folder(root, &name, &mut problems));
        }
        let (mut locales, parse_problems) = Locales::parse(config, files);
        problems.extend(parse_problems);
        locales.unpublished = unpublished;
        (locales, problems)
    }

    /// Builds the bundles from texts already read: `(language code, path relative to the site
    /// root such as "locales/ar/main.ftl", text)`. Pure; [`Locales::load`] reads the files and
    /// calls this.
    pub fn parse(
        config: &Config,
        mut files: Vec<(String, PathBuf, String)>,
    ) -> (Locales, Vec<Diagnostic>) {
        files.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let languages: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
        let mut problems = Vec::new();
        let mut bundles: HashMap<String, Bundle> = languages
            .iter()
            .map(|lang| (lang.clone(), new_bundle(lang)))
            .collect();
        let mut definitions: HashMap<String, BTreeMap<String, Location>> = HashMap::new();
        let mut uses: HashMap<String, BTreeMap<String, references::Entry>> = HashMap::new();
        let mut review: HashMap<String, Review> = HashMap::new();

        for (lang, path, text) in files {
            let Some(bundle) = bundles.get_mut(&lang) else {
                let codes: Vec<&str> = languages.iter().map(String::as_str).collect();
                problems.push(
                    misspelt_language_folder(&lang, &codes)
                        .unwrap_or_else(|| {
                            Diagnostic::warning(format!(
                                "{LOCALES_DIR}/{lang}/ is not one of the site's languages, so its strings are not used"
                            ))
                        })
                        .in_file(path),
                );
                continue;
            };
            let marker = review_marker(&text).unwrap_or(Review::Unknown);
            let state = review.entry(lang.clone()).or_insert(marker);
            *state = match (*state, marker) {
                (Review::Draft, _) | (_, Review::Draft) => Review::Draft,
                (Review::Reviewed, Review::Reviewed) => Review::Reviewed,
                _ => Review::Unknown,
            };
            let source = SourceText::new(path, text.clone());
            let (resource, errors) = match FluentResource::try_new(text) {
                Ok(resource) => (resource, Vec::new()),
                Err((resource, errors)) => (resource, errors),
            };
            problems.extend(errors.iter().map(|error| syntax_error(&source, error)));

            let junk: Vec<Range<usize>> = errors.iter().filter_map(|e| e.slice.clone()).collect();
            let mut spots = definition_spots(&source.text, &junk).into_iter();
            let defined = definitions.entry(lang.clone()).or_default();
            let used = uses.entry(lang.clone()).or_default();
            for (id, entry) in references::entries(&source, &resource) {
                // The entries come in the order of the text, so the next spot named `id` is it.
                let range = spots
                    .find(|(name, _)| *name == id)
                    .map_or(0..0, |(_, range)| range);
                match defined.entry(id) {
                    MapEntry::Vacant(slot) => {
                        used.insert(slot.key().clone(), entry);
                        slot.insert(source.location(range.start));
                    }
                    MapEntry::Occupied(first) => {
                        problems.push(duplicate(&lang, first.key(), first.get(), &source, range));
                    }
                }
            }
            // The only errors `add_resource` returns are for ids already defined, reported
            // above with both places; the first definition is kept.
            let _ = bundle.add_resource(resource);
        }

        for (index, lang) in languages.iter().enumerate() {
            if definitions.get(lang).is_none_or(BTreeMap::is_empty) {
                problems.push(no_strings(lang, &languages[0], index == 0));
            }
        }

        let mut plain: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (lang, bundle) in &bundles {
            let ids = definitions
                .get(lang)
                .into_iter()
                .flatten()
                .map(|(id, _)| id);
            for id in ids.filter(|id| !id.starts_with('-')) {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                // A message that needs a variable (or is broken) is formatted at each call.
                if errors.is_empty() {
                    plain
                        .entry(lang.clone())
                        .or_default()
                        .insert(id.clone(), text.into_owned());
                }
            }
        }
        let locales = Locales {
            languages,
            bundles,
            definitions,
            references: uses,
            plain,
            unpublished: Vec::new(),
            review,
        };
        (locales, problems)
    }

    /// Every reference in the messages that would fail when a page is formatted: a variable the
    /// pages do not pass, a message, term, attribute or function that does not exist in the
    /// message's language, a loop of references. Sorted by file, line and column; each is an
    /// error. `calls` is what the templates pass ([`TemplateCalls::read`]); with `None` (the
    /// templates could not be read) variables are not checked. See the module `references`
    /// for the rules.
    pub fn check(&self, calls: Option<&TemplateCalls>) -> Vec<Mistake> {
        references::check(&self.languages, &self.references, &self.definitions, calls)
    }

    /// Formats message `key` in `lang`, or else in the default language (and, for a regional
    /// code such as `pt-BR`, first in `pt` if the site has it). `None` if no language has it.
    ///
    /// A fallback is recorded for [`collect_fallbacks`], if one runs on this thread.
    pub fn format(&self, lang: &str, key: &str, args: &[(&str, FluentArg)]) -> Option<Message> {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.to_fluent());
        }
        for candidate in self.chain(lang) {
            let Some(bundle) = self.bundles.get(candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
            let fell_back = candidate != lang;
            if fell_back {
                record_fallback(lang, key);
            }
            return Some(Message {
                text,
                lang: candidate.to_string(),
                fell_back,
                errors: errors.iter().map(|e| describe(e, candidate)).collect(),
            });
        }
        None
    }

    /// The Tera function `t` for the pages of one language:
    /// `{{ t(key="stories-count", count=3) }}`.
    ///
    /// Every argument but `key` becomes a Fluent variable: numbers stay numbers (so plural
    /// variants apply), strings and booleans become text. A key missing in `lang` is taken from
    /// the default language and recorded ([`collect_fallbacks`]); a key missing everywhere,
    /// a variable the message needs but was not passed, or a reference to a missing message is
    /// an error naming the key (Tera adds the template).
    pub fn tera_function(self: &Arc<Self>, lang: &str) -> impl tera::Function + use<> {
        let locales = Arc::clone(self);
        let lang = lang.to_string();
        move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            locales.call(&lang, args).map(tera::Value::String)
        }
    }

    /// The messages defined for a language, by id, with where each is defined (terms, whose
    /// ids start with `-`, are left out: templates cannot use them).
    pub fn messages(&self, lang: &str) -> Vec<(String, Location)> {
        self.definitions
            .get(lang)
            .into_iter()
            .flatten()
            .filter(|(id, _)| !id.starts_with('-'))
            .map(|(id, location)| (id.clone(), location.clone()))
            .collect()
    }

    /// Whether `lang` itself defines message `key` (no fallback).
    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.bundles
            .get(lang)
            .is_some_and(|bundle| bundle.has_message(key))
    }

    /// The site's language codes, the default first.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// The languages to look a key up in, in order: `lang`, its primary language if the site
    /// has it (`pt` for `pt-BR`), the default language.
    fn chain<'a>(&'a self, lang: &'a str) -> Vec<&'a str> {
        let mut chain = vec![lang];
        if let Some((primary, _)) = lang.split_once('-')
            && self.languages.iter().any(|l| l == primary)
        {
            chain.push(primary);
        }
        if let Some(default) = self.languages.first()
            && !chain.contains(&default.as_str())
        {
            chain.push(default);
        }
        chain
    }

    /// The body of the `t` function.
    fn call(&self, lang: &str, args: &HashMap<String, tera::Value>) -> tera::Result<String> {
        let key = match args.get("key") {
            Some(tera::Value::String(key)) => key,
            Some(other) => {
                return Err(tera::Error::msg(format!(
                    "t(): `key` must be a string such as key=\"stories-count\", not {other}"
                )));
            }
            None => {
                return Err(tera::Error::msg(
                    "t() needs the message's key: t(key=\"stories-count\")",
                ));
            }
        };
        // `lang="ar"`: the message in another of the site's languages, for a page that speaks
        // to readers of every language (the language chooser at the site's root).
        let lang = match args.get("lang") {
            None => lang,
            Some(tera::Value::String(code)) if self.languages.contains(code) => code.as_str(),
            Some(other) => {
                return Err(tera::Error::msg(format!(
                    "t(key=\"{key}\"): `lang` must be one of the site's languages ({}), not {other}",
                    self.languages.join(", ")
                )));
            }
        };
        if args.len() == 1 + usize::from(args.contains_key("lang"))
            && let Some(text) = self.plain.get(lang).and_then(|plain| plain.get(key))
        {
            return Ok(text.clone());
        }
        let mut fluent_args = Vec::with_capacity(args.len());
        for (name, value) in args {
            let arg = match value {
                _ if name == "key" || name == "lang" => continue,
                tera::Value::Null => continue,
                tera::Value::Number(n) => FluentArg::Number(n.as_f64().unwrap_or(f64::NAN)),
                tera::Value::String(text) => FluentArg::Text(text.clone()),
                tera::Value::Bool(b) => FluentArg::Text(b.to_string()),
                tera::Value::Array(_) | tera::Value::Object(_) => {
                    return Err(tera::Error::msg(format!(
                        "t(key=\"{key}\"): `{name}` must be a number or a string, not a list or a map"
                    )));
                }
            };
            fluent_args.push((name.as_str(), arg));
        }
        let default = self.languages.first().map_or("en", String::as_str);
        match self.format(lang, key, &fluent_args) {
            Some(message) if message.errors.is_empty() => Ok(message.text),
            Some(message) => Err(tera::Error::msg(format!(
                "message `{key}` in `{}` cannot be formatted: {}",
                message.lang,
                message.errors.join("; ")
            ))),
            None => Err(tera::Error::msg(format!(
                "no language has the message `{key}`: add `{key} = …` to {LOCALES_DIR}/{default}/*.ftl"
            ))),
        }
    }
}

thread_local! {
    /// The `(lang, key)` pairs that fell back to another language on this thread while
    /// [`collect_fallbacks`] runs; `None` when none runs. A render job runs on one thread from
    /// start to end (rayon never moves a running closure), so its fallbacks are its own: no
    /// lock, and each job can say what it missed.
    static FALLBACKS: RefCell<Option<BTreeSet<(String, String)>>> = const { RefCell::new(None) };
}

fn record_fallback(lang: &str, key: &str) {
    FALLBACKS.with(|fallbacks| {
        if let Some(set) = fallbacks.borrow_mut().as_mut() {
            set.insert((lang.to_string(), key.to_string()));
        }
    });
}

/// Runs `f` and returns, beside what it returns, the interface strings formatted from another
/// language on this thread meanwhile (by [`Locales::format`] or the templates' `t`), as
/// `(lang, key)`, sorted, each once. Calls may nest (a thread waiting inside `f` may run another
/// job): each gets only its own, and the outer one is restored after, even if `f` panics.
pub fn collect_fallbacks<R>(f: impl FnOnce() -> R) -> (R, Vec<(String, String)>) {
    /// Puts the outer collector back when dropped.
    struct Restore(Option<BTreeSet<(String, String)>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            FALLBACKS.with(|fallbacks| *fallbacks.borrow_mut() = outer);
        }
    }
    let _restore = Restore(FALLBACKS.with(|c| c.borrow_mut().replace(BTreeSet::new())));
    let result = f();
    let mine = FALLBACKS
        .with(|c| c.borrow_mut().take())
        .unwrap_or_default();
    (result, mine.into_iter().collect())
}

/// A bundle with our number formatter and the `NUMBER()` builtin.
fn new_bundle(lang: &str) -> Bundle {
    let langid = lang
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // Fluent wraps every placeable in Unicode isolation marks (FSI … PDI) so that, say, a Latin
    // name inside Arabic text keeps its direction. Our templates already set `lang` and `dir`
    // on the elements they write, and the marks are invisible characters that end up in
    // `<title>`, `alt` and `aria-label` texts, in search indexes and copy-pastes; so we turn
    // them off and leave direction to the HTML.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format::fluent_number));
    // Only fails if a function of the same name is already there; the bundle is new.
    let _ = bundle.add_builtins();
    bundle
}

/// Reads the `.ftl` files directly inside `locales/<lang>/`.
fn read_language_folder(
    root: &Path,
    lang: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, PathBuf, String)> {
    let folder = Path::new(LOCALES_DIR).join(lang);
    let mut names: Vec<String> = match std::fs::read_dir(root.join(&folder)) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_file())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".ftl") && !name.starts_with('.'))
            .collect(),
        Err(err) => {
            problems.push(Diagnostic::error(format!(
                "cannot read the folder {}: {err}",
                display_path(&folder)
            )));
            return Vec::new();
        }
    };
    names.sort();
    let mut files = Vec::new();
    for name in names {
        let relative = folder.join(&name);
        let text = std::fs::read(root.join(&relative))
            .map_err(|err| {
                Diagnostic::error(format!("cannot read {}: {err}", display_path(&relative)))
                    .in_file(&relative)
            })
            .and_then(|bytes| crate::content::decode(&relative, bytes));
        match text {
            Ok(text) => files.push((lang.to_string(), relative, text)),
            Err(problem) => problems.push(problem),
        }
    }
    files
}

/// A warning for a folder `locales/<name>/` that looks like a misspelt site language
/// (`ra` for `ar`, `pt-br` for `pt-BR`); `None` when it looks like another language.
fn misspelt_language_folder(name: &str, codes: &[&str]) -> Option<Diagnostic> {
    let folder = format!("{LOCALES_DIR}/{name}/");
    // Language codes are short: also catch a wrong case (`pt-br`) or swapped letters (`ra`),
    // which string similarity misses.
    let sorted = |code: &str| {
        let mut chars: Vec<char> = code.to_lowercase().chars().collect();
        chars.sort_unstable();
        chars
    };
    let looks_like_a_language = name.len() >= 2
        && name.len() <= 12
        && name
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
        && name
            .split('-')
            .next()
            .is_some_and(|p| p.len() <= 3 && p.chars().all(|c| c.is_ascii_lowercase()));
    let suggestion = codes
        .iter()
        .copied()
        .find(|code| sorted(code) == sorted(name))
        .or_else(|| closest(name, codes.iter().copied()).filter(|_| !looks_like_a_language));
    let help = match suggestion {
        Some(code) => format!(
            "did you mean `{code}`? Rename the folder to {LOCALES_DIR}/{code}/, or add `{name}` to `languages` in site.yaml"
        ),
        None if looks_like_a_language => return None,
        None => format!(
            "name the folder after a language code of site.yaml ({}), or remove it",
            codes.join(", ")
        ),
    };
    Some(
        Diagnostic::warning(format!(
            "{folder} is not one of the site's languages, so its strings are not used"
        ))
        .with_help(help),
    )
}

fn no_strings(lang: &str, default: &str, is_default: bool) -> Diagnostic {
    let message =
        format!("no interface strings for `{lang}`: no .ftl file in {LOCALES_DIR}/{lang}/");
    let help = if is_default {
        format!(
            "`{lang}` is the default language, which every other language falls back to: create {LOCALES_DIR}/{lang}/main.ftl with a line `key = text` for each string the templates use"
        )
    } else {
        format!(
            "until {LOCALES_DIR}/{lang}/ has .ftl files, `{lang}` pages show the `{default}` strings; copy {LOCALES_DIR}/{default}/ to {LOCALES_DIR}/{lang}/ and translate the text after each `=`"
        )
    };
    Diagnostic::warning(message).with_help(help)
}

fn duplicate(
    lang: &str,
    id: &str,
    first: &Location,
    source: &Arc<SourceText>,
    range: Range<usize>,
) -> Diagnostic {
    let kind = if id.starts_with('-') {
        "term"
    } else {
        "message"
    };
    Diagnostic::error(format!(
        "{kind} `{id}` is defined twice for `{lang}`: here and at {first}"
    ))
    .with_help(
        "all .ftl files of a language share one set of ids: keep one of the two definitions, or rename one (and the templates that use it)",
    )
    .at(source, range)
}

/// Where each entry of a Fluent text is defined: `(id, byte range of the id)` for every line
/// that starts with `id =` or `-id =`, in order, outside the parts the parser rejected.
fn definition_spots(text: &str, junk: &[Range<usize>]) -> Vec<(String, Range<usize>)> {
    let mut spots = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        if junk.iter().any(|range| range.contains(&line_start)) {
            continue;
        }
        let bytes = line.as_bytes();
        let mut end = usize::from(bytes.first() == Some(&b'-'));
        if !bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        while bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        {
            end += 1;
        }
        let mut after = end;
        while bytes.get(after) == Some(&b' ') {
            after += 1;
        }
        if bytes.get(after) == Some(&b'=') {
            spots.push((line[..end].to_string(), line_start..line_start + end));
        }
    }
    spots
}

/// A Fluent syntax error as a diagnostic a translator can act on.
fn syntax_error(source: &Arc<SourceText>, error: &ParserError) -> Diagnostic {
    let (mut message, help) = explain(&error.kind);
    let text = source.text.as_str();
    if let ErrorKind::UnknownEscapeSequence(_) = error.kind {
        // The parser keeps the escaped character as a number; quote the text instead.
        let escape: String = text
            .get(error.pos.start..)
            .unwrap_or("")
            .chars()
            .take(2)
            .collect();
        message = format!("unknown escape `{escape}`");
    }
    Diagnostic::error(format!("Fluent syntax: {message}"))
        .with_help(help)
        .at(source, error_range(text, &error.kind, error.pos.clone()))
}

/// Where to point for a syntax error, on a single line. A token missing at the end of a line
/// (`{ $a` without `}`) is found by the parser only at the start of the next entry: point at the
/// end of the line that lacks it instead.
fn error_range(text: &str, kind: &ErrorKind, pos: Range<usize>) -> Range<usize> {
    let start = pos.start.min(text.len());
    let at_line_start = start > 0 && text.as_bytes().get(start - 1) == Some(&b'\n');
    let missing_token = matches!(
        kind,
        ErrorKind::ExpectedToken(_)
            | ErrorKind::ExpectedInlineExpression
            | ErrorKind::ExpectedLiteral
            | ErrorKind::MissingValue
    );
    if at_line_start && missing_token {
        let before = text[..start].trim_end();
        if let Some(last) = before.chars().next_back() {
            return before.len() - last.len_utf8()..before.len();
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..pos.end.clamp(start, line_end)
}

fn explain(kind: &ErrorKind) -> (String, String) {
    const ENTRY: &str = "check the line: a message is `key = text`, the key starting at the start of the line with a letter, then letters, digits, `-` or `_`; lines that continue a text must be indented by at least one space";
    match kind {
        ErrorKind::ExpectedToken('=') => ("expected `=` after the message key".into(), ENTRY.into()),
        ErrorKind::ExpectedToken('}') => (
            "expected `}` to close the `{`".into(),
            "every `{` opens a placeholder such as `{ $count }` and needs its `}` on the same line; to write a brace as text, use `{\"{\"}`".into(),
        ),
        ErrorKind::ExpectedToken(']') => (
            "expected `]` to close a variant key".into(),
            "variants are written `[one] text` and `*[other] text`, each on its own indented line".into(),
        ),
        ErrorKind::ExpectedToken(c) => (format!("expected `{c}`"), ENTRY.into()),
        ErrorKind::ExpectedCharRange { range } => (format!("expected one of {range}"), ENTRY.into()),
        ErrorKind::ExpectedMessageField { entry_id } => (
            format!("message `{entry_id}` has no text"),
            "write the text after `=`, on the same line or on the indented lines below; for an empty text write `{\"\"}`".into(),
        ),
        ErrorKind::ExpectedTermField { entry_id } => (
            format!("term `-{entry_id}` has no text"),
            "write the text after `=`, on the same line or on the indented lines below".into(),
        ),
        ErrorKind::MissingDefaultVariant => (
            "this choice has no default variant".into(),
            "mark exactly one variant as the default with `*`, usually the last: `*[other] …`; it is used when no other variant matches".into(),
        ),
        ErrorKind::MultipleDefaultVariants => (
            "this choice has more than one default variant".into(),
            "only one variant may start with `*`: remove the `*` from all but one, e.g. keep `*[other]`".into(),
        ),
        ErrorKind::MissingValue => (
            "expected a value".into(),
            "after `=` write the text; inside `{ }` write a variable such as `$count`, a \"quoted text\" or a number".into(),
        ),
        ErrorKind::ForbiddenCallee => (
            "only functions such as NUMBER can be called".into(),
            "function names are written in capitals, e.g. `{ NUMBER($count) }`; to use another message write `{ other-key }` without parentheses".into(),
        ),
        ErrorKind::MessageReferenceAsSelector
        | ErrorKind::TermReferenceAsSelector
        | ErrorKind::MessageAttributeAsSelector
        | ErrorKind::ExpectedSimpleExpressionAsSelector => (
            kind.to_string(),
            "choose variants on a variable, e.g. `{ $count -> [one] … *[other] … }`".into(),
        ),
        ErrorKind::TermAttributeAsPlaceable => (
            "a term's attribute cannot be shown as text".into(),
            "term attributes can only choose variants: `{ -brand.gender -> … }`".into(),
        ),
        ErrorKind::UnterminatedStringLiteral => (
            "a quoted text is not closed".into(),
            "close the text with `\"` on the same line, e.g. `{ \"text\" }`".into(),
        ),
        ErrorKind::PositionalArgumentFollowsNamed | ErrorKind::DuplicatedNamedArgument(_) => (
            kind.to_string(),
            "write plain arguments first, then each named one once: `{ NUMBER($n, minimumFractionDigits: 1) }`".into(),
        ),
        ErrorKind::UnknownEscapeSequence(_) => (
            "unknown escape".into(),
            "inside quotes only `\\\"`, `\\\\`, `\\uXXXX` and `\\UXXXXXX` are escapes; outside quotes a backslash is plain text".into(),
        ),
        ErrorKind::InvalidUnicodeEscapeSequence(sequence) => (
            format!("invalid Unicode escape `{sequence}`"),
            "write `\\u` with 4 hexadecimal digits or `\\U` with 6, or type the character itself".into(),
        ),
        ErrorKind::UnbalancedClosingBrace => (
            "a `}` without its `{`".into(),
            "to write a brace as text, use `{\"}\"}`".into(),
        ),
        ErrorKind::ExpectedInlineExpression | ErrorKind::ExpectedLiteral => (
            kind.to_string(),
            "inside `{ }` write a variable such as `$count`, a \"quoted text\", a number, or another message's key".into(),
        ),
    }
}

/// A formatting error in words, for [`Message::errors`].
fn describe(error: &FluentError, lang: &str) -> String {
    match error {
        FluentError::ResolverError(ResolverError::Reference(reference)) => match reference {
            ReferenceKind::Variable { id } => {
                format!("it uses `${id}`, which was not passed (add `{id}=…` to the t() call)")
            }
            ReferenceKind::Message {
                id,
                attribute: None,
            } => {
                format!("it uses message `{id}`, which `{lang}` does not define")
            }
            ReferenceKind::Term {
                id,
                attribute: None,
            } => {
                format!("it uses term `-{id}`, which `{lang}` does not define")
            }
            _ => error.to_string(),
        },
        FluentError::ResolverError(ResolverError::Cyclic) => {
            "it refers to itself, through other messages".into()
        }
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::diagnostic::SourceText;

    fn config(languages: &[&str]) -> Config {
        let mut yaml = format!(
            "title: T\nbase_url: https://example.org/\ndefault_language: {}\nlanguages:\n",
            languages[0]
        );
        for code in languages {
            yaml.push_str(&format!("  - {{ code: {code}, name: {code} }}\n"));
        }
        Config::parse(&SourceText::new("site.yaml", yaml)).expect("test config is valid")
    }

    fn file(lang: &str, name: &str, text: &str) -> (String, PathBuf, String) {
        (
            lang.to_string(),
            PathBuf::from(format!("locales/{lang}/{name}")),
            text.to_string(),
        )
    }

    fn text(locales: &Locales, lang: &str, key: &str, args: &[(&str, FluentArg)]) -> String {
        locales
            .format(lang, key, args)
            .expect("message exists")
            .text
    }

    const COUNT_AR: &str = "stories = { $count ->
    [zero] لا قصص
    [one] قصة واحدة
    [two] قصتان
    [few] { $count } قصص
    [many] { $count } قصة
   *[other] { $count } قصة (other)
}
";

    #[test]
    fn reports_syntax_errors_at_file_line_and_column() {
        let files = vec![
            file("en", "a.ftl", "ok = fine\nbroken text without equals\n"),
            file(
                "en",
                "b.ftl",
                "good = yes\nchoice = { $n ->\n    [one] one\n    [other] many\n}\n",
            ),
        ];
        let (locales, problems) = Locales::parse(&config(&["en"]), files);
        let errors: Vec<String> = problems
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].starts_with("locales/en/a.ftl:2:"),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("key = text"), "{}", errors[0]);
        assert!(errors[1].starts_with("locales/en/b.ftl:"), "{}", errors[1]);
        assert!(errors[1].contains("*[other]"), "{}", errors[1]);
        // What parsed is still usable.
        assert!(locales.has("en", "ok") && locales.has("en", "good"));
    }

    #[test]
    fn reports_a_message_defined_twice_with_both_places() {
        let files = vec![
            file("en", "b.ftl", "\n\ntitle = Second\n"),
            file("en", "a.ftl", "title = First\n"),
        ];
        let (locales, problems) = Locales::parse(&config(&["en"]), files);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let problem = problems[0].to_string();
        assert!(
            problem.starts_with("locales/en/b.ftl:3:1: error: message `title` is defined twice"),
            "{problem}"
        );
        assert!(problem.contains("locales/en/a.ftl:1:1"), "{problem}");
        assert_eq!(text(&locales, "en", "title", &[]), "First");
    }

    #[test]
    fn lists_messages_with_their_locations() {
        let files = vec![file(
            "en",
            "main.ftl",
            "# comment\n-brand = Testimony\nwatch = Watch\n\nabout = About { -brand }\n",
        )];
        let (locales, problems) = Locales::parse(&config(&["en"]), files);
        assert!(problems.is_empty(), "{problems:#?}");
        let messages: Vec<String> = locales
            .messages("en")
            .into_iter()
            .map(|(id, location)| format!("{id} {location}"))
            .collect();
        assert_eq!(
            messages,
            [
                "about locales/en/main.ftl:5:1",
                "watch locales/en/main.ftl:3:1"
            ]
        );
        assert_eq!(text(&locales, "en", "about", &[]), "About Testimony");
    }

    #[test]
    fn falls_back_to_the_default_language_and_records_it() {
        let files = vec![
            file("en", "main.ftl", "watch = Watch\nshare = Share\n"),
            file("ar", "main.ftl", "watch = شاهد\n"),
        ];
        let (locales, problems) = Locales::parse(&config(&["en", "ar", "fr"]), files);
        // `fr` has no strings at all: a warning, not an error.
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(!problems[0].is_error() && problems[0].message.contains("`fr`"));

        let own = locales.format("ar", "watch", &[]).expect("defined");
        assert_eq!((own.text.as_str(), own.fell_back), ("شاهد", false));
        let fallback = locales.format("ar", "share", &[]).expect("in en");
        assert_eq!(
            (
                fallback.text.as_str(),
                fallback.lang.as_str(),
                fallback.fell_back
            ),
            ("Share", "en", true)
        );
        assert!(locales.has("en", "share") && !locales.has("ar", "share"));

        // Outside `collect_fallbacks` nothing is recorded; inside, the fallbacks of `format`
        // and of `t()` both are, on this thread only.
        let arc = Arc::new(locales);
        let mut tera = tera::Tera::default();
        tera.register_function("t", arc.tera_function("fr"));
        tera.add_raw_template("page.html", "{{ t(key=\"watch\") }}")
            .expect("template parses");
        let (page, missing) = collect_fallbacks(|| {
            let _ = arc.format("ar", "share", &[]);
            let _ = arc.format("ar", "watch", &[]);
            tera.render("page.html", &tera::Context::new())
        });
        assert_eq!(page.expect("renders"), "Watch");
        assert_eq!(
            missing,
            [
                ("ar".to_string(), "share".to_string()),
                ("fr".to_string(), "watch".to_string())
            ]
        );
        let (_, elsewhere) = collect_fallbacks(|| {
            std::thread::scope(|scope| {
                scope.spawn(|| arc.format("fr", "share", &[]));
            })
        });
        assert_eq!(elsewhere, []);
    }

    #[test]
    fn nested_collectors_each_get_their_own_fallbacks() {
        let files = vec![
            file("en", "main.ftl", "watch = Watch\nshare = Share\n"),
            file("ar", "main.ftl", "watch = شاهد\n"),
        ];
        let locales = Locales::parse(&config(&["en", "ar"]), files).0;
        let (((), inner), outer) = collect_fallbacks(|| {
            let inner = collect_fallbacks(|| {
                let _ = locales.format("ar", "share", &[]);
            });
            let _ = locales.format("fr", "watch", &[]);
            inner
        });
        let pair = |l: &str, k: &str| (l.to_string(), k.to_string());
        assert_eq!(inner, [pair("ar", "share")]);
        assert_eq!(outer, [pair("fr", "watch")]);
        // A panic inside leaves no collector behind on the thread.
        let caught = std::panic::catch_unwind(|| collect_fallbacks(|| panic!("in a job")));
        assert!(caught.is_err());
        let _ = locales.format("ar", "share", &[]);
        assert!(FALLBACKS.with(|c| c.borrow().is_none()));
    }

    #[test]
    fn a_key_missing_everywhere_is_a_template_error() {
        let files = vec![file("en", "main.ftl", "watch = Watch\n")];
        let locales = Arc::new(Locales::parse(&config(&["en", "ar"]), files).0);
        assert_eq!(locales.format("ar", "nope", &[]), None);

        let mut tera = tera::Tera::default();
        tera.register_function("t", locales.tera_function("ar"));
        tera.add_raw_template("story.html", "{{ t(key=\"nope\") }}")
            .expect("template parses");
        let error = tera
            .render("story.html", &tera::Context::new())
            .expect_err("missing key");
        let mut chain = vec![error.to_string()];
        let mut source = std::error::Error::source(&error);
        while let Some(inner) = source {
            chain.push(inner.to_string());
            source = inner.source();
        }
        let chain = chain.join(" / ");
        assert!(chain.contains("story.html"), "{chain}");
        assert!(chain.contains("`nope`"), "{chain}");
        assert!(chain.contains("locales/en/*.ftl"), "{chain}");
    }

    #[test]
    fn a_variable_not_passed_is_a_template_error() {
        let files = vec![file("en", "main.ftl", "hello = Hello { $name }\n")];
        let locales = Arc::new(Locales::parse(&config(&["en"]), files).0);
        let function = locales.tera_function("en");
        let mut args = HashMap::new();
        args.insert("key".to_string(), tera::Value::from("hello"));
        let error = tera::Function::call(&function, &args).expect_err("no $name");
        assert!(error.to_string().contains("`$name`"), "{error}");
        args.insert("name".to_string(), tera::Value::from("Sara"));
        let value = tera::Function::call(&function, &args).expect("formats");
        assert_eq!(value, tera::Value::from("Hello Sara"));
    }

    #[test]
    fn lang_asks_for_the_message_in_another_site_language() {
        let files = vec![
            file(
                "en",
                "main.ftl",
                "read = Read in English\nhello = Hello { $name }\n",
            ),
            file(
                "ar",
                "main.ftl",
                "read = اقرأ بالعربية\nhello = مرحبا { $name }\n",
            ),
        ];
        let locales = Arc::new(Locales::parse(&config(&["en", "ar"]), files).0);
        let function = locales.tera_function("en");
        let call = |pairs: &[(&str, &str)]| {
            let args: HashMap<String, tera::Value> = pairs
                .iter()
                .map(|(name, value)| (name.to_string(), tera::Value::from(*value)))
                .collect();
            tera::Function::call(&function, &args)
        };
        assert_eq!(call(&[("key", "read")]).unwrap(), "Read in English");
        assert_eq!(
            call(&[("key", "read"), ("lang", "ar")]).unwrap(),
            "اقرأ بالعربية"
        );
        assert_eq!(
            call(&[("key", "hello"), ("lang", "ar"), ("name", "Sara")]).unwrap(),
            "مرحبا Sara"
        );
        let error = call(&[("key", "read"), ("lang", "xx")]).expect_err("not a site language");
        assert!(error.to_string().contains("(en, ar)"), "{error}");
    }

    #[test]
    fn messages_without_variables_are_formatted_once_and_the_same() {
        let files = vec![
            file(
                "en",
                "main.ftl",
                "-brand = Testimony\nabout = About { -brand }\nhello = Hello { $name }\n",
            ),
            file("ar", "main.ftl", "about = حول\n"),
        ];
        let locales = Arc::new(Locales::parse(&config(&["en", "ar"]), files).0);
        let plain = |lang: &str| {
            let mut keys: Vec<&String> = locales.plain[lang].keys().collect();
            keys.sort();
            keys
        };
        // Terms are not messages; a message that needs a variable is formatted at each call.
        assert_eq!(plain("en"), ["about"]);
        assert_eq!(plain("ar"), ["about"]);
        let function = locales.tera_function("en");
        let mut args = HashMap::new();
        args.insert("key".to_string(), tera::Value::from("about"));
        let value = tera::Function::call(&function, &args).expect("formats");
        assert_eq!(value, tera::Value::from("About Testimony"));
        assert_eq!(text(&locales, "en", "about", &[]), "About Testimony");
    }

    #[test]
    fn arabic_has_six_plural_forms() {
        // CLDR's `ar` writes Western digits, `ar-SY` Arabic-Indic ones; both select the six
        // Arabic plural forms.
        for (lang, digits) in [("ar", "0123456789"), ("ar-SY", "٠١٢٣٤٥٦٧٨٩")] {
            let files = vec![
                file("en", "main.ftl", "x = x\n"),
                file(lang, "main.ftl", COUNT_AR),
            ];
            let (locales, problems) = Locales::parse(&config(&["en", lang]), files);
            assert!(problems.is_empty(), "{problems:#?}");
            let forms: Vec<String> = [0, 1, 2, 3, 10, 11, 99, 100]
                .into_iter()
                .map(|n| text(&locales, lang, "stories", &[("count", FluentArg::from(n))]))
                .collect();
            let digit = |d: usize| digits.chars().nth(d).expect("ten digits");
            let n = |ds: &[usize]| ds.iter().map(|&d| digit(d)).collect::<String>();
            assert_eq!(
                forms,
                [
                    "لا قصص".to_string(),
                    "قصة واحدة".to_string(),
                    "قصتان".to_string(),
                    format!("{} قصص", n(&[3])),
                    format!("{} قصص", n(&[1, 0])),
                    format!("{} قصة", n(&[1, 1])),
                    format!("{} قصة", n(&[9, 9])),
                    format!("{} قصة (other)", n(&[1, 0, 0])),
                ]
            );
        }
    }

    #[test]
    fn english_plurals_and_the_t_function() {
        let files = vec![file(
            "en",
            "main.ftl",
            "stories = { $count ->\n    [one] one story\n   *[other] { $count } stories\n}\n",
        )];
        let locales = Arc::new(Locales::parse(&config(&["en"]), files).0);
        let mut tera = tera::Tera::default();
        tera.register_function("t", locales.tera_function("en"));
        tera.add_raw_template(
            "list.html",
            "{% for n in [0, 1, 2, 12500] %}{{ t(key=\"stories\", count=n) }}|{% endfor %}",
        )
        .expect("template parses");
        let page = tera
            .render("list.html", &tera::Context::new())
            .expect("renders");
        assert_eq!(page, "0 stories|one story|2 stories|12,500 stories|");
    }

    #[test]
    fn numbers_in_messages_use_the_locales_digits() {
        let files = vec![
            file("en", "main.ftl", "n = { $n }\n"),
            file(
                "ar-SY",
                "main.ftl",
                "n = { $n }\nyear = { NUMBER($y, useGrouping: \"false\") }\ntext = { $t }\n",
            ),
        ];
        let (locales, _) = Locales::parse(&config(&["en", "ar-SY"]), files);
        assert_eq!(text(&locales, "ar-SY", "n", &[("n", 1234.into())]), "١٬٢٣٤");
        assert_eq!(text(&locales, "ar-SY", "n", &[("n", 2.5.into())]), "٢٫٥");
        assert_eq!(
            text(&locales, "ar-SY", "year", &[("y", 2014.into())]),
            "٢٠١٤"
        );
        // Text stays as it is.
        assert_eq!(
            text(&locales, "ar-SY", "text", &[("t", "2014".into())]),
            "2014"
        );
        assert_eq!(
            text(&locales, "en", "n", &[("n", (1.0 / 3.0).into())]),
            "0.333"
        );
        assert_eq!(text(&locales, "en", "n", &[("n", 1234.into())]), "1,234");
        // No Unicode isolation marks around placeables.
        assert_eq!(text(&locales, "en", "n", &[("n", 7.into())]), "7");
    }

    #[test]
    fn loads_language_folders_and_warns_about_the_others() {
        let root = tempfile::tempdir().expect("temp dir");
        let write = |path: &str, text: &str| {
            let path = root.path().join(path);
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("locales/en/b.ftl", "b = B\n");
        write("locales/en/a.ftl", "a = A\n");
        write("locales/en/notes.txt", "not fluent");
        write("locales/ra/main.ftl", "a = typo\n");
        // Strings made ready for a language the site does not publish yet: not a problem.
        write("locales/de/main.ftl", "a = A\n");
        let (locales, problems) = Locales::load(root.path(), &config(&["en", "ar"]));
        assert_eq!(locales.unpublished(), ["de"]);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("locales/ra/") && p.contains("`ar`")),
            "{problems:#?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("no .ftl file in locales/ar/"))
        );
        let ids: Vec<String> = locales.messages("en").into_iter().map(|m| m.0).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn the_review_state_is_read_from_the_header_and_a_draft_file_makes_a_draft() {
        assert_eq!(
            review_marker("## A\n## Status: reviewed by X\n"),
            Some(Review::Reviewed)
        );
        assert_eq!(
            review_marker("## Status: Draft (not yet)\n"),
            Some(Review::Draft)
        );
        assert_eq!(review_marker("# Status: reviewed\nkey = v\n"), None);
        assert_eq!(review_marker("## Status: maybe\n"), None);
        let reviewed = "## Status: reviewed\nnav-home = Home\n";
        let draft = "## Status: draft\nnav-stories = Stories\n";
        let unmarked = "nav-themes = Themes\n";
        let review = |texts: &[&str]| {
            let files = texts
                .iter()
                .enumerate()
                .map(|(i, text)| file("en", &format!("{i}.ftl"), text))
                .collect();
            Locales::parse(&config(&["en"]), files).0.review("en")
        };
        assert_eq!(review(&[reviewed, reviewed]), Review::Reviewed);
        assert_eq!(review(&[reviewed, draft]), Review::Draft);
        assert_eq!(review(&[unmarked, reviewed]), Review::Unknown);
        assert_eq!(review(&[unmarked, draft]), Review::Draft);
        assert!(Review::Unknown.is_draft() && !Review::Reviewed.is_draft());
    }

    #[test]
    fn locales_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Locales>();
    }
}
