//! Checks on the media files that are published as they are (videos).
//!
//! Posters are decoded and encoded again, which drops their metadata. Videos are copied into
//! the site byte for byte (they can weigh gigabytes), so whatever a camera, a phone or an
//! editing program wrote into the file is published with it: the GPS position of the
//! interview, the phone's make, model and serial number, the date of the recording, a title
//! that is often the original file name, or the narrator's real name. [`check_video`] refuses
//! such a video and tells the editor the one `ffmpeg` command that removes all of it without
//! re-encoding (`ffmpeg -i IN -map_metadata -1 -map_chapters -1 -c copy OUT`).
//!
//! Only the structure of the file is read, with seeks: a few headers and the small blocks that
//! hold metadata, never the picture and sound. A check costs a few milliseconds whatever the
//! size of the video.
//!
//! What is checked:
//!
//! - **MP4 / MOV** (ISO base media, QuickTime): every top-level box (32-bit, 64-bit and
//!   to-the-end sizes) must fit in the file, and a `moov` (the index) must be present. The
//!   `moov` (up to 64 MiB) is read and searched: `udta` (QuickTime `©xxx` texts such as
//!   `©xyz` location, `©mak`/`©mod` camera, `©nam` title, `©day` date; 3GPP `loci`, `titl`,
//!   `auth`…; `XMP_`; Nero chapters `chpl`), `meta` (iTunes `ilst` items, and Apple
//!   `keys`/`ilst` pairs such as `com.apple.quicktime.location.ISO6709` or
//!   `com.apple.quicktime.model`), the same inside every `trak`, the creation times of
//!   `mvhd`/`tkhd`/`mdhd` (the recording date), and the kind of every track. A top-level
//!   `meta`, `udta` or XMP `uuid` is searched too. Allowed: the encoding tool (`©too`, e.g.
//!   "Lavf…" written by ffmpeg), the software version (`©swr`, `…software`) and the brand
//!   keys ffmpeg copies (`major_brand`, `minor_version`, `compatible_brands`, `encoder`).
//!   Anything else in those places is refused, named: what is not known to be harmless is
//!   not published.
//! - **WebM / Matroska** (EBML): the EBML header (DocType `webm` or `matroska`), then the
//!   Segment's top-level elements, walked by their sizes (Clusters are skipped without being
//!   read). `Info` must not hold a `Title`, a `DateUTC` or file names (`MuxingApp` and
//!   `WritingApp` are allowed); `Tracks` must not name tracks; `Tags` may only hold the
//!   `SimpleTag`s ffmpeg writes (`ENCODER`, `DURATION`, `HANDLER_NAME`, `VENDOR_ID`,
//!   `MAJOR_BRAND`, `MINOR_VERSION`, `COMPATIBLE_BRANDS`, `ENCODER_OPTIONS`); `Attachments`
//!   (cover pictures with their own EXIF, documents) and `Chapters` (the site makes its own)
//!   are refused. A live recording whose Clusters have no size ends the walk there; the
//!   elements the `SeekHead` points to beyond that point are still read.
//! - **Tracks**: only picture and sound are published. Timecode tracks (often the time of day),
//!   subtitle and text tracks (the site publishes its own captions) and data tracks (GPS or
//!   motion sensor readings from action cameras and drones) are refused.
//! - **The name**: the site tells browsers the type from the extension, so an MP4 named
//!   `.webm` (or the reverse) is refused with the name to give it. A file that is neither
//!   MP4 nor WebM, or whose structure does not add up (cut short by an interrupted copy or
//!   recording), is refused too.
//!
//! Messages name what was found and where (`a GPS location (©xyz)`), never its value: build
//! logs may be kept or shared where the coordinates or a real name must not appear.
//!
//! Not checked: data inside the compressed picture and sound themselves (some cameras write
//! their settings into the video stream), which only re-encoding removes; the names of track
//! handlers (`hdlr`, e.g. "VideoHandler"); the contents of MP4 fragments (`moof`).

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The largest metadata block read into memory (an MP4 `moov`, a Matroska `Tags`…). An hour of
/// video has a `moov` of about one MiB.
const MAX_BLOCK: u64 = 64 * 1024 * 1024;

/// More top-level blocks than this is not a video anyone exported (a fragmented MP4 has two
/// per fragment of a few seconds).
const MAX_TOP_LEVEL: usize = 1_000_000;

/// Checks a video before it is copied into the output, and returns its size in bytes.
///
/// Refuses a file that carries identifying metadata, that is not a WebM or MP4 video, whose
/// structure is damaged, or whose extension does not match its content. The diagnostic has no
/// location: the caller points it at the file.
pub fn check_video(path: &Path) -> Result<u64, Diagnostic> {
    let unreadable = |err: io::Error| Diagnostic::error(format!("cannot read the video: {err}"));
    let mut file = File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len();
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    verdict(&name, scan(&mut file, len))?;
    Ok(len)
}

// ---------------------------------------------------------------------------------------------
// What was found, and the messages for editors.

/// The two families of containers browsers play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    /// ISO base media (MP4, MOV, M4V).
    Mp4,
    /// EBML: WebM, or Matroska in general.
    Matroska,
}

impl Container {
    fn extension(self) -> &'static str {
        match self {
            Container::Mp4 => "mp4",
            Container::Matroska => "webm",
        }
    }

    fn described(self) -> &'static str {
        match self {
            Container::Mp4 => "an MP4 video",
            Container::Matroska => "a WebM video",
        }
    }
}

/// Kinds of identifying information, in the order they are listed to the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Location,
    Camera,
    Date,
    Title,
    Comment,
    Person,
    FileName,
    Chapters,
    Attachments,
    Timecode,
    TextTrack,
    DataTrack,
    Xmp,
    Other,
}

impl Kind {
    /// What it is, and why it matters when that is not obvious.
    fn description(self) -> (&'static str, Option<&'static str>) {
        match self {
            Kind::Location => ("a GPS location", None),
            Kind::Camera => ("the camera's make, model or serial number", None),
            Kind::Date => ("the date of the recording", None),
            Kind::Title => (
                "a title",
                Some("it often holds a name or the original file name"),
            ),
            Kind::Comment => ("a comment or description", None),
            Kind::Person => ("a person's name (author, artist…)", None),
            Kind::FileName => ("a file name", None),
            Kind::Chapters => ("chapters with their names", Some("the site makes its own")),
            Kind::Attachments => (
                "attached files",
                Some("e.g. a cover picture, which carries its own metadata"),
            ),
            Kind::Timecode => (
                "a timecode track",
                Some("it often holds the time of day of the recording"),
            ),
            Kind::TextTrack => (
                "a subtitle or text track",
                Some("the site publishes its own captions"),
            ),
            Kind::DataTrack => (
                "a data track",
                Some("e.g. GPS positions or sensor readings recorded with the video"),
            ),
            Kind::Xmp => (
                "an XMP record",
                Some("notes of the editing software: file names, dates, places"),
            ),
            Kind::Other => ("other information not known to be harmless", None),
        }
    }

    /// Tracks that the plain ffmpeg command would keep: the command must pick the streams.
    fn needs_stream_selection(self) -> bool {
        matches!(self, Kind::TextTrack | Kind::DataTrack)
    }
}

/// One piece of identifying information: its kind and the name of the tag or block holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Finding {
    kind: Kind,
    tag: String,
}

#[derive(Debug, Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, kind: Kind, tag: impl Into<String>) {
        let finding = Finding {
            kind,
            tag: tag.into(),
        };
        if !self.0.contains(&finding) {
            self.0.push(finding);
        }
    }

    /// `a GPS location (©xyz); a title (©nam, name)`.
    fn describe(&self) -> String {
        let mut kinds: Vec<Kind> = self.0.iter().map(|f| f.kind).collect();
        kinds.sort();
        kinds.dedup();
        let parts: Vec<String> = kinds
            .into_iter()
            .map(|kind| {
                let tags: Vec<&str> = self
                    .0
                    .iter()
                    .filter(|f| f.kind == kind)
                    .map(|f| f.tag.as_str())
                    .collect();
                let mut listed = tags.iter().take(5).copied().collect::<Vec<_>>().join(", ");
                if tags.len() > 5 {
                    listed.push_str(", …");
                }
                match kind.description() {
                    (what, Some(why)) => format!("{what} ({listed}): {why}"),
                    (what, None) => format!("{what} ({listed})"),
                }
            })
            .collect();
        parts.join("; ")
    }
}

/// Why a video cannot be published as it is (other than metadata, which is a [`Findings`]).
#[derive(Debug)]
enum Refusal {
    Unreadable(io::Error),
    NotVideo,
    /// The structure does not add up; the text says where, for the curious.
    Damaged(String),
    /// A metadata block too large to read into memory.
    TooLarge {
        what: String,
        size: u64,
    },
}

fn damaged(detail: impl Into<String>) -> Refusal {
    Refusal::Damaged(detail.into())
}

/// Turns the result of a scan into the answer for the editor.
fn verdict(name: &str, scan: Result<(Container, Findings), Refusal>) -> Result<(), Diagnostic> {
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (name, String::new()),
    };
    // What the name promises (an unknown extension is refused earlier, in site.rs).
    let named = if extension == "webm" {
        Container::Matroska
    } else {
        Container::Mp4
    };
    let fix = |container: Container, select_streams: bool| {
        let right = container.extension();
        let out = format!("{stem}-clean.{right}");
        let maps = if select_streams {
            " -map 0:v:0 -map \"0:a?\" "
        } else {
            " "
        };
        let command = format!(
            "ffmpeg -i {}{maps}-map_metadata -1 -map_chapters -1 -c copy {}",
            quoted(name),
            quoted(&out)
        );
        let then = if extension == right {
            format!("delete {name} and rename {out} to {name}")
        } else {
            format!(
                "delete {name}, rename {out} to {stem}.{right} and write `file: {stem}.{right}` \
                 in index.md"
            )
        };
        format!(
            "in the story's folder, run `{command}` (it copies the picture and sound as they \
             are, in seconds), check that {out} plays, then {then}"
        )
    };
    match scan {
        Err(Refusal::Unreadable(err)) => {
            Err(Diagnostic::error(format!("cannot read the video: {err}")))
        }
        Err(Refusal::NotVideo) => {
            let out = format!("{stem}-converted.{}", named.extension());
            Err(
                Diagnostic::error("this is not a WebM or MP4 video").with_help(format!(
                    "convert it: in the story's folder, run `ffmpeg -i {} -map_metadata -1 \
                         -map_chapters -1 {}` (this re-encodes the video, which takes a while), \
                         then use {out} as the story's video (`file: {out}` in index.md)",
                    quoted(name),
                    quoted(&out)
                )),
            )
        }
        Err(Refusal::Damaged(detail)) => Err(Diagnostic::error(format!(
            "the video file looks damaged or incomplete: {detail}"
        ))
        .with_help(format!(
            "copy it again from the original (a copy that stopped early looks like this) or \
             export it again from the editing software; if it plays to the end, rewriting it may \
             repair it: {}",
            fix(named, false)
        ))),
        Err(Refusal::TooLarge { what, size }) => Err(Diagnostic::error(format!(
            "the video's {what} is {} MiB, more than the {} MiB this check reads, so its \
                 metadata cannot be checked",
            size.div_ceil(1024 * 1024),
            MAX_BLOCK / (1024 * 1024)
        ))
        .with_help(format!(
            "rewrite the file without its metadata: {}",
            fix(named, true)
        ))),
        Ok((container, findings)) if !findings.0.is_empty() => {
            let select = findings.0.iter().any(|f| f.kind.needs_stream_selection());
            Err(Diagnostic::error(format!(
                "the video carries information that could identify the narrator or the place \
                 and time of the interview: {}",
                findings.describe()
            ))
            .with_help(format!(
                "remove it before publishing: {}",
                fix(container, select)
            )))
        }
        Ok((container, _)) => {
            let right = container.extension();
            if matches!(extension.as_str(), "webm" | "mp4") && container != named {
                Err(Diagnostic::error(format!(
                    "this is {}, but its name ends in .{extension}: browsers are told it is \
                     {} and may refuse to play it",
                    container.described(),
                    named.described()
                ))
                .with_help(format!(
                    "rename the file to {stem}.{right} and write `file: {stem}.{right}` in \
                     index.md"
                )))
            } else {
                Ok(())
            }
        }
    }
}

/// A file name as typed in a terminal: in double quotes (understood by every shell) if needed.
fn quoted(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-+@,".contains(c))
    {
        name.to_string()
    } else {
        format!("\"{name}\"")
    }
}

/// Sorts a metadata name into a kind of information, or `None` when it is known harmless.
/// `allowed` are the harmless names of the container (compared without case).
fn classify(name: &str, allowed: &[&str]) -> Option<Kind> {
    let lower = name.to_lowercase();
    if allowed.iter().any(|a| a.eq_ignore_ascii_case(&lower)) {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let is = |names: &[&str]| names.contains(&lower.as_str());
    let kind = if has(&["location", "iso6709", "gps", "latitude", "longitude"])
        || is(&["©xyz", "loci", "©lok"])
    {
        Kind::Location
    } else if has(&["serial", "make", "model", "camera", "lens", "device"]) || is(&["©mak", "©mod"])
    {
        Kind::Camera
    } else if has(&["date", "time", "year"]) || is(&["©day", "yrrc"]) {
        Kind::Date
    } else if has(&["filename", "file_name"]) {
        Kind::FileName
    } else if has(&[
        "comment", "descr", "synopsis", "keyword", "summary", "lyrics",
    ]) || is(&[
        "©cmt", "©des", "desc", "dscp", "©inf", "kywd", "ldes", "©lyr",
    ]) {
        Kind::Comment
    } else if has(&[
        "artist",
        "author",
        "performer",
        "composer",
        "director",
        "producer",
        "writer",
        "encoded_by",
        "encodedby",
        "copyright",
        "publisher",
        "owner",
        "person",
        "actor",
    ]) || is(&[
        "©art", "©aut", "auth", "perf", "©wrt", "©dir", "©prd", "©enc", "©cpy", "cprt", "aart",
        "©prf", "©pub", "©ope",
    ]) {
        Kind::Person
    } else if has(&["title", "name"]) || is(&["©nam", "titl", "albm", "©alb"]) {
        Kind::Title
    } else {
        Kind::Other
    };
    Some(kind)
}

// ---------------------------------------------------------------------------------------------
// Reading.

/// A file (or, in tests, bytes) read at chosen offsets.
struct Input<'a, R> {
    reader: &'a mut R,
    len: u64,
}

impl<R: Read + Seek> Input<'_, R> {
    fn read_at(&mut self, pos: u64, buf: &mut [u8]) -> Result<(), Refusal> {
        self.reader
            .seek(SeekFrom::Start(pos))
            .map_err(Refusal::Unreadable)?;
        self.reader.read_exact(buf).map_err(|err| {
            if err.kind() == io::ErrorKind::UnexpectedEof {
                damaged("the file ends sooner than its own structure says")
            } else {
                Refusal::Unreadable(err)
            }
        })
    }

    /// Reads a metadata block of `size` bytes (the caller has checked it fits in the file).
    fn read_block(&mut self, pos: u64, size: u64, what: &str) -> Result<Vec<u8>, Refusal> {
        if size > MAX_BLOCK {
            return Err(Refusal::TooLarge {
                what: what.to_string(),
                size,
            });
        }
        let mut buf = vec![0; size as usize];
        self.read_at(pos, &mut buf)?;
        Ok(buf)
    }

    /// Reads up to `max` bytes at `pos`, fewer if `end` comes first.
    fn read_upto(&mut self, pos: u64, max: usize, end: u64) -> Result<Vec<u8>, Refusal> {
        let n = end.saturating_sub(pos).min(max as u64) as usize;
        let mut buf = vec![0; n];
        self.read_at(pos, &mut buf)?;
        Ok(buf)
    }
}

/// Finds the container, then searches it.
fn scan<R: Read + Seek>(reader: &mut R, len: u64) -> Result<(Container, Findings), Refusal> {
    let mut input = Input { reader, len };
    if len == 0 {
        return Err(damaged("the file is empty"));
    }
    let start = input.read_upto(0, 12, len)?;
    let mut findings = Findings::default();
    if start.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        matroska::scan(&mut input, &mut findings)?;
        Ok((Container::Matroska, findings))
    } else if start.len() >= 8 && mp4::FIRST_BOXES.contains(&&start[4..8]) {
        mp4::scan(&mut input, &mut findings)?;
        Ok((Container::Mp4, findings))
    } else {
        Err(Refusal::NotVideo)
    }
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn be_u64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

// ---------------------------------------------------------------------------------------------
// MP4 / MOV.

mod mp4 {
    use super::*;

    type FourCc = [u8; 4];

    /// Boxes a file may start with (old QuickTime files have no `ftyp`).
    pub(super) const FIRST_BOXES: &[&[u8]] = &[
        b"ftyp", b"styp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid",
    ];

    /// Top-level boxes that hold no metadata: the picture and sound, padding, fragments and
    /// their indexes.
    const PLAIN_TOP_LEVEL: &[&FourCc] = &[
        b"ftyp", b"styp", b"mdat", b"free", b"skip", b"wide", b"moof", b"mfra", b"sidx", b"ssix",
        b"prft", b"emsg", b"pdin",
    ];

    /// Metadata names known to be harmless (the encoding tool and software, and the brands
    /// ffmpeg copies from its input into `keys`).
    const ALLOWED: &[&str] = &[
        "©too",
        "©swr",
        "encoder",
        "software",
        "com.apple.quicktime.software",
        "major_brand",
        "minor_version",
        "compatible_brands",
    ];

    /// The UUID of an XMP packet in a top-level `uuid` box.
    const XMP_UUID: [u8; 16] = [
        0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF,
        0xAC,
    ];

    /// A box type as printed: `©xyz`, `moov`, or hexadecimal for unprintable bytes.
    pub(super) fn show(typ: &[u8]) -> String {
        let mut out = String::new();
        for &b in typ {
            match b {
                0xA9 => out.push('©'),
                b' '..=b'~' => out.push(b as char),
                _ => out.push_str(&format!("\\x{b:02x}")),
            }
        }
        out
    }

    pub(super) fn scan<R: Read + Seek>(
        input: &mut Input<'_, R>,
        findings: &mut Findings,
    ) -> Result<(), Refusal> {
        let len = input.len;
        let mut pos = 0;
        let mut moov = false;
        let mut count = 0;
        while pos < len {
            count += 1;
            if count > MAX_TOP_LEVEL {
                return Err(damaged("it is made of more than a million blocks"));
            }
            let (typ, body, end) = header_at(input, pos)?;
            let size = end - body;
            match &typ {
                b"moov" => {
                    if moov {
                        return Err(damaged("it has two indexes (`moov` boxes)"));
                    }
                    moov = true;
                    let data = input.read_block(body, size, "index (`moov` box)")?;
                    movie(&data, findings)?;
                }
                b"meta" => {
                    let data = input.read_block(body, size, "`meta` box")?;
                    meta(&data, findings)?;
                }
                b"udta" => {
                    let data = input.read_block(body, size, "`udta` box")?;
                    user_data(&data, false, findings)?;
                }
                b"uuid" => {
                    let mut uuid = [0; 16];
                    if size < 16 {
                        return Err(damaged(format!(
                            "the `uuid` box at byte {pos} is too short"
                        )));
                    }
                    input.read_at(body, &mut uuid)?;
                    if uuid == XMP_UUID {
                        findings.add(Kind::Xmp, "uuid XMP");
                    } else {
                        let hex: String = uuid.iter().map(|b| format!("{b:02x}")).collect();
                        findings.add(Kind::Other, format!("uuid {hex}"));
                    }
                }
                typ if PLAIN_TOP_LEVEL.contains(&typ) => {}
                typ => findings.add(Kind::Other, show(typ)),
            }
            pos = end;
        }
        if !moov {
            return Err(damaged(
                "it has no index (`moov` box); a recording that was stopped abruptly looks like \
                 this",
            ));
        }
        Ok(())
    }

    /// Reads the header of the top-level box at `pos`: its type, where its content starts and
    /// where it ends.
    fn header_at<R: Read + Seek>(
        input: &mut Input<'_, R>,
        pos: u64,
    ) -> Result<(FourCc, u64, u64), Refusal> {
        let len = input.len;
        let head = input.read_upto(pos, 16, len)?;
        if head.len() < 8 {
            return Err(damaged(format!(
                "it ends in the middle of a block, {} bytes from the end",
                head.len()
            )));
        }
        let typ: FourCc = head[4..8].try_into().expect("4 bytes");
        let (size, header) = match be_u32(&head, 0).expect("8 bytes") {
            0 => (len - pos, 8),
            1 => match be_u64(&head, 8) {
                Some(size) => (size, 16),
                None => return Err(damaged("it ends in the middle of a block's header")),
            },
            size => (u64::from(size), 8),
        };
        if size < header {
            return Err(damaged(format!(
                "the `{}` box at byte {pos} is smaller than its own header",
                show(&typ)
            )));
        }
        match pos.checked_add(size) {
            Some(end) if end <= len => Ok((typ, pos + header, end)),
            _ => Err(damaged(format!(
                "the `{}` box at byte {pos} is {size} bytes long, but the file ends {} bytes \
                 after its start: the file was probably cut short",
                show(&typ),
                len - pos
            ))),
        }
    }

    /// The boxes inside a box's content, as (type, content).
    fn children(data: &[u8]) -> Result<Vec<(FourCc, &[u8])>, Refusal> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < data.len() {
            let rest = &data[pos..];
            if rest.len() < 8 {
                // QuickTime ends some lists with a 32-bit zero.
                if rest.iter().all(|&b| b == 0) {
                    break;
                }
                return Err(damaged("a block of the index ends in the middle of a box"));
            }
            let typ: FourCc = rest[4..8].try_into().expect("4 bytes");
            let (size, header) = match be_u32(rest, 0).expect("8 bytes") {
                0 => (rest.len() as u64, 8),
                1 => match be_u64(rest, 8) {
                    Some(size) => (size, 16),
                    None => return Err(damaged("a block of the index is cut short")),
                },
                size => (u64::from(size), 8),
            };
            if size < header || size > rest.len() as u64 {
                return Err(damaged(format!(
                    "the size of a `{}` box in the index does not fit",
                    show(&typ)
                )));
            }
            out.push((typ, &rest[header as usize..size as usize]));
            pos += size as usize;
        }
        Ok(out)
    }

    /// `moov`: the movie's header, tracks and metadata.
    fn movie(data: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        for (typ, body) in children(data)? {
            match &typ {
                b"mvhd" => times(body, findings)?,
                b"trak" => track(body, findings)?,
                b"udta" => user_data(body, false, findings)?,
                b"meta" => meta(body, findings)?,
                b"cmov" => findings.add(Kind::Other, "compressed index cmov"),
                _ => {}
            }
        }
        Ok(())
    }

    /// `trak`: one track's header, kind, links and metadata.
    fn track(data: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        for (typ, body) in children(data)? {
            match &typ {
                b"tkhd" => times(body, findings)?,
                b"tref" => {
                    for (link, _) in children(body)? {
                        if link == *b"chap" {
                            findings.add(Kind::Chapters, "chapter track");
                        }
                    }
                }
                b"mdia" => {
                    for (typ, body) in children(body)? {
                        match &typ {
                            b"mdhd" => times(body, findings)?,
                            b"hdlr" => handler(body, findings)?,
                            _ => {}
                        }
                    }
                }
                b"udta" => user_data(body, true, findings)?,
                b"meta" => meta(body, findings)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// The creation and modification times of `mvhd`, `tkhd` and `mdhd`: zero unless the
    /// camera or program wrote when the video was made.
    fn times(body: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        let times = match body.first() {
            Some(1) => be_u64(body, 4).zip(be_u64(body, 12)),
            _ => be_u32(body, 4)
                .zip(be_u32(body, 8))
                .map(|(c, m)| (u64::from(c), u64::from(m))),
        };
        match times {
            Some((0, 0)) => Ok(()),
            Some(_) => {
                findings.add(Kind::Date, "creation time");
                Ok(())
            }
            None => Err(damaged("a header of the index is cut short")),
        }
    }

    /// `hdlr` in a track's `mdia`: what the track holds.
    fn handler(body: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        let Some(kind) = body.get(8..12) else {
            return Err(damaged("a track's `hdlr` box is cut short"));
        };
        match kind {
            b"vide" | b"soun" => {}
            b"tmcd" => findings.add(Kind::Timecode, "tmcd"),
            b"sbtl" | b"subt" | b"text" | b"clcp" => {
                findings.add(Kind::TextTrack, show(kind));
            }
            _ => findings.add(Kind::DataTrack, show(kind)),
        }
        Ok(())
    }

    /// `udta`: QuickTime and 3GPP user data.
    fn user_data(data: &[u8], in_track: bool, findings: &mut Findings) -> Result<(), Refusal> {
        for (typ, body) in children(data)? {
            match &typ {
                b"meta" => meta(body, findings)?,
                b"free" | b"skip" => {}
                b"XMP_" => findings.add(Kind::Xmp, "XMP_"),
                b"chpl" => findings.add(Kind::Chapters, "chpl"),
                b"name" if in_track => findings.add(Kind::Title, "track name"),
                typ => {
                    let name = show(typ);
                    if let Some(kind) = classify(&name, ALLOWED) {
                        findings.add(kind, name);
                    }
                }
            }
        }
        Ok(())
    }

    /// `meta`: a handler, then iTunes-style `ilst` items, named by their type or by `keys`.
    fn meta(data: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        // ISO `meta` is a full box (4 bytes of version and flags); Apple's in `moov` is not.
        let data = if data.get(4..8) == Some(&b"hdlr"[..]) {
            data
        } else {
            data.get(4..)
                .ok_or_else(|| damaged("a `meta` box is cut short"))?
        };
        let boxes = children(data)?;
        let mut keys = Vec::new();
        for (typ, body) in &boxes {
            if typ == b"keys" {
                keys = key_names(body)?;
            }
        }
        for (typ, body) in boxes {
            match &typ {
                b"hdlr" | b"keys" | b"free" | b"skip" => {}
                b"ilst" => items(body, &keys, findings)?,
                b"XMP_" | b"xml " | b"bxml" => {
                    findings.add(Kind::Xmp, format!("meta/{}", show(&typ)))
                }
                typ => findings.add(Kind::Other, format!("meta/{}", show(typ))),
            }
        }
        Ok(())
    }

    /// The names in a `keys` box (`com.apple.quicktime.make`…), in order: `ilst` item 1 is
    /// the first.
    fn key_names(body: &[u8]) -> Result<Vec<String>, Refusal> {
        let cut = || damaged("a `keys` box is cut short");
        let count = be_u32(body, 4).ok_or_else(cut)?;
        let mut pos = 8;
        let mut names = Vec::new();
        for _ in 0..count {
            let size = be_u32(body, pos).ok_or_else(cut)? as usize;
            if size < 8 || pos + size > body.len() {
                return Err(cut());
            }
            names.push(String::from_utf8_lossy(&body[pos + 8..pos + size]).into_owned());
            pos += size;
        }
        Ok(names)
    }

    /// `ilst`: one box per item, named by its type (`©nam`), its index in `keys`, or, for
    /// `----`, its `name` box.
    fn items(data: &[u8], keys: &[String], findings: &mut Findings) -> Result<(), Refusal> {
        for (typ, body) in children(data)? {
            let index = u32::from_be_bytes(typ) as usize;
            let name = if typ == *b"----" {
                children(body)?
                    .into_iter()
                    .find(|(t, _)| t == b"name")
                    .and_then(|(_, b)| b.get(4..))
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_else(|| "----".to_string())
            } else if index >= 1 && index <= keys.len() {
                keys[index - 1].clone()
            } else if index < 0x0100_0000 {
                format!("item {index}")
            } else {
                show(&typ)
            };
            if let Some(kind) = classify(&name, ALLOWED) {
                findings.add(kind, name);
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// WebM / Matroska.

mod matroska {
    use super::*;

    const EBML: u32 = 0x1A45_DFA3;
    const DOC_TYPE: u32 = 0x4282;
    const SEGMENT: u32 = 0x1853_8067;
    const SEEK_HEAD: u32 = 0x114D_9B74;
    const SEEK: u32 = 0x4DBB;
    const SEEK_ID: u32 = 0x53AB;
    const SEEK_POSITION: u32 = 0x53AC;
    const INFO: u32 = 0x1549_A966;
    const TRACKS: u32 = 0x1654_AE6B;
    const TRACK_ENTRY: u32 = 0xAE;
    const TRACK_TYPE: u32 = 0x83;
    const TRACK_NAME: u32 = 0x536E;
    const CLUSTER: u32 = 0x1F43_B675;
    const TAGS: u32 = 0x1254_C367;
    const TAG: u32 = 0x7373;
    const SIMPLE_TAG: u32 = 0x67C8;
    const TAG_NAME: u32 = 0x45A3;
    const ATTACHMENTS: u32 = 0x1941_A469;
    const CHAPTERS: u32 = 0x1043_A770;
    const VOID: u32 = 0xEC;
    const TITLE: u32 = 0x7BA9;
    const DATE_UTC: u32 = 0x4461;
    const SEGMENT_FILENAME: u32 = 0x7384;
    const PREV_FILENAME: u32 = 0x3C_83AB;
    const NEXT_FILENAME: u32 = 0x3E_83BB;

    /// The tags ffmpeg writes by itself (`-map_metadata -1` keeps them): harmless.
    const ALLOWED_TAGS: &[&str] = &[
        "ENCODER",
        "DURATION",
        "HANDLER_NAME",
        "VENDOR_ID",
        "MAJOR_BRAND",
        "MINOR_VERSION",
        "COMPATIBLE_BRANDS",
        "ENCODER_OPTIONS",
    ];

    fn name(id: u32) -> String {
        match id {
            SEGMENT => "Segment".into(),
            SEEK_HEAD => "SeekHead".into(),
            INFO => "Info".into(),
            TRACKS => "Tracks".into(),
            CLUSTER => "Cluster".into(),
            TAGS => "Tags".into(),
            ATTACHMENTS => "Attachments".into(),
            CHAPTERS => "Chapters".into(),
            _ => format!("0x{id:X}"),
        }
    }

    /// An element ID (1 to 4 bytes, marker kept) at the start of `bytes`, and its length.
    fn id(bytes: &[u8]) -> Option<(u32, usize)> {
        let first = *bytes.first()?;
        let len = first.leading_zeros() as usize + 1;
        if len > 4 {
            return None;
        }
        let id = bytes
            .get(..len)?
            .iter()
            .fold(0, |acc, &b| (acc << 8) | u32::from(b));
        Some((id, len))
    }

    /// An element size (1 to 8 bytes, marker removed; all ones means unknown) and its length.
    fn size(bytes: &[u8]) -> Option<(Option<u64>, usize)> {
        let first = *bytes.first()?;
        let len = first.leading_zeros() as usize + 1;
        if len > 8 {
            return None;
        }
        let mask = (0xFFu16 >> len) as u8;
        let mut value = u64::from(first & mask);
        let mut all_ones = first & mask == mask;
        for &b in bytes.get(1..len)? {
            value = (value << 8) | u64::from(b);
            all_ones &= b == 0xFF;
        }
        Some((if all_ones { None } else { Some(value) }, len))
    }

    /// An element header at `pos` in the file: ID, size (`None` if unknown) and where its
    /// content starts.
    fn header_at<R: Read + Seek>(
        input: &mut Input<'_, R>,
        pos: u64,
        end: u64,
    ) -> Result<(u32, Option<u64>, u64), Refusal> {
        let head = input.read_upto(pos, 12, end)?;
        let bad = || {
            damaged(format!(
                "the element at byte {pos} has no valid header (the file may be cut short)"
            ))
        };
        let (id, id_len) = id(&head).ok_or_else(bad)?;
        let (size, size_len) = size(&head[id_len..]).ok_or_else(bad)?;
        Ok((id, size, pos + (id_len + size_len) as u64))
    }

    /// The elements inside an element's content, as (ID, content).
    fn children(data: &[u8]) -> Result<Vec<(u32, &[u8])>, Refusal> {
        let mut out = Vec::new();
        let mut pos = 0;
        let bad = || damaged("a block of metadata has an element that does not fit");
        while pos < data.len() {
            let (id, id_len) = id(&data[pos..]).ok_or_else(bad)?;
            let (size, size_len) = size(&data[pos + id_len..]).ok_or_else(bad)?;
            let start = pos + id_len + size_len;
            let size = size.ok_or_else(bad)?;
            if size > (data.len() - start) as u64 {
                return Err(bad());
            }
            let end = start + size as usize;
            out.push((id, &data[start..end]));
            pos = end;
        }
        Ok(out)
    }

    fn uint(data: &[u8]) -> u64 {
        data.iter()
            .take(8)
            .fold(0, |acc, &b| (acc << 8) | u64::from(b))
    }

    fn text(data: &[u8]) -> String {
        String::from_utf8_lossy(data)
            .trim_end_matches('\0')
            .to_string()
    }

    pub(super) fn scan<R: Read + Seek>(
        input: &mut Input<'_, R>,
        findings: &mut Findings,
    ) -> Result<(), Refusal> {
        let len = input.len;
        let (_, size, body) = header_at(input, 0, len)?;
        let size = size.ok_or_else(|| damaged("the EBML header has no size"))?;
        if size > 4096 || body + size > len {
            return Err(damaged("the EBML header does not fit"));
        }
        let header = input.read_block(body, size, "EBML header")?;
        let doc_type = children(&header)?
            .into_iter()
            .find(|(id, _)| *id == DOC_TYPE)
            .map(|(_, data)| text(data))
            .unwrap_or_default();
        if doc_type != "webm" && doc_type != "matroska" {
            return Err(Refusal::NotVideo);
        }
        let mut pos = body + size;
        let mut segments = 0;
        while pos < len {
            let header = header_at(input, pos, len);
            let (id, size, body) = match header {
                Ok(header) => header,
                // Bytes after a complete Segment are not read by players.
                Err(_) if segments > 0 => break,
                Err(err) => return Err(err),
            };
            match (id, size) {
                (SEGMENT, size) => {
                    segments += 1;
                    let end = match size {
                        None => len,
                        Some(size) => match body.checked_add(size) {
                            Some(end) if end <= len => end,
                            _ => {
                                return Err(damaged(format!(
                                    "the Segment holds {size} bytes but the file ends {} bytes \
                                     after its start: the file was probably cut short",
                                    len - body
                                )));
                            }
                        },
                    };
                    segment(input, body, end, findings)?;
                    pos = end;
                }
                (VOID | EBML, Some(size)) if body.saturating_add(size) <= len => {
                    pos = body + size;
                }
                _ if segments > 0 => break,
                _ => return Err(damaged("the EBML header is not followed by a Segment")),
            }
        }
        if segments == 0 {
            return Err(damaged("it has no Segment (the video itself)"));
        }
        Ok(())
    }

    /// What has been read of one Segment.
    struct Walk {
        /// Offsets of the top-level elements already looked at.
        visited: HashSet<u64>,
        /// (ID, absolute offset) of the elements the SeekHeads point to.
        seeks: Vec<(u32, u64)>,
        tracks: bool,
    }

    /// Walks the Segment's top-level elements by their sizes; Clusters are skipped unread.
    fn segment<R: Read + Seek>(
        input: &mut Input<'_, R>,
        start: u64,
        end: u64,
        findings: &mut Findings,
    ) -> Result<(), Refusal> {
        let mut walk = Walk {
            visited: HashSet::new(),
            seeks: Vec::new(),
            tracks: false,
        };
        let mut pos = start;
        let mut stopped = None;
        let mut count = 0;
        while pos < end {
            count += 1;
            if count > MAX_TOP_LEVEL {
                return Err(damaged("it is made of more than a million blocks"));
            }
            let (id, size, body) = header_at(input, pos, end)?;
            let Some(size) = size else {
                // A live recording: Clusters of unknown size, which end where the next
                // element starts. Only the elements the SeekHead points to are read beyond.
                match id {
                    INFO | TRACKS | TAGS | SEEK_HEAD => {
                        return Err(damaged(format!("the {} element has no size", name(id))));
                    }
                    ATTACHMENTS | CHAPTERS => {
                        visit(input, id, body, 0, start, &mut walk, findings)?
                    }
                    _ => {}
                }
                stopped = Some(pos);
                break;
            };
            match body.checked_add(size) {
                Some(elem_end) if elem_end <= end => {
                    walk.visited.insert(pos);
                    visit(input, id, body, size, start, &mut walk, findings)?;
                    pos = elem_end;
                }
                _ => {
                    return Err(damaged(format!(
                        "the {} element at byte {pos} runs past the end of the file: the file \
                         was probably cut short",
                        name(id)
                    )));
                }
            }
        }
        if let Some(stop) = stopped {
            // Follow the SeekHeads to the metadata after the point where the walk stopped
            // (SeekHeads may point to further SeekHeads).
            let mut next = 0;
            while next < walk.seeks.len() && next < 256 {
                let (expected, target) = walk.seeks[next];
                next += 1;
                if target < stop || target >= end || !walk.visited.insert(target) {
                    continue;
                }
                let (id, size, body) = header_at(input, target, end)?;
                // A stale SeekHead (pointing elsewhere) is not an error for players.
                let Some(size) = size.filter(|_| id == expected) else {
                    continue;
                };
                if body.checked_add(size).is_none_or(|e| e > end) {
                    return Err(damaged(format!(
                        "the {} element at byte {target} runs past the end of the file",
                        name(id)
                    )));
                }
                visit(input, id, body, size, start, &mut walk, findings)?;
            }
        }
        if !walk.tracks {
            return Err(damaged("it has no list of tracks (Tracks element)"));
        }
        Ok(())
    }

    /// Reads one top-level element of a Segment if it may hold metadata.
    fn visit<R: Read + Seek>(
        input: &mut Input<'_, R>,
        id: u32,
        body: u64,
        size: u64,
        segment_start: u64,
        walk: &mut Walk,
        findings: &mut Findings,
    ) -> Result<(), Refusal> {
        match id {
            INFO => {
                let data = input.read_block(body, size, "Info element")?;
                for (id, _) in children(&data)? {
                    match id {
                        TITLE => findings.add(Kind::Title, "Title"),
                        DATE_UTC => findings.add(Kind::Date, "DateUTC"),
                        SEGMENT_FILENAME => findings.add(Kind::FileName, "SegmentFilename"),
                        PREV_FILENAME => findings.add(Kind::FileName, "PrevFilename"),
                        NEXT_FILENAME => findings.add(Kind::FileName, "NextFilename"),
                        _ => {}
                    }
                }
            }
            TRACKS => {
                walk.tracks = true;
                let data = input.read_block(body, size, "Tracks element")?;
                for (id, entry) in children(&data)? {
                    if id != TRACK_ENTRY {
                        continue;
                    }
                    for (id, value) in children(entry)? {
                        match id {
                            TRACK_NAME => findings.add(Kind::Title, "track Name"),
                            TRACK_TYPE => match uint(value) {
                                1 | 2 => {}
                                0x11 => findings.add(Kind::TextTrack, "subtitles"),
                                other => {
                                    findings.add(Kind::DataTrack, format!("TrackType {other}"))
                                }
                            },
                            _ => {}
                        }
                    }
                }
            }
            TAGS => {
                let data = input.read_block(body, size, "Tags element")?;
                for (id, tag) in children(&data)? {
                    if id == TAG {
                        for (id, simple) in children(tag)? {
                            if id == SIMPLE_TAG {
                                simple_tag(simple, findings)?;
                            }
                        }
                    }
                }
            }
            ATTACHMENTS => findings.add(Kind::Attachments, "Attachments"),
            CHAPTERS => findings.add(Kind::Chapters, "Chapters"),
            // Only for finding elements past a live stream's Clusters: a SeekHead too large
            // to read is skipped, as players would.
            SEEK_HEAD if size <= 1024 * 1024 => {
                let data = input.read_block(body, size, "SeekHead element")?;
                for (id, seek) in children(&data)? {
                    if id != SEEK {
                        continue;
                    }
                    let fields = children(seek)?;
                    let target = fields
                        .iter()
                        .find(|(id, _)| *id == SEEK_ID)
                        .and_then(|(_, data)| self::id(data))
                        .map(|(id, _)| id);
                    let position = fields
                        .iter()
                        .find(|(id, _)| *id == SEEK_POSITION)
                        .map(|(_, data)| uint(data));
                    if let (Some(target), Some(position)) = (target, position)
                        && let Some(at) = segment_start.checked_add(position)
                    {
                        walk.seeks.push((target, at));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A `SimpleTag`: its name must be one ffmpeg writes by itself; nested tags too.
    fn simple_tag(data: &[u8], findings: &mut Findings) -> Result<(), Refusal> {
        for (id, value) in children(data)? {
            match id {
                TAG_NAME => {
                    let name = text(value);
                    if let Some(kind) = classify(&name, ALLOWED_TAGS) {
                        findings.add(kind, name);
                    }
                }
                SIMPLE_TAG => simple_tag(value, findings)?,
                _ => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    // ---- MP4 building blocks -----------------------------------------------------------------

    fn mp4_box(typ: &[u8], body: &[u8]) -> Vec<u8> {
        let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(typ);
        out.extend_from_slice(body);
        out
    }

    /// A box with a 64-bit size.
    fn mp4_box64(typ: &[u8], body: &[u8]) -> Vec<u8> {
        let mut out = 1u32.to_be_bytes().to_vec();
        out.extend_from_slice(typ);
        out.extend_from_slice(&((body.len() + 16) as u64).to_be_bytes());
        out.extend_from_slice(body);
        out
    }

    fn cat(parts: &[Vec<u8>]) -> Vec<u8> {
        parts.concat()
    }

    /// A version-0 `mvhd`/`tkhd`/`mdhd` with the given creation time.
    fn header_box(typ: &[u8], created: u32) -> Vec<u8> {
        let mut body = vec![0; 4];
        body.extend_from_slice(&created.to_be_bytes());
        body.extend_from_slice(&created.to_be_bytes());
        body.resize(96, 0);
        mp4_box(typ, &body)
    }

    fn hdlr(kind: &[u8]) -> Vec<u8> {
        let mut body = vec![0; 8];
        body.extend_from_slice(kind);
        body.extend_from_slice(&[0; 12]);
        body.extend_from_slice(b"Handler\0");
        mp4_box(b"hdlr", &body)
    }

    fn trak(kind: &[u8], extra: &[Vec<u8>]) -> Vec<u8> {
        let mdia = mp4_box(
            b"mdia",
            &cat(&[header_box(b"mdhd", 0), hdlr(kind), mp4_box(b"minf", &[])]),
        );
        let mut parts = vec![header_box(b"tkhd", 0), mdia];
        parts.extend_from_slice(extra);
        mp4_box(b"trak", &cat(&parts))
    }

    /// An iTunes-style item holding a `data` box of UTF-8 text.
    fn item(typ: &[u8], value: &str) -> Vec<u8> {
        let mut data = vec![0, 0, 0, 1, 0, 0, 0, 0];
        data.extend_from_slice(value.as_bytes());
        mp4_box(typ, &mp4_box(b"data", &data))
    }

    /// `meta` (full box) with an `mdir` handler and an `ilst`, as ffmpeg writes in `udta`.
    fn itunes_meta(items: &[Vec<u8>]) -> Vec<u8> {
        let mut body = vec![0; 4];
        body.extend(hdlr(b"mdir"));
        body.extend(mp4_box(b"ilst", &cat(items)));
        mp4_box(b"meta", &body)
    }

    /// Apple's `meta` in `moov` (no version and flags) with `keys` and their `ilst` items.
    fn keys_meta(pairs: &[(&str, &str)]) -> Vec<u8> {
        let mut keys = vec![0; 4];
        keys.extend_from_slice(&(pairs.len() as u32).to_be_bytes());
        let mut items = Vec::new();
        for (i, (key, value)) in pairs.iter().enumerate() {
            keys.extend_from_slice(&((key.len() + 8) as u32).to_be_bytes());
            keys.extend_from_slice(b"mdta");
            keys.extend_from_slice(key.as_bytes());
            items.push(item(&(i as u32 + 1).to_be_bytes(), value));
        }
        mp4_box(
            b"meta",
            &cat(&[
                hdlr(b"mdta"),
                mp4_box(b"keys", &keys),
                mp4_box(b"ilst", &cat(&items)),
            ]),
        )
    }

    /// A QuickTime user-data text (`©xyz` in `udta`): length, language, text.
    fn qt_text(typ: &[u8], value: &str) -> Vec<u8> {
        let mut body = (value.len() as u16).to_be_bytes().to_vec();
        body.extend_from_slice(&[0x15, 0xC7]);
        body.extend_from_slice(value.as_bytes());
        mp4_box(typ, &body)
    }

    fn ftyp() -> Vec<u8> {
        mp4_box(b"ftyp", b"isom\0\0\x02\0isomiso2avc1mp41")
    }

    /// A `moov` as ffmpeg writes it, plus `extra` boxes.
    fn moov(extra: &[Vec<u8>]) -> Vec<u8> {
        let mut parts = vec![
            header_box(b"mvhd", 0),
            trak(b"vide", &[]),
            trak(b"soun", &[]),
            mp4_box(b"udta", &itunes_meta(&[item(b"\xA9too", "Lavf59.27.100")])),
        ];
        parts.extend_from_slice(extra);
        mp4_box(b"moov", &cat(&parts))
    }

    fn mp4_with(extra: &[Vec<u8>]) -> Vec<u8> {
        cat(&[ftyp(), mp4_box(b"mdat", &[0x55; 1000]), moov(extra)])
    }

    // ---- EBML building blocks ----------------------------------------------------------------

    fn ebml(id: u32, body: &[u8]) -> Vec<u8> {
        let mut out: Vec<u8> = id
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        // An 8-byte size, as ffmpeg writes for the large elements.
        let mut size = (body.len() as u64).to_be_bytes();
        size[0] = 0x01;
        out.extend_from_slice(&size);
        out.extend_from_slice(body);
        out
    }

    /// An element of unknown size (live streams), followed by its content.
    fn ebml_unknown(id: u32, body: &[u8]) -> Vec<u8> {
        let mut out: Vec<u8> = id
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.extend_from_slice(&[0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        out.extend_from_slice(body);
        out
    }

    fn ebml_header(doc_type: &str) -> Vec<u8> {
        ebml(
            0x1A45_DFA3,
            &cat(&[
                ebml(0x4286, &[1]),
                ebml(0x4282, doc_type.as_bytes()),
                ebml(0x4287, &[4]),
            ]),
        )
    }

    fn info(extra: &[Vec<u8>]) -> Vec<u8> {
        let mut parts = vec![
            ebml(0x2AD7B1, &[0x0F, 0x42, 0x40]),
            ebml(0x4D80, b"Lavf59.27.100"),
            ebml(0x5741, b"Lavf59.27.100"),
        ];
        parts.extend_from_slice(extra);
        ebml(0x1549_A966, &cat(&parts))
    }

    fn tracks() -> Vec<u8> {
        ebml(
            0x1654_AE6B,
            &ebml(
                0xAE,
                &cat(&[ebml(0xD7, &[1]), ebml(0x83, &[1]), ebml(0x86, b"V_VP9")]),
            ),
        )
    }

    fn tags(names: &[&str]) -> Vec<u8> {
        let simple: Vec<Vec<u8>> = names
            .iter()
            .map(|name| {
                ebml(
                    0x67C8,
                    &cat(&[ebml(0x45A3, name.as_bytes()), ebml(0x4487, b"value")]),
                )
            })
            .collect();
        let mut tag = ebml(0x63C0, &[]);
        tag.extend(cat(&simple));
        ebml(0x1254_C367, &ebml(0x7373, &tag))
    }

    fn cluster() -> Vec<u8> {
        ebml(
            0x1F43_B675,
            &cat(&[ebml(0xE7, &[0]), ebml(0xA3, &[0x81, 0, 0, 0x80, 1, 2, 3])]),
        )
    }

    fn webm(children: &[Vec<u8>]) -> Vec<u8> {
        cat(&[ebml_header("webm"), ebml(0x1853_8067, &cat(children))])
    }

    fn clean_webm() -> Vec<u8> {
        webm(&[
            info(&[]),
            tracks(),
            tags(&["ENCODER", "DURATION"]),
            cluster(),
            cluster(),
        ])
    }

    // ---- Checking ----------------------------------------------------------------------------

    fn check(name: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        verdict(
            name,
            scan(&mut Cursor::new(bytes.to_vec()), bytes.len() as u64),
        )
    }

    fn refused(name: &str, bytes: &[u8]) -> String {
        match check(name, bytes) {
            Ok(()) => panic!("{name} was accepted"),
            Err(diagnostic) => diagnostic.to_string(),
        }
    }

    #[test]
    fn accepts_a_clean_mp4() {
        check("video.mp4", &mp4_with(&[])).unwrap();
        // Fast start (index first), a 64-bit `mdat`, and a last box sized "to the end".
        let fast = cat(&[ftyp(), moov(&[]), mp4_box64(b"mdat", &[0x55; 100])]);
        check("video.mp4", &fast).unwrap();
        let mut to_end = cat(&[ftyp(), moov(&[]), mp4_box(b"mdat", &[0x55; 100])]);
        let at = to_end.len() - 108;
        to_end[at..at + 4].copy_from_slice(&[0; 4]);
        check("video.mp4", &to_end).unwrap();
        // Software versions are harmless.
        let software = mp4_with(&[
            mp4_box(b"udta", &qt_text(b"\xA9swr", "Lavf59.27.100")),
            keys_meta(&[("com.apple.quicktime.software", "17.1")]),
        ]);
        check("video.mp4", &software).unwrap();
    }

    #[test]
    fn refuses_an_mp4_location_and_names_the_fix() {
        let text = refused(
            "video.mp4",
            &mp4_with(&[mp4_box(b"udta", &qt_text(b"\xA9xyz", "+48.8577+002.2950/"))]),
        );
        assert!(text.contains("a GPS location (©xyz)"), "{text}");
        assert!(
            text.contains(
                "`ffmpeg -i video.mp4 -map_metadata -1 -map_chapters -1 -c copy video-clean.mp4`"
            ),
            "{text}"
        );
        assert!(
            text.contains("rename video-clean.mp4 to video.mp4"),
            "{text}"
        );
        // The coordinates are not repeated into build logs.
        assert!(!text.contains("48.8577"), "{text}");
    }

    #[test]
    fn refuses_apple_keys() {
        let text = refused(
            "video.mp4",
            &mp4_with(&[keys_meta(&[
                ("com.apple.quicktime.location.ISO6709", "+48.8577+002.2950/"),
                ("com.apple.quicktime.make", "Apple"),
                ("com.apple.quicktime.model", "iPhone 15"),
                ("com.apple.quicktime.software", "17.1"),
                (
                    "com.apple.quicktime.creationdate",
                    "2016-01-31T10:00:00+0100",
                ),
            ])]),
        );
        assert!(
            text.contains("a GPS location (com.apple.quicktime.location.ISO6709)"),
            "{text}"
        );
        assert!(
            text.contains("(com.apple.quicktime.make, com.apple.quicktime.model)"),
            "{text}"
        );
        assert!(
            text.contains("the date of the recording (com.apple.quicktime.creationdate)"),
            "{text}"
        );
        assert!(!text.contains("software"), "{text}");
    }

    #[test]
    fn refuses_itunes_titles_and_people() {
        let udta = mp4_box(
            b"udta",
            &itunes_meta(&[
                item(b"\xA9nam", "Real Name"),
                item(b"\xA9too", "Lavf"),
                item(b"\xA9ART", "Someone"),
                item(b"\xA9day", "2016"),
                item(b"\xA9cmt", "hello"),
            ]),
        );
        let text = refused("video.mp4", &cat(&[ftyp(), moov(&[udta])]));
        for part in [
            "a title (©nam)",
            "a person's name (author, artist…) (©ART)",
            "the date of the recording (©day)",
            "a comment or description (©cmt)",
        ] {
            assert!(text.contains(part), "{part}: {text}");
        }
        assert!(!text.contains("©too"), "{text}");
    }

    #[test]
    fn reads_an_mp4_with_64_bit_sizes() {
        let moov64 = mp4_box64(
            b"moov",
            &cat(&[
                header_box(b"mvhd", 0),
                trak(b"vide", &[]),
                mp4_box(b"udta", &qt_text(b"\xA9nam", "Real Name")),
            ]),
        );
        let file = cat(&[ftyp(), mp4_box64(b"mdat", &[0x55; 1000]), moov64]);
        let text = refused("video.mp4", &file);
        assert!(text.contains("a title (©nam)"), "{text}");
    }

    #[test]
    fn refuses_mp4_dates_tracks_and_chapters() {
        let dated = cat(&[
            ftyp(),
            mp4_box(b"mdat", &[0; 10]),
            mp4_box(
                b"moov",
                &cat(&[header_box(b"mvhd", 3_537_079_200), trak(b"vide", &[])]),
            ),
        ]);
        let text = refused("video.mp4", &dated);
        assert!(
            text.contains("the date of the recording (creation time)"),
            "{text}"
        );

        let text = refused("video.mp4", &mp4_with(&[trak(b"tmcd", &[])]));
        assert!(text.contains("a timecode track"), "{text}");
        assert!(!text.contains("-map 0:v:0"), "{text}");

        let text = refused(
            "video.mp4",
            &mp4_with(&[
                trak(b"meta", &[]),
                trak(b"sbtl", &[mp4_box(b"udta", &mp4_box(b"name", b"English"))]),
            ]),
        );
        assert!(text.contains("a data track"), "{text}");
        assert!(text.contains("a subtitle or text track (sbtl)"), "{text}");
        assert!(text.contains("a title (track name)"), "{text}");
        assert!(
            text.contains("-map 0:v:0 -map \"0:a?\" -map_metadata -1 -map_chapters -1 -c copy"),
            "{text}"
        );

        let text = refused(
            "video.mp4",
            &mp4_with(&[mp4_box(b"udta", &mp4_box(b"chpl", &[0; 9]))]),
        );
        assert!(text.contains("chapters"), "{text}");
    }

    #[test]
    fn refuses_top_level_metadata_and_xmp() {
        let mut xmp = vec![
            0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3,
            0xAF, 0xAC,
        ];
        xmp.extend_from_slice(b"<x:xmpmeta/>");
        let file = cat(&[ftyp(), mp4_box(b"uuid", &xmp), mp4_with(&[])]);
        let text = refused("video.mp4", &file[..]);
        assert!(text.contains("an XMP record"), "{text}");

        let file = cat(&[
            mp4_with(&[]),
            mp4_box(b"udta", &qt_text(b"\xA9mak", "Sony")),
        ]);
        let text = refused("video.mp4", &file);
        assert!(
            text.contains("the camera's make, model or serial number (©mak)"),
            "{text}"
        );
    }

    #[test]
    fn accepts_a_clean_webm() {
        check("video.webm", &clean_webm()).unwrap();
        // Every tag ffmpeg writes by itself is harmless.
        let file = webm(&[
            info(&[]),
            tracks(),
            cluster(),
            tags(&[
                "ENCODER",
                "DURATION",
                "HANDLER_NAME",
                "VENDOR_ID",
                "MAJOR_BRAND",
                "MINOR_VERSION",
                "COMPATIBLE_BRANDS",
                "ENCODER_OPTIONS",
            ]),
        ]);
        check("video.webm", &file).unwrap();
        // Matroska proper, and `Void` padding.
        let mkv = cat(&[
            ebml_header("matroska"),
            ebml(
                0x1853_8067,
                &cat(&[info(&[]), ebml(0xEC, &[0; 50]), tracks()]),
            ),
        ]);
        check("video.webm", &mkv).unwrap();
    }

    #[test]
    fn refuses_a_webm_title() {
        let file = webm(&[info(&[ebml(0x7BA9, b"Real Name.mov")]), tracks(), cluster()]);
        let text = refused("video.webm", &file);
        assert!(text.contains("a title (Title)"), "{text}");
        assert!(
            text.contains(
                "`ffmpeg -i video.webm -map_metadata -1 -map_chapters -1 -c copy video-clean.webm`"
            ),
            "{text}"
        );
        assert!(!text.contains("Real Name"), "{text}");
    }

    #[test]
    fn refuses_webm_tags_even_after_the_clusters() {
        let file = webm(&[
            info(&[]),
            tracks(),
            cluster(),
            cluster(),
            tags(&["ENCODER", "TITLE", "LOCATION", "DATE_RECORDED", "ARTIST"]),
        ]);
        let text = refused("video.webm", &file);
        for part in [
            "a GPS location (LOCATION)",
            "the date of the recording (DATE_RECORDED)",
            "a title (TITLE)",
            "(ARTIST)",
        ] {
            assert!(text.contains(part), "{part}: {text}");
        }
        assert!(!text.contains("ENCODER"), "{text}");
    }

    #[test]
    fn refuses_webm_attachments_chapters_dates_and_subtitles() {
        let file = webm(&[
            info(&[ebml(0x4461, &[0; 8])]),
            tracks(),
            ebml(0x1043_A770, &[]),
            ebml(0x1941_A469, &[]),
            ebml(
                0x1654_AE6B,
                &ebml(0xAE, &cat(&[ebml(0x83, &[0x11]), ebml(0x536E, b"Arabic")])),
            ),
            cluster(),
        ]);
        let text = refused("video.webm", &file);
        for part in [
            "the date of the recording (DateUTC)",
            "chapters",
            "attached files",
            "a subtitle or text track",
            "a title (track Name)",
            "-map 0:v:0",
        ] {
            assert!(text.contains(part), "{part}: {text}");
        }
    }

    #[test]
    fn reads_live_webm_and_follows_the_seek_head() {
        // A live recording: Segment and Cluster of unknown size; the walk stops there.
        let live = cat(&[
            ebml_header("webm"),
            ebml_unknown(
                0x1853_8067,
                &cat(&[
                    info(&[]),
                    tracks(),
                    ebml_unknown(
                        0x1F43_B675,
                        &[0xE7, 0x81, 0x00, 0xA3, 0x84, 0x81, 0, 0, 0x80],
                    ),
                ]),
            ),
        ]);
        check("video.webm", &live).unwrap();

        // Tags after an unknown-size Cluster, found through the SeekHead.
        let before = cat(&[info(&[]), tracks()]);
        let live_cluster = ebml_unknown(0x1F43_B675, &[0xE7, 0x81, 0x00]);
        let seek_head_len = ebml(0x114D_9B74, &seek(0, 0)).len();
        let tags_at = seek_head_len + before.len() + live_cluster.len();
        let file = cat(&[
            ebml_header("webm"),
            ebml_unknown(
                0x1853_8067,
                &cat(&[
                    ebml(0x114D_9B74, &seek(0x1254_C367, tags_at as u64)),
                    before,
                    live_cluster,
                    tags(&["TITLE"]),
                ]),
            ),
        ]);
        let text = refused("video.webm", &file);
        assert!(text.contains("a title (TITLE)"), "{text}");
    }

    /// A `Seek` entry with an 8-byte position, so that its length does not depend on it.
    fn seek(id: u32, position: u64) -> Vec<u8> {
        ebml(
            0x4DBB,
            &cat(&[
                ebml(0x53AB, &id.to_be_bytes()),
                ebml(0x53AC, &position.to_be_bytes()),
            ]),
        )
    }

    #[test]
    fn refuses_truncated_files() {
        let mp4 = mp4_with(&[]);
        let text = refused("video.mp4", &mp4[..mp4.len() - 10]);
        assert!(text.contains("damaged or incomplete"), "{text}");
        // Cut inside `mdat`, before the index.
        let text = refused("video.mp4", &mp4[..500]);
        assert!(text.contains("damaged or incomplete"), "{text}");
        // No index at all.
        let text = refused("video.mp4", &cat(&[ftyp(), mp4_box(b"mdat", &[0; 10])]));
        assert!(text.contains("no index"), "{text}");

        let webm = clean_webm();
        for cut in [webm.len() - 3, 60, 30] {
            let text = refused("video.webm", &webm[..cut]);
            assert!(text.contains("damaged or incomplete"), "{cut}: {text}");
        }
        let text = refused("video.webm", &[]);
        assert!(text.contains("empty"), "{text}");
    }

    #[test]
    fn refuses_other_formats() {
        let avi = b"RIFF\x10\0\0\0AVI LIST\x04\0\0\0hdrl";
        let text = refused("video.webm", avi);
        assert!(text.contains("this is not a WebM or MP4 video"), "{text}");
        assert!(text.contains("ffmpeg -i video.webm"), "{text}");
        let text = refused("video.mp4", b"hello");
        assert!(text.contains("this is not a WebM or MP4 video"), "{text}");
        // EBML, but not a video (another DocType).
        let other = cat(&[ebml_header("xyz"), ebml(0x1853_8067, &[])]);
        let text = refused("video.webm", &other);
        assert!(text.contains("this is not a WebM or MP4 video"), "{text}");
    }

    #[test]
    fn refuses_a_mismatched_extension() {
        let text = refused("video.webm", &mp4_with(&[]));
        assert!(
            text.contains("this is an MP4 video, but its name ends in .webm"),
            "{text}"
        );
        assert!(text.contains("rename the file to video.mp4"), "{text}");
        let text = refused("Interview.MP4", &clean_webm());
        assert!(text.contains("rename the file to Interview.webm"), "{text}");
        // With metadata too, the one command fixes both.
        let text = refused(
            "my video.webm",
            &mp4_with(&[mp4_box(b"udta", &qt_text(b"\xA9nam", "x"))]),
        );
        assert!(
            text.contains("`ffmpeg -i \"my video.webm\" -map_metadata -1 -map_chapters -1 -c copy \"my video-clean.mp4\"`"),
            "{text}"
        );
        assert!(
            text.contains("write `file: my video.mp4` in index.md"),
            "{text}"
        );
    }

    #[test]
    fn checks_files_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("video.mp4");
        std::fs::write(&path, mp4_with(&[])).unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        assert_eq!(check_video(&path).unwrap(), len);

        // An index too large to read is refused without being read (the file is sparse).
        let big = dir.path().join("big.mp4");
        let mut bytes = ftyp();
        bytes.extend_from_slice(&(65u32 << 20).to_be_bytes());
        bytes.extend_from_slice(b"moov");
        std::fs::write(&big, &bytes).unwrap();
        let file = std::fs::OpenOptions::new().write(true).open(&big).unwrap();
        file.set_len(bytes.len() as u64 - 8 + (65 << 20)).unwrap();
        let text = check_video(&big).unwrap_err().to_string();
        assert!(text.contains("65 MiB, more than the 64 MiB"), "{text}");

        let missing = check_video(&dir.path().join("none.webm")).unwrap_err();
        assert!(missing.to_string().contains("cannot read the video"));
    }

    #[test]
    fn accepts_the_example_videos() {
        let stories = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/stories");
        let Ok(entries) = std::fs::read_dir(&stories) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path().join("video.webm");
            if path.exists() {
                check_video(&path).unwrap_or_else(|d| panic!("{}: {d}", path.display()));
            }
        }
    }
}
