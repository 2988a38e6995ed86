"""Large JSON documents as text without the memory spike of ``json.dumps(indent=…)``."""

from __future__ import annotations

import io
import json
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
