//! Machinery shared across resources: ids and field validation.

pub mod ids;
pub mod money;
pub mod time;
pub mod validate;
