"""What the generated resources call: the clients' `_call`."""

from __future__ import annotations

from typing import Any, Dict, Optional, Protocol


class SyncCaller(Protocol):
    def _call(self, operation: str, params: Dict[str, object], body: Optional[object]) -> Any: ...


class AsyncCaller(Protocol):
    async def _call(self, operation: str, params: Dict[str, object], body: Optional[object]) -> Any: ...
