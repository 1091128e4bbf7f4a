"""Every operation of the spec through the Python client: against the real server (one
scenario, in an order that works) and against the mock (each on its own, sync and async), and
every documented error status of every operation raising its exception class."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Dict, List, Optional, Type

import pytest

import vinsnap
from conftest import MOCK_KEY
from operations import CALLS, LABOR, PART, VIN, Ctx, example_context, is_model_or_page, remember
from support import SPEC, Receiver, Server, wait_until

OPERATIONS = [
    op["operationId"]
    for item in SPEC["paths"].values()
    for method, op in item.items()
    if method in ("get", "put", "post", "delete", "patch")
]


class Recorder:
    """Stands in for a client's native client, recording each operation called."""

    def __init__(self, native: Any) -> None:
        self.native = native
        self.called: List[str] = []

    def call(self, operation: str, params: Dict[str, object], body: Optional[object] = None) -> Any:
        self.called.append(operation)
        return self.native.call(operation, params, body)

    def call_async(self, operation: str, params: Dict[str, object], body: Optional[object] = None) -> Any:
        self.called.append(operation)
        return self.native.call_async(operation, params, body)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.native, name)


def record(client: Any) -> Recorder:
    recorder = Recorder(client._native)
    client._native = recorder
    return recorder


def test_every_operation_of_the_spec_has_a_call() -> None:
    assert OPERATIONS, "the spec has operations"
    assert sorted(CALLS) == sorted(OPERATIONS), "an operationId without a call in tests/operations.py"
    assert sorted(vinsnap._native.OPERATIONS) == sorted(OPERATIONS)


def world(client: vinsnap.Client, receiver: Receiver) -> Ctx:
    """What the scenario works on besides what it creates: resources to delete, a second
    invoice to void, the webhook receiver."""
    doomed = client.customers.create(name="Doomed Customer")
    doomed_vehicle = client.vehicles.create(doomed.id, make="Ford", model="Focus", year=2012)
    keeper = client.customers.create(name="Kept Customer")
    keeper_vehicle = client.vehicles.create(keeper.id, vin=VIN)
    doomed_job = client.jobs.create(customer_id=keeper.id, vehicle_id=keeper_vehicle.id, title="Doomed job")
    spare = client.invoices.create(customer_id=keeper.id, line_items=[PART])
    doomed_webhook = client.webhooks.create_endpoint(url=receiver.url + "/doomed", events=["job.created"])
    return {
        "doomed_customer": doomed.id,
        "doomed_vehicle": doomed_vehicle.id,
        "doomed_job": doomed_job.id,
        "spare_invoice": spare.id,
        "doomed_webhook": doomed_webhook.id,
        "receiver_url": receiver.url + "/hooks",
    }


def test_every_operation_against_the_server(server: Server, receiver: Receiver) -> None:
    with vinsnap.Client(server.test_key, base_url=server.base_url) as client:
        x = world(client, receiver)
        recorder = record(client)
        for operation_id, call in CALLS.items():
            if operation_id == "list_webhook_deliveries":
                # Deliveries are made by the server's dispatcher, soon after the event.
                wait_until(lambda: client.webhooks.list_deliveries(x["webhook"]).data)
            result = call(client, x)
            assert is_model_or_page(result), f"{operation_id}: {result!r}"
            remember(operation_id, result, x)
        assert sorted(set(recorder.called)) == sorted(OPERATIONS)


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_every_operation_against_the_mock(mock_client: vinsnap.Client, mock_url: str, operation_id: str) -> None:
    recorder = record(mock_client)
    result = CALLS[operation_id](mock_client, example_context())
    assert is_model_or_page(result), result
    assert recorder.called[:1] == [operation_id]

    async def run_async() -> object:
        async with vinsnap.AsyncClient(MOCK_KEY, base_url=mock_url, max_retries=0) as client:
            async_recorder = record(client)
            awaited = CALLS[operation_id](client, example_context())
            assert inspect.isawaitable(awaited)
            outcome = await awaited
            assert async_recorder.called[:1] == [operation_id]
            return outcome

    async_result = asyncio.run(run_async())
    # The same answer: `SearchPartsPage` / `AsyncSearchPartsPage`, `Customer` / `Customer`.
    kind = lambda value: type(value).__name__.replace("Async", "").replace("Sync", "")  # noqa: E731
    assert kind(async_result) == kind(result)

EXPECTED: Dict[int, Type[vinsnap.APIError]] = {
    400: vinsnap.BadRequestError,
    401: vinsnap.AuthenticationError,
    403: vinsnap.PermissionDeniedError,
    404: vinsnap.NotFoundError,
    409: vinsnap.ConflictError,
    422: vinsnap.UnprocessableEntityError,
    429: vinsnap.RateLimitError,
}


def expected_class(status: int) -> Type[vinsnap.APIError]:
    return EXPECTED.get(status) or (vinsnap.InternalServerError if status >= 500 else vinsnap.APIError)


DOCUMENTED = [
    (op["operationId"], int(status))
    for item in SPEC["paths"].values()
    for method, op in item.items()
    if method in ("get", "put", "post", "delete", "patch")
    for status in op["responses"]
    if status.isdigit() and int(status) >= 400
]


@pytest.mark.parametrize("operation_id,status", DOCUMENTED)
def test_every_documented_error_raises_its_class(mock_url: str, operation_id: str, status: int) -> None:
    prefer = {"Prefer": f"code={status}"}
    with vinsnap.Client(MOCK_KEY, base_url=mock_url, max_retries=0, default_headers=prefer) as client:
        with pytest.raises(vinsnap.APIError) as raised:
            CALLS[operation_id](client, example_context())
    error = raised.value
    assert type(error) is expected_class(status), f"{operation_id} {status}: {type(error).__name__}"
    assert error.status_code == status
    assert error.code and error.message and error.request_id
    if status == 429:
        assert error.retry_after is not None


def test_errors_from_the_server_carry_the_envelope(server: Server, client: vinsnap.Client) -> None:
    with pytest.raises(vinsnap.NotFoundError) as missing:
        client.customers.get("cus_00000000000000000000000000")
    assert missing.value.code == "customer_not_found"
    assert missing.value.request_id and missing.value.request_id.startswith("req_")

    with vinsnap.Client("vsk_test_notarealkey0000000000000000", base_url=server.base_url) as stranger:
        with pytest.raises(vinsnap.AuthenticationError):
            stranger.locations.list()

    reader_key = client.api_keys.create(name="reader", scopes=["customers:read"]).secret
    with vinsnap.Client(reader_key, base_url=server.base_url) as reader:
        with pytest.raises(vinsnap.PermissionDeniedError) as denied:
            reader.customers.create(name="Not allowed")
    assert denied.value.code == "missing_scope"

    customer = client.customers.create(name="Conflict Case")
    vehicle = client.vehicles.create(customer.id, vin=VIN)
    job = client.jobs.create(customer_id=customer.id, vehicle_id=vehicle.id, title="Oil change", line_items=[LABOR])
    with pytest.raises(vinsnap.ConflictError) as conflict:
        client.jobs.change_status(job.id, status="completed")
    assert conflict.value.code == "invalid_status_transition"

    # The spec states that an invoice comes from a job or stands alone, so both is refused
    # before sending; a VIN whose check digit is wrong has the right shape and is the server's 422.
    with pytest.raises(vinsnap.InvalidRequestError) as both:
        client.invoices.create(job_id=job.id, customer_id=customer.id)
    assert both.value.param == "customer_id"
    with pytest.raises(vinsnap.UnprocessableEntityError) as check_digit:
        client.vin.decode("1HGCM82643A004352")
    assert (check_digit.value.status_code, check_digit.value.code) == (422, "invalid_vin")


def test_arguments_the_spec_rejects_are_refused_before_sending(client: vinsnap.Client) -> None:
    with pytest.raises(vinsnap.InvalidRequestError) as bad_id:
        client.customers.get("veh_01jd3q9b2cd3e4f5g6h7j8k9m0")
    assert bad_id.value.param == "id"
    with pytest.raises(vinsnap.InvalidRequestError) as bad_enum:
        client.jobs.list(status="paused")  # type: ignore[arg-type]
    assert bad_enum.value.param == "status"
    with pytest.raises(vinsnap.InvalidRequestError) as bounds:
        client.customers.list(limit=500)
    assert bounds.value.param == "limit"
    with pytest.raises(vinsnap.InvalidRequestError) as nested:
        client.jobs.create(
            customer_id="cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
            vehicle_id="veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
            title="x",
            line_items=[{"kind": "part", "description": "p", "quantity": 0}],
        )
    assert nested.value.param == "line_items[0].quantity"
    with pytest.raises(vinsnap.InvalidRequestError) as wrong_type:
        client.customers.create(name=42)  # type: ignore[arg-type]
    assert wrong_type.value.param == "name"
    with pytest.raises(vinsnap.InvalidRequestError) as not_json:
        client.customers.create(name="A", notes=object())  # type: ignore[arg-type]
    assert not_json.value.param == "notes"
    with pytest.raises(vinsnap.InvalidRequestError) as null_name:
        client.customers.create(name=None)  # type: ignore[arg-type]
    assert null_name.value.param == "name"


def test_omitted_sends_nothing_and_none_sends_null(client: vinsnap.Client) -> None:
    customer = client.customers.create(name="Nullable", phone="555-0100", notes="keep me", email="n@example.com")
    updated = client.customers.update(customer.id, phone=None)
    assert updated.phone is None
    assert updated.notes == "keep me" and updated.email == "n@example.com"
    assert client.customers.get(customer.id).phone is None


def test_pages_iterate_every_item_of_every_page(server: Server, client: vinsnap.Client) -> None:
    names = {f"Pager {i:02d}" for i in range(7)}
    for name in names:
        client.customers.create(name=name)
    page = client.customers.list(q="Pager", limit=3)
    assert len(page.data) == 3 and page.has_more and page.total == 7
    assert {c.name for c in page} == names
    assert len(list(page.iter_pages())) == 3
    assert page.next_page().data[0].name not in {c.name for c in page.data}

    async def walk() -> List[str]:
        async with vinsnap.AsyncClient(server.test_key, base_url=server.base_url) as ac:
            first = await ac.customers.list(q="Pager", limit=2)
            return [c.name async for c in first]

    assert set(asyncio.run(walk())) == names

