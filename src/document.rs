//! The audit report as HTML text, written once for every place it appears: the report pages (the
//! page shows the text through Yew, on screen and in print) and the audit packet's standalone
//! `audit-report.html` (written in the worker). One writer means the auditor's file and the
//! clinician's screen cannot drift apart, and a document written as text costs the first
//! download a fraction of the same tree built element by element with `html!`.
//!
//! Pure and tested natively. Every text that comes from a record is escaped; the markup carries
//! no script, no style attribute (the app's CSP allows none) and no outside file.

use chrono::NaiveDate;

use crate::domain::formats::report::AuditReport;
use crate::domain::model::credits::Amount;
use crate::domain::text::badges::{Badge, Tone};

/// The classes of a status pill (styles/components.css): its tone's colour, and whether it may
/// wrap. The page's pills (`ui::components::badges`) use the same.
pub fn badge_class(badge: &Badge) -> String {
    let tone = match badge.tone {
        Tone::Ok => "ok",
        Tone::Warn => "warn",
        Tone::Bad => "bad",
        Tone::Muted => "muted",
    };
    let wrap = if badge.wraps { " badge--wrap" } else { "" };
    format!("badge badge--{tone}{wrap}")
}

/// How dates and numbers are written: the reader's locale on the page, a fixed form in the
/// packet (which has no locale of its own).
pub struct Formats<'a> {
    pub date: &'a dyn Fn(NaiveDate) -> String,
    pub amount: &'a dyn Fn(Amount) -> String,
}

/// The packet's formats: "3 Mar 2025" and "1.5".
pub fn plain_formats<R>(f: impl FnOnce(&Formats) -> R) -> R {
    let date = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let amount = |a: Amount| a.display_short();
    f(&Formats {
        date: &date,
        amount: &amount,
    })
}

/// Text made safe inside an element or a double-quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn heading(h: &mut String, level: u8, text: &str) {
    let level = level.clamp(2, 4);
    h.push_str(&format!("<h{level}>{}</h{level}>", escape(text)));
}

/// One credential's report: its details, each requirement with what counted and what did not,
/// every activity of the cycle, and where the facts come from. `level` is the level of its
/// section headings (2 on a page of its own, 3 under a credential's heading); `prepared` is the
/// day it is written.
pub fn report_body(r: &AuditReport, level: u8, f: &Formats, prepared: NaiveDate) -> String {
    let mut h = String::with_capacity(4096 + 400 * r.activities.len());
    h.push_str("<section class=\"card\"><dl class=\"details\">");
    let row = |h: &mut String, k: &str, v: &str| {
        h.push_str(&format!("<dt>{k}</dt><dd>{}</dd>", escape(v)));
    };
    if let Some(n) = &r.holder {
        row(&mut h, "Prepared for", n);
    }
    row(&mut h, "Credential", &r.credential);
    if let Some(n) = &r.number {
        row(&mut h, "License / certificate number", n);
    }
    row(
        &mut h,
        "Cycle",
        &format!(
            "{} – {} (CE due {})",
            (f.date)(r.cycle_start),
            (f.date)(r.cycle_end),
            (f.date)(r.deadline)
        ),
    );
    row(&mut h, "Status", r.status.label());
    h.push_str("</dl></section>");

    heading(&mut h, level, "Requirements");
    for rule in &r.rules {
        let badge = crate::domain::text::badges::rule_badge(rule.status, rule.projected);
        let (class, badge) = (badge_class(&badge), escape(&badge.text));
        h.push_str("<section class=\"card report-rule\"><div class=\"rule-card__head\">");
        heading(&mut h, level + 1, &rule.label);
        let figures = crate::domain::text::describe::figures_line(
            rule.status,
            rule.measure,
            rule.unit,
            [rule.required, rule.counted, rule.remaining],
            rule.detail.as_ref(),
            (f.amount, f.date),
        );
        h.push_str(&format!(
            "<span class=\"{class}\">{badge}</span></div><p class=\"muted\">{}</p><p>{}</p>",
            escape(&rule.sentence),
            escape(&figures)
        ));
        if !rule.counted_by.is_empty() {
            h.push_str(&format!(
                "<table class=\"table--stack\"><caption class=\"visually-hidden\">Activities counting toward {}</caption>\
                 <thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Provider</th><th scope=\"col\">Date</th><th scope=\"col\">Designation</th><th scope=\"col\">Counted</th></tr></thead><tbody>",
                escape(&rule.label)
            ));
            for c in &rule.counted_by {
                h.push_str(&format!(
                    "<tr><th scope=\"row\">{}</th><td data-label=\"Provider\">{}</td><td data-label=\"Date\">{}</td><td data-label=\"Designation\">{}</td><td data-label=\"Counted\">{}</td></tr>",
                    escape(&c.title),
                    escape(&c.provider),
                    (f.date)(c.end),
                    escape(&c.designation),
                    (f.amount)(c.amount)
                ));
            }
            h.push_str("</tbody></table>");
        }
        if !rule.not_counted.is_empty() {
            h.push_str(&format!(
                "<div class=\"report-rule__not\"><p class=\"small\"><strong>Did not count here ({}):</strong></p><ul class=\"plain-list small\">",
                rule.not_counted.len()
            ));
            for (title, why) in &rule.not_counted {
                h.push_str(&format!(
                    "<li><strong>{}</strong>: {}</li>",
                    escape(title),
                    escape(why)
                ));
            }
            h.push_str("</ul></div>");
        }
        h.push_str("</section>");
    }

    heading(&mut h, level, "Activities of the cycle");
    if r.activities.is_empty() {
        h.push_str("<p class=\"muted\">No completed activities in this cycle yet.</p>");
    } else {
        // A region that scrolls sideways on a narrow screen, reachable by keyboard.
        h.push_str(&format!(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Activities of the cycle: {}\">\
             <table class=\"table--stack report-activities\"><thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Provider</th><th scope=\"col\">Accreditor</th><th scope=\"col\">Dates</th><th scope=\"col\">Credit</th><th scope=\"col\">Topics</th><th scope=\"col\">Certificate</th></tr></thead><tbody>",
            escape(&r.credential)
        ));
        for a in &r.activities {
            let credits = a
                .designations
                .iter()
                .map(|(label, n)| format!("{} {}", (f.amount)(*n), escape(label)))
                .collect::<Vec<_>>()
                .join("; ");
            let topics = a
                .topics
                .iter()
                .map(|(t, hours)| match hours {
                    Some(n) => format!("{} ({} h)", escape(t), (f.amount)(*n)),
                    None => escape(t),
                })
                .collect::<Vec<_>>()
                .join("; ");
            h.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td data-label=\"Provider\">{}</td><td data-label=\"Accreditor\">{}</td><td data-label=\"Dates\">{}</td><td data-label=\"Credit\">{credits}</td><td data-label=\"Topics\">{topics}</td><td data-label=\"Certificate\">{}</td></tr>",
                escape(&a.title),
                escape(&a.provider),
                escape(&a.accreditor),
                crate::domain::text::describe::date_range(a.start, a.end, f.date),
                if a.certificate_on_file { "On file" } else { "Not on file" }
            ));
        }
        h.push_str("</tbody></table></div>");
    }

    h.push_str(&format!(
        "<p class=\"small muted report-footer\">Prepared by the clinician with CME Tracker on {}.",
        (f.date)(prepared)
    ));
    if !r.sources.is_empty() {
        let checked = r
            .checked
            .map(|d| format!(", checked {}", (f.date)(d)))
            .unwrap_or_default();
        h.push_str(&format!(
            " Requirement facts from {}{checked}; verify with your board.",
            escape(&r.sources.join(", "))
        ));
    }
    h.push_str("</p>");
    h
}

/// The report as a page of its own (the audit packet's `audit-report.html`): the same body under
/// its title, the certificate files beside it, and a style of its own that prints on A4 or Letter.
pub fn report_page(r: &AuditReport, prepared: NaiveDate, certificate_files: &[String]) -> String {
    let title = escape(&format!("Audit report — {}", r.credential));
    let body = plain_formats(|f| report_body(r, 2, f, prepared));
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n{body}\n"
    );
    if !certificate_files.is_empty() {
        h.push_str("<h2>Certificates in this packet</h2>\n<ul>\n");
        for name in certificate_files {
            h.push_str(&format!(
                "<li><a href=\"certificates/{0}\">{0}</a></li>\n",
                escape(name)
            ));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// The standalone page's style: the classes of [`report_body`], for a page without the app's
/// style sheets.
const STYLE: &str = "body{font:11pt/1.4 system-ui,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1rem;margin:0}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
table{border-collapse:collapse;width:100%;margin:.5rem 0;overflow-wrap:break-word}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}\
thead{display:table-header-group}tr{break-inside:avoid}.report-rule{break-inside:avoid-page;margin:1rem 0}\
.rule-card__head{display:flex;gap:1rem;align-items:baseline;justify-content:space-between}\
.badge{font-size:.9em;white-space:nowrap}.muted{color:#444}.small{font-size:.9em}.plain-list{padding-left:1.2rem}\
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}@page{margin:15mm}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::evaluate::{CredentialStatus, RuleStatus};
    use crate::domain::formats::report::{Counted, ReportActivity, ReportRule};
    use crate::domain::model::vocab::Unit;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn report() -> AuditReport {
        AuditReport {
            holder: Some("Dr <Jane> Doe".into()),
            credential: "Texas \"TMB\"".into(),
            number: None,
            cycle_start: d("2025-02-01"),
            cycle_end: d("2027-01-31"),
            deadline: d("2027-01-31"),
            status: CredentialStatus::NotMet,
            rules: vec![ReportRule {
                label: "Total".into(),
                sentence: "48 hours of any accredited CME.".into(),
                status: RuleStatus::NotMet,
                projected: false,
                unit: Unit::Hour,
                measure: crate::domain::engine::evaluate::Measure::Hours,
                detail: None,
                required: Amount::hours(48),
                counted: Amount::hours(2),
                remaining: Amount::hours(46),
                counted_by: vec![Counted {
                    activity_id: uuid::Uuid::nil(),
                    title: "Sepsis <update> & review".into(),
                    provider: "County".into(),
                    end: d("2025-03-03"),
                    designation: "AMA PRA Category 1 Credit™".into(),
                    amount: Amount::hours(2),
                }],
                not_counted: vec![("Journal club".into(), "Not accredited".into())],
            }],
            activities: vec![ReportActivity {
                title: "Sepsis <update> & review".into(),
                provider: "County".into(),
                accreditor: "ACCME".into(),
                start: d("2025-03-02"),
                end: d("2025-03-03"),
                designations: vec![("AMA PRA Category 1 Credit™".into(), Amount::hours(2))],
                topics: vec![("Ethics".into(), Some(Amount::from_hundredths(50)))],
                certificate_on_file: true,
            }],
            sources: vec!["TMB rules §166.2".into()],
            checked: Some(d("2026-01-15")),
        }
    }

    #[test]
    fn the_body_escapes_every_record_text_and_carries_no_script_or_style_attribute() {
        let html = plain_formats(|f| report_body(&report(), 2, f, d("2026-12-01")));
        assert!(html.contains("<dd>Dr &lt;Jane&gt; Doe</dd>"));
        assert!(html.contains("Sepsis &lt;update&gt; &amp; review"));
        assert!(html.contains("aria-label=\"Activities of the cycle: Texas &quot;TMB&quot;\""));
        assert!(!html.contains("<Jane>") && !html.contains("<update>"));
        assert!(!html.contains("<script") && !html.contains("style="));
    }

    #[test]
    fn the_body_states_each_rule_with_its_figures_and_what_did_not_count() {
        let html = plain_formats(|f| report_body(&report(), 2, f, d("2026-12-01")));
        assert!(html.contains("<h2>Requirements</h2>"));
        assert!(html.contains("<h3>Total</h3>"));
        assert!(html.contains("<span class=\"badge badge--bad\">✗ Not met</span>"));
        assert!(html.contains("Required 48 hours · counted 2 hours · remaining 46 hours"));
        assert!(html.contains("<td data-label=\"Date\">3 Mar 2025</td>"));
        assert!(html.contains("Did not count here (1):"));
        assert!(html.contains("<li><strong>Journal club</strong>: Not accredited</li>"));
        assert!(html.contains("<td data-label=\"Dates\">2 Mar 2025 – 3 Mar 2025</td>"));
        assert!(html.contains("Ethics (0.5 h)"));
        assert!(html.contains("<td data-label=\"Certificate\">On file</td>"));
        assert!(html.contains(
            "on 1 Dec 2026. Requirement facts from TMB rules §166.2, checked 15 Jan 2026"
        ));
    }

    #[test]
    fn heading_levels_follow_where_the_body_sits() {
        let html = plain_formats(|f| report_body(&report(), 3, f, d("2026-12-01")));
        assert!(html.contains("<h3>Requirements</h3>") && html.contains("<h4>Total</h4>"));
        assert!(!html.contains("<h2>"));
    }

    #[test]
    fn the_page_writes_dates_and_numbers_as_it_is_told() {
        let date = |d: NaiveDate| d.format("%Y/%m/%d").to_string();
        let amount = |a: Amount| a.display_short().replace('.', ",");
        let html = report_body(
            &report(),
            2,
            &Formats {
                date: &date,
                amount: &amount,
            },
            d("2026-12-01"),
        );
        assert!(html.contains("2025/02/01 – 2027/01/31 (CE due 2027/01/31)"));
        assert!(html.contains("Ethics (0,5 h)"));
    }

    #[test]
    fn an_empty_cycle_says_so() {
        let mut r = report();
        r.activities.clear();
        r.rules[0].counted_by.clear();
        r.rules[0].not_counted.clear();
        let html = plain_formats(|f| report_body(&r, 2, f, d("2026-12-01")));
        assert!(html.contains("No completed activities in this cycle yet."));
        assert!(!html.contains("<table"));
        assert!(!html.contains("Did not count here"));
    }

    #[test]
    fn the_standalone_page_has_its_title_style_and_certificate_links() {
        let html = report_page(
            &report(),
            d("2026-12-01"),
            &["2025-03-03_County_Sepsis.pdf".into()],
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<h1>Audit report — Texas &quot;TMB&quot;</h1>"));
        assert!(html.contains("<style>"));
        assert!(html.contains("<a href=\"certificates/2025-03-03_County_Sepsis.pdf\">"));
    }
}
