//! Derived data for the pages. Evaluations are computed by the domain and memoised per data
//! revision, today's date and the what-if switch, so typing in a form never re-evaluates.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::{evaluate_all, Evaluation};
use crate::ui::format;
use crate::ui::state::use_app;
use crate::ui::timing::Timing;

/// Every credential's evaluation with completed activities only (the actual status).
#[hook]
pub fn use_evaluations() -> Rc<Vec<Evaluation>> {
    let app = use_app();
    let today = format::today();
    let data = app.data.clone();
    use_memo((app.revision, today), move |_| {
        let _timing = Timing::start("cme:evaluate");
        evaluate_all(&data.credentials, &data.activities, today)
    })
}
