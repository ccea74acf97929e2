//! The dialogs whose code is a lazily loaded chunk (`ui::chunks`): whether each is open,
//! and the one place each is mounted. The button that opens a dialog is in the page from
//! the start; the dialog's content arrives with its chunk the first time it opens, and is
//! mounted only while open.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::lazy::{Chunk, Lazy};

/// Which lazily loaded dialogs are open; in context. (The metrics merge opens when
/// `Signals::metrics` holds a file's metrics.)
#[derive(Clone, Copy)]
pub struct Dialogs {
    pub new_card: RwSignal<bool>,
    pub share: RwSignal<bool>,
}

impl Dialogs {
    /// Makes the signals and provides them as context.
    pub fn provide() -> Self {
        let dialogs = Self { new_card: RwSignal::new(false), share: RwSignal::new(false) };
        provide_context(dialogs);
        dialogs
    }
}

/// The chunk's dialog while `open` is set, loading its code first the first time.
#[component]
pub fn LazyDialog(open: RwSignal<bool>, chunk: &'static Chunk) -> impl IntoView {
    let close = Callback::new(move |()| open.set(false));
    view! {
        <Show when=move || open.get()>
            <Lazy chunk on_close=close />
        </Show>
    }
}

/// Shows a lazily mounted modal dialog as soon as it is in the page: it is mounted to be
/// seen. Its `close` event must clear the signal that mounted it.
pub fn show_when_mounted(dialog: NodeRef<Dialog>) {
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    });
}
