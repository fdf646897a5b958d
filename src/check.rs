//! `testimony check`: every validation of a build, without writing anything.

use std::path::Path;

use crate::build;
use crate::diagnostic::Diagnostics;

/// Runs every stage of a build in memory and returns every problem found, sorted.
pub fn check(root: &Path) -> Diagnostics {
    let (loaded, mut problems) = build::load(root, None);
    if let Some(loaded) = loaded {
        let (_, found) = build::render_all(root, &loaded, &crate::output::sink::Discard);
        problems.extend(found);
    }
    problems.sorted()
}
