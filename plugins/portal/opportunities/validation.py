"""Checking the feed against the project's copy of the contract (data/schemas/)."""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match

SCHEMA_FILE = "opportunity-feed-v1.schema.json"
SUPPORTED_MAJOR = 1


@cache
def load_schema(schema_dir: str) -> dict:
    return json.loads((Path(schema_dir) / SCHEMA_FILE).read_text("utf-8"))


def _inline(node: object, defs: dict, seen: tuple[str, ...] = ()) -> object:
    """The schema with each local ``$ref`` replaced by what it names (a recursive reference
    is left as it is): the same rules, without a reference lookup at every step of every
    record, which is a good part of the time jsonschema spends on a large feed."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if len(node) == 1 and isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.rsplit("/", 1)[-1]
            return node if name in seen else _inline(defs[name], defs, (*seen, name))
        return {key: _inline(value, defs, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, defs, seen) for item in node]
    return node


@cache
def record_validator(schema_dir: str) -> Draft202012Validator:
    defs = load_schema(schema_dir)["$defs"]
    schema = _inline({"$ref": "#/$defs/opportunity"}, defs)
    checker = validators.extend(Draft202012Validator, {
        "properties": _remembering_properties()})
    return checker({**schema, "$defs": defs}, format_checker=Draft202012Validator.FORMAT_CHECKER)


KeywordCheck = Callable[[Any, Any, Any, dict], Iterator[ValidationError]]


def _remembering_properties() -> KeywordCheck:
    """jsonschema's ``properties`` keyword, which remembers the objects and lists it found
    valid for each property of each object of the schema: records share many of theirs (an
    organisation, its contact and its benefits, a venue, the languages, the goals), and each
    is then checked once per process. A value is known by its pickle, which tells apart what
    the schema tells apart (``1``, ``1.0`` and ``True``; keys in another order only cost a
    check), and the property by the schema object that declares it. Only values without
    errors are remembered, so every error is reported as jsonschema finds it."""
    check_properties: KeywordCheck = Draft202012Validator.VALIDATORS["properties"]
    valid: set[bytes] = set()

    def properties(validator: Any, properties: Any, instance: Any,
                   schema: dict) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object"):
            yield from check_properties(validator, properties, instance, schema)
            return
        # The schema lives as long as the validator (cached for the process), so the
        # identity of its ``properties`` object names it.
        declared = id(properties).to_bytes(8, "little")
        for name, subschema in properties.items():
            if name not in instance:
                continue
            value = instance[name]
            if not isinstance(value, (dict, list)):  # quicker to check than to remember
                yield from validator.descend(value, subschema, path=name, schema_path=name)
                continue
            key = hashlib.blake2b(declared + name.encode() + b"\0"
                                  + pickle.dumps(value, protocol=5), digest_size=16).digest()
            if key in valid:
                continue
            errors = list(validator.descend(value, subschema, path=name, schema_path=name))
            if errors:
                yield from errors
            else:
                valid.add(key)

    return properties


@cache
def document_validator(schema_dir: str) -> Draft202012Validator:
    """The top level of the feed; records are checked one by one so one bad record is
    set aside instead of sinking the whole feed."""
    schema = dict(load_schema(schema_dir))
    schema["properties"] = {**schema["properties"], "opportunities": {"type": "array"},
                            "withdrawn": {"type": "array"}}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_feed_document(document: object, schema_dir: str | None = None) -> str | None:
    """Why the document as a whole is unusable, or None."""
    if not isinstance(document, dict):
        return "the feed must be a JSON object"
    version = document.get("schema_version")
    if not isinstance(version, str):
        return "schema_version is missing"
    major = version.split(".", 1)[0]
    if major != str(SUPPORTED_MAJOR):
        return (f"schema_version {version} is not supported: this portal reads version "
                f"{SUPPORTED_MAJOR}.x feeds (data/schemas/{SCHEMA_FILE})")
    if not isinstance(document.get("opportunities"), list):
        return "opportunities must be a list"
    if schema_dir:
        error = best_match(document_validator(schema_dir).iter_errors(document))
        if error is not None:
            return f"{error.json_path}: {error.message}"
    return None


def record_errors(record: object, schema_dir: str) -> list[tuple[str, str]]:
    """(JSON path from the record, reason) for every way ``record`` breaks the contract."""
    errors = sorted(record_validator(schema_dir).iter_errors(record),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    return [(error.json_path, error.message) for error in errors]


@cache
def tombstone_validator(schema_dir: str) -> Draft202012Validator:
    schema = load_schema(schema_dir)
    return Draft202012Validator({**schema["properties"]["withdrawn"]["items"],
                                 "$defs": schema["$defs"]},
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def tombstone_errors(item: object, index: int, schema_dir: str) -> list[tuple[str, str]]:
    prefix = f"$.withdrawn[{index}]"
    return [(prefix + error.json_path[1:], error.message)
            for error in tombstone_validator(schema_dir).iter_errors(item)]
