//! The rules of a story's video: its duration, its source (a file beside `index.md`, or a
//! YouTube id where the site allows it) and its poster picture.

use std::path::PathBuf;

use crate::config::ThirdParty;
use crate::diagnostic::Diagnostic;
use crate::frontmatter::yaml::Step;
use crate::model::VideoMeta;
use crate::webvtt::Timestamp;

use super::Video;
use super::doc::Doc;
use super::story::StoryContext;

/// The duration rule: `video.duration` is a time. An unreadable one counts as unknown (zero),
/// so the rules that measure against it are skipped rather than wrong.
pub(super) fn duration(doc: &Doc, text: &str, problems: &mut Vec<Diagnostic>) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| {
        problems.push(
            doc.error(
                &[Step::Key("video"), Step::Key("duration")],
                format!("`{text}` is not a duration"),
            )
            .with_help("write the video's length as HH:MM:SS, e.g. \"00:12:34\" (with quotes)"),
        );
        Timestamp(0)
    })
}

/// The video rule: exactly one of `file` and `youtube`, each valid.
pub(super) fn video(cx: &StoryContext, meta: &VideoMeta, problems: &mut Vec<Diagnostic>) -> Video {
    match (&meta.file, &meta.youtube) {
        (Some(name), None) => video_file(cx, name, problems),
        (None, Some(id)) => youtube(cx, id, problems),
        _ => {
            problems.push(
                cx.doc
                    .error(
                        &[Step::Key("video")],
                        "the video needs exactly one of `file` and `youtube`",
                    )
                    .with_help("e.g. `video: { file: video.webm, duration: \"00:12:34\" }`"),
            );
            Video::File {
                name: String::new(),
                path: PathBuf::new(),
            }
        }
    }
}

/// A video file: WebM or MP4, in the story's folder.
fn video_file(cx: &StoryContext, name: &str, problems: &mut Vec<Diagnostic>) -> Video {
    let key = [Step::Key("video"), Step::Key("file")];
    let lower = name.to_ascii_lowercase();
    if !(lower.ends_with(".webm") || lower.ends_with(".mp4")) {
        problems.push(
            cx.doc
                .error(&key, format!("`{name}` is not a WebM or MP4 video"))
                .with_help("convert the video to .webm or .mp4, which every browser plays"),
        );
    }
    let path = cx.file_of(&key, name, problems).unwrap_or_default();
    Video::File {
        name: name.to_string(),
        path,
    }
}

/// A YouTube video: allowed by site.yaml, with an id as YouTube writes them.
fn youtube(cx: &StoryContext, id: &str, problems: &mut Vec<Diagnostic>) -> Video {
    let key = [Step::Key("video"), Step::Key("youtube")];
    if !cx.shared.resolver.config.allows(ThirdParty::Youtube) {
        problems.push(
            cx.doc.error(&key, "a YouTube video would make every reader's browser contact YouTube")
                .with_help("host the video file beside index.md (`file: video.webm`), or add `allow_third_party: [youtube]` to site.yaml if the team accepts that"),
        );
    }
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        problems.push(
            cx.doc
                .error(&key, format!("`{id}` is not a YouTube video id"))
                .with_help("use the id from the video's address, e.g. dQw4w9WgXcQ"),
        );
    }
    Video::Youtube { id: id.to_string() }
}

/// The poster rule: a JPEG or PNG picture in the story's folder. Returns its name and path.
pub(super) fn poster(
    cx: &StoryContext,
    name: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, PathBuf)> {
    let name = name?;
    let key = [Step::Key("video"), Step::Key("poster")];
    let lower = name.to_ascii_lowercase();
    if !(lower.ends_with(".jpg") || lower.ends_with(".jpeg") || lower.ends_with(".png")) {
        problems.push(
            cx.doc
                .error(&key, format!("`{name}` is not a JPEG or PNG picture"))
                .with_help("use a .jpg or .png poster; it is re-encoded without its metadata"),
        );
        return None;
    }
    cx.file_of(&key, name, problems)
        .map(|p| (name.to_string(), p))
}
