"""One call of every operation, through the typed client, in an order that works against the
real server (creates before reads, state changes in their order, deletes last).

Each entry takes the client and a context of ids (`x`), which it may extend. Against the mock
the context starts with the spec's example ids, so each entry also runs on its own.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Union

import vinsnap
from support import SPEC

VIN = "1HGCM82633A004352"

Ctx = Dict[str, Any]
Call = Callable[[Any, Ctx], Union[object, Awaitable[object]]]
CALLS: Dict[str, Call] = {}


def op(operation_id: str) -> Callable[[Call], Call]:
    def register(call: Call) -> Call:
        assert operation_id not in CALLS, operation_id
        CALLS[operation_id] = call
        return call

    return register


def example_id(schema: str) -> str:
    value: str = SPEC["components"]["schemas"][schema]["examples"][0]
    return value


def example_context() -> Ctx:
    """Well-formed ids for every argument (the mock echoes them)."""
    customer = example_id("CustomerId")
    return {
        "customer": customer,
        "doomed_customer": customer,
        "vehicle": example_id("VehicleId"),
        "doomed_vehicle": example_id("VehicleId"),
        "job": example_id("JobId"),
        "doomed_job": example_id("JobId"),
        "invoice": example_id("InvoiceId"),
        "spare_invoice": example_id("InvoiceId"),
        "invoice_total": 26520,
        "webhook": example_id("WebhookEndpointId"),
        "doomed_webhook": example_id("WebhookEndpointId"),
        "delivery": example_id("DeliveryId"),
        "api_key": example_id("ApiKeyId"),
        "part": example_id("PartId"),
        "receiver_url": "https://example.com/hooks/vinsnap",
    }


LABOR = {"kind": "labor", "description": "Replace front pads and rotors", "hours": "1.50", "rate": 12000}
PART = {"kind": "part", "description": "Front brake pad set", "quantity": 2, "unit_price": 6499}


# The calls below are written for the sync client; `run` awaits them for the async one (the
# resource methods are the same, each awaitable).


@op("list_locations")
def _list_locations(c: Any, x: Ctx) -> object:
    return c.locations.list()


@op("create_webhook_endpoint")
def _create_webhook_endpoint(c: Any, x: Ctx) -> object:
    return c.webhooks.create_endpoint(url=x["receiver_url"], events=["*"], description="Python SDK tests")


@op("decode_vin")
def _decode_vin(c: Any, x: Ctx) -> object:
    return c.vin.decode(VIN)


@op("create_customer")
def _create_customer(c: Any, x: Ctx) -> object:
    return c.customers.create(name="Sarah Chen", phone="555-0142", email="s.chen@email.com", notes="VIP")


@op("get_customer")
def _get_customer(c: Any, x: Ctx) -> object:
    return c.customers.get(x["customer"])


@op("update_customer")
def _update_customer(c: Any, x: Ctx) -> object:
    return c.customers.update(x["customer"], phone=None, notes="Prefers text messages")


@op("list_customers")
def _list_customers(c: Any, x: Ctx) -> object:
    return c.customers.list(q="chen", limit=10)


@op("create_vehicle")
def _create_vehicle(c: Any, x: Ctx) -> object:
    return c.vehicles.create(x["customer"], vin=VIN, color="Blue", license_plate="7ABC123")


@op("get_vehicle")
def _get_vehicle(c: Any, x: Ctx) -> object:
    return c.vehicles.get(x["vehicle"])


@op("update_vehicle")
def _update_vehicle(c: Any, x: Ctx) -> object:
    return c.vehicles.update(x["vehicle"], mileage=120000, color=None)


@op("list_vehicles")
def _list_vehicles(c: Any, x: Ctx) -> object:
    return c.vehicles.list(x["customer"])


@op("search_parts")
def _search_parts(c: Any, x: Ctx) -> object:
    return c.parts.search(vin=VIN, limit=5)


@op("create_job")
def _create_job(c: Any, x: Ctx) -> object:
    return c.jobs.create(
        customer_id=x["customer"],
        vehicle_id=x["vehicle"],
        title="Front brake service",
        description="Grinding when braking",
        line_items=[LABOR, PART],
    )


@op("get_job")
def _get_job(c: Any, x: Ctx) -> object:
    return c.jobs.get(x["job"])


@op("update_job")
def _update_job(c: Any, x: Ctx) -> object:
    return c.jobs.update(x["job"], title="Front brake service and fluid flush", description=None)


@op("list_jobs")
def _list_jobs(c: Any, x: Ctx) -> object:
    return c.jobs.list(status="pending", customer_id=x["customer"])


@op("change_job_status")
def _change_job_status(c: Any, x: Ctx) -> object:
    return c.jobs.change_status(x["job"], status="in-progress")


@op("create_invoice")
def _create_invoice(c: Any, x: Ctx) -> object:
    return c.invoices.create(job_id=x["job"])


@op("get_invoice")
def _get_invoice(c: Any, x: Ctx) -> object:
    return c.invoices.get(x["invoice"])


@op("update_invoice")
def _update_invoice(c: Any, x: Ctx) -> object:
    return c.invoices.update(x["invoice"], notes="Thank you for your business")


@op("list_invoices")
def _list_invoices(c: Any, x: Ctx) -> object:
    return c.invoices.list(customer_id=x["customer"], status="draft")


@op("send_invoice")
def _send_invoice(c: Any, x: Ctx) -> object:
    return c.invoices.send(x["invoice"])


@op("pay_invoice")
def _pay_invoice(c: Any, x: Ctx) -> object:
    return c.invoices.pay(x["invoice"], amount=x["invoice_total"], method="card")


@op("void_invoice")
def _void_invoice(c: Any, x: Ctx) -> object:
    return c.invoices.void(x["spare_invoice"])


@op("get_webhook_endpoint")
def _get_webhook_endpoint(c: Any, x: Ctx) -> object:
    return c.webhooks.get_endpoint(x["webhook"])


@op("update_webhook_endpoint")
def _update_webhook_endpoint(c: Any, x: Ctx) -> object:
    return c.webhooks.update_endpoint(x["webhook"], description=None, active=True)


@op("list_webhook_endpoints")
def _list_webhook_endpoints(c: Any, x: Ctx) -> object:
    return c.webhooks.list_endpoints(limit=20)


@op("test_webhook_endpoint")
def _test_webhook_endpoint(c: Any, x: Ctx) -> object:
    return c.webhooks.test_endpoint(x["webhook"])


@op("rotate_webhook_secret")
def _rotate_webhook_secret(c: Any, x: Ctx) -> object:
    return c.webhooks.rotate_secret(x["webhook"])


@op("list_webhook_deliveries")
def _list_webhook_deliveries(c: Any, x: Ctx) -> object:
    return c.webhooks.list_deliveries(x["webhook"], event_type="customer.created")


@op("get_webhook_delivery")
def _get_webhook_delivery(c: Any, x: Ctx) -> object:
    return c.webhooks.get_delivery(x["delivery"])


@op("retry_webhook_delivery")
def _retry_webhook_delivery(c: Any, x: Ctx) -> object:
    return c.webhooks.retry_delivery(x["delivery"])


@op("create_api_key")
def _create_api_key(c: Any, x: Ctx) -> object:
    return c.api_keys.create(name="Front desk tablet", scopes=["customers:read", "customers:write"])


@op("list_api_keys")
def _list_api_keys(c: Any, x: Ctx) -> object:
    return c.api_keys.list()


@op("delete_api_key")
def _delete_api_key(c: Any, x: Ctx) -> object:
    return c.api_keys.delete(x["api_key"])


@op("delete_job")
def _delete_job(c: Any, x: Ctx) -> object:
    return c.jobs.delete(x["doomed_job"])


@op("delete_vehicle")
def _delete_vehicle(c: Any, x: Ctx) -> object:
    return c.vehicles.delete(x["doomed_vehicle"])


@op("delete_customer")
def _delete_customer(c: Any, x: Ctx) -> object:
    return c.customers.delete(x["doomed_customer"])


@op("delete_webhook_endpoint")
def _delete_webhook_endpoint(c: Any, x: Ctx) -> object:
    return c.webhooks.delete_endpoint(x["doomed_webhook"])


def remember(operation_id: str, result: object, x: Ctx) -> None:
    """Keeps the ids a result introduces, for the calls after it."""
    if operation_id == "create_customer":
        x["customer"] = result.id  # type: ignore[attr-defined]
    elif operation_id == "create_vehicle":
        x["vehicle"] = result.id  # type: ignore[attr-defined]
    elif operation_id == "create_job":
        x["job"] = result.id  # type: ignore[attr-defined]
    elif operation_id == "create_invoice":
        x["invoice"] = result.id  # type: ignore[attr-defined]
        x["invoice_total"] = result.total  # type: ignore[attr-defined]
    elif operation_id == "create_webhook_endpoint":
        x["webhook"] = result.id  # type: ignore[attr-defined]
        x["secret"] = result.secret  # type: ignore[attr-defined]
    elif operation_id == "create_api_key":
        x["api_key"] = result.id  # type: ignore[attr-defined]
    elif operation_id == "list_webhook_deliveries" and result.data:  # type: ignore[attr-defined]
        x["delivery"] = result.data[0].id  # type: ignore[attr-defined]


def is_model_or_page(result: object) -> bool:
    return isinstance(result, (vinsnap.Model, vinsnap.SyncPage, vinsnap.AsyncPage))
