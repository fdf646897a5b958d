//! `build --relative`: a copy of the site that works opened from a folder (`file://`, a USB
//! stick) and under any sub-path (an IPFS gateway's `/ipfs/<hash>/`), where the site's own
//! address is not known when it is built.
//!
//! Every address of the site is made root-absolute by [`crate::urls::Urls`]
//! (`/testimony/en/stories/x/`). For a relative build, each finished page and style sheet is
//! rewritten once more: every such address in an attribute that holds one (`href`, `src`,
//! `srcset`, `poster`, `action`) and every `url()` of a style sheet becomes an address from the
//! file's own folder, to a file (`../../stories/x/index.html`: a folder opened from `file://`
//! shows a listing, not its `index.html`). Query and fragment are kept.
//!
//! Doing it here, on the finished file, rather than in each template and in `Urls`, means that
//! a theme's own templates and the links editors write in Markdown are covered without knowing
//! of it, and the two kinds of build cannot drift. The pages are read by a real HTML tokenizer
//! (lol_html), so only attributes change: a script, a comment or text that looks like an
//! address is left as it is. Full addresses (`https://...`) are never rewritten: the canonical
//! link, hreflang alternates, `og:url`, the sitemap, the feeds and the JSON-LD must name the
//! site where it is published.
//!
//! The 404 pages are rewritten like the others, from their own place (`404.html`,
//! `en/404.html`). A host that serves a 404 page at the missing address, at any depth, cannot
//! serve a relative copy well (its links would be read from that depth): a copy meant for such
//! a host is built with `--base-url` for its address instead. See docs/mirrors.md.

use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::diagnostic::Diagnostic;

/// The attributes that hold an address (or, for `srcset`, a list of them).
const ADDRESS_ATTRIBUTES: [&str; 5] = ["href", "src", "poster", "action", "srcset"];

/// Rewrites the site's root-absolute addresses of a file into addresses from its own folder.
#[derive(Debug, Clone)]
pub struct Relative {
    /// The path every address of the site starts with: `/testimony/` or `/`.
    base_path: String,
}

impl Relative {
    /// For a site whose addresses start with `base_path` (see [`crate::urls::Urls::root`]).
    pub fn new(base_path: &str) -> Relative {
        let mut base_path = base_path.to_string();
        if !base_path.ends_with('/') {
            base_path.push('/');
        }
        Relative { base_path }
    }

    /// The address of `address` from the file at `from` (a path of the output folder), or
    /// `None` when it is not a root-absolute address of this site (a full address, another
    /// host's `//x`, an anchor, an address already relative).
    pub fn address(&self, from: &str, address: &str) -> Option<String> {
        if address.starts_with("//") {
            return None;
        }
        let rest = address.strip_prefix(self.base_path.as_str())?;
        let end = rest.find(['?', '#']).unwrap_or(rest.len());
        let (path, suffix) = rest.split_at(end);
        let mut target: Vec<&str> = path.split('/').collect();
        // A folder's address leads to its page; opened from a folder, only a file name does.
        if target.last().is_some_and(|last| last.is_empty()) {
            target.pop();
            target.push("index.html");
        }
        let mut folder: Vec<&str> = from.split('/').collect();
        folder.pop();
        let shared = folder
            .iter()
            .zip(&target[..target.len() - 1])
            .take_while(|(a, b)| a == b)
            .count();
        let mut relative = "../".repeat(folder.len() - shared);
        relative.push_str(&target[shared..].join("/"));
        relative.push_str(suffix);
        Some(relative)
    }

    /// A `srcset`: each candidate's address rewritten, its width or density kept.
    fn srcset(&self, from: &str, srcset: &str) -> Option<String> {
        let mut changed = false;
        let candidates: Vec<String> = srcset
            .split(',')
            .map(|candidate| {
                let trimmed = candidate.trim();
                let (address, descriptor) = trimmed
                    .split_once(char::is_whitespace)
                    .unwrap_or((trimmed, ""));
                match self.address(from, address) {
                    Some(rewritten) => {
                        changed = true;
                        if descriptor.is_empty() {
                            rewritten
                        } else {
                            format!("{rewritten} {}", descriptor.trim())
                        }
                    }
                    None => trimmed.to_string(),
                }
            })
            .collect();
        changed.then(|| candidates.join(", "))
    }

    /// A page of the output at `path`, its addresses rewritten.
    pub fn page(&self, path: &str, html: &str) -> Result<String, Diagnostic> {
        let handler = element!("[href], [src], [poster], [action], [srcset]", |el| {
            for name in ADDRESS_ATTRIBUTES {
                let Some(value) = el.get_attribute(name) else {
                    continue;
                };
                // The value is as written, entities kept: Tera escapes `/` as `&#x2F;`. Only
                // the slash is decoded (other entities, `&amp;` in a query, stay as written).
                let value = value.replace("&#x2F;", "/").replace("&#47;", "/");
                let rewritten = if name == "srcset" {
                    self.srcset(path, &value)
                } else {
                    self.address(path, value.trim())
                };
                if let Some(rewritten) = rewritten {
                    el.set_attribute(name, &rewritten)?;
                }
            }
            Ok(())
        });
        rewrite_str(
            html,
            RewriteStrSettings::new().append_element_content_handler(handler),
        )
        .map_err(|err| {
            Diagnostic::error(format!(
                "the page {path} could not be read to make its links relative: {err}"
            ))
            .with_help("build without --relative to see the page as the templates made it, and look in the site theme's templates for the markup around this error")
        })
    }

    /// A style sheet of the output at `path`, every `url()` of the site rewritten.
    pub fn style_sheet(&self, path: &str, css: &str) -> String {
        let mut out = String::with_capacity(css.len());
        let mut rest = css;
        while let Some(at) = rest.find("url(") {
            let (before, after) = rest.split_at(at + 4);
            out.push_str(before);
            let inner = after.trim_start();
            out.push_str(&after[..after.len() - inner.len()]);
            let quote = inner.chars().next().filter(|c| *c == '"' || *c == '\'');
            let body = &inner[quote.map_or(0, |_| 1)..];
            let end = match quote {
                Some(q) => body.find(q),
                None => body.find([')', ' ', '\t', '\n']),
            }
            .unwrap_or(body.len());
            if let Some(q) = quote {
                out.push(q);
            }
            let address = &body[..end];
            match self.address(path, address) {
                Some(rewritten) => out.push_str(&rewritten),
                None => out.push_str(address),
            }
            rest = &body[end..];
        }
        out.push_str(rest);
        out
    }

    /// Rewrites a file made in memory, if it is a page or a style sheet; other files (media,
    /// feeds, data, the sitemap) keep their full addresses.
    pub fn file(&self, path: &str, bytes: Vec<u8>) -> Result<Vec<u8>, Diagnostic> {
        let is_page = path.ends_with(".html");
        if !is_page && !path.ends_with(".css") {
            return Ok(bytes);
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            // Not UTF-8: not ours to read; it is written as it is.
            Err(err) => return Ok(err.into_bytes()),
        };
        if is_page {
            self.page(path, &text).map(String::into_bytes)
        } else {
            Ok(self.style_sheet(path, &text).into_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_relative_to_the_files_folder_and_end_in_a_file() {
        let r = Relative::new("/testimony/");
        let from = "en/stories/y/index.html";
        assert_eq!(
            r.address(from, "/testimony/en/stories/x/").as_deref(),
            Some("../x/index.html")
        );
        assert_eq!(
            r.address(from, "/testimony/ar/").as_deref(),
            Some("../../../ar/index.html")
        );
        assert_eq!(
            r.address(from, "/testimony/static/style.css?v=1a2b")
                .as_deref(),
            Some("../../../static/style.css?v=1a2b")
        );
        assert_eq!(
            r.address(from, "/testimony/en/stories/y/#t=70").as_deref(),
            Some("index.html#t=70")
        );
        assert_eq!(
            r.address("index.html", "/testimony/en/").as_deref(),
            Some("en/index.html")
        );
        assert_eq!(
            r.address("index.html", "/testimony/").as_deref(),
            Some("index.html")
        );
        // Not the site's root-absolute addresses: left alone.
        assert_eq!(r.address(from, "https://example.org/testimony/en/"), None);
        assert_eq!(r.address(from, "//cdn.example.org/testimony/x"), None);
        assert_eq!(r.address(from, "/other/x/"), None);
        assert_eq!(r.address(from, "#main"), None);
        assert_eq!(r.address(from, "../x/"), None);
    }

    #[test]
    fn at_the_hosts_root_every_root_absolute_address_is_the_sites() {
        let r = Relative::new("/");
        assert_eq!(
            r.address("en/about/index.html", "/media/x/clip%20%231.webm")
                .as_deref(),
            Some("../../media/x/clip%20%231.webm")
        );
    }

    #[test]
    fn pages_change_in_their_attributes_only() {
        let r = Relative::new("/t/");
        let html = r#"<link rel="canonical" href="https://x.org/t/en/"><a href="&#x2F;t&#x2F;en&#x2F;about&#x2F;">/t/en/about/</a><script>var a = "/t/en/";</script><!-- /t/x/ --><img srcset="/t/a.png 1x, /t/b.png 2x" src="/t/a.png"><video poster="/t/p.jpg"><track src="/t/c.vtt"></video>"#;
        let page = r.page("en/index.html", html).unwrap();
        let doc = scraper::Html::parse_fragment(&page);
        let attr = |selector: &str, name: &str| {
            let selector = scraper::Selector::parse(selector).unwrap();
            doc.select(&selector)
                .next()
                .and_then(|e| e.value().attr(name))
                .map(str::to_string)
        };
        assert_eq!(attr("link", "href").as_deref(), Some("https://x.org/t/en/"));
        assert_eq!(attr("a", "href").as_deref(), Some("about/index.html"));
        assert_eq!(
            attr("img", "srcset").as_deref(),
            Some("../a.png 1x, ../b.png 2x")
        );
        assert_eq!(attr("img", "src").as_deref(), Some("../a.png"));
        assert_eq!(attr("video", "poster").as_deref(), Some("../p.jpg"));
        assert_eq!(attr("track", "src").as_deref(), Some("../c.vtt"));
        assert!(page.contains(r#"var a = "/t/en/";"#), "{page}");
        assert!(page.contains("<!-- /t/x/ -->"), "{page}");
        assert!(page.contains(">/t/en/about/</a>"), "{page}");
    }

    #[test]
    fn style_sheets_change_in_their_urls() {
        let r = Relative::new("/t/");
        let css = "a{background:url(/t/static/a.png)} @font-face{src:url( \"/t/static/f.woff2\" ) format(\"woff2\"), url('x.woff')}";
        assert_eq!(
            r.style_sheet("static/style.css", css),
            "a{background:url(a.png)} @font-face{src:url( \"f.woff2\" ) format(\"woff2\"), url('x.woff')}"
        );
    }
}
