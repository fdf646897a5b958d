//! The manifest a build writes (`.testimony-output`: every file with its SHA-256 and size) and
//! `testimony verify DIR`, which checks a copy of the output against it: what is missing,
//! changed, or not part of the build.
//!
//! The checksums are computed here with sha2 directly, over the files as they are on disk, not
//! through testimony's own code.

mod common;

use std::fs;
use std::process::Command;

use common::{Run, Site, assert_reported, repo, tree};
use sha2::{Digest, Sha256};

const MARKER: &str = ".testimony-output";

/// `testimony verify ARGS` run from the site's folder (so that `public` is shown as given);
/// the run and its exit code.
fn verify(site: &Site, args: &[&str]) -> (Run, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_testimony"))
        .current_dir(site.root())
        .arg("verify")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("running testimony");
    let code = output.status.code();
    (Run::from(output), code)
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The manifest's lines after its header and comments, each split into its three fields.
fn entries(manifest: &str) -> Vec<(String, u64, String)> {
    let mut lines = manifest.lines();
    assert_eq!(lines.next(), Some("testimony output 2"), "{manifest}");
    lines
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.splitn(3, "  ").collect();
            assert_eq!(fields.len(), 3, "not `sha256  size  path`: {line:?}");
            let size = fields[1].parse().unwrap_or_else(|_| panic!("{line:?}"));
            (fields[0].to_string(), size, fields[2].to_string())
        })
        .collect()
}

#[test]
fn the_manifest_lists_every_file_with_its_sha256_and_size() {
    let site = Site::fixture("basic");
    site.build_ok();
    let files = tree(&site.path("public"));
    let listed = entries(&site.read(&format!("public/{MARKER}")));
    let paths: Vec<&str> = listed.iter().map(|(_, _, p)| p.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "the manifest is not sorted by path");
    let on_disk: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| *p != MARKER)
        .collect();
    assert_eq!(
        paths, on_disk,
        "the manifest does not list exactly the output"
    );
    for (hex, size, path) in &listed {
        let bytes = &files[path];
        assert_eq!(*hex, sha256_hex(bytes), "{path}");
        assert_eq!(*size, bytes.len() as u64, "{path}");
    }
    // The video is summed while it is copied: its sum is that of the source.
    let video = fs::read(site.path("content/stories/story-one/video.webm")).unwrap();
    let (hex, _, _) = listed
        .iter()
        .find(|(_, _, p)| p.ends_with("story-one/video.webm"))
        .unwrap_or_else(|| panic!("no video listed: {paths:?}"));
    assert_eq!(*hex, sha256_hex(&video));
}

#[test]
fn two_builds_write_the_same_manifest() {
    let site = Site::fixture("basic");
    site.build_ok();
    let first = fs::read(site.path(&format!("public/{MARKER}"))).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("copy");
    let run = site.run(&["build", "--out", &out.to_string_lossy()]);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(fs::read(out.join(MARKER)).unwrap(), first);
    site.build_ok();
    assert_eq!(
        fs::read(site.path(&format!("public/{MARKER}"))).unwrap(),
        first
    );
}

#[test]
fn a_fresh_build_verifies() {
    let site = Site::fixture("basic");
    site.build_ok();
    let files = tree(&site.path("public")).len() - 1;
    let (run, code) = verify(&site, &["public"]);
    assert_eq!(code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "all {files} files listed in public/{MARKER} are there, unchanged, and nothing else is\n"
        )
    );
    let (run, code) = verify(&site, &["public", "--format", "json"]);
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["listed"], files);
    assert_eq!(json["problems"], serde_json::json!([]));
}

#[test]
fn reports_a_missing_a_changed_and_an_extra_file() {
    let site = Site::fixture("basic");
    site.build_ok();
    site.remove("public/en/about/index.html");
    let page = site.path("public/en/index.html");
    let mut bytes = fs::read(&page).unwrap();
    let listed_hex = sha256_hex(&bytes);
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    fs::write(&page, &bytes).unwrap();
    site.write("public/CNAME", "testimony.example");
    site.write("public/new/notes.txt", "mine");
    let before = tree(site.root());

    let (run, code) = verify(&site, &["public"]);
    assert_eq!(code, Some(1), "{}{}", run.stdout, run.stderr);
    let named: Vec<(&str, &str)> = run
        .stdout
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split_once(char::is_whitespace).unwrap())
        .map(|(kind, path)| (kind, path.trim()))
        .collect();
    assert_eq!(
        named,
        [
            ("extra", "CNAME"),
            ("missing", "en/about/index.html"),
            ("changed", "en/index.html"),
            ("extra", "new/notes.txt"),
        ],
        "{}",
        run.stdout
    );
    let found_hex = sha256_hex(&bytes);
    assert!(
        run.stdout.contains(&format!(
            "has the listed size ({} bytes) but other content: its SHA-256 is {found_hex}, the manifest lists {listed_hex}",
            bytes.len()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("in the folder, but not listed in the manifest"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("4 problems in public (2 of the ")
            && run.stdout.contains(": 1 missing, 1 changed, 2 extra\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("help: copy the site again"),
        "{}",
        run.stdout
    );
    assert_eq!(tree(site.root()), before, "verify changed the folder");

    let (run, code) = verify(&site, &["public", "--format", "json"]);
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(
        json["counts"],
        serde_json::json!({"missing": 1, "changed": 1, "extra": 2, "unreadable": 0})
    );
    let problems = json["problems"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p["problem"].as_str().unwrap(), p["path"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, named);
    let changed = &problems[2];
    assert_eq!(changed["listed"]["sha256"], listed_hex);
    assert_eq!(changed["found"]["sha256"], found_hex);
    assert_eq!(changed["found"]["size"], bytes.len());
}

#[test]
fn a_shorter_copy_is_reported_by_its_size() {
    let site = Site::fixture("basic");
    site.build_ok();
    let video = fs::read(site.path("content/stories/story-two/video.webm")).unwrap();
    let copied = tree(&site.path("public"))
        .into_keys()
        .find(|p| p.ends_with("story-two/video.webm"))
        .unwrap();
    site.write(&format!("public/{copied}"), &video[..video.len() - 1]);
    let (run, code) = verify(&site, &["public"]);
    assert_eq!(code, Some(1));
    assert!(
        run.stdout.contains(&format!(
            "changed    {copied}\n           is {} bytes, but the manifest lists {} bytes: an unfinished or altered copy\n",
            video.len() - 1,
            video.len()
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn a_folder_without_a_manifest_says_what_the_folder_should_be() {
    let site = Site::fixture("basic");
    for (dir, what) in [
        (".", "`.` holds no `.testimony-output` file"),
        ("public", "there is no folder `public`"),
        ("site.yaml", "`site.yaml` is a file, not a folder"),
    ] {
        let (run, code) = verify(&site, &[dir]);
        assert_eq!(code, Some(1), "{dir}: {}", run.stderr);
        run.assert_error(&[
            what,
            "help: give the top folder of a copy of the site, the one holding index.html and the `.testimony-output` file",
        ]);
        assert_eq!(run.stdout, "", "{dir}");
    }
}

#[test]
fn a_damaged_manifest_line_is_reported_at_its_line_and_column() {
    let site = Site::fixture("basic");
    site.build_ok();
    let rel = format!("public/{MARKER}");
    let text = site.read(&rel);
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    // The sixth listed file loses its size.
    let (hex, _, path) = entries(&text).swap_remove(5);
    let at = lines.iter().position(|l| l.ends_with(&path)).unwrap();
    lines[at] = format!("{hex}    {path}");
    site.write(&rel, lines.join("\n") + "\n");
    let (run, code) = verify(&site, &["public"]);
    assert_eq!(code, Some(1));
    assert_reported(
        &run,
        &rel,
        (at + 1, 67),
        &[
            "the manifest is damaged",
            "the size in bytes should follow, in digits",
            "help: copy the manifest again",
        ],
    );
}

#[test]
fn an_old_marker_is_replaced_by_a_build_but_cannot_be_verified() {
    let site = Site::fixture("basic");
    site.build_ok();
    let rel = format!("public/{MARKER}");
    let old: String = entries(&site.read(&rel))
        .into_iter()
        .map(|(_, _, path)| path + "\n")
        .collect();
    site.write(&rel, format!("testimony output 1\n{old}"));
    let (run, code) = verify(&site, &["public"]);
    assert_eq!(code, Some(1));
    assert_reported(
        &run,
        &rel,
        (1, 1),
        &[
            "written by an earlier version of testimony",
            "build the site again",
        ],
    );
    // The earlier build's output is still known as such: no --force needed.
    site.build_ok();
    let (run, code) = verify(&site, &["public"]);
    assert_eq!(code, Some(0), "{}{}", run.stdout, run.stderr);
}

#[test]
fn the_help_names_the_command() {
    let run = Run::from(
        Command::new(env!("CARGO_BIN_EXE_testimony"))
            .current_dir(repo())
            .arg("--help")
            .output()
            .unwrap(),
    );
    assert!(
        run.stdout.contains("verify") && run.stdout.contains("Check a copy of a built site"),
        "{}",
        run.stdout
    );
}
