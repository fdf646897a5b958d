//! `testimony serve`: builds the site, serves it on this computer, and rebuilds when a source
//! changes. A failed rebuild prints its errors and keeps serving the last good build.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::build::{self, BuildOptions};

/// Serves `public/` on 127.0.0.1:`port` until interrupted.
pub fn serve(root: &Path, port: u16) -> Result<(), String> {
    let options = BuildOptions {
        root: root.to_path_buf(),
        out: None,
        base_url: Some(format!("http://127.0.0.1:{port}/")),
        force: false,
    };
    rebuild(&options);
    let out = options.out_dir();

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = tx.send(event.paths);
        }
    })
    .map_err(|e| format!("cannot watch the sources: {e}"))?;
    for dir in ["content", "locales", "themes"] {
        let path = root.join(dir);
        if path.exists() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    let config = root.join(crate::config::CONFIG_FILE);
    let _ = watcher.watch(&config, RecursiveMode::NonRecursive);
    let rebuild_options = options.clone();
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Let a burst of saves settle, then rebuild once.
            while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
            rebuild(&rebuild_options);
        }
    });

    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    println!("serving http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    for request in server.incoming_requests() {
        let response = respond(&out, request.url());
        let _ = request.respond(response);
    }
    Ok(())
}

fn rebuild(options: &BuildOptions) {
    match build::build(options) {
        Ok((summary, warnings)) => {
            if !warnings.is_empty() {
                eprint!("{}", warnings.render(false));
            }
            println!("{summary}");
        }
        Err(problems) => eprint!("{}", problems.render(false)),
    }
}

fn respond(out: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file: PathBuf = out.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if part == ".." {
            return tiny_http::Response::from_string("not found").with_status_code(404);
        }
        file.push(
            percent_encoding::percent_decode_str(part)
                .decode_utf8_lossy()
                .as_ref(),
        );
    }
    if file.is_dir() {
        file.push("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => {
            let mime = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("css") => "text/css",
                Some("js") => "text/javascript",
                Some("vtt") => "text/vtt; charset=utf-8",
                Some("xml") => "application/xml",
                Some("json") => "application/json",
                Some("webm") => "video/webm",
                Some("mp4") => "video/mp4",
                Some("jpg") | Some("jpeg") => "image/jpeg",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            let header =
                tiny_http::Header::from_bytes("Content-Type", mime).expect("a valid header");
            tiny_http::Response::from_data(bytes).with_header(header)
        }
        Err(_) => tiny_http::Response::from_string("not found").with_status_code(404),
    }
}
