//! `build --out DIR` replaces only what a build wrote: never the site's folder, a folder
//! holding it or its sources, someone else's files only with `--force`, and staging folders
//! only when a build made them. And `base_url`, from site.yaml or `--base-url`, is a plain web
//! address.
//!
//! Relative `--out` paths are resolved from the folder testimony runs in, so every run here
//! sets it (never the repository, which is a site too). A test that points `--out` above a
//! site first puts the site inside a temporary folder of its own, so that a broken guard could
//! only ever reach a folder the test made.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{
    Page, Run, Site, assert_reported, copy_dir, edit_at, fails_and_keeps_output, repo, top_level,
};

/// The marker a build writes into its output.
const MARKER: &str = ".testimony-output";

/// Runs `testimony --root <root> <args>` from the folder `cwd`; returns the run and its exit
/// code.
fn run_in(cwd: &Path, root: &Path, args: &[&str]) -> (Run, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_testimony"))
        .current_dir(cwd)
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("running testimony");
    let code = output.status.code();
    (Run::from(output), code)
}

/// `testimony build ARGS` run from the site's folder.
fn build(site: &Site, args: &[&str]) -> (Run, Option<i32>) {
    let mut all = vec!["build"];
    all.extend(args);
    run_in(site.root(), site.root(), &all)
}

/// Every entry under `dir`: files with their bytes, folders, and links with their targets.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|entry| {
            let entry = entry.unwrap();
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let kind = entry.file_type();
            let what = if kind.is_symlink() {
                format!("link to {}", fs::read_link(entry.path()).unwrap().display())
            } else if kind.is_dir() {
                "folder".to_string()
            } else {
                format!("{:?}", fs::read(entry.path()).unwrap())
            };
            (rel, what)
        })
        .collect()
}

/// A copy of the `basic` fixture at `<temporary folder>/site`, so that its parent is the
/// test's own. Returns the temporary folder and the site's root.
fn nested_site() -> (tempfile::TempDir, PathBuf) {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    copy_dir(&repo().join("tests/fixtures/basic"), &root);
    for shared in ["themes", "locales"] {
        copy_dir(&repo().join(shared), &root.join(shared));
    }
    (outer, root)
}

/// Asserts that a run failed with exit code 1, before building anything, with an error that
/// contains each of `needles` (the folder named, and what to do).
fn assert_refused((run, code): &(Run, Option<i32>), needles: &[&str]) {
    assert_eq!(
        *code,
        Some(1),
        "expected exit code 1:\n{}\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        !run.stdout.contains("built "),
        "it built something:\n{}",
        run.stdout
    );
    run.assert_error(needles);
    assert!(
        run.stderr.contains("build failed: "),
        "no summary line:\n{}",
        run.stderr
    );
}

/// What every refusal of the site's own folders says to do.
const CHOOSE: &str = "choose an output folder that neither is nor holds the site's folder";
const OUTSIDE_SOURCES: &str =
    "choose an output folder outside content/, locales/, themes/, static/ and site.yaml";
const FORCE_CHANGES_NOTHING: &str = "--force does not change this";

#[test]
fn refuses_the_site_folder_and_its_sources_even_with_force() {
    let site = Site::fixture("basic");
    let root = site.root().canonicalize().unwrap();
    let root_text = root.to_string_lossy().into_owned();
    let cases: [(&str, &[&str]); 8] = [
        (".", &["`.`", "is the site's folder", CHOOSE]),
        (&root_text, &["is the site's folder", CHOOSE]),
        (
            "content",
            &["`content`", "is the site's `content/`", OUTSIDE_SOURCES],
        ),
        (
            "content/x",
            &[
                "`content/x`",
                "is inside the site's `content/`",
                OUTSIDE_SOURCES,
            ],
        ),
        (
            "locales",
            &["`locales`", "is the site's `locales/`", OUTSIDE_SOURCES],
        ),
        (
            "themes/default",
            &[
                "`themes/default`",
                "is inside the site's `themes/`",
                OUTSIDE_SOURCES,
            ],
        ),
        (
            "site.yaml",
            &["`site.yaml`", "is the site's `site.yaml`", OUTSIDE_SOURCES],
        ),
        (
            "content/stories/../../locales/en",
            &["is inside the site's `locales/`", OUTSIDE_SOURCES],
        ),
    ];
    for (out, needles) in cases {
        for force in [false, true] {
            let before = tree(site.root());
            let mut args = vec!["--out", out];
            if force {
                args.push("--force");
            }
            let run = build(&site, &args);
            assert_refused(&run, needles);
            assert_refused(&run, &[FORCE_CHANGES_NOTHING]);
            assert_eq!(tree(site.root()), before, "--out {out} changed the site");
        }
    }
    assert!(!site.exists("content/x"), "the refused folder was made");
    assert!(!site.exists("public"), "a refused build wrote its output");
}

#[test]
fn refuses_a_static_folder_at_the_root_when_there_is_one() {
    let site = Site::fixture("basic");
    site.write("static/CNAME", "testimony.example\n");
    let before = tree(site.root());
    let run = build(&site, &["--out", "static", "--force"]);
    assert_refused(
        &run,
        &["`static`", "is the site's `static/`", OUTSIDE_SOURCES],
    );
    assert_eq!(tree(site.root()), before);
}

#[test]
fn refuses_the_parent_of_the_site() {
    let (outer, root) = nested_site();
    fs::write(outer.path().join("unrelated.txt"), "someone's notes").unwrap();
    let before = tree(outer.path());
    for force in [false, true] {
        let mut args = vec!["build", "--out", ".."];
        if force {
            args.push("--force");
        }
        let run = run_in(&root, &root, &args);
        let holds = format!(
            "holds the site's folder `{}`",
            root.canonicalize().unwrap().display()
        );
        assert_refused(&run, &["`..`", &holds, CHOOSE, FORCE_CHANGES_NOTHING]);
        assert_eq!(tree(outer.path()), before, "--out .. changed something");
    }
}

#[cfg(unix)]
#[test]
fn refuses_a_link_to_the_site_folder() {
    let (outer, root) = nested_site();
    let link = outer.path().join("link");
    std::os::unix::fs::symlink(&root, &link).unwrap();
    let before = tree(outer.path());
    for out in ["../link", &link.to_string_lossy(), "../link/content"] {
        let run = run_in(&root, &root, &["build", "--out", out, "--force"]);
        let named = format!("`{out}`");
        assert_refused(&run, &[&named, FORCE_CHANGES_NOTHING]);
        assert_eq!(tree(outer.path()), before, "--out {out} changed something");
    }
}

#[cfg(unix)]
#[test]
fn refuses_a_folder_that_holds_a_linked_source() {
    // themes/ is a link to a shared folder: replacing that folder would delete the templates.
    let (outer, root) = nested_site();
    let shared = outer.path().join("shared");
    fs::create_dir_all(&shared).unwrap();
    fs::rename(root.join("themes"), shared.join("themes")).unwrap();
    std::os::unix::fs::symlink(shared.join("themes"), root.join("themes")).unwrap();
    let before = tree(outer.path());
    let run = run_in(&root, &root, &["build", "--out", "../shared", "--force"]);
    assert_refused(
        &run,
        &["`../shared`", "holds the site's `themes/`", OUTSIDE_SOURCES],
    );
    assert_eq!(tree(outer.path()), before);
}

#[test]
fn refuses_a_file_as_the_output_folder() {
    let site = Site::fixture("basic");
    site.write("notes.txt", "keep me");
    let before = tree(site.root());
    for force in [false, true] {
        let mut args = vec!["--out", "notes.txt"];
        if force {
            args.push("--force");
        }
        let run = build(&site, &args);
        assert_refused(
            &run,
            &[
                "`notes.txt`",
                "is a file, not a folder",
                "give --out a folder",
            ],
        );
        assert_eq!(tree(site.root()), before);
    }
}

#[test]
fn replaces_a_folder_of_someone_else_only_with_force() {
    let site = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("www");
    for (rel, text) in [
        ("CNAME", "testimony.example"),
        ("notes.txt", "mine"),
        ("drafts/a.md", "a"),
        ("zeta.txt", "z"),
        (".git/HEAD", "ref: refs/heads/main"),
    ] {
        let path = out.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let out_text = out.to_string_lossy().into_owned();
    let before = tree(elsewhere.path());

    let run = build(&site, &["--out", &out_text]);
    assert_refused(
        &run,
        &[
            &format!(
                "the output folder `{out_text}` holds files that testimony did not write: .git/, CNAME, drafts/, and 2 more"
            ),
            "choose another --out",
            "or pass --force to replace it",
        ],
    );
    assert_eq!(tree(elsewhere.path()), before, "the refused folder changed");

    let (run, code) = build(&site, &["--out", &out_text, "--force"]);
    assert_eq!(code, Some(0), "{}", run.stderr);
    assert!(!out.join("CNAME").exists(), "--force kept the old files");
    assert!(out.join("en/index.html").is_file());
    assert!(out.join(MARKER).is_file());
    // Beside the output: only the record of what the build read (see `build` in README.md).
    let entries: Vec<String> = fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".inputs"))
        .collect();
    assert_eq!(
        entries.len(),
        1,
        "a staging folder was left beside the output: {entries:?}"
    );
}

#[test]
fn an_empty_folder_is_built_into_without_force() {
    // `serve` builds into a new, empty temporary folder.
    let site = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let (run, code) = build(&site, &["--out", &elsewhere.path().to_string_lossy()]);
    assert_eq!(code, Some(0), "{}", run.stderr);
    let page = Page::parse(&fs::read_to_string(elsewhere.path().join("en/index.html")).unwrap());
    assert_eq!(page.attr("html", "lang"), "en");
}

#[test]
fn replaces_the_output_of_an_earlier_build_without_force() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(site.exists("public/en/about/index.html"));
    let marker = site.read(&format!("public/{MARKER}"));
    assert!(marker.starts_with("testimony output 2\n"), "{marker}");
    assert!(
        listed(&marker).contains(&"en/about/index.html"),
        "the marker does not list what was written:\n{marker}"
    );
    assert!(!listed(&marker).contains(&MARKER));

    site.remove("content/about.md");
    let (run, code) = build(&site, &[]);
    assert_eq!(code, Some(0), "{}", run.stderr);
    assert!(
        !site.exists("public/en/about/index.html"),
        "the page of the removed source is still there"
    );
    assert!(site.exists("public/en/index.html"));
    let marker = site.read(&format!("public/{MARKER}"));
    assert!(!listed(&marker).contains(&"en/about/index.html"));
}

/// The paths a marker lists: the last of its three fields (`sha256  size  path`).
fn listed(marker: &str) -> Vec<&str> {
    marker
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.splitn(3, "  ").nth(2))
        .collect()
}

#[test]
fn the_same_build_writes_the_same_marker() {
    let site = Site::fixture("basic");
    site.build_ok();
    let first = site.read(&format!("public/{MARKER}"));
    site.build_ok();
    assert_eq!(site.read(&format!("public/{MARKER}")), first);
}

#[test]
fn stops_at_files_added_to_an_earlier_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    site.write("public/CNAME", "testimony.example");
    site.write("public/en/notes.txt", "mine");
    let before = tree(site.root());
    let run = build(&site, &[]);
    assert_refused(
        &run,
        &[
            "holds files that the last build did not write: CNAME, en/notes.txt",
            "or pass --force",
        ],
    );
    assert_eq!(tree(site.root()), before);

    let (run, code) = build(&site, &["--force"]);
    assert_eq!(code, Some(0), "{}", run.stderr);
    assert!(!site.exists("public/CNAME"));
    assert!(site.exists("public/en/index.html"));
}

#[test]
fn cleans_a_staging_folder_left_by_an_interrupted_build() {
    let site = Site::fixture("basic");
    site.build_ok();
    let marker = site.read(&format!("public/{MARKER}"));
    site.write(&format!(".public.staging/{MARKER}"), &marker);
    site.write(".public.staging/en/half-written.html", "<p>");
    site.write(&format!(".public.old/{MARKER}"), &marker);
    site.write(".public.old/en/index.html", "old");
    let (run, code) = build(&site, &[]);
    assert_eq!(code, Some(0), "{}", run.stderr);
    assert!(!site.exists(".public.staging"));
    assert!(!site.exists(".public.old"));
    assert!(site.exists("public/en/index.html"));
}

#[test]
fn refuses_a_staging_folder_that_no_build_made() {
    for name in [".public.staging", ".public.old"] {
        let site = Site::fixture("basic");
        site.build_ok();
        site.write(&format!("{name}/keep.txt"), "someone's");
        let before = tree(site.root());
        for force in [false, true] {
            let args: &[&str] = if force { &["--force"] } else { &[] };
            let run = build(&site, args);
            assert_refused(
                &run,
                &[
                    &format!("/{name}` is in the way"),
                    "was not made by testimony, so it was left alone",
                    "delete `",
                ],
            );
            assert_eq!(tree(site.root()), before, "{name} or the output changed");
        }
    }
}

#[test]
fn refuses_a_bad_base_url_flag_and_writes_nothing() {
    let site = Site::fixture("basic");
    let entries = top_level(&site);
    for (value, why) in [
        ("javascript:alert(1)", "uses `javascript:`"),
        ("//evil.example/", "has no scheme"),
        ("ftp://x/", "uses `ftp:`"),
        ("https://x/ y", "contains a space"),
        ("/archive/", "is only a path"),
        (
            "https://user:pw@example.org/",
            "contains a user name or password",
        ),
        ("https://example.org/?q=1", "has a query"),
        ("https://example.org/#top", "has a fragment"),
    ] {
        let run = build(&site, &["--base-url", value]);
        let named = format!("`--base-url` `{value}` {why}");
        assert_refused(
            &run,
            &[&named, "starting with https://", "leave out --base-url"],
        );
        assert_eq!(
            top_level(&site),
            entries,
            "--base-url {value} wrote something"
        );
    }
}

#[test]
fn reports_a_bad_base_url_in_site_yaml_at_its_value() {
    for value in [
        "javascript:alert(1)",
        "//evil.example/",
        "ftp://x/",
        "https://x/ y",
        "/archive/",
    ] {
        let site = Site::fixture("basic");
        let mut at = (0, 0);
        let run = fails_and_keeps_output(&site, |site| {
            at = edit_at(
                site,
                "site.yaml",
                "base_url: https://fixture.example/archive/",
                &format!("base_url: {value}"),
                value,
            );
        });
        assert_eq!(at.0, 4, "the fixture's base_url moved");
        assert_reported(
            &run,
            "site.yaml",
            at,
            &[&format!("`base_url` `{value}`"), "starting with https://"],
        );
    }
}

#[test]
fn a_base_url_with_a_path_puts_every_link_under_it() {
    let site = Site::fixture("basic");
    let (run, code) = build(&site, &["--base-url", "https://example.org/sub"]);
    assert_eq!(code, Some(0), "{}", run.stderr);
    let page = site.html("en/index.html");
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        "https://example.org/sub/en/"
    );
    let links = page.attrs("a[href^='/']", "href");
    assert!(!links.is_empty());
    for link in links {
        assert!(link.starts_with("/sub/"), "{link} is not under /sub/");
    }
    for href in page.attrs("link[rel=stylesheet]", "href") {
        assert!(href.starts_with("/sub/static/"), "{href}");
    }
}

/// A second build with nothing changed leaves the output as it is, and says so; any change
/// to a source, an option or the output itself makes the next build run in full.
#[test]
fn a_build_with_nothing_changed_leaves_the_output_as_it_was() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = tree(&site.path("public"));
    let run = site.build_ok();
    assert!(
        run.stdout.contains("nothing changed since the last build"),
        "{}",
        run.stdout
    );
    assert_eq!(tree(&site.path("public")), before);
    // The sum is kept beside the output, not in it: the output stays the same bytes.
    assert!(site.exists(".public.inputs"));
    assert!(!site.read(&format!("public/{MARKER}")).contains("inputs"));

    // An edited source.
    site.edit("content/about.md", "About the fixture", "About us");
    let run = site.build_ok();
    assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    assert!(site.read("public/en/about/index.html").contains("About us"));
    // Another build date (embargoes and consent reviews are measured against it).
    let run = site.run(&["build", "--now", "2031-01-01"]);
    assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    let run = site.run(&["build", "--now", "2031-01-01"]);
    assert!(run.stdout.contains("nothing changed"), "{}", run.stdout);
    // A page of the output changed by hand is put right.
    fs::write(site.path("public/en/about/index.html"), "x").unwrap();
    let run = site.run(&["build", "--now", "2031-01-01"]);
    assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    assert!(site.read("public/en/about/index.html").contains("About us"));
}
