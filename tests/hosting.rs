//! The files for hosts (issue 12, part 4): the 404 pages per language and at the root,
//! `robots.txt`, `_headers`, and the site's own `static/` folder copied to the output's root.

mod common;

use common::{Page, Site};

/// The fixture's base_url is `https://fixture.example/archive/`: every address is under it.
const BASE_PATH: &str = "/archive/";

/// The output file an address of the site leads to, if it is one: `/archive/en/` ->
/// `en/index.html`.
fn output_file_of(address: &str) -> Option<String> {
    let rest = address.strip_prefix(BASE_PATH)?;
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    if rest.is_empty() || rest.ends_with('/') {
        Some(format!("{rest}index.html"))
    } else {
        Some(rest.to_string())
    }
}

/// Asserts that every link of the page leads to a file of the output.
fn assert_links_resolve(site: &Site, page: &Page, what: &str) -> Vec<String> {
    let hrefs = page.attrs("a[href]", "href");
    assert!(!hrefs.is_empty(), "{what} has no links");
    for href in hrefs.iter().filter(|h| !h.starts_with('#')) {
        let file = output_file_of(href)
            .unwrap_or_else(|| panic!("{what} links to {href}, outside {BASE_PATH}"));
        assert!(
            site.exists(&format!("public/{file}")),
            "{what} links to {href}, which is no file of the output ({file})"
        );
    }
    hrefs
}

#[test]
fn each_language_has_a_404_page_in_it_linking_home_and_to_the_stories() {
    let site = Site::fixture("basic");
    site.build_ok();
    for (lang, dir, title) in [
        ("en", "ltr", "Page not found"),
        ("ar", "rtl", "الصفحة غير موجودة"),
        ("fr", "ltr", "Page introuvable"),
    ] {
        let page = site.html(&format!("{lang}/404.html"));
        assert_eq!(page.attr("html", "lang"), lang);
        assert_eq!(page.attr("html", "dir"), dir);
        assert_eq!(page.text("main h1"), title);
        assert_eq!(page.attr("meta[name=robots]", "content"), "noindex");
        let hrefs = assert_links_resolve(&site, &page, &format!("{lang}/404.html"));
        let links = page.attrs(".not-found-links a", "href");
        assert_eq!(
            links,
            [
                format!("{BASE_PATH}{lang}/"),
                format!("{BASE_PATH}{lang}/stories/")
            ]
        );
        // Served at any missing address, at any depth: no link may be relative.
        assert!(
            hrefs
                .iter()
                .all(|h| h.starts_with('/') || h.starts_with('#'))
        );
    }
}

#[test]
fn the_root_404_page_is_in_the_default_language_and_links_to_each_language_s_home() {
    let site = Site::fixture("basic");
    site.build_ok();
    let page = site.html("404.html");
    assert_eq!(page.attr("html", "lang"), "en");
    assert_eq!(page.attr("html", "dir"), "ltr");
    assert_eq!(page.text("main h1"), "Page not found");
    assert_links_resolve(&site, &page, "404.html");
    let homes = page.attrs(".language-list a", "href");
    assert_eq!(homes, ["/archive/en/", "/archive/ar/", "/archive/fr/"]);
    assert_eq!(page.attrs(".language-list a", "dir"), ["ltr", "rtl", "ltr"]);
    assert_eq!(page.attrs(".language-list a", "lang"), ["en", "ar", "fr"]);
}

#[test]
fn robots_txt_allows_all_and_names_the_sitemap_s_absolute_address() {
    let site = Site::fixture("basic");
    site.build_ok();
    let robots = site.read("public/robots.txt");
    let lines: Vec<&str> = robots.lines().collect();
    assert!(lines.contains(&"User-agent: *"), "{robots}");
    assert!(lines.contains(&"Allow: /"), "{robots}");
    assert!(!robots.contains("Disallow"), "{robots}");
    let sitemap: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("Sitemap: "))
        .collect();
    assert_eq!(sitemap, ["https://fixture.example/archive/sitemap.xml"]);
    // It is the address of the sitemap the build wrote.
    let file = output_file_of(sitemap[0].trim_start_matches("https://fixture.example"));
    assert_eq!(file.as_deref(), Some("sitemap.xml"));
    assert!(site.exists("public/sitemap.xml"));
}

/// The headers `_headers` gives the addresses matching `pattern`, as `(name, value)`.
fn headers_for(text: &str, pattern: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            inside = line == pattern;
            continue;
        }
        if inside {
            let (name, value) = line.trim().split_once(": ").expect("`Name: value`");
            found.push((name.to_string(), value.to_string()));
        }
    }
    found
}

#[test]
fn headers_give_every_address_the_policy_and_the_security_headers() {
    let site = Site::fixture("basic");
    site.build_ok();
    let text = site.read("public/_headers");
    let headers = headers_for(&text, "/*");
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} for /* in:\n{text}"))
    };
    assert_eq!(
        get("Content-Security-Policy"),
        testimony::render::hosting::content_security_policy()
    );
    let csp = get("Content-Security-Policy");
    for directive in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "media-src 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(
            csp.split("; ").any(|d| d == directive),
            "{directive} in {csp}"
        );
    }
    assert_eq!(get("X-Content-Type-Options"), "nosniff");
    assert_eq!(get("Referrer-Policy"), "no-referrer");
    assert_eq!(get("X-Frame-Options"), "DENY");
    let permissions = get("Permissions-Policy");
    for feature in ["camera=()", "microphone=()", "geolocation=()"] {
        assert!(permissions.contains(feature), "{permissions}");
    }
}

#[test]
fn the_policy_allows_what_the_shipped_pages_load_and_nothing_inline() {
    let site = Site::fixture("basic");
    site.build_ok();
    let page = site.html("en/stories/story-one/index.html");
    // Every script and style sheet is a file of the site ('self'); no inline script runs.
    for src in page.attrs("script[src]", "src") {
        assert!(src.starts_with(BASE_PATH), "{src}");
    }
    for script in page.select("script:not([src])") {
        assert_eq!(script.value().attr("type"), Some("application/ld+json"));
    }
    assert!(page.select("style, [style], iframe").is_empty());
    for href in page.attrs("link[rel=stylesheet]", "href") {
        assert!(href.starts_with(BASE_PATH), "{href}");
    }
}

#[test]
fn files_of_the_site_s_static_folder_are_copied_to_the_root_as_they_are() {
    let site = Site::fixture("basic");
    let favicon: Vec<u8> = (0..=255u8).rev().collect();
    let page = "<!DOCTYPE html>\n<html>  <p>  kept   as it is  </p>\n";
    site.write("static/CNAME", "testimony.example\n")
        .write(
            "static/.well-known/security.txt",
            "Contact: mailto:security@testimony.example\nExpires: 2030-01-01T00:00:00Z\n",
        )
        .write("static/favicon.ico", &favicon)
        .write("static/verify/google1234.html", page)
        .write("static/.DS_Store", "hidden")
        .write("static/img/.notes.txt", "hidden too")
        .write("static/.git/config", "not published");
    site.build_ok();
    for rel in [
        "CNAME",
        ".well-known/security.txt",
        "favicon.ico",
        "verify/google1234.html",
    ] {
        let source = std::fs::read(site.path(&format!("static/{rel}"))).unwrap();
        let copied = std::fs::read(site.path(&format!("public/{rel}")))
            .unwrap_or_else(|e| panic!("public/{rel}: {e}"));
        assert!(source == copied, "public/{rel} differs from static/{rel}");
    }
    let files = site.output_files();
    for hidden in [".DS_Store", "img/.notes.txt", ".git/config"] {
        assert!(!files.iter().any(|f| f == hidden), "{hidden} was published");
    }
    // Copied files are part of the build's own output: the next build replaces them.
    site.write("static/CNAME", "other.example\n");
    site.build_ok();
    assert_eq!(site.read("public/CNAME"), "other.example\n");
    site.remove("static/favicon.ico");
    site.build_ok();
    assert!(!site.exists("public/favicon.ico"));
}

#[test]
fn a_static_file_in_the_place_of_a_generated_one_is_reported_at_it() {
    let site = Site::fixture("basic");
    site.write("static/CNAME", "fine.example\n");
    let run = common::fails_and_keeps_output(&site, |site| {
        site.write("static/robots.txt", "User-agent: *\nDisallow: /\n")
            .write("static/en", "a file where the English pages go");
    });
    let block = common::the_block(&run, "static/robots.txt");
    assert!(block.starts_with("error"), "{block}");
    assert!(
        block.contains(
            "static/robots.txt:1:1: this file would replace the output's `robots.txt`, which testimony writes"
        ),
        "{block}"
    );
    assert!(
        block.contains("rename or remove static/robots.txt"),
        "{block}"
    );
    let block = common::the_block(&run, "static/en:");
    assert!(
        block.contains("static/en:1:1: this file is where testimony writes the folder `en/`"),
        "{block}"
    );
    assert_eq!(common::error_count(&run), 2, "{}", run.stderr);
}

#[test]
fn a_link_in_the_static_folder_is_refused() {
    let site = Site::fixture("basic");
    site.write("static/CNAME", "fine.example\n");
    let run = common::fails_and_keeps_output(&site, |site| {
        std::os::unix::fs::symlink(site.path("site.yaml"), site.path("static/settings.txt"))
            .unwrap();
    });
    let block = common::the_block(&run, "static/settings.txt");
    assert!(block.starts_with("error"), "{block}");
    assert!(block.contains("links are not followed"), "{block}");
    assert!(
        block.contains("copy the file or folder here instead"),
        "{block}"
    );
    assert!(!site.exists("public/settings.txt"));
}

#[test]
fn a_cname_left_in_the_output_folder_is_sent_to_static() {
    let site = Site::fixture("basic");
    site.write("public/CNAME", "testimony.example\n");
    let run = site.build();
    assert!(!run.success, "{}", run.stderr);
    let block = common::the_block(&run, "holds files that testimony did not write: CNAME");
    assert!(
        block.contains("belongs in the site's static/ folder, beside content/"),
        "{block}"
    );
    assert_eq!(site.read("public/CNAME"), "testimony.example\n");
    // Where it belongs, it is published.
    site.remove("public/CNAME")
        .write("static/CNAME", "testimony.example\n");
    site.build_ok();
    assert_eq!(site.read("public/CNAME"), "testimony.example\n");
}

#[test]
fn the_nginx_example_in_the_docs_sends_the_same_policy() {
    let docs = std::fs::read_to_string(common::repo().join("docs/hosting.md")).unwrap();
    let csp = testimony::render::hosting::content_security_policy();
    assert!(
        docs.contains(&format!(
            "add_header Content-Security-Policy \"{csp}\" always;"
        )),
        "docs/hosting.md's nginx example has another policy than {csp}"
    );
    assert!(docs.contains(&format!("Content-Security-Policy: {csp}\n")));
    for (name, value) in testimony::render::hosting::security_headers()
        .iter()
        .skip(1)
    {
        assert!(
            docs.contains(&format!("add_header {name} \"{value}\" always;")),
            "{name} in the nginx example"
        );
    }
}
