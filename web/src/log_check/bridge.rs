//! The page side of the worker: starts it on first use (its wasm is a separate download, so
//! the calculator's bundle carries no biller), queues the job until the worker says it is
//! ready, and turns its messages into `Msg`s.
//!
//! gloo-worker's bridge is not used: it serialises every message with bincode, and a job hands
//! the worker a `File` (read there with `FileReaderSync`) and gets a `Blob` back, which only the
//! browser's structured clone carries. The listeners are gloo's; the message's fields are read
//! with `Reflect`, as a plain JS object.

use gloo_events::EventListener;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// Trunk's loader for the `bill_worker` bin (`data-loader-shim`), next to the page.
pub const WORKER_URL: &str = "./bill_worker_loader.js";

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// `done` of `total` bytes read; `sorting` in the second pass over an out-of-order log.
    Progress {
        sorting: bool,
        done: f64,
        total: f64,
    },
    Done {
        json: String,
        detail: Option<Blob>,
    },
    Failed(String),
}

/// One job for the worker.
pub struct Job {
    pub file: web_sys::File,
    pub settings_json: String,
    pub skip_bad_rows: bool,
    pub detail: bool,
    pub compare: bool,
}

/// A running worker; dropping it stops the worker.
pub struct Bridge {
    worker: Worker,
    pending: Rc<RefCell<Option<JsValue>>>,
    ready: Rc<RefCell<bool>>,
    _on_message: EventListener,
    _on_error: EventListener,
}

fn get(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

impl Bridge {
    pub fn spawn(on: Callback<Msg>) -> Result<Bridge, String> {
        let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
        let pending: Rc<RefCell<Option<JsValue>>> = Rc::default();
        let ready: Rc<RefCell<bool>> = Rc::default();
        let on_message = {
            let (sender, pending, ready, on) =
                (worker.clone(), pending.clone(), ready.clone(), on.clone());
            EventListener::new(&worker, "message", move |event| {
                let Some(data) = event.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
                    return;
                };
                match get(&data, "kind").as_string().as_deref() {
                    Some("ready") => {
                        *ready.borrow_mut() = true;
                        if let Some(job) = pending.borrow_mut().take() {
                            let _ = sender.post_message(&job);
                        }
                    }
                    Some("progress") => on.emit(Msg::Progress {
                        sorting: get(&data, "phase").as_string().as_deref() == Some("sort"),
                        done: get(&data, "done").as_f64().unwrap_or(0.0),
                        total: get(&data, "total").as_f64().unwrap_or(0.0),
                    }),
                    Some("done") => on.emit(Msg::Done {
                        json: get(&data, "json").as_string().unwrap_or_default(),
                        detail: get(&data, "detail").dyn_into().ok(),
                    }),
                    _ => {}
                }
            })
        };
        let on_error = EventListener::new(&worker, "error", move |event| {
            event.prevent_default();
            let message = event
                .dyn_ref::<ErrorEvent>()
                .map(ErrorEvent::message)
                .unwrap_or_default();
            on.emit(Msg::Failed(message));
        });
        Ok(Bridge {
            worker,
            pending,
            ready,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a job now, or as soon as the worker has loaded.
    pub fn run(&self, job: Job) {
        let message = Object::new();
        let fields: [(&str, JsValue); 5] = [
            ("file", job.file.into()),
            ("settings", job.settings_json.into()),
            ("skip", job.skip_bad_rows.into()),
            ("detail", job.detail.into()),
            ("compare", job.compare.into()),
        ];
        for (name, value) in fields {
            let _ = Reflect::set(&message, &JsValue::from_str(name), &value);
        }
        if *self.ready.borrow() {
            let _ = self.worker.post_message(&message);
        } else {
            *self.pending.borrow_mut() = Some(message.into());
        }
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
