//! What a Fluent message refers to, checked when the locales load: variables (`{ $count }`),
//! other messages (`{ nav-home }`, `{ story.title }`), terms (`{ -brand }`) and functions
//! (`{ NUMBER($n) }`).
//!
//! The parser accepts `{ $cuont }` and `{ nav-hom }`; Fluent only notices them when a page
//! formats the message, and then writes `{$cuont}` or `{nav-hom}` into the page. So every
//! reference is checked here, for every message of every language, and each mistake is
//! reported at the reference itself (`locales/fr/main.ftl:12:20`), not at the template that
//! happened to need the message first.
//!
//! The rules (see [`check`]):
//! - A message or term named in `{ }` must be defined in the same language, and an attribute
//!   (`{ msg.attr }`) on it. A bundle resolves references only inside itself: falling back to
//!   the default language happens per key, for the message a template asks for, never for the
//!   messages that message refers to.
//! - A function must be one the bundles have: `NUMBER`.
//! - A message may use only the variables its callers pass ([`TemplateCalls`]). The callers
//!   are the templates' `t(key="k", name=…)` calls: every argument but `key` is a variable of
//!   `k`. A message named by another (`a = { b }`) also gets the variables of the messages that
//!   name it, since Fluent passes them on. A call whose key is not a quoted text
//!   (`t(key=name, n=1)`) could be any message's: its arguments are allowed in every message,
//!   and which message it formats, or whether that exists, cannot be checked. The renderer
//!   formats a few messages itself, the site's name and the generated pages' titles, without
//!   variables. A message that neither a template nor the renderer calls, and that no called
//!   message names, is not checked for variables: no page shows it (except through a computed
//!   key), and a missing template must not turn each of its messages into a mistake.
//! - A term's variables are its parameters, given where it is used (`{ -brand(case: "gen") }`):
//!   a term may show `{ $case }` only if some use of it passes `case`. In a selector
//!   (`{ $case -> … }`) a parameter no one passes just picks the default variant, as Fluent
//!   intends, so that is not a mistake. A message named inside a term sees the term's
//!   parameters, not the page's, so its variables are not checked.
//! - A message or term must not refer back to itself (`a = { b }`, `b = { a }`).
//!
//! The same rules hold for the default language and for translations: what a page passes does
//! not depend on the language. The alternative, allowing a translation only the variables of
//! the default language's message of the same key, was rejected: a translation may need
//! `$count` to agree with a number where English does not (`stories-list-heading = Stories`
//! against a French or Arabic plural), and it is the page that passes variables, not the
//! English text. When the templates cannot all be read (that is reported by the template
//! loader), variables are not checked, rather than reported wrongly.
//!
//! fluent-syntax's AST carries no positions, but every name in it is a slice of the text it
//! parsed; a name's offset in the file is where that slice starts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::LOCALES_DIR;
use crate::diagnostic::{Diagnostic, Location, SourceText, closest};

/// The functions every bundle has: fluent-bundle's builtins (see `new_bundle`).
const FUNCTIONS: &[&str] = &["NUMBER"];

/// The messages the renderer formats itself, without variables (`Locales::format(lang, key,
/// &[])` in `render.rs`): the site's name and the titles of the generated pages. A key
/// missing here is only left unchecked, unless a template calls it too.
const FORMATTED_BY_THE_RENDERER: &[&str] = &[
    "site-title",
    "stories-title",
    "themes-title",
    "statements-title",
];

/// What a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// `{ $name }`.
    Variable(String),
    /// `{ id }` or `{ id.attribute }`.
    Message(String, Option<String>),
    /// `{ -id }`, `{ -id.attribute -> … }`, with the names of the parameters it passes.
    Term(String, Option<String>, BTreeSet<String>),
    /// `{ NAME(…) }`.
    Function(String),
}

/// One reference inside a pattern, with the byte range of its name in the file.
#[derive(Debug, Clone)]
struct Use {
    target: Target,
    range: Range<usize>,
    /// Whether it chooses the variant of a select expression (`{ $n -> … }`).
    in_selector: bool,
}

/// One message or term of a language: the references each of its patterns makes.
#[derive(Debug)]
pub(super) struct Entry {
    source: Arc<SourceText>,
    /// The patterns: `None` for the value, `Some(attribute)` for each attribute.
    patterns: BTreeMap<Option<String>, Vec<Use>>,
}

impl Entry {
    fn has_value(&self) -> bool {
        self.patterns.contains_key(&None)
    }

    fn attributes(&self) -> impl Iterator<Item = &str> {
        self.patterns.keys().filter_map(|a| a.as_deref())
    }

    fn uses(&self) -> impl Iterator<Item = (&Option<String>, &Use)> {
        self.patterns
            .iter()
            .flat_map(|(attribute, uses)| uses.iter().map(move |u| (attribute, u)))
    }
}

/// The entries of one parsed file, by id (terms with their `-`), in the order of the file.
pub(super) fn entries(source: &Arc<SourceText>, resource: &FluentResource) -> Vec<(String, Entry)> {
    let text = resource.source();
    let mut found = Vec::new();
    for entry in resource.entries() {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(message) => (
                message.id.name.to_string(),
                message.value.as_ref(),
                &message.attributes,
            ),
            ast::Entry::Term(term) => (
                format!("-{}", term.id.name),
                Some(&term.value),
                &term.attributes,
            ),
            _ => continue,
        };
        let mut patterns = BTreeMap::new();
        if let Some(value) = value {
            patterns.insert(None, pattern_uses(text, value));
        }
        for attribute in attributes {
            patterns.insert(
                Some(attribute.id.name.to_string()),
                pattern_uses(text, &attribute.value),
            );
        }
        found.push((
            id,
            Entry {
                source: Arc::clone(source),
                patterns,
            },
        ));
    }
    found
}

/// Where `part`, a slice of `text`, starts in it.
fn offset(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len()).then_some(start)
}

/// The byte range from the sigil before `name` (`$`, `-`), if there is one, to the end of
/// `last` (the attribute, when there is one).
fn name_range(text: &str, sigil: Option<u8>, name: &str, last: &str) -> Range<usize> {
    let Some(start) = offset(text, name) else {
        return 0..0;
    };
    let start = match sigil {
        Some(sigil) if start > 0 && text.as_bytes()[start - 1] == sigil => start - 1,
        _ => start,
    };
    let end = offset(text, last).map_or(start + name.len(), |o| o + last.len());
    start..end.max(start)
}

fn pattern_uses(text: &str, pattern: &ast::Pattern<&str>) -> Vec<Use> {
    let mut uses = Vec::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_uses(text, expression, &mut uses);
        }
    }
    uses
}

fn expression_uses(text: &str, expression: &ast::Expression<&str>, uses: &mut Vec<Use>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_uses(text, selector, true, uses);
            for variant in variants {
                for element in &variant.value.elements {
                    if let ast::PatternElement::Placeable { expression } = element {
                        expression_uses(text, expression, uses);
                    }
                }
            }
        }
        ast::Expression::Inline(inline) => inline_uses(text, inline, false, uses),
    }
}

fn inline_uses(
    text: &str,
    inline: &ast::InlineExpression<&str>,
    in_selector: bool,
    uses: &mut Vec<Use>,
) {
    let arguments = |arguments: &ast::CallArguments<&str>, uses: &mut Vec<Use>| {
        for positional in &arguments.positional {
            inline_uses(text, positional, false, uses);
        }
        for named in &arguments.named {
            inline_uses(text, &named.value, false, uses);
        }
    };
    let (target, range) = match inline {
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => return,
        ast::InlineExpression::Placeable { expression } => {
            return expression_uses(text, expression, uses);
        }
        ast::InlineExpression::VariableReference { id } => (
            Target::Variable(id.name.to_string()),
            name_range(text, Some(b'$'), id.name, id.name),
        ),
        ast::InlineExpression::MessageReference { id, attribute } => (
            Target::Message(
                id.name.to_string(),
                attribute.as_ref().map(|a| a.name.to_string()),
            ),
            name_range(
                text,
                None,
                id.name,
                attribute.as_ref().map_or(id.name, |a| a.name),
            ),
        ),
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments: passed,
        } => {
            if let Some(passed) = passed {
                arguments(passed, uses);
            }
            let parameters = passed
                .iter()
                .flat_map(|p| &p.named)
                .map(|named| named.name.name.to_string())
                .collect();
            (
                Target::Term(
                    id.name.to_string(),
                    attribute.as_ref().map(|a| a.name.to_string()),
                    parameters,
                ),
                name_range(
                    text,
                    Some(b'-'),
                    id.name,
                    attribute.as_ref().map_or(id.name, |a| a.name),
                ),
            )
        }
        ast::InlineExpression::FunctionReference {
            id,
            arguments: passed,
        } => {
            arguments(passed, uses);
            (
                Target::Function(id.name.to_string()),
                name_range(text, None, id.name, id.name),
            )
        }
    };
    uses.push(Use {
        target,
        range,
        in_selector,
    });
}

/// The variables the templates pass to each message, read from their `t(key="…", name=…)`
/// calls.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TemplateCalls {
    /// Per key written as a quoted text, the names of the arguments of its calls (all calls
    /// together).
    by_key: BTreeMap<String, BTreeSet<String>>,
    /// The arguments of calls whose key is an expression (`t(key=name)`): they may be any
    /// message's.
    any_key: BTreeSet<String>,
}

impl TemplateCalls {
    /// Reads every template under `themes/<site_theme>/templates/`. `None` if a template
    /// cannot be read (the template loader reports it): without all of them, which variables
    /// a message gets is unknown.
    pub fn read(root: &Path, site_theme: &str) -> Option<TemplateCalls> {
        let dir = root.join("themes").join(site_theme).join("templates");
        if !dir.is_dir() {
            return None;
        }
        let mut calls = TemplateCalls::default();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.ok()?;
            if entry.file_type().is_file() {
                let bytes = std::fs::read(entry.path()).ok()?;
                let text = crate::content::decode(entry.path(), bytes).ok()?;
                calls.scan(&text);
            }
        }
        Some(calls)
    }

    /// Adds the `t(…)` calls of one template's text.
    pub fn scan(&mut self, template: &str) {
        for tag in tags(template) {
            for arguments in t_calls(tag) {
                let mut key = None;
                let mut names = BTreeSet::new();
                for (name, value) in arguments {
                    if name == "key" {
                        key = Some(quoted(value));
                    } else if name != "lang" {
                        // `lang` picks the language (see `Locales::call`): not a variable.
                        names.insert(name.to_string());
                    }
                }
                match key {
                    Some(Some(key)) => self
                        .by_key
                        .entry(key.to_string())
                        .or_default()
                        .extend(names),
                    Some(None) => self.any_key.extend(names),
                    // Without a key the call fails when rendered, naming the template.
                    None => {}
                }
            }
        }
    }

    /// The variables a message of this key gets, if something is known to call it: a
    /// template, with the key written out, or the renderer.
    fn called(&self, key: &str) -> Option<BTreeSet<&str>> {
        (self.by_key.contains_key(key) || FORMATTED_BY_THE_RENDERER.contains(&key))
            .then(|| self.passed_to(key))
    }

    /// The variables a message of this key gets from the templates.
    fn passed_to(&self, key: &str) -> BTreeSet<&str> {
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .chain(&self.any_key)
            .map(String::as_str)
            .collect()
    }
}

/// The insides of a template's `{{ … }}` and `{% … %}` tags (comments `{# … #}` left out).
fn tags(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                rest = after;
                continue;
            }
        };
        let inside = &after[1..];
        let Some(end) = inside.find(close) else {
            break;
        };
        if close != "#}" {
            found.push(&inside[..end]);
        }
        rest = &inside[end + close.len()..];
    }
    found
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The arguments `(name, value text)` of each call of the function `t` in a tag, nested
/// calls included.
fn t_calls(tag: &str) -> Vec<Vec<(&str, &str)>> {
    let bytes = tag.as_bytes();
    let mut calls = Vec::new();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        if matches!(b, b'"' | b'\'' | b'`') {
            quote = Some(b);
            continue;
        }
        // `t` itself, not the end of `cat` nor a macro `m::t` or a field `x.t`.
        if b != b't' || (i > 0 && (is_name_byte(bytes[i - 1]) || b".:".contains(&bytes[i - 1]))) {
            continue;
        }
        let after = tag[i + 1..].trim_start();
        if let Some(inside) = after.strip_prefix('(') {
            calls.push(arguments(inside));
        }
    }
    calls
}

/// The `name=value` arguments of a call, from just after its `(` to the matching `)`.
fn arguments(inside: &str) -> Vec<(&str, &str)> {
    let bytes = inside.as_bytes();
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut quote = None;
    let mut start = 0;
    let mut end = inside.len();
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' | b'`' => quote = Some(b),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                end = i;
                break;
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                parts.push(&inside[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inside[start..end]);
    parts
        .into_iter()
        .filter_map(|part| {
            let (name, value) = split_assignment(part)?;
            let name = name.trim();
            (!name.is_empty() && name.bytes().all(is_name_byte)).then_some((name, value.trim()))
        })
        .collect()
}

/// `name = value` split at its `=` (not one of `==`, `!=`, `<=`, `>=`).
fn split_assignment(part: &str) -> Option<(&str, &str)> {
    let bytes = part.as_bytes();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' | b'`' => quote = Some(b),
            b'=' => {
                let comparison =
                    bytes.get(i + 1) == Some(&b'=') || (i > 0 && b"=!<>".contains(&bytes[i - 1]));
                if !comparison {
                    return Some((&part[..i], &part[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// The text of a Tera string literal, if `value` is just one.
fn quoted(value: &str) -> Option<&str> {
    let quote = value
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains(quote)).then_some(inner)
}

/// A reference that would fail when a page is formatted: where, in which language and entry.
#[derive(Debug, Clone)]
pub struct Mistake {
    /// The language code, e.g. `fr`.
    pub lang: String,
    /// The message (or `-term`) whose text holds the reference.
    pub key: String,
    pub diagnostic: Diagnostic,
}

/// Every mistake in the references of every language, sorted by file, line and column.
///
/// `entries` holds each language's messages and terms by id; `definitions` where each is
/// defined, for hints. `calls` is `None` when the templates could not be read: variables are
/// then not checked.
pub(super) fn check(
    languages: &[String],
    entries: &HashMap<String, BTreeMap<String, Entry>>,
    definitions: &HashMap<String, BTreeMap<String, Location>>,
    calls: Option<&TemplateCalls>,
) -> Vec<Mistake> {
    let mut mistakes = Vec::new();
    let Some(default) = languages.first() else {
        return mistakes;
    };
    for lang in languages {
        let Some(own) = entries.get(lang) else {
            continue;
        };
        let language = Language {
            lang,
            default,
            own,
            definitions,
        };
        language.names(&mut mistakes);
        if let Some(calls) = calls {
            language.message_variables(calls, &mut mistakes);
        }
        language.term_parameters(&mut mistakes);
        language.cycles(&mut mistakes);
    }
    mistakes.sort_by(|a, b| {
        (&a.diagnostic.location, &a.diagnostic.message)
            .cmp(&(&b.diagnostic.location, &b.diagnostic.message))
    });
    mistakes
}

/// One language's entries, with what the hints need from the others.
struct Language<'a> {
    lang: &'a str,
    default: &'a str,
    own: &'a BTreeMap<String, Entry>,
    definitions: &'a HashMap<String, BTreeMap<String, Location>>,
}

impl Language<'_> {
    fn mistake(
        &self,
        key: &str,
        entry: &Entry,
        at: &Use,
        message: String,
        help: String,
    ) -> Mistake {
        Mistake {
            lang: self.lang.to_string(),
            key: key.to_string(),
            diagnostic: Diagnostic::error(message)
                .with_help(help)
                .at(&entry.source, at.range.clone()),
        }
    }

    fn folder(&self) -> String {
        format!("{LOCALES_DIR}/{}/", self.lang)
    }

    /// Where the default language defines `id`, unless this is the default language.
    fn in_default(&self, id: &str) -> Option<&Location> {
        if self.lang == self.default {
            return None;
        }
        self.definitions.get(self.default)?.get(id)
    }

    /// Messages, terms, attributes and functions named in `{ }` exist.
    fn names(&self, mistakes: &mut Vec<Mistake>) {
        for (key, entry) in self.own {
            for (_, at) in entry.uses() {
                let found = match &at.target {
                    Target::Variable(_) => None,
                    Target::Message(id, attribute) => self.missing(id, attribute.as_deref()),
                    Target::Term(id, attribute, _) => {
                        self.missing(&format!("-{id}"), attribute.as_deref())
                    }
                    Target::Function(name) if !FUNCTIONS.contains(&name.as_str()) => Some((
                        format!("`{name}` is not a function"),
                        format!(
                            "the only function is {}, e.g. `{{ NUMBER($count) }}`; to use another message, write its key without parentheses: `{{ other-key }}`",
                            FUNCTIONS.join(", ")
                        ),
                    )),
                    Target::Function(_) => None,
                };
                if let Some((message, help)) = found {
                    mistakes.push(self.mistake(key, entry, at, message, help));
                }
            }
        }
    }

    /// What is wrong with a reference to `id` (a message, or a term with its `-`) and to its
    /// `attribute`, if anything.
    fn missing(&self, id: &str, attribute: Option<&str>) -> Option<(String, String)> {
        let kind = if id.starts_with('-') {
            "term"
        } else {
            "message"
        };
        let Some(target) = self.own.get(id) else {
            let same_kind = self
                .own
                .keys()
                .map(String::as_str)
                .filter(|other| other.starts_with('-') == id.starts_with('-'));
            let help = match (closest(id, same_kind), self.in_default(id)) {
                (Some(near), _) => format!("did you mean `{near}`?"),
                (None, Some(location)) => format!(
                    "`{id}` is defined in {LOCALES_DIR}/{}/ (at {location}), but a message can only use the {kind}s of its own language: add `{id} = …` to a file of {}",
                    self.default,
                    self.folder()
                ),
                (None, None) => format!(
                    "define it with a line `{id} = …` in a file of {}, or correct the name",
                    self.folder()
                ),
            };
            return Some((format!("`{id}` is not a {kind} in {}", self.folder()), help));
        };
        match attribute {
            Some(attribute) if !target.attributes().any(|a| a == attribute) => {
                let help = match closest(attribute, target.attributes()) {
                    Some(near) => format!("did you mean `{id}.{near}`?"),
                    None if target.attributes().next().is_none() => format!(
                        "`{id}` has no attributes: write `{{ {id} }}` for its text, or add an indented line `.{attribute} = …` under it"
                    ),
                    None => format!(
                        "its attributes are {}",
                        list(target.attributes().map(|a| format!("`.{a}`")))
                    ),
                };
                Some((
                    format!("the {kind} `{id}` has no attribute `.{attribute}`"),
                    help,
                ))
            }
            None if !target.has_value() => Some((
                format!("the {kind} `{id}` has no text of its own, only attributes"),
                format!(
                    "use one of its attributes, e.g. `{{ {id}.{} }}`",
                    target.attributes().next().unwrap_or("name")
                ),
            )),
            _ => None,
        }
    }

    /// Each message uses only the variables its callers pass.
    fn message_variables(&self, calls: &TemplateCalls, mistakes: &mut Vec<Mistake>) {
        let messages = || self.own.iter().filter(|(id, _)| !id.starts_with('-'));
        // `None`: nothing is known to call the message, so its variables are not checked.
        let mut available: BTreeMap<&str, Option<BTreeSet<&str>>> = messages()
            .map(|(id, _)| (id.as_str(), calls.called(id)))
            .collect();
        // A message named by another is called too, with the variables of the one naming it:
        // spread them until nothing changes (each round adds names, from a finite set).
        loop {
            let mut changed = false;
            for (id, entry) in messages() {
                let Some(Some(from)) = available.get(id.as_str()).cloned() else {
                    continue;
                };
                for (_, at) in entry.uses() {
                    let Target::Message(target, _) = &at.target else {
                        continue;
                    };
                    let Some(into) = available.get_mut(target.as_str()) else {
                        continue;
                    };
                    let into = into.get_or_insert_with(|| {
                        changed = true;
                        BTreeSet::new()
                    });
                    for name in &from {
                        changed |= into.insert(name);
                    }
                }
            }
            if !changed {
                break;
            }
        }
        // A message named inside a term sees the term's parameters instead.
        let in_terms: BTreeSet<&str> = self
            .own
            .iter()
            .filter(|(id, _)| id.starts_with('-'))
            .flat_map(|(_, entry)| entry.uses())
            .filter_map(|(_, at)| match &at.target {
                Target::Message(id, _) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        for (key, entry) in messages() {
            if in_terms.contains(key.as_str()) {
                continue;
            }
            let Some(Some(allowed)) = available.get(key.as_str()) else {
                continue;
            };
            for (_, at) in entry.uses() {
                let Target::Variable(name) = &at.target else {
                    continue;
                };
                if allowed.contains(name.as_str()) {
                    continue;
                }
                let message =
                    format!("the message `{key}` uses `${name}`, which the pages never pass");
                let mut help = if allowed.is_empty() {
                    format!(
                        "the pages pass no variables to `{key}`: remove `{{ ${name} }}`, or write the text without it"
                    )
                } else {
                    let mut help = format!(
                        "the variables it may use are {}",
                        list(allowed.iter().map(|a| format!("`${a}`")))
                    );
                    if allowed.len() > 1
                        && let Some(near) = closest(name, allowed.iter().copied())
                    {
                        let _ = write!(help, "; did you mean `${near}`?");
                    }
                    help
                };
                if let Some(location) = self.in_default(key) {
                    let _ = write!(help, " (the {} message is at {location})", self.default);
                }
                mistakes.push(self.mistake(key, entry, at, message, help));
            }
        }
    }

    /// A term shows only the parameters that its uses pass.
    fn term_parameters(&self, mistakes: &mut Vec<Mistake>) {
        let mut passed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for entry in self.own.values() {
            for (_, at) in entry.uses() {
                if let Target::Term(id, _, parameters) = &at.target {
                    passed
                        .entry(id.as_str())
                        .or_default()
                        .extend(parameters.iter().map(String::as_str));
                }
            }
        }
        for (key, entry) in self.own.iter().filter(|(id, _)| id.starts_with('-')) {
            let allowed = passed.get(&key[1..]).cloned().unwrap_or_default();
            for (_, at) in entry.uses() {
                let Target::Variable(name) = &at.target else {
                    continue;
                };
                if at.in_selector || allowed.contains(name.as_str()) {
                    continue;
                }
                mistakes.push(self.mistake(
                    key,
                    entry,
                    at,
                    format!("the term `{key}` uses `${name}`, which no use of it passes"),
                    format!(
                        "inside a term, variables are only the values given where it is used: write `{{ {key}({name}: \"…\") }}` there, or remove `{{ ${name} }}`"
                    ),
                ));
            }
        }
    }

    /// No message or term refers back to itself, directly or through others.
    fn cycles(&self, mistakes: &mut Vec<Mistake>) {
        // The nodes are patterns, as Fluent tracks them: (id, attribute).
        type Node = (String, Option<String>);
        let target_of = |at: &Use| -> Option<Node> {
            let (id, attribute) = match &at.target {
                Target::Message(id, attribute) => (id.clone(), attribute.clone()),
                Target::Term(id, attribute, _) => (format!("-{id}"), attribute.clone()),
                _ => return None,
            };
            let entry = self.own.get(&id)?;
            entry
                .patterns
                .contains_key(&attribute)
                .then_some((id, attribute))
        };
        let name = |(id, attribute): &Node| match attribute {
            Some(attribute) => format!("`{id}.{attribute}`"),
            None => format!("`{id}`"),
        };
        // Absent: not seen yet; false: on the current path; true: done.
        let mut done: HashMap<Node, bool> = HashMap::new();
        for (id, entry) in self.own {
            for (attribute, uses) in &entry.patterns {
                let start: Node = (id.clone(), attribute.clone());
                if done.contains_key(&start) {
                    continue;
                }
                // Depth first, with an explicit stack of (node, its entry, its references,
                // the next one to follow), so that a long chain cannot overflow.
                let mut stack: Vec<(Node, &Entry, &[Use], usize)> = Vec::new();
                done.insert(start.clone(), false);
                stack.push((start, entry, uses, 0));
                while let Some(top) = stack.last_mut() {
                    let (holder, references): (&Entry, &[Use]) = (top.1, top.2);
                    let Some(at) = references.get(top.3) else {
                        if let Some((node, ..)) = stack.pop() {
                            done.insert(node, true);
                        }
                        continue;
                    };
                    top.3 += 1;
                    let Some(target) = target_of(at) else {
                        continue;
                    };
                    match done.get(&target) {
                        Some(true) => {}
                        Some(false) => {
                            let from = stack.iter().position(|(n, ..)| *n == target);
                            // The loop as seen from the pattern holding this reference.
                            let cycle: Vec<String> = stack[from.unwrap_or(0)..]
                                .iter()
                                .map(|(n, ..)| name(n))
                                .collect();
                            let path: Vec<&String> = cycle
                                .last()
                                .into_iter()
                                .chain(&cycle[..cycle.len() - 1])
                                .chain(cycle.last())
                                .collect();
                            let key = stack.last().map_or("", |(n, ..)| n.0.as_str());
                            let message = if path.len() == 2 {
                                format!("{} refers to itself", path[0])
                            } else {
                                format!(
                                    "this reference closes a loop: {}",
                                    path.iter()
                                        .map(|p| p.as_str())
                                        .collect::<Vec<_>>()
                                        .join(" → ")
                                )
                            };
                            mistakes.push(self.mistake(
                                key,
                                holder,
                                at,
                                message,
                                "such a loop could never be written out: remove one of these references, or write out its text instead".into(),
                            ));
                        }
                        None => {
                            let Some(entry) = self.own.get(&target.0) else {
                                continue;
                            };
                            let Some(uses) = entry.patterns.get(&target.1) else {
                                continue;
                            };
                            done.insert(target.clone(), false);
                            stack.push((target, entry, uses, 0));
                        }
                    }
                }
            }
        }
    }
}

/// `a`, `b` and `c`.
fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::i18n::Locales;
    use std::path::PathBuf;

    /// The templates' calls: `(key, variables)`.
    fn calls(passed: &[(&str, &[&str])]) -> TemplateCalls {
        let mut calls = TemplateCalls::default();
        for (key, names) in passed {
            calls
                .by_key
                .entry(key.to_string())
                .or_default()
                .extend(names.iter().map(|n| n.to_string()));
        }
        calls
    }

    /// The mistakes in `files` (`(lang, text)`, each `locales/<lang>/main.ftl`; the first
    /// language is the default), one line each, as printed.
    fn mistakes(files: &[(&str, &str)], calls: Option<&TemplateCalls>) -> Vec<String> {
        let mut yaml = format!(
            "title: T\nbase_url: https://example.org/\ndefault_language: {}\nlanguages:\n",
            files[0].0
        );
        let mut seen = Vec::new();
        for (lang, _) in files {
            if !seen.contains(lang) {
                yaml.push_str(&format!("  - {{ code: {lang}, name: {lang} }}\n"));
                seen.push(lang);
            }
        }
        let config = Config::parse(&SourceText::new("site.yaml", yaml)).expect("valid config");
        let files = files
            .iter()
            .enumerate()
            .map(|(i, (lang, text))| {
                let name = if i > 0 && files[i - 1].0 == *lang {
                    "more.ftl"
                } else {
                    "main.ftl"
                };
                (
                    lang.to_string(),
                    PathBuf::from(format!("locales/{lang}/{name}")),
                    text.to_string(),
                )
            })
            .collect();
        let (locales, problems) = Locales::parse(&config, files);
        assert!(problems.is_empty(), "{problems:#?}");
        locales
            .check(calls)
            .iter()
            .map(|m| format!("[{} {}] {}", m.lang, m.key, m.diagnostic))
            .collect()
    }

    const COUNTS: &str = "\
story-count =
    { $count ->
        [one] one story
       *[other] { $cuont } stories
    }
";

    #[test]
    fn an_unknown_variable_is_reported_at_its_dollar_with_the_ones_passed() {
        let found = mistakes(
            &[("en", COUNTS)],
            Some(&calls(&[("story-count", &["count"])])),
        );
        assert_eq!(
            found,
            [
                "[en story-count] locales/en/main.ftl:4:19: error: the message `story-count` uses `$cuont`, which the pages never pass (help: the variables it may use are `$count`)"
            ]
        );
        // With two to choose from, the closest is suggested.
        let found = mistakes(
            &[("en", COUNTS)],
            Some(&calls(&[("story-count", &["count", "total"])])),
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].ends_with(
                "(help: the variables it may use are `$count` and `$total`; did you mean `$count`?)"
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn a_translation_may_use_what_the_pages_pass_even_where_the_source_does_not() {
        let files = [
            ("en", "heading = Stories\n"),
            (
                "fr",
                "heading = { $count ->\n    [one] Une histoire\n   *[other] { $count } histoires\n}\n",
            ),
        ];
        let passed = calls(&[("heading", &["count"])]);
        assert_eq!(mistakes(&files, Some(&passed)), Vec::<String>::new());

        let files = [
            ("en", "\nheading = Stories\n"),
            ("fr", "heading = Histoires ({ $n })\n"),
        ];
        assert_eq!(
            mistakes(&files, Some(&passed)),
            [
                "[fr heading] locales/fr/main.ftl:1:24: error: the message `heading` uses `$n`, which the pages never pass (help: the variables it may use are `$count` (the en message is at locales/en/main.ftl:2:1))"
            ]
        );
    }

    #[test]
    fn the_titles_the_renderer_formats_get_no_variables_and_unused_messages_are_not_checked() {
        // The renderer formats the page titles (`site-title`, `stories-title`…) without any;
        // a message nothing calls shows nowhere (or its template is missing, which the
        // template loader reports).
        let found = mistakes(
            &[(
                "en",
                "site-title = Testimony { $year }\nunused = { $anything } { named }\nnamed = { $x }\n",
            )],
            Some(&calls(&[])),
        );
        assert_eq!(
            found,
            [
                "[en site-title] locales/en/main.ftl:1:26: error: the message `site-title` uses `$year`, which the pages never pass (help: the pages pass no variables to `site-title`: remove `{ $year }`, or write the text without it)"
            ]
        );
    }

    #[test]
    fn the_messages_a_message_names_get_its_variables() {
        let text = "a = { b }\nb = Hello { $name }\nc = { d }\nd = Bye { $name }\n";
        let found = mistakes(
            &[("en", text)],
            Some(&calls(&[("a", &["name"]), ("c", &[])])),
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].starts_with(
                "[en d] locales/en/main.ftl:4:11: error: the message `d` uses `$name`"
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn without_the_templates_variables_are_not_checked_but_names_are() {
        let text = "a = { $anything } { nav-hom }\nnav-home = Home\n";
        assert_eq!(
            mistakes(&[("en", text)], None),
            [
                "[en a] locales/en/main.ftl:1:21: error: `nav-hom` is not a message in locales/en/ (help: did you mean `nav-home`?)"
            ]
        );
    }

    #[test]
    fn a_message_must_exist_in_its_own_language() {
        let files = [
            ("en", "nav-home = Home\nbrand-name = Testimony\n"),
            (
                "fr",
                "nav-home = Accueil\nabout = À propos de { brand-name }\nx = { nav-hom }\n",
            ),
        ];
        assert_eq!(
            mistakes(&files, None),
            [
                "[fr about] locales/fr/main.ftl:2:23: error: `brand-name` is not a message in locales/fr/ (help: `brand-name` is defined in locales/en/ (at locales/en/main.ftl:2:1), but a message can only use the messages of its own language: add `brand-name = …` to a file of locales/fr/)",
                "[fr x] locales/fr/main.ftl:3:7: error: `nav-hom` is not a message in locales/fr/ (help: did you mean `nav-home`?)",
            ]
        );
    }

    #[test]
    fn terms_attributes_and_functions_must_exist() {
        let text = "\
-brand = Testimony
about = { -brnad } { -site }
menu = Menu
    .label = Main menu
m1 = { menu.lable } { menu.title } { about.x }
only = 
    .title = Title
m2 = { only } { FOO($n) } { NUMBER(1) }
";
        let found = mistakes(&[("en", text)], None);
        assert_eq!(
            found,
            [
                "[en about] locales/en/main.ftl:2:11: error: `-brnad` is not a term in locales/en/ (help: did you mean `-brand`?)",
                "[en about] locales/en/main.ftl:2:22: error: `-site` is not a term in locales/en/ (help: define it with a line `-site = …` in a file of locales/en/, or correct the name)",
                "[en m1] locales/en/main.ftl:5:8: error: the message `menu` has no attribute `.lable` (help: did you mean `menu.label`?)",
                "[en m1] locales/en/main.ftl:5:23: error: the message `menu` has no attribute `.title` (help: its attributes are `.label`)",
                "[en m1] locales/en/main.ftl:5:38: error: the message `about` has no attribute `.x` (help: `about` has no attributes: write `{ about }` for its text, or add an indented line `.x = …` under it)",
                "[en m2] locales/en/main.ftl:8:8: error: the message `only` has no text of its own, only attributes (help: use one of its attributes, e.g. `{ only.title }`)",
                "[en m2] locales/en/main.ftl:8:17: error: `FOO` is not a function (help: the only function is NUMBER, e.g. `{ NUMBER($count) }`; to use another message, write its key without parentheses: `{ other-key }`)",
            ]
        );
    }

    #[test]
    fn a_term_shows_only_the_parameters_its_uses_pass() {
        let text = "\
-brand = { $case ->
    [genitive] Testimony's
   *[nominative] Testimony
}
-greeting = Hello { $who }
a = { -brand } { -brand(case: \"genitive\") } { -greeting }
";
        let found = mistakes(&[("en", text)], Some(&calls(&[("a", &[])])));
        assert_eq!(
            found,
            [
                "[en -greeting] locales/en/main.ftl:5:21: error: the term `-greeting` uses `$who`, which no use of it passes (help: inside a term, variables are only the values given where it is used: write `{ -greeting(who: \"…\") }` there, or remove `{ $who }`)"
            ]
        );
        let text = "-greeting = Hello { $who }\na = { -greeting(who: \"you\") }\n";
        assert_eq!(
            mistakes(&[("en", text)], Some(&calls(&[("a", &[])]))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn loops_are_reported_at_the_reference_that_closes_them() {
        let text = "\
a = { b }
b = { c }
c = { a }
self = x { self }
title = { title.short }
    .short = T
";
        assert_eq!(
            mistakes(&[("en", text)], None),
            [
                "[en c] locales/en/main.ftl:3:7: error: this reference closes a loop: `c` → `a` → `b` → `c` (help: such a loop could never be written out: remove one of these references, or write out its text instead)",
                "[en self] locales/en/main.ftl:4:12: error: `self` refers to itself (help: such a loop could never be written out: remove one of these references, or write out its text instead)",
            ]
        );
    }

    #[test]
    fn columns_are_counted_in_characters_and_problems_sorted_across_files() {
        let files = [
            ("en", "x = X\n"),
            ("ar", "\n\ncount = القصص { $x } { $n }\n"),
            ("ar", "y = { nope }\n"),
        ];
        let found = mistakes(&files, Some(&calls(&[("count", &["n"])])));
        let heads: Vec<&str> = found
            .iter()
            .map(|m| m.split(": error").next().unwrap_or(m))
            .collect();
        assert_eq!(
            heads,
            [
                "[ar count] locales/ar/main.ftl:3:17",
                "[ar y] locales/ar/more.ftl:1:7"
            ]
        );
    }

    #[test]
    fn reads_the_variables_of_t_calls_in_template_tags() {
        let mut calls = TemplateCalls::default();
        calls.scan(
            "<p>t(key=\"outside\", a=1)</p>\n\
             {{ t(key=\"counts\", count=n) }} {{ t( count = x == 1 , key = 'counts', total=y) }}\n\
             {% set label = t(key=\"label\", name=story.title | upper, s=\")\") %}\n\
             {# t(key=\"in-comment\", z=1) #}\n\
             {{ cat(key=\"cat\", w=1) }} {{ macros::t(key=\"macro\", v=1) }}\n\
             {{ t(key=\"outer\", inner=t(key=\"inner\", deep=1)) }}\n\
             {{ t(key=\"warning-\" ~ id, q=1) }} {{ t(key=k) }}\n",
        );
        let by_key: Vec<(String, Vec<String>)> = calls
            .by_key
            .iter()
            .map(|(k, v)| (k.clone(), v.iter().cloned().collect()))
            .collect();
        let pair = |k: &str, v: &[&str]| (k.to_string(), v.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            by_key,
            [
                pair("counts", &["count", "total"]),
                pair("inner", &["deep"]),
                pair("label", &["name", "s"]),
                pair("outer", &["inner"]),
            ]
        );
        assert_eq!(calls.any_key.iter().collect::<Vec<_>>(), ["q"]);
        // A computed key's arguments are allowed in every message.
        assert_eq!(
            calls.passed_to("label").into_iter().collect::<Vec<_>>(),
            ["name", "q", "s"]
        );
    }

    #[test]
    fn the_shipped_templates_pass_count_to_the_counts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let calls = TemplateCalls::read(root, "default").expect("the templates are readable");
        assert_eq!(
            calls
                .passed_to("story-count")
                .into_iter()
                .collect::<Vec<_>>(),
            ["count"]
        );
        assert_eq!(calls.passed_to("nav-home").len(), 0);
        assert_eq!(TemplateCalls::read(root, "no-such-theme"), None);
    }
}
