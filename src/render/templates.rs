//! The templates of a site's look (`themes/<site_theme>/templates/`), loaded once and checked
//! by Tera; the `isolate` filter they can use; and Tera's errors made diagnostics at the
//! template's file, line and column.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};

/// The templates of a site's look, loaded once.
pub struct Templates {
    /// Every template, parsed; each language's view clones it and registers its own `t()`.
    pub(super) tera: tera::Tera,
    /// Whether every template was minified when loaded (see [`Templates::load`]), so that the
    /// pages need no minifying of their own.
    compact: bool,
}

impl Templates {
    /// The parsed templates, for finding which templates each one uses.
    pub fn tera(&self) -> &tera::Tera {
        &self.tera
    }

    /// Whether the pages rendered from these templates come out minified already: with
    /// `minify` on, every template was minified when loaded. When one could not be (see
    /// [`crate::output::minify::template`]), each page is minified instead.
    pub fn pages_are_minified(&self) -> bool {
        self.compact
    }

    /// Loads every `*.html` template under `themes/<site_theme>/templates/`. With `minify`
    /// (site.yaml's `minify`, on by default), each one is minified once here rather than each
    /// page after it is rendered; Tera reads the templates as written first, so that its
    /// errors point at the lines the theme's author wrote.
    pub fn load(root: &Path, site_theme: &str, minify: bool) -> Result<Templates, Diagnostics> {
        let dir = root.join("themes").join(site_theme).join("templates");
        let rel = Path::new("themes").join(site_theme).join("templates");
        if !dir.is_dir() {
            return Err(Diagnostics::from_iter([Diagnostic::error(format!(
                "the site theme `{site_theme}` has no templates folder"
            ))
            .with_help(format!(
                "create {}/ with the templates, or set `site_theme` in site.yaml to a folder under themes/",
                crate::diagnostic::display_path(&rel)
            ))
            .in_file(crate::config::CONFIG_FILE)]));
        }
        let mut problems = Diagnostics::new();
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let name = crate::diagnostic::display_path(
                        entry.path().strip_prefix(&dir).unwrap_or(entry.path()),
                    );
                    let file_rel = rel.join(&name);
                    match std::fs::read(entry.path())
                        .map_err(|e| {
                            Diagnostic::error(format!("cannot read the template: {e}"))
                                .in_file(&file_rel)
                        })
                        .and_then(|b| crate::content::decode(&file_rel, b))
                    {
                        Ok(text) => files.push((name, text)),
                        Err(d) => problems.push(d),
                    }
                }
                Ok(_) => {}
                Err(err) => problems.push(
                    Diagnostic::error(format!("cannot read the templates: {err}")).in_file(&rel),
                ),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let mut tera = new_tera();
        if let Err(err) =
            tera.add_raw_templates(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            return Err(Diagnostics::from_iter([template_error(&err, &rel)]));
        }
        if !minify {
            return Ok(Templates {
                tera,
                compact: false,
            });
        }
        let mut compact = true;
        let minified: Vec<(&str, String)> = files
            .iter()
            .map(|(name, text)| {
                let small = name
                    .ends_with(".html")
                    .then(|| crate::output::minify::template(text))
                    .flatten();
                compact &= small.is_some() || !name.ends_with(".html");
                (name.as_str(), small.unwrap_or_else(|| text.clone()))
            })
            .collect();
        let mut small = new_tera();
        match small.add_raw_templates(minified.iter().map(|(n, t)| (*n, t.as_str()))) {
            Ok(()) => Ok(Templates {
                tera: small,
                compact,
            }),
            // Not seen: minifying keeps every tag. The templates as written are used then.
            Err(_) => Ok(Templates {
                tera,
                compact: false,
            }),
        }
    }
}

/// A Tera instance as the templates need it: values escaped in `.html` and `.xml` templates
/// (by [`escape`]), and the `isolate` filter.
fn new_tera() -> tera::Tera {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape);
    tera.register_filter("isolate", isolate_filter);
    tera
}

/// Escapes a value for HTML and XML text and attribute values, quoted with `"` or `'`: the
/// five characters that may end or start something there. Tera's own escaping also writes `/`
/// as `&#x2F;`, which no HTML or XML context needs: every address on a page came out as
/// `https:&#x2F;&#x2F;…`, which the per-page minifier used to undo.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The `isolate` filter of the templates: see [`isolate`].
fn isolate_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = tera::try_get_value!("isolate", "value", String, value);
    Ok(tera::Value::String(isolate(&text)))
}

/// Wraps a piece of user text in FIRST STRONG ISOLATE (U+2068) ... POP DIRECTIONAL ISOLATE
/// (U+2069), for the places where HTML cannot isolate it with an element and `dir`: the
/// `<title>` and `content` attributes of `<meta>`. Inside the isolate, the text takes the
/// direction of its first strong letter and cannot reorder what is around it: an Arabic title
/// next to ` · Testimony`, or a right-to-left override (U+202E) that would reverse the site's
/// name, both stay inside (the closing PDI ends every embedding and override opened after the
/// FSI). So that the text cannot close the isolate early with a PDI of its own, a PDI without an
/// isolate opened before it in the text is dropped, and isolates the text leaves open are
/// closed. Empty text stays empty.
fn isolate(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push('\u{2068}');
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            // LRI, RLI, FSI
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open += 1,
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.extend(std::iter::repeat_n('\u{2069}', open + 1));
    out
}

/// Turns a Tera error, with its chain of causes (which hold the template's name, line and
/// column), into a diagnostic.
pub(super) fn template_error(err: &tera::Error, dir: &Path) -> Diagnostic {
    let mut messages = vec![err.to_string()];
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        messages.push(c.to_string());
        cause = c.source();
    }
    let text = messages.join("\n");
    // Tera names the template in quotes: "Failed to parse 'story.html'".
    let name = text.split('\'').nth(1).unwrap_or_default();
    let help = if !name.is_empty() && text.contains(&format!("Template '{name}' not found")) {
        format!(
            "add the template {}: the site theme needs it (the shipped one is in themes/default/templates/)",
            crate::diagnostic::display_path(&dir.join(name))
        )
    } else {
        "fix the template; Tera's message above gives the line and column (--> line:column)".into()
    };
    let mut diagnostic =
        Diagnostic::error(format!("template error: {}", text.replace('\n', "\n  ")))
            .with_help(help);
    let line_col = text.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
    });
    if !name.is_empty() {
        let (line, column) = line_col.unwrap_or((1, 1));
        diagnostic = diagnostic.at_location(crate::diagnostic::Location {
            path: dir.join(name),
            line,
            column,
        });
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_where_html_needs_it_only() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jo' /en/</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39; /en/&lt;/a&gt;"
        );
        let mut tera = new_tera();
        tera.add_raw_template("t.html", r#"<a href="{{ u }}">{{ u }}</a>"#)
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("u", "https://x.example/a?b=1&c=\"2\"");
        assert_eq!(
            tera.render("t.html", &context).unwrap(),
            r#"<a href="https://x.example/a?b=1&amp;c=&quot;2&quot;">https://x.example/a?b=1&amp;c=&quot;2&quot;</a>"#
        );
    }

    #[test]
    fn isolate_wraps_text_in_first_strong_isolate() {
        assert_eq!(isolate("قصة"), "\u{2068}قصة\u{2069}");
        assert_eq!(isolate("Why I left"), "\u{2068}Why I left\u{2069}");
        assert_eq!(isolate(""), "");
    }

    #[test]
    fn isolate_keeps_an_override_inside() {
        // The closing PDI ends the override, so nothing after the isolate is reversed.
        assert_eq!(isolate("a\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
    }

    #[test]
    fn isolate_cannot_be_closed_early_by_the_text() {
        // A stray PDI would close the FSI and let the override after it out.
        assert_eq!(isolate("a\u{2069}\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
        // Isolates of the text's own are kept when balanced, closed when left open.
        assert_eq!(
            isolate("a\u{2067}b\u{2069}c"),
            "\u{2068}a\u{2067}b\u{2069}c\u{2069}"
        );
        assert_eq!(isolate("a\u{2066}b"), "\u{2068}a\u{2066}b\u{2069}\u{2069}");
    }

    #[test]
    fn the_isolate_filter_is_registered_and_escapes_after() {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.register_filter("isolate", isolate_filter);
        tera.add_raw_template("t.html", "<title>{{ t | isolate }}</title>")
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("t", "<b>");
        assert_eq!(
            tera.render("t.html", &context).unwrap(),
            "<title>\u{2068}&lt;b&gt;\u{2069}</title>"
        );
        context.insert("t", &3);
        assert!(tera.render("t.html", &context).is_err());
    }
}
