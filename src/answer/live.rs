//! The answering core in use: every network and the scheduler read the current one, and a
//! re-index swaps in a new one without stopping anybody.

use super::Answerer;
use std::sync::{Arc, RwLock};

#[derive(Clone)]
pub struct Live(Arc<RwLock<Arc<Answerer>>>);

impl Live {
    pub fn new(answerer: Answerer) -> Live {
        Live(Arc::new(RwLock::new(Arc::new(answerer))))
    }

    /// The current answering core.
    pub fn current(&self) -> Arc<Answerer> {
        self.0
            .read()
            .expect("the answerer lock is never poisoned: no code panics while holding it")
            .clone()
    }

    /// Swaps in a new answering core (after a re-index).
    pub fn replace(&self, answerer: Answerer) {
        *self
            .0
            .write()
            .expect("the answerer lock is never poisoned: no code panics while holding it") =
            Arc::new(answerer);
    }
}
