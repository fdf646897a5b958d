//! Minifying what a build writes: each page (HTML, with its inline CSS and JS) and the site
//! theme's stylesheets and scripts. What comes out is valid HTML, CSS and JavaScript as the
//! specifications write them (the Nu HTML Checker finds no error in a page), and the same
//! input always gives the same bytes.
//!
//! Pages go through minify-html's full parser with every option that may break the HTML
//! syntax left off: an attribute value holding `=`, a quote, `<`, `>` or a backquote stays
//! quoted, attributes stay apart by a space, the doctype stays `<!DOCTYPE html>`. The
//! rejected alternative was minify-html's one-pass variant, faster (it minifies in place
//! without building a tree) but with none of those options: it wrote `href=/x?v=1a2b` and
//! `class="a"id=b`, which browsers read but the syntax forbids, on every page. Closing tags
//! and the `<html>`/`<head>` opening tags are still left out where the syntax allows it.
//!
//! Stylesheets are minified by lightningcss and scripts by oxc, the two minifiers minify-html
//! itself uses for inline code, with its settings (oxc's safest compression, names mangled
//! only inside functions, so a theme's global names stay as they are).

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, SourceText};

/// Minifies an HTML page, with its inline CSS and JS (see the module's doc).
pub fn page(bytes: &[u8]) -> Vec<u8> {
    // The shipped theme keeps styles and scripts in files under static/; the CSS and JS
    // minifiers are slow, so they run only on pages that have inline `<style>` or `<script>`
    // (JSON-LD data has a `type` and is left alone).
    let has_code = contains(bytes, b"<style") || contains(bytes, b"<script>");
    let mut cfg = minify_html::Cfg::new();
    // Spec-compliant output: these are the defaults of `Cfg::new()`, written out so that a
    // change of defaults upstream cannot turn them on unseen.
    cfg.allow_noncompliant_unquoted_attribute_values = false;
    cfg.allow_removing_spaces_between_attributes = false;
    cfg.allow_optimal_entities = false;
    cfg.minify_doctype = false;
    cfg.minify_css = has_code;
    cfg.minify_js = has_code;
    minify_html::minify(bytes, &cfg)
}

/// Minifies a page template once, when the templates are loaded, so that the pages rendered
/// from it come out compact and need no minifying of their own: minifying every page took a
/// quarter of a build's CPU time.
///
/// Tera's tags (`{{ }}`, `{% %}`, `{# #}`) stand for what the HTML parser must not read. In
/// text, each is replaced by a placeholder (its number between two private-use characters);
/// an element's start tag that holds one (`<a href="{{ url }}"{% if x %} aria-current="page"{%
/// endif %}>`) is replaced whole by `<a` and a placeholder attribute, since minify-html sorts
/// attributes and would unquote a value it cannot see. After minifying, the tags, and those
/// start tags as written, are put back. Closing tags and the `<html>`/`<head>` opening tags
/// are kept, since what follows an element may differ from page to page. Returns `None`, and
/// the pages are minified one by one as before, when a tag is in a comment (which minifying
/// removes) or an end tag, or when a placeholder did not come out exactly once.
pub fn template(text: &str) -> Option<String> {
    let pieces = template_pieces(text)?;
    let mut marked = String::with_capacity(text.len());
    let mut at = 0;
    for (n, piece) in pieces.iter().enumerate() {
        marked.push_str(&text[at..piece.range.start]);
        match &piece.kind {
            Kind::Text => write_placeholder(&mut marked, TEXT, n),
            Kind::Start(name) => {
                marked.push('<');
                marked.push_str(name);
                marked.push(' ');
                write_placeholder(&mut marked, ATTRIBUTE, n);
                marked.push('>');
            }
            Kind::End => marked.push_str(DYNAMIC_END),
        }
        at = piece.range.end;
    }
    marked.push_str(&text[at..]);
    let mut cfg = minify_html::Cfg::new();
    cfg.allow_noncompliant_unquoted_attribute_values = false;
    cfg.allow_removing_spaces_between_attributes = false;
    cfg.allow_optimal_entities = false;
    cfg.minify_doctype = false;
    cfg.minify_css = false;
    cfg.minify_js = false;
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    let minified = String::from_utf8(minify_html::minify(marked.as_bytes(), &cfg)).ok()?;
    let mut out = String::with_capacity(minified.len() + text.len() / 2);
    let mut seen = vec![false; pieces.len()];
    // The end tags of elements named by a tag, in order: minifying keeps them in order.
    let mut ends = pieces.iter().filter(|p| p.kind == Kind::End);
    let mut rest = minified.as_str();
    while let Some(start) = rest.find([TEXT.0, ATTRIBUTE.0, '<']) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('<') {
            if let Some(after) = rest.strip_prefix(DYNAMIC_END) {
                out.push_str(&text[ends.next()?.range.clone()]);
                rest = after;
            } else {
                out.push('<');
                rest = &rest[1..];
            }
            continue;
        }
        let open = rest.chars().next()?;
        let close = if open == TEXT.0 { TEXT.1 } else { ATTRIBUTE.1 };
        let after = &rest[open.len_utf8()..];
        let end = after.find(close)?;
        let n: usize = after[..end].parse().ok()?;
        if std::mem::replace(seen.get_mut(n)?, true) {
            return None;
        }
        let piece = &pieces[n];
        rest = &after[end + close.len_utf8()..];
        match (&piece.kind, open) {
            (Kind::Text, o) if o == TEXT.0 => {}
            (Kind::Start(name), o) if o == ATTRIBUTE.0 => {
                // `<name ` before the placeholder and `>` after it make way for the start tag.
                let before = format!("<{name} ");
                if !out.ends_with(&before) {
                    return None;
                }
                out.truncate(out.len() - before.len());
                rest = rest.strip_prefix('>')?;
            }
            _ => return None,
        }
        out.push_str(&text[piece.range.clone()]);
    }
    out.push_str(rest);
    let all_seen = pieces
        .iter()
        .zip(&seen)
        .all(|(p, seen)| *seen || p.kind == Kind::End);
    (all_seen && ends.next().is_none()).then_some(out)
}

/// The name given to an element whose name is made by a tag (`<h{{ level }}>`) while it is
/// minified, and its end tag.
const DYNAMIC_NAME: &str = "x-tera";
const DYNAMIC_END: &str = "</x-tera>";

/// The placeholders' delimiters: of a tag in text, of a start tag.
const TEXT: (char, char) = ('\u{E000}', '\u{E001}');
const ATTRIBUTE: (char, char) = ('\u{E002}', '\u{E003}');

fn write_placeholder(out: &mut String, (open, close): (char, char), n: usize) {
    use std::fmt::Write as _;
    let _ = write!(out, "{open}{n}{close}");
}

/// What [`template`] hides from the minifier: a Tera tag in text, a start tag holding one, or
/// the end tag of an element named by one.
#[derive(Debug, PartialEq)]
struct Piece {
    range: std::ops::Range<usize>,
    kind: Kind,
}

#[derive(Debug, PartialEq)]
enum Kind {
    Text,
    /// A start tag, with the name the minifier sees.
    Start(String),
    End,
}

/// The end of the Tera tag starting at `i` in `text`, if one does.
fn tera_tag_end(text: &str, i: usize) -> Option<Option<usize>> {
    let close = match (text.as_bytes()[i], text.as_bytes().get(i + 1)) {
        (b'{', Some(b'{')) => "}}",
        (b'{', Some(b'%')) => "%}",
        (b'{', Some(b'#')) => "#}",
        _ => return Some(None),
    };
    // An unclosed tag: Tera has refused the template already.
    let end = i + 2 + text[i + 2..].find(close)? + 2;
    Some(Some(end))
}

/// The Tera tags in text and the start tags holding one, in order; `None` when a tag stands
/// in a comment or an end tag (see [`template`]).
fn template_pieces(text: &str) -> Option<Vec<Piece>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    // The end tag that ends the text of the `<script>` or `<style>` we are in, which is not HTML.
    let mut raw_until: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(end) = tera_tag_end(text, i)? {
            pieces.push(Piece {
                range: i..end,
                kind: Kind::Text,
            });
            i = end;
            continue;
        }
        if let Some(end_tag) = &raw_until {
            if text[i..].len() >= end_tag.len()
                && text[i..i + end_tag.len()].eq_ignore_ascii_case(end_tag)
            {
                raw_until = None;
            } else {
                i += 1;
                continue;
            }
        }
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if text[i..].starts_with("<!--") {
            let end = i + 4 + text[i + 4..].find("-->")? + 3;
            if text[i..end].contains(['{']) {
                return None;
            }
            i = end;
            continue;
        }
        let closing = bytes.get(i + 1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let name_end = text[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(bytes.len(), |n| name_start + n);
        // The tag's end: the first `>` outside a quoted value and outside a Tera tag.
        let mut j = name_end;
        let mut quote = None;
        let mut holds_tag = false;
        loop {
            let &b = bytes.get(j)?;
            if let Some(end) = tera_tag_end(text, j)? {
                holds_tag = true;
                j = end;
                continue;
            }
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if q == b => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let end = j + 1;
        let named_by_tag = tera_tag_end(text, name_end)?.is_some();
        let name = if named_by_tag {
            DYNAMIC_NAME.to_string()
        } else {
            text[name_start..name_end].to_ascii_lowercase()
        };
        match (holds_tag, closing) {
            (false, _) => {}
            (true, false) => pieces.push(Piece {
                range: i..end,
                kind: Kind::Start(name.clone()),
            }),
            (true, true) if named_by_tag => pieces.push(Piece {
                range: i..end,
                kind: Kind::End,
            }),
            (true, true) => return None,
        }
        if !closing && (name == "script" || name == "style") {
            raw_until = Some(format!("</{name}"));
        }
        i = end;
    }
    Some(pieces)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// What an asset is, by its name: only these are minified, anything else is copied as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Css,
    Js,
}

impl Code {
    /// `style.css` is CSS, `site.js` JavaScript; `site.mjs` (a module) and already minified
    /// files (`*.min.css`, `*.min.js`) are left alone.
    pub fn of(name: &str) -> Option<Code> {
        if name.ends_with(".min.css") || name.ends_with(".min.js") {
            None
        } else if name.ends_with(".css") {
            Some(Code::Css)
        } else if name.ends_with(".js") {
            Some(Code::Js)
        } else {
            None
        }
    }
}

/// Minifies a stylesheet or a classic script of the site theme. A file that does not parse is
/// an error at its line and column: browsers drop what they cannot read, so the theme's
/// author has a mistake to fix either way.
pub fn asset(code: Code, source: &Arc<SourceText>) -> Result<Vec<u8>, Diagnostic> {
    match code {
        Code::Css => stylesheet(source),
        Code::Js => script(source),
    }
}

fn stylesheet(source: &Arc<SourceText>) -> Result<Vec<u8>, Diagnostic> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let problem = |what: String, loc: Option<lightningcss::error::ErrorLocation>| {
        let diagnostic = Diagnostic::error(format!("this stylesheet cannot be read: {what}"))
            .with_help(
                "correct the CSS at this place (a browser would skip the rule); with `minify: false` in site.yaml the file is published as it is",
            );
        match loc {
            // lightningcss counts lines from 0 and columns from 1, in UTF-16 code units.
            Some(loc) => {
                let offset = utf16_offset(source, loc.line as usize + 1, loc.column as usize);
                diagnostic.at(source, offset..offset)
            }
            None => diagnostic.in_file(source.path.clone()),
        }
    };
    let options = ParserOptions {
        filename: crate::diagnostic::display_path(&source.path),
        ..ParserOptions::default()
    };
    let mut sheet =
        StyleSheet::parse(&source.text, options).map_err(|e| problem(e.kind.to_string(), e.loc))?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| problem(e.kind.to_string(), e.loc))?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| problem(e.kind.to_string(), e.loc))?;
    Ok(printed.code.into_bytes())
}

fn script(source: &Arc<SourceText>) -> Result<Vec<u8>, Diagnostic> {
    use oxc_allocator::Allocator;
    use oxc_codegen::{Codegen, CodegenOptions};
    use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, &source.text, SourceType::cjs()).parse();
    if let Some(error) = parsed.errors.first() {
        let offset = error
            .labels
            .as_ref()
            .and_then(|labels| labels.first())
            .map_or(0, |label| label.offset());
        return Err(Diagnostic::error(format!(
            "this script cannot be read: {}",
            error.message
        ))
        .with_help(
            "correct the JavaScript at this place (a browser would not run the file); with `minify: false` in site.yaml the file is published as it is",
        )
        .at(source, offset..offset));
    }
    let mut program = parsed.program;
    Minifier::new(MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::safest()),
    })
    .minify(&allocator, &mut program);
    // Comments are dropped too: minify-html keeps them, but the theme's notes are for its
    // authors, not for readers on slow connections.
    let code = Codegen::new()
        .with_options(CodegenOptions::minify())
        .build(&program)
        .code;
    Ok(code.into_bytes())
}

/// The byte offset of a 1-based line and a 1-based column counted in UTF-16 code units.
fn utf16_offset(source: &SourceText, line: usize, column: usize) -> usize {
    let start = source.line_offset(line);
    let rest = &source.text[start..];
    let mut units = 1;
    for (at, c) in rest.char_indices() {
        if units >= column || c == '\n' {
            return start + at;
        }
        units += c.len_utf16();
    }
    source.text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_of(body: &str) -> String {
        let html = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>{body}</body></html>"
        );
        String::from_utf8(page(html.as_bytes())).unwrap()
    }

    #[test]
    fn collapses_whitespace_and_minifies_inline_css() {
        let text = page_of("<p>  two   spaces  </p>\n\n<p>x</p>");
        assert!(text.contains("<p>two spaces<p>x"), "{text}");
        let text = page_of("<style>p  {  color :  red ; }</style><p>y</p>");
        assert!(text.contains("p{color:red}"), "{text}");
    }

    // The exact bytes are the contract here: what a browser makes of them is the same either
    // way, so only the text shows whether the syntax rules were kept.
    #[test]
    fn keeps_the_attribute_syntax_the_specification_writes() {
        let text = page_of(
            r#"<a href="/static/style.css?v=1a2b" class="a" id="b">x</a><img alt="it's" src="p.jpg"><p title="a&lt;b">y</p>"#,
        );
        assert!(
            text.starts_with("<!doctype html>") || text.starts_with("<!DOCTYPE html>"),
            "{text}"
        );
        assert!(
            text.contains(r#"href="/static/style.css?v=1a2b""#),
            "{text}"
        );
        // Two attributes are never run together, quoted or not.
        assert!(text.contains("class=a id=b"), "{text}");
        assert!(!text.contains("\"id="), "{text}");
        assert!(text.contains(r#"alt="it's""#), "{text}");
        assert!(!text.contains("title=a<b"), "{text}");
    }

    #[test]
    fn the_same_page_gives_the_same_bytes() {
        let html = "<!DOCTYPE html><html><head><title>t</title><style>a { color: red }</style></head><body><p>  x </p><script>let a = 1; console.log(a)</script></body></html>";
        assert_eq!(page(html.as_bytes()), page(html.as_bytes()));
    }

    #[test]
    fn a_page_that_is_not_well_formed_is_minified_all_the_same() {
        let text = page_of("<p>  a  </p></div></span>");
        assert!(text.contains("<p>a"), "{text}");
    }

    fn render_template(text: &str) -> String {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_template("t.html", text).unwrap();
        let mut context = tera::Context::new();
        context.insert(
            "stories",
            &[serde_json::json!({"url": "a?v=1", "title": "A & B"})],
        );
        context.insert("data", "{\"a\": 1}");
        tera.register_function(
            "t",
            |args: &std::collections::HashMap<String, tera::Value>| {
                Ok(tera::Value::from(format!(
                    "T:{}",
                    args["key"].as_str().unwrap()
                )))
            },
        );
        tera.render("t.html", &context).unwrap()
    }

    #[test]
    fn a_template_is_minified_with_its_tags_kept() {
        let source = "<ul class=\"list\">\n  {% for s in stories %}\n  <li>\n    <a href=\"{{ s.url }}\" aria-label=\"{{ t(key=\"go  to\") }}\">{{ s.title }}</a>\n  </li>\n  {% endfor %}\n</ul>\n<script type=\"application/ld+json\">{{ data | safe }}</script>\n<p>{{ t(key=\"a  b\") }}  {# a note #}</p>";
        let minified = template(source).expect("the tags are kept");
        // Whitespace between elements goes; closing tags stay (the next element may differ
        // from page to page).
        assert!(!minified.contains('\n'), "{minified}");
        assert!(!minified.contains(['\u{E000}', '\u{E002}']), "{minified}");
        assert!(minified.contains("</li>"), "{minified}");
        // Rendered, it is the page the source gives, minified: a start tag that held a tag is
        // as written, a tag's own text (`"go  to"`) is untouched, and whitespace next to a tag
        // is kept as one space (what the tag gives may be text).
        assert_eq!(
            render_template(&minified),
            r#"<ul class=list> <li><a href="a?v=1" aria-label="T:go  to">A &amp; B</a></li> </ul><script type=application/ld+json>{"a": 1}</script><p>T:a  b </p>"#
        );
        assert_eq!(template(&minified).as_deref(), Some(minified.as_str()));
    }

    #[test]
    fn a_start_tag_holding_a_tag_is_kept_as_written() {
        let source = "<nav>\n  <a class=\"x\" href=\"{{ s }}\"{% if on %} aria-current=\"page\"{% endif %}>{{ s }}</a>\n  <img src=\"p.jpg\" alt=\"\">\n</nav>";
        let minified = template(source).expect("minified");
        assert_eq!(
            minified,
            "<nav><a class=\"x\" href=\"{{ s }}\"{% if on %} aria-current=\"page\"{% endif %}>\u{E000}2\u{E001}</a><img alt src=p.jpg></nav>"
                .replace("\u{E000}2\u{E001}", "{{ s }}")
        );
    }

    #[test]
    fn an_element_named_by_a_tag_keeps_its_tags() {
        let source = "<div>\n<h{{ n }} class=\"t\">\n  <a href=\"{{ u }}\">x</a>\n</h{{ n }}>\n<p>y</p>\n</div>";
        let minified = template(source).expect("minified");
        assert_eq!(
            minified,
            "<div><h{{ n }} class=\"t\"> <a href=\"{{ u }}\">x</a> </h{{ n }}><p>y</p></div>"
        );
    }

    #[test]
    fn a_template_with_a_tag_in_a_comment_or_end_tag_is_left_to_the_pages() {
        assert_eq!(template("<p>a</p><!-- {{ x }} --><p>b</p>"), None);
        assert_eq!(template("<p>a</p {{ x }}>"), None);
        assert_eq!(template("<p>{{ x </p>"), None);
        let pieces = template_pieces("a {{ x }} <b title='{% y %}'>{# c #}{ d").unwrap();
        let ranges: Vec<_> = pieces.iter().map(|p| p.range.clone()).collect();
        assert_eq!(ranges, [2..9, 10..29, 29..36]);
        assert_eq!(pieces[1].kind, Kind::Start("b".into()));
    }

    #[test]
    fn minifies_a_stylesheet_and_a_script() {
        let css = SourceText::new(
            "themes/t/static/style.css",
            "/* a note */\n.card  {\n  margin-inline-start : 0px ;\n  color: #ff0000;\n}\n",
        );
        let out = String::from_utf8(asset(Code::Css, &css).unwrap()).unwrap();
        assert_eq!(out, ".card{color:red;margin-inline-start:0}");
        let js = SourceText::new(
            "themes/t/static/site.js",
            "// a note\nfunction show(element) {\n  const hidden = element.hidden;\n  element.hidden = !hidden;\n}\nwindow.show = show;\n",
        );
        let out = String::from_utf8(asset(Code::Js, &js).unwrap()).unwrap();
        assert!(
            !out.contains("a note") && !out.contains("hidden ="),
            "{out}"
        );
        // A global name stays: other scripts and the page may use it.
        assert!(out.contains("function show("), "{out}");
    }

    #[test]
    fn a_stylesheet_or_script_that_does_not_parse_is_an_error_at_its_place() {
        let css = SourceText::new(
            "themes/t/static/style.css",
            "a { color: red }\n\nb {{ x }\n",
        );
        let error = asset(Code::Css, &css).unwrap_err();
        let at = error.location.clone().unwrap();
        assert_eq!((at.line, error.is_error()), (3, true), "{error}");
        assert!(error.help.unwrap().contains("minify: false"));
        let js = SourceText::new("themes/t/static/site.js", "let a = 1;\nlet b = (;\n");
        let error = asset(Code::Js, &js).unwrap_err();
        let at = error.location.clone().unwrap();
        assert_eq!((at.line, at.column), (2, 10), "{error}");
    }

    #[test]
    fn only_plain_css_and_js_files_are_minified() {
        assert_eq!(Code::of("style.css"), Some(Code::Css));
        assert_eq!(Code::of("js/site.js"), Some(Code::Js));
        for name in [
            "vendor.min.js",
            "x.min.css",
            "font.woff2",
            "site.mjs",
            "a.json",
        ] {
            assert_eq!(Code::of(name), None, "{name}");
        }
    }
}
