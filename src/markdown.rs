//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, and an `id` on
//! every heading so that sections can be linked to.
//!
//! Two decisions keep pages safe. Raw HTML written in Markdown is shown as text, not passed
//! through: an editor pasting an `<iframe>` or `<img src="https://...">` would otherwise make
//! every reader's browser contact a third party. Links written `@/path/to/file.md` are
//! internal links, resolved to the page's address in the reader's language; an unknown one is
//! an error, so that links between pages never break silently.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::diagnostic::{Diagnostic, SourceText};

/// Renders the Markdown in `range` of a source. `resolve` maps an internal link target
/// (`stories/x/index.md`, the part after `@/`) to its address.
pub fn render(
    source: &Arc<SourceText>,
    range: Range<usize>,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> (String, Vec<Diagnostic>) {
    let text = &source.text[range.clone()];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut problems = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    for (event, span) in Parser::new_ext(text, options).into_offset_iter() {
        let span = range.start + span.start..range.start + span.end;
        let event = match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match dest_url.strip_prefix("@/") {
                    Some(target) => {
                        let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
                        match resolve(path) {
                            Some(url) if anchor.is_empty() => CowStr::from(url),
                            Some(url) => CowStr::from(format!("{url}#{anchor}")),
                            None => {
                                problems.push(
                                    Diagnostic::error(format!("the link `@/{target}` leads to no page"))
                                        .with_help("internal links name a file under content/, e.g. `@/about.md` or `@/stories/my-story/index.md`")
                                        .at(source, span.clone()),
                                );
                                CowStr::from("#")
                            }
                        }
                    }
                    None => dest_url,
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                problems.push(
                    Diagnostic::error(format!("images in page text are not supported (`{dest_url}`)"))
                        .with_help("a story's picture is its video poster (`video: {{ poster: poster.jpg }}`); images from other sites would reveal readers to them")
                        .at(source, span),
                );
                event
            }
            other => other,
        };
        events.push(event);
    }
    add_heading_ids(&mut events);
    demote_headings(&mut events);
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    (out, problems)
}

/// The page's title is its only `<h1>`: a Markdown `# Heading` becomes `<h2>`, `##` `<h3>`, and
/// so on (`######` stays `<h6>`), so that editors' headings keep the outline readable for
/// screen readers.
fn demote_headings(events: &mut [Event]) {
    use pulldown_cmark::HeadingLevel::*;
    let demote = |level: pulldown_cmark::HeadingLevel| match level {
        H1 => H2,
        H2 => H3,
        H3 => H4,
        H4 => H5,
        H5 | H6 => H6,
    };
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => *level = demote(*level),
            Event::End(TagEnd::Heading(level)) => *level = demote(*level),
            _ => {}
        }
    }
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the page.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            for event in &events[i + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = slugify(&text);
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            used.insert(id.clone());
            if let Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) = std::mem::replace(&mut events[i], Event::SoftBreak)
            {
                events[i] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                });
            }
        }
        i += 1;
    }
}

/// An anchor from heading text: letters of any script are kept (Arabic headings get Arabic
/// anchors), everything else becomes `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The text of rendered HTML without tags, for summaries and search.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !out.ends_with(' ') => {
                out.push(' ');
            }
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> (String, Vec<Diagnostic>) {
        let source = SourceText::new("content/a.md", text);
        render(&source, 0..text.len(), &|path| {
            (path == "about.md").then(|| "/en/about/".to_string())
        })
    }

    #[test]
    fn gives_headings_unique_ids_one_level_below_the_page_title() {
        let (html, _) = md(
            "# Why I left\n\n## Why I left\n\n## Custom {#mine}\n\n## لماذا غادرت\n\n###### Six\n",
        );
        assert!(!html.contains("<h1"), "{html}");
        assert!(html.contains(r#"<h2 id="why-i-left">"#), "{html}");
        assert!(html.contains(r#"<h3 id="why-i-left-2">"#), "{html}");
        assert!(html.contains(r#"<h3 id="mine">"#), "{html}");
        assert!(html.contains(r#"<h3 id="لماذا-غادرت">"#), "{html}");
        assert!(html.contains(r#"<h6 id="six">Six</h6>"#), "{html}");
    }

    #[test]
    fn escapes_raw_html() {
        let (html, _) = md("<script>alert(1)</script>\n\nText <b>bold</b>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn resolves_internal_links_and_reports_broken_ones() {
        let (html, problems) = md("[a](@/about.md#team) [b](@/nowhere.md)\n");
        assert!(html.contains(r#"href="/en/about/#team""#), "{html}");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("content/a.md:1:22: error: the link `@/nowhere.md`"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn renders_tables_footnotes_and_strikethrough() {
        let (html, _) = md("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note.\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }
}
