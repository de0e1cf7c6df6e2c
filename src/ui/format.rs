//! Numbers and dates for people, in the browser's locale ("1.25 h", "31 Jan 2027").

use chrono::{Datelike, NaiveDate};

use crate::domain::Amount;

/// A date as the browser's locale writes it with a short month name ("31 Jan 2027" in en-GB,
/// "Jan 31, 2027" in en-US). Falls back to ISO when Intl is unavailable.
pub fn date(d: NaiveDate) -> String {
    // Outside what locales write sensibly: ISO. (The contract keeps records in 1900-2200.)
    if !(1..=9999).contains(&d.year()) {
        return d.to_string();
    }
    // JavaScript reads a year of 0-99 given to the constructor as 1900-1999 ("0025" would show
    // as 1925); setting the full year afterwards keeps it as written.
    let js = js_sys::Date::new_with_year_month_day(2000, d.month0() as i32, d.day() as i32);
    js.set_full_year(d.year() as u32);
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("day", "numeric");
    set("month", "short");
    set("year", "numeric");
    let text: String = js.to_locale_date_string("default", &options).into();
    if text.is_empty() || text == "Invalid Date" {
        d.to_string()
    } else {
        text
    }
}

/// An amount with the locale's decimal separator and no needless zeros ("1.25", "2", "1,5").
pub fn amount(a: Amount) -> String {
    // Display only: the value is exact in hundredths, so the f64 round trip cannot change it.
    let n = js_sys::Number::from(a.hundredths() as f64 / 100.0);
    n.to_locale_string("default").into()
}

/// An amount with its unit, in the locale's number form ("2 credits", "1,5 hours").
pub fn unit_amount(unit: crate::domain::vocab::Unit, a: Amount) -> String {
    unit.amount_with(a, &amount(a))
}

/// "1.25 h".
pub fn hours(a: Amount) -> String {
    format!("{} h", amount(a))
}

/// A one-day activity's date, or a multi-day one's range ("2 Jun 2025 – 4 Jun 2025"): lists and
/// reports show when it took place, not only when the credit was earned.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        date(end)
    } else {
        format!("{} – {}", date(start), date(end))
    }
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
