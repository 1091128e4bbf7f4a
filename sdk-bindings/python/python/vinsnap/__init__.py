"""The VinSnap Business API for Python, on the Rust SDK.

```python
import vinsnap

client = vinsnap.Client("vsk_test_…", base_url="http://127.0.0.1:8080")
customer = client.customers.create(name="Sarah Chen", email="s.chen@email.com")
for job in client.jobs.list(status="pending"):
    print(job.title)
```
"""

from . import types, webhooks
from ._client import AsyncClient, Client, RateLimit
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    VinSnapError,
    WebhookVerificationError,
)
from ._models import NOT_GIVEN, JsonValue, Model, NotGiven
from ._pagination import AsyncPage, SyncPage
from .webhooks import Event

__version__ = "0.1.0"

__all__ = [
    "Client",
    "AsyncClient",
    "RateLimit",
    "SyncPage",
    "AsyncPage",
    "Model",
    "JsonValue",
    "NOT_GIVEN",
    "NotGiven",
    "Event",
    "types",
    "webhooks",
    "VinSnapError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "UnprocessableEntityError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "InvalidRequestError",
    "WebhookVerificationError",
]
