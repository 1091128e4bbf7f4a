"""What the generated models share: the base class, JSON and date handling, NOT_GIVEN."""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from typing import Any, Callable, ClassVar, Dict, List, Literal, Sequence, Tuple, Type, TypeVar, Union, final

JsonValue = Union[None, bool, int, float, str, List["JsonValue"], Dict[str, "JsonValue"]]
"""Any JSON value."""

M = TypeVar("M", bound="Model")


@final
class NotGiven:
    """The default of an optional keyword argument: the request leaves it out.

    `None` is different: it is sent as JSON `null`, which clears a field.
    """

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def given(values: Dict[str, object]) -> Dict[str, object]:
    """The arguments that were given (not `NOT_GIVEN`)."""
    return {k: v for k, v in values.items() if v is not NOT_GIVEN}


class Model:
    """A response model: attribute access, `==`, `repr()` and `to_dict()`."""

    __slots__ = ()
    _fields: ClassVar[Tuple[Tuple[str, str, bool], ...]] = ()
    """(attribute, JSON name, required) of each field, in the spec's order."""

    @classmethod
    def _from_json(cls: Type[M], d: Any) -> M:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, a) == getattr(other, a) for a, _, _ in self._fields)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        fields = ", ".join(f"{a}={getattr(self, a)!r}" for a, _, _ in self._fields)
        return f"{type(self).__name__}({fields})"

    def to_dict(self) -> Dict[str, JsonValue]:
        """The model as JSON data, as the API sends it (dates as RFC 3339 strings); optional
        fields that are `None` are left out."""
        out: Dict[str, JsonValue] = {}
        for attr, key, required in self._fields:
            value = getattr(self, attr)
            if value is None and not required:
                continue
            out[key] = to_json(value)
        return out


def to_json(value: object) -> JsonValue:
    """A model attribute's value as JSON data."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _parse_datetime(value: str) -> datetime:
    """An RFC 3339 timestamp (`2026-11-22T10:15:30.123Z`) as an aware `datetime`."""
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        # Python 3.10 reads only 3 or 6 fractional digits.
        return datetime.fromisoformat(_six_digit_fraction(value))


parse_datetime: Callable[[str], datetime]
"""An RFC 3339 timestamp as an aware `datetime`: Python 3.11's `fromisoformat` reads them all
(a trailing `Z`, any number of fractional digits), 3.10's needs help."""
if sys.version_info >= (3, 11):
    parse_datetime = datetime.fromisoformat
else:
    parse_datetime = _parse_datetime


def _six_digit_fraction(value: str) -> str:
    head, dot, rest = value.partition(".")
    if not dot:
        return value
    digits = len(rest) - len(rest.lstrip("0123456789"))
    return f"{head}.{rest[:digits][:6].ljust(6, '0')}{rest[digits:]}"


def parse_date(value: str) -> date:
    return date.fromisoformat(value)


def decode_any_of(value: Any, decoders: Sequence[Callable[[Any], Any]]) -> Any:
    """The first decoder's result that does not fail; the value itself when all fail (a union
    member needing no conversion)."""
    for decode in decoders:
        try:
            return decode(value)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return value
