"""The generated models: attribute access, `datetime`, `==`, `repr`, `to_dict()`."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timezone

import vinsnap
from vinsnap.types import Customer, Invoice, Job
from vinsnap._models import parse_datetime
from support import example


def test_models_decode_the_spec_examples() -> None:
    job = Job._from_json(example("Job"))
    assert job.created_at == datetime(2026, 11, 22, 10, 20, tzinfo=timezone.utc)
    assert job.status == "pending"
    assert job.line_items[0].amount == example("Job")["line_items"][0]["amount"]
    assert type(job.line_items[0]).__name__ == "LineItem"
    assert job.completed_at is None


def test_equality_repr_and_to_dict() -> None:
    data = example("Customer")
    a, b = Customer._from_json(data), Customer._from_json(dict(data))
    assert a == b and a is not b
    b.name = "Someone Else"
    assert a != b
    assert a != data
    assert repr(a).startswith("Customer(created_at=datetime.datetime(2026, 11, 22")
    assert f"name='{data['name']}'" in repr(a)
    as_dict = a.to_dict()
    assert as_dict["created_at"] == "2026-11-22T10:15:30.123000Z"
    assert parse_datetime(as_dict["created_at"]) == a.created_at  # type: ignore[arg-type]
    assert Customer._from_json(as_dict) == a
    assert "notes" not in as_dict  # optional and None: left out
    assert pickle.loads(pickle.dumps(a)) == a and copy.deepcopy(a) == a


def test_nested_models_and_lists_round_trip() -> None:
    invoice = Invoice._from_json(example("Invoice"))
    again = Invoice._from_json(invoice.to_dict())
    assert again == invoice
    assert isinstance(invoice.line_items, list)


def test_models_can_be_built_by_keyword() -> None:
    now = datetime.now(timezone.utc)
    customer = Customer(
        id="cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        location_id="loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        name="Sarah Chen",
        livemode=False,
        created_at=now,
        updated_at=now,
    )
    assert customer.email is None
    assert customer.to_dict()["name"] == "Sarah Chen"


def test_datetimes_with_any_fraction_parse() -> None:
    for text in ["2026-11-22T10:15:30Z", "2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.123456789Z", "2026-11-22T11:15:30+01:00"]:
        parsed = parse_datetime(text)
        assert parsed.tzinfo is not None
        assert parsed.replace(microsecond=0) == datetime(2026, 11, 22, 10, 15, 30, tzinfo=timezone.utc)


def test_not_given_is_falsy_and_named() -> None:
    assert not vinsnap.NOT_GIVEN and repr(vinsnap.NOT_GIVEN) == "NOT_GIVEN"


def test_client_settings_are_checked() -> None:
    for bad in [dict(api_key="sk_live_nope"), dict(api_key="vsk_test_x", base_url="ftp://example.com"),
                dict(api_key="vsk_test_x", default_headers={"Authorization": "Bearer other"}),
                dict(api_key="vsk_test_x", timeout=0)]:
        try:
            vinsnap.Client(**bad)  # type: ignore[arg-type]
        except vinsnap.InvalidRequestError:
            continue
        raise AssertionError(f"accepted {bad}")
    client = vinsnap.Client("vsk_live_abc")
    assert client.mode == "live" and client.base_url.startswith("https://") and client.rate_limit is None
