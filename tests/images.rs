//! Pictures in page text: a JPEG carrying GPS EXIF, a camera's make and serial, XMP and a
//! comment, and a PNG carrying tEXt, iTXt, zTXt and eXIf chunks go in; what comes out is WebP
//! holding pixels only, read back chunk by chunk, and no byte of the hidden text is anywhere
//! in the output. The pages show them with `srcset`, `width`, `height` and alt text; a picture
//! shown by three pages is encoded once, and a second build encodes nothing.

mod common;

use std::io::Cursor;

use common::{Page, Site, tree};
use testimony::build::{BuildOptions, Summary, build};
use testimony::diagnostic::Diagnostics;

/// Text hidden in the pictures' metadata, none of which may leave.
const HIDDEN: [&str; 7] = [
    "CAMERA-MAKER-MARK",
    "SERIAL-12345-MARK",
    "XMP-SECRET-MARK",
    "COMMENT-SECRET-MARK",
    "PNG-TEXT-SECRET",
    "PNG-ITXT-SECRET",
    "PNG-ZTXT-SECRET",
];

/// A little-endian TIFF block as EXIF holds it: the camera's make (with a serial number) in
/// IFD0, and a GPS IFD with a latitude.
fn tiff_with_gps() -> Vec<u8> {
    let make = b"CAMERA-MAKER-MARK SERIAL-12345-MARK\0";
    let mut t = Vec::new();
    t.extend(b"II\x2a\x00");
    t.extend(8u32.to_le_bytes());
    // IFD0 at 8: two entries, then the next IFD's offset (none).
    let make_at = 8 + 2 + 2 * 12 + 4;
    let gps_at = (make_at + make.len() as u32 + 1) & !1;
    t.extend(2u16.to_le_bytes());
    t.extend(0x010fu16.to_le_bytes()); // Make
    t.extend(2u16.to_le_bytes()); // ASCII
    t.extend((make.len() as u32).to_le_bytes());
    t.extend(make_at.to_le_bytes());
    t.extend(0x8825u16.to_le_bytes()); // GPSInfo
    t.extend(4u16.to_le_bytes()); // LONG
    t.extend(1u32.to_le_bytes());
    t.extend(gps_at.to_le_bytes());
    t.extend(0u32.to_le_bytes());
    t.extend(make);
    while t.len() < gps_at as usize {
        t.push(0);
    }
    // The GPS IFD: latitude reference and latitude (three rationals).
    let rationals_at = gps_at + 2 + 2 * 12 + 4;
    t.extend(2u16.to_le_bytes());
    t.extend(0x0001u16.to_le_bytes());
    t.extend(2u16.to_le_bytes());
    t.extend(2u32.to_le_bytes());
    t.extend(b"N\0\0\0");
    t.extend(0x0002u16.to_le_bytes());
    t.extend(5u16.to_le_bytes());
    t.extend(3u32.to_le_bytes());
    t.extend(rationals_at.to_le_bytes());
    t.extend(0u32.to_le_bytes());
    for n in [35u32, 1, 57, 1, 4242, 100] {
        t.extend(n.to_le_bytes());
    }
    t
}

/// A JPEG segment: marker, big-endian length (with itself), data.
fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
    let mut s = vec![0xff, marker];
    s.extend(((data.len() + 2) as u16).to_be_bytes());
    s.extend(data);
    s
}

/// A 1200×800 photograph-like JPEG with EXIF (GPS, make, serial), XMP and a comment.
fn jpeg_with_metadata(shade: u8) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1200, 800, |x, y| {
        image::Rgb([(x / 5) as u8, (y / 4) as u8, shade])
    });
    let mut plain = Cursor::new(Vec::new());
    picture
        .write_to(&mut plain, image::ImageFormat::Jpeg)
        .expect("a JPEG");
    let plain = plain.into_inner();
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(tiff_with_gps());
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>XMP-SECRET-MARK</x:xmpmeta>");
    let mut out = plain[..2].to_vec(); // SOI
    out.extend(segment(0xe1, &exif));
    out.extend(segment(0xe1, &xmp));
    out.extend(segment(0xfe, b"COMMENT-SECRET-MARK"));
    out.extend(&plain[2..]);
    out
}

/// CRC-32 as PNG chunks use it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    let mut typed = kind.to_vec();
    typed.extend(data);
    c.extend(&typed);
    c.extend(crc32(&typed).to_be_bytes());
    c
}

/// Zlib data holding `text` in one stored (uncompressed) block, so the text is readable in
/// the file, as a marker to search for.
fn zlib_stored(text: &[u8]) -> Vec<u8> {
    let mut z = vec![0x78, 0x01, 0x01];
    z.extend((text.len() as u16).to_le_bytes());
    z.extend((!(text.len() as u16)).to_le_bytes());
    z.extend(text);
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in text {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    z
}

/// A 700×400 PNG with transparency and tEXt, iTXt, zTXt and eXIf chunks.
fn png_with_text_chunks() -> Vec<u8> {
    let picture = image::RgbaImage::from_fn(700, 400, |x, y| {
        image::Rgba([
            (x % 256) as u8,
            120,
            (y % 256) as u8,
            if x < 20 { 0 } else { 255 },
        ])
    });
    let mut plain = Cursor::new(Vec::new());
    picture
        .write_to(&mut plain, image::ImageFormat::Png)
        .expect("a PNG");
    let plain = plain.into_inner();
    let iend = plain.len() - 12;
    let mut out = plain[..iend].to_vec();
    out.extend(png_chunk(b"tEXt", b"Author\0PNG-TEXT-SECRET"));
    out.extend(png_chunk(b"iTXt", b"Comment\0\0\0en\0\0PNG-ITXT-SECRET"));
    let mut ztxt = b"Description\0\0".to_vec();
    ztxt.extend(zlib_stored(b"PNG-ZTXT-SECRET"));
    out.extend(png_chunk(b"zTXt", &ztxt));
    out.extend(png_chunk(b"eXIf", &tiff_with_gps()));
    out.extend(&plain[iend..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The fixture with its pictures written in.
fn site_with_pictures() -> Site {
    let site = Site::fixture("images");
    site.write("content/stories/street/street.jpg", jpeg_with_metadata(90));
    site.write("content/about/plan.png", png_with_text_chunks());
    // What goes in does carry the metadata, and the decoder accepts it.
    let jpeg = std::fs::read(site.path("content/stories/street/street.jpg")).unwrap();
    let png = std::fs::read(site.path("content/about/plan.png")).unwrap();
    for (bytes, hidden) in [(&jpeg, &HIDDEN[..4]), (&png, &HIDDEN[4..])] {
        assert!(image::load_from_memory(bytes).is_ok());
        for mark in hidden {
            assert!(
                contains(bytes, mark.as_bytes()),
                "{mark} is not in the source"
            );
        }
    }
    site
}

fn build_into(site: &Site, out: &std::path::Path) -> Result<(Summary, Diagnostics), Diagnostics> {
    let mut options = BuildOptions::new(site.root());
    options.out = Some(out.to_path_buf());
    build(&options)
}

/// The chunks of a RIFF WebP file, by four-character code.
fn webp_chunks(bytes: &[u8]) -> Vec<String> {
    assert_eq!(&bytes[..4], b"RIFF");
    assert_eq!(&bytes[8..12], b"WEBP");
    let mut chunks = Vec::new();
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let id = String::from_utf8_lossy(&bytes[at..at + 4]).into_owned();
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
        if id == "VP8X" {
            // The extended header's flags: ICC (0x20), EXIF (0x08) and XMP (0x04) must be off.
            assert_eq!(bytes[at + 8] & 0x2c, 0, "metadata flags set");
        }
        chunks.push(id);
        at += 8 + len + (len & 1);
    }
    assert_eq!(at, bytes.len(), "the chunks fill the file");
    chunks
}

#[test]
fn pictures_come_out_as_webp_with_no_metadata_at_all() {
    let site = site_with_pictures();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    let files = tree(&dir);
    let pictures: Vec<&String> = files.keys().filter(|p| p.starts_with("images/")).collect();
    // 1200 px wide: 480, 960 and 1200; 700 px wide: 480 and 700. Once each, though the story's
    // picture is on three pages (English, Arabic, and French falling back to English).
    assert_eq!(pictures.len(), 5, "{pictures:?}");
    for path in &pictures {
        let chunks = webp_chunks(&files[*path]);
        for chunk in &chunks {
            assert!(
                ["VP8 ", "VP8L", "VP8X", "ALPH"].contains(&chunk.as_str()),
                "{path} has a {chunk:?} chunk"
            );
        }
    }
    for (path, bytes) in &files {
        for mark in HIDDEN {
            assert!(!contains(bytes, mark.as_bytes()), "{mark} is in {path}");
        }
        for chunk in [
            b"EXIF", b"XMP ", b"ICCP", b"tEXt", b"iTXt", b"zTXt", b"eXIf",
        ] {
            if path.starts_with("images/") {
                assert!(!contains(bytes, chunk), "{path} holds {chunk:?}");
            }
        }
        assert!(!contains(bytes, b"Exif\0\0"), "EXIF in {path}");
    }
}

#[test]
fn pages_show_pictures_with_sizes_srcset_and_alt_text() {
    let site = site_with_pictures();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    let page = |rel: &str| Page::parse(&std::fs::read_to_string(dir.join(rel)).unwrap());
    let story = page("en/stories/street/index.html");
    let img = story.one("main img[srcset]");
    let attr = |name: &str| img.value().attr(name).unwrap_or_default().to_string();
    assert_eq!(attr("alt"), "A street at dusk, made up for this example");
    assert_eq!(
        (attr("width"), attr("height")),
        ("1200".into(), "800".into())
    );
    assert_eq!(attr("loading"), "lazy");
    assert_eq!(attr("decoding"), "async");
    assert!(!attr("sizes").is_empty());
    let srcset: Vec<(String, String)> = attr("srcset")
        .split(", ")
        .map(|c| {
            let (url, w) = c.split_once(' ').expect("address and width");
            (url.to_string(), w.to_string())
        })
        .collect();
    let widths: Vec<&str> = srcset.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(widths, ["480w", "960w", "1200w"]);
    for (url, _) in srcset.iter().chain([&(attr("src"), String::new())]) {
        let rel = url
            .strip_prefix("/archive/")
            .unwrap_or_else(|| panic!("{url} is not under the site's path"));
        assert!(dir.join(rel).is_file(), "{url} is not in the output");
    }
    // The Arabic text and the French fallback show the same files.
    let arabic = page("ar/stories/street/index.html");
    let ar_img = arabic.one("main img[srcset]");
    assert_eq!(ar_img.value().attr("srcset"), Some(attr("srcset").as_str()));
    assert_eq!(
        ar_img.value().attr("alt"),
        Some("شارع عند الغروب، صورة مختلقة لهذا المثال")
    );
    let french = page("fr/stories/street/index.html");
    assert_eq!(
        french.one("main img[srcset]").value().attr("src"),
        Some(attr("src").as_str())
    );
    // The page's picture, from the folder `about/` beside about.md.
    let about = page("en/about/index.html");
    let plan = about.one("main img[srcset]");
    assert_eq!(plan.value().attr("width"), Some("700"));
    assert_eq!(plan.value().attr("height"), Some("400"));
    assert_eq!(
        plan.value().attr("alt"),
        Some("A plan of an office, drawn for this example")
    );
}

#[test]
fn a_second_build_encodes_no_unchanged_picture_and_writes_the_same_bytes() {
    let site = site_with_pictures();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    let (first, _) = build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    assert_eq!((first.pictures_encoded, first.pictures_kept), (2, 0));
    let before = tree(&dir);
    // With nothing changed, the second build leaves the output as it is.
    let (second, _) = build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    assert!(second.unchanged_warnings.is_some(), "{second}");
    assert_eq!(tree(&dir), before, "a second build wrote other bytes");
    // Without the record of what the last build read, a build runs in full, and still takes
    // the pictures from the last output.
    std::fs::remove_file(out.path().join(".site.inputs")).unwrap();
    let (second, _) = build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    assert_eq!((second.pictures_encoded, second.pictures_kept), (0, 2));
    assert_eq!(tree(&dir), before, "a second build wrote other bytes");
    // A picture saved again is encoded again, under a new name; the other is kept.
    site.write("content/stories/street/street.jpg", jpeg_with_metadata(200));
    let (third, _) = build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    assert_eq!((third.pictures_encoded, third.pictures_kept), (1, 1));
    // A file of the output changed by hand is not trusted: it is encoded again.
    let files = tree(&dir);
    let png_file = files
        .keys()
        .find(|p| p.starts_with("images/") && p.ends_with("-700.webp"))
        .expect("the plan at 700 px");
    std::fs::write(dir.join(png_file), b"RIFF tampered").unwrap();
    let (fourth, _) = build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    assert_eq!((fourth.pictures_encoded, fourth.pictures_kept), (1, 1));
    assert_eq!(tree(&dir)[png_file], files[png_file]);
}

#[test]
fn two_fresh_builds_make_the_same_bytes() {
    let site = site_with_pictures();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build_into(&site, &a.path().join("site")).unwrap_or_else(|p| panic!("{}", p.render(false)));
    build_into(&site, &b.path().join("site")).unwrap_or_else(|p| panic!("{}", p.render(false)));
    assert_eq!(tree(&a.path().join("site")), tree(&b.path().join("site")));
}

/// The errors of a failed build, as `path:line:column message | help`.
fn errors_of(site: &Site) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    let problems = build_into(site, &out.path().join("site")).expect_err("the build fails");
    problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let at = d.location.as_ref().expect("a location");
            format!(
                "{}:{}:{} {} | {}",
                at.path.display(),
                at.line,
                at.column,
                d.message,
                d.help.as_deref().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn a_picture_without_alt_text_is_an_error_in_the_language_of_its_page() {
    let site = site_with_pictures();
    site.edit(
        "content/stories/street/index.ar.md",
        "![شارع عند الغروب، صورة مختلقة لهذا المثال](street.jpg)",
        "![](street.jpg)",
    );
    site.edit(
        "content/about.md",
        "![A plan of an office, drawn for this example](about/plan.png)",
        "Two pictures: ![ ](about/plan.png)",
    );
    let found = errors_of(&site);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("content/about.md:6:15 this picture does not say what it shows | write a short description between the brackets"),
        "{}",
        found[0]
    );
    // Worded by locales/ar/editors.ftl.
    assert!(
        found[1].starts_with(
            "content/stories/street/index.ar.md:7:1 هذه الصورة بلا وصف لما تُظهره | اكتب وصفًا"
        ),
        "{}",
        found[1]
    );
}

#[test]
fn remote_missing_and_outside_pictures_are_located_errors() {
    let site = site_with_pictures();
    site.edit(
        "content/about.md",
        "![A plan of an office, drawn for this example](about/plan.png)",
        "![Tracker](https://tracker.example/p.png)\n![Up](../site.yaml) ![Gone](about/gone.jpg)\n![Story's](stories/street/street.jpg)",
    );
    let found = errors_of(&site);
    let firsts: Vec<&str> = found
        .iter()
        .map(|f| f.split(" | ").next().unwrap())
        .collect();
    assert_eq!(
        firsts,
        [
            "content/about.md:6:1 pictures from other sites are not shown (`https://tracker.example/p.png`)",
            "content/about.md:7:1 the picture `../site.yaml` is outside this page's folder",
            "content/about.md:7:21 there is no picture `content/about/gone.jpg`",
            "content/about.md:8:1 `content/stories/street/street.jpg` is a story's picture, shown only on that story's pages",
        ]
    );
}

#[test]
fn a_draft_s_picture_is_not_published() {
    let site = site_with_pictures();
    site.edit(
        "content/stories/street/index.ar.md",
        "summary:",
        "status: draft\nsummary:",
    );
    site.edit(
        "content/stories/street/index.ar.md",
        "](street.jpg)",
        "](draft-only.jpg)",
    );
    site.write(
        "content/stories/street/draft-only.jpg",
        jpeg_with_metadata(7),
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    let (summary, _) = build_into(&site, &dir).unwrap_or_else(|p| panic!("{}", p.render(false)));
    // The story's picture and the page's, not the draft translation's.
    assert_eq!(summary.pictures_encoded, 2);
    let pictures = tree(&dir)
        .into_keys()
        .filter(|p| p.starts_with("images/"))
        .count();
    assert_eq!(pictures, 5);
}
