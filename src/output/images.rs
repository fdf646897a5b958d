//! Pictures in page text (`![A street in Raqqa](street.jpg)`): each is decoded and encoded
//! again as WebP at a few widths, which keeps the pixels and drops every metadata block of the
//! original (EXIF with its GPS position and camera serial number, XMP, IPTC, comments, PNG text
//! chunks, ICC profiles).
//!
//! Decisions, and the alternatives left aside:
//! - **WebP only**, lossy at quality 80 (libwebp, through the `webp` crate), in one `srcset`:
//!   every browser the site is made for reads WebP, so a JPEG fallback in a `<picture>` would
//!   double the encoding time and the output for no reader. The `image` crate's own WebP
//!   encoder is lossless only, which makes a photograph several times larger than a JPEG:
//!   too heavy for slow phones.
//! - **Widths** [`WIDTHS`], capped at the picture's own width (never enlarged), resized with
//!   Lanczos3. The `<img>` carries the largest one's `width` and `height`, so the page does not
//!   move while pictures arrive.
//! - **Colour**: the pixels are taken as sRGB and no profile is written: a profile is not
//!   identifying, but it is metadata too, and almost every photo is sRGB already.
//! - **Names**: `images/<hash>-<width>.webp`, where the hash is of the source's SHA-256 and
//!   [`ENCODING`] (what the encoder is asked). The same picture used by three translations of
//!   a story is one set of files, encoded once; a picture whose bytes did not change keeps its
//!   names, so `build` takes the files from the last build's output (checked against its
//!   manifest) instead of encoding them again ([`Previous`]), and `serve` keeps them in memory.
//! - libwebp is deterministic for the same pixels and settings (one thread), so the same input
//!   gives the same bytes; a test builds twice and compares.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::manifest::{self, Checksum, Manifest};
use super::{CopiedFile, MARKER};
use crate::render::OutputFile;
use crate::site::{BodyImage, Site};

/// The widths, in pixels, a picture is published at (those below its own width, and its own
/// width up to the largest of these).
pub const WIDTHS: [u32; 3] = [480, 960, 1440];

/// The WebP quality: 80 keeps photographs free of visible artefacts at about a tenth of their
/// JPEG camera size.
const QUALITY: f32 = 80.0;

/// What the encoder is asked, part of every name: changing it renames every file, so that a
/// file kept from an earlier build is never one made with other settings.
pub const ENCODING: &str = "webp q80 lanczos3 widths 480/960/1440 v1";

/// The `sizes` of every picture in page text: the text column is at most 42rem wide (the
/// default theme's `.prose`), the whole screen on a phone.
pub const SIZES: &str = "(min-width: 42rem) 42rem, 100vw";

/// The name shared by a picture's files, from its bytes' SHA-256 (hexadecimal) and
/// [`ENCODING`]: 16 hexadecimal digits.
pub fn name(source_sha256: &str) -> String {
    let digest = Sha256::digest(format!("{ENCODING}\n{source_sha256}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The widths a picture `width` pixels wide is published at, smallest first.
pub fn widths(width: u32) -> Vec<u32> {
    let largest = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < largest).collect();
    widths.push(largest.max(1));
    widths
}

/// The height of a picture `size` once resized to `width`, rounded, at least 1.
pub fn height_at(size: (u32, u32), width: u32) -> u32 {
    let (w, h) = (u64::from(size.0.max(1)), u64::from(size.1));
    ((h * u64::from(width) + w / 2) / w).max(1) as u32
}

/// Where one width of a picture is written in the output folder.
pub fn output_path(name: &str, width: u32) -> String {
    format!("images/{name}-{width}.webp")
}

/// The pictures of the page text of the whole site, once each, by name.
pub fn of_site(site: &Site) -> BTreeMap<String, BodyImage> {
    site.body_images()
        .map(|image| (image.name.clone(), image.clone()))
        .collect()
}

/// Encodes every width of `image` (read from its source file): the published files.
pub fn encode(image: &BodyImage) -> Result<Vec<OutputFile>, String> {
    let bytes = std::fs::read(&image.source).map_err(|e| e.to_string())?;
    encode_bytes(&bytes, &image.name, &image.widths)
}

/// Encodes a picture's bytes at each of `widths`, as `images/<name>-<width>.webp`.
pub fn encode_bytes(bytes: &[u8], name: &str, widths: &[u32]) -> Result<Vec<OutputFile>, String> {
    let (picture, _) = super::decode_picture(bytes)?;
    let size = (picture.width(), picture.height());
    let mut files = Vec::with_capacity(widths.len());
    for &width in widths {
        let resized = if width == size.0 {
            picture.clone()
        } else {
            picture.resize_exact(
                width,
                height_at(size, width),
                image::imageops::FilterType::Lanczos3,
            )
        };
        let encoded = if resized.color().has_alpha() {
            let pixels = resized.to_rgba8();
            webp::Encoder::from_rgba(&pixels, pixels.width(), pixels.height())
                .encode(QUALITY)
                .to_vec()
        } else {
            let pixels = resized.to_rgb8();
            webp::Encoder::from_rgb(&pixels, pixels.width(), pixels.height())
                .encode(QUALITY)
                .to_vec()
        };
        files.push(OutputFile {
            path: output_path(name, width),
            bytes: encoded,
        });
    }
    Ok(files)
}

/// The last build's output folder, as far as its pictures go: a file listed in its manifest
/// whose bytes still have the listed checksum is taken as it is, since its name says which
/// source and settings made it.
#[derive(Debug, Default)]
pub struct Previous {
    dir: PathBuf,
    listed: BTreeMap<String, Checksum>,
}

impl Previous {
    /// Reads the manifest of the output folder `dir`, if it has one of the current format.
    pub fn read(dir: &Path) -> Previous {
        let listed = std::fs::read_to_string(dir.join(MARKER))
            .ok()
            .and_then(|text| manifest::parse(&text).ok())
            .map(|found| match found {
                Manifest::Checksums(files) => files
                    .into_iter()
                    .filter(|(path, _)| path.starts_with("images/"))
                    .collect(),
                Manifest::Paths(_) => BTreeMap::new(),
            })
            .unwrap_or_default();
        Previous {
            dir: dir.to_path_buf(),
            listed,
        }
    }

    /// Every file of `image`, to copy from the last build, if all are there unchanged.
    pub fn files_of(&self, image: &BodyImage) -> Option<Vec<CopiedFile>> {
        image
            .widths
            .iter()
            .map(|&width| {
                let path = output_path(&image.name, width);
                let listed = self.listed.get(&path)?;
                let source = self.dir.join(&path);
                let found = manifest::sum_file(&source).ok()?;
                (found == *listed).then_some(CopiedFile {
                    path,
                    source,
                    len: found.size,
                })
            })
            .collect()
    }
}

/// What the pictures of a build made: the files encoded, those taken from the last build,
/// and how many pictures each way (for the summary, and for the test that an unchanged
/// picture is not encoded again).
#[derive(Debug, Default)]
pub struct Made {
    pub encoded: Vec<OutputFile>,
    pub kept: Vec<CopiedFile>,
    /// Pictures encoded in this build.
    pub encoded_count: usize,
    /// Pictures whose files were taken from the last build.
    pub kept_count: usize,
    pub problems: Vec<crate::diagnostic::Diagnostic>,
}

/// The files of every picture of the site's page text, in parallel: taken from `previous`
/// when it has them, encoded otherwise.
pub fn files(site: &Site, previous: &Previous) -> Made {
    use rayon::prelude::*;
    let images: Vec<BodyImage> = of_site(site).into_values().collect();
    /// Kept from the last build, or encoded now (or why not).
    type Found = Result<Vec<CopiedFile>, Result<Vec<OutputFile>, String>>;
    let results: Vec<(&BodyImage, Found)> = images
        .par_iter()
        .map(|image| match previous.files_of(image) {
            Some(kept) => (image, Ok(kept)),
            None => (image, Err(encode(image))),
        })
        .collect();
    let mut made = Made::default();
    for (image, result) in results {
        match result {
            Ok(kept) => {
                made.kept_count += 1;
                made.kept.extend(kept);
            }
            Err(Ok(files)) => {
                made.encoded_count += 1;
                made.encoded.extend(files);
            }
            Err(Err(err)) => made.problems.push(unreadable(image, &err)),
        }
    }
    made
}

/// The pictures `serve` encoded, by name, kept in memory: a picture whose bytes did not change
/// keeps its name, so a rebuild (or a full build after `site.yaml` changed) encodes nothing.
#[derive(Default)]
pub struct Memory {
    kept: std::sync::Mutex<std::collections::HashMap<String, Encoded>>,
    /// How many pictures were encoded, in all (for the tests).
    encoded: std::sync::atomic::AtomicUsize,
}

/// The files of one picture, with their checksums.
pub type Encoded = std::sync::Arc<Vec<(OutputFile, Checksum)>>;

impl Memory {
    /// The files of each of `images` (those kept, and the others encoded now, in parallel),
    /// by name; what is not among them is forgotten. A picture that cannot be encoded is an
    /// error placed at it.
    pub fn files(
        &self,
        images: &BTreeMap<String, BodyImage>,
    ) -> Result<Vec<Encoded>, Vec<crate::diagnostic::Diagnostic>> {
        use rayon::prelude::*;
        let missing: Vec<&BodyImage> = {
            let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
            images
                .values()
                .filter(|image| !kept.contains_key(&image.name))
                .collect()
        };
        let made: Vec<(&BodyImage, Result<Vec<OutputFile>, String>)> = missing
            .into_par_iter()
            .map(|image| (image, encode(image)))
            .collect();
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        let mut problems = Vec::new();
        for (image, result) in made {
            match result {
                Ok(files) => {
                    self.encoded
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let files = files
                        .into_iter()
                        .map(|file| {
                            let sum = Checksum::of(&file.bytes);
                            (file, sum)
                        })
                        .collect();
                    kept.insert(image.name.clone(), std::sync::Arc::new(files));
                }
                Err(err) => problems.push(unreadable(image, &err)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        kept.retain(|name, _| images.contains_key(name));
        Ok(images
            .keys()
            .filter_map(|name| kept.get(name).cloned())
            .collect())
    }

    /// How many pictures were encoded since this was made.
    pub fn encoded(&self) -> usize {
        self.encoded.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The error for a picture that could be read when the content was loaded but not encoded.
pub fn unreadable(image: &BodyImage, err: &str) -> crate::diagnostic::Diagnostic {
    crate::diagnostic::Diagnostic::error(format!("cannot read this picture: {err}"))
        .with_help("save it again as a JPEG or PNG file")
        .in_file(image.rel.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_capped_at_the_picture_s_own() {
        assert_eq!(widths(4000), [480, 960, 1440]);
        assert_eq!(widths(1440), [480, 960, 1440]);
        assert_eq!(widths(1200), [480, 960, 1200]);
        assert_eq!(widths(480), [480]);
        assert_eq!(widths(300), [300]);
    }

    #[test]
    fn heights_keep_the_proportions() {
        assert_eq!(height_at((4000, 3000), 480), 360);
        assert_eq!(height_at((1000, 1), 480), 1);
        assert_eq!(height_at((3, 2), 3), 2);
    }

    #[test]
    fn names_depend_on_the_bytes_and_the_settings() {
        assert_eq!(name("ab").len(), 16);
        assert_ne!(name("ab"), name("ac"));
        assert_eq!(name("ab"), name("ab"));
    }

    #[test]
    fn encodes_each_width_as_webp_the_same_way_twice() {
        let picture = image::RgbImage::from_fn(1000, 500, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut png = std::io::Cursor::new(Vec::new());
        picture
            .write_to(&mut png, image::ImageFormat::Png)
            .expect("png");
        let files = encode_bytes(png.get_ref(), "n", &widths(1000)).expect("encoded");
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "images/n-480.webp",
                "images/n-960.webp",
                "images/n-1000.webp"
            ]
        );
        for file in &files {
            assert_eq!(&file.bytes[..4], b"RIFF");
            assert_eq!(&file.bytes[8..12], b"WEBP");
        }
        // A lossy WebP is one `VP8 ` chunk, whose frame header holds the size (14 bits each).
        let size = |b: &[u8]| {
            assert_eq!(&b[12..16], b"VP8 ");
            let w = u16::from_le_bytes([b[26], b[27]]) & 0x3fff;
            let h = u16::from_le_bytes([b[28], b[29]]) & 0x3fff;
            (w, h)
        };
        assert_eq!(size(&files[0].bytes), (480, 240));
        assert_eq!(size(&files[2].bytes), (1000, 500));
        let again = encode_bytes(png.get_ref(), "n", &widths(1000)).expect("encoded");
        assert!(files.iter().zip(&again).all(|(a, b)| a.bytes == b.bytes));
    }
}
