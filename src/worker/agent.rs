//! The worker's agent (wasm32 only): receives each request, calls its job's handler, and keeps
//! what a job needs between requests (a checked backup, a file of activities being mapped).

use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};
use wasm_bindgen::JsValue;

use crate::worker::activities::{self as import, ActivityImport};
use crate::worker::backup::{self as jobs, ImportJob};
use crate::worker::protocol::{Request, Response};
use crate::worker::{certificates, exports};

/// The worker's state: the backup file checked last, waiting for Merge or Replace, and the
/// spreadsheet or transcript read last, waiting for its mapping and confirmation.
pub struct Jobs {
    import: Option<ImportJob>,
    /// An encrypted backup waiting for its passphrase.
    locked: Option<jobs::Locked>,
    activities: Option<ActivityImport>,
}

impl Worker for Jobs {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Jobs {
            import: None,
            locked: None,
            activities: None,
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let reply = match msg {
            Request::Check { text, current } => {
                self.import = None;
                if let Some(ask) = jobs::begin_check(&text, &current, &mut self.locked) {
                    scope.respond(id, ask);
                    return;
                }
                // Progress every thousand activities: messages go out as the file is read.
                let mut progress =
                    |done, total| scope.respond(id, Response::Progress { done, total });
                match jobs::check(&text, &current, &mut progress) {
                    Ok((job, checked)) => {
                        self.import = Some(job);
                        checked
                    }
                    Err(refused) => refused,
                }
            }
            Request::Unlock { passphrase } => match &self.locked {
                Some(locked) => {
                    let mut progress =
                        |done, total| scope.respond(id, Response::Progress { done, total });
                    match locked.unlock(&passphrase, &mut progress) {
                        Ok((job, checked)) => {
                            self.import = Some(job);
                            self.locked = None;
                            checked
                        }
                        Err(r) => r,
                    }
                }
                None => no_file(),
            },
            Request::Merge { keep, unify } => match &self.import {
                Some(job) => job.merged(&keep, &unify),
                None => no_file(),
            },
            Request::Replace => match &self.import {
                Some(job) => job.replaced(),
                None => no_file(),
            },
            Request::Export {
                current,
                app_version,
                now,
                files,
                passphrase,
                part,
            } => jobs::export(
                &current,
                &app_version,
                now,
                &files,
                passphrase.as_deref(),
                part,
            ),
            Request::Explain { stored } => jobs::explain(&stored),
            Request::ReadCertificate { text } => certificates::read_text(&text),
            Request::ReadPdf { data } => certificates::read_pdf(&data),
            Request::ReadPhoto {
                data,
                mime,
                name,
                reader,
            } => {
                // The reader works asynchronously (the photo is decoded by the browser, the
                // reader's files fetched): the answer is sent when it is done.
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let step = |message: &str| {
                        scope.respond(
                            id,
                            Response::Step {
                                message: message.into(),
                            },
                        )
                    };
                    let reply =
                        crate::worker::photos::read(&data, &mime, &name, &reader, &step).await;
                    scope.respond(id, reply);
                });
                return;
            }
            Request::ReadActivities {
                data,
                current,
                today,
                now,
                learner,
            } => {
                use base64::Engine;
                self.activities = None;
                match base64::engine::general_purpose::STANDARD.decode(data.as_bytes()) {
                    Ok(bytes) => {
                        match import::read(&bytes, &current, today, now, learner.as_deref()) {
                            Ok((job, read)) => {
                                self.activities = Some(job);
                                Response::ActivitiesRead(Box::new(read))
                            }
                            Err(r) => r,
                        }
                    }
                    Err(_) => Response::Failed {
                        message: "The file could not be read.".into(),
                    },
                }
            }
            Request::CheckActivities { mapping } => match &mut self.activities {
                Some(job) => {
                    let mut progress =
                        |done, total| scope.respond(id, Response::Progress { done, total });
                    Response::ActivitiesChecked(Box::new(job.check(&mapping, &mut progress)))
                }
                None => no_activities(),
            },
            Request::ImportActivities { skip_duplicates } => match &self.activities {
                Some(job) => job.import(skip_duplicates),
                None => no_activities(),
            },
            Request::ExportCsv { current, file } => exports::csv(&current, file),
            Request::AuditPacket {
                report,
                counted,
                files,
                today,
            } => exports::audit_packet(&report, &counted, &files, today),
            Request::SyncWrite {
                current,
                state,
                name,
                now,
                passphrase,
                files,
            } => crate::worker::sync::write(
                &current,
                state.as_deref(),
                &name,
                now,
                passphrase.as_deref(),
                &files,
            ),
            Request::SyncMerge {
                current,
                state,
                name,
                files,
                now,
                passphrase,
                have,
            } => crate::worker::sync::merge(
                &current,
                state.as_deref(),
                &name,
                &files,
                now,
                passphrase.as_deref(),
                &have,
            ),
            Request::SyncExchange {
                current,
                state,
                name,
                files,
                now,
                passphrase,
                have,
                given,
            } => crate::worker::sync::exchange(
                &current,
                state.as_deref(),
                &name,
                &files,
                now,
                passphrase.as_deref(),
                &have,
                &given,
            ),
            Request::SyncHello { state, name, have } => {
                crate::worker::sync::hello(state.as_deref(), &name, have)
            }
            Request::SyncWriteFor {
                current,
                state,
                name,
                mine,
                theirs,
                files,
                now,
            } => crate::worker::sync::write_for(
                &current,
                state.as_deref(),
                &name,
                &mine,
                &theirs,
                &files,
                now,
            ),
            Request::QrDraw { text } => match crate::worker::qr::draw(&text) {
                Ok(drawn) => Response::QrDrawn(drawn),
                Err(message) => Response::Failed { message },
            },
            Request::QrRead {
                width,
                height,
                grey,
            } => {
                use base64::Engine;
                let grey = base64::engine::general_purpose::STANDARD
                    .decode(grey.as_bytes())
                    .unwrap_or_default();
                Response::QrRead {
                    text: crate::worker::qr::read(width, height, &grey),
                }
            }
            Request::SyncResolve {
                current,
                state,
                key,
                field,
                value,
                now,
            } => crate::worker::sync::resolve(&current, &state, &key, &field, value, now),
            Request::SyncStatus {
                current,
                state,
                forget,
            } => crate::worker::sync::status(&current, state.as_deref(), forget.as_deref()),
            Request::Calendar {
                current,
                today,
                now,
            } => exports::calendar(&current, today, now),
        };
        scope.respond(id, reply);
    }
}

fn no_file() -> Response {
    Response::Failed {
        message: "Choose the backup file again: the checked file is no longer in memory.".into(),
    }
}

fn no_activities() -> Response {
    Response::Failed {
        message: "Choose the file again: the file read is no longer in memory.".into(),
    }
}

/// Messages as JSON text: the page already carries serde_json, so no second encoding (gloo's
/// default, bincode) is added to the first download.
pub struct Json;

impl Codec for Json {
    fn encode<I: serde::Serialize>(input: I) -> JsValue {
        JsValue::from_str(&crate::json::to_text(&input).unwrap_or_default())
    }

    fn decode<O: for<'de> serde::Deserialize<'de>>(input: JsValue) -> O {
        // Both ends are this crate's own types; a message that does not read is a bug, and the
        // crash screen (with its download of what is stored) is the right answer to it.
        crate::json::from_text(&input.as_string().unwrap_or_default())
            .expect("worker messages are this crate's own types")
    }
}
