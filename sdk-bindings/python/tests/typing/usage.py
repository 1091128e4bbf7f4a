"""A user's program, checked by `mypy --strict` (tests/test_typing.py): it touches every
resource, and `reveal_type` shows what each call returns (the test compares the notes with
the `# revealed:` comments)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import vinsnap
from vinsnap.types import Customer, JobStatusChangedEvent

CUSTOMER = "cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
VEHICLE = "veh_01jd3q9b2cd3e4f5g6h7j8k9m0"
JOB = "job_01jd3qa2b3c4d5e6f7g8h9j0k1"
INVOICE = "inv_01jd3qa3c4d5e6f7g8h9j0k1m2"
WEBHOOK = "we_01jd3qa0f3g4h5j6k7m8n9p0q1"
DELIVERY = "dlv_01jd3qa2h5j6k7m8n9p0q1r2s3"
KEY = "key_01jd3q8z1ab2cd3ef4gh5jk6mn"


def sync_calls(client: vinsnap.Client) -> None:
    customer = client.customers.create(name="Sarah Chen", email="s.chen@email.com", phone=None)
    reveal_type(customer)  # revealed: vinsnap._generated.models.Customer
    reveal_type(customer.created_at)  # revealed: datetime.datetime
    reveal_type(customer.email)  # revealed: str | None
    reveal_type(client.customers.get(CUSTOMER))  # revealed: vinsnap._generated.models.Customer
    client.customers.update(CUSTOMER, phone=None, notes="Prefers text")
    page = client.customers.list(q="chen", limit=20)
    reveal_type(page)  # revealed: vinsnap._pagination.SyncPage[vinsnap._generated.models.Customer]
    reveal_type(page.total)  # revealed: int
    for each in page:
        reveal_type(each)  # revealed: vinsnap._generated.models.Customer
    reveal_type(client.customers.delete(CUSTOMER))  # revealed: vinsnap._generated.models.Deleted

    vehicle = client.vehicles.create(CUSTOMER, vin="1HGCM82633A004352")
    reveal_type(vehicle)  # revealed: vinsnap._generated.models.Vehicle
    client.vehicles.get(VEHICLE)
    client.vehicles.update(VEHICLE, mileage=120000, color=None)
    client.vehicles.list(CUSTOMER)
    client.vehicles.delete(VEHICLE)

    job = client.jobs.create(
        customer_id=CUSTOMER,
        vehicle_id=VEHICLE,
        title="Front brake service",
        line_items=[{"kind": "labor", "description": "Pads", "hours": "1.50", "rate": 12000}],
    )
    reveal_type(job.status)  # revealed: Literal['pending'] | Literal['in-progress'] | Literal['completed'] | Literal['cancelled']
    reveal_type(client.jobs.change_status(JOB, status="in-progress"))  # revealed: vinsnap._generated.models.Job
    for pending in client.jobs.list(status="pending"):
        reveal_type(pending)  # revealed: vinsnap._generated.models.Job
    client.jobs.get(JOB)
    client.jobs.update(JOB, description=None)
    client.jobs.delete(JOB)

    invoice = client.invoices.create(job_id=JOB)
    reveal_type(invoice.total)  # revealed: int
    client.invoices.get(INVOICE)
    client.invoices.update(INVOICE, notes="Thanks")
    client.invoices.list(status="sent")
    client.invoices.send(INVOICE)
    client.invoices.pay(INVOICE, amount=invoice.total, method="card", paid_at=datetime.now(timezone.utc))
    client.invoices.void(INVOICE)

    search = client.parts.search(vin="1HGCM82633A004352", type="brake-pads")
    reveal_type(search.vehicle)  # revealed: vinsnap._generated.models.SearchedVehicle
    for part in search:
        reveal_type(part)  # revealed: vinsnap._generated.models.Part
    reveal_type(client.vin.decode("1HGCM82633A004352"))  # revealed: vinsnap._generated.models.DecodedVin
    client.locations.list()

    created = client.webhooks.create_endpoint(url="https://example.com/hooks", events=["customer.created"])
    reveal_type(created.secret)  # revealed: str
    client.webhooks.get_endpoint(WEBHOOK)
    client.webhooks.update_endpoint(WEBHOOK, active=False, description=None)
    client.webhooks.list_endpoints()
    client.webhooks.test_endpoint(WEBHOOK)
    client.webhooks.rotate_secret(WEBHOOK)
    client.webhooks.list_deliveries(WEBHOOK, status="failed")
    client.webhooks.get_delivery(DELIVERY)
    client.webhooks.retry_delivery(DELIVERY)
    client.webhooks.delete_endpoint(WEBHOOK)

    key = client.api_keys.create(name="Tablet", scopes=["customers:read"])
    reveal_type(key.secret)  # revealed: str
    client.api_keys.list()
    client.api_keys.delete(KEY)

    reveal_type(client.mode)  # revealed: Literal['test'] | Literal['live']
    reveal_type(client.rate_limit)  # revealed: tuple[int, int, int, fallback=vinsnap._client.RateLimit] | None


async def async_calls(client: vinsnap.AsyncClient) -> None:
    customer = await client.customers.get(CUSTOMER)
    reveal_type(customer)  # revealed: vinsnap._generated.models.Customer
    page = await client.jobs.list(status="completed")
    reveal_type(page)  # revealed: vinsnap._pagination.AsyncPage[vinsnap._generated.models.Job]
    async for job in page:
        reveal_type(job)  # revealed: vinsnap._generated.models.Job
    many = await asyncio.gather(*(client.customers.get(CUSTOMER) for _ in range(32)))
    reveal_type(many)  # revealed: list[vinsnap._generated.models.Customer]


def errors(client: vinsnap.Client) -> None:
    try:
        client.customers.get(CUSTOMER)
    except vinsnap.NotFoundError as error:
        reveal_type(error.status_code)  # revealed: int
        reveal_type(error.request_id)  # revealed: str | None
    except vinsnap.RateLimitError as error:
        reveal_type(error.retry_after)  # revealed: float | None


def webhooks(body: bytes, headers: dict[str, str]) -> None:
    event = vinsnap.webhooks.verify(body, headers, "whsec_x")
    match event:
        case vinsnap.types.CustomerCreatedEvent():
            reveal_type(event.data)  # revealed: vinsnap._generated.models.Customer
        case JobStatusChangedEvent(data=job):
            reveal_type(job)  # revealed: vinsnap._generated.models.Job
        case _:
            pass
    if isinstance(event, vinsnap.types.InvoicePaidEvent):
        reveal_type(event.data.amount_paid)  # revealed: int | None
    try:
        vinsnap.webhooks.verify(body, headers, "whsec_x", tolerance=60)
    except vinsnap.WebhookVerificationError as rejected:
        reveal_type(rejected.kind)  # revealed: Literal['missing_header'] | Literal['bad_timestamp'] | Literal['too_old'] | Literal['no_matching_signature'] | Literal['bad_payload']


def models(customer: Customer) -> None:
    reveal_type(customer.to_dict())  # revealed: dict[str, None | bool | int | float | str | list[...] | dict[str, ...]]
    assert customer == customer


def clients() -> None:
    with vinsnap.Client("vsk_test_x", base_url="http://127.0.0.1:8080", timeout=10, max_retries=3) as client:
        sync_calls(client)

    async def main() -> None:
        async with vinsnap.AsyncClient("vsk_test_x", default_headers={"Prefer": "code=404"}) as client:
            await async_calls(client)

    asyncio.run(main())
