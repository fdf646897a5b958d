//! A parsed file with its front matter tree, so that a rule can point its message at the key or
//! value it is about.

use std::ops::Range;

use crate::content::SourceFile;
use crate::diagnostic::Diagnostic;
use crate::frontmatter::yaml::{Node, Step};

/// A parsed file with its front matter tree, to point messages at a key or value.
pub(super) struct Doc<'a> {
    pub file: &'a SourceFile,
    pub fields: &'a Node,
}

impl Doc<'_> {
    /// The place of the value at `path` in the front matter: the value itself, or its key
    /// when it is empty, or the deepest part of the path that exists.
    pub fn span(&self, path: &[Step]) -> Range<usize> {
        let mut node = self.fields;
        let mut best = node.span.start..node.span.start;
        for step in path {
            let next = match step {
                Step::Key(key) => node.entry(key).map(|(key, value)| {
                    let span = if value.is_null() {
                        key.span.clone()
                    } else {
                        value.span.clone()
                    };
                    (value, span)
                }),
                Step::Index(i) => node.item(*i).map(|value| (value, value.span.clone())),
            };
            match next {
                Some((value, span)) => {
                    node = value;
                    best = span;
                }
                None => break,
            }
        }
        best
    }

    pub fn error(&self, path: &[Step], message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(&self.file.source, self.span(path))
    }
}
