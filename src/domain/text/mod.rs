//! Every sentence and label a person reads about the engine's results: rules, statuses, plan
//! items, the dashboard's lines, sizes. Dates are formatted by the caller (the browser's
//! locale), so sentences take a date formatter.

pub mod badges;
pub mod certificates;
pub mod dashboard;
pub mod describe;
pub mod pace;
pub mod size;
