# Request parameters: a TypedDict per object a request takes.
#
# Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
# Regenerate with `cargo run -q -p vinsnap-codegen`.

from __future__ import annotations

from datetime import date, datetime
from typing import Dict, List, Literal, Optional, TypedDict, Union

from .._models import JsonValue
from .models import *  # noqa: F403 (aliases such as ids and enums)

__all__ = [
    "NewLineItemParam",
]


class _NewLineItemParamRequired(TypedDict):
    description: str
    """One line of text with at least one character that is not white space: no control characters or line breaks; surrounding white space is trimmed."""
    kind: LineItemKind


class NewLineItemParam(_NewLineItemParamRequired, total=False):
    """A line item to add. Labor lines take `hours` and `rate`; part lines take `quantity`,
    `unit_price` and optionally a catalog `part_id`.
    """
    hours: Optional[str]
    """Labor: hours as a decimal string with at most two decimals, `"0.01"` to `"1000"`."""
    part_id: Optional[PartId]
    """Part: a catalog part id (`prt_…`). Leave out for a free-text part."""
    quantity: Optional[int]
    """Part: how many."""
    rate: Optional[int]
    """Labor: hourly rate in minor units."""
    unit_price: Optional[int]
    """Part: price of one in minor units."""
