//! Addresses built from names and text chosen by editors: file names that need percent-encoding
//! (a `#` or a space in a video's name must not break its link), and page text that must not
//! reorder what is around it in `<title>` and `<meta content>` (bidirectional isolation).
//! Checked on the parsed HTML of the `basic` fixture.

mod common;

use std::io::Cursor;
use std::path::PathBuf;

use common::{Page, Site, text_of};

const STORY_ONE: &str = "content/stories/story-one/index.md";
const STORY_DIR: &str = "content/stories/story-one";
/// The fixture's `base_url` is `https://fixture.example/archive/`.
const HOST: &str = "https://fixture.example";
const BASE_PATH: &str = "/archive/";

const VIDEO_NAME: &str = "clip #1 é.webm";
const POSTER_NAME: &str = "poster image.png";
const CAPTIONS_NAME: &str = "English #1.vtt";

/// The file of `public/` that an address of the site (absolute, or from the root) names: the
/// address is percent-decoded, as a browser or web server does before looking for the file.
fn file_of(site: &Site, url: &str) -> PathBuf {
    let path = url.strip_prefix(HOST).unwrap_or(url);
    let rel = path
        .strip_prefix(BASE_PATH)
        .unwrap_or_else(|| panic!("{url} is not under the site's base path {BASE_PATH}"));
    assert!(
        !rel.contains(['#', '?', ' ']),
        "{url}: an unencoded `#`, `?` or space cuts the address short"
    );
    let decoded = percent_encoding::percent_decode_str(rel)
        .decode_utf8()
        .unwrap_or_else(|e| panic!("{url} does not decode to UTF-8: {e}"));
    let file = site.path("public").join(decoded.as_ref());
    assert!(
        file.is_file(),
        "{url} decodes to public/{decoded}, which does not exist; public/ has {:?}",
        site.output_files()
    );
    file
}

/// A 3x2 PNG with distinct pixels, so that a re-encoded copy can be compared by its pixels.
fn small_png() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(3, 2, |x, y| {
        image::Rgb([(x * 80) as u8, (y * 120) as u8, 200])
    });
    let mut out = Cursor::new(Vec::new());
    picture
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encoding the test PNG");
    out.into_inner()
}

/// The fixture with story-one's video, poster and English captions under names that need
/// encoding in an address.
fn with_awkward_names() -> Site {
    let site = Site::fixture("basic");
    std::fs::rename(
        site.path(&format!("{STORY_DIR}/video.webm")),
        site.path(&format!("{STORY_DIR}/{VIDEO_NAME}")),
    )
    .expect("renaming the video");
    std::fs::rename(
        site.path(&format!("{STORY_DIR}/captions.en.vtt")),
        site.path(&format!("{STORY_DIR}/{CAPTIONS_NAME}")),
    )
    .expect("renaming the captions");
    site.write(&format!("{STORY_DIR}/{POSTER_NAME}"), small_png());
    site.edit(
        STORY_ONE,
        "  file: video.webm\n",
        &format!("  file: \"{VIDEO_NAME}\"\n  poster: \"{POSTER_NAME}\"\n"),
    )
    .edit(
        STORY_ONE,
        "captions: { en: captions.en.vtt,",
        &format!("captions: {{ en: \"{CAPTIONS_NAME}\","),
    );
    site.build_ok();
    site
}

#[test]
fn a_video_named_with_hash_space_and_accent_is_linked_encoded() {
    let site = with_awkward_names();
    let page = site.html("en/stories/story-one/index.html");
    let src = page.attr("video source", "src");
    assert_eq!(
        src, "/archive/media/story-one/clip%20%231%20%C3%A9.webm",
        "each character outside A-Z a-z 0-9 - . _ ~ is percent-encoded"
    );
    let published = std::fs::read(file_of(&site, &src)).unwrap();
    let source = std::fs::read(site.path(&format!("{STORY_DIR}/{VIDEO_NAME}"))).unwrap();
    assert!(
        published == source,
        "the published video is not the source's bytes"
    );
    // The download link of browsers without video support is the same address.
    assert_eq!(page.attr("video p a", "href"), src);
}

#[test]
fn a_poster_named_with_a_space_is_linked_and_published() {
    let site = with_awkward_names();
    let page = site.html("en/stories/story-one/index.html");
    let poster = page.attr("video", "poster");
    let published = image::open(file_of(&site, &poster))
        .expect("the published poster is a picture")
        .to_rgb8();
    let source = image::load_from_memory(&small_png()).unwrap().to_rgb8();
    // Posters are re-encoded without their metadata: the pixels are what must match.
    assert_eq!(published, source, "the published poster is another picture");

    let cards = site.html("en/stories/index.html");
    let card_posters = cards.attrs(".card-poster", "src");
    assert!(card_posters.contains(&poster), "{card_posters:?}");
    // The card's <img> carries the picture's own size, so that the list does not shift while
    // the posters load.
    let (width, height) = (
        published.width().to_string(),
        published.height().to_string(),
    );
    assert_eq!(cards.attrs(".card-poster", "width"), [width]);
    assert_eq!(cards.attrs(".card-poster", "height"), [height]);
}

#[test]
fn caption_and_chapter_tracks_are_linked_to_their_files() {
    let site = with_awkward_names();
    let page = site.html("en/stories/story-one/index.html");
    let subtitles = page.attrs("track[kind=subtitles]", "src");
    assert_eq!(subtitles.len(), 2, "{subtitles:?}");
    for src in &subtitles {
        let text = std::fs::read_to_string(file_of(&site, src)).unwrap();
        assert!(
            text.starts_with("WEBVTT"),
            "{src} is not a caption file:\n{text}"
        );
    }
    let english = page.attr("track[srclang=en][kind=subtitles]", "src");
    let text = std::fs::read_to_string(file_of(&site, &english)).unwrap();
    assert!(
        text.contains("The line where I decided to leave."),
        "the English track is not the English captions:\n{text}"
    );
    let chapters = page.attr("track[kind=chapters]", "src");
    let text = std::fs::read_to_string(file_of(&site, &chapters)).unwrap();
    assert!(text.contains("Getting out"), "{text}");
}

#[test]
fn json_ld_names_the_video_and_poster_by_encoded_absolute_addresses() {
    let site = with_awkward_names();
    let page = site.html("en/stories/story-one/index.html");
    let script = page.one("script[type='application/ld+json']");
    let json: serde_json::Value = serde_json::from_str(&script.inner_html()).unwrap();
    let content = json["contentUrl"].as_str().expect("contentUrl is text");
    assert_eq!(
        content,
        "https://fixture.example/archive/media/story-one/clip%20%231%20%C3%A9.webm"
    );
    let source = std::fs::read(site.path(&format!("{STORY_DIR}/{VIDEO_NAME}"))).unwrap();
    assert!(std::fs::read(file_of(&site, content)).unwrap() == source);
    let thumbnail = json["thumbnailUrl"].as_str().expect("thumbnailUrl is text");
    assert!(thumbnail.starts_with(HOST), "{thumbnail}");
    assert_eq!(
        thumbnail.strip_prefix(HOST),
        Some(page.attr("video", "poster").as_str())
    );
    file_of(&site, thumbnail);
}

/// The site's name as the page's header shows it, in the page's language.
fn site_title(page: &Page) -> String {
    page.text(".site-header .site-title")
}

#[test]
fn an_arabic_title_is_isolated_in_the_title_and_description() {
    let site = Site::fixture("basic");
    let title = "لماذا غادرت";
    let summary = "قصة متخيلة للاختبار.";
    site.edit(
        STORY_ONE,
        "title: The first fixture story",
        &format!("title: {title}"),
    )
    .edit(
        STORY_ONE,
        "summary: A fictional story used by the tests.",
        &format!("summary: {summary}"),
    );
    site.build_ok();

    let page = site.html("en/stories/story-one/index.html");
    assert_eq!(
        page.one("title").text().collect::<String>(),
        format!("\u{2068}{title}\u{2069} · {}", site_title(&page))
    );
    assert_eq!(
        page.attr("meta[name=description]", "content"),
        format!("\u{2068}{summary}\u{2069}")
    );
    // The visible page is unchanged: its heading is isolated by its element and `dir`.
    let h1 = page.one("h1");
    assert_eq!(text_of(h1), title);
    assert_eq!(h1.value().attr("dir"), Some("ltr"));
    assert!(
        !page.body_text().contains(['\u{2068}', '\u{2069}']),
        "isolates leaked into the visible page: {}",
        page.body_text()
    );
}

#[test]
fn an_english_title_on_an_arabic_page_is_isolated_too() {
    // story-two has no Arabic translation: the Arabic page shows the English text.
    let site = Site::fixture("basic");
    site.build_ok();
    let page = site.html("ar/stories/story-two/index.html");
    let site_name = site_title(&page);
    assert_ne!(
        site_name, "Fixture",
        "the Arabic page has its own site title"
    );
    assert_eq!(
        page.one("title").text().collect::<String>(),
        format!("\u{2068}The second fixture story\u{2069} · {site_name}")
    );
    let description = page.attr("meta[name=description]", "content");
    assert!(
        description.starts_with('\u{2068}') && description.ends_with('\u{2069}'),
        "{description:?}"
    );
    assert_eq!(
        description.matches('\u{2068}').count(),
        1,
        "{description:?}"
    );
}

#[test]
fn a_page_titled_like_the_site_is_not_isolated() {
    // The language chooser's title is the site's name alone: nothing to keep apart.
    let site = Site::fixture("basic");
    site.build_ok();
    let root = site.html("index.html");
    let title = root.one("title").text().collect::<String>();
    assert_eq!(title, root.text(".site-title"));
    assert!(!title.contains('\u{2068}'), "{title:?}");
}
