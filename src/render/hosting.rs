//! The files for the host rather than the reader: `robots.txt` (crawlers may read everything,
//! and find the sitemap there) and `_headers` (the security headers, in the format Netlify and
//! Cloudflare Pages read), with the Content-Security-Policy in one place: [`CSP_DIRECTIVES`]
//! is the base policy of every page, and a [`PagePolicy`] says what one page adds to it, so
//! that the `<meta>` of each page, the `_headers` rules and the nginx example in
//! `docs/hosting.md` use the very same text.
//!
//! The policy is computed per page rather than one for the whole site because the exceptions
//! are per page: a story whose video is on YouTube may frame the privacy-enhanced YouTube
//! domain, and no other page may. One site-wide policy with that exception (the alternative)
//! would let every page frame YouTube. An exception is a field of [`PagePolicy`] and one line
//! in [`PagePolicy::additions`].
//!
//! `robots.txt` depends on site.yaml only (the base URL); `_headers` also on which stories show
//! a YouTube video in which language (`preview::inputs` says so).

use super::OutputFile;
use crate::site::{Story, Video};
use crate::urls::Urls;

/// Where `robots.txt` and `_headers` are written, at the output's root.
pub const ROBOTS_PATH: &str = "robots.txt";
/// See [`ROBOTS_PATH`].
pub const HEADERS_PATH: &str = "_headers";

/// The directives of the Content-Security-Policy, in the order they are written. What the
/// shipped theme needs, and nothing more:
/// - scripts, styles, fonts from the site itself (`site.js`, `style.css`), no inline script or
///   style (the JSON-LD `<script type="application/ld+json">` is data, not run, so it needs no
///   exception);
/// - pictures (posters) and media (videos, captions and chapters tracks) from the site;
///   `data:` pictures for the empty icon (`<link rel="icon" href="data:,">`) that keeps
///   browsers from asking the host's root for `/favicon.ico`;
/// - `connect-src 'self'` for the search index, which the search page fetches from the site;
/// - no frames (a story page with a YouTube video adds the privacy-enhanced YouTube domain,
///   see [`PagePolicy`]), no plugins, no forms, no `<base>`, and no framing of the site by
///   others (`frame-ancestors`, which browsers read in a header only: the `<meta>` policy
///   leaves it out, see [`PagePolicy::meta`]).
pub const CSP_DIRECTIVES: &[(&str, &str)] = &[
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("media-src", "'self'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
    ("frame-ancestors", "'none'"),
];

/// The origin a YouTube video is embedded from, after the reader asks for it: YouTube's
/// privacy-enhanced domain, which sets no cookie before the video is played.
pub const YOUTUBE_EMBED_ORIGIN: &str = "https://www.youtube-nocookie.com";

/// What one page adds to the base policy ([`CSP_DIRECTIVES`]): all `false` for nearly every
/// page. Each exception is a field here and one line in [`PagePolicy::additions`], so that a
/// page needing another changes nothing else.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PagePolicy {
    /// The page embeds a YouTube video when the reader asks for it: frames from
    /// [`YOUTUBE_EMBED_ORIGIN`].
    pub youtube: bool,
    /// The page runs WebAssembly: the search page, where pagefind searches its index in
    /// WebAssembly, which a browser compiles only when `script-src` has `'wasm-unsafe-eval'`.
    /// That allows compiling WebAssembly only, not `eval` of text, and no other page has it, so
    /// that a page showing a testimony can never run code made at run time.
    pub wasm: bool,
}

impl PagePolicy {
    /// The policy of a page with no exception.
    pub const BASE: PagePolicy = PagePolicy {
        youtube: false,
        wasm: false,
    };

    /// The policy of the search pages (`/<lang>/search/` and the index below them).
    pub const SEARCH: PagePolicy = PagePolicy {
        youtube: false,
        wasm: true,
    };

    /// The policy of a story's page: frames from YouTube when its video is there.
    pub fn of_story(story: &Story) -> Self {
        PagePolicy {
            youtube: matches!(story.video, Video::Youtube { .. }),
            ..PagePolicy::BASE
        }
    }

    /// The sources this page adds, as `(directive, source)`; a source replaces a directive's
    /// `'none'`, else it is appended.
    fn additions(&self) -> Vec<(&'static str, &'static str)> {
        let mut additions = Vec::new();
        if self.youtube {
            additions.push(("frame-src", YOUTUBE_EMBED_ORIGIN));
        }
        if self.wasm {
            additions.push(("script-src", "'wasm-unsafe-eval'"));
        }
        additions
    }

    /// The page's directives, in the order of [`CSP_DIRECTIVES`], with its additions.
    fn directives(&self) -> Vec<(&'static str, String)> {
        let additions = self.additions();
        CSP_DIRECTIVES
            .iter()
            .map(|&(name, base)| {
                let added = additions.iter().filter(|(n, _)| *n == name);
                let value = added.fold(base.to_string(), |value, (_, source)| {
                    if value == "'none'" {
                        source.to_string()
                    } else {
                        format!("{value} {source}")
                    }
                });
                (name, value)
            })
            .collect()
    }

    /// The policy as a header value: every directive joined by `; `.
    pub fn header(&self) -> String {
        join(self.directives().into_iter())
    }

    /// The policy for the page's `<meta http-equiv="Content-Security-Policy">`: the header's
    /// without `frame-ancestors`, which browsers ignore (and warn about) in a `<meta>`. The
    /// `<meta>` is what protects a page on a host that sends no header.
    pub fn meta(&self) -> String {
        join(
            self.directives()
                .into_iter()
                .filter(|(name, _)| *name != "frame-ancestors"),
        )
    }
}

fn join(directives: impl Iterator<Item = (&'static str, String)>) -> String {
    directives
        .map(|(name, value)| format!("{name} {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The Content-Security-Policy of a page with no exception, as one header value: the
/// [`CSP_DIRECTIVES`] joined by `; `.
pub fn content_security_policy() -> String {
    PagePolicy::BASE.header()
}

/// Every security header of the site, as `(name, value)`, in the order they are written: the
/// policy, and the headers that keep a reader's visit private and the pages unframed.
pub fn security_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", content_security_policy()),
        ("X-Content-Type-Options", "nosniff".into()),
        // No address of the site reaches the sites it links to: which testimony someone read
        // is theirs to tell.
        ("Referrer-Policy", "no-referrer".into()),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()".into(),
        ),
        // For browsers that do not know `frame-ancestors`.
        ("X-Frame-Options", "DENY".into()),
    ]
}

/// `robots.txt`: every crawler may read everything, and the sitemap is at its full address.
/// Crawlers read it only at a host's root: under a sub-path, the host's own must point here.
pub fn robots(urls: &Urls) -> OutputFile {
    let sitemap = urls.absolute(&urls.file(Urls::SITEMAP_PATH));
    OutputFile {
        path: ROBOTS_PATH.into(),
        bytes: format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n").into_bytes(),
    }
}

/// `_headers`: the [`security_headers`] for every address of the site (`/*`), in the format
/// of Netlify and Cloudflare Pages, then one block per page whose policy has an exception
/// (`pages`: its address from the host's root, and its policy), in the order given. Such a
/// block first detaches the site-wide policy (`! Content-Security-Policy`, Cloudflare Pages'
/// way), then gives the page's own: two policies would both apply, and the stricter wins.
/// Other hosts ignore the file (nginx: see `docs/hosting.md`).
pub fn headers(pages: &[(String, PagePolicy)]) -> OutputFile {
    let mut text = String::from(
        "# Security headers, for hosts that read this file (Netlify, Cloudflare Pages).\n# Written by testimony: see docs/hosting.md for other hosts.\n/*\n",
    );
    for (name, value) in security_headers() {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    for (address, policy) in pages.iter().filter(|(_, p)| *p != PagePolicy::BASE) {
        text.push_str(&format!(
            "{address}\n  ! Content-Security-Policy\n  Content-Security-Policy: {}\n",
            policy.header()
        ));
    }
    OutputFile {
        path: HEADERS_PATH.into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_the_site_itself_and_no_framing() {
        let csp = content_security_policy();
        assert!(csp.starts_with("default-src 'none'; script-src 'self'; "));
        assert!(csp.ends_with("; frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe"), "{csp}");
        assert!(!csp.contains("http"), "no other origin: {csp}");
    }

    #[test]
    fn only_the_search_policy_allows_webassembly_and_nothing_else_is_looser() {
        let site = PagePolicy::BASE.header();
        let search = PagePolicy::SEARCH.header();
        assert!(!site.contains("wasm"), "{site}");
        assert_eq!(
            search.replace(" 'wasm-unsafe-eval'", ""),
            site,
            "the search page's policy is the site's plus WebAssembly"
        );
        assert!(
            search.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{search}"
        );
        assert!(!search.contains("'unsafe-eval'"), "{search}");
        let pages = [("/t/ar/search/*".to_string(), PagePolicy::SEARCH)];
        let headers = String::from_utf8(headers(&pages).bytes).unwrap();
        assert!(headers.contains("/*\n  Content-Security-Policy: default-src 'none';"));
        assert!(headers.contains(&format!(
            "\n/t/ar/search/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {search}\n"
        )));
    }

    #[test]
    fn the_meta_policy_is_the_header_s_without_frame_ancestors() {
        let meta = PagePolicy::BASE.meta();
        assert_eq!(
            format!("{meta}; frame-ancestors 'none'"),
            PagePolicy::BASE.header()
        );
        assert!(!meta.contains("frame-ancestors"), "{meta}");
    }

    #[test]
    fn a_youtube_page_may_frame_only_the_privacy_enhanced_domain() {
        let youtube = PagePolicy {
            youtube: true,
            ..PagePolicy::BASE
        };
        let csp = youtube.header();
        assert!(
            csp.contains("; frame-src https://www.youtube-nocookie.com; "),
            "{csp}"
        );
        // Only the frame is allowed: no script, picture or connection to YouTube.
        assert_eq!(csp.matches("http").count(), 1, "{csp}");
        assert!(!csp.contains("www.youtube.com"), "{csp}");
        assert!(!PagePolicy::BASE.meta().contains("youtube"));
        assert!(
            youtube
                .meta()
                .contains("frame-src https://www.youtube-nocookie.com")
        );
    }

    #[test]
    fn headers_give_an_excepted_page_its_own_policy_in_place_of_the_site_s() {
        let pages = [
            (
                "/en/stories/a/".to_string(),
                PagePolicy {
                    youtube: true,
                    ..PagePolicy::BASE
                },
            ),
            ("/en/stories/b/".to_string(), PagePolicy::BASE),
        ];
        let text = String::from_utf8(headers(&pages).bytes).unwrap();
        let block = format!(
            "/en/stories/a/\n  ! Content-Security-Policy\n  Content-Security-Policy: {}\n",
            PagePolicy {
                youtube: true,
                ..PagePolicy::BASE
            }
            .header()
        );
        assert!(text.ends_with(&block), "{text}");
        assert!(!text.contains("/en/stories/b/"), "{text}");
    }

    #[test]
    fn robots_names_the_sitemap_at_its_full_address() {
        let file = robots(&Urls::new("https://example.org/testimony"));
        assert_eq!(file.path, "robots.txt");
        assert_eq!(
            String::from_utf8(file.bytes).unwrap(),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/testimony/sitemap.xml\n"
        );
    }
}
