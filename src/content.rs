//! Loading `content/`: walking the folder, classifying each file and reading it as text.

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Turns a file's bytes into text: UTF-8 with an optional byte-order mark; Windows line
/// endings are kept (every parser accepts them) so that byte offsets stay those of the file.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.rsplit(|&b| b == b'\n').next().map_or(0, |l| {
            String::from_utf8_lossy(l).chars().count()
        }) + 1;
        Diagnostic::error("the file is not valid UTF-8 text")
            .with_help("save it as UTF-8 (in most editors: Save with encoding, UTF-8)")
            .at_location(crate::diagnostic::Location {
                path: path.to_path_buf(),
                line,
                column,
            })
    })
}
