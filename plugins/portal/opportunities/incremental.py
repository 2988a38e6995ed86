"""Reading a feed again after an edit without parsing all of it (in a build process that stays
up, ``core.resident``). The last feed read is kept, as bytes, with where each record of
``opportunities`` starts and ends; a new one is compared with it byte for byte, and only the
records in the part that differs are decoded and parsed again. The others are the very
objects of the last read, so their content keys, checks and models are found by identity.

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
    """A feed as read (UTF-8 bytes), with where each top-level value and each record sits (byte
    offsets: an edit is found, and the records around it parsed, without decoding the rest)."""

    data: bytes
    top: dict[str, tuple[int, int]]
    records: list
    spans: list[tuple[int, int]]
    #: Content keys of ``records``, filled in by whoever computes them (None: not yet).
    keys: list[str | None] = field(default_factory=list)

    def document(self) -> dict:
        """A new document: the top-level values decoded again (they are small, and so never
        shared between builds), with the kept records."""
        return {key: list(self.records) if key == RECORDS else json.loads(self.data[start:end])
                for key, (start, end) in self.top.items()}


def scan(data: bytes) -> ScannedFeed | None:
    """Parse a whole feed, noting where things sit; None when it is not a plain object with
    one list of records, or not UTF-8 (the ordinary parser then says what is wrong)."""
    try:
        return _scan(data)
    except (ValueError, IndexError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None


def _scan(data: bytes) -> ScannedFeed | None:
    text = data.decode("utf-8")
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
            end = _items(text, start + 1, records, spans)
            if end is None:
                return None
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
    to_bytes = _ByteOffsets(text)
    return ScannedFeed(data, {key: (to_bytes(start), to_bytes(end))
                              for key, (start, end) in top.items()},
                       records, [(to_bytes(start), to_bytes(end)) for start, end in spans],
                       [None] * len(records))


class _ByteOffsets:
    """Character offsets of one text as UTF-8 byte offsets, asked in increasing order."""

    def __init__(self, text: str) -> None:
        self.text, self.char, self.byte = text, 0, 0

    def __call__(self, char: int) -> int:
        if char < self.char:
            self.char, self.byte = 0, 0
        self.byte += len(self.text[self.char:char].encode("utf-8"))
        self.char = char
        return self.byte


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


def rescan(earlier: ScannedFeed, data: bytes) -> ScannedFeed | None:
    """``data`` read with the help of ``earlier``: only the records where the two differ are
    decoded and parsed. None when the difference is not inside the list of records."""
    if data == earlier.data:
        return ScannedFeed(data, earlier.top, earlier.records, earlier.spans, earlier.keys)
    try:
        return _rescan(earlier, data)
    except (ValueError, IndexError):
        return None


def _rescan(earlier: ScannedFeed, data: bytes) -> ScannedFeed | None:
    old = earlier.data
    first = _common_prefix(old, data)
    tail = _common_suffix(old, data, limit=min(len(old), len(data)) - first)
    old_stop, shift = len(old) - tail, len(data) - len(old)
    spans = earlier.spans
    array_start, array_end = earlier.top[RECORDS]
    # Only a change strictly inside the list, at or after its first record, is handled here.
    if not spans or first < spans[0][0] or old_stop >= array_end:
        return None
    if any(start < old_stop and end > first for key, (start, end) in earlier.top.items()
           if key != RECORDS):
        return None
    # Parsing starts again at the last record starting before the first difference (the same
    # place in both), and goes on to the first unchanged record that starts after the last
    # difference (moved by the change in length), or to the end of the list.
    resume = _last_start_before(spans, first)
    index = next((number for number in range(resume, len(spans))
                  if spans[number][0] >= old_stop), None)
    start = spans[resume][0]
    stop = spans[index][0] + shift if index is not None else array_end + shift
    window = data[start:stop].decode("utf-8")
    parsed, parsed_spans = [], []
    i, byte = _SPACE.match(window, 0).end(), start
    position = 0
    while True:
        record, end = _DECODER.raw_decode(window, i)
        byte += len(window[position:i].encode("utf-8"))
        length = len(window[i:end].encode("utf-8"))
        parsed.append(record)
        parsed_spans.append((byte, byte + length))
        byte, position = byte + length, end
        i = _SPACE.match(window, end).end()
        if index is None and window[i:] == "]":
            break
        if window[i:i + 1] != ",":
            return None
        i = _SPACE.match(window, i + 1).end()
        if index is not None and i == len(window):
            break
    later = [] if index is None else earlier.records[index:]
    records = earlier.records[:resume] + parsed + later
    new_spans = spans[:resume] + parsed_spans + (
        [] if index is None else [(a + shift, b + shift) for a, b in spans[index:]])
    keys = earlier.keys[:resume] + [None] * len(parsed) + (
        [] if index is None else earlier.keys[index:])
    top = {key: (span if span[1] <= first else (span[0] + shift, span[1] + shift))
           for key, span in earlier.top.items() if key != RECORDS}
    top[RECORDS] = (array_start, array_end + shift)
    return ScannedFeed(data, {key: top[key] for key in earlier.top}, records, new_spans, keys)


def _last_start_before(spans: list[tuple[int, int]], position: int) -> int:
    low, high = 0, len(spans)
    while high - low > 1:
        middle = (low + high) // 2
        if spans[middle][0] < position:
            low = middle
        else:
            high = middle
    return low


def _common_prefix(one: bytes, other: bytes) -> int:
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


def _common_suffix(one: bytes, other: bytes, limit: int) -> int:
    """How many bytes at the end the two share (at most ``limit``)."""
    n = 0
    while n + _BLOCK <= limit and one[len(one) - n - _BLOCK:len(one) - n] == \
            other[len(other) - n - _BLOCK:len(other) - n]:
        n += _BLOCK
    while n < limit and one[len(one) - n - 1] == other[len(other) - n - 1]:
        n += 1
    return n
