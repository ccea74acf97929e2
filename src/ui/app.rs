//! The application shell: layout, shared state and the status line.

use leptos::prelude::*;

use super::autosave::{self, Persistence};
use super::editor::Editor;
use super::preview::Preview;
use super::section_nav::SectionNav;
use super::state::{NoticeKind, Studio};
use super::toolbar::Toolbar;

/// The whole app: toolbar, editor and live preview side by side, and the status line.
#[component]
pub fn App() -> impl IntoView {
    let (persistence, save_state) = Persistence::open();
    let studio = Studio::new(persistence.card(), save_state);
    provide_context(studio);
    autosave::install(studio, persistence);

    view! {
        <a class="skip-link" href="#editor">"Skip to the editor"</a>
        <header class="app-header">
            <h1 class="app-title">"Model Card Studio"</h1>
            <Toolbar />
        </header>
        <StatusLine />
        <main class="workspace">
            <SectionNav />
            <section id="editor" class="pane editor" aria-labelledby="editor-heading" tabindex="-1">
                <h2 id="editor-heading">"Card details"</h2>
                <Editor />
            </section>
            <section class="pane preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">"Preview"</h2>
                <Preview />
            </section>
        </main>
    }
}

/// Save status and messages. Both regions exist from the start, so screen readers
/// announce every change to them.
#[component]
fn StatusLine() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let save_label = move || studio.save.with(|state| state.label());
    let save_class = move || {
        if studio.save.with(|s| s.is_problem()) { "save-state problem" } else { "save-state" }
    };
    let message = move |kind: NoticeKind| {
        studio
            .notice
            .with(|notice| notice.as_ref().filter(|n| n.kind == kind).map(|n| n.text.clone()))
    };
    view! {
        <div class="status-line">
            <p class=save_class role="status" data-testid="save-state">{save_label}</p>
            <p class="notice" role="status" data-testid="notice">{move || message(NoticeKind::Info)}</p>
            <p class="notice error" role="alert" data-testid="error">{move || message(NoticeKind::Error)}</p>
        </div>
    }
}
