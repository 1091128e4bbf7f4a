//! The shared suite, run once through each transport: `MockApi` (wiremock)
//! and the `vinsnap-mock` binary (axum). Identical behaviour is the contract.

mod cases;
mod common;

/// Declares, for every case in `cases`, one test per transport.
macro_rules! on_both_transports {
    ($($case:ident),* $(,)?) => {
        mod library {
            use crate::common::{Sandbox, Transport};
            $(
                #[tokio::test]
                async fn $case() {
                    let sandbox = Sandbox::start(Transport::Library).await;
                    crate::cases::$case(&sandbox).await;
                }
            )*
        }
        mod binary {
            use crate::common::{Sandbox, Transport};
            $(
                #[tokio::test]
                async fn $case() {
                    let sandbox = Sandbox::start(Transport::Binary).await;
                    crate::cases::$case(&sandbox).await;
                }
            )*
        }
    };
}

on_both_transports!(
    every_operation_replays_its_success_example,
    every_documented_answer_matches_its_schema,
    engine_made_errors_match_their_schemas,
    path_parameters_are_echoed,
    lists_honour_limit_and_offset,
    only_test_keys_get_in,
    prefer_picks_documented_answers,
    rate_limit_headers_follow_the_seed,
    path_and_query_are_validated,
    bodies_are_validated,
    unknown_routes_and_methods,
    odd_requests_are_4xx_envelopes,
    webhook_trigger_delivers_signed_examples,
    webhook_trigger_refuses_bad_requests,
    every_webhook_event_verifies_with_the_sdk,
);
