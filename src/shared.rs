//! What the networks share in `crieur run`: the answering core in use, the clock, the
//! default language, and the way to the task that owns the store, which carries out
//! organisers' requests. Below the transports and `run`, which both use it.

use crate::answer::Answerer;
use crate::answer::live::Live;
use crate::answer::reply::{Line, Reply};
use crate::bot::Request;
use crate::chat::{Network, Room};
use crate::clock::Clock;
use crate::extract::Language;
use crate::status::Status;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// What every network task shares.
pub struct Shared {
    pub live: Live,
    pub clock: Clock,
    pub language: Language,
    pub core: Core,
    /// Networks, sites and counters, for `/health` and `/metrics`.
    pub status: Arc<Status>,
}

impl Shared {
    pub fn new(answerer: Answerer, clock: Clock, language: Language, core: Core) -> Shared {
        Shared {
            live: Live::new(answerer),
            clock,
            language,
            core,
            status: Arc::default(),
        }
    }

    /// The current answering core; a re-index swaps it without stopping anyone.
    pub fn answerer(&self) -> Arc<Answerer> {
        self.live.current()
    }

    /// Swaps in a new answering core (after a re-index).
    pub fn replace(&self, answerer: Answerer) {
        self.live.replace(answerer);
    }
}

/// An organiser's request, with where it was said.
#[derive(Debug)]
pub struct CoreRequest {
    pub network: Network,
    pub room: Room,
    pub lang: Language,
    pub request: Request,
}

/// Hands organisers' requests to the task that owns the store.
#[derive(Clone)]
pub struct Core {
    tx: mpsc::Sender<(CoreRequest, oneshot::Sender<Reply>)>,
}

impl Core {
    pub fn new() -> (Core, mpsc::Receiver<(CoreRequest, oneshot::Sender<Reply>)>) {
        let (tx, rx) = mpsc::channel(16);
        (Core { tx }, rx)
    }

    /// Carries out a request; returns what to tell the organiser.
    pub async fn ask(&self, request: CoreRequest) -> Reply {
        let lang = request.lang;
        let (tx, rx) = oneshot::channel();
        let failed = |text: &str| Reply::new(lang).line(Line::default().text(text.to_string()));
        if self.tx.send((request, tx)).await.is_err() {
            return failed("crieur is stopping; try again later");
        }
        rx.await
            .unwrap_or_else(|_| failed("that failed; see the logs"))
    }
}
