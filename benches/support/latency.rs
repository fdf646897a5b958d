//! The live preview's figures, measured on the real `testimony serve` (release build) over
//! the same synthetic corpus as the build figures: from writing a source file to the reload
//! event reaching a page's event stream, as a browser's `EventSource` receives it. Also the
//! CPU an idle serve uses.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `testimony serve`, stopped when dropped.
struct Serve {
    child: Child,
    port: u16,
}

impl Drop for Serve {
    fn drop(&mut self) {
        // SIGTERM, so that serve removes its temporary folder.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(root: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_testimony"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting testimony serve");
        let stdout = child.stdout.take().expect("serve's output");
        let mut lines = BufReader::new(stdout).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("serve stopped before serving")
                .expect("serve's output");
            if let Some(address) = line.strip_prefix("serving http://127.0.0.1:") {
                let digits: String = address.chars().take_while(char::is_ascii_digit).collect();
                break digits.parse().expect("a port");
            }
        };
        // Keep reading serve's output, so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Serve { child, port }
    }

    /// A page's event stream, past its headers.
    fn events(&self) -> TcpStream {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connecting");
        write!(
            stream,
            "GET /__testimony/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("asking for the events");
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).expect("the events' headers");
            head.push(byte[0]);
        }
        stream
    }
}

/// Reads the stream until a `reload` or `build-failed` event; true for `reload`.
fn next_event(stream: &mut TcpStream) -> bool {
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = stream.read(&mut buffer).expect("reading the events");
        assert!(n > 0, "serve closed the event stream");
        seen.extend_from_slice(&buffer[..n]);
        let text = String::from_utf8_lossy(&seen);
        if text.contains("event: reload") {
            return true;
        }
        if text.contains("event: build-failed") {
            return false;
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

/// Saves with `save(i)` `saves` times and prints the median and 95th percentile of the time
/// from the write to the reload event.
fn measure(serve: &Serve, saves: usize, what: &str, mut save: impl FnMut(usize)) {
    let mut events = serve.events();
    let mut times = Vec::new();
    for i in 0..saves {
        // Let the watcher's last burst settle, as between an editor's saves.
        std::thread::sleep(Duration::from_millis(150));
        let started = Instant::now();
        save(i);
        assert!(next_event(&mut events), "{what}: the rebuild failed");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "  {what:<46} median {:>6.0} ms   95th percentile {:>6.0} ms   (of {saves})",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
}

/// The CPU time (user and system, in clock ticks) serve has used so far.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Runs serve on the corpus at `root` and prints save-to-reload latencies and idle CPU.
pub fn run(root: &Path, stories: usize, languages: &[&str], saves: usize) {
    let serve = Serve::start(root);
    println!("serve, save to reload event:");
    // Stories spread over the corpus, each saved once.
    let story = |i: usize| {
        root.join(format!(
            "content/stories/story-{:05}/index.md",
            (i * 7) % stories
        ))
    };
    measure(&serve, saves, "a story's text (index.md, its body)", |i| {
        let path = story(i);
        let text = fs::read_to_string(&path).expect("a story of the corpus");
        fs::write(&path, format!("{text}\nA sentence added in save {i}.\n")).expect("saving");
    });
    measure(
        &serve,
        saves,
        "a story's title (index.md, shown in lists)",
        |i| {
            let path = story(i + saves);
            let text = fs::read_to_string(&path).expect("a story of the corpus");
            fs::write(&path, text.replacen("title: ", "title: Edited ", 1)).expect("saving");
        },
    );
    if let Some(other) = languages.get(1) {
        let ftl = root.join(format!("locales/{other}/main.ftl"));
        measure(
            &serve,
            saves,
            &format!("locales/{other}/main.ftl (one language)"),
            |i| {
                let text = fs::read_to_string(&ftl).expect("the locale file");
                fs::write(&ftl, format!("{text}\nbench-note-{i} = {i}\n")).expect("saving");
            },
        );
    }
    let ftl = root.join(format!("locales/{}/main.ftl", languages[0]));
    measure(
        &serve,
        saves,
        "the default language's .ftl (every language)",
        |i| {
            let text = fs::read_to_string(&ftl).expect("the locale file");
            fs::write(&ftl, format!("{text}\nbench-note-{i} = {i}\n")).expect("saving");
        },
    );
    std::thread::sleep(Duration::from_millis(500));
    let pid = serve.child.id();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(3));
    match before.zip(cpu_ticks(pid)) {
        Some((before, after)) => println!(
            "  idle serve: {} clock tick(s) of CPU in 3 s",
            after - before
        ),
        None => println!("  idle serve: CPU time not readable on this system"),
    }
}
