//! `testimony serve` run as a person would: the real binary on a copy of the fixture, on a free
//! port, spoken to in raw HTTP over a socket so that each request path is sent exactly as
//! written. Every wait is bounded, and the server is killed when a test ends, however it ends.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Page, Site, edit_at, snapshot, top_level};

/// The longest a build may take before the test gives up (a debug build on shared cores).
const BUILD_WAIT: Duration = Duration::from_secs(120);
/// The longest one HTTP exchange may take.
const HTTP_WAIT: Duration = Duration::from_secs(20);

/// What the fixture's story keeps for editors only; no answer may ever carry it.
const SECRETS: [&str; 3] = ["PRIVATE-NAME-DO-NOT-PUBLISH", "private:", "real_name"];

/// A running `testimony serve`, killed when dropped.
struct Serving {
    child: Child,
    port: u16,
    /// The folder serve builds into and serves, from its `building into` line.
    served: PathBuf,
    /// The lines serve prints on stdout after `serving ...`.
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
    /// The system temporary folder given to serve (TMPDIR), so that nothing is left in the
    /// real one.
    tmp: tempfile::TempDir,
}

impl Serving {
    fn start(site: &Site) -> Serving {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let mut child = Command::new(env!("CARGO_BIN_EXE_testimony"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0"])
            .env("NO_COLOR", "1")
            .env("TMPDIR", tmp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting testimony serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let err_pipe = child.stderr.take().expect("stderr");
        let err_text = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(err_pipe).lines().map_while(Result::ok) {
                let mut text = err_text.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        let (send, lines) = mpsc::channel();
        let out_pipe = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(out_pipe).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut serving = Serving {
            child,
            port: 0,
            served: PathBuf::new(),
            lines,
            stderr,
            tmp,
        };
        let mut startup = Vec::new();
        while serving.port == 0 {
            let Some(line) = serving.next_line(BUILD_WAIT) else {
                panic!(
                    "serve did not start within {BUILD_WAIT:?}; it printed:\n{}\n{}",
                    startup.join("\n"),
                    serving.stderr()
                );
            };
            if let Some(rest) = line.strip_prefix("building into ") {
                let dir = rest.split(" (").next().unwrap_or(rest);
                serving.served = PathBuf::from(dir);
            }
            if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
                let (port, tail) = rest.split_once('/').expect("a / after the port");
                assert_eq!(tail, " (Ctrl-C to stop)", "the serving line: {line}");
                serving.port = port.parse().expect("a port number");
            }
            startup.push(line);
        }
        assert_ne!(serving.port, 0, "serve printed port 0");
        assert!(
            startup.iter().any(|l| l.starts_with("built ")),
            "the first build did not succeed:\n{}\n{}",
            startup.join("\n"),
            serving.stderr()
        );
        assert!(
            serving.served.starts_with(serving.tmp.path()),
            "serve builds into {}, not into a temporary folder",
            serving.served.display()
        );
        serving
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The next line serve prints on stdout, if one comes within `within`.
    fn next_line(&self, within: Duration) -> Option<String> {
        self.lines.recv_timeout(within).ok()
    }

    /// Sends a request whose first line is `method target HTTP/1.1`.
    fn request(&self, method: &str, target: &str, headers: &[(&str, &str)]) -> Http {
        let mut text = format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n",
            self.port
        );
        for (name, value) in headers {
            text.push_str(&format!("{name}: {value}\r\n"));
        }
        text.push_str("\r\n");
        exchange(self.port, text.as_bytes(), method == "HEAD")
            .unwrap_or_else(|e| panic!("{method} {target}: {e}\n{}", self.stderr()))
    }

    fn get(&self, target: &str) -> Http {
        self.request("GET", target, &[])
    }

    /// Sends `signal` to serve and waits for it to exit.
    fn stop(mut self, signal: &str) -> ExitStatus {
        let sent = Command::new("kill")
            .args(["-s", signal, &self.child.id().to_string()])
            .status()
            .expect("running kill");
        assert!(sent.success(), "kill -s {signal} failed");
        let deadline = Instant::now() + BUILD_WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("waiting for serve") {
                return status;
            }
            assert!(Instant::now() < deadline, "serve did not stop on {signal}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
struct Http {
    status: u16,
    /// Header names in lower case.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Http {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Writes `request` as it is and reads one answer, within [`HTTP_WAIT`].
fn exchange(port: u16, request: &[u8], head: bool) -> Result<Http, String> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect_timeout(&addr, HTTP_WAIT).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(HTTP_WAIT))
        .map_err(|e| e.to_string())?;
    stream
        .set_write_timeout(Some(HTTP_WAIT))
        .map_err(|e| e.to_string())?;
    stream.write_all(request).map_err(|e| e.to_string())?;
    let mut received = Vec::new();
    let mut buffer = [0u8; 64 * 1024];
    let header_end = loop {
        if let Some(i) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream
            .read(&mut buffer)
            .map_err(|e| format!("reading the answer's head: {e}"))?;
        if n == 0 {
            return Err(format!(
                "the connection closed before the answer's head ended: {:?}",
                String::from_utf8_lossy(&received)
            ));
        }
        received.extend_from_slice(&buffer[..n]);
    };
    let head_text = String::from_utf8_lossy(&received[..header_end]).into_owned();
    let mut lines = head_text.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status in {status_line:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = received[header_end + 4..].to_vec();
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    if head {
        // Read on until the server closes: a HEAD answer must have no body.
        loop {
            let n = stream
                .read(&mut buffer)
                .map_err(|e| format!("waiting for the end of a HEAD answer: {e}"))?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buffer[..n]);
        }
    } else {
        let length = length.ok_or("the answer has no Content-Length")?;
        while body.len() < length {
            let n = stream
                .read(&mut buffer)
                .map_err(|e| format!("reading the body: {e}"))?;
            if n == 0 {
                return Err(format!(
                    "the body ended at {} of {length} bytes",
                    body.len()
                ));
            }
            body.extend_from_slice(&buffer[..n]);
        }
    }
    Ok(Http {
        status,
        headers,
        body,
    })
}

/// Asserts that the answer to `target` is a refusal that carries nothing of a source.
fn assert_refused(serving: &Serving, method: &str, target: &str) {
    let answer = serving.request(method, target, &[]);
    assert!(
        answer.status == 400 || answer.status == 404,
        "{method} {target} answered {} (not 400 or 404):\n{}",
        answer.status,
        answer.text()
    );
    let body = answer.text();
    for secret in SECRETS {
        assert!(
            !body.contains(secret),
            "{method} {target} answered with {secret:?}:\n{body}"
        );
    }
}

/// The site's folder as an absolute path without its leading `/`, to walk up to from the
/// served folder.
fn site_from_root(site: &Site) -> String {
    let root = site.root().canonicalize().unwrap();
    root.to_string_lossy().trim_start_matches('/').to_owned()
}

#[test]
fn serves_nothing_outside_the_built_site_however_the_path_is_spelled() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);
    let story = format!(
        "{}/content/stories/story-one/index.md",
        site_from_root(&site)
    );
    assert!(
        site.read("content/stories/story-one/index.md")
            .contains(SECRETS[0])
    );

    // Up from the served folder to / and down into the site's sources, with every spelling of
    // `..` and of the separator.
    let mut targets = Vec::new();
    for up in [
        "..",
        "%2e%2e",
        "%2E%2E",
        ".%2e",
        "%2e.",
        "%2E.",
        "%252e%252e",
    ] {
        for separator in ["/", "%2f", "%2F", "%5c", "%5C", "\\", "%252f"] {
            let climb = format!("{up}{separator}").repeat(16);
            targets.push(format!("/{climb}{story}"));
            targets.push(format!("/{climb}etc/hostname"));
            targets.push(format!("/en/{climb}{story}"));
        }
    }
    targets.extend([
        format!("//{story}"),
        format!("/%2f{story}"),
        format!("/%5c{story}"),
        "//etc/hostname".to_owned(),
        "/%2fetc/hostname".to_owned(),
        "/en/../../site.yaml".to_owned(),
        "/en/%2e%2e/%2e%2e/site.yaml".to_owned(),
        "/en/..%2f..%2fsite.yaml".to_owned(),
        "/./content/stories/story-one/index.md".to_owned(),
        "/%2e/content/stories/story-one/index.md".to_owned(),
        "/content/stories/story-one/index.md".to_owned(),
        "/site.yaml".to_owned(),
        "/%00".to_owned(),
        "/en/index.html%00.md".to_owned(),
        "/%ff%fe".to_owned(),
        "/%c0%ae%c0%ae/site.yaml".to_owned(),
        "/%".to_owned(),
        "/C:/Windows/win.ini".to_owned(),
        "/c%3a%5cWindows%5cwin.ini".to_owned(),
    ]);
    // The absolute form names a host and a path: it is for proxies, and never reaches a file.
    for path in [
        "/../",
        "/%2e%2e/",
        &format!("/../../../../../../../../{story}"),
    ] {
        targets.push(format!("http://127.0.0.1:{}{path}", serving.port));
    }
    targets.push(format!("http://127.0.0.1:{}/en/", serving.port));
    for target in &targets {
        assert_refused(&serving, "GET", target);
        assert_refused(&serving, "HEAD", target);
    }

    // A symlink inside the served folder, to the site's folder or to a source file, leads
    // nowhere.
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(site.root(), serving.served.join("leak")).unwrap();
        symlink(
            site.path("content/stories/story-one/index.md"),
            serving.served.join("en/leak.md"),
        )
        .unwrap();
        assert!(
            std::fs::read_to_string(serving.served.join("leak/site.yaml")).is_ok(),
            "the symlink does not lead to the site"
        );
        for target in [
            "/leak/content/stories/story-one/index.md",
            "/leak/site.yaml",
            "/leak/",
            "/leak",
            "/en/leak.md",
        ] {
            assert_refused(&serving, "GET", target);
        }
    }

    // Nothing to be had by asking with another method either.
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let answer = serving.request(method, "/en/", &[]);
        assert_eq!(answer.status, 405, "{method}");
        assert_eq!(answer.header("allow"), Some("GET, HEAD"), "{method}");
    }
}

#[test]
fn serves_pages_and_media_with_their_content_types() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);

    let home = serving.get("/en/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    let page = Page::parse(&home.text());
    assert_eq!(page.attr("html", "lang"), "en");
    // The base URL names the port really listened on, not 0.
    let about = Page::parse(&serving.get("/en/about/").text());
    assert_eq!(
        about.attr("link[rel=canonical]", "href"),
        format!("http://127.0.0.1:{}/en/about/", serving.port)
    );
    let arabic = Page::parse(&serving.get("/ar/").text());
    assert_eq!(arabic.attr("html", "dir"), "rtl");
    assert_eq!(serving.get("/").status, 200, "the language chooser");

    // A folder without its final slash is redirected to it.
    let moved = serving.get("/en/about");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/en/about/"));
    assert_eq!(serving.get("/en/nothing-here/").status, 404);

    for (target, file, content_type) in [
        (
            "/static/style.css",
            "static/style.css",
            "text/css; charset=utf-8",
        ),
        (
            "/media/story-one/captions.en.vtt",
            "media/story-one/captions.en.vtt",
            "text/vtt; charset=utf-8",
        ),
        (
            "/media/story-one/video.webm",
            "media/story-one/video.webm",
            "video/webm",
        ),
    ] {
        let answer = serving.get(target);
        assert_eq!(answer.status, 200, "{target}");
        assert_eq!(
            answer.header("content-type"),
            Some(content_type),
            "{target}"
        );
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(answer.header("accept-ranges"), Some("bytes"));
        assert_eq!(
            answer.body,
            std::fs::read(serving.served.join(file)).unwrap(),
            "{target}"
        );
    }

    // HEAD: the same head, no body.
    let head = serving.request("HEAD", "/en/", &[]);
    assert_eq!(head.status, 200);
    assert_eq!(
        head.header("content-length"),
        Some(home.body.len().to_string().as_str())
    );
    assert!(head.body.is_empty(), "a HEAD answer carried a body");

    // Listening on 127.0.0.1 only: another loopback address is not answered.
    #[cfg(target_os = "linux")]
    {
        let other = SocketAddr::from(([127, 0, 0, 2], serving.port));
        assert!(
            TcpStream::connect_timeout(&other, Duration::from_secs(2)).is_err(),
            "serve answers on 127.0.0.2 too"
        );
    }
}

#[test]
fn answers_byte_ranges_of_a_video() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);
    let video = std::fs::read(serving.served.join("media/story-one/video.webm")).unwrap();
    let length = video.len();
    assert!(length > 20, "the fixture's video is too small to slice");
    let target = "/media/story-one/video.webm";
    for (range, start, end) in [
        ("bytes=0-9", 0, 9),
        ("bytes=10-", 10, length - 1),
        ("bytes=-5", length - 5, length - 1),
        (&format!("bytes=5-{}", length + 100), 5, length - 1),
    ] {
        let answer = serving.request("GET", target, &[("Range", range)]);
        assert_eq!(answer.status, 206, "{range}");
        assert_eq!(
            answer.header("content-range"),
            Some(format!("bytes {start}-{end}/{length}").as_str()),
            "{range}"
        );
        assert_eq!(answer.header("content-type"), Some("video/webm"));
        assert_eq!(answer.body, &video[start..=end], "{range}");
    }
    for range in [format!("bytes={length}-"), "bytes=-0".to_owned()] {
        let answer = serving.request("GET", target, &[("Range", &range)]);
        assert_eq!(answer.status, 416, "{range}");
        assert_eq!(
            answer.header("content-range"),
            Some(format!("bytes */{length}").as_str())
        );
    }
    // A range that cannot be read is ignored: the whole file.
    let answer = serving.request("GET", target, &[("Range", "bytes=9-2")]);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, video);
}

#[test]
fn leaves_public_untouched_and_removes_its_folder_when_stopped() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = snapshot(&site);
    let entries = top_level(&site);
    assert!(!before.is_empty());

    let serving = Serving::start(&site);
    assert!(
        !serving.served.starts_with(site.root()),
        "serve builds inside the site's folder"
    );
    assert_eq!(serving.get("/en/about/").status, 200);

    // A burst of saves gives one rebuild, which the page then shows.
    let about = site.read("content/about.md");
    for n in 0..5 {
        site.write(
            "content/about.md",
            about.replace(
                "# What this is",
                &format!("Rebuilt paragraph {n}.\n\n# What"),
            ),
        );
    }
    let Some(line) = serving.next_line(BUILD_WAIT) else {
        panic!("no rebuild after a save:\n{}", serving.stderr());
    };
    assert!(
        line.starts_with("content/about.md changed: rebuilt "),
        "the rebuild line: {line}\n{}",
        serving.stderr()
    );
    assert_eq!(
        serving.next_line(Duration::from_millis(1500)),
        None,
        "a burst of saves gave more than one rebuild"
    );
    let about = Page::parse(&serving.get("/en/about/").text());
    assert!(
        about.body_text().contains("Rebuilt paragraph 4."),
        "the rebuilt page does not show the change: {}",
        about.body_text()
    );

    assert_eq!(snapshot(&site), before, "public/ changed while serve ran");
    assert_eq!(
        top_level(&site),
        entries,
        "serve left something in the site"
    );

    let temp = serving
        .served
        .parent()
        .expect("the served folder's parent")
        .to_path_buf();
    assert!(temp.is_dir());
    let status = serving.stop("TERM");
    assert!(status.success(), "serve stopped with {status}");
    assert!(!temp.exists(), "serve left {} behind", temp.display());
    assert_eq!(
        snapshot(&site),
        before,
        "public/ changed when serve stopped"
    );
    assert_eq!(top_level(&site), entries);
}

/// utime + stime of a process, in clock ticks.
#[cfg(target_os = "linux")]
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/<pid>/stat");
    // The command name, in parentheses, may hold spaces: count fields after it.
    let after = &stat[stat.rfind(')').expect("a command name") + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    // Fields 14 and 15 of the whole line; the state (field 3) is the first after the name.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn idles_without_rebuilding_or_using_the_processor() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);
    // Startup settles; requests read files, which must not count as changes.
    assert_eq!(serving.get("/en/").status, 200);
    assert_eq!(serving.get("/media/story-one/video.webm").status, 200);
    assert_eq!(serving.next_line(Duration::from_secs(1)), None);

    let pid = serving.child.id();
    let before = cpu_ticks(pid);
    let idle = serving.next_line(Duration::from_secs(2));
    let used = cpu_ticks(pid) - before;
    assert_eq!(idle, None, "serve printed a line while idle");
    // A tick is 10 ms on Linux; one rebuild of the fixture takes far more than 50 ms.
    assert!(used <= 5, "idle serve used {used} ticks of CPU in 2 s");

    // Ctrl-C stops it and removes its folder.
    let temp = serving.served.parent().unwrap().to_path_buf();
    let status = serving.stop("INT");
    assert!(status.success(), "serve stopped with {status}");
    assert!(!temp.exists(), "serve left {} behind", temp.display());
}

#[test]
fn says_which_port_is_taken() {
    let site = Site::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_testimony"))
        .arg("--root")
        .arg(site.root())
        .args(["serve", "--port", &port])
        .env("TMPDIR", tmp.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: were the port not refused, serve would run until killed.
    let deadline = Instant::now() + BUILD_WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve did not stop on a port that is taken");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(!status.success());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        stderr.contains(&format!("cannot listen on 127.0.0.1:{port}"))
            && stderr.contains("--port 0"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    assert!(!site.exists("public"));
    drop(taken);
}

/// What serve adds to every HTML answer, and only there.
/// The listening script of the first build's pages.
const SCRIPT_SRC: &str = "/__testimony/reload.js?build=1";

/// An open `/__testimony/events` stream, read as a page's `EventSource` would.
struct Events {
    stream: TcpStream,
    /// Received and not yet parsed.
    pending: Vec<u8>,
    /// The number of the build served when the stream opened, from its first event, `hello`.
    build: u64,
}

/// One server-sent event.
#[derive(Debug)]
struct Event {
    name: String,
    data: String,
}

impl Events {
    /// Opens the stream and checks its head.
    fn open(serving: &Serving) -> Events {
        let addr = SocketAddr::from(([127, 0, 0, 1], serving.port));
        let mut stream = TcpStream::connect_timeout(&addr, HTTP_WAIT).expect("connecting");
        stream.set_write_timeout(Some(HTTP_WAIT)).unwrap();
        write!(
            stream,
            "GET /__testimony/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept: text/event-stream\r\n\r\n",
            serving.port
        )
        .expect("asking for the event stream");
        let mut events = Events {
            stream,
            pending: Vec::new(),
            build: 0,
        };
        let deadline = Instant::now() + HTTP_WAIT;
        let end = loop {
            if let Some(i) = events.pending.windows(4).position(|w| w == b"\r\n\r\n") {
                break i;
            }
            assert!(events.read_until(deadline), "no head for the event stream");
        };
        let head = String::from_utf8_lossy(&events.pending[..end]).to_ascii_lowercase();
        events.pending.drain(..end + 4);
        assert!(head.starts_with("http/1.1 200 "), "{head}");
        assert!(
            head.lines()
                .any(|l| l.starts_with("content-type: text/event-stream")),
            "{head}"
        );
        assert!(!head.contains("content-length"), "{head}");
        // Every stream starts by naming the build served, for a page to tell if it missed one.
        let hello = events.next(HTTP_WAIT).expect("a hello event");
        assert_eq!(hello.name, "hello", "{hello:?}");
        events.build = hello.data.parse().expect("a build number");
        events
    }

    /// Reads what comes before `deadline`; false if nothing did (or the stream ended).
    fn read_until(&mut self, deadline: Instant) -> bool {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            return false;
        };
        self.stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .unwrap();
        let mut buffer = [0u8; 16 * 1024];
        match self.stream.read(&mut buffer) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.pending.extend_from_slice(&buffer[..n]);
                true
            }
        }
    }

    /// The next event (comments skipped) within `within`, if one comes.
    fn next(&mut self, within: Duration) -> Option<Event> {
        let deadline = Instant::now() + within;
        loop {
            while let Some(i) = self.pending.windows(2).position(|w| w == b"\n\n") {
                let block = String::from_utf8_lossy(&self.pending[..i]).into_owned();
                self.pending.drain(..i + 2);
                let (mut name, mut data) = (String::from("message"), Vec::new());
                for line in block.lines() {
                    if let Some(value) = line.strip_prefix("event: ") {
                        name = value.to_owned();
                    } else if let Some(value) = line.strip_prefix("data: ") {
                        data.push(value);
                    }
                }
                if !data.is_empty() {
                    return Some(Event {
                        name,
                        data: data.join("\n"),
                    });
                }
            }
            if !self.read_until(deadline) {
                return None;
            }
        }
    }

    /// The next event, which must be called `name`.
    fn expect(&mut self, name: &str, serving: &Serving) -> Event {
        let Some(event) = self.next(BUILD_WAIT) else {
            panic!(
                "no {name} event within {BUILD_WAIT:?}:\n{}",
                serving.stderr()
            );
        };
        assert_eq!(event.name, name, "{event:?}\n{}", serving.stderr());
        event
    }
}

#[test]
fn a_missing_address_gets_the_site_s_404_page_in_its_language() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);
    let answer = serving.get("/ar/stories/no-such-story/");
    assert_eq!(answer.status, 404);
    let page = Page::parse(&answer.text());
    assert_eq!(page.attr("html", "lang"), "ar");
    assert_eq!(page.attr("html", "dir"), "rtl");
    // An address in no language gets the root's page, in the default language.
    let answer = serving.get("/zz/nothing");
    assert_eq!(answer.status, 404);
    assert_eq!(Page::parse(&answer.text()).attr("html", "lang"), "en");
    // A refused address is still refused, not answered with a page.
    assert_eq!(serving.get("/%2e%2e/site.yaml").status, 400);
}

#[test]
fn adds_the_reload_script_to_html_answers_only() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);

    for (target, file) in [
        ("/en/", "en/index.html"),
        ("/ar/stories/story-one/", "ar/stories/story-one/index.html"),
        ("/", "index.html"),
    ] {
        let answer = serving.get(target);
        assert_eq!(answer.status, 200, "{target}");
        let page = Page::parse(&answer.text());
        assert_eq!(
            page.attrs("script[src^='/__testimony/']", "src"),
            [SCRIPT_SRC],
            "{target}"
        );
        // Added at the end of the body, the page otherwise as built.
        assert_eq!(
            page.attr("body > script:last-child", "src"),
            SCRIPT_SRC,
            "{target}"
        );
        let built = std::fs::read_to_string(serving.served.join(file)).unwrap();
        assert!(!built.contains("__testimony"), "{file} was built with it");
        let tag = format!("<script src=\"{SCRIPT_SRC}\" defer></script>");
        assert_eq!(answer.text().replacen(&tag, "", 1), built, "{target}");
    }
    for target in [
        "/static/style.css",
        "/media/story-one/captions.en.vtt",
        "/sitemap.xml",
    ] {
        let answer = serving.get(target);
        assert_eq!(answer.status, 200, "{target}");
        assert!(!answer.text().contains("__testimony"), "{target}");
    }

    let script = serving.get(SCRIPT_SRC);
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let text = script.text();
    assert!(text.contains("new EventSource('/__testimony/events')"));
    assert!(text.contains("textContent") && !text.contains("innerHTML"));

    // `build` writes nothing of it.
    site.build_ok();
    let files = site.output_files();
    assert!(files.iter().any(|f| f.ends_with(".html")));
    for file in &files {
        if file.ends_with(".html") {
            let page = site.html(file);
            assert!(
                page.attrs("script", "src")
                    .iter()
                    .all(|src| !src.contains("__testimony")),
                "{file} loads serve's script"
            );
        }
        let bytes = std::fs::read(site.path("public").join(file)).unwrap();
        assert!(
            !bytes.windows(11).any(|w| w == b"__testimony"),
            "{file} mentions serve's script"
        );
    }
}

#[test]
fn event_stream_sends_reload_after_a_save_and_the_error_while_broken() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);
    let story = "content/stories/story-one/index.md";
    let mut page = Events::open(&serving);
    // A page opened while the site builds is told nothing until something changes.
    assert!(page.next(Duration::from_millis(500)).is_none());

    site.edit(
        story,
        "title: The first fixture story",
        "title: A retitled story",
    );
    page.expect("reload", &serving);
    let title = Page::parse(&serving.get("/en/stories/story-one/").text()).text("h1");
    assert!(title.contains("A retitled story"), "{title}");

    let at = edit_at(
        &site,
        story,
        "themes: [motivations, defection]",
        "themes: [motivations, no-such-theme]",
        "no-such-theme",
    );
    let error = page.expect("build-failed", &serving);
    let text: String = serde_json::from_str(&error.data)
        .unwrap_or_else(|e| panic!("the data is not a JSON string ({e}): {}", error.data));
    let location = format!("{story}:{}:{}", at.0, at.1);
    assert!(text.contains(&location), "{location} not in:\n{text}");
    assert!(text.contains("no-such-theme"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "colour codes in the overlay's text"
    );
    // The same text the terminal printed (stderr is read by another thread: let it catch up).
    let deadline = Instant::now() + HTTP_WAIT;
    while !serving.stderr().contains(&text) {
        assert!(
            Instant::now() < deadline,
            "the event's text is not what the terminal printed:\n{text}\n---\n{}",
            serving.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // The last good site is still served.
    let title = Page::parse(&serving.get("/en/stories/story-one/").text()).text("h1");
    assert!(title.contains("A retitled story"), "{title}");

    // A page opened while the site is broken is told at once.
    let mut late = Events::open(&serving);
    let again = late.expect("build-failed", &serving);
    assert_eq!(again.data, error.data);

    site.edit(
        story,
        "themes: [motivations, no-such-theme]",
        "themes: [motivations, defection]",
    );
    page.expect("reload", &serving);
    late.expect("reload", &serving);
    // Mended, a new page is told the build it may have missed, and nothing else.
    let mut fresh = Events::open(&serving);
    assert!(fresh.next(Duration::from_millis(500)).is_none());
    assert_eq!(
        fresh.build,
        page.build + 2,
        "two builds went well since the first page"
    );
    let script =
        Page::parse(&serving.get("/en/").text()).attr("script[src^='/__testimony/']", "src");
    assert_eq!(
        script,
        format!("/__testimony/reload.js?build={}", fresh.build)
    );
}

/// Save-to-reload latency on the fixture: from writing a story's `index.md` to the `reload`
/// event arriving, over 10 saves. Timing on shared cores is no pass/fail matter, so it only
/// prints: `cargo test --test serve -- --ignored --nocapture measures_save_to_reload`.
#[test]
#[ignore]
fn measures_save_to_reload_latency() {
    let site = Site::fixture("basic");
    let serving = Serving::start(&site);
    let story = "content/stories/story-one/index.md";
    let original = site.read(story);
    let mut page = Events::open(&serving);
    let mut times = Vec::new();
    for n in 0..10 {
        let saved = Instant::now();
        site.write(
            story,
            original.replace("The first fixture story", &format!("Save {n}")),
        );
        page.expect("reload", &serving);
        times.push(saved.elapsed());
        // Let the next save be a burst of its own.
        std::thread::sleep(Duration::from_millis(300));
    }
    times.sort();
    eprintln!(
        "save to reload over {} saves: median {:?}, max {:?}",
        times.len(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
