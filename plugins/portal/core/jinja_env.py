"""Attribute lookups in templates: ``rec.schedule.type`` on feed records (plain dicts) is most of
what an opportunity page looks up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

#: Names a dict answers as attributes (``items``, ``get``...): these keep Jinja's order.
_DICT_ATTRIBUTES = frozenset(dir(dict))


def dict_first_getattr(environment: Environment) -> Callable[[Any, str], Any]:
    """``environment.getattr`` that looks a plain dict's key up first. Jinja tries the
    attribute first and falls back to the key, which for a dict costs a raised and caught
    ``AttributeError`` per lookup; for any name that is not a dict attribute the attribute
    lookup always fails, so the result is the same."""
    jinja_getattr = environment.getattr

    def getattr_(obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return jinja_getattr(obj, attribute)

    return getattr_


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of a build process that stays up
    (``core.resident``): every build makes new Jinja environments, which would otherwise
    compile every template again. Jinja checks each entry against the template's source, so
    an edited template is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = MemoryBytecodeCache()


def resident_bytecode_cache() -> MemoryBytecodeCache:
    return _compiled
