//! Typed front matter from a [`Node`] tree: a serde `Deserializer` that knows where each value
//! was written, so that a wrong type is reported at the value itself and a missing field at its
//! group's key.
//!
//! Unknown fields are the mistake translators make most (copying a story's source into a
//! translation brings a dozen fields a translation may not have). serde stops at the first
//! one; this deserializer is handed each struct's field names, so it reports every unknown
//! field of the file at once, each with the closest allowed name, and goes on with the rest.

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::yaml::{Key, Node, Problem, Value};
use crate::diagnostic::closest;

/// A problem met while turning the tree into typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
    help: Option<String>,
    span: Option<Range<usize>>,
}

impl Error {
    fn new(message: impl Into<String>, help: &str, span: Range<usize>) -> Error {
        Error {
            message: message.into(),
            help: Some(help.to_string()),
            span: Some(span),
        }
    }

    /// Gives the error a place, unless a deeper value gave it one already.
    fn or_at(mut self, span: Range<usize>) -> Error {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }

    /// The error as a [`Problem`], at `fallback` if it has no place of its own.
    pub fn into_problem(self, fallback: Range<usize>) -> Problem {
        let help = self.help.unwrap_or_else(|| {
            if self.message.starts_with("missing field") {
                "add this field to the front matter; docs/content-format.md lists every field"
            } else if self.message.starts_with("invalid") {
                "check the value's form against docs/content-format.md (a list is written `[a, b]`)"
            } else {
                "check this value against docs/content-format.md"
            }
            .to_string()
        });
        Problem {
            message: self.message,
            help,
            span: self.span.unwrap_or(fallback),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            message: msg.to_string(),
            help: None,
            span: None,
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let help = match closest(variant, expected.iter().copied()) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!("write one of: {}", expected.join(", ")),
        };
        Error {
            message: format!("`{variant}` is not one of the values allowed here"),
            help: Some(help),
            span: None,
        }
    }
}

/// Reads `T` from `root`. Unknown fields are collected (every one, with a suggestion) and the
/// reading goes on; the first other problem ends it. Returns the value only if nothing was
/// wrong.
pub fn read<T: de::DeserializeOwned>(root: &Node) -> Result<T, Vec<Problem>> {
    let unknown = RefCell::new(Vec::new());
    let result = T::deserialize(De {
        node: root,
        key: None,
        unknown: &unknown,
    });
    let mut problems = unknown.into_inner();
    match result {
        Ok(value) if problems.is_empty() => Ok(value),
        Ok(_) => Err(problems),
        Err(err) => {
            // `titel:` gives "unknown field `titel`, did you mean `title`?" and then "missing
            // field `title`": the first says it all.
            let missing = err
                .message
                .strip_prefix("missing field ")
                .map(|name| format!("did you mean {name}?"));
            if !missing.is_some_and(|hint| problems.iter().any(|p| p.help == hint)) {
                problems.push(err.into_problem(root.span.start..root.span.start));
            }
            Err(problems)
        }
    }
}

/// Deserializes one node; `key` is the mapping key it stands under, if any.
struct De<'a> {
    node: &'a Node,
    key: Option<&'a Key>,
    unknown: &'a RefCell<Vec<Problem>>,
}

impl<'a> De<'a> {
    fn child(&self, node: &'a Node, key: Option<&'a Key>) -> De<'a> {
        De {
            node,
            key,
            unknown: self.unknown,
        }
    }

    fn span(&self) -> Range<usize> {
        self.node.span.clone()
    }

    /// Where to report a problem with the whole value: its key when it has one.
    fn key_span(&self) -> Range<usize> {
        self.key
            .map_or(self.node.span.start..self.node.span.start, |k| {
                k.span.clone()
            })
    }

    fn name(&self) -> String {
        self.key
            .map_or_else(|| "this value".to_string(), |k| format!("`{}`", k.text))
    }

    fn scalar(&self, expected: &str) -> Result<&'a str, Error> {
        match &self.node.value {
            Value::Scalar { .. } if self.node.is_null() => Err(Error::new(
                format!("{} is empty, but it needs {expected}", self.name()),
                "write the value after the colon, or remove the line",
                self.key_span(),
            )),
            Value::Scalar { text, .. } => Ok(text),
            _ => Err(Error::new(
                format!(
                    "invalid type: {} should be {expected}, not {}",
                    self.name(),
                    self.node.kind()
                ),
                "check the value's form against docs/content-format.md (a list is written `[a, b]`)",
                self.span(),
            )),
        }
    }

    fn number<N: std::str::FromStr>(&self, what: &str) -> Result<N, Error> {
        let text = self.scalar(what)?;
        text.trim().replace('_', "").parse().map_err(|_| {
            Error::new(
                format!(
                    "invalid value: {} should be {what}, not `{text}`",
                    self.name()
                ),
                "write digits only, e.g. 2014",
                self.span(),
            )
        })
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty => $what:literal),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                let span = self.span();
                let n: $ty = self.number($what)?;
                visitor.$visit(n).map_err(|e: Error| e.or_at(span))
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span();
        match &self.node.value {
            Value::Scalar { .. } if self.node.is_null() => visitor.visit_unit(),
            Value::Scalar { text, plain: true } => match text.as_str() {
                "true" | "True" | "TRUE" => visitor.visit_bool(true),
                "false" | "False" | "FALSE" => visitor.visit_bool(false),
                _ => match (text.parse::<i64>(), text.parse::<f64>()) {
                    (Ok(n), _) => visitor.visit_i64(n),
                    (_, Ok(x)) => visitor.visit_f64(x),
                    _ => visitor.visit_str(text),
                },
            },
            Value::Scalar { text, .. } => visitor.visit_str(text),
            Value::Sequence(_) => return self.deserialize_seq(visitor),
            Value::Mapping(_) => return self.deserialize_map(visitor),
        }
        .map_err(|e: Error| e.or_at(span))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span();
        let value = match self.scalar("`true` or `false`")? {
            "true" | "True" | "TRUE" => true,
            "false" | "False" | "FALSE" => false,
            other => {
                return Err(Error::new(
                    format!(
                        "invalid value: {} should be `true` or `false`, not `{other}`",
                        self.name()
                    ),
                    "write true or false",
                    span,
                ));
            }
        };
        visitor.visit_bool(value).map_err(|e: Error| e.or_at(span))
    }

    numbers! {
        deserialize_i8 visit_i8 i8 => "a whole number",
        deserialize_i16 visit_i16 i16 => "a whole number",
        deserialize_i32 visit_i32 i32 => "a whole number",
        deserialize_i64 visit_i64 i64 => "a whole number",
        deserialize_u8 visit_u8 u8 => "a whole number of 0 or more",
        deserialize_u16 visit_u16 u16 => "a whole number of 0 or more",
        deserialize_u32 visit_u32 u32 => "a whole number of 0 or more",
        deserialize_u64 visit_u64 u64 => "a whole number of 0 or more",
        deserialize_f32 visit_f32 f32 => "a number",
        deserialize_f64 visit_f64 f64 => "a number",
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span();
        visitor
            .visit_str(self.scalar("text")?)
            .map_err(|e: Error| e.or_at(span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.node.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span();
        match &self.node.value {
            Value::Sequence(items) => visitor
                .visit_seq(SeqDe {
                    items: items.iter(),
                    de: &self,
                })
                .map_err(|e: Error| e.or_at(span)),
            _ if self.node.is_null() => visitor
                .visit_seq(SeqDe {
                    items: [].iter(),
                    de: &self,
                })
                .map_err(|e: Error| e.or_at(span)),
            _ => Err(Error::new(
                format!(
                    "invalid type: {} should be a list, not {} (expected a sequence)",
                    self.name(),
                    self.node.kind()
                ),
                "check the value's form against docs/content-format.md (a list is written `[a, b]`)",
                span,
            )),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span();
        match &self.node.value {
            Value::Mapping(entries) => {
                let entries: Vec<&(Key, Node)> = entries.iter().collect();
                visitor
                    .visit_map(MapDe {
                        entries: entries.into_iter(),
                        value: None,
                        de: &self,
                    })
                    .map_err(|e: Error| e.or_at(self.key_span()))
            }
            _ if self.node.is_null() => visitor
                .visit_map(MapDe {
                    entries: Vec::new().into_iter(),
                    value: None,
                    de: &self,
                })
                .map_err(|e: Error| e.or_at(self.key_span())),
            _ => Err(Error::new(
                format!(
                    "invalid type: {} should be a group of `name: value` fields, not {}",
                    self.name(),
                    self.node.kind()
                ),
                "write each field on its own line, indented below, or as `{ name: value, ... }`",
                span,
            )),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let Value::Mapping(entries) = &self.node.value else {
            return self.deserialize_map(visitor);
        };
        let mut known = Vec::with_capacity(entries.len());
        for entry in entries {
            let (key, _) = entry;
            if fields.contains(&key.text.as_str()) {
                known.push(entry);
                continue;
            }
            if key.text.starts_with('\0') {
                continue; // a complex key, reported when the tree was read
            }
            let help = match closest(&key.text, fields.iter().copied()) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None if fields.is_empty() => "remove this field".to_string(),
                None => format!("the fields allowed here are: {}", fields.join(", ")),
            };
            self.unknown.borrow_mut().push(Problem {
                message: format!("unknown field `{}`", key.text),
                help,
                span: key.span.clone(),
            });
        }
        visitor
            .visit_map(MapDe {
                entries: known.into_iter(),
                value: None,
                de: &self,
            })
            .map_err(|e: Error| e.or_at(self.key_span()))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let span = self.span();
        let text = self.scalar("one of the allowed words")?;
        visitor
            .visit_enum(IntoDeserializer::<Error>::into_deserializer(text))
            .map_err(|e: Error| e.or_at(span))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct SeqDe<'a, 'b> {
    items: std::slice::Iter<'a, Node>,
    de: &'b De<'a>,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed.deserialize(self.de.child(node, None)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'a, 'b> {
    entries: std::vec::IntoIter<&'a (Key, Node)>,
    value: Option<&'a (Key, Node)>,
    de: &'b De<'a>,
}

impl<'de> de::MapAccess<'de> for MapDe<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some(entry) => {
                self.value = Some(entry);
                let key: &str = &entry.0.text;
                seed.deserialize(IntoDeserializer::<Error>::into_deserializer(key))
                    .map(Some)
                    .map_err(|e: Error| e.or_at(entry.0.span.clone()))
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some(entry) = self.value.take() else {
            return Err(de::Error::custom("a value without a key"));
        };
        seed.deserialize(self.de.child(&entry.1, Some(&entry.0)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::super::yaml;
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Video {
        file: Option<String>,
        duration: String,
    }

    #[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        Published,
        Draft,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Story {
        title: String,
        joined: Option<i32>,
        #[serde(default)]
        example: bool,
        #[serde(default)]
        themes: Vec<String>,
        video: Video,
        #[serde(default)]
        captions: BTreeMap<String, String>,
        status: Status,
        #[serde(default, rename = "private")]
        _private: de::IgnoredAny,
    }

    fn read_story(text: &str) -> Result<Story, Vec<Problem>> {
        let root = yaml::parse(text, 0)?;
        read(&root)
    }

    fn at(text: &str, problem: &Problem) -> String {
        text[problem.span.clone()].to_string()
    }

    const GOOD: &str = "title: A\njoined: 2014\nexample: true\nthemes: [a, b]\nvideo:\n  file: v.webm\n  duration: \"00:01:00\"\ncaptions: { en: a.vtt }\nstatus: draft\nprivate:\n  real_name: X\n  anything: [1, { deep: 2 }]\n";

    #[test]
    fn reads_typed_values() {
        let story = read_story(GOOD).unwrap();
        assert_eq!(story.title, "A");
        assert_eq!(story.joined, Some(2014));
        assert!(story.example);
        assert_eq!(story.themes, ["a", "b"]);
        assert_eq!(story.video.file.as_deref(), Some("v.webm"));
        assert_eq!(story.captions["en"], "a.vtt");
        assert_eq!(story.status, Status::Draft);
    }

    #[test]
    fn reports_every_unknown_field_at_once_with_suggestions() {
        let text = GOOD
            .replace("title: A\n", "titel: A\ntitle: A\npseudonim: B\n")
            .replace("  file:", "  fille:");
        let found = read_story(&text).unwrap_err();
        let names: Vec<String> = found.iter().map(|p| at(&text, p)).collect();
        assert_eq!(names, ["titel", "pseudonim", "fille"], "{found:?}");
        assert_eq!(found[0].help, "did you mean `title`?");
        assert_eq!(found[2].help, "did you mean `file`?");
    }

    #[test]
    fn a_wrong_type_points_at_the_value() {
        let text = GOOD.replace("themes: [a, b]", "themes: a");
        let found = read_story(&text).unwrap_err();
        assert_eq!(found.len(), 1);
        assert_eq!(at(&text, &found[0]), "a");
        assert!(
            found[0].message.contains("expected a sequence"),
            "{found:?}"
        );
        let text = GOOD.replace("joined: 2014", "joined: soon");
        let found = read_story(&text).unwrap_err();
        assert_eq!(at(&text, &found[0]), "soon");
    }

    #[test]
    fn a_missing_field_points_at_its_group() {
        let text = GOOD.replace("  duration: \"00:01:00\"\n", "");
        let found = read_story(&text).unwrap_err();
        assert_eq!(at(&text, &found[0]), "video");
        assert!(found[0].message.contains("missing field `duration`"));
        let text = GOOD.replace("status: draft\n", "");
        let found = read_story(&text).unwrap_err();
        assert!(found[0].message.contains("missing field `status`"));
        assert_eq!(found[0].span.start, 0);
    }

    #[test]
    fn an_unknown_word_suggests_the_allowed_one() {
        let text = GOOD.replace("status: draft", "status: publisehd");
        let found = read_story(&text).unwrap_err();
        assert_eq!(at(&text, &found[0]), "publisehd");
        assert_eq!(found[0].help, "did you mean `published`?");
    }

    #[test]
    fn an_empty_required_text_is_reported_at_its_key() {
        let text = GOOD.replace("title: A", "title:");
        let found = read_story(&text).unwrap_err();
        assert_eq!(at(&text, &found[0]), "title");
        assert!(found[0].message.contains("empty"), "{found:?}");
    }
}
