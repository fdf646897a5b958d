//! The rules of a story's video: its duration, its source (a file beside `index.md`, or a
//! YouTube id where the site allows it) and its poster picture.

use std::path::PathBuf;

use crate::config::ThirdParty;
use crate::diagnostic::Diagnostic;
use crate::frontmatter::yaml::Step;
use crate::model::VideoMeta;
use crate::webvtt::Timestamp;

use super::doc::Doc;
use super::story::StoryContext;
use super::{Poster, Video};

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

/// The poster rule: a JPEG or PNG picture in the story's folder. Returns its name, path and
/// size.
pub(super) fn poster(
    cx: &StoryContext,
    name: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Poster> {
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
    cx.file_of(&key, name, problems).map(|path| Poster {
        name: name.to_string(),
        path,
        size: cx.folder.pictures.get(name).copied(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::testing::{config, folder, index_md, only, said, story, with_context};

    const INDEX: &str = "content/stories/x/index.md";

    /// The video and poster of a story with this `video:` line, in a folder with `files`, on a
    /// site with `site_yaml`.
    fn video_of(
        line: &str,
        files: &[&str],
        site_yaml: &str,
    ) -> (Video, Option<Poster>, Vec<Diagnostic>) {
        let (written, meta) = story(&index_md(line));
        let folder = folder(files, &[]);
        let config = config(site_yaml);
        with_context(&written, &folder, &config, |cx| {
            let mut problems = Vec::new();
            let video = video(cx, &meta.video, &mut problems);
            let poster = poster(cx, meta.video.poster.as_deref(), &mut problems);
            (video, poster, problems)
        })
    }

    #[test]
    fn a_poster_has_the_size_its_folder_read_for_it() {
        let (written, meta) = story(&index_md(
            "video: { file: v.webm, poster: p.png, duration: \"00:10:00\" }",
        ));
        let mut folder = folder(&["v.webm", "p.png"], &[]);
        folder.pictures.insert("p.png".into(), (640, 360));
        let config = config("");
        let found = with_context(&written, &folder, &config, |cx| {
            poster(cx, meta.video.poster.as_deref(), &mut Vec::new())
        });
        assert_eq!(found.and_then(|p| p.size), Some((640, 360)));
    }

    #[test]
    fn a_video_file_and_a_poster_in_the_folder_give_their_paths() {
        let (video, poster, problems) = video_of(
            "video: { file: talk.webm, poster: still.JPG, duration: \"00:10:00\" }",
            &["talk.webm", "still.JPG"],
            "",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let Video::File { name, path } = video else {
            panic!("a file");
        };
        assert_eq!(name, "talk.webm");
        assert_eq!(path, PathBuf::from("content/stories/x/talk.webm"));
        assert_eq!(
            poster,
            Some(Poster {
                name: "still.JPG".to_string(),
                path: PathBuf::from("content/stories/x/still.JPG"),
                size: None,
            })
        );
    }

    #[test]
    fn a_video_that_is_no_webm_or_mp4_and_not_in_the_folder_gets_both_messages() {
        let (video, _, problems) = video_of(
            "video: { file: talk.avi, duration: \"00:10:00\" }",
            &["talk.webm"],
            "",
        );
        assert!(matches!(video, Video::File { ref path, .. } if path.as_os_str().is_empty()));
        let said: Vec<_> = problems.iter().map(said).collect();
        assert_eq!(
            said,
            [
                (
                    "`talk.avi` is not a WebM or MP4 video".into(),
                    "convert the video to .webm or .mp4, which every browser plays".into(),
                    INDEX.into(),
                    6,
                    16
                ),
                (
                    "`talk.avi` is not in the story's folder".into(),
                    "did you mean `talk.webm`?".into(),
                    INDEX.into(),
                    6,
                    16
                ),
            ]
        );
    }

    #[test]
    fn a_missing_file_with_nothing_close_says_where_to_put_it() {
        let (_, _, problems) = video_of("video: { file: v.mp4, duration: \"00:10:00\" }", &[], "");
        assert_eq!(
            only(&problems).help.as_deref(),
            Some("put the file in content/stories/x/")
        );
    }

    #[test]
    fn youtube_needs_the_site_s_consent_and_a_video_id() {
        let line = "video: { youtube: \"not an id\", duration: \"00:10:00\" }";
        let (video, _, problems) = video_of(line, &[], "");
        assert!(matches!(video, Video::Youtube { ref id } if id == "not an id"));
        let messages: Vec<_> = problems.iter().map(|p| said(p).0).collect();
        assert_eq!(
            messages,
            [
                "a YouTube video would make every reader's browser contact YouTube",
                "`not an id` is not a YouTube video id"
            ]
        );
        assert!(problems.iter().all(|p| said(p).3 == 6 && said(p).4 == 20));

        let allowed = "allow_third_party: [youtube]\n";
        let line = "video: { youtube: dQw4w9WgXcQ, duration: \"00:10:00\" }";
        let (_, _, problems) = video_of(line, &[], allowed);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_video_needs_exactly_one_source() {
        for line in [
            "video: { duration: \"00:10:00\" }",
            "video: { file: v.webm, youtube: dQw4w9WgXcQ, duration: \"00:10:00\" }",
        ] {
            let (_, _, problems) = video_of(line, &["v.webm"], "allow_third_party: [youtube]\n");
            let (message, help, _, line, column) = said(only(&problems));
            assert_eq!(
                message,
                "the video needs exactly one of `file` and `youtube`"
            );
            assert!(help.starts_with("e.g. `video: { file: video.webm"));
            assert_eq!((line, column), (6, 8), "at the video's value");
        }
    }

    #[test]
    fn a_poster_that_is_no_picture_is_left_out_with_a_message() {
        let line = "video: { file: v.webm, poster: still.gif, duration: \"00:10:00\" }";
        let (_, poster, problems) = video_of(line, &["v.webm", "still.gif"], "");
        assert_eq!(poster, None);
        assert_eq!(
            said(only(&problems)),
            (
                "`still.gif` is not a JPEG or PNG picture".into(),
                "use a .jpg or .png poster; it is re-encoded without its metadata".into(),
                INDEX.into(),
                6,
                32
            )
        );
    }

    #[test]
    fn an_unreadable_duration_is_reported_and_counts_as_unknown() {
        let (written, _) = story(&index_md("video: { file: v.webm, duration: 12 minutes }"));
        let mut problems = Vec::new();
        assert_eq!(
            duration(&written.doc(), "12 minutes", &mut problems),
            Timestamp(0)
        );
        assert_eq!(
            said(only(&problems)),
            (
                "`12 minutes` is not a duration".into(),
                "write the video's length as HH:MM:SS, e.g. \"00:12:34\" (with quotes)".into(),
                INDEX.into(),
                6,
                34
            )
        );
        let mut problems = Vec::new();
        assert_eq!(
            duration(&written.doc(), "00:01:05", &mut problems),
            Timestamp(65_000)
        );
        assert!(problems.is_empty());
    }
}
