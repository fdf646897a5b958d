//! The files for the host rather than the reader: `robots.txt` (crawlers may read everything,
//! and find the sitemap there) and `_headers` (the security headers, in the format Netlify and
//! Cloudflare Pages read), with the Content-Security-Policy in one place,
//! [`content_security_policy`], so that the nginx example in `docs/hosting.md`, a `<meta>`
//! policy or a per-page policy use the very same text.
//!
//! Both depend on site.yaml only (the base URL), which a preview rebuilds from scratch when it
//! changes, so their jobs have no other inputs.

use super::OutputFile;
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
/// - no frames (a YouTube video is a link to YouTube, not an embedded frame, even with
///   `allow_third_party: [youtube]`, so that reading a testimony tells YouTube nothing), no
///   plugins, no forms, no `<base>`, and no framing of the site by others.
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

/// The Content-Security-Policy of every page, as one header value: the [`CSP_DIRECTIVES`]
/// joined by `; `.
pub fn content_security_policy() -> String {
    CSP_DIRECTIVES
        .iter()
        .map(|(name, value)| format!("{name} {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The Content-Security-Policy of the search pages (`/<lang>/search/`): the site's, with
/// `'wasm-unsafe-eval'` added to `script-src`, since pagefind searches its index in
/// WebAssembly, which a browser compiles only when the policy allows it. It allows compiling
/// WebAssembly only, not `eval` of text; no other page has it, so that a page showing a
/// testimony can never run code made at run time.
pub fn search_content_security_policy() -> String {
    CSP_DIRECTIVES
        .iter()
        .map(|&(name, value)| match name {
            "script-src" => format!("{name} {value} 'wasm-unsafe-eval'"),
            _ => format!("{name} {value}"),
        })
        .collect::<Vec<_>>()
        .join("; ")
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
/// of Netlify and Cloudflare Pages, then, for each search page of `search_pages` (their
/// addresses, `/<lang>/search/`), a rule that detaches the site's policy (`! name`, as
/// Cloudflare Pages reads it) and gives [`search_content_security_policy`] instead: two
/// policies would both apply, and the stricter would keep the search from running. Other
/// hosts ignore the file (nginx: see `docs/hosting.md`).
pub fn headers(search_pages: &[String]) -> OutputFile {
    let mut text = String::from(
        "# Security headers, for hosts that read this file (Netlify, Cloudflare Pages).\n# Written by testimony: see docs/hosting.md for other hosts.\n/*\n",
    );
    for (name, value) in security_headers() {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    for page in search_pages {
        text.push_str(&format!(
            "{page}*\n  ! Content-Security-Policy\n  Content-Security-Policy: {}\n",
            search_content_security_policy()
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
        let site = content_security_policy();
        let search = search_content_security_policy();
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
        let headers = String::from_utf8(headers(&["/t/ar/search/".into()]).bytes).unwrap();
        assert!(headers.contains("/*\n  Content-Security-Policy: default-src 'none';"));
        assert!(headers.contains(&format!(
            "\n/t/ar/search/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {search}\n"
        )));
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
