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
