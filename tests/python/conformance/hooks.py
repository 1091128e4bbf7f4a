"""Schemathesis hooks of the conformance test.

- The run authenticates with one API key; its id is in `VINSNAP_CONFORMANCE_KEY_ID`. Revoking it
  would turn every later request into a 401, so a `DELETE /api-keys/{id}` aimed at it (the id can
  reach the operation through a link) is pointed at another, unknown key.
- Schemathesis draws `Idempotency-Key` values from a small space (the spec's example among them)
  and reuses them. The server then does what the header promises: a key seen before with the
  same request replays the first answer (a `POST /webhooks` answers with an endpoint created, and
  deleted, long before), and with another request is a 409. Schemathesis judges each request on
  its own, so a replayed "create" would read to it as a resource that vanished. A valid key is
  therefore made unique per request; invalid ones, which test the header's own rules, are kept.
  Replays and reuse have their own tests (`server/tests/it/idempotency.rs`).
"""

import os
import re
import uuid

import schemathesis

# The spec's rule for the header: 1 to 255 printable ASCII characters, no surrounding spaces.
VALID_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e](?:[\x20-\x7e\t]{0,253}[\x21-\x7e])?")

OWN_KEY_ID = os.environ.get("VINSNAP_CONFORMANCE_KEY_ID", "")
# Well-formed (the spec's pattern) and never issued: the request still runs and answers 404.
STAND_IN_KEY_ID = "key_00000000000000000000000000"


@schemathesis.hook
def map_headers(ctx, headers):
    # As the headers are generated, not as the request goes out: a case Schemathesis sends
    # without a header on purpose (its `missing_required_header` check) stays as it made it.
    if not headers:
        return headers
    return {
        name: str(uuid.uuid4())
        if name.lower() == "idempotency-key"
        and isinstance(value, str)
        and VALID_IDEMPOTENCY_KEY.fullmatch(value)
        else value
        for name, value in headers.items()
    }


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if (
        case.operation.method.upper() == "DELETE"
        and case.operation.path == "/api-keys/{id}"
        and (case.path_parameters or {}).get("id") == OWN_KEY_ID
    ):
        case.path_parameters["id"] = STAND_IN_KEY_ID
