"""The exceptions a call raises, by what went wrong."""

from __future__ import annotations

from typing import Dict, Literal, Optional, Tuple, Type


class VinSnapError(Exception):
    """Every error this package raises."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIError(VinSnapError):
    """The API answered with an error status; the subclass says which family."""

    status_code: int
    code: Optional[str]
    """The stable, machine-readable code (`customer_not_found`); `None` when the answer was
    not the API's error envelope (a proxy's error page)."""
    request_id: Optional[str]
    """Quote it to support."""
    param: Optional[str]
    """The request field the error is about, when it is about one."""
    retry_after: Optional[float]
    """Seconds to wait before retrying (`Retry-After`), for 429 and some 503s."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: Optional[str] = None,
        request_id: Optional[str] = None,
        param: Optional[str] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.param = param
        self.retry_after = retry_after

    def __str__(self) -> str:
        text = f"{self.status_code}"
        if self.code:
            text += f" {self.code}"
        text += f": {self.message}"
        if self.request_id:
            text += f" (request {self.request_id})"
        return text


class BadRequestError(APIError):
    """400: the request is malformed or invalid."""


class AuthenticationError(APIError):
    """401: the API key is missing, malformed or unknown."""


class PermissionDeniedError(APIError):
    """403: the key lacks a scope, or the resource is outside its location."""


class NotFoundError(APIError):
    """404: no such resource (or not this key's)."""


class ConflictError(APIError):
    """409: the request conflicts with the resource's state (or reuses an idempotency key)."""


class UnprocessableEntityError(APIError):
    """422: the request is well-formed, but the world says no (a VIN's check digit, exactly one of
    two parameters, a webhook host that is not public)."""


class RateLimitError(APIError):
    """429: too many requests; `retry_after` says when to come back."""


class InternalServerError(APIError):
    """5xx: the server (or a gateway before it) failed."""


class APIConnectionError(VinSnapError):
    """No answer: connecting, sending or reading failed (after the retries)."""


class APITimeoutError(APIConnectionError):
    """No answer in time (after the retries)."""


class APIResponseValidationError(VinSnapError):
    """The API answered, but not with what the spec promises for that status."""

    status_code: Optional[int]
    body: Optional[str]

    def __init__(self, message: str, *, status_code: Optional[int] = None, body: Optional[str] = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body


class InvalidRequestError(VinSnapError, ValueError):
    """Refused before sending: an argument the spec rejects (named by `param`), or a client
    setting that cannot work (API key, base URL, header)."""

    param: Optional[str]

    def __init__(self, message: str, *, param: Optional[str] = None) -> None:
        super().__init__(message)
        self.param = param

    def __str__(self) -> str:
        return f"invalid argument `{self.param}`: {self.message}" if self.param else self.message


WebhookErrorKind = Literal["missing_header", "bad_timestamp", "too_old", "no_matching_signature", "bad_payload"]


class WebhookVerificationError(VinSnapError, ValueError):
    """A webhook delivery that must not be trusted; `kind` says why."""

    kind: WebhookErrorKind

    def __init__(self, message: str, *, kind: WebhookErrorKind) -> None:
        super().__init__(message)
        self.kind = kind


_BY_STATUS: Dict[int, Type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

FailureArgs = Tuple[
    str, Optional[int], Optional[str], str, Optional[str], Optional[str], Optional[float], Optional[str]
]


def error_from_failure(args: FailureArgs) -> VinSnapError:
    """The public exception for the native module's `Failure`."""
    kind, status, code, message, request_id, param, retry_after, body = args
    if kind == "api" and status is not None:
        cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIError)
        return cls(
            message, status_code=status, code=code, request_id=request_id, param=param, retry_after=retry_after
        )
    if kind == "timeout":
        return APITimeoutError(message)
    if kind in ("connection", "closed"):
        return APIConnectionError(message)
    if kind == "decode":
        return APIResponseValidationError(message, status_code=status, body=body)
    return InvalidRequestError(message, param=param)
