//! Build benchmark: generates a synthetic corpus of N stories in L languages, builds it with
//! the library (exactly what `testimony build` does), and prints pages per second and the
//! process's peak memory.
//!
//! ```text
//! cargo bench --bench build                  # 1,000 and 5,000 stories x 3 languages
//! cargo bench --bench build -- 200 10000     # other sizes
//! cargo bench --bench build -- --languages 6 # en ar fr de tr ru (up to 21)
//! cargo bench --bench build -- --scale       # 250 stories x 7, 14 and 21 languages
//! cargo bench --bench build -- --no-minify   # with `minify: false`
//! cargo bench --bench build -- --keep DIR 20  # only write a 20-story corpus into DIR
//! cargo bench --bench build -- --no-serve    # without the live preview's figures
//! ```
//!
//! Each build is followed by a second one with nothing changed, through `testimony build`'s
//! own entry point, which must find the output up to date and do no rendering work.
//!
//! Without sizes, it also builds 250 stories in 7, 14 and 21 languages (`--scale`), the
//! archive's scale, to show that the cost grows linearly with the languages.
//!
//! After the build figures, it starts `testimony serve` on a corpus of the first size and
//! prints the time from saving a file to the reload event reaching an open page: a story's
//! `index.md`, one language's `.ftl`, the default language's `.ftl` (which every language
//! falls back to, so every page is redone); then the CPU an idle serve uses.
//!
//! `--keep DIR` writes the corpus of the first size given into DIR and exits without
//! building, so that two binaries can build the same corpus and their outputs be compared
//! (`diff -r`), as after a change that must leave the output byte-identical.
//!
//! Run by `cargo test --all-targets` without `--bench`, it builds a small corpus once, so the
//! generator and the figures stay in working order.
//!
//! Each story has a translation, captions (40 cues) and four segments in every language, so a
//! story makes one page per language plus its captions and chapters. The twelve themes, the
//! home page and the About page come from the shipped `content/`, and the shipped theme and
//! locales are used as they are.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Instant;

// Save-to-reload latency of `testimony serve`.
#[path = "support/latency.rs"]
mod latency;

// The integration tests' helpers: `copy_dir`.
#[path = "../tests/common/mod.rs"]
mod common;

use common::copy_dir;
use testimony::build::{load, render_all};
use testimony::output::Staging;

/// The languages a corpus can have, the first `--languages N`: the six the site began with,
/// the eleven added since, and four more without interface strings of their own yet (the
/// benchmark gives them a copy of the English ones), 21 in all, as many as the research
/// team's subtitles.
const LANGUAGES: [(&str, &str); 21] = [
    ("en", "English"),
    ("ar", "العربية"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
    ("fa", "فارسی"),
    ("ur", "اردو"),
    ("ckb", "کوردی"),
    ("ps", "پښتو"),
    ("id", "Bahasa Indonesia"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("sq", "Shqip"),
    ("bs", "Bosanski"),
    ("uz", "Oʻzbekcha"),
    ("ku", "Kurdî"),
    ("so", "Soomaali"),
    ("ha", "Hausa"),
    ("sw", "Kiswahili"),
];
const THEMES: [&str; 12] = [
    "motivations",
    "training",
    "life-inside",
    "women",
    "foreign-fighters",
    "slave-trade",
    "brutality",
    "financing",
    "defection",
    "mental-health",
    "media",
    "statements",
];
const COUNTRIES: [&str; 8] = ["SY", "IQ", "TN", "FR", "DE", "TR", "RU", "BE"];
const CUES: usize = 40;

/// The allocator `testimony` itself uses (see src/main.rs), so that the figures are its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let mut languages = 3;
    let mut minify = true;
    let mut sizes = Vec::new();
    let mut keep = None;
    let mut serve = true;
    let mut scale = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--no-minify" => minify = false,
            "--no-serve" => serve = false,
            "--scale" => scale = true,
            "--languages" => {
                i += 1;
                languages = args
                    .get(i)
                    .and_then(|n| n.parse().ok())
                    .expect("--languages takes a number from 1 to 21");
            }
            "--keep" => {
                i += 1;
                keep = Some(args.get(i).expect("--keep takes a folder").clone());
            }
            "--bench" => {}
            other => match other.parse::<usize>() {
                Ok(n) => sizes.push(n),
                // Under `cargo test`, the test harness's own arguments land here too.
                Err(_) if bench => eprintln!(
                    "ignored argument `{other}`: the benchmark takes numbers of stories, \
                     `--languages N`, `--scale`, `--no-minify`, `--no-serve` and `--keep DIR`"
                ),
                Err(_) => {}
            },
        }
        i += 1;
    }
    assert!(
        (1..=LANGUAGES.len()).contains(&languages),
        "--languages: 1 to 21"
    );
    if sizes.is_empty() {
        sizes = if bench { vec![1_000, 5_000] } else { vec![20] };
        scale |= bench;
    }
    if let Some(dir) = keep {
        generate(Path::new(&dir), sizes[0], &LANGUAGES[..languages], minify);
        println!("wrote a corpus of {} stories into {dir}", sizes[0]);
        return;
    }
    println!(
        "{:>8} {:>5} {:>8} {:>8} {:>10} {:>10} {:>9} {:>7}",
        "stories", "langs", "pages", "files", "seconds", "pages/s", "peak MiB", "CPU s"
    );
    for &stories in &sizes {
        run(stories, languages, minify);
    }
    if scale {
        // The archive's scale: every story subtitled in every language.
        println!();
        let stories = if bench { 250 } else { 5 };
        for languages in [7, 14, 21] {
            run(stories, languages, minify);
        }
    }
    if serve {
        // The preview's figures, on a corpus of the first size.
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("site");
        generate(&root, sizes[0], &LANGUAGES[..languages], minify);
        let codes: Vec<&str> = LANGUAGES[..languages]
            .iter()
            .map(|(code, _)| *code)
            .collect();
        println!();
        println!("{} stories x {languages} languages:", sizes[0]);
        // Under `cargo test`, a few saves keep the measurement in working order.
        latency::run(&root, sizes[0], &codes, if bench { 15 } else { 2 });
    }
}

fn run(stories: usize, languages: usize, minify: bool) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("site");
    generate(&root, stories, &LANGUAGES[..languages], minify);
    reset_peak_memory();
    // The stages of `testimony build`, timed apart: reading and checking the sources;
    // rendering, minifying and writing every page into a staging folder; putting that folder
    // in place of the output.
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let (loaded, problems) = load(&root, None);
    let Some(loaded) = loaded else {
        panic!(
            "the synthetic corpus did not load:\n{}",
            problems.render(false)
        );
    };
    let loading = started.elapsed().as_secs_f64();
    // Pages are rendered, minified and written to the staging folder as they are made.
    let staging = Staging::create(&dir.path().join("public")).expect("a staging folder");
    let (produced, problems) = render_all(&root, &loaded, &staging);
    assert!(!problems.has_errors(), "{}", problems.render(false));
    let rendering = started.elapsed().as_secs_f64() - loading;
    staging.commit().expect("swapping the output in");
    let seconds = started.elapsed().as_secs_f64();
    let swapping = seconds - loading - rendering;
    let cpu = cpu_seconds()
        .zip(cpu_started)
        .map(|(end, start)| end - start);
    let pages: usize = produced.pages.values().sum();
    let expected = languages * (stories + 1);
    assert!(
        pages >= expected,
        "{pages} pages for {expected} stories and home pages"
    );
    println!(
        "{:>8} {:>5} {:>8} {:>8} {:>10.2} {:>10.0} {:>9} {:>7}   (load {:.2} s, render and write {:.2} s, swap {:.2} s)",
        stories,
        languages,
        pages,
        produced.files,
        seconds,
        pages as f64 / seconds,
        peak_memory_mib().map_or("?".into(), |m| m.to_string()),
        cpu.map_or("?".into(), |c| format!("{c:.2}")),
        loading,
        rendering,
        swapping,
    );
    let cpu_per_page = cpu.map_or("?".into(), |c| format!("{:.2}", c * 1000.0 / pages as f64));
    println!(
        "{:>22} CPU per page {cpu_per_page} ms; CPU s / wall s {}",
        "",
        cpu.map_or("?".into(), |c| format!("{:.2}", c / seconds))
    );
    // `testimony build` twice: the first replaces the output (and records what it read), the
    // second finds nothing changed.
    let options = testimony::build::BuildOptions {
        out: Some(dir.path().join("public")),
        ..testimony::build::BuildOptions::new(&root)
    };
    let (first, _) = testimony::build::build(&options).expect("testimony build");
    let (again, _) = testimony::build::build(&options).expect("testimony build, again");
    assert!(
        again.unchanged_warnings.is_some(),
        "the second build found a change: {again}"
    );
    println!(
        "{:>22} testimony build: {:.2} s; again with nothing changed: {:.3} s ({:.1}% of it)",
        "",
        first.elapsed.as_secs_f64(),
        again.elapsed.as_secs_f64(),
        again.elapsed.as_secs_f64() * 100.0 / first.elapsed.as_secs_f64()
    );
    #[cfg(feature = "search")]
    search_figures(&root, &loaded, &dir.path().join("public"));
}

/// The search's figures: the time to make each language's index (once more, on its own), and
/// what a reader's first query downloads, compressed as a host serves it (gzip): pagefind.js,
/// its worker, the wasm, the entry, the meta file, an index chunk (the largest, so this is an
/// upper bound whatever the term) and the fragments of the first ten results (the largest
/// ten). The budget is 100 KB at 1,000 stories x 3 languages.
#[cfg(feature = "search")]
fn search_figures(root: &Path, loaded: &testimony::build::Loaded, public: &Path) {
    use std::io::Write;
    use testimony::render::{Job, Renderer};

    let config = &loaded.site.config;
    let (_, versions) = testimony::output::assets(root, &config.site_theme, config.minify)
        .unwrap_or_else(|p| panic!("{}", p.render(false)));
    let renderer = Renderer::new(&loaded.site, &loaded.templates, &loaded.locales, &versions);
    let codes: Vec<String> = loaded
        .site
        .config
        .languages
        .iter()
        .map(|l| l.code.clone())
        .collect();
    let started = Instant::now();
    for lang in &codes {
        let job = Job::Search { lang: lang.clone() };
        renderer.render(&job).unwrap_or_else(|d| panic!("{d:?}"));
    }
    let indexing = started.elapsed().as_secs_f64();
    let gzip = |bytes: &[u8]| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap().len()
    };
    let lang = &codes[0];
    let bundle = public.join(lang).join("search/pagefind");
    let files = common::tree(&bundle);
    let size = |name: &str| files.get(name).map_or(0, |b| b.len());
    let largest = |prefix: &str, suffix: &str, n: usize| {
        let mut sizes: Vec<usize> = files
            .iter()
            .filter(|(p, _)| p.starts_with(prefix) && p.ends_with(suffix))
            .map(|(_, b)| b.len())
            .collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        sizes.into_iter().take(n).sum::<usize>()
    };
    // pagefind's .pagefind and .pf_* files are gzip already; its scripts and entry are not.
    let scripts = gzip(&files["pagefind.js"]) + gzip(&files["pagefind-worker.js"]);
    let entry = gzip(&files["pagefind-entry.json"]);
    let wasm = size(&format!("wasm.{lang}.pagefind")).max(size("wasm.unknown.pagefind"));
    let meta = largest("", ".pf_meta", 1);
    let index = largest("index/", "", 1);
    let fragments = largest("fragment/", "", 10);
    let total = scripts + entry + wasm + meta + index + fragments;
    let kb = |b: usize| b as f64 / 1000.0;
    println!(
        "{:>22} search: {} indexes in {indexing:.2} s; first query in {lang} downloads at most {:.1} KB gzip (scripts {:.1}, wasm {:.1}, entry {:.1}, meta {:.1}, index chunk {:.1}, 10 fragments {:.1}): {} the 100 KB budget",
        "",
        codes.len(),
        kb(total),
        kb(scripts),
        kb(wasm),
        kb(entry),
        kb(meta),
        kb(index),
        kb(fragments),
        if total <= 100_000 { "within" } else { "OVER" },
    );
}

/// Writes a complete site into `root`.
fn generate(root: &Path, stories: usize, languages: &[(&str, &str)], minify: bool) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut site = String::from(
        "title: Benchmark\nbase_url: https://bench.example/\ndefault_language: en\nlanguages:\n",
    );
    for (code, name) in languages {
        writeln!(site, "  - {{ code: {code}, name: {name} }}").unwrap();
    }
    writeln!(
        site,
        "site_theme: default\nmissing_translation: fallback\nminify: {minify}\n"
    )
    .unwrap();
    write(&root.join("site.yaml"), &site);
    copy_dir(&repo.join("themes"), &root.join("themes"));
    copy_dir(&repo.join("locales"), &root.join("locales"));
    for (code, _) in languages {
        if !root.join("locales").join(code).is_dir() {
            copy_dir(&repo.join("locales/en"), &root.join("locales").join(code));
        }
    }
    // The shipped home, About and theme pages, in the languages the benchmark uses.
    let content = repo.join("content");
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&content).unwrap();
        if !entry.file_type().is_file() || rel.starts_with("stories") {
            continue;
        }
        let name = rel.file_name().unwrap().to_string_lossy();
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() == 3 && !languages.iter().any(|(code, _)| *code == parts[1]) {
            continue;
        }
        let target = root.join("content").join(rel);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(entry.path(), target).unwrap();
    }
    let video = fs::read(content.join("stories/example-the-border-crossing/video.webm"))
        .expect("the shipped example video");
    for n in 0..stories {
        let dir = root.join(format!("content/stories/story-{n:05}"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("video.webm"), &video).unwrap();
        let themes: Vec<&str> = (0..3).map(|k| THEMES[(n * 5 + k * 7) % 12]).collect();
        let mut front = format!(
            "---\ntitle: Synthetic story {n}\npseudonym: Narrator {n}\nsummary: {summary}\n\
             example: true\norigin: {origin}\njoined: {joined}\nleft: {left}\n\
             interviewed: 2019-0{month}-1{day}\nthemes: [{themes}]\nvideo:\n  file: video.webm\n  \
             duration: \"00:10:00\"\ncaptions: {{ {captions} }}\nsegments:\n",
            summary = lorem(n, 30),
            origin = COUNTRIES[n % COUNTRIES.len()],
            joined = 2013 + n % 3,
            left = 2016 + n % 3,
            month = 1 + n % 9,
            day = n % 10,
            themes = themes.join(", "),
            captions = languages
                .iter()
                .map(|(code, _)| format!("{code}: captions.{code}.vtt"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        for (k, theme) in themes.iter().chain(&themes[..1]).enumerate() {
            writeln!(
                front,
                "  - {{ at: \"00:0{}:00\", title: Part {k} of story {n}, themes: [{theme}] }}",
                k * 2
            )
            .unwrap();
        }
        write!(
            front,
            "statement: {}\nwarnings: [violence]\nstatus: published\n\
             consent: {{ languages: [{}], given: 2019-01-01, review: 2099-12-31 }}\n\
             private:\n  real_name: \"-\"\n---\n{}\n\n{}\n",
            lorem(n + 1, 25),
            languages
                .iter()
                .map(|(code, _)| *code)
                .collect::<Vec<_>>()
                .join(", "),
            lorem(n + 2, 60),
            lorem(n + 3, 60)
        )
        .unwrap();
        write(&dir.join("index.md"), &front);
        for (code, _) in &languages[1..] {
            let mut translation = format!(
                "---\ntitle: Synthetic story {n} ({code})\nsummary: {}\nstatement: {}\nsegments:\n",
                lorem(n + 4, 30),
                lorem(n + 5, 25)
            );
            for k in 0..4 {
                writeln!(
                    translation,
                    "  - {{ at: \"00:0{}:00\", title: Part {k} ({code}) }}",
                    k * 2
                )
                .unwrap();
            }
            write!(translation, "---\n{}\n", lorem(n + 6, 100)).unwrap();
            write(&dir.join(format!("index.{code}.md")), &translation);
        }
        for (code, _) in languages {
            let mut vtt = String::from("WEBVTT\n\n");
            // Captions as a subtitler makes them, so that `check`'s caption-quality warnings
            // stay quiet: a cue every 12 s, shown for 6 s, two lines of at most 42
            // characters (about 12 characters a second).
            for c in 0..CUES {
                writeln!(
                    vtt,
                    "00:{:02}:{:02}.000 --> 00:{:02}:{:02}.000\n{}\n{} ({code})\n",
                    c * 12 / 60,
                    c * 12 % 60,
                    c * 12 / 60,
                    c * 12 % 60 + 6,
                    caption_line(n + c, 42),
                    caption_line(n + c + 1, 42 - 5),
                )
                .unwrap();
            }
            write(&dir.join(format!("captions.{code}.vtt")), &vtt);
        }
    }
}

/// `words` words of filler text, varied by `seed`.
fn lorem(seed: usize, words: usize) -> String {
    const WORDS: [&str; 16] = [
        "the", "road", "was", "long", "and", "nobody", "told", "us", "what", "would", "happen",
        "after", "we", "arrived", "in", "town",
    ];
    let mut text: Vec<&str> = (0..words)
        .map(|i| WORDS[(seed * 7 + i * 3) % WORDS.len()])
        .collect();
    text.push("end.");
    text.join(" ")
}

/// A caption line of filler words, at most `width` characters, varied by `seed`.
fn caption_line(seed: usize, width: usize) -> String {
    let mut line = String::new();
    for word in lorem(seed, 12).split(' ') {
        if line.len() + 1 + word.len() > width {
            break;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Resets the kernel's record of this process's peak memory (Linux), so that each size
/// reports its own peak.
fn reset_peak_memory() {
    let _ = fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak resident memory in MiB (Linux's VmHWM), if known.
fn peak_memory_mib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// User and system CPU time of this process so far, in seconds (Linux). On a shared machine
/// it varies less than the wall-clock time.
fn cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Linux reports them in clock ticks of 1/100 s on every architecture it runs on here.
    Some((utime + stime) / 100.0)
}
