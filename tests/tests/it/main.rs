//! SDK <-> server and SDK <-> local test servers: one integration-test binary.

mod mock;
mod operations;
mod pagination;
mod retries;
mod scripted;
