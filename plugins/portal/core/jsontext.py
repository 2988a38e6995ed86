"""Large JSON documents as text without the memory spike of ``json.dumps(indent=…)``, and from
pieces encoded once and kept between builds."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any


def indented_json(data: Any, indent: int = 1) -> str:
    """The same text as ``json.dumps(data, ensure_ascii=False, indent=indent) + "\\n"``.

    With an indent, ``json.dumps`` uses the pure-Python encoder and joins a list of millions of
    small strings at the end: for the open-data file of a 10,000-record feed that list peaks at
    several hundred megabytes. Writing the pieces as they come keeps only the text.
    """
    out = io.StringIO()
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(data):
        out.write(chunk)
    out.write("\n")
    return out.getvalue()


def item_json(item: Any, indent: int = 1) -> bytes:
    """One value encoded on its own (UTF-8)."""
    return json.dumps(item, ensure_ascii=False, indent=indent).encode("utf-8")


def member_item_json(item: Any, indent: int = 1) -> bytes:
    """An item of a list that is a member of an object, encoded on its own and indented for
    that place, ready for ``object_json_from``. JSON strings hold no raw newline (it is
    escaped): every newline is the layout's, and a value two levels deeper is the same text
    with two more indents after each."""
    return item_json(item, indent).replace(b"\n", b"\n" + b" " * (2 * indent))


def object_json_from(data: Mapping[str, Any], encoded_lists: Mapping[str, Sequence[bytes]],
                     indent: int = 1) -> bytes:
    """``indented_json(data)``, in UTF-8, for an object some of whose members are long lists
    whose items are already encoded (``member_item_json``): the pure-Python encoder, the slow
    part, then runs only over the items that are new. ``encoded_lists`` maps a member's name to
    its items' texts."""
    inner = b"\n" + b" " * indent
    item_start = inner + b" " * indent
    out = io.BytesIO()
    for number, (key, value) in enumerate(data.items()):
        out.write((b"{" if number == 0 else b",") + inner + item_json(key, indent) + b": ")
        items = encoded_lists.get(key)
        if items is None:
            out.write(item_json(value, indent).replace(b"\n", inner))
        elif not items:
            out.write(b"[]")
        else:
            for place, item in enumerate(items):
                out.write((b"[" if place == 0 else b",") + item_start)
                out.write(item)
            out.write(inner + b"]")
    out.write(b"\n}\n" if data else b"{}\n")
    return out.getvalue()
