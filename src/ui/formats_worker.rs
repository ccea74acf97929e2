//! The formats worker, seen from the page. It is started on the first import or export
//! that needs it, and each job's answer comes back as a future. This client is itself a
//! lazily loaded chunk (`ui::chunks::FORMATS`): reading the worker's answers takes a
//! deserializer for every kind of answer (imports, review files, reports), which start-up
//! never needs, so only [`run`] is in the page's first download. If the worker cannot be
//! loaded or dies, every waiting job fails with a message and the next job starts a new
//! worker, so one failure never blocks importing for good.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::formats::job::{Answer, Job, READY, Reply, Request};

/// The worker's loader, which Trunk writes next to `index.html` (`data-type="worker"`).
/// Relative, so the app works under any sub-path.
const LOADER: &str = "./formats-worker_loader.js";

#[derive(Default)]
struct Connection {
    worker: Option<Worker>,
    /// Whether the worker has said it listens; requests wait in `queued` until then.
    ready: bool,
    queued: Vec<String>,
    pending: HashMap<u32, oneshot::Sender<Answer>>,
    next_id: u32,
}

type Shared = Rc<RefCell<Connection>>;

thread_local! {
    static CONNECTION: Shared = Shared::default();
}

/// Runs a job in the worker and waits for its answer, loading this client's chunk first
/// if needed. If the chunk cannot be loaded, the answer says so; nothing else changes,
/// and the next job tries again.
pub async fn run(job: Job) -> Answer {
    match super::chunks::FORMATS.get().await {
        Ok(client) => (client.run)(job).await,
        Err(_) => {
            failed("its code did not arrive: you may be offline, or the app was just updated")
        }
    }
}

/// [`run`], inside the chunk.
pub(super) async fn run_in_worker(job: Job) -> Answer {
    let receiver = CONNECTION.with(|connection| send(connection, job));
    match receiver {
        Ok(receiver) => receiver.await.unwrap_or_else(|_| failed("the worker stopped")),
        Err(reason) => failed(&reason),
    }
}

fn failed(reason: &str) -> Answer {
    Answer::Failed {
        message: format!(
            "The import and export code could not run ({reason}). Reload the page and try again"
        ),
    }
}

fn send(shared: &Shared, job: Job) -> Result<oneshot::Receiver<Answer>, String> {
    if shared.borrow().worker.is_none() {
        start(shared)?;
    }
    let mut connection = shared.borrow_mut();
    connection.next_id = connection.next_id.wrapping_add(1);
    let id = connection.next_id;
    let request = serde_json::to_string(&Request { id, job }).map_err(|e| e.to_string())?;
    let (sender, receiver) = oneshot::channel();
    connection.pending.insert(id, sender);
    if connection.ready {
        post(&connection, &request);
    } else {
        connection.queued.push(request);
    }
    Ok(receiver)
}

fn post(connection: &Connection, request: &str) {
    if let Some(worker) = &connection.worker {
        let _ = worker.post_message(&JsValue::from_str(request));
    }
}

fn start(shared: &Shared) -> Result<(), String> {
    // A module worker: wasm-bindgen's classic-script output cannot be used with our npm
    // tooling beside the crate.
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(LOADER, &options)
        .map_err(|_| "the browser refused to start it".to_owned())?;

    let on_message = {
        let shared = Rc::clone(shared);
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let mut connection = shared.borrow_mut();
            if text == READY {
                connection.ready = true;
                for request in std::mem::take(&mut connection.queued) {
                    post(&connection, &request);
                }
                return;
            }
            if let Ok(Reply { id, answer }) = serde_json::from_str::<Reply>(&text)
                && let Some(sender) = connection.pending.remove(&id)
            {
                let _ = sender.send(answer);
            }
        })
    };
    let on_error = {
        let shared = Rc::clone(shared);
        // A script that fails to load fires a plain `Event`; an error inside, an `ErrorEvent`.
        Closure::<dyn Fn(Event)>::new(move |event: Event| {
            let reason = event
                .dyn_ref::<ErrorEvent>()
                .map(ErrorEvent::message)
                .filter(|message| !message.is_empty())
                .unwrap_or_else(|| "it could not be loaded".to_owned());
            stop(&shared, &reason);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page; a restarted worker gets new ones.
    on_message.forget();
    on_error.forget();
    let mut connection = shared.borrow_mut();
    connection.worker = Some(worker);
    connection.ready = false;
    Ok(())
}

/// Ends a broken worker: every waiting job fails with the reason.
fn stop(shared: &Shared, reason: &str) {
    let mut connection = shared.borrow_mut();
    if let Some(worker) = connection.worker.take() {
        worker.terminate();
    }
    connection.ready = false;
    connection.queued.clear();
    for (_, sender) in connection.pending.drain() {
        let _ = sender.send(failed(reason));
    }
}
