"""`vinsnap.Client` and `vinsnap.AsyncClient`: the generated resources over the native SDK."""

from __future__ import annotations

import os
from types import TracebackType
from typing import Any, Dict, Literal, Mapping, NamedTuple, Optional, Type, TypeVar

from . import _native
from ._errors import InvalidRequestError, error_from_failure
from ._generated.resources import AsyncClientResources, ClientResources

C = TypeVar("C", bound="_BaseClient")


class RateLimit(NamedTuple):
    """A reading of the `X-RateLimit-*` headers."""

    limit: int
    """Requests allowed per window, for this key and kind of request."""
    remaining: int
    """Requests left in the window."""
    reset: int
    """When the full limit is back, in Unix seconds."""


class _BaseClient:
    _native: _native.NativeClient

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        api_key = api_key if api_key is not None else os.environ.get("VINSNAP_API_KEY")
        if not api_key:
            raise InvalidRequestError("pass an API key (vsk_test_… or vsk_live_…) or set VINSNAP_API_KEY")
        if base_url is None:
            base_url = os.environ.get("VINSNAP_BASE_URL") or None
        headers = list((default_headers or {}).items())
        try:
            self._native = _native.NativeClient(api_key, base_url, float(timeout), int(max_retries), headers)
        except _native.Failure as failure:
            raise error_from_failure(failure.args) from None

    @property
    def mode(self) -> Literal["test", "live"]:
        """`"test"` for a `vsk_test_` key (sandbox data), `"live"` for a `vsk_live_` key."""
        return "live" if self._native.mode == "live" else "test"

    @property
    def base_url(self) -> str:
        return self._native.base_url

    @property
    def rate_limit(self) -> Optional[RateLimit]:
        """The last rate-limit reading this client received, if any."""
        reading = self._native.rate_limit
        return RateLimit(*reading) if reading is not None else None

    @property
    def is_closed(self) -> bool:
        return self._native.closed

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, mode={self.mode!r})"


class Client(_BaseClient, ClientResources):
    """The VinSnap API client. Resources are attributes (`client.customers.create(...)`).

    Every call runs on the Rust SDK's transport: retries with backoff (connection errors, 429
    after `Retry-After`, 500/502/503/504), one idempotency key per POST across its retries,
    rate-limit readings. Calls release the GIL, so threads sharing a client run in parallel.

    Args:
        api_key: A `vsk_test_…` or `vsk_live_…` key (default: `$VINSNAP_API_KEY`).
        base_url: Where the API is (default: `$VINSNAP_BASE_URL`, else production).
        timeout: Seconds one attempt may take, connecting included.
        max_retries: Retries after a failed attempt (0 turns them off).
        default_headers: Headers sent with every request (the sandbox mock's `Prefer`).
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(
            api_key, base_url=base_url, timeout=timeout, max_retries=max_retries, default_headers=default_headers
        )
        self._attach_resources(self)

    def _call(self, operation: str, params: Dict[str, object], body: Optional[object]) -> Any:
        try:
            return self._native.call(operation, params, body)
        except _native.Failure as failure:
            raise error_from_failure(failure.args) from None

    def close(self) -> None:
        """Closes the client's connections; later calls raise `APIConnectionError`."""
        self._native.close()

    def __enter__(self: C) -> C:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncClient(_BaseClient, AsyncClientResources):
    """The VinSnap API client for asyncio: the same resources and methods as `Client`, each
    awaitable. It binds to no event loop: use it under `asyncio.run`, inside a running loop
    (FastAPI, Jupyter), or from several loops in turn.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(
            api_key, base_url=base_url, timeout=timeout, max_retries=max_retries, default_headers=default_headers
        )
        self._attach_resources(self)

    async def _call(self, operation: str, params: Dict[str, object], body: Optional[object]) -> Any:
        try:
            return await self._native.call_async(operation, params, body)
        except _native.Failure as failure:
            raise error_from_failure(failure.args) from None

    async def close(self) -> None:
        """Closes the client's connections; later calls raise `APIConnectionError`."""
        self._native.close()

    async def __aenter__(self: C) -> C:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()
