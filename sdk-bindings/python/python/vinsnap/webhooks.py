"""Verifying webhook deliveries (on the Rust SDK's verifier), and signing test ones.

```python
event = vinsnap.webhooks.verify(request.body, request.headers, secret)
if event.type == "customer.created":
    print(event.data.name)          # event.data is a vinsnap.types.Customer
```
"""

from __future__ import annotations

import time
from typing import Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import WebhookVerificationError
from ._generated.events import Event, event_from_json

__all__ = ["verify", "sign", "Event", "WebhookVerificationError", "TOLERANCE"]

TOLERANCE = 300
"""Seconds a delivery's timestamp may be away from now, either way, by default."""

Headers = Union[Mapping[str, str], Mapping[bytes, bytes], Iterable[Tuple[Union[str, bytes], Union[str, bytes]]]]
"""Any header collection: a dict, Flask's/Django's/Starlette's headers, ASGI's raw pairs."""


def verify(
    payload: Union[bytes, str],
    headers: Headers,
    secret: str,
    tolerance: int = TOLERANCE,
    *,
    now: Optional[int] = None,
) -> Event:
    """Checks a delivery's signature and timestamp, and returns its typed event.

    Args:
        payload: The body exactly as received (before any JSON parsing); `str` is taken as
            UTF-8.
        headers: The request's headers, in any case.
        secret: The endpoint's signing secret (`whsec_…`).
        tolerance: Seconds the `X-VinSnap-Timestamp` may be from now (replay window).
        now: The time to check against, in Unix seconds (default: now), for replaying
            recorded deliveries.

    Raises:
        WebhookVerificationError: with `kind` `missing_header`, `bad_timestamp`, `too_old`,
            `no_matching_signature` or `bad_payload`.
    """
    body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
    try:
        data = _native.verify_webhook(body, _pairs(headers), secret, int(tolerance), now)
    except _native.WebhookFailure as failure:
        kind, message = failure.args
        raise WebhookVerificationError(message, kind=kind) from None
    return event_from_json(data)


def sign(payload: Union[bytes, str], secret: Union[str, Sequence[str]], timestamp: Optional[int] = None) -> Dict[str, str]:
    """The signing headers of a delivery of `payload`, as the server sends them: for testing
    a receiver. Several secrets give several signatures (as during a secret rotation)."""
    body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
    secrets = [secret] if isinstance(secret, str) else list(secret)
    at = int(time.time()) if timestamp is None else int(timestamp)
    return dict(_native.sign_webhook(body, secrets, at))


def _text(value: Union[str, bytes]) -> str:
    return value.decode("latin-1") if isinstance(value, (bytes, bytearray)) else str(value)


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    return [(_text(name), _text(value)) for name, value in items]
