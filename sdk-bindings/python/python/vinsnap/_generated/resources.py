# Resources: the operations of each tag, as sync and async methods.
#
# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
# Regenerate with `cargo run -q -p vinsnap-codegen`.

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Union

from .._models import NOT_GIVEN, JsonValue, NotGiven, decode_any_of, given, parse_date, parse_datetime
from .._pagination import AsyncPage, SyncPage
from .._transport import AsyncCaller, SyncCaller
from .models import *  # noqa: F403
from .params import *  # noqa: F403

__all__ = [
    "SearchPartsPage",
    "ApiKeysResource",
    "CustomersResource",
    "VehiclesResource",
    "InvoicesResource",
    "JobsResource",
    "LocationsResource",
    "PartsResource",
    "VinResource",
    "WebhooksResource",
    "AsyncSearchPartsPage",
    "AsyncApiKeysResource",
    "AsyncCustomersResource",
    "AsyncVehiclesResource",
    "AsyncInvoicesResource",
    "AsyncJobsResource",
    "AsyncLocationsResource",
    "AsyncPartsResource",
    "AsyncVinResource",
    "AsyncWebhooksResource",
    "ClientResources",
    "AsyncClientResources",
]


class SearchPartsPage(SyncPage[Part]):
    """A page of `parts.search`: its items, and the response's other fields."""

    __slots__ = ("fitment_basis", "vehicle")

    fitment_basis: FitmentBasis
    vehicle: SearchedVehicle

    def _read_extra(self, d: Any) -> None:
        self.fitment_basis = d["fitment_basis"]
        self.vehicle = SearchedVehicle._from_json(d["vehicle"])


class ApiKeysResource:
    """The `api_keys` operations: `client.api_keys`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[ApiKey]:
        """List API keys

        The shop's unrevoked keys of the calling key's mode (and location, for a location-limited
        key), newest first. Secrets are never listed. Requires the `keys:manage` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /api-keys` (`list_api_keys`)
        """
        return SyncPage._fetch(self._client, "list_api_keys", given({"limit": limit, "offset": offset}), ApiKey._from_json)

    def create(
        self,
        *,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        scopes: Union[Optional[List[Scope]], NotGiven] = NOT_GIVEN,
    ) -> CreatedApiKey:
        """Create an API key

        Mints a key in the calling key's mode. Its scopes default to, and may only narrow, the
        calling key's; a location-limited caller can only mint keys for its own location. The
        `secret` is in this response only: it is stored hashed and never shown again. Requires the
        `keys:manage` scope.

        Args:
            location_id: Limit the key to one location. Defaults to the calling key's location, if it has one.
            name: A label to tell keys apart.
            scopes: Defaults to the calling key's scopes; at least one, and no more items than there are
                scopes.

        `POST /api-keys` (`create_api_key`)
        """
        data = self._client._call("create_api_key", given({}), given({"location_id": location_id, "name": name, "scopes": scopes}))
        return CreatedApiKey._from_json(data)

    def delete(
        self,
        id: ApiKeyId,
        /,
    ) -> Deleted:
        """Revoke an API key

        The key stops working at once. A key may revoke itself. Requires the `keys:manage` scope.

        Args:
            id: The key's id.

        `DELETE /api-keys/{id}` (`delete_api_key`)
        """
        data = self._client._call("delete_api_key", given({"id": id}), None)
        return Deleted._from_json(data)


class CustomersResource:
    """The `customers` operations: `client.customers`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        q: Union[str, NotGiven] = NOT_GIVEN,
        location_id: Union[LocationId, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[Customer]:
        """List customers

        Newest first, paged with `limit`/`offset`; `q` searches name, email and phone. Requires the
        `customers:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            q: Case-insensitive search over name, email and phone (phone matches on digits alone, so
                `5550142` finds `555-0142`).
            location_id: Only customers of this location.

        `GET /customers` (`list_customers`)
        """
        return SyncPage._fetch(self._client, "list_customers", given({"limit": limit, "offset": offset, "q": q, "location_id": location_id}), Customer._from_json)

    def create(
        self,
        *,
        name: str,
        email: Union[Optional[str], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
        phone: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> Customer:
        """Create a customer

        Adds a customer to the shop, at the key's location (or `location_id`). Requires the
        `customers:write` scope.

        Args:
            name: Full name.

                One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
            email: An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""` means none.
            location_id: Defaults to the key's location, or the shop's first location for unrestricted keys.
            notes: Free-form notes for the shop's staff.
            phone: As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `""` means none.

        `POST /customers` (`create_customer`)
        """
        data = self._client._call("create_customer", given({}), given({"name": name, "email": email, "location_id": location_id, "notes": notes, "phone": phone}))
        return Customer._from_json(data)

    def get(
        self,
        id: CustomerId,
        /,
    ) -> Customer:
        """Retrieve a customer

        Requires the `customers:read` scope.

        Args:
            id: The customer's id.

        `GET /customers/{id}` (`get_customer`)
        """
        data = self._client._call("get_customer", given({"id": id}), None)
        return Customer._from_json(data)

    def update(
        self,
        id: CustomerId,
        /,
        *,
        email: Union[Optional[str], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
        phone: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> Customer:
        """Update a customer

        A partial update: only the fields sent change; `null` or `""` clears `email`, `phone` or
        `notes`. Requires the `customers:write` scope.

        Args:
            id: The customer's id.
            email: An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""` means none.
            name: Full name; `null` leaves it unchanged.
            notes: Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none.
            phone: As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `""` means none.

        `PUT /customers/{id}` (`update_customer`)
        """
        data = self._client._call("update_customer", given({"id": id}), given({"email": email, "location_id": location_id, "name": name, "notes": notes, "phone": phone}))
        return Customer._from_json(data)

    def delete(
        self,
        id: CustomerId,
        /,
    ) -> Deleted:
        """Delete a customer

        Deletes the customer with their vehicles, jobs and invoices. Requires the `customers:write`
        scope.

        Args:
            id: The customer's id.

        `DELETE /customers/{id}` (`delete_customer`)
        """
        data = self._client._call("delete_customer", given({"id": id}), None)
        return Deleted._from_json(data)


class VehiclesResource:
    """The `vehicles` operations: `client.vehicles`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def list(
        self,
        id: CustomerId,
        /,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[Vehicle]:
        """List a customer's vehicles

        Newest first, paged with `limit`/`offset`. Requires the `vehicles:read` scope.

        Args:
            id: The owner's customer id.
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /customers/{id}/vehicles` (`list_vehicles`)
        """
        return SyncPage._fetch(self._client, "list_vehicles", given({"id": id, "limit": limit, "offset": offset}), Vehicle._from_json)

    def create(
        self,
        id: CustomerId,
        /,
        *,
        auto_decode: Union[Optional[bool], NotGiven] = NOT_GIVEN,
        color: Union[Optional[str], NotGiven] = NOT_GIVEN,
        license_plate: Union[Optional[str], NotGiven] = NOT_GIVEN,
        make: Union[Optional[str], NotGiven] = NOT_GIVEN,
        mileage: Union[Optional[int], NotGiven] = NOT_GIVEN,
        model: Union[Optional[str], NotGiven] = NOT_GIVEN,
        trim: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vin: Union[Optional[str], NotGiven] = NOT_GIVEN,
        year: Union[Optional[int], NotGiven] = NOT_GIVEN,
    ) -> Vehicle:
        """Add a vehicle to a customer

        With a `vin`, the VIN is validated and decoded (NHTSA's vPIC data): year, make, model and trim
        (vPIC's trim, or its series when it has no trim) are filled where known and where the request
        leaves them out. Pass `auto_decode: false` to skip that step.
        Requires the `vehicles:write` scope.

        Args:
            id: The owner's customer id.
            auto_decode: Set `false` to store the VIN as given, without validating or decoding it (for example a
                pre-1981 VIN). Defaults to `true`.
            color: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            license_plate: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            make: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            mileage: Odometer reading.
            model: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            trim: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            vin: 1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I, O or Q), which is then decoded.
            year: Model year.

        `POST /customers/{id}/vehicles` (`create_vehicle`)
        """
        data = self._client._call("create_vehicle", given({"id": id}), given({"auto_decode": auto_decode, "color": color, "license_plate": license_plate, "make": make, "mileage": mileage, "model": model, "trim": trim, "vin": vin, "year": year}))
        return Vehicle._from_json(data)

    def get(
        self,
        id: VehicleId,
        /,
    ) -> Vehicle:
        """Retrieve a vehicle

        Requires the `vehicles:read` scope.

        Args:
            id: The vehicle's id.

        `GET /vehicles/{id}` (`get_vehicle`)
        """
        data = self._client._call("get_vehicle", given({"id": id}), None)
        return Vehicle._from_json(data)

    def update(
        self,
        id: VehicleId,
        /,
        *,
        auto_decode: Union[Optional[bool], NotGiven] = NOT_GIVEN,
        color: Union[Optional[str], NotGiven] = NOT_GIVEN,
        license_plate: Union[Optional[str], NotGiven] = NOT_GIVEN,
        make: Union[Optional[str], NotGiven] = NOT_GIVEN,
        mileage: Union[Optional[int], NotGiven] = NOT_GIVEN,
        model: Union[Optional[str], NotGiven] = NOT_GIVEN,
        trim: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vin: Union[Optional[str], NotGiven] = NOT_GIVEN,
        year: Union[Optional[int], NotGiven] = NOT_GIVEN,
    ) -> Vehicle:
        """Update a vehicle

        A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
        (unless `auto_decode` is `false`) and its decoded year, make, model and trim replace the
        stored ones the request leaves out. Requires the `vehicles:write` scope.

        Args:
            id: The vehicle's id.
            auto_decode: Set `false` to store a new VIN as given, without validating or decoding it.
            color: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            license_plate: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            make: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            model: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            trim: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            vin: 1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I, O or Q), which is then decoded.

        `PUT /vehicles/{id}` (`update_vehicle`)
        """
        data = self._client._call("update_vehicle", given({"id": id}), given({"auto_decode": auto_decode, "color": color, "license_plate": license_plate, "make": make, "mileage": mileage, "model": model, "trim": trim, "vin": vin, "year": year}))
        return Vehicle._from_json(data)

    def delete(
        self,
        id: VehicleId,
        /,
    ) -> Deleted:
        """Delete a vehicle

        Deletes the vehicle and its jobs; invoices for it keep their lines and lose the `vehicle_id`.
        Requires the `vehicles:write` scope.

        Args:
            id: The vehicle's id.

        `DELETE /vehicles/{id}` (`delete_vehicle`)
        """
        data = self._client._call("delete_vehicle", given({"id": id}), None)
        return Deleted._from_json(data)


class InvoicesResource:
    """The `invoices` operations: `client.invoices`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[Literal["draft", "sent", "paid", "void"], NotGiven] = NOT_GIVEN,
        customer_id: Union[CustomerId, NotGiven] = NOT_GIVEN,
        job_id: Union[JobId, NotGiven] = NOT_GIVEN,
        location_id: Union[LocationId, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[Invoice]:
        """List invoices

        Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `job_id` and
        `location_id`. Requires the `invoices:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            status: Only invoices in this status.

        `GET /invoices` (`list_invoices`)
        """
        return SyncPage._fetch(self._client, "list_invoices", given({"limit": limit, "offset": offset, "status": status, "customer_id": customer_id, "job_id": job_id, "location_id": location_id}), Invoice._from_json)

    def create(
        self,
        *,
        customer_id: Union[Optional[CustomerId], NotGiven] = NOT_GIVEN,
        job_id: Union[Optional[JobId], NotGiven] = NOT_GIVEN,
        line_items: Union[Optional[List[NewLineItemParam]], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vehicle_id: Union[Optional[VehicleId], NotGiven] = NOT_GIVEN,
    ) -> Invoice:
        """Create an invoice

        Creates a `draft`. With `job_id` alone, the job's customer, vehicle, location and line items
        are copied (a cancelled job cannot be invoiced); otherwise `customer_id` is required and
        `vehicle_id` and `line_items` are optional. The shop's currency and tax rate are fixed on the
        invoice; `tax` is `subtotal × tax_rate_bps / 10000` rounded half up to the minor unit.
        Requires the `invoices:write` scope.

        Args:
            customer_id: Standalone invoices only.
            job_id: Invoice this job: copies its customer, vehicle, location and line items.
            line_items: Standalone invoices only: up to 100 lines.
            notes: Printed on the PDF.
            vehicle_id: Standalone invoices only: one of the customer's vehicles.

        `POST /invoices` (`create_invoice`)
        """
        data = self._client._call("create_invoice", given({}), given({"customer_id": customer_id, "job_id": job_id, "line_items": line_items, "notes": notes, "vehicle_id": vehicle_id}))
        return Invoice._from_json(data)

    def get(
        self,
        id: InvoiceId,
        /,
    ) -> Invoice:
        """Retrieve an invoice

        Once sent, the invoice carries a fresh signed `pdf_url`. Requires the `invoices:read` scope.

        Args:
            id: The invoice's id.

        `GET /invoices/{id}` (`get_invoice`)
        """
        data = self._client._call("get_invoice", given({"id": id}), None)
        return Invoice._from_json(data)

    def update(
        self,
        id: InvoiceId,
        /,
        *,
        line_items: Union[Optional[List[NewLineItemParam]], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> Invoice:
        """Update a draft invoice

        Changes `notes` and/or replaces `line_items` (totals are recomputed). Only drafts can be
        edited: a sent, paid or void invoice is a 409 `invoice_not_editable`. Requires the
        `invoices:write` scope.

        Args:
            id: The invoice's id.
            line_items: Replaces every line; up to 100.
            notes: `null` or `""` clears it.

        `PUT /invoices/{id}` (`update_invoice`)
        """
        data = self._client._call("update_invoice", given({"id": id}), given({"line_items": line_items, "notes": notes}))
        return Invoice._from_json(data)

    def pay(
        self,
        id: InvoiceId,
        /,
        *,
        amount: int,
        method: PaymentMethod,
        paid_at: Union[Optional[Union[datetime, str]], NotGiven] = NOT_GIVEN,
    ) -> Invoice:
        """Record payment of an invoice

        Marks a `sent` invoice `paid`. `amount` must equal the invoice's `total` (in minor units);
        `paid_at` defaults to now and cannot be in the future. A draft must be sent first; paid and
        void invoices cannot be paid (409 `invalid_status_transition`). Requires the
        `invoices:write` scope.

        Args:
            id: The invoice's id.
            amount: In minor units; must equal the invoice's `total` (partial payments are not supported).
            paid_at: When the money was received; defaults to now and cannot be in the future.

        `POST /invoices/{id}/pay` (`pay_invoice`)
        """
        data = self._client._call("pay_invoice", given({"id": id}), given({"amount": amount, "method": method, "paid_at": paid_at}))
        return Invoice._from_json(data)

    def send(
        self,
        id: InvoiceId,
        /,
    ) -> Invoice:
        """Send an invoice

        Renders the branded PDF (shop name and address, customer, vehicle, line items, subtotal, tax,
        total), stores it, and emails it as an attachment to the customer's email address. A `draft`
        becomes `sent`; sending a `sent` invoice again re-renders and re-sends it. Returns the
        invoice with its signed `pdf_url` (no API key needed, expires at `pdf_url_expires_at`) and
        the email's `message_id`. If the mail server fails, nothing changes and the reply is a 502.
        Requires the `invoices:write` scope.

        Args:
            id: The invoice's id.

        `POST /invoices/{id}/send` (`send_invoice`)
        """
        data = self._client._call("send_invoice", given({"id": id}), None)
        return Invoice._from_json(data)

    def void(
        self,
        id: InvoiceId,
        /,
    ) -> Invoice:
        """Void an invoice

        Cancels a `draft` or `sent` invoice; it stays on record as `void`. Paid invoices cannot be
        voided (409 `invalid_status_transition`). Requires the `invoices:write` scope.

        Args:
            id: The invoice's id.

        `POST /invoices/{id}/void` (`void_invoice`)
        """
        data = self._client._call("void_invoice", given({"id": id}), None)
        return Invoice._from_json(data)


class JobsResource:
    """The `jobs` operations: `client.jobs`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[Literal["pending", "in-progress", "completed", "cancelled"], NotGiven] = NOT_GIVEN,
        customer_id: Union[CustomerId, NotGiven] = NOT_GIVEN,
        vehicle_id: Union[VehicleId, NotGiven] = NOT_GIVEN,
        location_id: Union[LocationId, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[Job]:
        """List jobs

        Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `vehicle_id`
        and `location_id`. Requires the `jobs:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            status: Only jobs in this status.

        `GET /jobs` (`list_jobs`)
        """
        return SyncPage._fetch(self._client, "list_jobs", given({"limit": limit, "offset": offset, "status": status, "customer_id": customer_id, "vehicle_id": vehicle_id, "location_id": location_id}), Job._from_json)

    def create(
        self,
        *,
        customer_id: CustomerId,
        title: str,
        vehicle_id: VehicleId,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        line_items: Union[List[NewLineItemParam], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
    ) -> Job:
        """Create a job

        Opens a `pending` job for one of the customer's vehicles, at the customer's location (or
        `location_id`). Line item amounts and the subtotal are computed by the server. Requires the
        `jobs:write` scope.

        Args:
            title: One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
            vehicle_id: One of the customer's vehicles.
            description: Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none.
            line_items: Up to 100 lines.
            location_id: Defaults to the customer's location.

        `POST /jobs` (`create_job`)
        """
        data = self._client._call("create_job", given({}), given({"customer_id": customer_id, "title": title, "vehicle_id": vehicle_id, "description": description, "line_items": line_items, "location_id": location_id}))
        return Job._from_json(data)

    def get(
        self,
        id: JobId,
        /,
    ) -> Job:
        """Retrieve a job

        Requires the `jobs:read` scope.

        Args:
            id: The job's id.

        `GET /jobs/{id}` (`get_job`)
        """
        data = self._client._call("get_job", given({"id": id}), None)
        return Job._from_json(data)

    def update(
        self,
        id: JobId,
        /,
        *,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        line_items: Union[Optional[List[NewLineItemParam]], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        title: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vehicle_id: Union[Optional[VehicleId], NotGiven] = NOT_GIVEN,
    ) -> Job:
        """Update a job

        A partial update of a `pending` or `in-progress` job: only the fields sent change, and
        `line_items`, when sent, replaces all lines. Completed and cancelled jobs cannot be edited
        (409 `job_not_editable`). To move a job on the board use `POST /jobs/{id}/status`. Requires
        the `jobs:write` scope.

        Args:
            id: The job's id.
            description: `null` or `""` clears it.
            line_items: Replaces every line; up to 100.
            title: One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
            vehicle_id: Another vehicle of the same customer.

        `PUT /jobs/{id}` (`update_job`)
        """
        data = self._client._call("update_job", given({"id": id}), given({"description": description, "line_items": line_items, "location_id": location_id, "title": title, "vehicle_id": vehicle_id}))
        return Job._from_json(data)

    def delete(
        self,
        id: JobId,
        /,
    ) -> Deleted:
        """Delete a job

        Deletes the job in any status. Invoices made from it keep their copied line items; their
        `job_id` becomes `null`. Requires the `jobs:write` scope.

        Args:
            id: The job's id.

        `DELETE /jobs/{id}` (`delete_job`)
        """
        data = self._client._call("delete_job", given({"id": id}), None)
        return Deleted._from_json(data)

    def change_status(
        self,
        id: JobId,
        /,
        *,
        status: JobStatus,
    ) -> Job:
        """Move a job on the board

        Changes the job's status. Allowed moves: `pending → in-progress`, `in-progress → pending`,
        `in-progress → completed`, and `pending` or `in-progress` → `cancelled`. `completed` and
        `cancelled` are final; any other move (or a move to the status the job already has) is a
        409 `invalid_status_transition`. Sets `started_at`, `completed_at` or `cancelled_at`.
        Requires the `jobs:write` scope.

        Args:
            id: The job's id.

        `POST /jobs/{id}/status` (`change_job_status`)
        """
        data = self._client._call("change_job_status", given({"id": id}), given({"status": status}))
        return Job._from_json(data)


class LocationsResource:
    """The `locations` operations: `client.locations`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[Location]:
        """List locations

        The shop's locations (just its own for a location-limited key). Requires the
        `locations:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /locations` (`list_locations`)
        """
        return SyncPage._fetch(self._client, "list_locations", given({"limit": limit, "offset": offset}), Location._from_json)


class PartsResource:
    """The `parts` operations: `client.parts`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def search(
        self,
        *,
        vin: Union[str, NotGiven] = NOT_GIVEN,
        vehicle_id: Union[VehicleId, NotGiven] = NOT_GIVEN,
        type: Union[str, NotGiven] = NOT_GIVEN,
        q: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> SearchPartsPage:
        """Search parts for a vehicle

        Finds the catalog's parts that fit the vehicle given by `vin` (decoded with NHTSA's vPIC data
        to make, model and model year) or `vehicle_id` (its stored make, model and year), optionally
        only of one `type` and matching the words in `q`. A part fits when one of its fitments names
        the vehicle's make, covers its year and names its model (or every model); a model also goes by
        the names catalogs use for it (vPIC's `328i` is a `3 Series`). `fitment_basis` is
        `make_model_year` then; when the model is unknown (a VIN vPIC cannot decode to a model, or a
        vehicle without one) it is `make_year`: the parts fit some model of that make and year.
        Each part carries its OEM cross-references and the stock at the caller's locations. Paged
        with `limit`/`offset`, in catalog order. Requires the `parts:read` scope (and `vehicles:read`
        with `vehicle_id`).

        Args:
            vin: The vehicle's VIN; decoded to make and model year (and model, where the decoder knows
                it). Give this or `vehicle_id`, not both (422 otherwise).
            vehicle_id: One of the shop's vehicles; its stored make, model and year are used. Also needs the
                `vehicles:read` scope. Give this or `vin`, not both (422 otherwise).
            type: Only parts of this type, e.g. `brake-pads`, `oil-filter`, `spark-plugs`; a type the
                catalog does not have is a 404 that lists the ones it has.
            q: Words to find in the part's name, brand, part number, OEM numbers or description (each
                word a prefix, all words required), e.g. `ceramic` or `45022`. Words are runs of letters
                and digits; a `q` with none matches no part.
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /parts/search` (`search_parts`)
        """
        return SearchPartsPage._fetch(self._client, "search_parts", given({"vin": vin, "vehicle_id": vehicle_id, "type": type, "q": q, "limit": limit, "offset": offset}), Part._from_json)


class VinResource:
    """The `vin` operations: `client.vin`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def decode(
        self,
        vin: str,
        /,
    ) -> DecodedVin:
        """Decode a VIN

        Validates the VIN's structure (ISO 3779: 17 characters, no I, O or Q; the check digit at
        position 9 where it is mandatory) and decodes it with NHTSA's vPIC data (an offline copy):
        make, model, model year, trim, series, body class, vehicle type, drive type, engine, fuel,
        plant and manufacturer, plus the VIN's own structure (WMI country, plant code, serial
        number). Fields the data does not give are `null`; `source` says whether vPIC answered or,
        when the server runs without the data or vPIC does not know the WMI, the embedded WMI table
        alone. Requires the `vin:decode` scope.

        Args:
            vin: The VIN to decode (case-insensitive).

        `GET /vin/{vin}` (`decode_vin`)
        """
        data = self._client._call("decode_vin", given({"vin": vin}), None)
        return DecodedVin._from_json(data)


class WebhooksResource:
    """The `webhooks` operations: `client.webhooks`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncCaller) -> None:
        self._client = client

    def get_delivery(
        self,
        id: DeliveryId,
        /,
    ) -> WebhookDeliveryDetail:
        """Retrieve a delivery

        The delivery with the exact request body it sends and every attempt: when, the receiver's
        status, the first 1 KiB of its answer, how long it took, and any error. Requires the
        `webhooks:manage` scope.

        Args:
            id: The delivery's id (the `X-VinSnap-Delivery` header).

        `GET /webhook-deliveries/{id}` (`get_webhook_delivery`)
        """
        data = self._client._call("get_webhook_delivery", given({"id": id}), None)
        return WebhookDeliveryDetail._from_json(data)

    def retry_delivery(
        self,
        id: DeliveryId,
        /,
    ) -> WebhookDelivery:
        """Retry a delivery

        Makes the delivery due now, whatever its state: the dispatcher sends it within a second,
        with the same delivery id and body, and logs the attempt. If that attempt fails, the retry
        schedule continues from where the delivery was. Requires the `webhooks:manage` scope.

        Args:
            id: The delivery's id.

        `POST /webhook-deliveries/{id}/retry` (`retry_webhook_delivery`)
        """
        data = self._client._call("retry_webhook_delivery", given({"id": id}), None)
        return WebhookDelivery._from_json(data)

    def list_endpoints(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[WebhookEndpoint]:
        """List webhook endpoints

        The shop's endpoints of the calling key's mode, newest first. Requires the `webhooks:manage`
        scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /webhooks` (`list_webhook_endpoints`)
        """
        return SyncPage._fetch(self._client, "list_webhook_endpoints", given({"limit": limit, "offset": offset}), WebhookEndpoint._from_json)

    def create_endpoint(
        self,
        *,
        events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]],
        url: str,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint

        Registers a public HTTPS URL to receive the events named in `events` (or `["*"]` for all),
        as signed POSTs. At most 10 endpoints per shop and mode. The signing `secret` is in this
        response only. Requires the `webhooks:manage` scope.

        Args:
            events: Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event.
            url: A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and fragment. A host that is or resolves to a private, loopback or other internal address is refused (422), and so is an `http://` loopback URL, which only a server run for local development (`--allow-local-webhooks`) takes.
            description: A label.

        `POST /webhooks` (`create_webhook_endpoint`)
        """
        data = self._client._call("create_webhook_endpoint", given({}), given({"events": events, "url": url, "description": description}))
        return WebhookEndpointWithSecret._from_json(data)

    def get_endpoint(
        self,
        id: WebhookEndpointId,
        /,
    ) -> WebhookEndpoint:
        """Retrieve a webhook endpoint

        The endpoint's settings and state; never its secret. Requires the `webhooks:manage` scope.

        Args:
            id: The endpoint's id.

        `GET /webhooks/{id}` (`get_webhook_endpoint`)
        """
        data = self._client._call("get_webhook_endpoint", given({"id": id}), None)
        return WebhookEndpoint._from_json(data)

    def update_endpoint(
        self,
        id: WebhookEndpointId,
        /,
        *,
        active: Union[Optional[bool], NotGiven] = NOT_GIVEN,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        events: Union[Optional[List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]], NotGiven] = NOT_GIVEN,
        url: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint

        A partial update: only the fields sent change. `active: false` stops deliveries (pending
        ones fail); `active: true` re-enables an endpoint and resets `consecutive_failures`.
        Requires the `webhooks:manage` scope.

        Args:
            id: The endpoint's id.
            active: `false` stops deliveries; `true` re-enables the endpoint and resets
                `consecutive_failures`.
            description: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            events: Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event.
            url: A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and fragment. A host that is or resolves to a private, loopback or other internal address is refused (422), and so is an `http://` loopback URL, which only a server run for local development (`--allow-local-webhooks`) takes.

        `PUT /webhooks/{id}` (`update_webhook_endpoint`)
        """
        data = self._client._call("update_webhook_endpoint", given({"id": id}), given({"active": active, "description": description, "events": events, "url": url}))
        return WebhookEndpoint._from_json(data)

    def delete_endpoint(
        self,
        id: WebhookEndpointId,
        /,
    ) -> Deleted:
        """Delete a webhook endpoint

        Deletes the endpoint and its delivery logs. Nothing more is sent to it, including deliveries
        that were waiting for a retry. Requires the `webhooks:manage` scope.

        Args:
            id: The endpoint's id.

        `DELETE /webhooks/{id}` (`delete_webhook_endpoint`)
        """
        data = self._client._call("delete_webhook_endpoint", given({"id": id}), None)
        return Deleted._from_json(data)

    def list_deliveries(
        self,
        id: WebhookEndpointId,
        /,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[DeliveryStatus, NotGiven] = NOT_GIVEN,
        event_type: Union[EventType, NotGiven] = NOT_GIVEN,
    ) -> SyncPage[WebhookDelivery]:
        """List an endpoint's deliveries

        Newest first, kept for 30 days; filter by `status` and `event_type`. Requires the
        `webhooks:manage` scope.

        Args:
            id: The endpoint's id.
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            status: Only deliveries in this state.
            event_type: Only deliveries of this event type.

        `GET /webhooks/{id}/deliveries` (`list_webhook_deliveries`)
        """
        return SyncPage._fetch(self._client, "list_webhook_deliveries", given({"id": id, "limit": limit, "offset": offset, "status": status, "event_type": event_type}), WebhookDelivery._from_json)

    def rotate_secret(
        self,
        id: WebhookEndpointId,
        /,
    ) -> WebhookEndpointWithSecret:
        """Rotate the signing secret

        Issues a new signing secret, returned in this response only. For the next 24 hours every
        delivery carries two signatures in `X-VinSnap-Signature` (new secret first, then the old
        one), so receivers can switch over without dropping events. Requires the `webhooks:manage`
        scope.

        Args:
            id: The endpoint's id.

        `POST /webhooks/{id}/rotate-secret` (`rotate_webhook_secret`)
        """
        data = self._client._call("rotate_webhook_secret", given({"id": id}), None)
        return WebhookEndpointWithSecret._from_json(data)

    def test_endpoint(
        self,
        id: WebhookEndpointId,
        /,
    ) -> WebhookTestResult:
        """Send a test event

        Sends a signed `ping` event to the endpoint now and reports how it answered, as
        `{success, status_code, response_time_ms, message}`. Works on disabled endpoints too, to
        check a receiver before re-enabling it. The ping appears in the delivery log; it is not
        retried and does not count toward `consecutive_failures`. Requires the `webhooks:manage`
        scope.

        Args:
            id: The endpoint's id.

        `POST /webhooks/{id}/test` (`test_webhook_endpoint`)
        """
        data = self._client._call("test_webhook_endpoint", given({"id": id}), None)
        return WebhookTestResult._from_json(data)


class AsyncSearchPartsPage(AsyncPage[Part]):
    """A page of `parts.search`: its items, and the response's other fields."""

    __slots__ = ("fitment_basis", "vehicle")

    fitment_basis: FitmentBasis
    vehicle: SearchedVehicle

    def _read_extra(self, d: Any) -> None:
        self.fitment_basis = d["fitment_basis"]
        self.vehicle = SearchedVehicle._from_json(d["vehicle"])


class AsyncApiKeysResource:
    """The `api_keys` operations: `async_client.api_keys`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[ApiKey]:
        """List API keys

        The shop's unrevoked keys of the calling key's mode (and location, for a location-limited
        key), newest first. Secrets are never listed. Requires the `keys:manage` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /api-keys` (`list_api_keys`)
        """
        return await AsyncPage._fetch(self._client, "list_api_keys", given({"limit": limit, "offset": offset}), ApiKey._from_json)

    async def create(
        self,
        *,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        scopes: Union[Optional[List[Scope]], NotGiven] = NOT_GIVEN,
    ) -> CreatedApiKey:
        """Create an API key

        Mints a key in the calling key's mode. Its scopes default to, and may only narrow, the
        calling key's; a location-limited caller can only mint keys for its own location. The
        `secret` is in this response only: it is stored hashed and never shown again. Requires the
        `keys:manage` scope.

        Args:
            location_id: Limit the key to one location. Defaults to the calling key's location, if it has one.
            name: A label to tell keys apart.
            scopes: Defaults to the calling key's scopes; at least one, and no more items than there are
                scopes.

        `POST /api-keys` (`create_api_key`)
        """
        data = await self._client._call("create_api_key", given({}), given({"location_id": location_id, "name": name, "scopes": scopes}))
        return CreatedApiKey._from_json(data)

    async def delete(
        self,
        id: ApiKeyId,
        /,
    ) -> Deleted:
        """Revoke an API key

        The key stops working at once. A key may revoke itself. Requires the `keys:manage` scope.

        Args:
            id: The key's id.

        `DELETE /api-keys/{id}` (`delete_api_key`)
        """
        data = await self._client._call("delete_api_key", given({"id": id}), None)
        return Deleted._from_json(data)


class AsyncCustomersResource:
    """The `customers` operations: `async_client.customers`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        q: Union[str, NotGiven] = NOT_GIVEN,
        location_id: Union[LocationId, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[Customer]:
        """List customers

        Newest first, paged with `limit`/`offset`; `q` searches name, email and phone. Requires the
        `customers:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            q: Case-insensitive search over name, email and phone (phone matches on digits alone, so
                `5550142` finds `555-0142`).
            location_id: Only customers of this location.

        `GET /customers` (`list_customers`)
        """
        return await AsyncPage._fetch(self._client, "list_customers", given({"limit": limit, "offset": offset, "q": q, "location_id": location_id}), Customer._from_json)

    async def create(
        self,
        *,
        name: str,
        email: Union[Optional[str], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
        phone: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> Customer:
        """Create a customer

        Adds a customer to the shop, at the key's location (or `location_id`). Requires the
        `customers:write` scope.

        Args:
            name: Full name.

                One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
            email: An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""` means none.
            location_id: Defaults to the key's location, or the shop's first location for unrestricted keys.
            notes: Free-form notes for the shop's staff.
            phone: As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `""` means none.

        `POST /customers` (`create_customer`)
        """
        data = await self._client._call("create_customer", given({}), given({"name": name, "email": email, "location_id": location_id, "notes": notes, "phone": phone}))
        return Customer._from_json(data)

    async def get(
        self,
        id: CustomerId,
        /,
    ) -> Customer:
        """Retrieve a customer

        Requires the `customers:read` scope.

        Args:
            id: The customer's id.

        `GET /customers/{id}` (`get_customer`)
        """
        data = await self._client._call("get_customer", given({"id": id}), None)
        return Customer._from_json(data)

    async def update(
        self,
        id: CustomerId,
        /,
        *,
        email: Union[Optional[str], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        name: Union[Optional[str], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
        phone: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> Customer:
        """Update a customer

        A partial update: only the fields sent change; `null` or `""` clears `email`, `phone` or
        `notes`. Requires the `customers:write` scope.

        Args:
            id: The customer's id.
            email: An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""` means none.
            name: Full name; `null` leaves it unchanged.
            notes: Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none.
            phone: As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `""` means none.

        `PUT /customers/{id}` (`update_customer`)
        """
        data = await self._client._call("update_customer", given({"id": id}), given({"email": email, "location_id": location_id, "name": name, "notes": notes, "phone": phone}))
        return Customer._from_json(data)

    async def delete(
        self,
        id: CustomerId,
        /,
    ) -> Deleted:
        """Delete a customer

        Deletes the customer with their vehicles, jobs and invoices. Requires the `customers:write`
        scope.

        Args:
            id: The customer's id.

        `DELETE /customers/{id}` (`delete_customer`)
        """
        data = await self._client._call("delete_customer", given({"id": id}), None)
        return Deleted._from_json(data)


class AsyncVehiclesResource:
    """The `vehicles` operations: `async_client.vehicles`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def list(
        self,
        id: CustomerId,
        /,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[Vehicle]:
        """List a customer's vehicles

        Newest first, paged with `limit`/`offset`. Requires the `vehicles:read` scope.

        Args:
            id: The owner's customer id.
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /customers/{id}/vehicles` (`list_vehicles`)
        """
        return await AsyncPage._fetch(self._client, "list_vehicles", given({"id": id, "limit": limit, "offset": offset}), Vehicle._from_json)

    async def create(
        self,
        id: CustomerId,
        /,
        *,
        auto_decode: Union[Optional[bool], NotGiven] = NOT_GIVEN,
        color: Union[Optional[str], NotGiven] = NOT_GIVEN,
        license_plate: Union[Optional[str], NotGiven] = NOT_GIVEN,
        make: Union[Optional[str], NotGiven] = NOT_GIVEN,
        mileage: Union[Optional[int], NotGiven] = NOT_GIVEN,
        model: Union[Optional[str], NotGiven] = NOT_GIVEN,
        trim: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vin: Union[Optional[str], NotGiven] = NOT_GIVEN,
        year: Union[Optional[int], NotGiven] = NOT_GIVEN,
    ) -> Vehicle:
        """Add a vehicle to a customer

        With a `vin`, the VIN is validated and decoded (NHTSA's vPIC data): year, make, model and trim
        (vPIC's trim, or its series when it has no trim) are filled where known and where the request
        leaves them out. Pass `auto_decode: false` to skip that step.
        Requires the `vehicles:write` scope.

        Args:
            id: The owner's customer id.
            auto_decode: Set `false` to store the VIN as given, without validating or decoding it (for example a
                pre-1981 VIN). Defaults to `true`.
            color: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            license_plate: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            make: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            mileage: Odometer reading.
            model: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            trim: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            vin: 1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I, O or Q), which is then decoded.
            year: Model year.

        `POST /customers/{id}/vehicles` (`create_vehicle`)
        """
        data = await self._client._call("create_vehicle", given({"id": id}), given({"auto_decode": auto_decode, "color": color, "license_plate": license_plate, "make": make, "mileage": mileage, "model": model, "trim": trim, "vin": vin, "year": year}))
        return Vehicle._from_json(data)

    async def get(
        self,
        id: VehicleId,
        /,
    ) -> Vehicle:
        """Retrieve a vehicle

        Requires the `vehicles:read` scope.

        Args:
            id: The vehicle's id.

        `GET /vehicles/{id}` (`get_vehicle`)
        """
        data = await self._client._call("get_vehicle", given({"id": id}), None)
        return Vehicle._from_json(data)

    async def update(
        self,
        id: VehicleId,
        /,
        *,
        auto_decode: Union[Optional[bool], NotGiven] = NOT_GIVEN,
        color: Union[Optional[str], NotGiven] = NOT_GIVEN,
        license_plate: Union[Optional[str], NotGiven] = NOT_GIVEN,
        make: Union[Optional[str], NotGiven] = NOT_GIVEN,
        mileage: Union[Optional[int], NotGiven] = NOT_GIVEN,
        model: Union[Optional[str], NotGiven] = NOT_GIVEN,
        trim: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vin: Union[Optional[str], NotGiven] = NOT_GIVEN,
        year: Union[Optional[int], NotGiven] = NOT_GIVEN,
    ) -> Vehicle:
        """Update a vehicle

        A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
        (unless `auto_decode` is `false`) and its decoded year, make, model and trim replace the
        stored ones the request leaves out. Requires the `vehicles:write` scope.

        Args:
            id: The vehicle's id.
            auto_decode: Set `false` to store a new VIN as given, without validating or decoding it.
            color: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            license_plate: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            make: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            model: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            trim: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            vin: 1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I, O or Q), which is then decoded.

        `PUT /vehicles/{id}` (`update_vehicle`)
        """
        data = await self._client._call("update_vehicle", given({"id": id}), given({"auto_decode": auto_decode, "color": color, "license_plate": license_plate, "make": make, "mileage": mileage, "model": model, "trim": trim, "vin": vin, "year": year}))
        return Vehicle._from_json(data)

    async def delete(
        self,
        id: VehicleId,
        /,
    ) -> Deleted:
        """Delete a vehicle

        Deletes the vehicle and its jobs; invoices for it keep their lines and lose the `vehicle_id`.
        Requires the `vehicles:write` scope.

        Args:
            id: The vehicle's id.

        `DELETE /vehicles/{id}` (`delete_vehicle`)
        """
        data = await self._client._call("delete_vehicle", given({"id": id}), None)
        return Deleted._from_json(data)


class AsyncInvoicesResource:
    """The `invoices` operations: `async_client.invoices`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[Literal["draft", "sent", "paid", "void"], NotGiven] = NOT_GIVEN,
        customer_id: Union[CustomerId, NotGiven] = NOT_GIVEN,
        job_id: Union[JobId, NotGiven] = NOT_GIVEN,
        location_id: Union[LocationId, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[Invoice]:
        """List invoices

        Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `job_id` and
        `location_id`. Requires the `invoices:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            status: Only invoices in this status.

        `GET /invoices` (`list_invoices`)
        """
        return await AsyncPage._fetch(self._client, "list_invoices", given({"limit": limit, "offset": offset, "status": status, "customer_id": customer_id, "job_id": job_id, "location_id": location_id}), Invoice._from_json)

    async def create(
        self,
        *,
        customer_id: Union[Optional[CustomerId], NotGiven] = NOT_GIVEN,
        job_id: Union[Optional[JobId], NotGiven] = NOT_GIVEN,
        line_items: Union[Optional[List[NewLineItemParam]], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vehicle_id: Union[Optional[VehicleId], NotGiven] = NOT_GIVEN,
    ) -> Invoice:
        """Create an invoice

        Creates a `draft`. With `job_id` alone, the job's customer, vehicle, location and line items
        are copied (a cancelled job cannot be invoiced); otherwise `customer_id` is required and
        `vehicle_id` and `line_items` are optional. The shop's currency and tax rate are fixed on the
        invoice; `tax` is `subtotal × tax_rate_bps / 10000` rounded half up to the minor unit.
        Requires the `invoices:write` scope.

        Args:
            customer_id: Standalone invoices only.
            job_id: Invoice this job: copies its customer, vehicle, location and line items.
            line_items: Standalone invoices only: up to 100 lines.
            notes: Printed on the PDF.
            vehicle_id: Standalone invoices only: one of the customer's vehicles.

        `POST /invoices` (`create_invoice`)
        """
        data = await self._client._call("create_invoice", given({}), given({"customer_id": customer_id, "job_id": job_id, "line_items": line_items, "notes": notes, "vehicle_id": vehicle_id}))
        return Invoice._from_json(data)

    async def get(
        self,
        id: InvoiceId,
        /,
    ) -> Invoice:
        """Retrieve an invoice

        Once sent, the invoice carries a fresh signed `pdf_url`. Requires the `invoices:read` scope.

        Args:
            id: The invoice's id.

        `GET /invoices/{id}` (`get_invoice`)
        """
        data = await self._client._call("get_invoice", given({"id": id}), None)
        return Invoice._from_json(data)

    async def update(
        self,
        id: InvoiceId,
        /,
        *,
        line_items: Union[Optional[List[NewLineItemParam]], NotGiven] = NOT_GIVEN,
        notes: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> Invoice:
        """Update a draft invoice

        Changes `notes` and/or replaces `line_items` (totals are recomputed). Only drafts can be
        edited: a sent, paid or void invoice is a 409 `invoice_not_editable`. Requires the
        `invoices:write` scope.

        Args:
            id: The invoice's id.
            line_items: Replaces every line; up to 100.
            notes: `null` or `""` clears it.

        `PUT /invoices/{id}` (`update_invoice`)
        """
        data = await self._client._call("update_invoice", given({"id": id}), given({"line_items": line_items, "notes": notes}))
        return Invoice._from_json(data)

    async def pay(
        self,
        id: InvoiceId,
        /,
        *,
        amount: int,
        method: PaymentMethod,
        paid_at: Union[Optional[Union[datetime, str]], NotGiven] = NOT_GIVEN,
    ) -> Invoice:
        """Record payment of an invoice

        Marks a `sent` invoice `paid`. `amount` must equal the invoice's `total` (in minor units);
        `paid_at` defaults to now and cannot be in the future. A draft must be sent first; paid and
        void invoices cannot be paid (409 `invalid_status_transition`). Requires the
        `invoices:write` scope.

        Args:
            id: The invoice's id.
            amount: In minor units; must equal the invoice's `total` (partial payments are not supported).
            paid_at: When the money was received; defaults to now and cannot be in the future.

        `POST /invoices/{id}/pay` (`pay_invoice`)
        """
        data = await self._client._call("pay_invoice", given({"id": id}), given({"amount": amount, "method": method, "paid_at": paid_at}))
        return Invoice._from_json(data)

    async def send(
        self,
        id: InvoiceId,
        /,
    ) -> Invoice:
        """Send an invoice

        Renders the branded PDF (shop name and address, customer, vehicle, line items, subtotal, tax,
        total), stores it, and emails it as an attachment to the customer's email address. A `draft`
        becomes `sent`; sending a `sent` invoice again re-renders and re-sends it. Returns the
        invoice with its signed `pdf_url` (no API key needed, expires at `pdf_url_expires_at`) and
        the email's `message_id`. If the mail server fails, nothing changes and the reply is a 502.
        Requires the `invoices:write` scope.

        Args:
            id: The invoice's id.

        `POST /invoices/{id}/send` (`send_invoice`)
        """
        data = await self._client._call("send_invoice", given({"id": id}), None)
        return Invoice._from_json(data)

    async def void(
        self,
        id: InvoiceId,
        /,
    ) -> Invoice:
        """Void an invoice

        Cancels a `draft` or `sent` invoice; it stays on record as `void`. Paid invoices cannot be
        voided (409 `invalid_status_transition`). Requires the `invoices:write` scope.

        Args:
            id: The invoice's id.

        `POST /invoices/{id}/void` (`void_invoice`)
        """
        data = await self._client._call("void_invoice", given({"id": id}), None)
        return Invoice._from_json(data)


class AsyncJobsResource:
    """The `jobs` operations: `async_client.jobs`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[Literal["pending", "in-progress", "completed", "cancelled"], NotGiven] = NOT_GIVEN,
        customer_id: Union[CustomerId, NotGiven] = NOT_GIVEN,
        vehicle_id: Union[VehicleId, NotGiven] = NOT_GIVEN,
        location_id: Union[LocationId, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[Job]:
        """List jobs

        Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `vehicle_id`
        and `location_id`. Requires the `jobs:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            status: Only jobs in this status.

        `GET /jobs` (`list_jobs`)
        """
        return await AsyncPage._fetch(self._client, "list_jobs", given({"limit": limit, "offset": offset, "status": status, "customer_id": customer_id, "vehicle_id": vehicle_id, "location_id": location_id}), Job._from_json)

    async def create(
        self,
        *,
        customer_id: CustomerId,
        title: str,
        vehicle_id: VehicleId,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        line_items: Union[List[NewLineItemParam], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
    ) -> Job:
        """Create a job

        Opens a `pending` job for one of the customer's vehicles, at the customer's location (or
        `location_id`). Line item amounts and the subtotal are computed by the server. Requires the
        `jobs:write` scope.

        Args:
            title: One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
            vehicle_id: One of the customer's vehicles.
            description: Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none.
            line_items: Up to 100 lines.
            location_id: Defaults to the customer's location.

        `POST /jobs` (`create_job`)
        """
        data = await self._client._call("create_job", given({}), given({"customer_id": customer_id, "title": title, "vehicle_id": vehicle_id, "description": description, "line_items": line_items, "location_id": location_id}))
        return Job._from_json(data)

    async def get(
        self,
        id: JobId,
        /,
    ) -> Job:
        """Retrieve a job

        Requires the `jobs:read` scope.

        Args:
            id: The job's id.

        `GET /jobs/{id}` (`get_job`)
        """
        data = await self._client._call("get_job", given({"id": id}), None)
        return Job._from_json(data)

    async def update(
        self,
        id: JobId,
        /,
        *,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        line_items: Union[Optional[List[NewLineItemParam]], NotGiven] = NOT_GIVEN,
        location_id: Union[Optional[LocationId], NotGiven] = NOT_GIVEN,
        title: Union[Optional[str], NotGiven] = NOT_GIVEN,
        vehicle_id: Union[Optional[VehicleId], NotGiven] = NOT_GIVEN,
    ) -> Job:
        """Update a job

        A partial update of a `pending` or `in-progress` job: only the fields sent change, and
        `line_items`, when sent, replaces all lines. Completed and cancelled jobs cannot be edited
        (409 `job_not_editable`). To move a job on the board use `POST /jobs/{id}/status`. Requires
        the `jobs:write` scope.

        Args:
            id: The job's id.
            description: `null` or `""` clears it.
            line_items: Replaces every line; up to 100.
            title: One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
            vehicle_id: Another vehicle of the same customer.

        `PUT /jobs/{id}` (`update_job`)
        """
        data = await self._client._call("update_job", given({"id": id}), given({"description": description, "line_items": line_items, "location_id": location_id, "title": title, "vehicle_id": vehicle_id}))
        return Job._from_json(data)

    async def delete(
        self,
        id: JobId,
        /,
    ) -> Deleted:
        """Delete a job

        Deletes the job in any status. Invoices made from it keep their copied line items; their
        `job_id` becomes `null`. Requires the `jobs:write` scope.

        Args:
            id: The job's id.

        `DELETE /jobs/{id}` (`delete_job`)
        """
        data = await self._client._call("delete_job", given({"id": id}), None)
        return Deleted._from_json(data)

    async def change_status(
        self,
        id: JobId,
        /,
        *,
        status: JobStatus,
    ) -> Job:
        """Move a job on the board

        Changes the job's status. Allowed moves: `pending → in-progress`, `in-progress → pending`,
        `in-progress → completed`, and `pending` or `in-progress` → `cancelled`. `completed` and
        `cancelled` are final; any other move (or a move to the status the job already has) is a
        409 `invalid_status_transition`. Sets `started_at`, `completed_at` or `cancelled_at`.
        Requires the `jobs:write` scope.

        Args:
            id: The job's id.

        `POST /jobs/{id}/status` (`change_job_status`)
        """
        data = await self._client._call("change_job_status", given({"id": id}), given({"status": status}))
        return Job._from_json(data)


class AsyncLocationsResource:
    """The `locations` operations: `async_client.locations`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def list(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[Location]:
        """List locations

        The shop's locations (just its own for a location-limited key). Requires the
        `locations:read` scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /locations` (`list_locations`)
        """
        return await AsyncPage._fetch(self._client, "list_locations", given({"limit": limit, "offset": offset}), Location._from_json)


class AsyncPartsResource:
    """The `parts` operations: `async_client.parts`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def search(
        self,
        *,
        vin: Union[str, NotGiven] = NOT_GIVEN,
        vehicle_id: Union[VehicleId, NotGiven] = NOT_GIVEN,
        type: Union[str, NotGiven] = NOT_GIVEN,
        q: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncSearchPartsPage:
        """Search parts for a vehicle

        Finds the catalog's parts that fit the vehicle given by `vin` (decoded with NHTSA's vPIC data
        to make, model and model year) or `vehicle_id` (its stored make, model and year), optionally
        only of one `type` and matching the words in `q`. A part fits when one of its fitments names
        the vehicle's make, covers its year and names its model (or every model); a model also goes by
        the names catalogs use for it (vPIC's `328i` is a `3 Series`). `fitment_basis` is
        `make_model_year` then; when the model is unknown (a VIN vPIC cannot decode to a model, or a
        vehicle without one) it is `make_year`: the parts fit some model of that make and year.
        Each part carries its OEM cross-references and the stock at the caller's locations. Paged
        with `limit`/`offset`, in catalog order. Requires the `parts:read` scope (and `vehicles:read`
        with `vehicle_id`).

        Args:
            vin: The vehicle's VIN; decoded to make and model year (and model, where the decoder knows
                it). Give this or `vehicle_id`, not both (422 otherwise).
            vehicle_id: One of the shop's vehicles; its stored make, model and year are used. Also needs the
                `vehicles:read` scope. Give this or `vin`, not both (422 otherwise).
            type: Only parts of this type, e.g. `brake-pads`, `oil-filter`, `spark-plugs`; a type the
                catalog does not have is a 404 that lists the ones it has.
            q: Words to find in the part's name, brand, part number, OEM numbers or description (each
                word a prefix, all words required), e.g. `ceramic` or `45022`. Words are runs of letters
                and digits; a `q` with none matches no part.
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /parts/search` (`search_parts`)
        """
        return await AsyncSearchPartsPage._fetch(self._client, "search_parts", given({"vin": vin, "vehicle_id": vehicle_id, "type": type, "q": q, "limit": limit, "offset": offset}), Part._from_json)


class AsyncVinResource:
    """The `vin` operations: `async_client.vin`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def decode(
        self,
        vin: str,
        /,
    ) -> DecodedVin:
        """Decode a VIN

        Validates the VIN's structure (ISO 3779: 17 characters, no I, O or Q; the check digit at
        position 9 where it is mandatory) and decodes it with NHTSA's vPIC data (an offline copy):
        make, model, model year, trim, series, body class, vehicle type, drive type, engine, fuel,
        plant and manufacturer, plus the VIN's own structure (WMI country, plant code, serial
        number). Fields the data does not give are `null`; `source` says whether vPIC answered or,
        when the server runs without the data or vPIC does not know the WMI, the embedded WMI table
        alone. Requires the `vin:decode` scope.

        Args:
            vin: The VIN to decode (case-insensitive).

        `GET /vin/{vin}` (`decode_vin`)
        """
        data = await self._client._call("decode_vin", given({"vin": vin}), None)
        return DecodedVin._from_json(data)


class AsyncWebhooksResource:
    """The `webhooks` operations: `async_client.webhooks`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def get_delivery(
        self,
        id: DeliveryId,
        /,
    ) -> WebhookDeliveryDetail:
        """Retrieve a delivery

        The delivery with the exact request body it sends and every attempt: when, the receiver's
        status, the first 1 KiB of its answer, how long it took, and any error. Requires the
        `webhooks:manage` scope.

        Args:
            id: The delivery's id (the `X-VinSnap-Delivery` header).

        `GET /webhook-deliveries/{id}` (`get_webhook_delivery`)
        """
        data = await self._client._call("get_webhook_delivery", given({"id": id}), None)
        return WebhookDeliveryDetail._from_json(data)

    async def retry_delivery(
        self,
        id: DeliveryId,
        /,
    ) -> WebhookDelivery:
        """Retry a delivery

        Makes the delivery due now, whatever its state: the dispatcher sends it within a second,
        with the same delivery id and body, and logs the attempt. If that attempt fails, the retry
        schedule continues from where the delivery was. Requires the `webhooks:manage` scope.

        Args:
            id: The delivery's id.

        `POST /webhook-deliveries/{id}/retry` (`retry_webhook_delivery`)
        """
        data = await self._client._call("retry_webhook_delivery", given({"id": id}), None)
        return WebhookDelivery._from_json(data)

    async def list_endpoints(
        self,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[WebhookEndpoint]:
        """List webhook endpoints

        The shop's endpoints of the calling key's mode, newest first. Requires the `webhooks:manage`
        scope.

        Args:
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).

        `GET /webhooks` (`list_webhook_endpoints`)
        """
        return await AsyncPage._fetch(self._client, "list_webhook_endpoints", given({"limit": limit, "offset": offset}), WebhookEndpoint._from_json)

    async def create_endpoint(
        self,
        *,
        events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]],
        url: str,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint

        Registers a public HTTPS URL to receive the events named in `events` (or `["*"]` for all),
        as signed POSTs. At most 10 endpoints per shop and mode. The signing `secret` is in this
        response only. Requires the `webhooks:manage` scope.

        Args:
            events: Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event.
            url: A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and fragment. A host that is or resolves to a private, loopback or other internal address is refused (422), and so is an `http://` loopback URL, which only a server run for local development (`--allow-local-webhooks`) takes.
            description: A label.

        `POST /webhooks` (`create_webhook_endpoint`)
        """
        data = await self._client._call("create_webhook_endpoint", given({}), given({"events": events, "url": url, "description": description}))
        return WebhookEndpointWithSecret._from_json(data)

    async def get_endpoint(
        self,
        id: WebhookEndpointId,
        /,
    ) -> WebhookEndpoint:
        """Retrieve a webhook endpoint

        The endpoint's settings and state; never its secret. Requires the `webhooks:manage` scope.

        Args:
            id: The endpoint's id.

        `GET /webhooks/{id}` (`get_webhook_endpoint`)
        """
        data = await self._client._call("get_webhook_endpoint", given({"id": id}), None)
        return WebhookEndpoint._from_json(data)

    async def update_endpoint(
        self,
        id: WebhookEndpointId,
        /,
        *,
        active: Union[Optional[bool], NotGiven] = NOT_GIVEN,
        description: Union[Optional[str], NotGiven] = NOT_GIVEN,
        events: Union[Optional[List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]], NotGiven] = NOT_GIVEN,
        url: Union[Optional[str], NotGiven] = NOT_GIVEN,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint

        A partial update: only the fields sent change. `active: false` stops deliveries (pending
        ones fail); `active: true` re-enables an endpoint and resets `consecutive_failures`.
        Requires the `webhooks:manage` scope.

        Args:
            id: The endpoint's id.
            active: `false` stops deliveries; `true` re-enables the endpoint and resets
                `consecutive_failures`.
            description: One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none.
            events: Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event.
            url: A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and fragment. A host that is or resolves to a private, loopback or other internal address is refused (422), and so is an `http://` loopback URL, which only a server run for local development (`--allow-local-webhooks`) takes.

        `PUT /webhooks/{id}` (`update_webhook_endpoint`)
        """
        data = await self._client._call("update_webhook_endpoint", given({"id": id}), given({"active": active, "description": description, "events": events, "url": url}))
        return WebhookEndpoint._from_json(data)

    async def delete_endpoint(
        self,
        id: WebhookEndpointId,
        /,
    ) -> Deleted:
        """Delete a webhook endpoint

        Deletes the endpoint and its delivery logs. Nothing more is sent to it, including deliveries
        that were waiting for a retry. Requires the `webhooks:manage` scope.

        Args:
            id: The endpoint's id.

        `DELETE /webhooks/{id}` (`delete_webhook_endpoint`)
        """
        data = await self._client._call("delete_webhook_endpoint", given({"id": id}), None)
        return Deleted._from_json(data)

    async def list_deliveries(
        self,
        id: WebhookEndpointId,
        /,
        *,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        offset: Union[int, NotGiven] = NOT_GIVEN,
        status: Union[DeliveryStatus, NotGiven] = NOT_GIVEN,
        event_type: Union[EventType, NotGiven] = NOT_GIVEN,
    ) -> AsyncPage[WebhookDelivery]:
        """List an endpoint's deliveries

        Newest first, kept for 30 days; filter by `status` and `event_type`. Requires the
        `webhooks:manage` scope.

        Args:
            id: The endpoint's id.
            limit: Page size, 1 to 100 (default 50).
            offset: How many results to skip (default 0).
            status: Only deliveries in this state.
            event_type: Only deliveries of this event type.

        `GET /webhooks/{id}/deliveries` (`list_webhook_deliveries`)
        """
        return await AsyncPage._fetch(self._client, "list_webhook_deliveries", given({"id": id, "limit": limit, "offset": offset, "status": status, "event_type": event_type}), WebhookDelivery._from_json)

    async def rotate_secret(
        self,
        id: WebhookEndpointId,
        /,
    ) -> WebhookEndpointWithSecret:
        """Rotate the signing secret

        Issues a new signing secret, returned in this response only. For the next 24 hours every
        delivery carries two signatures in `X-VinSnap-Signature` (new secret first, then the old
        one), so receivers can switch over without dropping events. Requires the `webhooks:manage`
        scope.

        Args:
            id: The endpoint's id.

        `POST /webhooks/{id}/rotate-secret` (`rotate_webhook_secret`)
        """
        data = await self._client._call("rotate_webhook_secret", given({"id": id}), None)
        return WebhookEndpointWithSecret._from_json(data)

    async def test_endpoint(
        self,
        id: WebhookEndpointId,
        /,
    ) -> WebhookTestResult:
        """Send a test event

        Sends a signed `ping` event to the endpoint now and reports how it answered, as
        `{success, status_code, response_time_ms, message}`. Works on disabled endpoints too, to
        check a receiver before re-enabling it. The ping appears in the delivery log; it is not
        retried and does not count toward `consecutive_failures`. Requires the `webhooks:manage`
        scope.

        Args:
            id: The endpoint's id.

        `POST /webhooks/{id}/test` (`test_webhook_endpoint`)
        """
        data = await self._client._call("test_webhook_endpoint", given({"id": id}), None)
        return WebhookTestResult._from_json(data)


class ClientResources:
    """The resources of `vinsnap.Client`, one attribute per tag of the spec."""

    api_keys: ApiKeysResource
    customers: CustomersResource
    vehicles: VehiclesResource
    invoices: InvoicesResource
    jobs: JobsResource
    locations: LocationsResource
    parts: PartsResource
    vin: VinResource
    webhooks: WebhooksResource

    def _attach_resources(self, client: SyncCaller) -> None:
        self.api_keys = ApiKeysResource(client)
        self.customers = CustomersResource(client)
        self.vehicles = VehiclesResource(client)
        self.invoices = InvoicesResource(client)
        self.jobs = JobsResource(client)
        self.locations = LocationsResource(client)
        self.parts = PartsResource(client)
        self.vin = VinResource(client)
        self.webhooks = WebhooksResource(client)


class AsyncClientResources:
    """The resources of `vinsnap.AsyncClient`, one attribute per tag of the spec."""

    api_keys: AsyncApiKeysResource
    customers: AsyncCustomersResource
    vehicles: AsyncVehiclesResource
    invoices: AsyncInvoicesResource
    jobs: AsyncJobsResource
    locations: AsyncLocationsResource
    parts: AsyncPartsResource
    vin: AsyncVinResource
    webhooks: AsyncWebhooksResource

    def _attach_resources(self, client: AsyncCaller) -> None:
        self.api_keys = AsyncApiKeysResource(client)
        self.customers = AsyncCustomersResource(client)
        self.vehicles = AsyncVehiclesResource(client)
        self.invoices = AsyncInvoicesResource(client)
        self.jobs = AsyncJobsResource(client)
        self.locations = AsyncLocationsResource(client)
        self.parts = AsyncPartsResource(client)
        self.vin = AsyncVinResource(client)
        self.webhooks = AsyncWebhooksResource(client)
