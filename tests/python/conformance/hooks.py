"""Schemathesis hooks of the conformance test.

The run authenticates with one API key; its id is in `VINSNAP_CONFORMANCE_KEY_ID`. Revoking it
would turn every later request into a 401, so a `DELETE /api-keys/{id}` aimed at it (the id can
reach the operation through a link from `GET /api-keys`) is pointed at another, unknown key.
"""

import os

import schemathesis

OWN_KEY_ID = os.environ.get("VINSNAP_CONFORMANCE_KEY_ID", "")
# Well-formed (the spec's pattern) and never issued: the request still runs and answers 404.
STAND_IN_KEY_ID = "key_00000000000000000000000000"


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if (
        case.operation.method.upper() == "DELETE"
        and case.operation.path == "/api-keys/{id}"
        and (case.path_parameters or {}).get("id") == OWN_KEY_ID
    ):
        case.path_parameters["id"] = STAND_IN_KEY_ID
