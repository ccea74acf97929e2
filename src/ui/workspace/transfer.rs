//! Files in and out of the open draft: import of any format (through the formats
//! worker), the metrics merge, export, and the downloads that say whether they worked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Actions;
use crate::card::Card;
use crate::document;
use crate::formats::job::{Answer, Job};
use crate::formats::{self, ExportFormat, Format, ImportOutcome, metrics};
use crate::ui::browser::{download, now_ms};
use crate::ui::formats_worker;
use crate::ui::state::{FileReport, NoticeKind, OriginalFile, PendingMetrics};

impl Actions {
    /// Imports a file of any supported format. A card opens as a new draft, with a
    /// report of what was mapped, kept as written and not read; a metrics file waits for
    /// the user to see what it adds and replaces. The open draft is never touched here.
    pub fn import(&self, name: String, text: String) {
        let actions = *self;
        // Kept until the import is done: offered as it was when something is set aside.
        let original = text.clone();
        spawn_local(async move {
            match formats_worker::run(Job::Import { text, now: now_ms() }).await {
                Answer::Imported(report) => {
                    if let Some(report) = crate::ui::signed::received(actions, &name, *report) {
                        actions.open_imported(&name, report, original);
                        crate::ui::signed::check_imported_signatures(actions, name);
                    }
                }
                Answer::Metrics { values } => {
                    actions.signals.metrics.set(Some(PendingMetrics { file: name, values }))
                }
                Answer::Failed { message } => actions.refuse_import(&name, &message),
                _ => {
                    actions.refuse_import(&name, "the worker gave an answer that is not an import")
                }
            }
        });
    }

    fn refuse_import(&self, name: &str, reason: &str) {
        self.signals.tell(
            NoticeKind::Error,
            format!("Could not import {name}. {reason}. Your current card is unchanged."),
        );
    }

    fn open_imported(&self, name: &str, outcome: ImportOutcome, text: String) {
        let message = outcome.notice(name);
        let title = outcome.report_title(name);
        let filename = original_filename(name, outcome.format);
        let ImportOutcome { document, report, more, .. } = outcome;
        let set_aside = !report.problems.is_empty();
        // A BOM with several models: every one is a draft; the first opens.
        for other in more {
            self.store_new(other);
        }
        self.create(document, Some(message));
        let mut file_report = FileReport::new(title, report.into_groups());
        file_report.original = set_aside.then_some(OriginalFile { filename, text });
        self.signals.report.set(Some(file_report));
    }

    /// Merges the waiting metrics into the open card, as their plan showed.
    pub fn merge_metrics(&self, plan: &metrics::Plan) {
        let signals = self.signals;
        let Some(pending) = signals.metrics.get_untracked() else { return };
        signals.edit(|card| metrics::apply(card, plan));
        signals.metrics.set(None);
        signals.tell(NoticeKind::Info, plan.merged(&pending.file));
    }

    /// Downloads the open card in a format. Our JSON is written here, so it always works;
    /// the others come from the formats worker. What a format could not carry is reported.
    pub fn export(&self, format: ExportFormat) {
        let document = self.document();
        let filename = format!("{}.{}", formats::file_stem(&document.card), format.extension());
        if format == ExportFormat::CardJson {
            let text = document::to_json(&document);
            self.offer_open_card(document.card, &filename, format.mime(), &text);
            return;
        }
        let actions = *self;
        let job = Job::Export { document: document::to_json(&document), format };
        let card = document.card;
        spawn_local(async move {
            match formats_worker::run(job).await {
                Answer::Exported { text, notes } => {
                    actions.offer_open_card(card, &filename, format.mime(), &text);
                    let report = (!notes.is_empty()).then(|| {
                        FileReport::new(
                            format!("Downloaded {filename}"),
                            vec![("Not carried over as a field of its own", notes)],
                        )
                    });
                    actions.signals.report.set(report);
                }
                Answer::Failed { message } => actions.signals.tell(
                    NoticeKind::Error,
                    format!("Could not write {filename}. {message}. Download JSON still works."),
                ),
                _ => actions.signals.tell(
                    NoticeKind::Error,
                    format!(
                        "Could not write {filename}: the worker gave an answer that is not a file."
                    ),
                ),
            }
        });
    }

    /// Downloads the open draft, e.g. when storage is full and nothing else is safe.
    pub fn download_open_draft(&self) {
        let document = self.document();
        let stem = crate::formats::file_stem(&document.card);
        let text = document::to_json(&document);
        self.offer_open_card(document.card, &format!("{stem}.json"), "application/json", &text);
    }

    /// Offers a file for download and says so.
    pub fn offer(&self, filename: &str, mime: &str, text: &str) -> bool {
        match download(filename, mime, text) {
            Ok(()) => {
                self.signals.tell(NoticeKind::Info, format!("Downloaded {filename}"));
                true
            }
            Err(reason) => {
                self.signals
                    .tell(NoticeKind::Error, format!("Could not download {filename}: {reason}"));
                false
            }
        }
    }

    /// Offers the open card as a file; once it is downloaded, the "not downloaded"
    /// marker goes until the next edit.
    pub fn offer_open_card(&self, card: Card, filename: &str, mime: &str, text: &str) {
        if self.offer(filename, mime, text) {
            self.signals.downloaded.set(Some(card));
        }
    }
}

/// The name to download an imported file under, as it was: the file's own name, or for
/// pasted text a name with the extension of what it turned out to be.
fn original_filename(name: &str, format: Format) -> String {
    if name != PASTED {
        return name.to_owned();
    }
    let extension = match format {
        Format::HfReadme => "md",
        Format::ShareLink => "txt",
        _ => "json",
    };
    format!("pasted.{extension}")
}

/// What a paste is called in messages, in place of a file name.
pub const PASTED: &str = "the pasted text";
