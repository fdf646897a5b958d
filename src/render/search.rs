//! Each language's search index: pagefind's indexing API, run in-process, over the stories
//! shown in that language, written beside the search page (`/<lang>/search/pagefind/`) like
//! any other rendered file.
//!
//! One record per story page, made as a small HTML document ([`record`]) from what that page
//! shows in the language: its title, summary and statement, then each line of the transcript
//! (the caption track the page selects) as a heading whose `id` is `t=<seconds>`. Pagefind
//! turns each heading with an id into a sub-result whose address is the page's with `#<id>`,
//! so a hit inside the transcript links to `/<lang>/stories/<slug>/#t=<seconds>`, the
//! moment of the video the story page's script seeks to. One record per story rather than one
//! per caption line keeps the index a reader downloads first (its page list) small.
//!
//! Only what the language's pages show is read: the stories of the assembled [`Site`], which
//! holds no draft, no withdrawn story and no `private:` field, through the same
//! missing-translation policy as the pages. Every text is folded by
//! [`crate::search::normalise_arabic`], as the search page folds the query. The title shown in a
//! result is the story's own, unfolded, given as pagefind metadata.
//!
//! Pagefind's API is async; it runs on a small tokio runtime made for the job, since a render
//! job runs on a rayon thread and the build has no runtime of its own.

use std::path::Component;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::OutputFile;
// Text for HTML content and attribute values, as the templates escape it.
use super::pages::Scope;
use super::templates::escape;
use crate::diagnostic::Diagnostic;
use crate::search::normalise_arabic;
use crate::site::Story;
use crate::urls::{Route, Urls};

/// The pagefind files a reader's browser never asks for: its prebuilt interfaces (the search
/// page has its own script) and their styles.
const UNUSED: &[&str] = &[
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// One page of the index: its address and the HTML pagefind reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The story page's address, `/<lang>/stories/<slug>/` (with the site's sub-path).
    pub url: String,
    /// The document pagefind indexes.
    pub html: String,
}

/// The records of the language of `s`: one per story shown in it, in the site's order.
pub fn records(s: &Scope) -> Vec<Record> {
    s.site
        .stories
        .iter()
        .filter_map(|story| record(s, story))
        .collect()
}

/// The record of `story` in the language of `s`, or `None` when it has no page there.
fn record(s: &Scope, story: &Story) -> Option<Record> {
    let localized = s.localized(&story.texts)?;
    let text = localized.text;
    let fold = |t: &str| escape(&normalise_arabic(t));
    let mut html = format!(
        "<html lang=\"{}\"><head><meta data-pagefind-meta=\"title[content]\" content=\"{}\"></head><body><h1>{}</h1><p>{}</p>",
        escape(s.code()),
        escape(&text.title),
        fold(&text.title),
        fold(&text.summary),
    );
    if let Some(statement) = &text.statement {
        html.push_str(&format!("<p>{}</p>", fold(statement)));
    }
    if let Some(track) = s.selected_track(story) {
        for cue in &track.captions.cues {
            let line = cue.plain_text();
            if line.trim().is_empty() {
                continue;
            }
            html.push_str(&format!(
                "<h2 id=\"t={}\">{}</h2>",
                seconds(cue.start.0),
                fold(&line)
            ));
        }
    }
    html.push_str("</body></html>");
    Some(Record {
        url: s.url(Route::Story(&story.slug)),
        html,
    })
}

/// Milliseconds as the seconds an address carries: `70`, `70.5`, `70.25`, as the story page's
/// script writes them.
fn seconds(ms: u64) -> String {
    let (whole, fraction) = (ms / 1000, ms % 1000);
    if fraction == 0 {
        return whole.to_string();
    }
    let fraction = format!("{fraction:03}");
    format!("{whole}.{}", fraction.trim_end_matches('0'))
}

/// The index of the language of `s`: pagefind's files (`pagefind.js`, its worker, the wasm,
/// the entry, meta, index chunks and fragments), under `<lang>/search/pagefind/`.
pub fn index(s: &Scope) -> Result<Vec<OutputFile>, Diagnostic> {
    let lang = s.code();
    let failed = |e: &dyn std::fmt::Display| {
        Diagnostic::error(format!("cannot make the search index of {lang}: {e}"))
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| failed(&e))?;
    let records = records(s);
    let files = runtime
        .block_on(async {
            let options = PagefindServiceConfig::builder()
                .force_language(lang.to_string())
                .build();
            let mut index = PagefindIndex::new(Some(options))?;
            for record in records {
                index
                    .add_html_file(None, Some(record.url), record.html)
                    .await?;
            }
            index.get_files().await
        })
        .map_err(|e| failed(&e))?;
    let dir = Urls::search_bundle_path(lang);
    let mut out: Vec<OutputFile> = files
        .into_iter()
        .filter_map(|file| {
            let name = bundle_name(&file.filename)?;
            (!UNUSED.contains(&name.as_str())).then(|| OutputFile {
                path: format!("{dir}/{name}"),
                bytes: file.contents,
            })
        })
        .collect();
    // Pagefind writes a wasm for the index's language and one for any other; the browser asks
    // for the second only when the first is missing, so it is left out when both are there
    // (about 60 KB per language that no reader downloads).
    let own = format!("{dir}/wasm.{lang}.pagefind");
    if out.iter().any(|f| f.path == own) {
        let unknown = format!("{dir}/wasm.unknown.pagefind");
        out.retain(|f| f.path != unknown);
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// A file's path inside pagefind's bundle folder (`pagefind.js`, `fragment/en_1a2b.pf_fragment`),
/// as `get_files` gives it: relative, with `/` separators; anything else is skipped.
fn bundle_name(path: &std::path::Path) -> Option<String> {
    let parts: Option<Vec<&str>> = path
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let parts = parts?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_written_as_the_story_page_reads_them() {
        assert_eq!(seconds(70_000), "70");
        assert_eq!(seconds(70_500), "70.5");
        assert_eq!(seconds(70_250), "70.25");
        assert_eq!(seconds(5), "0.005");
    }

    #[test]
    fn bundle_names_are_the_relative_paths_pagefind_gives() {
        let name = |p: &str| bundle_name(std::path::Path::new(p));
        assert_eq!(name("pagefind.js").as_deref(), Some("pagefind.js"));
        assert_eq!(
            name("fragment/en_1.pf_fragment").as_deref(),
            Some("fragment/en_1.pf_fragment")
        );
        assert_eq!(name("/x/other.js"), None);
        assert_eq!(name("../other.js"), None);
    }

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(
            escape("a <b> & \"c\" 'd'"),
            "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"
        );
    }
}
