//! SDK <-> server and SDK <-> local test servers: one integration-test binary.

/// `assert_eq!` for the SDK's generated types, which are `Serialize` but not `PartialEq`:
/// compares their JSON, which is what the API sent.
macro_rules! assert_same {
    ($left:expr, $right:expr $(, $($message:tt)+)?) => {
        assert_eq!(
            serde_json::to_value(&$left).expect("serializable"),
            serde_json::to_value(&$right).expect("serializable")
            $(, $($message)+)?
        )
    };
}

mod dispatch;
mod invoices;
mod jobs;
mod mock;
mod operations;
mod pagination;
mod parts;
mod policies;
mod retries;
mod scripted;
mod webhooks;
