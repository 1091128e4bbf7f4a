//! Webhook verification against the shared test vectors (`tests/vectors.json`), which every
//! language's SDK checks, plus what the vectors cannot express: the typed events.

use std::collections::BTreeSet;

use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;
use vinsnap::webhooks::{self, Event, WebhookError};

fn vectors() -> Value {
    serde_json::from_str(include_str!("vectors.json")).expect("vectors.json is JSON")
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} in {v}"))
}

fn headers_of(v: &Value) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in v["headers"].as_object().expect("headers") {
        headers.insert(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value.as_str().unwrap()).unwrap(),
        );
    }
    headers
}

#[test]
fn signing_matches_the_vectors() {
    let vectors = vectors();
    let signing = vectors["signing"].as_array().unwrap();
    assert!(!signing.is_empty());
    for v in signing {
        let secrets: Vec<&str> = v["secrets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let timestamp = v["timestamp"].as_i64().unwrap();
        let body = str_of(v, "body").as_bytes();
        let headers = webhooks::sign(body, &secrets, timestamp);
        assert_eq!(
            headers[webhooks::SIGNATURE_HEADER],
            str_of(v, "signature_header"),
            "{}",
            v["name"]
        );
        assert_eq!(
            headers[webhooks::TIMESTAMP_HEADER],
            timestamp.to_string().as_str()
        );
        if secrets.len() == 1 {
            assert_eq!(
                webhooks::signature(secrets[0], timestamp, body),
                str_of(v, "signature_header")
            );
        }
    }
}

#[test]
fn verification_matches_the_vectors() {
    let vectors = vectors();
    assert_eq!(
        vectors["tolerance_seconds"].as_u64(),
        Some(webhooks::TOLERANCE.as_secs())
    );
    let cases = vectors["verification"].as_array().unwrap();
    let mut kinds = BTreeSet::new();
    let mut valid = 0;
    for v in cases {
        let name = str_of(v, "name");
        let result = webhooks::verify_at(
            str_of(v, "body").as_bytes(),
            &headers_of(v),
            str_of(v, "secret"),
            v["now"].as_i64().unwrap(),
        );
        let expect = &v["expect"];
        if expect["valid"] == true {
            let event = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(event.event_type(), str_of(expect, "event_type"), "{name}");
            valid += 1;
        } else {
            let error = result.err().unwrap_or_else(|| panic!("{name}: accepted"));
            assert_eq!(error.kind(), str_of(expect, "error"), "{name}: {error}");
            kinds.insert(error.kind());
        }
    }
    assert!(valid > 0);
    let every_kind: BTreeSet<_> = [
        "missing_header",
        "bad_timestamp",
        "too_old",
        "no_matching_signature",
    ]
    .into();
    assert_eq!(
        kinds, every_kind,
        "the vectors cover every signature error kind"
    );
}

#[test]
fn a_rotation_verifies_under_either_secret() {
    let body = br#"{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{}}"#;
    let headers = webhooks::sign(body, &["whsec_old", "whsec_new"], webhooks::now());
    for secret in ["whsec_old", "whsec_new"] {
        webhooks::verify(body, &headers, secret).unwrap_or_else(|e| panic!("{secret}: {e}"));
    }
    let error = webhooks::verify(body, &headers, "whsec_other").unwrap_err();
    assert!(matches!(error, WebhookError::NoMatchingSignature));
}

#[test]
fn a_missing_header_is_named() {
    let body = b"{}";
    let mut headers = webhooks::sign(body, &["whsec_s"], webhooks::now());
    headers.remove(webhooks::SIGNATURE_HEADER);
    match webhooks::verify(body, &headers, "whsec_s") {
        Err(WebhookError::MissingHeader(name)) => assert_eq!(name, webhooks::SIGNATURE_HEADER),
        other => panic!("{other:?}"),
    }
}

#[test]
fn too_old_reports_the_age() {
    let body = b"{}";
    let headers = webhooks::sign(body, &["whsec_s"], 1_000);
    match webhooks::verify_at(body, &headers, "whsec_s", 1_400) {
        Err(WebhookError::TooOld { age_secs }) => assert_eq!(age_secs, 400),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_customer_event_carries_the_typed_customer() {
    let vectors = vectors();
    let v = &vectors["verification"][0];
    let event = webhooks::verify_at(
        str_of(v, "body").as_bytes(),
        &headers_of(v),
        str_of(v, "secret"),
        v["now"].as_i64().unwrap(),
    )
    .unwrap();
    let Event::CustomerCreated(envelope) = &event else {
        panic!("{event:?}");
    };
    assert_eq!(envelope.data.name, "Sarah Chen");
    assert!(envelope.data.id.starts_with("cus_"));
    assert_eq!(event.id(), "evt_01jd3qa0000000000000000001");
    assert!(!event.livemode());
}

#[test]
fn every_event_type_of_the_design_is_known() {
    let design = [
        "customer.created",
        "customer.updated",
        "job.created",
        "job.status_changed",
        "job.completed",
        "invoice.created",
        "invoice.sent",
        "invoice.paid",
        "ping",
    ];
    for t in design {
        assert!(Event::TYPES.contains(&t), "{t}");
    }
}

#[test]
fn every_documented_event_example_parses_into_its_typed_variant() {
    let spec = vinsnap_openapi::Spec::committed();
    let mut seen = 0;
    for webhook in spec.webhooks() {
        let example = webhook
            .request_example(None)
            .expect("every event documents an example");
        let body = example.to_string();
        let headers = webhooks::sign(body.as_bytes(), &["whsec_s"], webhooks::now());
        let event = webhooks::verify(body.as_bytes(), &headers, "whsec_s")
            .unwrap_or_else(|e| panic!("{}: {e}", webhook.path()));
        assert_eq!(event.event_type(), example["type"].as_str().unwrap());
        assert!(!matches!(event, Event::Unknown(_)), "{}", webhook.path());
        seen += 1;
    }
    assert_eq!(
        seen,
        Event::TYPES.len(),
        "the spec documents every event type the SDK knows"
    );
}

#[test]
fn an_unknown_event_type_is_kept_as_json() {
    let body = br#"{"id":"evt_2","type":"part.restocked","created_at":"2026-11-22T10:15:30Z","livemode":true,"data":{"sku":"X1"}}"#;
    let headers = webhooks::sign(body, &["whsec_s"], webhooks::now());
    match webhooks::verify(body, &headers, "whsec_s").unwrap() {
        Event::Unknown(envelope) => assert_eq!(envelope.data["sku"], "X1"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_signed_body_that_is_not_an_event_is_a_bad_payload() {
    for body in [&b"not json"[..], br#"{"id":"evt_3","type":"customer.created","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{"name":42}}"#] {
        let headers = webhooks::sign(body, &["whsec_s"], webhooks::now());
        let error = webhooks::verify(body, &headers, "whsec_s").unwrap_err();
        assert_eq!(error.kind(), "bad_payload", "{error}");
    }
}
