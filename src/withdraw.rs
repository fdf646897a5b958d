//! `testimony withdraw SLUG`: a narrator took their story back. Sets `status: withdrawn` in the
//! story's `index.md`, changing only that value (every other byte, comments included, stays as
//! the editor wrote it: the place of the value comes from the YAML parser's span), and returns
//! the checklist of the copies this tool cannot reach: each platform of the story's consent,
//! and the mirrors. It builds nothing and deletes nothing: the next `build` leaves the story out
//! of every output, and the manifest of that build lets each mirror find what to delete.
//!
//! The front matter is read as YAML only, not as a story: a story with a mistake in it (an
//! unknown field, a missing video) must still be withdrawable at once.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, closest};
use crate::frontmatter::{self, yaml};

/// What `withdraw` did, and what is left for the editors to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawn {
    /// The story's `index.md`, from the site's root.
    pub path: PathBuf,
    /// The status it had (`None`: it had none); `withdrawn` when it already was.
    pub was: Option<String>,
    /// The story's consent platforms: name and, when recorded, address.
    pub platforms: Vec<(String, Option<String>)>,
}

impl Withdrawn {
    /// The checklist, for the terminal.
    pub fn to_text(&self) -> String {
        let path = crate::diagnostic::display_path(&self.path);
        let mut out = match self.was.as_deref() {
            Some("withdrawn") => format!("{path}: already `status: withdrawn`; nothing changed\n"),
            Some(was) => format!("{path}: `status: {was}` is now `status: withdrawn`\n"),
            None => format!("{path}: `status: withdrawn` added\n"),
        };
        out.push_str(
            "\nThe next `testimony build` leaves the story out of every page, list, count, feed, \
             the sitemap, the open data and the media of this site. Nothing was built or deleted yet.\n\
             \nCopies this tool cannot reach, to take down now:\n",
        );
        let (with_url, without): (Vec<_>, Vec<_>) =
            self.platforms.iter().partition(|(_, url)| url.is_some());
        for (name, url) in &with_url {
            out.push_str(&format!(
                "  [ ] {name}: {}\n",
                url.as_deref().unwrap_or_default()
            ));
        }
        for (name, _) in &without {
            out.push_str(&format!(
                "  [ ] {name}: no address recorded; find the copy and take it down by hand\n"
            ));
        }
        if self.platforms.is_empty() {
            out.push_str("  (the story's consent lists no platform: check where it was shared)\n");
        }
        out.push_str(
            "  [ ] mirrors: once each copy is updated from the new build, run `testimony verify DIR` \
             against it; it lists every file of the story still there as not part of the build\n\
             \nThe status written in the translation files (index.<lang>.md) does not matter: \
             index.md decides for every language.\n",
        );
        out
    }
}

/// Sets `status: withdrawn` in `content/stories/<slug>/index.md` of the site at `root`.
pub fn withdraw(root: &Path, slug: &str) -> Result<Withdrawn, Diagnostics> {
    let fail = |d: Diagnostic| Diagnostics::from_iter([d]);
    let stories = root.join("content/stories");
    let rel = PathBuf::from("content/stories").join(slug).join("index.md");
    let path = root.join(&rel);
    if slug.is_empty() || slug.contains(['/', '\\']) || slug.starts_with('.') || !path.is_file() {
        let slugs = std::fs::read_dir(&stories)
            .map(|entries| {
                let mut slugs: Vec<String> = entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.path().join("index.md").is_file())
                    .filter_map(|e| e.file_name().to_str().map(str::to_string))
                    .collect();
                slugs.sort();
                slugs
            })
            .unwrap_or_default();
        let help = match closest(slug, slugs.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "give the name of the story's folder under content/stories/".to_string(),
        };
        return Err(fail(
            Diagnostic::error(format!("there is no story `{slug}`")).with_help(help),
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        fail(Diagnostic::error(format!("cannot read the story: {e}")).in_file(rel.clone()))
    })?;
    // The byte-order mark, if any, is kept in front of the text the offsets count in.
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let text = crate::content::decode(&rel, bytes.clone()).map_err(fail)?;
    let source: Arc<SourceText> = SourceText::new(rel.clone(), text.as_str());
    let split = frontmatter::split(&source).map_err(fail)?;
    let tree = yaml::parse(&text[split.yaml.clone()], split.yaml.start).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| {
                Diagnostic::error(p.message)
                    .with_help(p.help)
                    .at(&source, p.span)
            })
            .collect::<Diagnostics>()
    })?;
    let status = tree.get("status");
    let was = status.and_then(|node| match &node.value {
        yaml::Value::Scalar { text, .. } => Some(text.trim().to_string()),
        _ => None,
    });
    let edited = match status {
        Some(_) if was.as_deref() == Some("withdrawn") => None,
        Some(node) if node.is_null() => Some(splice(
            &bytes,
            bom,
            node.span.end..node.span.end,
            " withdrawn",
        )),
        Some(node) => Some(splice(&bytes, bom, node.span.clone(), "withdrawn")),
        None => {
            let end = split.yaml.end;
            let line = if text[..end].ends_with('\n') {
                "status: withdrawn\n"
            } else {
                "\nstatus: withdrawn\n"
            };
            Some(splice(&bytes, bom, end..end, line))
        }
    };
    if let Some(edited) = edited {
        std::fs::write(&path, edited).map_err(|e| {
            fail(Diagnostic::error(format!("cannot write the story: {e}")).in_file(rel.clone()))
        })?;
    }
    Ok(Withdrawn {
        path: rel,
        was,
        platforms: platforms(&tree),
    })
}

/// `bytes` with `range` of the decoded text (`bom` bytes after the file's start) replaced.
fn splice(bytes: &[u8], bom: usize, range: std::ops::Range<usize>, with: &str) -> Vec<u8> {
    let (start, end) = (range.start + bom, range.end + bom);
    [&bytes[..start], with.as_bytes(), &bytes[end..]].concat()
}

/// The `consent: platforms:` entries as written: name and address.
fn platforms(tree: &yaml::Node) -> Vec<(String, Option<String>)> {
    let scalar = |node: Option<&yaml::Node>| match node.map(|n| &n.value) {
        Some(yaml::Value::Scalar { text, .. }) if !text.trim().is_empty() => {
            Some(text.trim().to_string())
        }
        _ => None,
    };
    let Some(yaml::Value::Sequence(items)) = tree
        .get("consent")
        .and_then(|c| c.get("platforms"))
        .map(|p| &p.value)
    else {
        return Vec::new();
    };
    items
        .iter()
        .map(|item| {
            let name = scalar(item.get("name")).unwrap_or_else(|| "(unnamed platform)".into());
            (name, scalar(item.get("url")))
        })
        .collect()
}
