"""Attribute lookups in templates: ``rec.schedule.type`` on feed records (plain dicts) is most of
what an opportunity page looks up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment

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
