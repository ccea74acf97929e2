//! Backups of the whole library: download every draft as one file, plan a restore, and
//! apply it.

use super::Actions;
use crate::display::plural;
use crate::storage::backup::{self, RestorePlan};
use crate::storage::decode;
use crate::ui::browser::{now_ms, random_id};
use crate::ui::state::NoticeKind;

impl Actions {
    /// Downloads every draft as one backup file.
    pub fn download_all(&self) {
        self.flush();
        let this = *self;
        self.reading(move |read| {
            let now = now_ms();
            match this.with_session(|s| backup::bundle(&s.drafts, now, read)) {
                Some(Ok(text)) => {
                    this.offer("model-card-studio-backup.json", "application/json", &text);
                }
                Some(Err(error)) => this
                    .signals
                    .tell(NoticeKind::Error, format!("Could not make the backup: {error}.")),
                None => {}
            }
        });
    }

    /// Works out what restoring a backup would do, without writing anything.
    pub fn plan_restore(&self, text: &str) -> Result<RestorePlan, String> {
        self.flush();
        // Only the library's chunk restores, so it reads with `decode` itself.
        self.with_session(|s| backup::plan(&s.drafts, text, decode).map_err(|e| e.to_string()))
            .unwrap_or_else(|| Err("the library is busy; try again".into()))
    }

    pub fn apply_restore(&self, plan: &RestorePlan) {
        let now = now_ms();
        let mut serial = 0;
        let outcome = self.with_session(|s| {
            backup::apply(&mut s.drafts, plan, || {
                serial += 1;
                random_id(now + serial)
            })
        });
        match outcome {
            Some(Ok(written)) => {
                self.refresh_library();
                self.signals.tell(
                    NoticeKind::Info,
                    format!("Restored {} from the backup.", plural(written, "draft", "drafts")),
                );
            }
            Some(Err(error)) => {
                self.signals.tell(NoticeKind::Error, format!("The restore stopped: {error}."))
            }
            None => {}
        }
    }
}
