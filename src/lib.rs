//! testimony: a static site generator for video testimonies, organised by theme and by story,
//! published in many languages.
//!
//! A build flows through stages, one module each: [`config`] reads `site.yaml`; [`content`]
//! walks and parses `content/`; [`site`] assembles the immutable [`site::Site`]; [`i18n`] loads
//! the interface strings; [`render`] turns the site into files in memory; [`output`] writes them
//! into a staging folder and swaps it in. [`build`] ties the stages together; [`verify`] checks
//! a copy of the output against the manifest the build wrote.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod frontmatter;
pub mod i18n;
pub mod markdown;
pub mod media;
pub mod model;
pub mod output;
pub mod preview;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod status;
pub mod urls;
pub mod verify;
pub mod webvtt;
