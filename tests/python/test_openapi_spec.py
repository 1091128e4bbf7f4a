"""The committed spec is valid OpenAPI 3.1, checked by an independent validator."""

import json
import pathlib

from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC = json.loads((ROOT / "openapi" / "openapi.json").read_text())


def test_spec_declares_openapi_3_1():
    assert SPEC["openapi"].startswith("3.1.")


def test_spec_validates_as_openapi_3_1():
    validate(SPEC, cls=OpenAPIV31SpecValidator)


def test_every_operation_has_an_operation_id():
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            assert operation.get("operationId"), f"{method} {path}"
