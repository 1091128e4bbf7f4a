# Webhook events: a class per event type and the Event union.
#
# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
# Regenerate with `cargo run -q -p vinsnap-codegen`.

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Type, Union, cast

from .._models import JsonValue, Model, decode_any_of, parse_date, parse_datetime
from .models import Customer, EventId, Invoice, Job

__all__ = [
    "CustomerCreatedEvent",
    "CustomerUpdatedEvent",
    "InvoiceCreatedEvent",
    "InvoicePaidEvent",
    "InvoiceSentEvent",
    "JobCompletedEvent",
    "JobCreatedEvent",
    "JobStatusChangedEvent",
    "PingEvent",
    "UnknownEvent",
    "Event",
    "EVENT_TYPES",
    "event_from_json",
]


class CustomerCreatedEvent(Model):
    """`customer.created`: Fires when: New customer added. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Customer
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["customer.created"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Customer,
        id: EventId,
        livemode: bool,
        type: Literal["customer.created"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> CustomerCreatedEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Customer._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class CustomerUpdatedEvent(Model):
    """`customer.updated`: Fires when: Customer record changed. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Customer
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["customer.updated"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Customer,
        id: EventId,
        livemode: bool,
        type: Literal["customer.updated"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> CustomerUpdatedEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Customer._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class InvoiceCreatedEvent(Model):
    """`invoice.created`: Fires when: New invoice generated. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Invoice
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["invoice.created"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Invoice,
        id: EventId,
        livemode: bool,
        type: Literal["invoice.created"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> InvoiceCreatedEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Invoice._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class InvoicePaidEvent(Model):
    """`invoice.paid`: Fires when: Invoice marked paid. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Invoice
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["invoice.paid"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Invoice,
        id: EventId,
        livemode: bool,
        type: Literal["invoice.paid"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> InvoicePaidEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Invoice._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class InvoiceSentEvent(Model):
    """`invoice.sent`: Fires when: Invoice emailed to customer. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Invoice
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["invoice.sent"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Invoice,
        id: EventId,
        livemode: bool,
        type: Literal["invoice.sent"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> InvoiceSentEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Invoice._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class JobCompletedEvent(Model):
    """`job.completed`: Fires when: Job marked done. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Job
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["job.completed"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Job,
        id: EventId,
        livemode: bool,
        type: Literal["job.completed"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> JobCompletedEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Job._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class JobCreatedEvent(Model):
    """`job.created`: Fires when: New job opened. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Job
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["job.created"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Job,
        id: EventId,
        livemode: bool,
        type: Literal["job.created"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> JobCreatedEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Job._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class JobStatusChangedEvent(Model):
    """`job.status_changed`: Fires when: Kanban move (e.g. pending → in-progress). The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: Job
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["job.status_changed"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: Job,
        id: EventId,
        livemode: bool,
        type: Literal["job.status_changed"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> JobStatusChangedEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = Job._from_json(d["data"])
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class PingEvent(Model):
    """`ping`: Fires when: POST /webhooks/{id}/test was called. The body is the event envelope with the resource as `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h."""

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
    data: JsonValue
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: Literal["ping"]

    def __init__(
        self,
        *,
        created_at: datetime,
        data: JsonValue,
        id: EventId,
        livemode: bool,
        type: Literal["ping"],
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> PingEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = d.get("data")
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


class UnknownEvent(Model):
    """An event type this version of the SDK does not know; `data` is kept as JSON."""

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
    data: JsonValue
    id: EventId
    livemode: bool
    """`true` for production events (made with a live key), `false` for sandbox ones."""
    type: str

    def __init__(
        self,
        *,
        created_at: datetime,
        data: JsonValue,
        id: EventId,
        livemode: bool,
        type: str,
    ) -> None:
        self.created_at = created_at
        self.data = data
        self.id = id
        self.livemode = livemode
        self.type = type

    @classmethod
    def _from_json(cls, d: Any) -> UnknownEvent:
        self = cls.__new__(cls)
        self.created_at = parse_datetime(d["created_at"])
        self.data = d.get("data")
        self.id = d["id"]
        self.livemode = d["livemode"]
        self.type = d["type"]
        return self


Event = Union["CustomerCreatedEvent", "CustomerUpdatedEvent", "InvoiceCreatedEvent", "InvoicePaidEvent", "InvoiceSentEvent", "JobCompletedEvent", "JobCreatedEvent", "JobStatusChangedEvent", "PingEvent", "UnknownEvent"]
"""A verified webhook event: narrow it by `type` (or `isinstance`, or `match`) to reach its typed `data`."""

EVENT_TYPES: Dict[str, Type[Model]] = {
    "customer.created": CustomerCreatedEvent,
    "customer.updated": CustomerUpdatedEvent,
    "invoice.created": InvoiceCreatedEvent,
    "invoice.paid": InvoicePaidEvent,
    "invoice.sent": InvoiceSentEvent,
    "job.completed": JobCompletedEvent,
    "job.created": JobCreatedEvent,
    "job.status_changed": JobStatusChangedEvent,
    "ping": PingEvent,
}
"""The class of each event type this version knows, by `type`."""


def event_from_json(d: Any) -> Event:
    """The event class for `d["type"]`, `UnknownEvent` for a type this version does not know."""
    cls = EVENT_TYPES.get(d.get("type"), UnknownEvent)
    return cast(Event, cls._from_json(d))
