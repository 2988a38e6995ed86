"""Attribute lookups in templates: ``rec.schedule.type`` on feed records (plain dicts) is most of
what an opportunity page looks up."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import Environment, TemplateError
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
    """Compiled templates kept in memory for the life of the process. Every generator has a
    Jinja environment of its own (nine of them), which would otherwise each compile the same
    templates again; a build process that stays up (``core.resident``) makes new environments
    for every build. Jinja checks each entry against the template's source, so an edited
    template is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = MemoryBytecodeCache()


def shared_bytecode_cache() -> MemoryBytecodeCache:
    return _compiled


def compile_templates(environments: Iterable[Environment]) -> None:
    """Load every template of the theme into each environment, compiling each once (the
    environments share their compiled code), before the build forks its workers: they
    inherit the templates instead of each compiling its own. A template that does not compile
    is left to the page that uses it, which reports the error."""
    for environment in environments:
        for name in environment.list_templates(filter_func=_own_template):
            with contextlib.suppress(TemplateError):
                environment.get_template(name)


def _own_template(name: str) -> bool:
    # "!simple/…" are Pelican's built-in theme, which the portal's templates do not use.
    return not name.startswith("!")
