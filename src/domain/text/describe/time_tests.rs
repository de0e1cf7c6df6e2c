use super::*;
use crate::domain::build::date;

#[test]
fn time_is_said_the_way_people_say_it() {
    let f = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let today = date("2026-12-01");
    let t = |d: &str| time_until(today, date(d), &f);
    assert_eq!(t("2027-08-31"), "in 8 months (31 Aug 2027)");
    assert_eq!(t("2027-09-01"), "in 9 months (1 Sep 2027)");
    assert_eq!(t("2026-12-13"), "in 12 days (13 Dec 2026)");
    assert_eq!(t("2026-12-02"), "tomorrow (2 Dec 2026)");
    assert_eq!(t("2026-12-01"), "today (1 Dec 2026)");
    assert_eq!(t("2027-01-10"), "in 5 weeks (10 Jan 2027)");
    assert_eq!(t("2028-12-01"), "in 2 years (1 Dec 2028)");
    assert_eq!(t("2029-03-15"), "in 2 years and 3 months (15 Mar 2029)");
    assert_eq!(t("2026-11-10"), "3 weeks ago (10 Nov 2026)");
    assert_eq!(t("2026-05-01"), "7 months ago (1 May 2026)");
}
