//! Files written for the person in the worker: the audit packet (a ZIP, `packet`) and the
//! deadlines' calendar (iCalendar).

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::worker::protocol::{from_stored, CsvFile, Response, Stored};

/// The audit packet of a report (`worker::packet`), as a file to download.
pub fn audit_packet(
    report: &crate::domain::formats::report::AuditReport,
    counted: &[crate::domain::model::activity::Activity],
    files: &[(Uuid, String)],
    today: NaiveDate,
) -> Response {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut bytes = Vec::new();
    for (id, data) in files {
        match b64.decode(data.as_bytes()) {
            Ok(b) => bytes.push((*id, b)),
            Err(_) => {
                return Response::Failed {
                    message: "A certificate could not be read for the packet.".into(),
                }
            }
        }
    }
    match crate::worker::packet::packet(report, counted, &bytes, today) {
        Ok(zip) => Response::File {
            name: crate::worker::packet::file_name(report),
            data: b64.encode(zip),
        },
        Err(message) => Response::Failed { message },
    }
}

/// The deadlines of every credential's current cycle and every goal's target date as an
/// iCalendar file (`domain::formats::calendar`).
pub fn calendar(current: &Stored, today: NaiveDate, now: DateTime<Utc>) -> Response {
    use crate::domain::formats::calendar::{events, ics, GoalDate};
    match from_stored(current) {
        Ok(data) => {
            let evaluations = crate::domain::engine::evaluate::evaluate_all(
                &data.credentials,
                &data.activities,
                today,
            );
            let goals: Vec<GoalDate> = data
                .goals
                .iter()
                .filter_map(|g| {
                    g.target_date.map(|target| GoalDate {
                        id: g.id,
                        title: g.title.clone(),
                        target,
                    })
                })
                .collect();
            Response::Exported {
                text: ics(&events(&evaluations, &goals), now),
            }
        }
        Err(e) => Response::Failed {
            message: format!("The records could not be read to write the calendar ({e})."),
        },
    }
}

/// The activities as CSV (the export), or the template: the header and one example row.
pub fn csv(current: &Stored, file: CsvFile) -> Response {
    use crate::domain::formats::spreadsheet;
    if file == CsvFile::Template {
        return Response::Exported {
            text: crate::domain::formats::spreadsheet::template(),
        };
    }
    match from_stored(current) {
        Ok(data) => {
            let mut acts = data.activities.clone();
            crate::domain::model::sort::sort_by(&mut acts, |a, b| {
                b.end.cmp(&a.end).then_with(|| a.title.cmp(&b.title))
            });
            Response::Exported {
                text: match file {
                    CsvFile::ForPeople => spreadsheet::export_for_people(&acts),
                    _ => spreadsheet::export(&acts),
                },
            }
        }
        Err(e) => Response::Failed {
            message: format!("The records could not be read to write the file ({e})."),
        },
    }
}
