"""Every text field of every API request body keeps the project's text rules (`accord.api.inputs`): a
`pattern` refusing control characters, and a `maxLength` unless it may hold several lines."""

from __future__ import annotations

from typing import Any

from django.test import Client

from accord.core.text import MULTI_LINE_PATTERN


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _strings(
    document: dict[str, Any], schema: dict[str, Any], where: str
) -> list[tuple[str, dict[str, Any]]]:
    schema = _resolve(document, schema)
    found: list[tuple[str, dict[str, Any]]] = []
    for option in schema.get("anyOf", []) + schema.get("allOf", []):
        found += _strings(document, option, where)
    if schema.get("type") == "string" and "enum" not in schema and "format" not in schema:
        found.append((where, schema))
    for name, prop in schema.get("properties", {}).items():
        found += _strings(document, prop, f"{where}.{name}")
    if "items" in schema:
        found += _strings(document, schema["items"], f"{where}[]")
    return found


def test_every_text_input_of_a_request_body_keeps_the_text_rules(db: None) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    problems = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            for media in content.values():
                for where, schema in _strings(document, media["schema"], f"{method} {path}"):
                    if "pattern" not in schema:
                        problems.append(f"{where}: no pattern")
                    elif "maxLength" not in schema and schema["pattern"] != MULTI_LINE_PATTERN:
                        problems.append(f"{where}: no maxLength")
    assert not problems, problems
