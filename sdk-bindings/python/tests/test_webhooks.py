"""Webhook verification on the Rust verifier: the shared vectors, a real delivery from the
server, and the mock's signed deliveries, each into the typed event."""

from __future__ import annotations

import json
import time
from typing import Any, Dict

import pytest

import vinsnap
from support import ROOT, Receiver, Server, wait_until

VECTORS: Dict[str, Any] = json.loads((ROOT / "sdk-rust" / "tests" / "vectors.json").read_text())


@pytest.mark.parametrize("case", VECTORS["verification"], ids=lambda c: c["name"])
def test_verification_vectors(case: Dict[str, Any]) -> None:
    verify = lambda: vinsnap.webhooks.verify(  # noqa: E731
        case["body"], case["headers"], case["secret"], VECTORS["tolerance_seconds"], now=int(case["now"])
    )
    expect = case["expect"]
    if expect["valid"]:
        event = verify()
        assert event.type == expect["event_type"]
    else:
        with pytest.raises(vinsnap.WebhookVerificationError) as rejected:
            verify()
        assert rejected.value.kind == expect["error"]


@pytest.mark.parametrize("case", VECTORS["signing"], ids=lambda c: c["name"])
def test_signing_vectors(case: Dict[str, Any]) -> None:
    headers = vinsnap.webhooks.sign(case["body"], case["secrets"], case["timestamp"])
    assert headers["x-vinsnap-signature"] == case["signature_header"]
    assert headers["x-vinsnap-timestamp"] == str(case["timestamp"])


def test_headers_in_any_case_and_form() -> None:
    body = json.dumps(
        {"id": "evt_1", "type": "ping", "created_at": "2026-11-22T10:15:30Z", "livemode": False, "data": {"a": 1}}
    ).encode()
    signed = vinsnap.webhooks.sign(body, "whsec_s")
    upper = {name.upper(): value for name, value in signed.items()}
    raw_asgi = [(name.encode(), value.encode()) for name, value in signed.items()]
    for headers in (signed, upper, raw_asgi, list(upper.items())):
        event = vinsnap.webhooks.verify(body, headers, "whsec_s")
        assert isinstance(event, vinsnap.types.PingEvent)
    assert vinsnap.webhooks.verify(body.decode(), signed, "whsec_s").id == "evt_1"


def test_rejections_name_their_kind() -> None:
    body = b'{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{}}'
    old = vinsnap.webhooks.sign(body, "whsec_s", int(time.time()) - 600)
    with pytest.raises(vinsnap.WebhookVerificationError) as too_old:
        vinsnap.webhooks.verify(body, old, "whsec_s")
    assert too_old.value.kind == "too_old"
    assert vinsnap.webhooks.verify(body, old, "whsec_s", tolerance=900).type == "ping"
    with pytest.raises(vinsnap.WebhookVerificationError) as missing:
        vinsnap.webhooks.verify(body, {}, "whsec_s")
    assert missing.value.kind == "missing_header"
    not_event = b'{"hello": "world"}'
    with pytest.raises(vinsnap.WebhookVerificationError) as bad:
        vinsnap.webhooks.verify(not_event, vinsnap.webhooks.sign(not_event, "whsec_s"), "whsec_s")
    assert bad.value.kind == "bad_payload"
    assert isinstance(bad.value, ValueError)


def test_an_unknown_event_type_keeps_its_data() -> None:
    body = b'{"id":"evt_9","type":"part.restocked","created_at":"2026-11-22T10:15:30Z","livemode":true,"data":{"n":1}}'
    event = vinsnap.webhooks.verify(body, vinsnap.webhooks.sign(body, "whsec_s"), "whsec_s")
    assert isinstance(event, vinsnap.types.UnknownEvent)
    assert event.type == "part.restocked" and event.data == {"n": 1} and event.livemode is True


def test_a_real_delivery_from_the_server(server: Server, receiver: Receiver) -> None:
    with vinsnap.Client(server.test_key, base_url=server.base_url) as client:
        endpoint = client.webhooks.create_endpoint(url=receiver.url + "/real", events=["customer.created"])
        customer = client.customers.create(name="Webhook Wendy", email="wendy@example.com")

        def ours() -> Any:
            for seen in receiver.deliveries("customer.created"):
                if seen.path == "/real" and customer.id.encode() in seen.body:
                    return seen
            return None

        delivery = wait_until(ours)
        event = vinsnap.webhooks.verify(delivery.body, delivery.headers, endpoint.secret)
        assert isinstance(event, vinsnap.types.CustomerCreatedEvent)
        assert event.type == "customer.created" and event.livemode is False
        assert isinstance(event.data, vinsnap.types.Customer)
        assert event.data.id == customer.id and event.data.email == "wendy@example.com"
        assert event.data == customer
        with pytest.raises(vinsnap.WebhookVerificationError) as wrong:
            vinsnap.webhooks.verify(delivery.body, delivery.headers, "whsec_wrong")
        assert wrong.value.kind == "no_matching_signature"


def test_the_mocks_signed_deliveries_verify(mock_url: str, receiver: Receiver) -> None:
    import urllib.request

    secret = "whsec_mocktrigger"
    for event_type in ["customer.created", "job.status_changed", "invoice.paid", "ping"]:
        request = urllib.request.Request(
            mock_url + "/_mock/webhooks/trigger",
            data=json.dumps({"event": event_type, "url": receiver.url + "/mock", "secret": secret}).encode(),
            headers={"Authorization": "Bearer vsk_test_pythonsdk123", "Content-Type": "application/json"},
            method="POST",
        )
        urllib.request.urlopen(request, timeout=10).read()
        delivery = [s for s in receiver.deliveries(event_type) if s.path == "/mock"][-1]
        event = vinsnap.webhooks.verify(delivery.body, delivery.headers, secret)
        assert event.type == event_type
        assert type(event).__name__ != "UnknownEvent"
