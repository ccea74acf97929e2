//! Storage space: how much the library uses, and dropping old kept versions to free some
//! (the other ways to free space are "Empty trash" and deleting drafts).

use leptos::prelude::*;

use super::Actions;
use crate::display::plural;
use crate::storage::{Read, Usage};
use crate::ui::state::NoticeKind;

impl Actions {
    /// How much of the browser's storage this site uses, and how much of it is ours; `None`
    /// when the app runs in memory or the storage cannot be read.
    pub fn usage(&self) -> Option<Usage> {
        if self.signals.storage.with_untracked(|info| info.memory_only) {
            return None;
        }
        self.with_session(|s| s.drafts.usage().ok()).flatten()
    }

    /// Drops old kept versions from every draft: every approved and published version
    /// stays, and so does each draft's latest submission. The open draft's are dropped
    /// through the editor's own state and saved like any change, so nothing unsaved in
    /// it is overwritten.
    pub fn drop_old_snapshots(&self) {
        self.flush();
        let signals = self.signals;
        let open = signals.open_id.get_untracked();
        let mut in_open = 0;
        if open.is_some() && signals.read_only.with_untracked(Option::is_none) {
            let mut workflow = signals.workflow.get_untracked();
            in_open = workflow.drop_old_snapshots();
            if in_open > 0 {
                signals.workflow.set(workflow);
                self.flush();
            }
        }
        let this = *self;
        self.reading(move |read| this.drop_stored_snapshots(open.as_deref(), in_open, read));
    }

    /// The rest of [`Self::drop_old_snapshots`]: the drafts in storage but the open one,
    /// and the message for all of it.
    fn drop_stored_snapshots(&self, open: Option<&str>, in_open: usize, read: Read) {
        let signals = self.signals;
        match self.with_session(|s| s.drafts.drop_old_snapshots(open, read)) {
            Some(Ok(dropped)) => {
                self.refresh_library();
                let versions = dropped.snapshots + in_open;
                let drafts = dropped.drafts + usize::from(in_open > 0);
                signals.tell(
                    NoticeKind::Info,
                    if versions == 0 {
                        "No old versions to drop: every kept version was approved or published, or is a draft's latest submission.".to_owned()
                    } else {
                        format!(
                            "Dropped {} from {}. Every approved and published version is kept.",
                            plural(versions, "old version", "old versions"),
                            plural(drafts, "draft", "drafts")
                        )
                    },
                );
            }
            Some(Err(error)) => {
                signals.tell(NoticeKind::Error, format!("Could not drop old versions: {error}."))
            }
            None => {}
        }
    }
}
