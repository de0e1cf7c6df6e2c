//! What the records mean: the activity index, each credential's evaluation, pathways, the plan
//! across credentials, totals, the activity list's query, chart figures and goal progress.
//! Reads the model; words nothing (sentences are in `text`).

pub mod certificates;
pub mod charts;
pub mod evaluate;
pub mod evaluation;
pub mod goals;
pub mod index;
pub mod pathways;
pub mod plan;
pub mod query;
pub mod topic_pick;
pub mod totals;
