"""The REST API's error contract and input bounds, shared by every app's `api.py`.

Why a module of its own: bad input must end in a clear 4xx with a JSON body that the OpenAPI
schema documents, never in a 500 or half-written data, and that should not depend on each
endpoint remembering every trap (64-bit overflow in SQL, a JSON array where an object belongs,
`null` for a field the database cannot hold, bodies over the size limit, runaway nesting).
Endpoints use the bounded types below; `townhall.api` documents the error responses on every
operation (`document_errors`) and turns the remaining exceptions into JSON.

The meaning of each status is in docs/api.md ("API errors").
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.parser import Parser
from ninja.schema import DjangoGetter
from pydantic import model_validator

# Largest values the databases hold in a BIGINT; a bigger id cannot exist, so it is refused.
INT64_MAX = 2**63 - 1
# Offsets past this are refused: nothing has that many rows, and SQL engines overflow on more.
MAX_OFFSET = 1_000_000_000
# Free text that people write at length (descriptions, comments, plans, resolutions).
LONG_TEXT = 10_000
# Short free text (a reason, a note, a name).
SHORT_TEXT = 2_000

Id = Annotated[int, Field(ge=1, le=INT64_MAX, description="An object's id (1 to 2^63-1).")]
Count = Annotated[int, Field(ge=0, le=2**31 - 1)]


class ErrorOut(Schema):
    """Every 4xx except 422: one sentence saying what was wrong and what to do."""

    detail: str


class ValidationErrorOut(Schema):
    """422: the request did not match the schema; one entry per problem (`loc`, `msg`, `type`)."""

    detail: list[dict[str, Any]]


class BodyIn(Schema):
    """Base of every request body: it must be a JSON object (not an array, string or null).

    Ninja schemas read attributes from any object (for ORM output), so without this a body such
    as `[null, null]` validated as "nothing set" and a PATCH went through as a no-op success.
    """

    @model_validator(mode="before")
    @classmethod
    def _must_be_object(cls, data: Any) -> Any:
        # ninja's own (outer) validator has wrapped the input for attribute access by now.
        raw = data._obj if isinstance(data, DjangoGetter) else data
        if not isinstance(raw, dict):
            raise ValueError("The request body must be a JSON object.")
        return data


class StrictJSONParser(Parser):
    """JSON bodies without the traps of `json.loads`: no NaN/Infinity, no 1e400, no deep nesting.

    Python's decoder accepts `NaN` and `Infinity` (not JSON), turns `1e400` into infinity and
    raises RecursionError on deep nesting; ninja answers any parser exception with a JSON 400
    ("Cannot parse request body"), so this only has to refuse them.
    """

    def parse_body(self, request: HttpRequest) -> Any:
        return loads_strict(request.body)


def loads_strict(text: bytes | str) -> Any:
    """`json.loads` that refuses NaN, Infinity, numbers beyond a double and runaway nesting."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise ValueError("The JSON is nested too deeply.") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number.")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"The number {text[:40]} is too large.")
    return value


# --- OpenAPI: every 4xx an operation can return, documented -------------------------------------

_ERROR = {"$ref": "#/components/schemas/ErrorOut"}
_VALIDATION = {"$ref": "#/components/schemas/ValidationErrorOut"}
_DESCRIPTIONS = {
    "400": "The request was understood but refused; `detail` says why (bad value, NUL byte, bad JSON).",
    "401": "No valid token or signed-in session.",
    "403": "You may not do this (your role or ownership); `detail` says which rule.",
    "404": "No such object, or one you may not see (the two are not told apart).",
    "413": "The request body is larger than the server accepts (see docs/api.md).",
    "422": "The request does not match the schema (a missing field, a wrong type, a value out of range).",
}


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error responses each operation can give to the generated OpenAPI document.

    400/403 can come from any operation (validation in services, the NUL-byte guard, the
    permission check), 401 from any authenticated one, 404 from those addressing an object,
    413 from those taking a body and 422 from those taking any input.
    """
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ErrorOut", ErrorOut.model_json_schema())
    components["ValidationErrorOut"] = {
        "title": "ValidationErrorOut",
        "type": "object",
        "properties": {"detail": {"title": "Detail", "type": "array", "items": {"type": "object"}}},
        "required": ["detail"],
    }
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            # ninja keys responses by int; JSON has string keys. One kind, so nothing is doubled.
            responses = {str(code): value for code, value in operation.get("responses", {}).items()}
            operation["responses"] = responses
            params = operation.get("parameters", [])
            wanted = ["400", "403"]
            if operation.get("security"):
                wanted.append("401")
            if "{" in path:
                wanted.append("404")
            if "requestBody" in operation:
                wanted.append("413")
            if params or "requestBody" in operation:
                wanted.append("422")
            for code in wanted:
                ref = _VALIDATION if code == "422" else _ERROR
                if code in responses:  # the endpoint's own schema for it; our words for what it means
                    responses[code]["description"] = _DESCRIPTIONS[code]
                    continue
                responses[code] = {
                    "description": _DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": ref}},
                }
    return schema
