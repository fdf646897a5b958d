//! `testimony serve`: builds the site into a temporary folder of its own, serves that folder on
//! 127.0.0.1, and rebuilds when a source changes. A failed rebuild prints its errors and keeps
//! serving the last good build.
//!
//! Three decisions, each with the alternative rejected:
//! - **The output is a temporary folder, never `public/`.** A preview is built with a
//!   `http://127.0.0.1:PORT/` base URL; written into `public/`, it replaced the build an editor
//!   was about to publish. The folder is removed when serve returns, on Ctrl-C and on SIGTERM
//!   (the `ctrlc` handler waits for a build under way, which would otherwise make its staging
//!   folder again). Only a SIGKILL leaves it behind, in the system's temporary folder.
//! - **A request reaches only a file inside the served folder.** The path is percent-decoded
//!   whole before anything is checked (checking `..` before decoding let `%2e%2e` through), every
//!   segment must then be a plain name (no `.`, `..`, backslash, colon, NUL or empty segment),
//!   and the file found is canonicalized and must lie inside the canonicalized served folder, so
//!   that a symlink in the output cannot lead out either.
//! - **Only source changes rebuild.** notify reports the build's own reads of the sources as
//!   access events; rebuilding on them rebuilt twice a second forever. Reads, paths outside
//!   `content/`, `locales/`, `themes/` and `site.yaml`, hidden files (editors' swap files, which
//!   the build skips too) and the output are ignored, and a burst of saves gives one rebuild.
//!
//! Live reload and the error overlay, by server-sent events rather than a websocket (one-way is
//! all a reload needs, and `EventSource` reconnects by itself when serve restarts):
//! - `/__testimony/events` is a `text/event-stream` kept open, one thread per open page (not a
//!   request worker: four open tabs would otherwise hold every worker). After each rebuild every
//!   page gets `reload`, or `build-failed` whose data is the JSON string of the text the terminal
//!   printed; a page that connects while the site is broken gets that `build-failed` at once. The
//!   stream is written straight to the socket and flushed per event: tiny_http's chunked
//!   encoder would hold small events back until 8 KiB had gathered.
//! - The listening script is `/__testimony/reload.js`, an external file so that a
//!   Content-Security-Policy allowing only 'self' scripts still runs it; serve adds its
//!   `<script>` to HTML answers only, at the time of answering. `build` never writes it, so
//!   nothing of it can be published. The overlay is filled with `textContent` only: the
//!   message quotes the editor's text.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{Cursor, IsTerminal, Read, Seek, SeekFrom, Write};
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};
use tiny_http::{Header, Method, Request, Response, StatusCode};

use crate::config::CONFIG_FILE;
use crate::preview::Preview;
use crate::site::Drafts;

/// The folders of a site whose files are sources (with `site.yaml`).
const SOURCE_DIRS: [&str; 4] = ["content", "locales", "themes", "static"];
/// How long the sources must stay quiet after a change before the rebuild starts: an editor's
/// save is several events (write, rename, attributes) within a few milliseconds. Short,
/// because it is part of every save's wait; a rebuild that starts on a half-written file
/// fails or shows it, and the rest of the write is another change, rebuilt at once.
const SETTLE: Duration = Duration::from_millis(20);
/// A rebuild starts at the latest this long after the first change, even if changes go on.
const LONGEST_WAIT: Duration = Duration::from_secs(2);
/// Requests answered at once: a video being streamed does not hold up the pages.
const WORKERS: usize = 4;
/// The event stream a page listens to for `reload` and `build-failed`.
const EVENTS_PATH: &str = "/__testimony/events";
/// The script that listens, added to HTML answers by serve only.
const SCRIPT_PATH: &str = "/__testimony/reload.js";
/// What serve adds before `</body>` of every HTML answer: the script, with the number of the
/// build the page comes from.
fn script_tag(build: u64) -> String {
    format!("<script src=\"/__testimony/reload.js?build={build}\" defer></script>")
}
/// How often an idle event stream sends a comment: a page that went away is noticed (the write
/// fails) and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The listening script. The failure event is named `build-failed`, not `error`, which
/// `EventSource` fires by itself when the connection drops. The overlay is left-to-right English whatever the
/// page's language: the message it shows is the terminal's.
const RELOAD_JS: &str = r#"// Added by `testimony serve` to the pages it previews; never part of a build.
(function () {
  'use strict';
  // The build this page comes from, which serve wrote into the script's address.
  var script = document.currentScript;
  var built = script ? new URL(script.src).searchParams.get('build') : null;
  var events = new EventSource('/__testimony/events');
  var overlay = null;
  var text = null;
  events.addEventListener('reload', function () {
    window.location.reload();
  });
  // Sent on connecting: a build that ended between this page's answer and this connection
  // sent its `reload` to nobody, so a page from an older build reloads now.
  events.addEventListener('hello', function (event) {
    if (built !== null && event.data !== built) window.location.reload();
  });
  events.addEventListener('build-failed', function (event) {
    if (typeof event.data !== 'string') return;
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (_) {
      message = event.data;
    }
    show(String(message));
  });
  function show(message) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'testimony-serve-overlay';
      overlay.setAttribute('role', 'alertdialog');
      overlay.setAttribute('aria-labelledby', 'testimony-serve-overlay-title');
      overlay.setAttribute('aria-describedby', 'testimony-serve-overlay-text');
      overlay.setAttribute('lang', 'en');
      overlay.setAttribute('dir', 'ltr');
      overlay.tabIndex = -1;
      var s = overlay.style;
      s.position = 'fixed';
      s.inset = '0';
      s.zIndex = '2147483647';
      s.overflow = 'auto';
      s.margin = '0';
      s.padding = '1.5rem';
      s.background = 'rgba(20, 20, 20, 0.96)';
      s.color = '#fff';
      s.font = '16px/1.4 system-ui, sans-serif';
      var title = document.createElement('h2');
      title.id = 'testimony-serve-overlay-title';
      title.textContent = 'The site could not be rebuilt';
      var note = document.createElement('p');
      note.textContent = 'This is the last good build. Fix the file named below and save: this page reloads by itself.';
      text = document.createElement('pre');
      text.id = 'testimony-serve-overlay-text';
      text.style.whiteSpace = 'pre-wrap';
      text.style.font = '14px/1.4 ui-monospace, monospace';
      overlay.appendChild(title);
      overlay.appendChild(note);
      overlay.appendChild(text);
      document.body.appendChild(overlay);
    }
    text.textContent = message;
    overlay.focus();
  }
})();
"#;

/// Why serve could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "cannot listen on 127.0.0.1:{port}: {source}; another program may be using this port: choose another with --port, or --port 0 for any free one"
    )]
    Listen {
        port: u16,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("cannot find the site's folder {}: {source}", path.display())]
    Root {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "cannot create a temporary folder to build into: {source}; check that the system's temporary folder exists and is writable"
    )]
    TempFolder {
        #[source]
        source: std::io::Error,
    },
    #[error("cannot watch {} for changes: {source}", path.display())]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
    #[error("cannot catch Ctrl-C, so the temporary folder could not be removed on exit: {source}")]
    Signal {
        #[source]
        source: ctrlc::Error,
    },
}

/// Builds the site into a temporary folder and serves it on 127.0.0.1:`port` (0: any free
/// port) until interrupted, rebuilding when a source changes; with `drafts`, drafts too.
/// `open`: open the site in the default browser once it is served (a failure is a warning).
/// `now`: the build date (`--now YYYY-MM-DD`), else `SOURCE_DATE_EPOCH` or today, fixed for
/// the whole session.
pub fn serve(
    root: &Path,
    port: u16,
    open: bool,
    drafts: bool,
    now: Option<String>,
) -> Result<(), ServeError> {
    let root = root.canonicalize().map_err(|source| ServeError::Root {
        path: root.to_path_buf(),
        source,
    })?;
    // Bind first, so that the base URL of the build names the port really listened on.
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|source| ServeError::Listen {
        port,
        source: source.into(),
    })?;
    let port = listener
        .local_addr()
        .map_err(|source| ServeError::Listen {
            port,
            source: source.into(),
        })?
        .port();

    let temp = tempfile::Builder::new()
        .prefix("testimony-serve-")
        .tempdir()
        .map_err(|source| ServeError::TempFolder { source })?;
    // Canonical, so that the check that a file lies inside compares like with like (the
    // system's temporary folder may itself be reached through a symlink).
    let temp_dir = temp
        .path()
        .canonicalize()
        .map_err(|source| ServeError::TempFolder { source })?;
    // The output is a folder inside the temporary one: the build's staging folder, made beside
    // the output, is then inside it too and goes with it.
    let served = temp_dir.join("site");
    let drafts = if drafts {
        Drafts::Shown
    } else {
        Drafts::Withheld
    };
    let mut preview = Preview::new(
        &root,
        &served,
        Some(format!("http://127.0.0.1:{port}/")),
        drafts,
    )
    .on_date(now);

    let building = Arc::new(Mutex::new(()));
    remove_on_stop(temp_dir.clone(), Arc::clone(&building))?;

    // Watch before the first build, so that a save during it is not missed.
    let (changes, changed) = mpsc::channel();
    let _watcher = watch(&root, &temp_dir, changes)?;
    println!(
        "building into {} (a temporary folder, removed when serve stops; public/ is not touched)",
        served.display()
    );
    let live = Arc::new(Live::default());
    live.publish(rebuild(&mut preview, &[], &building, None));
    {
        let root = root.clone();
        let building = Arc::clone(&building);
        let live = Arc::clone(&live);
        std::thread::spawn(move || rebuild_on_change(&changed, &root, preview, &building, &live));
    }

    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|source| ServeError::Listen { port, source })?;
    let address = format!("http://127.0.0.1:{port}/");
    println!("serving {address} (Ctrl-C to stop)");
    if open && let Err(err) = opener::open_browser(&address) {
        eprintln!("warning: could not open {address} in a browser ({err}); open it yourself");
    }
    let server = Arc::new(server);
    for _ in 1..WORKERS {
        let server = Arc::clone(&server);
        let served = served.clone();
        let live = Arc::clone(&live);
        std::thread::spawn(move || answer_all(&server, &served, &live));
    }
    answer_all(&server, &served, &live);
    // `temp` is dropped here, which removes the folder.
    Ok(())
}

/// On Ctrl-C (and SIGTERM, SIGHUP): removes the temporary folder and exits.
fn remove_on_stop(temp_dir: PathBuf, building: Arc<Mutex<()>>) -> Result<(), ServeError> {
    ctrlc::set_handler(move || {
        // A build under way would make its staging folder again after the removal: wait for it.
        let _guard = building.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = std::fs::remove_dir_all(&temp_dir);
        eprintln!("stopped; removed {}", temp_dir.display());
        std::process::exit(0);
    })
    .map_err(|source| ServeError::Signal { source })
}

/// Watches the sources; each changed source file is sent on `changes`.
fn watch(
    root: &Path,
    output: &Path,
    changes: Sender<PathBuf>,
) -> Result<notify::RecommendedWatcher, ServeError> {
    let (site, output_dir) = (root.to_path_buf(), output.to_path_buf());
    let mut watcher =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
            Ok(event) => {
                for path in source_changes(&event, &site, &output_dir) {
                    let _ = changes.send(path);
                }
            }
            Err(err) => eprintln!("warning: watching the sources for changes: {err}"),
        })
        .map_err(|source| ServeError::Watch {
            path: root.to_path_buf(),
            source,
        })?;
    // site.yaml is watched through its folder: an editor that saves by writing a new file and
    // renaming it over the old one would end a watch on the file itself.
    let mut watches = vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
    for dir in SOURCE_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            watches.push((path, RecursiveMode::Recursive));
        }
    }
    for (path, mode) in watches {
        watcher
            .watch(&path, mode)
            .map_err(|source| ServeError::Watch { path, source })?;
    }
    Ok(watcher)
}

/// The source files that `event` says were changed: none for a read.
fn source_changes(event: &notify::Event, root: &Path, output: &Path) -> Vec<PathBuf> {
    let read_only = matches!(
        event.kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    );
    if read_only {
        return Vec::new();
    }
    event
        .paths
        .iter()
        .filter(|path| is_source(path, root, output))
        .cloned()
        .collect()
}

/// Whether `path` is one of the site's sources: `site.yaml`, or a file under `content/`,
/// `locales/`, `themes/` or `static/` that is not hidden (the build skips hidden files, but
/// `static/.well-known/`).
fn is_source(path: &Path, root: &Path, output: &Path) -> bool {
    if path.starts_with(output) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    // `static/.well-known/` is published, so a change in it is one too.
    let hidden = rel.components().enumerate().any(|(i, c)| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') && !(i == 1 && name == ".well-known" && rel.starts_with("static"))
    });
    !hidden && (rel == Path::new(CONFIG_FILE) || SOURCE_DIRS.iter().any(|d| rel.starts_with(d)))
}

/// Waits for changes and rebuilds once per burst of them, until the watcher is gone.
fn rebuild_on_change(
    changed: &Receiver<PathBuf>,
    root: &Path,
    mut preview: Preview,
    building: &Mutex<()>,
    live: &Live,
) {
    while let Ok(first) = changed.recv() {
        let started = Instant::now();
        let mut paths = BTreeSet::from([first]);
        while started.elapsed() < LONGEST_WAIT {
            match changed.recv_timeout(SETTLE) {
                Ok(path) => {
                    paths.insert(path);
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let cause = describe_changes(&paths, root);
        let paths: Vec<PathBuf> = paths.into_iter().collect();
        live.publish(rebuild(&mut preview, &paths, building, Some(&cause)));
    }
}

/// `content/about.md changed`, or `content/about.md and 2 other files changed`.
fn describe_changes(paths: &BTreeSet<PathBuf>, root: &Path) -> String {
    let Some(first) = paths.iter().next() else {
        return "a source changed".into();
    };
    let name = first
        .strip_prefix(root)
        .unwrap_or(first)
        .to_string_lossy()
        .replace('\\', "/");
    match paths.len() {
        1 => format!("{name} changed"),
        2 => format!("{name} and 1 other file changed"),
        n => format!("{name} and {} other files changed", n - 1),
    }
}

/// Builds once and prints one line on stdout: the summary, or that the build failed (its
/// diagnostics go to stderr). `cause` says what changed, for a rebuild. Returns what the open
/// pages are told.
fn rebuild(
    preview: &mut Preview,
    changed: &[PathBuf],
    building: &Mutex<()>,
    cause: Option<&str>,
) -> Outcome {
    let _guard = building.lock().unwrap_or_else(PoisonError::into_inner);
    let color = std::io::stderr().is_terminal();
    let prefix = cause.map(|c| format!("{c}: ")).unwrap_or_default();
    match preview.rebuild(changed) {
        Ok(rebuilt) => {
            if !rebuilt.warnings.is_empty() {
                eprint!("{}", rebuilt.warnings.render(color));
            }
            println!("{prefix}{rebuilt}");
            Outcome::Built
        }
        Err(problems) => {
            // The overlay shows the terminal's text, without its colours.
            let text = problems.render(false);
            if color {
                eprint!("{}", problems.render(true));
            } else {
                eprint!("{text}");
            }
            let serving = if cause.is_some() {
                "still serving the last good build"
            } else {
                "nothing to serve yet: fix the errors and save, serve rebuilds on every change"
            };
            println!(
                "{prefix}build failed: {} error(s), {} warning(s); {serving}",
                problems.error_count(),
                problems.warning_count()
            );
            Outcome::Failed(text)
        }
    }
}

/// How a build ended, as the open pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Built: pages reload.
    Built,
    /// Failed, with the diagnostics as the terminal printed them (no colour): pages show them.
    Failed(String),
}

impl Outcome {
    /// The server-sent event for it: `reload`, or `build-failed` with the text as a JSON string on
    /// one data line (the text has newlines, which would otherwise need one data line each).
    fn event(&self) -> String {
        match self {
            Outcome::Built => "event: reload\ndata: built\n\n".to_owned(),
            Outcome::Failed(text) => {
                let data = serde_json::Value::String(text.clone()).to_string();
                format!("event: build-failed\ndata: {data}\n\n")
            }
        }
    }
}

/// The open pages' event streams, and whether the site is broken now.
#[derive(Default)]
struct Live {
    state: Mutex<LiveState>,
}

#[derive(Default)]
struct LiveState {
    /// The last build's failure, sent to a page as soon as it connects.
    broken: Option<Outcome>,
    /// One sender per open event stream.
    pages: Vec<Sender<String>>,
    /// How many builds succeeded: the number of the build served now.
    build: u64,
}

impl Live {
    /// Tells every open page how the last build ended, and forgets the pages that went away.
    fn publish(&self, outcome: Outcome) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let event = outcome.event();
        if outcome == Outcome::Built {
            state.build += 1;
        }
        state.pages.retain(|page| page.send(event.clone()).is_ok());
        state.broken = match outcome {
            Outcome::Built => None,
            failed => Some(failed),
        };
    }

    /// The number of the build served now.
    fn build(&self) -> u64 {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .build
    }

    /// A new page's stream of events: it starts with `hello` and the number of the build
    /// served now, then the failure if the site is broken now.
    fn subscribe(&self) -> Receiver<String> {
        let (send, receive) = mpsc::channel();
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = send.send(format!("event: hello\ndata: {}\n\n", state.build));
        if let Some(broken) = &state.broken {
            let _ = send.send(broken.event());
        }
        state.pages.push(send);
        receive
    }
}

/// Answers requests until the server stops.
fn answer_all(server: &tiny_http::Server, served: &Path, live: &Arc<Live>) {
    for request in server.incoming_requests() {
        answer(request, served, live);
    }
}

type Reply = Response<Box<dyn Read + Send>>;

fn answer(request: Request, served: &Path, live: &Arc<Live>) {
    let path = request.url().split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH && *request.method() == Method::Get {
        let events = live.subscribe();
        // A thread of its own: the stream stays open as long as the page does.
        std::thread::spawn(move || stream_events(request, &events));
        return;
    }
    let range = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Range"))
        .map(|h| h.value.as_str().to_owned());
    let build = live.build();
    let response = reply(
        request.method(),
        request.url(),
        range.as_deref(),
        served,
        build,
    );
    // The browser may have gone away meanwhile: nothing to do about it.
    let _ = request.respond(response);
}

/// Writes the head of an event stream, then each event as it comes, until the page goes away
/// or serve stops.
fn stream_events(request: Request, events: &Receiver<String>) {
    let mut writer = request.into_writer();
    // No length: the stream ends when the connection closes.
    let head = "HTTP/1.1 200 OK\r\n\
        Content-Type: text/event-stream; charset=utf-8\r\n\
        Cache-Control: no-cache\r\n\
        X-Content-Type-Options: nosniff\r\n\
        Connection: close\r\n\r\n";
    if writer.write_all(head.as_bytes()).is_err() || writer.flush().is_err() {
        return;
    }
    loop {
        let text = match events.recv_timeout(KEEP_ALIVE) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_owned(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer.write_all(text.as_bytes()).is_err() || writer.flush().is_err() {
            return;
        }
    }
}

/// The answer to a request for `target`; a page gets the listening script, marked with `build`.
fn reply(method: &Method, target: &str, range: Option<&str>, served: &Path, build: u64) -> Reply {
    if !matches!(method, Method::Get | Method::Head) {
        return plain(405, "only GET and HEAD are answered here")
            .with_header(header("Allow", "GET, HEAD"));
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == SCRIPT_PATH {
        return script_reply();
    }
    if path == EVENTS_PATH {
        // HEAD: the head an event stream would have, and nothing more.
        return plain(200, "").with_header(header("Content-Type", "text/event-stream"));
    }
    match resolve(served, target) {
        Ok(Found::File(path)) => {
            file_reply(&path, range, build).unwrap_or_else(|_| plain(404, "not found"))
        }
        Ok(Found::Folder(location)) => match Header::from_bytes("Location", location.as_bytes()) {
            Ok(location) => {
                plain(301, "moved: the address of a folder ends with /").with_header(location)
            }
            Err(()) => plain(400, "the path cannot be redirected"),
        },
        Err(Refusal::BadRequest(why)) => plain(400, why),
        Err(Refusal::NotFound) => not_found_reply(served, target, build),
    }
}

/// A header whose name and value are fixed in this file.
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("a fixed header is valid")
}

/// A short plain-text answer (an error, a redirect).
fn plain(status: u16, text: &str) -> Reply {
    let body = format!("{text}\n").into_bytes();
    let length = body.len();
    Response::new(
        StatusCode(status),
        vec![
            header("Content-Type", "text/plain; charset=utf-8"),
            header("X-Content-Type-Options", "nosniff"),
        ],
        Box::new(Cursor::new(body)),
        Some(length),
        None,
    )
}

/// The listening script.
fn script_reply() -> Reply {
    Response::new(
        StatusCode(200),
        vec![
            header("Content-Type", "text/javascript; charset=utf-8"),
            header("X-Content-Type-Options", "nosniff"),
            header("Cache-Control", "no-cache"),
        ],
        Box::new(Cursor::new(RELOAD_JS.as_bytes())),
        Some(RELOAD_JS.len()),
        None,
    )
}

/// An HTML page with the listening script added, whole: a range of a page is not worth
/// honouring (HTTP allows answering the whole instead) and would cut through the addition.
fn page_reply(path: &Path, build: u64) -> std::io::Result<Reply> {
    page_reply_with(path, build, 200)
}

/// The site's own 404 page for an address that is not there, as a host serves it: that of the
/// address's language (`/ar/...` gets `ar/404.html`), else the root's; plain text if the site
/// has none. Only the first segment of the address is looked at, and only as a folder name
/// of the served site: it is checked like any other request's.
fn not_found_reply(served: &Path, target: &str, build: u64) -> Reply {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let candidates = [format!("/{first}/404.html"), "/404.html".to_owned()];
    for candidate in candidates.iter().filter(|c| !c.starts_with("//")) {
        if let Ok(Found::File(page)) = resolve(served, candidate)
            && let Ok(reply) = page_reply_with(&page, build, 404)
        {
            return reply;
        }
    }
    plain(404, "not found")
}

fn page_reply_with(path: &Path, build: u64, status: u16) -> std::io::Result<Reply> {
    let body = with_reload_script(&std::fs::read_to_string(path)?, build).into_bytes();
    let length = body.len();
    Ok(Response::new(
        StatusCode(status),
        vec![
            header("Content-Type", "text/html; charset=utf-8"),
            header("X-Content-Type-Options", "nosniff"),
            header("Cache-Control", "no-cache"),
        ],
        Box::new(Cursor::new(body)),
        Some(length),
        None,
    ))
}

/// `html` with the listening script's tag before its last `</body>`, or at its end when the
/// minifier left `</body>` out (browsers then put a trailing script in the body all the same).
fn with_reload_script(html: &str, build: u64) -> String {
    let at = html
        .to_ascii_lowercase()
        .rfind("</body")
        .unwrap_or(html.len());
    let tag = script_tag(build);
    let mut page = String::with_capacity(html.len() + tag.len());
    page.push_str(&html[..at]);
    page.push_str(&tag);
    page.push_str(&html[at..]);
    page
}

/// A file, whole or the part a `Range` header asks for, streamed from disk (videos weigh
/// gigabytes). HTML pages get the listening script.
fn file_reply(path: &Path, range: Option<&str>, build: u64) -> std::io::Result<Reply> {
    if content_type(path).starts_with("text/html") {
        return page_reply(path, build);
    }
    let mut file = File::open(path)?;
    let length = file.metadata()?.len();
    let mut headers = vec![
        header("Content-Type", &content_type(path)),
        header("X-Content-Type-Options", "nosniff"),
        header("Accept-Ranges", "bytes"),
        // A preview changes at every save: the browser must ask again.
        header("Cache-Control", "no-cache"),
    ];
    let (status, count) = match range.map(|r| byte_range(r, length)) {
        None | Some(ByteRange::Whole) => (200, length),
        Some(ByteRange::Part { start, end }) => {
            file.seek(SeekFrom::Start(start))?;
            headers.push(header(
                "Content-Range",
                &format!("bytes {start}-{end}/{length}"),
            ));
            (206, end - start + 1)
        }
        Some(ByteRange::Unsatisfiable) => {
            return Ok(plain(416, "the range asked for is not in the file")
                .with_header(header("Content-Range", &format!("bytes */{length}"))));
        }
    };
    let body: Box<dyn Read + Send> = Box::new(file.take(count));
    Ok(Response::new(
        StatusCode(status),
        headers,
        body,
        usize::try_from(count).ok(),
        None,
    )
    // Content-Length even for large files (tiny_http would send them chunked): a video player
    // needs the length to seek.
    .with_chunked_threshold(usize::MAX))
}

/// The `Content-Type` of a file, from its extension; text types say they are UTF-8 (every
/// text the build writes is).
fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    if mime.type_() == mime_guess::mime::TEXT || mime.essence_str() == "application/javascript" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    }
}

/// What a `Range` header asks of a file of a given length.
#[derive(Debug, PartialEq, Eq)]
enum ByteRange {
    /// No usable range (malformed, another unit, several ranges): the whole file, as HTTP
    /// allows.
    Whole,
    /// Bytes `start..=end`, within the file.
    Part { start: u64, end: u64 },
    /// A well-formed range wholly past the end of the file.
    Unsatisfiable,
}

/// Reads `bytes=a-b`, `bytes=a-` and `bytes=-n`.
fn byte_range(header: &str, length: u64) -> ByteRange {
    let Some(spec) = header.trim().strip_prefix("bytes=") else {
        return ByteRange::Whole;
    };
    let Some((first, last)) = spec.trim().split_once('-') else {
        return ByteRange::Whole;
    };
    if last.contains(',') {
        return ByteRange::Whole;
    }
    let (first, last) = (first.trim(), last.trim());
    match (first.is_empty(), digits(first), digits(last)) {
        // bytes=-n: the last n bytes.
        (true, _, Some(n)) => {
            if n == 0 || length == 0 {
                ByteRange::Unsatisfiable
            } else {
                ByteRange::Part {
                    start: length - n.min(length),
                    end: length - 1,
                }
            }
        }
        (false, Some(start), end) if end.is_some() || last.is_empty() => {
            if end.is_some_and(|end| end < start) {
                ByteRange::Whole
            } else if start >= length {
                ByteRange::Unsatisfiable
            } else {
                ByteRange::Part {
                    start,
                    end: end.map_or(length - 1, |end| end.min(length - 1)),
                }
            }
        }
        _ => ByteRange::Whole,
    }
}

/// A number written with ASCII digits only (`"+5".parse()` would be accepted otherwise).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// What a request target leads to inside the served folder.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// A file inside the served folder (its canonical path).
    File(PathBuf),
    /// A folder asked for without the final `/`: the address to redirect to.
    Folder(String),
}

/// Why a request is not answered with a file.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// 400, with what is wrong.
    BadRequest(&'static str),
    /// 404: nothing there, or something outside the served folder (not told apart, so that a
    /// request cannot probe what exists outside).
    NotFound,
}

/// A request path, decoded and checked.
#[derive(Debug, PartialEq, Eq)]
struct RequestPath {
    /// The path as it was sent (still percent-encoded), without the query.
    raw: String,
    /// The query with its `?`, or empty.
    query: String,
    /// The decoded segments, each a plain file or folder name.
    segments: Vec<String>,
    /// Whether the path ends with `/`.
    folder: bool,
}

/// Decodes the path of a request target whole, then checks each segment.
fn parse_target(target: &str) -> Result<RequestPath, Refusal> {
    let end = target.find(['?', '#']).unwrap_or(target.len());
    let (raw, query) = target.split_at(end);
    // The absolute form (`http://host/...`) and `*` are for proxies: a browser asks its server
    // for a path.
    if !raw.starts_with('/') {
        return Err(Refusal::BadRequest(
            "the request must ask for a path that starts with /",
        ));
    }
    let decoded = percent_decode(raw)?;
    let names: Vec<&str> = decoded[1..].split('/').collect();
    let folder = names.last().is_some_and(|last| last.is_empty());
    let names = if folder {
        &names[..names.len() - 1]
    } else {
        &names[..]
    };
    let mut segments = Vec::with_capacity(names.len());
    for name in names {
        check_segment(name)?;
        segments.push((*name).to_owned());
    }
    Ok(RequestPath {
        raw: raw.to_owned(),
        query: query.split('#').next().unwrap_or("").to_owned(),
        segments,
        folder,
    })
}

/// Percent-decodes a whole path (`%2f` included); a `%` not followed by two hex digits, or
/// bytes that are not UTF-8, are refused. Decoded once: `%252e` stays the text `%2e`.
fn percent_decode(raw: &str) -> Result<String, Refusal> {
    let bytes = raw.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return Err(Refusal::BadRequest(
            "the path has a % that is not followed by two hexadecimal digits",
        ));
    }
    percent_encoding::percent_decode(bytes)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| Refusal::BadRequest("the path is not valid UTF-8 once decoded"))
}

/// A segment must be a plain name: never `.` or `..`, nothing a file system reads as a
/// separator, a drive or a root, and no control character (NUL included).
fn check_segment(name: &str) -> Result<(), Refusal> {
    if name.is_empty() {
        return Err(Refusal::BadRequest("the path has an empty segment (//)"));
    }
    if name == "." || name == ".." {
        return Err(Refusal::BadRequest(
            "the path may not contain . or .. segments",
        ));
    }
    if name
        .chars()
        .any(|c| c == '\\' || c == ':' || c.is_control())
    {
        return Err(Refusal::BadRequest(
            "the path may not contain a backslash, a colon or a control character",
        ));
    }
    let mut components = Path::new(name).components();
    match (components.next(), components.next()) {
        (Some(Component::Normal(n)), None) if n == OsStr::new(name) => Ok(()),
        _ => Err(Refusal::BadRequest(
            "the path has a segment that is not a name",
        )),
    }
}

/// Finds the file a request target asks for in `served`. A folder gives its `index.html`.
fn resolve(served: &Path, target: &str) -> Result<Found, Refusal> {
    let request = parse_target(target)?;
    // Canonicalized at each request: a rebuild swaps the folder (and it is briefly absent).
    let served = served.canonicalize().map_err(|_| Refusal::NotFound)?;
    let mut path = served.clone();
    path.extend(&request.segments);
    let found = inside(&served, &path)?;
    if found.is_dir() {
        if !request.folder {
            return Ok(Found::Folder(format!("{}/{}", request.raw, request.query)));
        }
        let index = inside(&served, &found.join("index.html"))?;
        return if index.is_file() {
            Ok(Found::File(index))
        } else {
            Err(Refusal::NotFound)
        };
    }
    if request.folder || !found.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok(Found::File(found))
}

/// `path` with every symlink resolved, if it exists and lies inside `served` (canonical).
fn inside(served: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let real = path.canonicalize().map_err(|_| Refusal::NotFound)?;
    if real.starts_with(served) {
        Ok(real)
    } else {
        Err(Refusal::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_s_static_folder_is_watched_well_known_included() {
        let (root, out) = (Path::new("/site"), Path::new("/tmp/out"));
        let source = |rel: &str| is_source(&root.join(rel), root, out);
        assert!(source("static/CNAME"));
        assert!(source("static/.well-known/security.txt"));
        assert!(!source("static/.DS_Store"));
        assert!(!source("static/img/.well-known/x"));
        assert!(!source("content/.well-known/x"));
        assert!(source("content/about.md"));
        assert!(!source("public/CNAME"));
    }

    fn bad(target: &str) -> bool {
        matches!(parse_target(target), Err(Refusal::BadRequest(_)))
    }

    #[test]
    fn decodes_the_whole_path_before_checking_segments() {
        for target in [
            "/..",
            "/../",
            "/%2e%2e/",
            "/%2E%2E/x",
            "/.%2e/x",
            "/%2e./x",
            "/en/..%2f..%2fsite.yaml",
            "/%2e%2e%2fsite.yaml",
            "/./en/",
            "/en/%2e/",
            "/a%2f%2e%2e%2fb",
        ] {
            assert!(bad(target), "{target} was not refused");
        }
    }

    #[test]
    fn refuses_backslashes_nul_drives_and_empty_segments() {
        for target in [
            "/..%5csite.yaml",
            "/%5c..%5c",
            "/a\\b",
            "/%00",
            "/index.html%00.css",
            "/C:/Windows",
            "/c%3a/x",
            "//etc/hostname",
            "/en//about/",
            "/%2fetc/hostname",
            "/%0a",
        ] {
            assert!(bad(target), "{target} was not refused");
        }
    }

    #[test]
    fn refuses_what_is_not_a_path_or_not_utf8() {
        for target in [
            "http://127.0.0.1/../",
            "*",
            "",
            "en/",
            "/%ff",
            "/%c0%ae%c0%ae/",
            "/%",
            "/%2",
            "/%zz",
        ] {
            assert!(bad(target), "{target} was not refused");
        }
    }

    #[test]
    fn decodes_once_so_double_encoding_stays_literal() {
        let path = parse_target("/%252e%252e/x").unwrap();
        assert_eq!(path.segments, ["%2e%2e", "x"]);
    }

    #[test]
    fn reads_segments_query_and_final_slash() {
        let path = parse_target("/en/stories/?q=1#top").unwrap();
        assert_eq!(path.raw, "/en/stories/");
        assert_eq!(path.query, "?q=1");
        assert_eq!(path.segments, ["en", "stories"]);
        assert!(path.folder);
        let path = parse_target("/ar/%D8%B9%D9%86").unwrap();
        assert_eq!(path.segments, ["ar", "عن"]);
        assert!(!path.folder);
        let path = parse_target("/").unwrap();
        assert!(path.segments.is_empty() && path.folder);
    }

    /// A served folder `site/` holding a page, a folder, and symlinks pointing out of it, with a
    /// secret beside it.
    fn served_folder() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let served = dir.path().join("site");
        std::fs::create_dir_all(served.join("en/about")).unwrap();
        std::fs::write(served.join("en/about/index.html"), "<p>about</p>").unwrap();
        std::fs::write(served.join("index.html"), "<p>home</p>").unwrap();
        std::fs::create_dir_all(served.join("empty")).unwrap();
        std::fs::write(dir.path().join("secret.md"), "private: x").unwrap();
        std::fs::create_dir_all(dir.path().join("outside")).unwrap();
        std::fs::write(dir.path().join("outside/index.html"), "private").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(dir.path(), served.join("up")).unwrap();
            symlink(dir.path().join("secret.md"), served.join("secret.md")).unwrap();
            symlink(dir.path().join("outside"), served.join("outside")).unwrap();
            symlink(
                dir.path().join("outside/index.html"),
                served.join("empty/index.html"),
            )
            .unwrap();
            symlink(served.join("index.html"), served.join("home.html")).unwrap();
        }
        let served = served.canonicalize().unwrap();
        (dir, served)
    }

    #[test]
    fn finds_files_and_folder_indexes_inside() {
        let (_dir, served) = served_folder();
        assert_eq!(
            resolve(&served, "/"),
            Ok(Found::File(served.join("index.html")))
        );
        assert_eq!(
            resolve(&served, "/en/about/"),
            Ok(Found::File(served.join("en/about/index.html")))
        );
        assert_eq!(
            resolve(&served, "/en/about?x=1"),
            Ok(Found::Folder("/en/about/?x=1".into()))
        );
        assert_eq!(
            resolve(&served, "/en/about/index.html/"),
            Err(Refusal::NotFound)
        );
        assert_eq!(resolve(&served, "/nothing.html"), Err(Refusal::NotFound));
        assert_eq!(
            resolve(&served, "/%252e%252e/secret.md"),
            Err(Refusal::NotFound)
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_that_lead_out_of_the_served_folder() {
        let (_dir, served) = served_folder();
        for target in [
            "/up/secret.md",
            "/up/",
            "/up",
            "/secret.md",
            "/outside/",
            "/outside/index.html",
            "/empty/",
        ] {
            assert_eq!(resolve(&served, target), Err(Refusal::NotFound), "{target}");
        }
        // A symlink that stays inside is followed.
        assert_eq!(
            resolve(&served, "/home.html"),
            Ok(Found::File(served.join("index.html")))
        );
    }

    #[test]
    fn reads_byte_ranges() {
        use ByteRange::*;
        assert_eq!(byte_range("bytes=0-9", 100), Part { start: 0, end: 9 });
        assert_eq!(byte_range("bytes=10-", 100), Part { start: 10, end: 99 });
        assert_eq!(byte_range("bytes=-5", 100), Part { start: 95, end: 99 });
        assert_eq!(byte_range("bytes=-500", 100), Part { start: 0, end: 99 });
        assert_eq!(byte_range("bytes=90-200", 100), Part { start: 90, end: 99 });
        assert_eq!(byte_range("bytes=99-99", 100), Part { start: 99, end: 99 });
        assert_eq!(byte_range("bytes=100-", 100), Unsatisfiable);
        assert_eq!(byte_range("bytes=100-200", 100), Unsatisfiable);
        assert_eq!(byte_range("bytes=-0", 100), Unsatisfiable);
        assert_eq!(byte_range("bytes=0-", 0), Unsatisfiable);
        for whole in [
            "bytes=9-0",
            "bytes=-",
            "bytes=a-b",
            "bytes=+1-2",
            "bytes=0-1,4-5",
            "items=0-1",
            "bytes 0-1",
            "bytes=1",
        ] {
            assert_eq!(byte_range(whole, 100), Whole, "{whole}");
        }
    }

    #[test]
    fn content_types_say_utf8_for_text() {
        for (file, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("site.js", "text/javascript; charset=utf-8"),
            ("captions.ar.vtt", "text/vtt; charset=utf-8"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("video.webm", "video/webm"),
            ("video.mp4", "video/mp4"),
            ("poster.jpg", "image/jpeg"),
            ("data.json", "application/json"),
            ("no-extension", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), expected, "{file}");
        }
    }

    fn event(kind: EventKind, paths: &[&str]) -> notify::Event {
        let mut event = notify::Event::new(kind);
        for path in paths {
            event = event.add_path(PathBuf::from(path));
        }
        event
    }

    #[test]
    fn only_changes_to_sources_rebuild() {
        use notify::event::{AccessKind, CreateKind, DataChange, RemoveKind};
        let (root, out) = (Path::new("/site"), Path::new("/tmp/serve"));
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let changes = |kind, paths: &[&str]| source_changes(&event(kind, paths), root, out);
        for path in [
            "/site/site.yaml",
            "/site/content/about.md",
            "/site/locales/ar/main.ftl",
            "/site/themes/default/templates/page.html",
        ] {
            assert_eq!(changes(write, &[path]), [PathBuf::from(path)], "{path}");
        }
        assert_eq!(
            changes(
                EventKind::Create(CreateKind::File),
                &["/site/public/en/index.html", "/site/content/new.md"]
            ),
            [PathBuf::from("/site/content/new.md")]
        );
        assert_eq!(
            changes(
                EventKind::Remove(RemoveKind::Any),
                &["/site/content/stories/x"]
            )
            .len(),
            1
        );
        for (kind, path) in [
            (EventKind::Access(AccessKind::Any), "/site/content/about.md"),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                "/site/content/about.md",
            ),
            (write, "/site/public/en/index.html"),
            (write, "/site/.public.staging/x"),
            (write, "/site/README.md"),
            (write, "/site/content/.about.md.swp"),
            (write, "/site/contents/x.md"),
            (write, "/tmp/serve/site/index.html"),
            (write, "/elsewhere/content/x.md"),
        ] {
            assert!(changes(kind, &[path]).is_empty(), "{kind:?} {path}");
        }
    }

    #[test]
    fn adds_the_script_before_the_last_body_end_or_at_the_end() {
        assert_eq!(
            with_reload_script("<p>a</p></BODY></html>", 3),
            "<p>a</p><script src=\"/__testimony/reload.js?build=3\" defer></script></BODY></html>"
        );
        // A quoted `</body>` earlier in the page is not the end of the body.
        assert_eq!(
            with_reload_script("<pre>&lt;/body></pre></body>", 1),
            format!("<pre>&lt;/body></pre>{}</body>", script_tag(1))
        );
        assert_eq!(
            with_reload_script("<p>عن</p>", 1),
            format!("<p>عن</p>{}", script_tag(1))
        );
    }

    #[test]
    fn events_are_reload_or_error_with_the_text_on_one_data_line() {
        assert_eq!(Outcome::Built.event(), "event: reload\ndata: built\n\n");
        let failed = Outcome::Failed("error: unknown theme \"x\"\n  ┌─ a.md:9:3\n".into());
        assert_eq!(
            failed.event(),
            "event: build-failed\ndata: \"error: unknown theme \\\"x\\\"\\n  ┌─ a.md:9:3\\n\"\n\n"
        );
    }

    #[test]
    fn a_page_that_connects_while_broken_is_told_at_once() {
        let live = Live::default();
        let hello = |n: u64| format!("event: hello\ndata: {n}\n\n");
        let before = live.subscribe();
        assert_eq!(before.try_recv().unwrap(), hello(0));
        live.publish(Outcome::Failed("e".into()));
        let during = live.subscribe();
        assert_eq!(
            before.try_recv().unwrap(),
            Outcome::Failed("e".into()).event()
        );
        assert_eq!(during.try_recv().unwrap(), hello(0));
        assert_eq!(
            during.try_recv().unwrap(),
            Outcome::Failed("e".into()).event()
        );
        drop(before);
        live.publish(Outcome::Built);
        assert_eq!(during.try_recv().unwrap(), Outcome::Built.event());
        // The page that went away is forgotten; a new one is told the build and nothing else
        // while all is well.
        assert_eq!(live.state.lock().unwrap().pages.len(), 1);
        let after = live.subscribe();
        assert_eq!(after.try_recv().unwrap(), hello(1));
        assert!(after.try_recv().is_err());
        assert_eq!(live.build(), 1);
    }

    #[test]
    fn names_what_changed() {
        let root = Path::new("/site");
        let paths = |list: &[&str]| list.iter().map(PathBuf::from).collect::<BTreeSet<_>>();
        assert_eq!(
            describe_changes(&paths(&["/site/content/about.md"]), root),
            "content/about.md changed"
        );
        assert_eq!(
            describe_changes(&paths(&["/site/content/b.md", "/site/content/a.md"]), root),
            "content/a.md and 1 other file changed"
        );
        assert_eq!(
            describe_changes(&paths(&["/site/a", "/site/b", "/site/c"]), root),
            "a and 2 other files changed"
        );
    }
}
