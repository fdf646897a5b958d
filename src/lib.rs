//! testimony: a static site generator for video testimonies, organised by theme and by story,
//! published in many languages.
//!
//! A build flows through stages, one module each: [`config`] reads `site.yaml`; [`content`]
//! walks and reads `content/` (captions included); [`site`] assembles the immutable
//! [`site::Site`], doing no IO; [`i18n`] loads the interface strings; [`render`] turns the site
//! into files in memory, one job per page and language; [`output`] hands them through one sink
//! (a staging folder swapped in for `build`, nothing for `check`). [`build`] lists the stages
//! top to bottom. [`preview`] is `serve`'s build: it keeps the last one and redoes only the jobs
//! a save touched. [`search`] folds Arabic text for the search index and its queries.
//! [`verify`] checks a copy of the output against the manifest the build wrote.
//! [`withdraw`] marks a story withdrawn and lists the copies elsewhere to take down.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostic;
pub mod forbidden;
pub mod frontmatter;
pub mod i18n;
pub mod markdown;
pub mod media;
pub mod model;
pub mod output;
pub mod preview;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod status;
pub mod urls;
pub mod verify;
pub mod webvtt;
pub mod withdraw;
