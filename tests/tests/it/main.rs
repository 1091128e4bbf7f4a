//! SDK <-> server and SDK <-> local test servers: one integration-test binary.

mod operations;
mod pagination;
mod retries;
mod scripted;
