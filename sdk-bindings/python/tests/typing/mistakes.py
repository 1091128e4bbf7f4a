"""Mistakes `mypy --strict` must catch (tests/test_typing.py checks each line marked
`# error:` gets that error code, and that the file fails)."""

from __future__ import annotations

import vinsnap

CUSTOMER = "cus_01jd3q9a1bc2d3e4f5g6h7j8k9"


def mistakes(client: vinsnap.Client) -> None:
    client.customers.create(nmae="Sarah Chen")  # error: call-arg
    client.jobs.change_status("job_01jd3qa2b3c4d5e6f7g8h9j0k1", status="in_progress")  # error: arg-type
    client.jobs.list(status="paused")  # error: arg-type
    client.customers.get(id=CUSTOMER)  # error: call-arg
    client.customers.update(CUSTOMER, phone=5550142)  # error: arg-type
    client.webhooks.create_endpoint(url="https://example.com", events=["customer.deleted"])  # error: list-item
    customer = client.customers.get(CUSTOMER)
    customer.nmae  # error: attr-defined
    client.customer.get(CUSTOMER)  # error: attr-defined
    client.jobs.create(customer_id=CUSTOMER, vehicle_id="veh_1", title="x", line_items=[{"kind": "labour", "description": "x"}])  # error: typeddict-item
