"""Pages of list operations: the page's fields, and every item of every page on iteration."""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, Dict, Generic, Iterator, List, Optional, Type, TypeVar

from ._transport import AsyncCaller, SyncCaller

T = TypeVar("T")
SP = TypeVar("SP", bound="SyncPage[Any]")
AP = TypeVar("AP", bound="AsyncPage[Any]")


class _Page(Generic[T]):
    __slots__ = ("data", "has_more", "total", "_operation", "_params", "_decode")

    data: List[T]
    """This page's items."""
    has_more: bool
    """Whether more items follow this page."""
    total: int
    """How many items match, across all pages."""

    def _read(
        self,
        operation: str,
        params: Dict[str, object],
        decode: Optional[Callable[[Any], T]],
        raw: Any,
    ) -> None:
        self._operation = operation
        self._params = params
        self._decode = decode
        items = raw["data"]
        self.data = [decode(item) for item in items] if decode is not None else items
        self.has_more = bool(raw.get("has_more"))
        self.total = raw.get("total", len(self.data))
        self._read_extra(raw)

    def _read_extra(self, raw: Any) -> None:
        """Generated pages read the response's other fields here."""

    def has_next_page(self) -> bool:
        return self.has_more and bool(self.data)

    def _next_params(self) -> Dict[str, object]:
        if not self.has_next_page():
            raise RuntimeError("this is the last page")
        offset = self._params.get("offset", 0)
        params = dict(self._params)
        params["offset"] = (offset if isinstance(offset, int) else 0) + len(self.data)
        return params

    def __repr__(self) -> str:
        return f"{type(self).__name__}(data={self.data!r}, has_more={self.has_more!r}, total={self.total!r})"


class SyncPage(_Page[T]):
    """A page of a list (`.data`, `.has_more`, `.total`). Iterating it yields every item of
    this page and the following ones, fetching each next page when the previous is used up."""

    __slots__ = ("_client",)
    _client: SyncCaller

    @classmethod
    def _fetch(
        cls: Type[SP],
        client: SyncCaller,
        operation: str,
        params: Dict[str, object],
        decode: Optional[Callable[[Any], Any]],
    ) -> SP:
        page = cls.__new__(cls)
        page._client = client
        page._read(operation, params, decode, client._call(operation, params, None))
        return page

    def next_page(self: SP) -> SP:
        """The page after this one (`RuntimeError` on the last page)."""
        return self._fetch(self._client, self._operation, self._next_params(), self._decode)

    def iter_pages(self: SP) -> Iterator[SP]:
        """This page and every following one."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_Page[T]):
    """A page of a list (`.data`, `.has_more`, `.total`). `async for` over it yields every
    item of this page and the following ones, fetching each next page when needed."""

    __slots__ = ("_client",)
    _client: AsyncCaller

    @classmethod
    async def _fetch(
        cls: Type[AP],
        client: AsyncCaller,
        operation: str,
        params: Dict[str, object],
        decode: Optional[Callable[[Any], Any]],
    ) -> AP:
        page = cls.__new__(cls)
        page._client = client
        page._read(operation, params, decode, await client._call(operation, params, None))
        return page

    async def next_page(self: AP) -> AP:
        """The page after this one (`RuntimeError` on the last page)."""
        return await self._fetch(self._client, self._operation, self._next_params(), self._decode)

    async def iter_pages(self: AP) -> AsyncIterator[AP]:
        """This page and every following one."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item
