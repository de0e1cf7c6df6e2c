//! Numbers and dates for people, in the browser's locale ("1.25 h", "31 Jan 2027").

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use wasm_bindgen::JsValue;

use crate::domain::Amount;

/// The locale's formatters, made once: `toLocaleString` and `toLocaleDateString` build a new
/// `Intl` formatter on every call, which cost about 0.05 ms each — tens of milliseconds for a
/// dashboard of a long career (and four times that on a phone). The texts are kept per value
/// too: a career has a few thousand distinct dates and amounts, each shown many times.
struct Formats {
    date: Option<js_sys::Function>,
    number: Option<js_sys::Function>,
    dates: HashMap<NaiveDate, String>,
    amounts: HashMap<i64, String>,
}

thread_local! {
    static FORMATS: RefCell<Formats> = RefCell::new(Formats {
        date: intl_format(true),
        number: intl_format(false),
        dates: HashMap::new(),
        amounts: HashMap::new(),
    });
}

/// The bound `format` function of an `Intl.DateTimeFormat` (day, short month, year) or of an
/// `Intl.NumberFormat`, in the browser's locale; `None` where Intl is missing.
fn intl_format(date: bool) -> Option<js_sys::Function> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    if intl.is_undefined() {
        return None;
    }
    let locales = js_sys::Array::new();
    let f = if date {
        let options = js_sys::Object::new();
        for (k, v) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        }
        js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
    } else {
        js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format()
    };
    Some(f)
}

/// A date as the browser's locale writes it with a short month name ("31 Jan 2027" in en-GB,
/// "Jan 31, 2027" in en-US). Falls back to ISO when Intl is unavailable.
pub fn date(d: NaiveDate) -> String {
    // Outside what locales write sensibly: ISO. (The contract keeps records in 1900-2200.)
    if !(1..=9999).contains(&d.year()) {
        return d.to_string();
    }
    FORMATS.with(|f| {
        let mut f = f.borrow_mut();
        if let Some(text) = f.dates.get(&d) {
            return text.clone();
        }
        // JavaScript reads a year of 0-99 given to the constructor as 1900-1999 ("0025" would
        // show as 1925); setting the full year afterwards keeps it as written.
        let js = js_sys::Date::new_with_year_month_day(2000, d.month0() as i32, d.day() as i32);
        js.set_full_year(d.year() as u32);
        let text = f
            .date
            .as_ref()
            .and_then(|format| format.call1(&JsValue::NULL, &js).ok())
            .and_then(|v| v.as_string())
            .filter(|t| !t.is_empty() && t != "Invalid Date")
            .unwrap_or_else(|| d.to_string());
        f.dates.insert(d, text.clone());
        text
    })
}

/// An amount with the locale's decimal separator and no needless zeros ("1.25", "2", "1,5").
pub fn amount(a: Amount) -> String {
    FORMATS.with(|f| {
        let mut f = f.borrow_mut();
        if let Some(text) = f.amounts.get(&a.hundredths()) {
            return text.clone();
        }
        // Display only: the value is exact in hundredths, so the f64 round trip cannot
        // change it.
        let n = JsValue::from_f64(a.hundredths() as f64 / 100.0);
        let text = f
            .number
            .as_ref()
            .and_then(|format| format.call1(&JsValue::NULL, &n).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| a.display_short());
        f.amounts.insert(a.hundredths(), text.clone());
        text
    })
}

/// An amount with its unit, in the locale's number form ("2 credits", "1,5 hours").
pub fn unit_amount(unit: crate::domain::model::vocab::Unit, a: Amount) -> String {
    unit.amount_with(a, &amount(a))
}

/// "1.25 h".
pub fn hours(a: Amount) -> String {
    format!("{} h", amount(a))
}

/// [`crate::domain::text::describe::date_range`] in the reader's date format.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    crate::domain::text::describe::date_range(start, end, &date)
}

/// Today's date in the user's time zone (the domain never reads a clock itself).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A moment in the user's time zone and locale ("Dec 1, 2026, 14:05").
pub fn date_time(t: chrono::DateTime<chrono::Utc>) -> String {
    let js = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (k, v) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    js.to_locale_string("default", &options).into()
}

/// The current instant, for created/updated timestamps.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// A size for people ("12 KB", "1.2 MB"); see [`crate::storage::size_text`].
pub fn bytes(n: f64) -> String {
    crate::storage::size_text(n.max(0.0) as u64)
}
