//! The HTTP server of `[http]`, in the same process: `/health` for monitoring (200 when
//! every site is read and every network connected, 503 otherwise, with a JSON body),
//! `/metrics` in Prometheus text format, `/calendar.ics` (with ETag; `?site=` and
//! `?lang=`), `/events.json` for other tools, and `/`, the page of upcoming gatherings and
//! of what crieur will post.

use crate::answer::catalog::Gathering;
use crate::export::{ics, outbox, page};
use crate::extract::Language;
use crate::schedule::Rules;
use crate::shared::Shared;
use crate::status::{LATENCY_BUCKETS, NetworkState, SiteState};
use crate::store::Store;
use axum::Router;
use axum::extract::{Query, State as With};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono_tz::Tz;
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;
use tokio::sync::watch;

/// What the pages read.
pub struct Web {
    pub shared: Arc<Shared>,
    pub store: Arc<Store>,
    /// When reminders go out and where (the config's, replaced when it is re-read).
    pub rules: watch::Receiver<Rules>,
    /// Each site's time zone, by site number (replaced when the config is re-read).
    pub zones: std::sync::RwLock<Vec<Tz>>,
    /// The sites' language: the page's, and the calendar's unless `?lang=` says otherwise.
    pub language: Language,
    /// Calendars already written, with their ETag, for the answering core in use: a
    /// client polling every few minutes costs a lookup until the sites change.
    pub calendars: std::sync::Mutex<Calendars>,
}

/// Calendars by (language, site filter), for one answering core (held, so that it is
/// compared by identity).
#[derive(Default)]
pub struct Calendars {
    core: Option<Arc<crate::answer::Answerer>>,
    written: std::collections::HashMap<(Language, Option<usize>), (Arc<str>, HeaderValue)>,
}

#[derive(Debug, Default, Deserialize)]
struct Filter {
    site: Option<usize>,
    lang: Option<String>,
}

/// Serves until `shutdown`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    web: Arc<Web>,
    mut shutdown: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let app = Router::new()
        .route("/", get(index))
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .route("/calendar.ics", get(calendar))
        .route("/events.json", get(events))
        .with_state(web);
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = shutdown.changed().await;
        })
        .await
}

impl Web {
    fn lang(&self, filter: &Filter) -> Language {
        filter
            .lang
            .as_deref()
            .map(Language::from_code)
            .filter(|l| *l != Language::Other)
            .unwrap_or(self.language)
    }

    fn zone(&self, site: usize) -> Tz {
        let zones = self.zones.read().unwrap_or_else(|e| e.into_inner());
        zones
            .get(site)
            .copied()
            .unwrap_or_else(|| self.rules.borrow().settings.zone)
    }

    /// What crieur has written and plans, as `crieur outbox` shows it.
    fn rows(&self) -> Vec<outbox::Row> {
        let answerer = self.shared.answerer();
        let entries = self.store.outbox_entries().unwrap_or_default();
        let announcements = self.store.announcements().unwrap_or_default();
        let rules = self.rules.borrow().clone();
        outbox::rows(
            &entries,
            answerer.catalog(),
            &rules.settings,
            &rules.targets,
            &announcements,
            self.shared.clock.now_utc(),
        )
    }
}

async fn health(With(web): With<Arc<Web>>) -> Response {
    let snapshot = web.shared.status.snapshot();
    let healthy = snapshot.healthy();
    let body = serde_json::json!({
        "healthy": healthy,
        "networks": snapshot.networks,
        "sites": snapshot.sites.values().collect::<Vec<_>>(),
    });
    let code = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        code,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn index(With(web): With<Arc<Web>>, Query(filter): Query<Filter>) -> Response {
    let lang = web.lang(&filter);
    let answerer = web.shared.answerer();
    let today = web.shared.clock.now().date();
    let gatherings = page::upcoming(answerer.catalog(), today, filter.site);
    let planned: Vec<outbox::Row> = web
        .rows()
        .into_iter()
        .filter(|r| matches!(r.state, "planned" | "pending"))
        .take(50)
        .collect();
    let zone = web.rules.borrow().settings.zone;
    let html = page::html(&gatherings, &planned, lang, zone);
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn events(With(web): With<Arc<Web>>, Query(filter): Query<Filter>) -> Response {
    let lang = web.lang(&filter);
    let answerer = web.shared.answerer();
    let today = web.shared.clock.now().date();
    let gatherings = page::upcoming(answerer.catalog(), today, filter.site);
    let body = serde_json::to_string_pretty(&page::events(&gatherings, lang)).unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Every gathering (past ones too: a calendar keeps its history), answered with an ETag so
/// that calendar clients polling every few minutes get a 304 while nothing changed.
async fn calendar(
    With(web): With<Arc<Web>>,
    Query(filter): Query<Filter>,
    headers: HeaderMap,
) -> Response {
    let lang = web.lang(&filter);
    let answerer = web.shared.answerer();
    let cached = {
        let mut calendars = web.calendars.lock().unwrap_or_else(|e| e.into_inner());
        if !calendars
            .core
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(c, &answerer))
        {
            *calendars = Calendars {
                core: Some(answerer.clone()),
                ..Calendars::default()
            };
        }
        calendars.written.get(&(lang, filter.site)).cloned()
    };
    let (body, tag) = match cached {
        Some(written) => written,
        None => {
            let gatherings: Vec<Gathering> = answerer
                .catalog()
                .gatherings
                .iter()
                .filter(|g| filter.site.is_none_or(|s| g.site == s))
                .cloned()
                .collect();
            let body: Arc<str> = ics::calendar(&gatherings, lang, |site| web.zone(site)).into();
            let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            let tag = HeaderValue::from_str(&format!("\"{hash:016x}\"")).expect("an ETag is ASCII");
            let mut calendars = web.calendars.lock().unwrap_or_else(|e| e.into_inner());
            if calendars
                .core
                .as_ref()
                .is_some_and(|c| Arc::ptr_eq(c, &answerer))
            {
                calendars
                    .written
                    .insert((lang, filter.site), (body.clone(), tag.clone()));
            }
            (body, tag)
        }
    };
    let etag = tag.to_str().unwrap_or_default().to_string();
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::ETAG, tag),
        ],
        body.to_string(),
    )
        .into_response()
}

/// Prometheus text format (version 0.0.4).
async fn metrics(With(web): With<Arc<Web>>) -> Response {
    let snapshot = web.shared.status.snapshot();
    let mut out = String::new();
    let networks = &snapshot.networks;
    head(
        &mut out,
        "crieur_questions_total",
        "counter",
        "Questions answered, by network and intent.",
    );
    for (network, n) in networks {
        for (intent, count) in &n.questions {
            let _ = writeln!(
                out,
                "crieur_questions_total{{network=\"{network}\",intent=\"{intent}\"}} {count}"
            );
        }
    }
    head(
        &mut out,
        "crieur_reply_seconds",
        "histogram",
        "Time from a question's arrival to its answer.",
    );
    for (network, n) in networks {
        let mut cumulative = 0;
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            cumulative += n.latency[i];
            let _ = writeln!(
                out,
                "crieur_reply_seconds_bucket{{network=\"{network}\",le=\"{bound}\"}} {cumulative}"
            );
        }
        let count: u64 = n.latency.iter().sum();
        let _ = writeln!(
            out,
            "crieur_reply_seconds_bucket{{network=\"{network}\",le=\"+Inf\"}} {count}\ncrieur_reply_seconds_sum{{network=\"{network}\"}} {}\ncrieur_reply_seconds_count{{network=\"{network}\"}} {count}",
            n.latency_sum
        );
    }
    let per_network =
        |out: &mut String, name, kind, help, value: &dyn Fn(&NetworkState) -> String| {
            head(out, name, kind, help);
            for (network, n) in networks {
                let _ = writeln!(out, "{name}{{network=\"{network}\"}} {}", value(n));
            }
        };
    per_network(
        &mut out,
        "crieur_unknown_replies_total",
        "counter",
        "Questions answered \"I don't know\", by network.",
        &|n| n.unknown.to_string(),
    );
    per_network(
        &mut out,
        "crieur_connected",
        "gauge",
        "Whether crieur is connected to the network.",
        &|n| u8::from(n.connected).to_string(),
    );
    per_network(
        &mut out,
        "crieur_reconnects_total",
        "counter",
        "Connections lost and made again, by network.",
        &|n| n.reconnects.to_string(),
    );
    // Messages by kind and state: reminders, announcements and news, sent, skipped,
    // pending, and planned (not yet due).
    let mut counts: std::collections::BTreeMap<(&str, &str), u64> = Default::default();
    for row in web.rows() {
        *counts.entry((row.key.kind(), row.state)).or_default() += 1;
    }
    head(
        &mut out,
        "crieur_messages",
        "gauge",
        "Messages crieur posts, by kind and state.",
    );
    for ((kind, state), n) in &counts {
        let _ = writeln!(
            out,
            "crieur_messages{{kind=\"{kind}\",state=\"{state}\"}} {n}"
        );
    }
    let outbox_size: u64 = counts
        .iter()
        .filter(|((_, s), _)| *s != "planned")
        .map(|(_, n)| n)
        .sum();
    head(
        &mut out,
        "crieur_outbox_entries",
        "gauge",
        "Entries in the outbox.",
    );
    let _ = writeln!(out, "crieur_outbox_entries {outbox_size}");
    let now = chrono::Utc::now();
    let per_site =
        |out: &mut String, name, kind, help, value: &dyn Fn(&SiteState) -> Option<String>| {
            head(out, name, kind, help);
            for (i, s) in &snapshot.sites {
                if let Some(v) = value(s) {
                    let _ = writeln!(out, "{name}{{site=\"{i}\"}} {v}");
                }
            }
        };
    per_site(
        &mut out,
        "crieur_posts",
        "gauge",
        "Posts indexed, by site.",
        &|s| Some(s.posts.to_string()),
    );
    per_site(
        &mut out,
        "crieur_gatherings",
        "gauge",
        "Gatherings read in posts, by site.",
        &|s| Some(s.gatherings.to_string()),
    );
    per_site(
        &mut out,
        "crieur_site_fetch_age_seconds",
        "gauge",
        "Time since the site was last read or fetched.",
        &|s| {
            let at = s.last_fetch.max(s.last_read)?;
            Some(((now - at).num_milliseconds() as f64 / 1000.0).to_string())
        },
    );
    per_site(
        &mut out,
        "crieur_site_fetch_failures_total",
        "counter",
        "Failed fetches of the site's repository.",
        &|s| Some(s.failures.to_string()),
    );
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}
