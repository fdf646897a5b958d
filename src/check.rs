//! `testimony check`: every validation of a build, without writing anything.

use std::path::Path;

use crate::build;
use crate::diagnostic::Diagnostics;

/// Runs every stage of a build in memory and returns every problem found, sorted.
pub fn check(root: &Path) -> Diagnostics {
    check_on(root, None)
}

/// [`check`] on the build date `now` (`--now YYYY-MM-DD`), if given.
pub fn check_on(root: &Path, now: Option<&str>) -> Diagnostics {
    let (loaded, mut problems) = build::load_on(root, None, crate::site::Drafts::Withheld, now);
    if let Some(loaded) = loaded {
        let (_, found) = build::render_all(root, &loaded, &crate::output::sink::Discard);
        problems.extend(found);
    }
    problems.sorted()
}
