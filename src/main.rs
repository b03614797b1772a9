//! The `crieur` command: parses the command line, sets up logging, and runs one command.
//! Errors are printed once, as a chain, and the process exits non-zero.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use crieur::answer::reply::Limits;
use crieur::clock::Clock;
use crieur::config::Config;
use crieur::export::{ics, json};
use crieur::extract::Language;
use crieur::index::{self, SiteReport};
use crieur::source::{Source, SourceArgs};
use crieur::store::{Store, StoredPost};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Extraction and answering make many small, short-lived allocations, which mimalloc
/// serves faster than the system's allocator (see `crieur bench`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc commits its arena eagerly by default: about 60 MiB resident after indexing a
/// site of a hundred posts, most of it never used again. Committing on demand keeps a
/// running bot at about a third of that. The option must be set before the first
/// allocation reserves the arena, so it is set as the program loads, before `main`. An
/// admin's `MIMALLOC_ARENA_EAGER_COMMIT` still wins.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static LEAN_ALLOCATOR: extern "C" fn() = lean_allocator;

#[cfg(target_os = "linux")]
extern "C" fn lean_allocator() {
    // `mi_option_arena_eager_commit` in mimalloc 3's option list.
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    set_unless_admin_did(ARENA_EAGER_COMMIT, c"MIMALLOC_ARENA_EAGER_COMMIT", 0);
}

/// A running bot indexes its sites, then mostly waits: memory freed after indexing is
/// given back at once rather than after a delay that an idle allocator never reaches
/// (about 3 MiB). `crieur bench` and the one-shot commands keep mimalloc's delay.
#[cfg(target_os = "linux")]
fn lean_allocator_for_serving() {
    // `mi_option_purge_delay` in mimalloc 3's option list.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    set_unless_admin_did(PURGE_DELAY, c"MIMALLOC_PURGE_DELAY", 0);
}

#[cfg(not(target_os = "linux"))]
fn lean_allocator_for_serving() {}

/// Sets one of mimalloc's options, unless the admin set it in the environment.
#[cfg(target_os = "linux")]
fn set_unless_admin_did(
    option: libmimalloc_sys::mi_option_t,
    variable: &std::ffi::CStr,
    value: std::ffi::c_long,
) {
    // Reading the environment here must not allocate: a C string lookup.
    // Safety: `getenv` with a NUL-terminated name; called before any thread exists.
    let set = unsafe { libc_getenv(variable.as_ptr()) };
    if set.is_null() {
        // Safety: sets one of mimalloc's options; any value is valid for it.
        unsafe { libmimalloc_sys::mi_option_set(option, value) };
    }
}

#[cfg(target_os = "linux")]
unsafe extern "C" {
    #[link_name = "getenv"]
    fn libc_getenv(name: *const std::ffi::c_char) -> *const std::ffi::c_char;
}

#[derive(Parser)]
#[command(
    name = "crieur",
    version,
    about = "A town crier for open-source community channels"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Connect to the configured networks and serve until SIGINT or SIGTERM
    Run {
        /// Configuration file (default: config/crieur.toml)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Start the clock at T (RFC 3339) and let it run, to rehearse against real dates
        #[arg(long, value_name = "T")]
        now: Option<String>,
        /// Folder of the store (default: the config's data_dir)
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
    /// Read the sites into the store and print a summary
    Index {
        #[command(flatten)]
        source: SourceArgs,
    },
    /// Print the events of the sites as JSON or iCalendar
    Export {
        #[command(flatten)]
        source: SourceArgs,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Ask one question and print the reply
    Ask {
        #[command(flatten)]
        source: SourceArgs,
        /// The time to answer at (RFC 3339, e.g. 2026-11-22T10:00:00+01:00); default now
        #[arg(long, value_name = "T")]
        now: Option<String>,
        /// The language of commands and unclear questions (fr, en, es)
        #[arg(long, value_name = "L")]
        lang: Option<String>,
        /// The question, e.g. "when is the next geOcom?" or "!next"
        #[arg(required = true, num_args = 1.., trailing_var_arg = true)]
        question: Vec<String>,
    },
    /// Talk to the bot in the terminal (Ctrl-D quits)
    Chat {
        #[command(flatten)]
        source: SourceArgs,
        /// The time the session starts at (RFC 3339); the clock then runs normally
        #[arg(long, value_name = "T")]
        now: Option<String>,
        /// The language of commands and unclear questions (fr, en, es)
        #[arg(long, value_name = "L")]
        lang: Option<String>,
    },
    /// Show what crieur reads in posts and the reminders it would post, before publishing
    Preview {
        #[command(flatten)]
        source: SourceArgs,
        /// The time to plan reminders from (RFC 3339); default now
        #[arg(long, value_name = "T")]
        now: Option<String>,
        /// Fail when a post whose title names a gathering gives no date (for a site's CI)
        #[arg(long)]
        strict: bool,
        /// Posts to show (default: every post of the sites)
        files: Vec<PathBuf>,
    },
    /// Show what crieur posts: reminders, announcements and news, planned, pending, sent
    /// or skipped, with local times and rooms
    Outbox {
        /// Configuration file (default: config/crieur.toml)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Folder of the store (default: the config's data_dir)
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Tell the crieur running on a config to read it again (as SIGHUP does); a config
    /// that fails check-config is reported here and not sent
    Reload {
        /// Configuration file (default: config/crieur.toml)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Folder of the store the running crieur uses (default: the config's data_dir)
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
    /// Check a configuration file and report every problem
    CheckConfig {
        /// The configuration file
        file: PathBuf,
    },
    /// Measure extraction and indexing throughput (build with --release)
    Bench {
        /// A site to measure besides the synthetic ones
        #[arg(long, value_name = "DIR")]
        site: Option<PathBuf>,
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Measure only --site, not the synthetic sites
        #[arg(long, requires = "site")]
        only_site: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Ics,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A running bot tells what it does; one-shot commands only what went wrong.
    let default = if matches!(cli.command, Command::Run { .. }) {
        "info"
    } else {
        "warn"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CRIEUR_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default)),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match run(cli.command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("crieur: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The source of the commands that take `--config FILE` (default: config/crieur.toml) and
/// `--data DIR`.
fn config_source(config: Option<PathBuf>, data: Option<PathBuf>) -> anyhow::Result<Source> {
    SourceArgs {
        config: Some(config.unwrap_or_else(|| PathBuf::from(crieur::source::DEFAULT_CONFIG))),
        data,
        ..SourceArgs::default()
    }
    .resolve()
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Run { config, now, data } => {
            let source = config_source(config, data)?;
            let clock = Clock::from_arg(now.as_deref(), source.timezone)?;
            lean_allocator_for_serving();
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()?;
            runtime.block_on(crieur::run::run(source, clock))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Index { source } => {
            let source = source.resolve()?;
            let store = open_store(&source)?;
            let reports = index::index_sites(&store, &source.sites)?;
            let mut out = std::io::stdout().lock();
            for r in &reports {
                writeln!(
                    out,
                    "{}: {} posts, {} pages, {} events, {} deadlines; {} added, {} updated, {} removed, {} unchanged",
                    r.root.display(),
                    r.posts,
                    r.pages,
                    r.events,
                    r.deadlines,
                    r.summary.added,
                    r.summary.updated,
                    r.summary.removed,
                    r.summary.unchanged
                )?;
            }
            Ok(report_problems(&reports))
        }
        Command::Export {
            source,
            format,
            out,
        } => {
            let source = source.resolve()?;
            let store = open_store(&source)?;
            let reports = index::index_sites(&store, &source.sites)?;
            let code = report_problems(&reports);
            if code == ExitCode::FAILURE {
                return Ok(code);
            }
            let posts: Vec<StoredPost> = store.posts().collect::<Result<_, _>>()?;
            let text = match format {
                Format::Json => {
                    let export = json::Export {
                        posts: posts
                            .iter()
                            .map(|p| json::post(&p.post, &p.extraction))
                            .collect(),
                    };
                    serde_json::to_string_pretty(&export)? + "\n"
                }
                Format::Ics => {
                    let catalog = crieur::answer::catalog::Catalog::build(&posts, &[]);
                    ics::calendar(&catalog.gatherings, source.language, |site| {
                        source
                            .sites
                            .get(site)
                            .map_or(source.timezone, |s| s.timezone)
                    })
                }
            };
            match out {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("{}: cannot write", path.display()))?,
                None => std::io::stdout().lock().write_all(text.as_bytes())?,
            }
            Ok(code)
        }
        Command::Ask {
            source,
            now,
            lang,
            question,
        } => {
            let (source, store) = match indexed(source)? {
                Ok(read) => read,
                Err(code) => return Ok(code),
            };
            let answerer = index::answerer(&store)?;
            let clock = Clock::from_arg(now.as_deref(), source.timezone)?;
            let lang = language(lang.as_deref(), default_language(&source, &store)?)?;
            let reply = answerer.answer(&question.join(" "), lang, clock.now());
            let mut out = std::io::stdout().lock();
            for line in reply.plain(Limits::IRC) {
                writeln!(out, "{line}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Preview {
            source,
            now,
            strict,
            files,
        } => {
            let (source, store) = match indexed(source)? {
                Ok(read) => read,
                Err(code) => return Ok(code),
            };
            let wanted: Vec<PathBuf> = files
                .iter()
                .map(|f| {
                    f.canonicalize()
                        .with_context(|| format!("{}: not found", f.display()))
                })
                .collect::<anyhow::Result<_>>()?;
            let mut posts: Vec<StoredPost> = store.posts().collect::<Result<_, _>>()?;
            posts.retain(|p| {
                wanted.is_empty()
                    || source.sites.get(p.post.site).is_some_and(|site| {
                        site.root
                            .join(&p.post.file)
                            .canonicalize()
                            .is_ok_and(|path| wanted.contains(&path))
                    })
            });
            if posts.len() < wanted.len() {
                eprintln!(
                    "crieur: some files are not posts of the sites read (give --site or --config)"
                );
            }
            let clock = Clock::from_arg(now.as_deref(), source.timezone)?;
            let lang = default_language(&source, &store)?;
            let settings = match &source.config {
                Some(config) => config.reminder_settings(source.timezone),
                None => crieur::schedule::Settings {
                    zone: source.timezone,
                    ..Default::default()
                },
            };
            let announcements = source
                .config
                .as_ref()
                .map(|c| c.announcements(source.timezone))
                .unwrap_or_default();
            let shown =
                crieur::preview::preview(&posts, &announcements, lang, clock.now_utc(), &settings);
            std::io::stdout().lock().write_all(shown.text.as_bytes())?;
            if strict && !shown.undated.is_empty() {
                eprintln!(
                    "crieur: {} post(s) name a gathering but give no date: {}",
                    shown.undated.len(),
                    shown.undated.join(", ")
                );
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat { source, now, lang } => {
            let (source, store) = match indexed(source)? {
                Ok(read) => read,
                Err(code) => return Ok(code),
            };
            let answerer = index::answerer(&store)?;
            let default = default_language(&source, &store)?;
            drop(store);
            let clock = Clock::from_arg(now.as_deref(), source.timezone)?;
            let lang = language(lang.as_deref(), default)?;
            crieur::transport::console::chat(
                &answerer,
                lang,
                || clock.now(),
                &mut std::io::stdout(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Outbox { config, data, json } => {
            let source = config_source(config, data)?;
            let store = open_store(&source)?;
            let zone = source.timezone;
            let (settings, targets) = match &source.config {
                Some(c) => (c.reminder_settings(zone), c.targets()),
                None => (crieur::schedule::Settings::default(), Vec::new()),
            };
            let answerer = index::answerer(&store)?;
            let rows = crieur::export::outbox::rows(
                &store.outbox_entries()?,
                answerer.catalog(),
                &settings,
                &targets,
                &store.announcements()?,
                chrono::Utc::now(),
            );
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                print!("{}", crieur::export::outbox::table(&rows, zone));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Reload { config, data } => {
            // Read and checked here first: a broken file is told to the admin at once.
            let source = config_source(config, data)?;
            let data_dir = source
                .data_dir
                .ok_or_else(|| anyhow::anyhow!("no data dir: pass --data DIR"))?;
            let pid = crieur::run::signal_reload(&data_dir)?;
            println!("crieur (pid {pid}) is reading its config again; its log says what changed");
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckConfig { file } => {
            let config = Config::load(&file)?;
            println!(
                "{}: ok ({} site{})",
                file.display(),
                config.sites.len(),
                if config.sites.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            site,
            base_url,
            only_site,
        } => {
            let spec = site.map(|root| crieur::ingest::SiteSpec {
                base_url: base_url.as_deref().and_then(crieur::config::parse_base_url),
                ..crieur::bench::synthetic_spec(&root)
            });
            if cfg!(debug_assertions) {
                eprintln!(
                    "crieur: warning: a debug build; measure with `cargo run --release -- bench`"
                );
            }
            let synthetic: &[usize] = if only_site { &[] } else { &[2_000, 20_000] };
            crieur::bench::run(spec.as_ref(), synthetic, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The language of commands and unclear questions: the config's, else (a site given with
/// `--site`) the one most of its posts are written in.
fn default_language(source: &Source, store: &Store) -> anyhow::Result<Language> {
    if source.config.is_some() {
        return Ok(source.language);
    }
    Ok(index::main_language(store)?.unwrap_or(source.language))
}

fn language(code: Option<&str>, default: Language) -> anyhow::Result<Language> {
    match code {
        None => Ok(default),
        Some(c) => match Language::from_code(c) {
            Language::Other => anyhow::bail!("--lang {c:?}: crieur speaks fr, en and es"),
            l => Ok(l),
        },
    }
}

fn open_store(source: &Source) -> anyhow::Result<Store> {
    Ok(match &source.data_dir {
        Some(dir) => Store::open(dir)?,
        None => Store::temporary()?,
    })
}

/// Prints the problems met while reading; a site that could not be read at all fails the
/// command, a broken post does not (the others were indexed).
/// The sites of `args` read into a store, what went wrong printed; `Err` with the exit code
/// when a site could not be read at all.
fn indexed(args: SourceArgs) -> anyhow::Result<Result<(Source, Store), ExitCode>> {
    let source = args.resolve()?;
    let (store, reports, _) = source.open_and_index()?;
    if report_problems(&reports) == ExitCode::FAILURE {
        return Ok(Err(ExitCode::FAILURE));
    }
    Ok(Ok((source, store)))
}

fn report_problems(reports: &[SiteReport]) -> ExitCode {
    let mut failed = false;
    for r in reports {
        for p in &r.problems {
            if p.is_fatal() {
                eprintln!("crieur: {p}");
                failed = true;
            } else {
                eprintln!("crieur: {}: {p}", r.root.display());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
