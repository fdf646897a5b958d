//! Drafts in the editors' preview: `serve --drafts` (the library's `BuildOptions::drafts`)
//! renders, lists and links the pages marked `status: draft`, each with a banner; `build`
//! never does, and a draft's `private:` block is never rendered either way.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{Page, Site, assert_reported, position};
use testimony::build::{self, BuildOptions};

const DRAFT: &str = "content/stories/draft-story/index.md";
/// The English text of `draft-banner` in locales/en/main.ftl.
const BANNER: &str = "Draft: this page is not published. Only you can see it, in the preview.";
/// What the draft keeps for editors only, and a draft translation's title.
const SECRETS: [&str; 3] = [
    "PRIVATE-NAME-OF-THE-DRAFT",
    "PRIVATE-PLACE-OF-THE-DRAFT",
    "real_name",
];
const DRAFT_TRANSLATION: &str = "BROUILLON-DE-LA-PAGE";

/// The basic fixture, with a `private:` block in its draft story and a draft French
/// translation of the About page.
fn site_with_drafts() -> Site {
    let site = Site::fixture("basic");
    site.edit(
        DRAFT,
        "status: draft\n",
        "status: draft\nprivate:\n  real_name: PRIVATE-NAME-OF-THE-DRAFT\n  forbidden: [PRIVATE-PLACE-OF-THE-DRAFT]\n",
    );
    site.write(
        "content/about.fr.md",
        format!("---\ntitle: {DRAFT_TRANSLATION}\nstatus: draft\n---\nUn texte pas encore relu.\n"),
    );
    site
}

/// Builds with the library into a fresh folder of its own, with drafts shown or not.
fn build_into(site: &Site, out: &Path, drafts: bool) {
    let mut options = BuildOptions::new(site.root());
    options.out = Some(out.to_path_buf());
    options.drafts = drafts;
    if let Err(problems) = build::build(&options) {
        panic!("the build failed:\n{}", problems.render(false));
    }
}

fn page(out: &Path, rel: &str) -> Page {
    let path = out.join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    Page::parse(&text)
}

/// Every file under `out`, relative, with its bytes.
fn files(out: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.expect("walking the output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The visible `role=status` elements of the main content: the draft banner (the player has a
/// hidden one of its own, shown only when the video cannot load).
fn banners(page: &Page) -> Vec<String> {
    page.select("main [role=status]:not([hidden])")
        .into_iter()
        .map(common::text_of)
        .collect()
}

#[test]
fn drafts_shown_are_rendered_with_a_banner_listed_and_keep_private_text_out() {
    let site = site_with_drafts();
    let out = tempfile::tempdir().expect("temporary folder");
    build_into(&site, out.path(), true);

    // The draft story, in every language (the fixture falls back to English), with the banner
    // at the top of the main content, before the story itself.
    let story = page(out.path(), "en/stories/draft-story/index.html");
    assert_eq!(banners(&story), [BANNER]);
    assert_eq!(story.text("h1"), "DRAFT-TITLE-DO-NOT-PUBLISH");
    let first = story.select("main .wrap > *");
    assert_eq!(
        first.first().and_then(|e| e.value().attr("role")),
        Some("status"),
        "the banner is not the first thing in the main content"
    );
    let arabic = page(out.path(), "ar/stories/draft-story/index.html");
    let banner = banners(&arabic);
    assert_eq!(banner.len(), 1, "no banner on the Arabic page");
    assert!(
        banner[0].starts_with("مسودة"),
        "not the Arabic text: {banner:?}"
    );
    assert_eq!(arabic.attr("html", "dir"), "rtl");

    // Listed and linked like a published story.
    let list = page(out.path(), "en/stories/index.html");
    let hrefs = list.attrs("main a", "href");
    assert!(
        hrefs
            .iter()
            .any(|h| h == "/archive/en/stories/draft-story/"),
        "the draft is not listed: {hrefs:?}"
    );
    // Its theme lists it too.
    let theme = page(out.path(), "en/themes/women/index.html");
    assert!(
        theme
            .attrs("main a", "href")
            .iter()
            .any(|h| h == "/archive/en/stories/draft-story/")
    );

    // A draft translation of a published page: the French page is the draft, with a banner;
    // the English source is published and has none.
    let french = page(out.path(), "fr/about/index.html");
    assert_eq!(french.text("h1"), DRAFT_TRANSLATION);
    assert_eq!(banners(&french).len(), 1);
    for rel in [
        "en/about/index.html",
        "en/stories/story-one/index.html",
        "en/stories/index.html",
        "en/index.html",
    ] {
        let published = page(out.path(), rel);
        assert!(published.select(".draft-banner").is_empty(), "{rel}");
        assert!(
            !banners(&published).iter().any(|b| b == BANNER),
            "{rel} has the draft banner"
        );
    }

    // The private block is never in the model, so no file carries it.
    let written = files(out.path());
    assert!(written.iter().any(|(rel, _)| rel.contains("draft-story")));
    for (rel, bytes) in &written {
        for secret in SECRETS {
            assert!(!contains(bytes, secret), "{rel} contains {secret}");
        }
    }
}

#[test]
fn build_never_shows_drafts_with_the_library_or_the_binary() {
    let site = site_with_drafts();
    let out = tempfile::tempdir().expect("temporary folder");
    build_into(&site, out.path(), false);
    site.build_ok();
    let public = site.path("public");
    for out in [out.path(), public.as_path()] {
        let written = files(out);
        assert!(
            written
                .iter()
                .any(|(rel, _)| rel == "en/stories/story-one/index.html"),
            "nothing was built in {}",
            out.display()
        );
        for (rel, bytes) in &written {
            assert!(!rel.contains("draft-story"), "published: {rel}");
            for secret in
                SECRETS
                    .iter()
                    .chain(&["DRAFT-TITLE-DO-NOT-PUBLISH", DRAFT_TRANSLATION, BANNER])
            {
                assert!(!contains(bytes, secret), "{rel} contains {secret}");
            }
            // The style sheet knows the banner; no page carries one.
            if rel.ends_with(".html") {
                assert!(!contains(bytes, "draft-banner"), "{rel} has a draft banner");
            }
        }
        // The French About page is the English text, shown as a fallback, not the draft.
        let french = page(out, "fr/about/index.html");
        assert_eq!(french.text("h1"), "About the fixture");
        assert!(french.select(".draft-banner").is_empty());
    }

    // `build` has no flag to show drafts: asking for one is refused, and nothing changes.
    let before = common::snapshot(&site);
    let run = site.run(&["build", "--drafts"]);
    assert!(!run.success, "build --drafts was accepted:\n{}", run.stdout);
    assert!(
        run.stderr.contains("--drafts"),
        "the refusal does not name the flag:\n{}",
        run.stderr
    );
    assert!(common::snapshot(&site) == before, "public/ changed");
}

#[test]
fn a_link_to_a_draft_resolves_only_when_drafts_are_shown() {
    let site = Site::fixture("basic");
    let link = "[the draft](@/stories/draft-story/index.md)";
    site.write(
        "content/about.md",
        format!("{}\nSee {link}.\n", site.read("content/about.md")),
    );
    let out = tempfile::tempdir().expect("temporary folder");
    build_into(&site, out.path(), true);
    let about = page(out.path(), "en/about/index.html");
    assert!(
        about
            .attrs("main a", "href")
            .iter()
            .any(|h| h == "/archive/en/stories/draft-story/"),
        "the link to the draft does not lead to it"
    );

    // Published, the link would lead nowhere: the build says where it is.
    let at = position(&site.read("content/about.md"), "[the draft]", 0);
    let run = site.build();
    assert_reported(
        &run,
        "content/about.md",
        at,
        &["`@/stories/draft-story/index.md` leads to no page", "help:"],
    );
    assert!(!site.exists("public/en/about/index.html"));
}

#[test]
fn serve_accepts_drafts_and_serves_the_draft_with_its_banner() {
    let site = site_with_drafts();
    // serve's temporary folder goes in one of the test's own, removed with it.
    let tmp = tempfile::tempdir().expect("temporary folder");
    let mut child = Command::new(env!("CARGO_BIN_EXE_testimony"))
        .arg("--root")
        .arg(site.root())
        .args(["serve", "--drafts", "--port", "0"])
        .env("NO_COLOR", "1")
        .env("TMPDIR", tmp.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting testimony serve");
    let stdout = child.stdout.take().expect("stdout");
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    // A debug build on shared cores: allow a generous, but bounded, wait.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = Vec::new();
    let port = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(line) = lines.recv_timeout(left) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "serve --drafts printed no serving line:\n{}",
                seen.join("\n")
            );
        };
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            let port: Option<u16> = rest.split('/').next().and_then(|p| p.parse().ok());
            break port;
        }
        seen.push(line);
    };
    let answer = port.map(|port| get(port, "/en/stories/draft-story/"));
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        seen.iter().any(|l| l.starts_with("built ")),
        "the first build did not succeed:\n{}",
        seen.join("\n")
    );
    let answer = answer.expect("a port number on the serving line");
    let (head, body) = answer
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("not an HTTP answer: {answer:?}"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(banners(&Page::parse(body)), [BANNER]);
    for secret in SECRETS {
        assert!(!body.contains(secret), "the page contains {secret}");
    }
}

/// One GET over a raw socket, every wait bounded; the whole answer as text.
fn get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connecting to serve");
    let wait = Some(Duration::from_secs(20));
    stream.set_read_timeout(wait).unwrap();
    stream.set_write_timeout(wait).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("reading the answer");
    String::from_utf8_lossy(&answer).into_owned()
}
