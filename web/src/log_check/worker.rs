//! The worker side: receives `{file, settings, skip, detail, compare}`, reads the file in
//! blocks with `FileReaderSync` (a worker may block; the page's thread never does) and posts
//! `progress` messages, then one `done` with the outcome as JSON and the detail CSV as a Blob.
//!
//! The detail text leaves wasm memory every megabyte as bytes the Blob keeps, so a log of
//! millions of rows does not hold its detail twice. Messages are plain JS objects (a `File` in,
//! a `Blob` out: only the browser's structured clone carries them), written and read with
//! `Reflect`; the listener is gloo's.

use super::model::LogProblem;
use super::run::{setting_problem, Job, Outcome, Run};
use gloo_events::EventListener;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wacost_core::bill::Settings;
use wacost_core::Catalog;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

/// Bytes read at a time: small enough for a smooth progress bar, large enough that the
/// per-block cost (a copy out of the JS heap) stays negligible.
const BLOCK: f64 = (1 << 20) as f64;
/// Detail text moved out of wasm memory once it is this long.
const DETAIL_FLUSH: usize = 1 << 20;

/// Installs the message handler and says so (messages posted before this would be lost).
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let handler = EventListener::new(&scope, "message", move |event| {
        let Some(data) = event.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
            return;
        };
        let outcome = match run_job(&reply, &data) {
            Ok(done) => done,
            Err(e) => Done {
                outcome: Outcome::failed(vec![e]),
                detail: None,
            },
        };
        let json = serde_json::to_string(&outcome.outcome).unwrap_or_else(|e| {
            let detail = serde_json::Value::from(e.to_string());
            format!(r#"{{"report":null,"errors":[{{"Worker":{{"detail":{detail}}}}}]}}"#)
        });
        let mut fields: Vec<(&str, JsValue)> = vec![("kind", "done".into()), ("json", json.into())];
        if let Some(blob) = outcome.detail {
            fields.push(("detail", blob.into()));
        }
        post(&reply, &fields);
    });
    // The worker lives until the page stops it.
    handler.forget();
    post(&scope, &[("kind", "ready".into())]);
}

fn post(scope: &DedicatedWorkerGlobalScope, fields: &[(&str, JsValue)]) {
    let message = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&message, &JsValue::from_str(name), value);
    }
    let _ = scope.post_message(&message);
}

struct Done {
    outcome: Outcome,
    detail: Option<Blob>,
}

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn run_job(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> Result<Done, LogProblem> {
    let file: Blob = field(data, "file")
        .dyn_into()
        .map_err(|_| LogProblem::Unreadable)?;
    let settings_json = field(data, "settings")
        .as_string()
        .unwrap_or_else(|| "{}".to_string());
    let job = Job {
        skip_bad_rows: field(data, "skip").is_truthy(),
        detail: field(data, "detail").is_truthy(),
        compare: field(data, "compare").is_truthy(),
    };
    let catalog = Catalog::builtin();
    let settings = match Settings::from_json(&settings_json, catalog) {
        Ok(s) => s,
        Err(errors) => {
            return Ok(Done {
                outcome: Outcome::failed(errors.iter().map(setting_problem).collect()),
                detail: None,
            })
        }
    };
    // Raw web-sys: gloo reads files asynchronously only; a worker may block, and reading
    // synchronously keeps the run a plain loop.
    let reader = FileReaderSync::new().map_err(|_| LogProblem::Unreadable)?;
    let size = file.size();
    let mut run = Run::new(catalog, settings, job);
    let parts = Array::new();
    let mut block = Vec::new();
    for pass in 0..2 {
        let phase = if pass == 0 { "read" } else { "sort" };
        let mut offset = 0.0;
        while offset < size && !run.stopped() {
            let end = (offset + BLOCK).min(size);
            let slice = file
                .slice_with_f64_and_f64(offset, end)
                .map_err(|_| LogProblem::Unreadable)?;
            let buffer = reader
                .read_as_array_buffer(&slice)
                .map_err(|_| LogProblem::Unreadable)?;
            let bytes = Uint8Array::new(&buffer);
            block.resize(bytes.length() as usize, 0);
            bytes.copy_to(&mut block);
            run.feed(&block);
            offset = end;
            flush_detail(&mut run, &parts, DETAIL_FLUSH);
            post(
                scope,
                &[
                    ("kind", "progress".into()),
                    ("phase", phase.into()),
                    ("done", offset.into()),
                    ("total", size.into()),
                ],
            );
        }
        if pass == 0 && run.needs_sort() {
            parts.set_length(0);
            run.restart_sorted();
            continue;
        }
        run.end_of_input();
        break;
    }
    flush_detail(&mut run, &parts, 0);
    // One Blob of many parts: gloo's Blob takes a single content.
    let detail = if job.detail && parts.length() > 0 {
        let options = BlobPropertyBag::new();
        options.set_type("text/csv");
        Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
    } else {
        None
    };
    let outcome = run.finish();
    Ok(Done {
        detail: detail.filter(|_| outcome.report.is_some()),
        outcome,
    })
}

fn flush_detail(run: &mut Run, parts: &Array, at_least: usize) {
    let text = run.detail();
    if !text.is_empty() && text.len() >= at_least {
        parts.push(&Uint8Array::from(text.as_bytes()));
        text.clear();
    }
}
