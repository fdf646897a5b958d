//! The `testimony` command: parses arguments, calls the library, prints diagnostics once and
//! picks the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use testimony::build::{self, BuildOptions};
use testimony::diagnostic::Diagnostics;

#[derive(Parser)]
#[command(
    name = "testimony",
    version,
    about = "Builds a multilingual site of video testimonies"
)]
struct Cli {
    /// The site's folder (holding site.yaml).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// The output folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overrides base_url from site.yaml, e.g. https://example.org/testimony/.
        #[arg(long)]
        base_url: Option<String>,
        /// Replace the output folder even if it holds files that testimony did not write.
        /// Never the site's folder, a folder holding it, or content/, locales/, themes/,
        /// static/ and site.yaml.
        #[arg(long)]
        force: bool,
        /// The build date, YYYY-MM-DD: embargoes (`publish_after`) and consent reviews are
        /// measured against it. Else SOURCE_DATE_EPOCH, else today (UTC).
        #[arg(long)]
        now: Option<String>,
        /// Make every link between the site's files relative and ending in a file name
        /// (`../x/index.html`), for a copy opened from a folder or a USB stick, or served under
        /// any sub-path (an IPFS gateway). Full addresses (canonical, hreflang, sitemap,
        /// feeds) still use base_url.
        #[arg(long)]
        relative: bool,
    },
    /// Check everything a build checks, without writing anything.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The build date, YYYY-MM-DD: embargoes (`publish_after`) and consent reviews are
        /// measured against it. Else SOURCE_DATE_EPOCH, else today (UTC).
        #[arg(long)]
        now: Option<String>,
    },
    /// Build into a temporary folder, serve it on this computer, and rebuild when a source
    /// changes. public/ is not touched.
    Serve {
        /// The port to listen on, on 127.0.0.1 only; 0 picks a free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser once it is served.
        #[arg(long)]
        open: bool,
        /// Show the pages, themes, stories and translations marked `status: draft` too, each
        /// with a banner saying it is not published (`build` never shows them).
        #[arg(long)]
        drafts: bool,
        /// The build date, YYYY-MM-DD: embargoes (`publish_after`) and consent reviews are
        /// measured against it. Else SOURCE_DATE_EPOCH, else today (UTC).
        #[arg(long)]
        now: Option<String>,
    },
    /// Create a new story, theme or page from a template.
    New {
        #[arg(value_enum)]
        kind: testimony::scaffold::NewKind,
        /// The slug (for a story or page) or id (for a theme): lowercase letters, digits and -.
        name: String,
    },
    /// Check a copy of a built site (a mirror, a USB stick) against the manifest its build
    /// wrote: lists the files missing, changed, or not part of the build. Exits with 0 when
    /// everything matches, 1 otherwise. Changes nothing.
    Verify {
        /// The top folder of the copy, holding index.html and .testimony-output.
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A narrator withdrew their story: set `status: withdrawn` in its index.md (nothing else
    /// in the file changes) and list the copies elsewhere to take down. Builds and deletes
    /// nothing: the next build leaves the story out of every output.
    Withdraw {
        /// The story's folder name under content/stories/.
        slug: String,
    },
    /// Translators' tools.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
}

#[derive(Subcommand)]
enum I18nCommand {
    /// For each language: interface strings and pages translated, missing, extra and stale.
    Status {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with an error when anything is missing or stale (for CI).
        #[arg(long)]
        strict: bool,
    },
    /// Record in a translation that it matches the current version of its source.
    Stamp {
        /// Translation files, e.g. content/about.fr.md.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn print_diagnostics(problems: &Diagnostics) {
    if !problems.is_empty() {
        eprint!("{}", problems.render(std::io::stderr().is_terminal()));
    }
}

/// See the comment on `mimalloc` in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root;
    match cli.command {
        Command::Build {
            out,
            base_url,
            force,
            now,
            relative,
        } => {
            let options = BuildOptions {
                root,
                out,
                base_url,
                force,
                // `build` has no `--drafts`: drafts are seen in `serve --drafts` only.
                drafts: false,
                now,
                relative,
            };
            match build::build(&options) {
                Ok((summary, warnings)) => {
                    print_diagnostics(&warnings);
                    println!("{summary}");
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_diagnostics(&problems);
                    eprintln!(
                        "build failed: {} error(s), {} warning(s); {} was left as it was",
                        problems.error_count(),
                        problems.warning_count(),
                        options.out_dir().display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { format, now } => {
            let problems = testimony::check::check_on(&root, now.as_deref());
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&problems).unwrap_or_else(|_| "[]".into())
                ),
                Format::Text => {
                    print_diagnostics(&problems);
                    println!(
                        "{} error(s), {} warning(s)",
                        problems.error_count(),
                        problems.warning_count()
                    );
                }
            }
            if problems.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            port,
            open,
            drafts,
            now,
        } => match testimony::serve::serve(&root, port, open, drafts, now) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        },
        Command::New { kind, name } => match testimony::scaffold::create(&root, kind, &name) {
            Ok(paths) => {
                for path in paths {
                    println!("created {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(problems) => {
                print_diagnostics(&problems);
                ExitCode::FAILURE
            }
        },
        Command::Verify { dir, format } => match testimony::verify::verify(&dir) {
            Ok(report) => {
                match format {
                    Format::Json => println!("{}", report.to_json()),
                    Format::Text => print!("{}", report.to_text()),
                }
                if report.is_ok() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(problem) => {
                let problems = Diagnostics::from_iter([problem]);
                match format {
                    Format::Json => println!(
                        "{}",
                        serde_json::json!({ "dir": dir.to_string_lossy(), "ok": false, "errors": problems })
                    ),
                    Format::Text => print_diagnostics(&problems),
                }
                ExitCode::FAILURE
            }
        },
        Command::Withdraw { slug } => match testimony::withdraw::withdraw(&root, &slug) {
            Ok(withdrawn) => {
                print!("{}", withdrawn.to_text());
                ExitCode::SUCCESS
            }
            Err(problems) => {
                print_diagnostics(&problems);
                ExitCode::FAILURE
            }
        },
        Command::I18n { command } => match command {
            I18nCommand::Status { format, strict } => match testimony::status::status(&root) {
                Ok(report) => {
                    match format {
                        Format::Json => println!("{}", report.to_json()),
                        Format::Text => print!("{}", report.to_text()),
                    }
                    if strict && !report.is_complete() {
                        ExitCode::FAILURE
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(problems) => {
                    print_diagnostics(&problems);
                    ExitCode::FAILURE
                }
            },
            I18nCommand::Stamp { files } => match testimony::status::stamp(&root, &files) {
                Ok(lines) => {
                    for line in lines {
                        println!("{line}");
                    }
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_diagnostics(&problems);
                    ExitCode::FAILURE
                }
            },
        },
    }
}
