"""Reading a feed again after an edit without parsing all of it (in a build process that stays
up, ``core.resident``). The last text read is kept with where each record of
``opportunities`` starts and ends; a new text is compared with it, and only the records in
the part that differs are parsed again. The others are the very objects of the last read, so
their content keys, checks and models are found by identity.

Anything unexpected (a change outside the list of records, a broken record, another layout)
means an ordinary full parse, which also gives the usual error messages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
#: Characters compared at once while looking for the first and last difference.
_BLOCK = 1 << 16
RECORDS = "opportunities"


@dataclass
class ScannedFeed:
    """A feed text as parsed, with where each top-level value and each record sits."""

    text: str
    top: dict[str, tuple[int, int]]
    records: list
    spans: list[tuple[int, int]]
    #: Content keys of ``records``, filled in by whoever computes them (None: not yet).
    keys: list[str | None] = field(default_factory=list)

    def document(self) -> dict:
        """A new document: the top-level values decoded from the text again (they are small,
        and so never shared between builds), with the kept records."""
        document = {}
        for key, (start, _end) in self.top.items():
            document[key] = list(self.records) if key == RECORDS else \
                _DECODER.raw_decode(self.text, start)[0]
        return document


def scan(text: str) -> ScannedFeed | None:
    """Parse a whole feed text, noting where things sit; None when it is not a plain object
    with one list of records (the ordinary parser then says what is wrong, if anything)."""
    try:
        return _scan(text)
    except (ValueError, IndexError):
        return None


def _scan(text: str) -> ScannedFeed | None:
    i = _SPACE.match(text, 0).end()
    if text[i:i + 1] != "{":
        return None
    top: dict[str, tuple[int, int]] = {}
    records: list = []
    spans: list[tuple[int, int]] = []
    i = _SPACE.match(text, i + 1).end()
    while text[i:i + 1] != "}":
        if text[i:i + 1] != '"':
            return None
        key, i = scanstring(text, i + 1)
        if key in top:  # a repeated key: leave the rules for that to the ordinary parser
            return None
        i = _SPACE.match(text, i).end()
        if text[i:i + 1] != ":":
            return None
        start = _SPACE.match(text, i + 1).end()
        if key == RECORDS and text[start:start + 1] == "[":
            found = _items(text, start + 1, records, spans)
            if found is None:
                return None
            end = found
        else:
            end = _DECODER.raw_decode(text, start)[1]
        top[key] = (start, end)
        i = _SPACE.match(text, end).end()
        if text[i:i + 1] == ",":
            i = _SPACE.match(text, i + 1).end()
            if text[i:i + 1] == "}":
                return None
        elif text[i:i + 1] != "}":
            return None
    if _SPACE.match(text, i + 1).end() != len(text) or RECORDS not in top:
        return None
    return ScannedFeed(text, top, records, spans, [None] * len(records))


def _items(text: str, i: int, records: list, spans: list) -> int | None:
    """Records from just after ``[`` to the closing ``]``: the position after it."""
    i = _SPACE.match(text, i).end()
    if text[i:i + 1] == "]":
        return i + 1
    while True:
        record, end = _DECODER.raw_decode(text, i)
        records.append(record)
        spans.append((i, end))
        i = _SPACE.match(text, end).end()
        if text[i:i + 1] == "]":
            return i + 1
        if text[i:i + 1] != ",":
            return None
        i = _SPACE.match(text, i + 1).end()


def rescan(earlier: ScannedFeed, text: str) -> ScannedFeed | None:
    """``text`` read with the help of ``earlier``: only the records where the two differ are
    parsed. None when the difference is not inside the list of records."""
    if text == earlier.text:
        return ScannedFeed(text, earlier.top, earlier.records, earlier.spans, earlier.keys)
    try:
        return _rescan(earlier, text)
    except (ValueError, IndexError):
        return None


def _rescan(earlier: ScannedFeed, text: str) -> ScannedFeed | None:
    old = earlier.text
    first = _common_prefix(old, text)
    tail = _common_suffix(old, text, limit=min(len(old), len(text)) - first)
    old_stop, shift = len(old) - tail, len(text) - len(old)
    spans = earlier.spans
    array_start, array_end = earlier.top[RECORDS]
    # Only a change strictly inside the list, at or after its first record, is handled here.
    if not spans or first < spans[0][0] or old_stop >= array_end:
        return None
    # The last record starting before the first difference is parsed again from its start
    # (the same place in both texts); parsing goes on until a record starts where an
    # unchanged one of the earlier text starts, moved by the change in length.
    resume = _last_start_before(spans, first)
    later = {start + shift: index for index, (start, _) in enumerate(spans)
             if start >= old_stop}
    records, new_spans, keys = (earlier.records[:resume], spans[:resume],
                                earlier.keys[:resume])
    i = spans[resume][0]
    while True:
        if i in later and i >= len(text) - tail:
            index = later[i]
            records += earlier.records[index:]
            new_spans += [(start + shift, end + shift) for start, end in spans[index:]]
            keys += earlier.keys[index:]
            break
        record, end = _DECODER.raw_decode(text, i)
        records.append(record)
        new_spans.append((i, end))
        keys.append(None)
        i = _SPACE.match(text, end).end()
        if text[i:i + 1] == "]":
            if any(start >= old_stop for start, _ in spans[resume:]) or \
                    i + 1 != array_end + shift:
                return None
            break
        if text[i:i + 1] != ",":
            return None
        i = _SPACE.match(text, i + 1).end()
    top = {key: (start, end) if end <= first else (start + shift, end + shift)
           for key, (start, end) in earlier.top.items() if key != RECORDS}
    if any(start < old_stop and end > first for key, (start, end) in earlier.top.items()
           if key != RECORDS):
        return None
    top[RECORDS] = (array_start, array_end + shift)
    ordered = {key: top[key] for key in earlier.top}
    return ScannedFeed(text, ordered, records, new_spans, keys)


def _last_start_before(spans: list[tuple[int, int]], position: int) -> int:
    low, high = 0, len(spans)
    while high - low > 1:
        middle = (low + high) // 2
        if spans[middle][0] < position:
            low = middle
        else:
            high = middle
    return low


def _common_prefix(one: str, other: str) -> int:
    limit = min(len(one), len(other))
    i = 0
    while i < limit and one[i:i + _BLOCK] == other[i:i + _BLOCK]:
        i += _BLOCK
    if i >= limit:
        return limit
    end = min(i + _BLOCK, limit)
    while i < end and one[i] == other[i]:
        i += 1
    return i


def _common_suffix(one: str, other: str, limit: int) -> int:
    """How many characters at the end the two share (at most ``limit``)."""
    n = 0
    while n + _BLOCK <= limit and one[len(one) - n - _BLOCK:len(one) - n] == \
            other[len(other) - n - _BLOCK:len(other) - n]:
        n += _BLOCK
    while n < limit and one[len(one) - n - 1] == other[len(other) - n - 1]:
        n += 1
    return n
