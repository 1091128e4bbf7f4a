# Response models: one class per object schema of the spec, an alias per other schema.
#
# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
# Regenerate with `cargo run -q -p vinsnap-codegen`.

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Union

from .._models import JsonValue, Model, decode_any_of, parse_date, parse_datetime

__all__ = [
    "ApiKey",
    "ApiKeyId",
    "ApiKeyList",
    "ChangeJobStatus",
    "CreateApiKey",
    "CreateCustomer",
    "CreateInvoice",
    "CreateJob",
    "CreateVehicle",
    "CreateWebhookEndpoint",
    "CreatedApiKey",
    "Customer",
    "CustomerId",
    "CustomerList",
    "DecodeSource",
    "DecodedVin",
    "Deleted",
    "DeliveryId",
    "DeliveryStatus",
    "DisabledReason",
    "EndpointStatus",
    "ErrorBody",
    "ErrorEnvelope",
    "Event",
    "EventId",
    "EventType",
    "Fitment",
    "FitmentBasis",
    "Invoice",
    "InvoiceId",
    "InvoiceList",
    "InvoiceStatus",
    "Job",
    "JobId",
    "JobList",
    "JobStatus",
    "LineItem",
    "LineItemKind",
    "Location",
    "LocationId",
    "LocationList",
    "Mode",
    "ModelYearBasis",
    "NewLineItem",
    "OemNumber",
    "Part",
    "PartId",
    "PartSearch",
    "PayInvoice",
    "PaymentMethod",
    "Scope",
    "SearchedVehicle",
    "StockLevel",
    "UpdateCustomer",
    "UpdateInvoice",
    "UpdateJob",
    "UpdateVehicle",
    "UpdateWebhookEndpoint",
    "Vehicle",
    "VehicleId",
    "VehicleList",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookDeliveryDetail",
    "WebhookDeliveryList",
    "WebhookEndpoint",
    "WebhookEndpointId",
    "WebhookEndpointList",
    "WebhookEndpointWithSecret",
    "WebhookTestResult",
    "PingData",
    "PingEventData",
]


class ApiKey(Model):
    """An API key. The secret itself is shown only once, when the key is created."""

    __slots__ = ("created_at", "id", "last_used_at", "location_id", "mode", "name", "redacted", "scopes")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("created_at", "created_at", True),
        ("id", "id", True),
        ("last_used_at", "last_used_at", False),
        ("location_id", "location_id", False),
        ("mode", "mode", True),
        ("name", "name", True),
        ("redacted", "redacted", True),
        ("scopes", "scopes", True),
    )

    created_at: datetime
    id: ApiKeyId
    last_used_at: Optional[datetime]
    location_id: Optional[LocationId]
    """Set when the key is limited to one location."""
    mode: Mode
    """`test` keys work on sandbox data, `live` keys on production data."""
    name: str
    """A label to tell keys apart."""
    redacted: str
    """The secret's prefix and last four characters, to recognise it by."""
    scopes: List[Scope]

    def __init__(
        self,
        *,
        created_at: datetime,
        id: ApiKeyId,
        mode: Mode,
        name: str,
        redacted: str,
        scopes: List[Scope],
        last_used_at: Optional[datetime] = None,
        location_id: Optional[LocationId] = None,
    ) -> None:
        self.created_at = created_at
        self.id = id
        self.last_used_at = last_used_at
        self.location_id = location_id
        self.mode = mode
        self.name = name
        self.redacted = redacted
        self.scopes = scopes

    @classmethod
    def _from_json(cls, d: Any) -> ApiKey:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.id = d["id"]
        self.last_used_at = None if (v0 := d.get("last_used_at")) is None else parse_datetime(v0)
        self.location_id = d.get("location_id")
        self.mode = d["mode"]
        self.name = d["name"]
        self.redacted = d["redacted"]
        self.scopes = d["scopes"]
        return self


ApiKeyId = str
"""A API key id."""


class ApiKeyList(Model):
    """A page of API keys, newest first. Revoked keys are not listed."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[ApiKey]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[ApiKey],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> ApiKeyList:
        self = cls.__new__(cls)
        self.data = [ApiKey._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


class ChangeJobStatus(Model):
    """A move on the board."""

    __slots__ = ("status",)
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("status", "status", True),
    )

    status: JobStatus

    def __init__(
        self,
        *,
        status: JobStatus,
    ) -> None:
        self.status = status

    @classmethod
    def _from_json(cls, d: Any) -> ChangeJobStatus:
        self = cls.__new__(cls)
        self.status = d["status"]
        return self


class CreateApiKey(Model):
    """A new key. Its mode is the calling key's mode; its scopes and location can only narrow the
    calling key's, never widen them.
    """

    __slots__ = ("location_id", "name", "scopes")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("location_id", "location_id", False),
        ("name", "name", False),
        ("scopes", "scopes", False),
    )

    location_id: Optional[LocationId]
    """Limit the key to one location. Defaults to the calling key's location, if it has one."""
    name: Optional[str]
    """A label to tell keys apart."""
    scopes: Optional[List[Scope]]
    """Defaults to the calling key's scopes; at least one, and no more items than there are
    scopes.
    """

    def __init__(
        self,
        *,
        location_id: Optional[LocationId] = None,
        name: Optional[str] = None,
        scopes: Optional[List[Scope]] = None,
    ) -> None:
        self.location_id = location_id
        self.name = name
        self.scopes = scopes

    @classmethod
    def _from_json(cls, d: Any) -> CreateApiKey:
        self = cls.__new__(cls)
        self.location_id = d.get("location_id")
        self.name = d.get("name")
        self.scopes = d.get("scopes")
        return self


class CreateCustomer(Model):
    """Fields of a new customer."""

    __slots__ = ("email", "location_id", "name", "notes", "phone")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("email", "email", False),
        ("location_id", "location_id", False),
        ("name", "name", True),
        ("notes", "notes", False),
        ("phone", "phone", False),
    )

    email: Optional[str]
    """An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""` means none."""
    location_id: Optional[LocationId]
    """Defaults to the key's location, or the shop's first location for unrestricted keys."""
    name: str
    """Full name.

    One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed.
    """
    notes: Optional[str]
    """Free-form notes for the shop's staff."""
    phone: Optional[str]
    """As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `""` means none."""

    def __init__(
        self,
        *,
        name: str,
        email: Optional[str] = None,
        location_id: Optional[LocationId] = None,
        notes: Optional[str] = None,
        phone: Optional[str] = None,
    ) -> None:
        self.email = email
        self.location_id = location_id
        self.name = name
        self.notes = notes
        self.phone = phone

    @classmethod
    def _from_json(cls, d: Any) -> CreateCustomer:
        self = cls.__new__(cls)
        self.email = d.get("email")
        self.location_id = d.get("location_id")
        self.name = d["name"]
        self.notes = d.get("notes")
        self.phone = d.get("phone")
        return self


class CreateInvoice(Model):
    """A new draft invoice: either from a job (`job_id` alone: the job's customer, vehicle and
    lines are copied) or standalone (`customer_id`, optionally `vehicle_id` and `line_items`).
    """

    __slots__ = ("customer_id", "job_id", "line_items", "notes", "vehicle_id")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("customer_id", "customer_id", False),
        ("job_id", "job_id", False),
        ("line_items", "line_items", False),
        ("notes", "notes", False),
        ("vehicle_id", "vehicle_id", False),
    )

    customer_id: Optional[CustomerId]
    """Standalone invoices only."""
    job_id: Optional[JobId]
    """Invoice this job: copies its customer, vehicle, location and line items."""
    line_items: Optional[List[NewLineItem]]
    """Standalone invoices only: up to 100 lines."""
    notes: Optional[str]
    """Printed on the PDF."""
    vehicle_id: Optional[VehicleId]
    """Standalone invoices only: one of the customer's vehicles."""

    def __init__(
        self,
        *,
        customer_id: Optional[CustomerId] = None,
        job_id: Optional[JobId] = None,
        line_items: Optional[List[NewLineItem]] = None,
        notes: Optional[str] = None,
        vehicle_id: Optional[VehicleId] = None,
    ) -> None:
        self.customer_id = customer_id
        self.job_id = job_id
        self.line_items = line_items
        self.notes = notes
        self.vehicle_id = vehicle_id

    @classmethod
    def _from_json(cls, d: Any) -> CreateInvoice:
        self = cls.__new__(cls)
        self.customer_id = d.get("customer_id")
        self.job_id = d.get("job_id")
        self.line_items = None if (v0 := d.get("line_items")) is None else [NewLineItem._from_json(v1) for v1 in v0]
        self.notes = d.get("notes")
        self.vehicle_id = d.get("vehicle_id")
        return self


class CreateJob(Model):
    """A new job. It starts `pending`."""

    __slots__ = ("customer_id", "description", "line_items", "location_id", "title", "vehicle_id")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("customer_id", "customer_id", True),
        ("description", "description", False),
        ("line_items", "line_items", False),
        ("location_id", "location_id", False),
        ("title", "title", True),
        ("vehicle_id", "vehicle_id", True),
    )

    customer_id: CustomerId
    description: Optional[str]
    """Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none."""
    line_items: Optional[List[NewLineItem]]
    """Up to 100 lines."""
    location_id: Optional[LocationId]
    """Defaults to the customer's location."""
    title: str
    """One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed."""
    vehicle_id: VehicleId
    """One of the customer's vehicles."""

    def __init__(
        self,
        *,
        customer_id: CustomerId,
        title: str,
        vehicle_id: VehicleId,
        description: Optional[str] = None,
        line_items: Optional[List[NewLineItem]] = None,
        location_id: Optional[LocationId] = None,
    ) -> None:
        self.customer_id = customer_id
        self.description = description
        self.line_items = line_items
        self.location_id = location_id
        self.title = title
        self.vehicle_id = vehicle_id

    @classmethod
    def _from_json(cls, d: Any) -> CreateJob:
        self = cls.__new__(cls)
        self.customer_id = d["customer_id"]
        self.description = d.get("description")
        self.line_items = None if (v0 := d.get("line_items")) is None else [NewLineItem._from_json(v1) for v1 in v0]
        self.location_id = d.get("location_id")
        self.title = d["title"]
        self.vehicle_id = d["vehicle_id"]
        return self


class CreateVehicle(Model):
    """Fields of a new vehicle. With a `vin`, the VIN is validated and decoded, and the decoded
    year, make, model and trim fill whichever of those fields the request leaves out.
    """

    __slots__ = ("auto_decode", "color", "license_plate", "make", "mileage", "model", "trim", "vin", "year")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("auto_decode", "auto_decode", False),
        ("color", "color", False),
        ("license_plate", "license_plate", False),
        ("make", "make", False),
        ("mileage", "mileage", False),
        ("model", "model", False),
        ("trim", "trim", False),
        ("vin", "vin", False),
        ("year", "year", False),
    )

    auto_decode: Optional[bool]
    """Set `false` to store the VIN as given, without validating or decoding it (for example a
    pre-1981 VIN). Defaults to `true`.
    """
    color: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    license_plate: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    make: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    mileage: Optional[int]
    """Odometer reading."""
    model: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    trim: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    vin: Optional[str]
    """1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I, O or Q), which is then decoded."""
    year: Optional[int]
    """Model year."""

    def __init__(
        self,
        *,
        auto_decode: Optional[bool] = None,
        color: Optional[str] = None,
        license_plate: Optional[str] = None,
        make: Optional[str] = None,
        mileage: Optional[int] = None,
        model: Optional[str] = None,
        trim: Optional[str] = None,
        vin: Optional[str] = None,
        year: Optional[int] = None,
    ) -> None:
        self.auto_decode = auto_decode
        self.color = color
        self.license_plate = license_plate
        self.make = make
        self.mileage = mileage
        self.model = model
        self.trim = trim
        self.vin = vin
        self.year = year

    @classmethod
    def _from_json(cls, d: Any) -> CreateVehicle:
        self = cls.__new__(cls)
        self.auto_decode = d.get("auto_decode")
        self.color = d.get("color")
        self.license_plate = d.get("license_plate")
        self.make = d.get("make")
        self.mileage = d.get("mileage")
        self.model = d.get("model")
        self.trim = d.get("trim")
        self.vin = d.get("vin")
        self.year = d.get("year")
        return self


class CreateWebhookEndpoint(Model):
    """A new endpoint."""

    __slots__ = ("description", "events", "url")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("description", "description", False),
        ("events", "events", True),
        ("url", "url", True),
    )

    description: Optional[str]
    """A label."""
    events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]
    """Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event."""
    url: str
    """A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and fragment. A host that is or resolves to a private, loopback or other internal address is refused (422), and so is an `http://` loopback URL, which only a server run for local development (`--allow-local-webhooks`) takes."""

    def __init__(
        self,
        *,
        events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]],
        url: str,
        description: Optional[str] = None,
    ) -> None:
        self.description = description
        self.events = events
        self.url = url

    @classmethod
    def _from_json(cls, d: Any) -> CreateWebhookEndpoint:
        self = cls.__new__(cls)
        self.description = d.get("description")
        self.events = d["events"]
        self.url = d["url"]
        return self


class CreatedApiKey(Model):
    """A new API key, with its secret. Store the secret now: it is never shown again."""

    __slots__ = ("created_at", "id", "last_used_at", "location_id", "mode", "name", "redacted", "scopes", "secret")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("created_at", "created_at", True),
        ("id", "id", True),
        ("last_used_at", "last_used_at", False),
        ("location_id", "location_id", False),
        ("mode", "mode", True),
        ("name", "name", True),
        ("redacted", "redacted", True),
        ("scopes", "scopes", True),
        ("secret", "secret", True),
    )

    created_at: datetime
    id: ApiKeyId
    last_used_at: Optional[datetime]
    location_id: Optional[LocationId]
    """Set when the key is limited to one location."""
    mode: Mode
    """`test` keys work on sandbox data, `live` keys on production data."""
    name: str
    """A label to tell keys apart."""
    redacted: str
    """The secret's prefix and last four characters, to recognise it by."""
    scopes: List[Scope]
    secret: str
    """The bearer token (`vsk_test_…` or `vsk_live_…`)."""

    def __init__(
        self,
        *,
        created_at: datetime,
        id: ApiKeyId,
        mode: Mode,
        name: str,
        redacted: str,
        scopes: List[Scope],
        secret: str,
        last_used_at: Optional[datetime] = None,
        location_id: Optional[LocationId] = None,
    ) -> None:
        self.created_at = created_at
        self.id = id
        self.last_used_at = last_used_at
        self.location_id = location_id
        self.mode = mode
        self.name = name
        self.redacted = redacted
        self.scopes = scopes
        self.secret = secret

    @classmethod
    def _from_json(cls, d: Any) -> CreatedApiKey:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.id = d["id"]
        self.last_used_at = None if (v0 := d.get("last_used_at")) is None else parse_datetime(v0)
        self.location_id = d.get("location_id")
        self.mode = d["mode"]
        self.name = d["name"]
        self.redacted = d["redacted"]
        self.scopes = d["scopes"]
        self.secret = d["secret"]
        return self


class Customer(Model):
    """A customer of the shop."""

    __slots__ = ("created_at", "email", "id", "livemode", "location_id", "name", "notes", "phone", "updated_at")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("created_at", "created_at", True),
        ("email", "email", False),
        ("id", "id", True),
        ("livemode", "livemode", True),
        ("location_id", "location_id", True),
        ("name", "name", True),
        ("notes", "notes", False),
        ("phone", "phone", False),
        ("updated_at", "updated_at", True),
    )

    created_at: datetime
    email: Optional[str]
    id: CustomerId
    livemode: bool
    """`true` for production data (live keys), `false` for sandbox data (test keys)."""
    location_id: LocationId
    """The location the customer belongs to. Keys limited to a location see only its customers."""
    name: str
    """Full name."""
    notes: Optional[str]
    """Free-form notes for the shop's staff."""
    phone: Optional[str]
    updated_at: datetime

    def __init__(
        self,
        *,
        created_at: datetime,
        id: CustomerId,
        livemode: bool,
        location_id: LocationId,
        name: str,
        updated_at: datetime,
        email: Optional[str] = None,
        notes: Optional[str] = None,
        phone: Optional[str] = None,
    ) -> None:
        self.created_at = created_at
        self.email = email
        self.id = id
        self.livemode = livemode
        self.location_id = location_id
        self.name = name
        self.notes = notes
        self.phone = phone
        self.updated_at = updated_at

    @classmethod
    def _from_json(cls, d: Any) -> Customer:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.email = d.get("email")
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.location_id = d["location_id"]
        self.name = d["name"]
        self.notes = d.get("notes")
        self.phone = d.get("phone")
        self.updated_at = parse_datetime(d["updated_at"])
        return self


CustomerId = str
"""A customer id."""


class CustomerList(Model):
    """A page of customers, newest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[Customer]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[Customer],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> CustomerList:
        self = cls.__new__(cls)
        self.data = [Customer._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


DecodeSource = Literal["vpic", "wmi_table"]
"""What the decode is based on."""


class DecodedVin(Model):
    """A VIN decoded into its ISO 3779 parts and, from NHTSA's vPIC data, the
    vehicle it describes: make, model, model year, trim, body, engine and plant.
    `source` says which data answered. Fields that cannot be known are `null`.
    """

    __slots__ = ("body_class", "check_digit", "check_digit_required", "check_digit_valid", "country", "drive_type", "engine_cylinders", "engine_displacement_l", "expected_check_digit", "fuel_type", "make", "manufacturer", "model", "model_year", "model_year_basis", "plant_city", "plant_code", "plant_country", "plant_state", "region", "serial_number", "series", "small_manufacturer_code", "source", "trim", "vds", "vehicle_type", "vin", "vis", "wmi")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("body_class", "body_class", False),
        ("check_digit", "check_digit", True),
        ("check_digit_required", "check_digit_required", True),
        ("check_digit_valid", "check_digit_valid", True),
        ("country", "country", False),
        ("drive_type", "drive_type", False),
        ("engine_cylinders", "engine_cylinders", False),
        ("engine_displacement_l", "engine_displacement_l", False),
        ("expected_check_digit", "expected_check_digit", True),
        ("fuel_type", "fuel_type", False),
        ("make", "make", False),
        ("manufacturer", "manufacturer", False),
        ("model", "model", False),
        ("model_year", "model_year", False),
        ("model_year_basis", "model_year_basis", False),
        ("plant_city", "plant_city", False),
        ("plant_code", "plant_code", True),
        ("plant_country", "plant_country", False),
        ("plant_state", "plant_state", False),
        ("region", "region", True),
        ("serial_number", "serial_number", True),
        ("series", "series", False),
        ("small_manufacturer_code", "small_manufacturer_code", False),
        ("source", "source", True),
        ("trim", "trim", False),
        ("vds", "vds", True),
        ("vehicle_type", "vehicle_type", False),
        ("vin", "vin", True),
        ("vis", "vis", True),
        ("wmi", "wmi", True),
    )

    body_class: Optional[str]
    """Body class, e.g. "Coupe" or "Sport Utility Vehicle (SUV)/Multi-Purpose
    Vehicle (MPV)" (vPIC).
    """
    check_digit: str
    """Position 9 as it appears in the VIN."""
    check_digit_required: bool
    """Whether this VIN's region mandates the check digit: North America
    (WMI starting 1-5, or 7F-70) and China (`L`). There an invalid check
    digit is rejected with 400 `invalid_vin`; elsewhere it is only reported.
    """
    check_digit_valid: bool
    """Whether `check_digit` equals `expected_check_digit`."""
    country: Optional[str]
    """Country the WMI was allocated to (ISO 3780 ranges), e.g. "United States"."""
    drive_type: Optional[str]
    """Drive type, e.g. "AWD/All-Wheel Drive" (vPIC; the published data has it
    for few models).
    """
    engine_cylinders: Optional[int]
    """Number of engine cylinders (vPIC)."""
    engine_displacement_l: Optional[float]
    """Engine displacement in litres, to one decimal (vPIC)."""
    expected_check_digit: str
    """The check digit the other 16 characters compute to (`0`-`9` or `X`),
    using the North American transliteration and weights, mod 11.
    """
    fuel_type: Optional[str]
    """Primary fuel type, e.g. "Gasoline", "Electric" (vPIC)."""
    make: Optional[str]
    """Make (brand), e.g. "Honda": vPIC's make of the decoded model (or of the
    WMI when it has one make only), else the embedded WMI table's.
    """
    manufacturer: Optional[str]
    """Manufacturer: the company vPIC registers the WMI to (e.g. "AMERICAN HONDA
    MOTOR CO., INC."); with `wmi_table`, the company group that owns the make,
    e.g. "Honda Motor Co., Ltd." (`null` when not unambiguous).
    """
    model: Optional[str]
    """Model, e.g. "Accord" (vPIC)."""
    model_year: Optional[int]
    """Model year from position 10. The code repeats every 30 years; see
    `model_year_basis` for how the cycle was chosen. `null` if position 10
    is not a year code (U, Z, 0).
    """
    model_year_basis: Optional[ModelYearBasis]
    """How `model_year` was resolved; `null` when there is no model year.
    `position_7`: position 7 a digit means 1980-2009, a letter 2010-2039
    (passenger cars and MPVs). `most_recent_cycle`: the VIN has no cycle
    marker and the later reading is too far ahead. `vpic_schemas`: vPIC
    decoded both 30-year readings (trucks, buses, motorcycles, trailers) or
    found schemas for only one, and kept the one that decodes.
    """
    plant_city: Optional[str]
    """City of the assembly plant, e.g. "MARYSVILLE" (vPIC)."""
    plant_code: str
    """Assembly plant code, position 11 (manufacturer-specific)."""
    plant_country: Optional[str]
    """Country of the assembly plant, e.g. "UNITED STATES (USA)" (vPIC)."""
    plant_state: Optional[str]
    """State or province of the assembly plant, e.g. "OHIO" (vPIC)."""
    region: str
    """Region of the first character (ISO 3780): North America, South
    America, Europe, Asia, Africa or Oceania.
    """
    serial_number: str
    """Production sequence, positions 12-17. For small manufacturers (WMI
    third character `9`) positions 12-14 identify the manufacturer instead.
    """
    series: Optional[str]
    """Series, e.g. "1500" for a pickup line (vPIC)."""
    small_manufacturer_code: Optional[str]
    """Positions 12-14 when the WMI's third character is `9`: the code that,
    with the WMI, identifies a manufacturer building fewer than 1,000
    vehicles a year.
    """
    source: DecodeSource
    """What the decode is based on. `vpic`: NHTSA's vPIC pattern tables (an
    offline copy) decoded the vehicle. `wmi_table`: only the embedded WMI
    table answered, because the server runs without the vPIC data or vPIC
    does not know this WMI; make, manufacturer, country and model year come
    from positions 1-3 and 10, and `model`, `trim` and the other vehicle
    fields are `null`.
    """
    trim: Optional[str]
    """Trim, e.g. "EX-V6" (vPIC)."""
    vds: str
    """Vehicle Descriptor Section, positions 4-8 (manufacturer-specific
    model, body and engine codes).
    """
    vehicle_type: Optional[str]
    """Vehicle type, e.g. "Passenger Car", "Truck", "Motorcycle" (vPIC)."""
    vin: str
    """The VIN as decoded: trimmed and uppercased, always 17 characters."""
    vis: str
    """Vehicle Identifier Section, positions 10-17 (model year, plant,
    serial number).
    """
    wmi: str
    """World Manufacturer Identifier, positions 1-3."""

    def __init__(
        self,
        *,
        check_digit: str,
        check_digit_required: bool,
        check_digit_valid: bool,
        expected_check_digit: str,
        plant_code: str,
        region: str,
        serial_number: str,
        source: DecodeSource,
        vds: str,
        vin: str,
        vis: str,
        wmi: str,
        body_class: Optional[str] = None,
        country: Optional[str] = None,
        drive_type: Optional[str] = None,
        engine_cylinders: Optional[int] = None,
        engine_displacement_l: Optional[float] = None,
        fuel_type: Optional[str] = None,
        make: Optional[str] = None,
        manufacturer: Optional[str] = None,
        model: Optional[str] = None,
        model_year: Optional[int] = None,
        model_year_basis: Optional[ModelYearBasis] = None,
        plant_city: Optional[str] = None,
        plant_country: Optional[str] = None,
        plant_state: Optional[str] = None,
        series: Optional[str] = None,
        small_manufacturer_code: Optional[str] = None,
        trim: Optional[str] = None,
        vehicle_type: Optional[str] = None,
    ) -> None:
        self.body_class = body_class
        self.check_digit = check_digit
        self.check_digit_required = check_digit_required
        self.check_digit_valid = check_digit_valid
        self.country = country
        self.drive_type = drive_type
        self.engine_cylinders = engine_cylinders
        self.engine_displacement_l = engine_displacement_l
        self.expected_check_digit = expected_check_digit
        self.fuel_type = fuel_type
        self.make = make
        self.manufacturer = manufacturer
        self.model = model
        self.model_year = model_year
        self.model_year_basis = model_year_basis
        self.plant_city = plant_city
        self.plant_code = plant_code
        self.plant_country = plant_country
        self.plant_state = plant_state
        self.region = region
        self.serial_number = serial_number
        self.series = series
        self.small_manufacturer_code = small_manufacturer_code
        self.source = source
        self.trim = trim
        self.vds = vds
        self.vehicle_type = vehicle_type
        self.vin = vin
        self.vis = vis
        self.wmi = wmi

    @classmethod
    def _from_json(cls, d: Any) -> DecodedVin:
        self = cls.__new__(cls)
        self.body_class = d.get("body_class")
        self.check_digit = d["check_digit"]
        self.check_digit_required = d["check_digit_required"]
        self.check_digit_valid = d["check_digit_valid"]
        self.country = d.get("country")
        self.drive_type = d.get("drive_type")
        self.engine_cylinders = d.get("engine_cylinders")
        self.engine_displacement_l = d.get("engine_displacement_l")
        self.expected_check_digit = d["expected_check_digit"]
        self.fuel_type = d.get("fuel_type")
        self.make = d.get("make")
        self.manufacturer = d.get("manufacturer")
        self.model = d.get("model")
        self.model_year = d.get("model_year")
        self.model_year_basis = d.get("model_year_basis")
        self.plant_city = d.get("plant_city")
        self.plant_code = d["plant_code"]
        self.plant_country = d.get("plant_country")
        self.plant_state = d.get("plant_state")
        self.region = d["region"]
        self.serial_number = d["serial_number"]
        self.series = d.get("series")
        self.small_manufacturer_code = d.get("small_manufacturer_code")
        self.source = d["source"]
        self.trim = d.get("trim")
        self.vds = d["vds"]
        self.vehicle_type = d.get("vehicle_type")
        self.vin = d["vin"]
        self.vis = d["vis"]
        self.wmi = d["wmi"]
        return self


class Deleted(Model):
    """Confirms a deletion."""

    __slots__ = ("deleted", "id")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("deleted", "deleted", True),
        ("id", "id", True),
    )

    deleted: bool
    """Always `true`."""
    id: str
    """The id of the deleted object."""

    def __init__(
        self,
        *,
        deleted: bool,
        id: str,
    ) -> None:
        self.deleted = deleted
        self.id = id

    @classmethod
    def _from_json(cls, d: Any) -> Deleted:
        self = cls.__new__(cls)
        self.deleted = d["deleted"]
        self.id = d["id"]
        return self


DeliveryId = str
"""A webhook delivery id."""


DeliveryStatus = Literal["pending", "succeeded", "failed"]
"""`pending`: waiting for its first attempt or a retry; `succeeded`: a 2xx arrived; `failed`:
the retry schedule ran out, or the endpoint was disabled.
"""


DisabledReason = Literal["manual", "gone", "failing"]
"""`manual`: set `active: false`; `gone`: the receiver answered 410 Gone; `failing`: a delivery
failed through the whole retry schedule.
"""


EndpointStatus = Literal["enabled", "disabled"]


class ErrorBody(Model):
    """What went wrong."""

    __slots__ = ("code", "message", "param", "request_id")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("code", "code", True),
        ("message", "message", True),
        ("param", "param", False),
        ("request_id", "request_id", True),
    )

    code: str
    """A stable, machine-readable code such as `customer_not_found` or `invalid_request`."""
    message: str
    """A human-readable explanation, naming the offending field where there is one."""
    param: Optional[str]
    """The request field the error is about, when it is about one (`email`, `limit`, `id`)."""
    request_id: str
    """The id of the request, also sent as the `X-Request-Id` header. Quote it to support."""

    def __init__(
        self,
        *,
        code: str,
        message: str,
        request_id: str,
        param: Optional[str] = None,
    ) -> None:
        self.code = code
        self.message = message
        self.param = param
        self.request_id = request_id

    @classmethod
    def _from_json(cls, d: Any) -> ErrorBody:
        self = cls.__new__(cls)
        self.code = d["code"]
        self.message = d["message"]
        self.param = d.get("param")
        self.request_id = d["request_id"]
        return self


class ErrorEnvelope(Model):
    """The body of every error response."""

    __slots__ = ("error", "success")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("error", "error", True),
        ("success", "success", True),
    )

    error: ErrorBody
    success: bool
    """Always `false` on errors."""

    def __init__(
        self,
        *,
        error: ErrorBody,
        success: bool,
    ) -> None:
        self.error = error
        self.success = success

    @classmethod
    def _from_json(cls, d: Any) -> ErrorEnvelope:
        self = cls.__new__(cls)
        self.error = ErrorBody._from_json(d["error"])
        self.success = d["success"]
        return self


class Event(Model):
    """The envelope every webhook body shares; `data` depends on `type`."""

    __slots__ = ("created_at", "data", "id", "livemode", "type")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("created_at", "created_at", True),
        ("data", "data", True),
        ("id", "id", True),
        ("livemode", "livemode", True),
        ("type", "type", True),
    )

    created_at: datetime
    """When the change happened."""
    data: Dict[str, JsonValue]
    """The resource as it was right after the change, as the API's own endpoints return it."""
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: EventType

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Dict[str, JsonValue],
        id: EventId,
        livemode: bool,
        type: EventType,
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> Event:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = d["data"]
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


EventId = str
"""A event id."""


EventType = Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "ping"]
"""What happened. `ping` is sent only by `POST /webhooks/{id}/test` and cannot be subscribed to."""


class Fitment(Model):
    """A range of vehicles a part fits."""

    __slots__ = ("make", "model", "year_from", "year_to")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("make", "make", True),
        ("model", "model", False),
        ("year_from", "year_from", True),
        ("year_to", "year_to", True),
    )

    make: str
    model: Optional[str]
    """`null`: every model of the make."""
    year_from: int
    year_to: int

    def __init__(
        self,
        *,
        make: str,
        year_from: int,
        year_to: int,
        model: Optional[str] = None,
    ) -> None:
        self.make = make
        self.model = model
        self.year_from = year_from
        self.year_to = year_to

    @classmethod
    def _from_json(cls, d: Any) -> Fitment:
        self = cls.__new__(cls)
        self.make = d["make"]
        self.model = d.get("model")
        self.year_from = d["year_from"]
        self.year_to = d["year_to"]
        return self


FitmentBasis = Literal["make_model_year", "make_year"]
"""How precisely the results fit the vehicle."""


class Invoice(Model):
    """An invoice to a customer. Totals are computed by the server in integer minor units of
    `currency`: each line's amount, their `subtotal`, `tax` = `subtotal × tax_rate_bps / 10000`
    rounded half up to the minor unit, and `total` = `subtotal + tax`.
    """

    __slots__ = ("amount_paid", "created_at", "currency", "customer_id", "id", "job_id", "line_items", "livemode", "location_id", "message_id", "notes", "paid_at", "payment_method", "pdf_url", "pdf_url_expires_at", "sent_at", "sent_to", "status", "subtotal", "tax", "tax_rate_bps", "total", "updated_at", "vehicle_id", "voided_at")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("amount_paid", "amount_paid", False),
        ("created_at", "created_at", True),
        ("currency", "currency", True),
        ("customer_id", "customer_id", True),
        ("id", "id", True),
        ("job_id", "job_id", False),
        ("line_items", "line_items", True),
        ("livemode", "livemode", True),
        ("location_id", "location_id", True),
        ("message_id", "message_id", False),
        ("notes", "notes", False),
        ("paid_at", "paid_at", False),
        ("payment_method", "payment_method", False),
        ("pdf_url", "pdf_url", False),
        ("pdf_url_expires_at", "pdf_url_expires_at", False),
        ("sent_at", "sent_at", False),
        ("sent_to", "sent_to", False),
        ("status", "status", True),
        ("subtotal", "subtotal", True),
        ("tax", "tax", True),
        ("tax_rate_bps", "tax_rate_bps", True),
        ("total", "total", True),
        ("updated_at", "updated_at", True),
        ("vehicle_id", "vehicle_id", False),
        ("voided_at", "voided_at", False),
    )

    amount_paid: Optional[int]
    """In minor units; equals `total`."""
    created_at: datetime
    currency: str
    """ISO 4217 code; every amount is in its minor units."""
    customer_id: CustomerId
    id: InvoiceId
    job_id: Optional[JobId]
    """The job the lines were copied from; `null` for a standalone invoice (or a deleted job)."""
    line_items: List[LineItem]
    livemode: bool
    """`true` for production data (live keys), `false` for sandbox data (test keys)."""
    location_id: LocationId
    """The job's location, or the customer's for a standalone invoice."""
    message_id: Optional[str]
    """The `Message-ID` of the last invoice email."""
    notes: Optional[str]
    paid_at: Optional[datetime]
    payment_method: Optional[PaymentMethod]
    pdf_url: Optional[str]
    """A signed link to the invoice's PDF that needs no API key, made fresh with each response
    and valid until `pdf_url_expires_at`. `null` until the invoice is first sent.
    """
    pdf_url_expires_at: Optional[datetime]
    sent_at: Optional[datetime]
    sent_to: Optional[str]
    """The address the invoice was last emailed to."""
    status: InvoiceStatus
    subtotal: int
    tax: int
    tax_rate_bps: int
    """The shop's tax rate when the invoice was created, in basis points (825 = 8.25 %)."""
    total: int
    updated_at: datetime
    vehicle_id: Optional[VehicleId]
    voided_at: Optional[datetime]

    def __init__(
        self,
        *,
        created_at: datetime,
        currency: str,
        customer_id: CustomerId,
        id: InvoiceId,
        line_items: List[LineItem],
        livemode: bool,
        location_id: LocationId,
        status: InvoiceStatus,
        subtotal: int,
        tax: int,
        tax_rate_bps: int,
        total: int,
        updated_at: datetime,
        amount_paid: Optional[int] = None,
        job_id: Optional[JobId] = None,
        message_id: Optional[str] = None,
        notes: Optional[str] = None,
        paid_at: Optional[datetime] = None,
        payment_method: Optional[PaymentMethod] = None,
        pdf_url: Optional[str] = None,
        pdf_url_expires_at: Optional[datetime] = None,
        sent_at: Optional[datetime] = None,
        sent_to: Optional[str] = None,
        vehicle_id: Optional[VehicleId] = None,
        voided_at: Optional[datetime] = None,
    ) -> None:
        self.amount_paid = amount_paid
        self.created_at = created_at
        self.currency = currency
        self.customer_id = customer_id
        self.id = id
        self.job_id = job_id
        self.line_items = line_items
        self.livemode = livemode
        self.location_id = location_id
        self.message_id = message_id
        self.notes = notes
        self.paid_at = paid_at
        self.payment_method = payment_method
        self.pdf_url = pdf_url
        self.pdf_url_expires_at = pdf_url_expires_at
        self.sent_at = sent_at
        self.sent_to = sent_to
        self.status = status
        self.subtotal = subtotal
        self.tax = tax
        self.tax_rate_bps = tax_rate_bps
        self.total = total
        self.updated_at = updated_at
        self.vehicle_id = vehicle_id
        self.voided_at = voided_at

    @classmethod
    def _from_json(cls, d: Any) -> Invoice:
        self = cls.__new__(cls)
        self.amount_paid = d.get("amount_paid")
        self.created_at = parse_datetime(d["created_at"])
        self.currency = d["currency"]
        self.customer_id = d["customer_id"]
        self.id = d["id"]
        self.job_id = d.get("job_id")
        self.line_items = [LineItem._from_json(v0) for v0 in d["line_items"]]
        self.livemode = d["livemode"]
        self.location_id = d["location_id"]
        self.message_id = d.get("message_id")
        self.notes = d.get("notes")
        self.paid_at = None if (v0 := d.get("paid_at")) is None else parse_datetime(v0)
        self.payment_method = d.get("payment_method")
        self.pdf_url = d.get("pdf_url")
        self.pdf_url_expires_at = None if (v0 := d.get("pdf_url_expires_at")) is None else parse_datetime(v0)
        self.sent_at = None if (v0 := d.get("sent_at")) is None else parse_datetime(v0)
        self.sent_to = d.get("sent_to")
        self.status = d["status"]
        self.subtotal = d["subtotal"]
        self.tax = d["tax"]
        self.tax_rate_bps = d["tax_rate_bps"]
        self.total = d["total"]
        self.updated_at = parse_datetime(d["updated_at"])
        self.vehicle_id = d.get("vehicle_id")
        self.voided_at = None if (v0 := d.get("voided_at")) is None else parse_datetime(v0)
        return self


InvoiceId = str
"""A invoice id."""


class InvoiceList(Model):
    """A page of invoices, newest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[Invoice]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[Invoice],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> InvoiceList:
        self = cls.__new__(cls)
        self.data = [Invoice._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


InvoiceStatus = Literal["draft", "sent", "paid", "void"]
"""`draft → sent → paid`; `draft` or `sent` invoices can be `void`ed. Only drafts can be edited."""


class Job(Model):
    """A repair job for one of a customer's vehicles, at one of the shop's locations."""

    __slots__ = ("cancelled_at", "completed_at", "created_at", "currency", "customer_id", "description", "id", "line_items", "livemode", "location_id", "started_at", "status", "subtotal", "title", "updated_at", "vehicle_id")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("cancelled_at", "cancelled_at", False),
        ("completed_at", "completed_at", False),
        ("created_at", "created_at", True),
        ("currency", "currency", True),
        ("customer_id", "customer_id", True),
        ("description", "description", False),
        ("id", "id", True),
        ("line_items", "line_items", True),
        ("livemode", "livemode", True),
        ("location_id", "location_id", True),
        ("started_at", "started_at", False),
        ("status", "status", True),
        ("subtotal", "subtotal", True),
        ("title", "title", True),
        ("updated_at", "updated_at", True),
        ("vehicle_id", "vehicle_id", True),
    )

    cancelled_at: Optional[datetime]
    completed_at: Optional[datetime]
    created_at: datetime
    currency: str
    """The shop's ISO 4217 currency code; every amount is in its minor units."""
    customer_id: CustomerId
    description: Optional[str]
    id: JobId
    line_items: List[LineItem]
    livemode: bool
    """`true` for production data (live keys), `false` for sandbox data (test keys)."""
    location_id: LocationId
    started_at: Optional[datetime]
    """When the job last moved to `in-progress`."""
    status: JobStatus
    subtotal: int
    """Sum of the line items' amounts, before tax (tax is applied on the invoice)."""
    title: str
    updated_at: datetime
    vehicle_id: VehicleId

    def __init__(
        self,
        *,
        created_at: datetime,
        currency: str,
        customer_id: CustomerId,
        id: JobId,
        line_items: List[LineItem],
        livemode: bool,
        location_id: LocationId,
        status: JobStatus,
        subtotal: int,
        title: str,
        updated_at: datetime,
        vehicle_id: VehicleId,
        cancelled_at: Optional[datetime] = None,
        completed_at: Optional[datetime] = None,
        description: Optional[str] = None,
        started_at: Optional[datetime] = None,
    ) -> None:
        self.cancelled_at = cancelled_at
        self.completed_at = completed_at
        self.created_at = created_at
        self.currency = currency
        self.customer_id = customer_id
        self.description = description
        self.id = id
        self.line_items = line_items
        self.livemode = livemode
        self.location_id = location_id
        self.started_at = started_at
        self.status = status
        self.subtotal = subtotal
        self.title = title
        self.updated_at = updated_at
        self.vehicle_id = vehicle_id

    @classmethod
    def _from_json(cls, d: Any) -> Job:
        self = cls.__new__(cls)
        self.cancelled_at = None if (v0 := d.get("cancelled_at")) is None else parse_datetime(v0)
        self.completed_at = None if (v0 := d.get("completed_at")) is None else parse_datetime(v0)
        self.created_at = parse_datetime(d["created_at"])
        self.currency = d["currency"]
        self.customer_id = d["customer_id"]
        self.description = d.get("description")
        self.id = d["id"]
        self.line_items = [LineItem._from_json(v0) for v0 in d["line_items"]]
        self.livemode = d["livemode"]
        self.location_id = d["location_id"]
        self.started_at = None if (v0 := d.get("started_at")) is None else parse_datetime(v0)
        self.status = d["status"]
        self.subtotal = d["subtotal"]
        self.title = d["title"]
        self.updated_at = parse_datetime(d["updated_at"])
        self.vehicle_id = d["vehicle_id"]
        return self


JobId = str
"""A job id."""


class JobList(Model):
    """A page of jobs, newest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[Job]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[Job],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> JobList:
        self = cls.__new__(cls)
        self.data = [Job._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


JobStatus = Literal["pending", "in-progress", "completed", "cancelled"]
"""Where a job stands on the shop's board. `pending → in-progress → completed`; a job can be
moved back from `in-progress` to `pending`, and `pending` or `in-progress` jobs can be
`cancelled`. `completed` and `cancelled` are final.
"""


class LineItem(Model):
    """A line of a job or invoice as stored and returned, with its computed `amount`."""

    __slots__ = ("amount", "description", "hours", "kind", "part_id", "quantity", "rate", "unit_price")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("amount", "amount", True),
        ("description", "description", True),
        ("hours", "hours", False),
        ("kind", "kind", True),
        ("part_id", "part_id", False),
        ("quantity", "quantity", False),
        ("rate", "rate", False),
        ("unit_price", "unit_price", False),
    )

    amount: int
    """`hours × rate` (rounded half up to the minor unit) or `quantity × unit_price`, in minor
    units.
    """
    description: str
    hours: Optional[str]
    """Labor only: hours worked, a decimal string with two decimals (`"1.50"`)."""
    kind: LineItemKind
    part_id: Optional[PartId]
    """Part only: the catalog part, when the part came from the catalog."""
    quantity: Optional[int]
    """Part only: how many."""
    rate: Optional[int]
    """Labor only: hourly rate in minor units."""
    unit_price: Optional[int]
    """Part only: price of one, in minor units."""

    def __init__(
        self,
        *,
        amount: int,
        description: str,
        kind: LineItemKind,
        hours: Optional[str] = None,
        part_id: Optional[PartId] = None,
        quantity: Optional[int] = None,
        rate: Optional[int] = None,
        unit_price: Optional[int] = None,
    ) -> None:
        self.amount = amount
        self.description = description
        self.hours = hours
        self.kind = kind
        self.part_id = part_id
        self.quantity = quantity
        self.rate = rate
        self.unit_price = unit_price

    @classmethod
    def _from_json(cls, d: Any) -> LineItem:
        self = cls.__new__(cls)
        self.amount = d["amount"]
        self.description = d["description"]
        self.hours = d.get("hours")
        self.kind = d["kind"]
        self.part_id = d.get("part_id")
        self.quantity = d.get("quantity")
        self.rate = d.get("rate")
        self.unit_price = d.get("unit_price")
        return self


LineItemKind = Literal["labor", "part"]
"""What a line bills for."""


class Location(Model):
    """A physical location of the shop. Keys can be limited to one location."""

    __slots__ = ("address", "created_at", "id", "name")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("address", "address", True),
        ("created_at", "created_at", True),
        ("id", "id", True),
        ("name", "name", True),
    )

    address: str
    created_at: datetime
    id: LocationId
    name: str

    def __init__(
        self,
        *,
        address: str,
        created_at: datetime,
        id: LocationId,
        name: str,
    ) -> None:
        self.address = address
        self.created_at = created_at
        self.id = id
        self.name = name

    @classmethod
    def _from_json(cls, d: Any) -> Location:
        self = cls.__new__(cls)
        self.address = d["address"]
        self.created_at = parse_datetime(d["created_at"])
        self.id = d["id"]
        self.name = d["name"]
        return self


LocationId = str
"""A location id."""


class LocationList(Model):
    """A page of locations, oldest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[Location]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[Location],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> LocationList:
        self = cls.__new__(cls)
        self.data = [Location._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


Mode = Literal["test", "live"]
"""Which data set a key works on: `test` (sandbox) or `live` (production)."""


ModelYearBasis = Literal["position_7", "most_recent_cycle", "vpic_schemas"]
"""How `model_year` was chosen among the years its position-10 code can mean."""


class NewLineItem(Model):
    """A line item to add. Labor lines take `hours` and `rate`; part lines take `quantity`,
    `unit_price` and optionally a catalog `part_id`.
    """

    __slots__ = ("description", "hours", "kind", "part_id", "quantity", "rate", "unit_price")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("description", "description", True),
        ("hours", "hours", False),
        ("kind", "kind", True),
        ("part_id", "part_id", False),
        ("quantity", "quantity", False),
        ("rate", "rate", False),
        ("unit_price", "unit_price", False),
    )

    description: str
    """One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed."""
    hours: Optional[str]
    """Labor: hours as a decimal string with at most two decimals, `"0.01"` to `"1000"`."""
    kind: LineItemKind
    part_id: Optional[PartId]
    """Part: a catalog part id (`prt_…`). Leave out for a free-text part."""
    quantity: Optional[int]
    """Part: how many."""
    rate: Optional[int]
    """Labor: hourly rate in minor units."""
    unit_price: Optional[int]
    """Part: price of one in minor units."""

    def __init__(
        self,
        *,
        description: str,
        kind: LineItemKind,
        hours: Optional[str] = None,
        part_id: Optional[PartId] = None,
        quantity: Optional[int] = None,
        rate: Optional[int] = None,
        unit_price: Optional[int] = None,
    ) -> None:
        self.description = description
        self.hours = hours
        self.kind = kind
        self.part_id = part_id
        self.quantity = quantity
        self.rate = rate
        self.unit_price = unit_price

    @classmethod
    def _from_json(cls, d: Any) -> NewLineItem:
        self = cls.__new__(cls)
        self.description = d["description"]
        self.hours = d.get("hours")
        self.kind = d["kind"]
        self.part_id = d.get("part_id")
        self.quantity = d.get("quantity")
        self.rate = d.get("rate")
        self.unit_price = d.get("unit_price")
        return self


class OemNumber(Model):
    """An OEM cross-reference."""

    __slots__ = ("brand", "number")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("brand", "brand", True),
        ("number", "number", True),
    )

    brand: str
    """The vehicle maker, e.g. `Honda`."""
    number: str

    def __init__(
        self,
        *,
        brand: str,
        number: str,
    ) -> None:
        self.brand = brand
        self.number = number

    @classmethod
    def _from_json(cls, d: Any) -> OemNumber:
        self = cls.__new__(cls)
        self.brand = d["brand"]
        self.number = d["number"]
        return self


class Part(Model):
    """A part of the catalog, with the vehicles it fits and the stock at the caller's locations."""

    __slots__ = ("brand", "currency", "description", "fitments", "id", "name", "oem_numbers", "part_number", "stock", "type", "unit_price")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("brand", "brand", True),
        ("currency", "currency", True),
        ("description", "description", True),
        ("fitments", "fitments", True),
        ("id", "id", True),
        ("name", "name", True),
        ("oem_numbers", "oem_numbers", True),
        ("part_number", "part_number", True),
        ("stock", "stock", True),
        ("type", "type", True),
        ("unit_price", "unit_price", False),
    )

    brand: str
    """The aftermarket (or OE) brand, e.g. `Akebono`."""
    currency: str
    """ISO 4217 code, e.g. `USD`."""
    description: str
    fitments: List[Fitment]
    """Every vehicle range the part fits."""
    id: PartId
    name: str
    oem_numbers: List[OemNumber]
    """The vehicle makers' own numbers this part replaces."""
    part_number: str
    """The brand's part number."""
    stock: List[StockLevel]
    """Quantity on hand at each of the caller's locations (just its own for a location-limited
    key); 0 where the location stocks none.
    """
    type: str
    """The kind of part, e.g. `brake-pads`, `oil-filter`."""
    unit_price: Optional[int]
    """List price in minor units of `currency` (cents); `null` when the catalog has none."""

    def __init__(
        self,
        *,
        brand: str,
        currency: str,
        description: str,
        fitments: List[Fitment],
        id: PartId,
        name: str,
        oem_numbers: List[OemNumber],
        part_number: str,
        stock: List[StockLevel],
        type: str,
        unit_price: Optional[int] = None,
    ) -> None:
        self.brand = brand
        self.currency = currency
        self.description = description
        self.fitments = fitments
        self.id = id
        self.name = name
        self.oem_numbers = oem_numbers
        self.part_number = part_number
        self.stock = stock
        self.type = type
        self.unit_price = unit_price

    @classmethod
    def _from_json(cls, d: Any) -> Part:
        self = cls.__new__(cls)
        self.brand = d["brand"]
        self.currency = d["currency"]
        self.description = d["description"]
        self.fitments = [Fitment._from_json(v0) for v0 in d["fitments"]]
        self.id = d["id"]
        self.name = d["name"]
        self.oem_numbers = [OemNumber._from_json(v0) for v0 in d["oem_numbers"]]
        self.part_number = d["part_number"]
        self.stock = [StockLevel._from_json(v0) for v0 in d["stock"]]
        self.type = d["type"]
        self.unit_price = d.get("unit_price")
        return self


PartId = str
"""A part id."""


class PartSearch(Model):
    """A page of the parts that fit the vehicle, in catalog order."""

    __slots__ = ("data", "fitment_basis", "has_more", "total", "vehicle")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("fitment_basis", "fitment_basis", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
        ("vehicle", "vehicle", True),
    )

    data: List[Part]
    """This page of results."""
    fitment_basis: FitmentBasis
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many parts match, across all pages."""
    vehicle: SearchedVehicle

    def __init__(
        self,
        *,
        data: List[Part],
        fitment_basis: FitmentBasis,
        has_more: bool,
        total: int,
        vehicle: SearchedVehicle,
    ) -> None:
        self.data = data
        self.fitment_basis = fitment_basis
        self.has_more = has_more
        self.total = total
        self.vehicle = vehicle

    @classmethod
    def _from_json(cls, d: Any) -> PartSearch:
        self = cls.__new__(cls)
        self.data = [Part._from_json(v0) for v0 in d["data"]]
        self.fitment_basis = d["fitment_basis"]
        self.has_more = d["has_more"]
        self.total = d["total"]
        self.vehicle = SearchedVehicle._from_json(d["vehicle"])
        return self


class PayInvoice(Model):
    """A payment that settles a sent invoice in full."""

    __slots__ = ("amount", "method", "paid_at")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("amount", "amount", True),
        ("method", "method", True),
        ("paid_at", "paid_at", False),
    )

    amount: int
    """In minor units; must equal the invoice's `total` (partial payments are not supported)."""
    method: PaymentMethod
    paid_at: Optional[datetime]
    """When the money was received; defaults to now and cannot be in the future."""

    def __init__(
        self,
        *,
        amount: int,
        method: PaymentMethod,
        paid_at: Optional[datetime] = None,
    ) -> None:
        self.amount = amount
        self.method = method
        self.paid_at = paid_at

    @classmethod
    def _from_json(cls, d: Any) -> PayInvoice:
        self = cls.__new__(cls)
        self.amount = d["amount"]
        self.method = d["method"]
        self.paid_at = None if (v0 := d.get("paid_at")) is None else parse_datetime(v0)
        return self


PaymentMethod = Literal["cash", "card", "check", "bank_transfer", "other"]
"""How an invoice was paid."""


Scope = Literal["customers:read", "customers:write", "vehicles:read", "vehicles:write", "vin:decode", "locations:read", "keys:manage", "jobs:read", "jobs:write", "invoices:read", "invoices:write", "webhooks:manage", "parts:read"]
"""A permission an API key can carry."""


class SearchedVehicle(Model):
    """The vehicle the search was filtered to."""

    __slots__ = ("make", "model", "vehicle_id", "vin", "year")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("make", "make", True),
        ("model", "model", False),
        ("vehicle_id", "vehicle_id", False),
        ("vin", "vin", False),
        ("year", "year", True),
    )

    make: str
    model: Optional[str]
    """`null` when the model is unknown (the offline VIN decoder knows make and year only)."""
    vehicle_id: Optional[VehicleId]
    vin: Optional[str]
    """The VIN searched by (decoded, upper-cased); `null` when searching by `vehicle_id`."""
    year: int

    def __init__(
        self,
        *,
        make: str,
        year: int,
        model: Optional[str] = None,
        vehicle_id: Optional[VehicleId] = None,
        vin: Optional[str] = None,
    ) -> None:
        self.make = make
        self.model = model
        self.vehicle_id = vehicle_id
        self.vin = vin
        self.year = year

    @classmethod
    def _from_json(cls, d: Any) -> SearchedVehicle:
        self = cls.__new__(cls)
        self.make = d["make"]
        self.model = d.get("model")
        self.vehicle_id = d.get("vehicle_id")
        self.vin = d.get("vin")
        self.year = d["year"]
        return self


class StockLevel(Model):
    """StockLevel"""

    __slots__ = ("location_id", "quantity")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("location_id", "location_id", True),
        ("quantity", "quantity", True),
    )

    location_id: LocationId
    quantity: int

    def __init__(
        self,
        *,
        location_id: LocationId,
        quantity: int,
    ) -> None:
        self.location_id = location_id
        self.quantity = quantity

    @classmethod
    def _from_json(cls, d: Any) -> StockLevel:
        self = cls.__new__(cls)
        self.location_id = d["location_id"]
        self.quantity = d["quantity"]
        return self


class UpdateCustomer(Model):
    """A partial update: only the fields sent change; `null` or `""` clears an optional field."""

    __slots__ = ("email", "location_id", "name", "notes", "phone")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("email", "email", False),
        ("location_id", "location_id", False),
        ("name", "name", False),
        ("notes", "notes", False),
        ("phone", "phone", False),
    )

    email: Optional[str]
    """An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""` means none."""
    location_id: Optional[LocationId]
    name: Optional[str]
    """Full name; `null` leaves it unchanged."""
    notes: Optional[str]
    """Free text: line breaks and tabs allowed, no other control characters; surrounding white space is trimmed, and a blank value means none."""
    phone: Optional[str]
    """As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`, at least three digits, at most 40 characters; `""` means none."""

    def __init__(
        self,
        *,
        email: Optional[str] = None,
        location_id: Optional[LocationId] = None,
        name: Optional[str] = None,
        notes: Optional[str] = None,
        phone: Optional[str] = None,
    ) -> None:
        self.email = email
        self.location_id = location_id
        self.name = name
        self.notes = notes
        self.phone = phone

    @classmethod
    def _from_json(cls, d: Any) -> UpdateCustomer:
        self = cls.__new__(cls)
        self.email = d.get("email")
        self.location_id = d.get("location_id")
        self.name = d.get("name")
        self.notes = d.get("notes")
        self.phone = d.get("phone")
        return self


class UpdateInvoice(Model):
    """A partial update of a draft invoice: only the fields sent change; `line_items`, when sent,
    replaces all lines and the totals are recomputed.
    """

    __slots__ = ("line_items", "notes")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("line_items", "line_items", False),
        ("notes", "notes", False),
    )

    line_items: Optional[List[NewLineItem]]
    """Replaces every line; up to 100."""
    notes: Optional[str]
    """`null` or `""` clears it."""

    def __init__(
        self,
        *,
        line_items: Optional[List[NewLineItem]] = None,
        notes: Optional[str] = None,
    ) -> None:
        self.line_items = line_items
        self.notes = notes

    @classmethod
    def _from_json(cls, d: Any) -> UpdateInvoice:
        self = cls.__new__(cls)
        self.line_items = None if (v0 := d.get("line_items")) is None else [NewLineItem._from_json(v1) for v1 in v0]
        self.notes = d.get("notes")
        return self


class UpdateJob(Model):
    """A partial update of a `pending` or `in-progress` job: only the fields sent change, and
    `line_items`, when sent, replaces all lines. The status changes through
    `POST /jobs/{id}/status`, not here.
    """

    __slots__ = ("description", "line_items", "location_id", "title", "vehicle_id")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("description", "description", False),
        ("line_items", "line_items", False),
        ("location_id", "location_id", False),
        ("title", "title", False),
        ("vehicle_id", "vehicle_id", False),
    )

    description: Optional[str]
    """`null` or `""` clears it."""
    line_items: Optional[List[NewLineItem]]
    """Replaces every line; up to 100."""
    location_id: Optional[LocationId]
    title: Optional[str]
    """One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed."""
    vehicle_id: Optional[VehicleId]
    """Another vehicle of the same customer."""

    def __init__(
        self,
        *,
        description: Optional[str] = None,
        line_items: Optional[List[NewLineItem]] = None,
        location_id: Optional[LocationId] = None,
        title: Optional[str] = None,
        vehicle_id: Optional[VehicleId] = None,
    ) -> None:
        self.description = description
        self.line_items = line_items
        self.location_id = location_id
        self.title = title
        self.vehicle_id = vehicle_id

    @classmethod
    def _from_json(cls, d: Any) -> UpdateJob:
        self = cls.__new__(cls)
        self.description = d.get("description")
        self.line_items = None if (v0 := d.get("line_items")) is None else [NewLineItem._from_json(v1) for v1 in v0]
        self.location_id = d.get("location_id")
        self.title = d.get("title")
        self.vehicle_id = d.get("vehicle_id")
        return self


class UpdateVehicle(Model):
    """A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
    (unless `auto_decode` is `false`) and fills the decoded fields the request leaves out.
    """

    __slots__ = ("auto_decode", "color", "license_plate", "make", "mileage", "model", "trim", "vin", "year")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("auto_decode", "auto_decode", False),
        ("color", "color", False),
        ("license_plate", "license_plate", False),
        ("make", "make", False),
        ("mileage", "mileage", False),
        ("model", "model", False),
        ("trim", "trim", False),
        ("vin", "vin", False),
        ("year", "year", False),
    )

    auto_decode: Optional[bool]
    """Set `false` to store a new VIN as given, without validating or decoding it."""
    color: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    license_plate: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    make: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    mileage: Optional[int]
    model: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    trim: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    vin: Optional[str]
    """1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I, O or Q), which is then decoded."""
    year: Optional[int]

    def __init__(
        self,
        *,
        auto_decode: Optional[bool] = None,
        color: Optional[str] = None,
        license_plate: Optional[str] = None,
        make: Optional[str] = None,
        mileage: Optional[int] = None,
        model: Optional[str] = None,
        trim: Optional[str] = None,
        vin: Optional[str] = None,
        year: Optional[int] = None,
    ) -> None:
        self.auto_decode = auto_decode
        self.color = color
        self.license_plate = license_plate
        self.make = make
        self.mileage = mileage
        self.model = model
        self.trim = trim
        self.vin = vin
        self.year = year

    @classmethod
    def _from_json(cls, d: Any) -> UpdateVehicle:
        self = cls.__new__(cls)
        self.auto_decode = d.get("auto_decode")
        self.color = d.get("color")
        self.license_plate = d.get("license_plate")
        self.make = d.get("make")
        self.mileage = d.get("mileage")
        self.model = d.get("model")
        self.trim = d.get("trim")
        self.vin = d.get("vin")
        self.year = d.get("year")
        return self


class UpdateWebhookEndpoint(Model):
    """A partial update: only the fields sent change; `null` or `""` clears `description`."""

    __slots__ = ("active", "description", "events", "url")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("active", "active", False),
        ("description", "description", False),
        ("events", "events", False),
        ("url", "url", False),
    )

    active: Optional[bool]
    """`false` stops deliveries; `true` re-enables the endpoint and resets
    `consecutive_failures`.
    """
    description: Optional[str]
    """One line of text: no control characters or line breaks; surrounding white space is trimmed, and a blank value means none."""
    events: Optional[List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]]
    """Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event."""
    url: Optional[str]
    """A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and fragment. A host that is or resolves to a private, loopback or other internal address is refused (422), and so is an `http://` loopback URL, which only a server run for local development (`--allow-local-webhooks`) takes."""

    def __init__(
        self,
        *,
        active: Optional[bool] = None,
        description: Optional[str] = None,
        events: Optional[List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]] = None,
        url: Optional[str] = None,
    ) -> None:
        self.active = active
        self.description = description
        self.events = events
        self.url = url

    @classmethod
    def _from_json(cls, d: Any) -> UpdateWebhookEndpoint:
        self = cls.__new__(cls)
        self.active = d.get("active")
        self.description = d.get("description")
        self.events = d.get("events")
        self.url = d.get("url")
        return self


class Vehicle(Model):
    """A customer's vehicle."""

    __slots__ = ("color", "created_at", "customer_id", "id", "license_plate", "livemode", "make", "mileage", "model", "trim", "updated_at", "vin", "year")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("color", "color", False),
        ("created_at", "created_at", True),
        ("customer_id", "customer_id", True),
        ("id", "id", True),
        ("license_plate", "license_plate", False),
        ("livemode", "livemode", True),
        ("make", "make", False),
        ("mileage", "mileage", False),
        ("model", "model", False),
        ("trim", "trim", False),
        ("updated_at", "updated_at", True),
        ("vin", "vin", False),
        ("year", "year", False),
    )

    color: Optional[str]
    created_at: datetime
    customer_id: CustomerId
    id: VehicleId
    license_plate: Optional[str]
    livemode: bool
    """`true` for production data (live keys), `false` for sandbox data (test keys)."""
    make: Optional[str]
    mileage: Optional[int]
    """Odometer reading."""
    model: Optional[str]
    trim: Optional[str]
    updated_at: datetime
    vin: Optional[str]
    """The 17-character VIN (shorter for pre-1981 vehicles), upper-cased."""
    year: Optional[int]
    """Model year."""

    def __init__(
        self,
        *,
        created_at: datetime,
        customer_id: CustomerId,
        id: VehicleId,
        livemode: bool,
        updated_at: datetime,
        color: Optional[str] = None,
        license_plate: Optional[str] = None,
        make: Optional[str] = None,
        mileage: Optional[int] = None,
        model: Optional[str] = None,
        trim: Optional[str] = None,
        vin: Optional[str] = None,
        year: Optional[int] = None,
    ) -> None:
        self.color = color
        self.created_at = created_at
        self.customer_id = customer_id
        self.id = id
        self.license_plate = license_plate
        self.livemode = livemode
        self.make = make
        self.mileage = mileage
        self.model = model
        self.trim = trim
        self.updated_at = updated_at
        self.vin = vin
        self.year = year

    @classmethod
    def _from_json(cls, d: Any) -> Vehicle:
        self = cls.__new__(cls)
        self.color = d.get("color")
        self.created_at = parse_datetime(d["created_at"])
        self.customer_id = d["customer_id"]
        self.id = d["id"]
        self.license_plate = d.get("license_plate")
        self.livemode = d["livemode"]
        self.make = d.get("make")
        self.mileage = d.get("mileage")
        self.model = d.get("model")
        self.trim = d.get("trim")
        self.updated_at = parse_datetime(d["updated_at"])
        self.vin = d.get("vin")
        self.year = d.get("year")
        return self


VehicleId = str
"""A vehicle id."""


class VehicleList(Model):
    """A page of vehicles, newest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[Vehicle]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[Vehicle],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> VehicleList:
        self = cls.__new__(cls)
        self.data = [Vehicle._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


class WebhookAttempt(Model):
    """One POST to the receiver."""

    __slots__ = ("attempted_at", "duration_ms", "error", "response_body", "status_code")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("attempted_at", "attempted_at", True),
        ("duration_ms", "duration_ms", True),
        ("error", "error", False),
        ("response_body", "response_body", True),
        ("status_code", "status_code", False),
    )

    attempted_at: datetime
    duration_ms: int
    error: Optional[str]
    """Why the attempt failed without (or despite) an answer: a refused address, a timeout, a
    redirect that was not followed.
    """
    response_body: str
    """The first 1 KiB of the receiver's answer."""
    status_code: Optional[int]
    """The receiver's HTTP status; `null` when no answer arrived."""

    def __init__(
        self,
        *,
        attempted_at: datetime,
        duration_ms: int,
        response_body: str,
        error: Optional[str] = None,
        status_code: Optional[int] = None,
    ) -> None:
        self.attempted_at = attempted_at
        self.duration_ms = duration_ms
        self.error = error
        self.response_body = response_body
        self.status_code = status_code

    @classmethod
    def _from_json(cls, d: Any) -> WebhookAttempt:
        self = cls.__new__(cls)
        self.attempted_at = parse_datetime(d["attempted_at"])
        self.duration_ms = d["duration_ms"]
        self.error = d.get("error")
        self.response_body = d["response_body"]
        self.status_code = d.get("status_code")
        return self


class WebhookDelivery(Model):
    """One event sent to one endpoint; its id is the `X-VinSnap-Delivery` header, stable across
    retries, so receivers can deduplicate.
    """

    __slots__ = ("attempt_count", "created_at", "endpoint_id", "event_id", "event_type", "id", "last_attempt_at", "last_status_code", "next_attempt_at", "status")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("attempt_count", "attempt_count", True),
        ("created_at", "created_at", True),
        ("endpoint_id", "endpoint_id", True),
        ("event_id", "event_id", True),
        ("event_type", "event_type", True),
        ("id", "id", True),
        ("last_attempt_at", "last_attempt_at", False),
        ("last_status_code", "last_status_code", False),
        ("next_attempt_at", "next_attempt_at", False),
        ("status", "status", True),
    )

    attempt_count: int
    """Attempts made so far (a first attempt plus up to six retries)."""
    created_at: datetime
    endpoint_id: WebhookEndpointId
    event_id: EventId
    event_type: EventType
    id: DeliveryId
    last_attempt_at: Optional[datetime]
    last_status_code: Optional[int]
    next_attempt_at: Optional[datetime]
    """When the next attempt is due, while `pending`."""
    status: DeliveryStatus

    def __init__(
        self,
        *,
        attempt_count: int,
        created_at: datetime,
        endpoint_id: WebhookEndpointId,
        event_id: EventId,
        event_type: EventType,
        id: DeliveryId,
        status: DeliveryStatus,
        last_attempt_at: Optional[datetime] = None,
        last_status_code: Optional[int] = None,
        next_attempt_at: Optional[datetime] = None,
    ) -> None:
        self.attempt_count = attempt_count
        self.created_at = created_at
        self.endpoint_id = endpoint_id
        self.event_id = event_id
        self.event_type = event_type
        self.id = id
        self.last_attempt_at = last_attempt_at
        self.last_status_code = last_status_code
        self.next_attempt_at = next_attempt_at
        self.status = status

    @classmethod
    def _from_json(cls, d: Any) -> WebhookDelivery:
        self = cls.__new__(cls)
        self.attempt_count = d["attempt_count"]
        self.created_at = parse_datetime(d["created_at"])
        self.endpoint_id = d["endpoint_id"]
        self.event_id = d["event_id"]
        self.event_type = d["event_type"]
        self.id = d["id"]
        self.last_attempt_at = None if (v0 := d.get("last_attempt_at")) is None else parse_datetime(v0)
        self.last_status_code = d.get("last_status_code")
        self.next_attempt_at = None if (v0 := d.get("next_attempt_at")) is None else parse_datetime(v0)
        self.status = d["status"]
        return self


class WebhookDeliveryDetail(Model):
    """A delivery with the exact request body it sends and every attempt made."""

    __slots__ = ("attempt_count", "attempts", "created_at", "endpoint_id", "event_id", "event_type", "id", "last_attempt_at", "last_status_code", "next_attempt_at", "request_body", "status")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("attempt_count", "attempt_count", True),
        ("attempts", "attempts", True),
        ("created_at", "created_at", True),
        ("endpoint_id", "endpoint_id", True),
        ("event_id", "event_id", True),
        ("event_type", "event_type", True),
        ("id", "id", True),
        ("last_attempt_at", "last_attempt_at", False),
        ("last_status_code", "last_status_code", False),
        ("next_attempt_at", "next_attempt_at", False),
        ("request_body", "request_body", True),
        ("status", "status", True),
    )

    attempt_count: int
    """Attempts made so far (a first attempt plus up to six retries)."""
    attempts: List[WebhookAttempt]
    """Oldest first."""
    created_at: datetime
    endpoint_id: WebhookEndpointId
    event_id: EventId
    event_type: EventType
    id: DeliveryId
    last_attempt_at: Optional[datetime]
    last_status_code: Optional[int]
    next_attempt_at: Optional[datetime]
    """When the next attempt is due, while `pending`."""
    request_body: str
    """The raw JSON body POSTed (and signed) on every attempt."""
    status: DeliveryStatus

    def __init__(
        self,
        *,
        attempt_count: int,
        attempts: List[WebhookAttempt],
        created_at: datetime,
        endpoint_id: WebhookEndpointId,
        event_id: EventId,
        event_type: EventType,
        id: DeliveryId,
        request_body: str,
        status: DeliveryStatus,
        last_attempt_at: Optional[datetime] = None,
        last_status_code: Optional[int] = None,
        next_attempt_at: Optional[datetime] = None,
    ) -> None:
        self.attempt_count = attempt_count
        self.attempts = attempts
        self.created_at = created_at
        self.endpoint_id = endpoint_id
        self.event_id = event_id
        self.event_type = event_type
        self.id = id
        self.last_attempt_at = last_attempt_at
        self.last_status_code = last_status_code
        self.next_attempt_at = next_attempt_at
        self.request_body = request_body
        self.status = status

    @classmethod
    def _from_json(cls, d: Any) -> WebhookDeliveryDetail:
        self = cls.__new__(cls)
        self.attempt_count = d["attempt_count"]
        self.attempts = [WebhookAttempt._from_json(v0) for v0 in d["attempts"]]
        self.created_at = parse_datetime(d["created_at"])
        self.endpoint_id = d["endpoint_id"]
        self.event_id = d["event_id"]
        self.event_type = d["event_type"]
        self.id = d["id"]
        self.last_attempt_at = None if (v0 := d.get("last_attempt_at")) is None else parse_datetime(v0)
        self.last_status_code = d.get("last_status_code")
        self.next_attempt_at = None if (v0 := d.get("next_attempt_at")) is None else parse_datetime(v0)
        self.request_body = d["request_body"]
        self.status = d["status"]
        return self


class WebhookDeliveryList(Model):
    """A page of deliveries, newest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[WebhookDelivery]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[WebhookDelivery],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> WebhookDeliveryList:
        self = cls.__new__(cls)
        self.data = [WebhookDelivery._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


class WebhookEndpoint(Model):
    """A URL that receives the shop's events."""

    __slots__ = ("active", "consecutive_failures", "created_at", "description", "disabled_reason", "events", "id", "livemode", "status", "updated_at", "url")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("active", "active", True),
        ("consecutive_failures", "consecutive_failures", True),
        ("created_at", "created_at", True),
        ("description", "description", False),
        ("disabled_reason", "disabled_reason", False),
        ("events", "events", True),
        ("id", "id", True),
        ("livemode", "livemode", True),
        ("status", "status", True),
        ("updated_at", "updated_at", True),
        ("url", "url", True),
    )

    active: bool
    """Whether the endpoint receives deliveries. Set it to `true` again to re-enable an
    endpoint the server disabled.
    """
    consecutive_failures: int
    """Failed delivery attempts since the last successful one. When a delivery fails through
    the whole retry schedule with no success in between, the endpoint is disabled.
    """
    created_at: datetime
    description: Optional[str]
    disabled_reason: Optional[DisabledReason]
    """Why a disabled endpoint is disabled."""
    events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]
    """Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event."""
    id: WebhookEndpointId
    livemode: bool
    """`true` for endpoints receiving production events (live keys), `false` for sandbox ones."""
    status: EndpointStatus
    """`enabled` or `disabled`; mirrors `active`."""
    updated_at: datetime
    url: str
    """The HTTPS URL deliveries are POSTed to."""

    def __init__(
        self,
        *,
        active: bool,
        consecutive_failures: int,
        created_at: datetime,
        events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]],
        id: WebhookEndpointId,
        livemode: bool,
        status: EndpointStatus,
        updated_at: datetime,
        url: str,
        description: Optional[str] = None,
        disabled_reason: Optional[DisabledReason] = None,
    ) -> None:
        self.active = active
        self.consecutive_failures = consecutive_failures
        self.created_at = created_at
        self.description = description
        self.disabled_reason = disabled_reason
        self.events = events
        self.id = id
        self.livemode = livemode
        self.status = status
        self.updated_at = updated_at
        self.url = url

    @classmethod
    def _from_json(cls, d: Any) -> WebhookEndpoint:
        self = cls.__new__(cls)
        self.active = d["active"]
        self.consecutive_failures = d["consecutive_failures"]
        self.created_at = parse_datetime(d["created_at"])
        self.description = d.get("description")
        self.disabled_reason = d.get("disabled_reason")
        self.events = d["events"]
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.status = d["status"]
        self.updated_at = parse_datetime(d["updated_at"])
        self.url = d["url"]
        return self


WebhookEndpointId = str
"""A webhook endpoint id."""


class WebhookEndpointList(Model):
    """A page of webhook endpoints, newest first."""

    __slots__ = ("data", "has_more", "total")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("data", "data", True),
        ("has_more", "has_more", True),
        ("total", "total", True),
    )

    data: List[WebhookEndpoint]
    """This page of results."""
    has_more: bool
    """Whether more results exist past this page (`offset + limit < total`)."""
    total: int
    """How many results match, across all pages."""

    def __init__(
        self,
        *,
        data: List[WebhookEndpoint],
        has_more: bool,
        total: int,
    ) -> None:
        self.data = data
        self.has_more = has_more
        self.total = total

    @classmethod
    def _from_json(cls, d: Any) -> WebhookEndpointList:
        self = cls.__new__(cls)
        self.data = [WebhookEndpoint._from_json(v0) for v0 in d["data"]]
        self.has_more = d["has_more"]
        self.total = d["total"]
        return self


class WebhookEndpointWithSecret(Model):
    """A new endpoint, with its signing secret. Store the secret now: it is never shown again
    (rotate it to get a new one).
    """

    __slots__ = ("active", "consecutive_failures", "created_at", "description", "disabled_reason", "events", "id", "livemode", "secret", "status", "updated_at", "url")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("active", "active", True),
        ("consecutive_failures", "consecutive_failures", True),
        ("created_at", "created_at", True),
        ("description", "description", False),
        ("disabled_reason", "disabled_reason", False),
        ("events", "events", True),
        ("id", "id", True),
        ("livemode", "livemode", True),
        ("secret", "secret", True),
        ("status", "status", True),
        ("updated_at", "updated_at", True),
        ("url", "url", True),
    )

    active: bool
    """Whether the endpoint receives deliveries. Set it to `true` again to re-enable an
    endpoint the server disabled.
    """
    consecutive_failures: int
    """Failed delivery attempts since the last successful one. When a delivery fails through
    the whole retry schedule with no success in between, the endpoint is disabled.
    """
    created_at: datetime
    description: Optional[str]
    disabled_reason: Optional[DisabledReason]
    """Why a disabled endpoint is disabled."""
    events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]]
    """Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every event."""
    id: WebhookEndpointId
    livemode: bool
    """`true` for endpoints receiving production events (live keys), `false` for sandbox ones."""
    secret: str
    """The signing secret (`whsec_…`): the HMAC key for `X-VinSnap-Signature`."""
    status: EndpointStatus
    """`enabled` or `disabled`; mirrors `active`."""
    updated_at: datetime
    url: str
    """The HTTPS URL deliveries are POSTed to."""

    def __init__(
        self,
        *,
        active: bool,
        consecutive_failures: int,
        created_at: datetime,
        events: List[Literal["customer.created", "customer.updated", "job.created", "job.status_changed", "job.completed", "invoice.created", "invoice.sent", "invoice.paid", "*"]],
        id: WebhookEndpointId,
        livemode: bool,
        secret: str,
        status: EndpointStatus,
        updated_at: datetime,
        url: str,
        description: Optional[str] = None,
        disabled_reason: Optional[DisabledReason] = None,
    ) -> None:
        self.active = active
        self.consecutive_failures = consecutive_failures
        self.created_at = created_at
        self.description = description
        self.disabled_reason = disabled_reason
        self.events = events
        self.id = id
        self.livemode = livemode
        self.secret = secret
        self.status = status
        self.updated_at = updated_at
        self.url = url

    @classmethod
    def _from_json(cls, d: Any) -> WebhookEndpointWithSecret:
        self = cls.__new__(cls)
        self.active = d["active"]
        self.consecutive_failures = d["consecutive_failures"]
        self.created_at = parse_datetime(d["created_at"])
        self.description = d.get("description")
        self.disabled_reason = d.get("disabled_reason")
        self.events = d["events"]
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.secret = d["secret"]
        self.status = d["status"]
        self.updated_at = parse_datetime(d["updated_at"])
        self.url = d["url"]
        return self


class WebhookTestResult(Model):
    """The result of `POST /webhooks/{id}/test`: a `ping` event sent at once, as seed 002 shows."""

    __slots__ = ("delivery_id", "message", "response_time_ms", "status_code", "success")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("delivery_id", "delivery_id", True),
        ("message", "message", True),
        ("response_time_ms", "response_time_ms", True),
        ("status_code", "status_code", False),
        ("success", "success", True),
    )

    delivery_id: DeliveryId
    """The ping's entry in the delivery log."""
    message: str
    response_time_ms: int
    status_code: Optional[int]
    """The receiver's HTTP status; `null` when no answer arrived (refused, unreachable, timeout)."""
    success: bool
    """Whether the endpoint answered with a 2xx status."""

    def __init__(
        self,
        *,
        delivery_id: DeliveryId,
        message: str,
        response_time_ms: int,
        success: bool,
        status_code: Optional[int] = None,
    ) -> None:
        self.delivery_id = delivery_id
        self.message = message
        self.response_time_ms = response_time_ms
        self.status_code = status_code
        self.success = success

    @classmethod
    def _from_json(cls, d: Any) -> WebhookTestResult:
        self = cls.__new__(cls)
        self.delivery_id = d["delivery_id"]
        self.message = d["message"]
        self.response_time_ms = d["response_time_ms"]
        self.status_code = d.get("status_code")
        self.success = d["success"]
        return self


class PingData(Model):
    """PingData"""

    __slots__ = ("endpoint_id", "message")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("endpoint_id", "endpoint_id", True),
        ("message", "message", True),
    )

    endpoint_id: str
    """A webhook endpoint id."""
    message: str

    def __init__(
        self,
        *,
        endpoint_id: str,
        message: str,
    ) -> None:
        self.endpoint_id = endpoint_id
        self.message = message

    @classmethod
    def _from_json(cls, d: Any) -> PingData:
        self = cls.__new__(cls)
        self.endpoint_id = d["endpoint_id"]
        self.message = d["message"]
        return self


class PingEventData(Model):
    """PingEventData"""

    __slots__ = ("endpoint_id", "message")
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = (
        ("endpoint_id", "endpoint_id", True),
        ("message", "message", True),
    )

    endpoint_id: str
    """A webhook endpoint id."""
    message: str

    def __init__(
        self,
        *,
        endpoint_id: str,
        message: str,
    ) -> None:
        self.endpoint_id = endpoint_id
        self.message = message

    @classmethod
    def _from_json(cls, d: Any) -> PingEventData:
        self = cls.__new__(cls)
        self.endpoint_id = d["endpoint_id"]
        self.message = d["message"]
        return self
