"""Content fingerprints: a stable digest of the data a page is rendered from, so a build can tell,
without rendering, that a page would come out exactly as last time.

``digest(value)`` walks plain data (numbers, text, dates, lists, dicts, dataclasses). A class
with a ``__fingerprint__`` method says itself what its output depends on (used where a model
holds the build clock or a large source document). Anything else is a programming error, raised
at once, because a guessed fingerprint would mean a stale page.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from operator import is_
from pathlib import Path, PurePath
from typing import Any

_SCALARS = (str, int, float, bool, type(None), Decimal)
_PLAIN = frozenset({int, float, bool, type(None), Decimal})


def _json_or_none(value: Any) -> str | None:
    """Plain JSON data as text (C speed for feed records), else None."""
    try:
        return json.dumps(value, ensure_ascii=False, default=_not_json)
    except (TypeError, ValueError):
        return None


def _not_json(value: Any) -> Any:
    raise TypeError


#: Where a model that a build process keeps between builds (class attribute
#: ``kept_between_builds``: it never changes once made) carries its digest, for the next build.
_KEPT_DIGEST = "_kept_digest"


class Digester:
    """Digests of one build. Objects, lists and dicts are remembered by identity: models do
    not change once the build renders pages, and one menu or list is shown on many pages."""

    def __init__(self, lenient: bool = False) -> None:
        #: lenient: an object of unknown kind counts by its type alone (for settings, whose
        #: odd values are code, already covered by the digest of the code).
        self.lenient = lenient
        self._memo: dict[int, bytes] = {}
        self._keep: list[Any] = []  # keeps memoised objects alive, so ids stay unique

    def remember(self, value: Any, data: bytes) -> None:
        """Digest ``value`` (kept alive meanwhile) as ``data`` from now on: the build's settings
        count as the shell's digest, which covers every setting a page can depend on."""
        self._remember(value, data)

    def digest(self, value: Any) -> str:
        return self._bytes(value).hex()

    def token(self, value: Any) -> bytes:
        """What ``value`` adds to a digest made of several (a page's inputs): a model, list or
        dict seen before gives its remembered bytes at once, with no hashing."""
        known = self._memo.get(id(value))
        if known is None:
            digest = self._bytes(value)
            # Kinds the digester remembers give their remembered bytes from the first time,
            # so a value's token does not depend on which page asked first.
            known = self._memo.get(id(value), digest)
        return known

    def _bytes(self, value: Any) -> bytes:
        hasher = hashlib.blake2b(digest_size=16)
        self._feed(hasher, value)
        return hasher.digest()

    def _feed(self, hasher, value: Any) -> None:  # noqa: C901 - one branch per kind of data
        update = hasher.update
        kind = type(value)
        if kind is str:
            data = value.encode()
            update(b"s%d:" % len(data) + data)
        elif kind in _PLAIN:
            update(f"{kind.__name__}:{value!r};".encode())
        elif kind is tuple:
            update(b"(")
            for item in value:
                self._feed(hasher, item)
            update(b")")
        elif kind is list or kind is dict:
            update(self._object(value))
        elif id(value) in self._memo:  # a model seen before: skip the checks below
            update(self._memo[id(value)])
        elif isinstance(value, _SCALARS):  # str and int subclasses (Markup, enums of str)
            update(f"{kind.__qualname__}:{value!r};".encode())
        elif isinstance(value, (datetime, date, time)):
            update(f"{moment_text(value)};".encode())
        elif isinstance(value, timedelta):
            update(f"td:{value.total_seconds()};".encode())
        elif isinstance(value, (list, tuple, dict)):
            update(self._object(value))
        elif isinstance(value, (set, frozenset)):
            update(b"S" + b"".join(sorted(self._bytes(item) for item in value)))
        elif isinstance(value, Enum):
            update(f"E:{kind.__qualname__}.{value.name};".encode())
        elif isinstance(value, (PurePath, Path)):
            update(f"P:{value};".encode())
        elif isinstance(value, bytes):
            update(b"B" + hashlib.blake2b(value, digest_size=16).digest())
        elif isinstance(value, types.ModuleType):
            update(self._remember(value, f"mod:{value.__name__};".encode()))
        elif isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type)):
            update(self._remember(value, f"fn:{value.__module__}.{value.__qualname__};"
                                  .encode()))
        else:
            update(self._object(value))

    def _container(self, hasher, value: list | tuple | dict) -> None:
        text = _json_or_none(value) if isinstance(value, dict) else None
        if text is not None:
            hasher.update(b"J" + text.encode() + b";")
        elif isinstance(value, dict):
            hasher.update(b"{")
            for key, item in value.items():
                self._feed(hasher, key)
                self._feed(hasher, item)
            hasher.update(b"}")
        else:
            hasher.update(b"[")
            for item in value:
                self._feed(hasher, item)
            hasher.update(b"]")

    def _fresh(self, hasher, value: Any) -> None:
        """Feed data made for this digest alone (what ``__fingerprint__`` returns): the same
        bytes as ``_feed``, but its own lists and dicts are not remembered, since remembering
        keeps them alive for the whole build."""
        kind = type(value)
        if kind is tuple:
            hasher.update(b"(")
            for item in value:
                self._fresh(hasher, item)
            hasher.update(b")")
        elif kind is list or kind is dict:
            inner = hashlib.blake2b(digest_size=16)
            self._container(inner, value)
            hasher.update(b"O" + kind.__qualname__.encode() + self._bytes(inner.hexdigest()))
        else:
            self._feed(hasher, value)

    def _remember(self, value: Any, data: bytes) -> bytes:
        self._memo[id(value)] = data
        self._keep.append(value)
        return data

    def _object(self, value: Any) -> bytes:
        key = id(value)
        known = self._memo.get(key)
        if known is not None:
            return known
        kept = getattr(value, "kept_between_builds", False)
        if kept:
            known = value.__dict__.get(_KEPT_DIGEST)
            if known is not None:
                return self._remember(value, known)
        own = getattr(value, "__fingerprint__", None)
        if isinstance(value, (list, tuple, dict)):
            hasher = hashlib.blake2b(digest_size=16)
            self._container(hasher, value)
            data: Any = hasher.hexdigest()
        elif own is not None:
            data = own()
        elif dataclasses.is_dataclass(value):
            data = _plain_fields(value)
        elif isinstance(value, types.MethodType):
            data = ("method", value.__func__, value.__self__)
        elif self.lenient:
            data = f"{type(value).__module__}.{type(value).__qualname__}"
        else:
            raise TypeError(f"cannot fingerprint a {type(value).__qualname__}: give it a "
                            "__fingerprint__ method or pass plain data to the template")
        hasher = hashlib.blake2b(digest_size=16)
        self._fresh(hasher, data)
        digest = b"O" + type(value).__qualname__.encode() + hasher.digest()
        if kept and not self.lenient:
            value.__dict__[_KEPT_DIGEST] = digest
        return self._remember(value, digest)


def same_data(first: Any, second: Any, memo: dict | None = None) -> bool:
    """Whether two values certainly give the same digest, found without digesting: the same
    object; plain data (text, numbers, dates, tuples, lists, dicts, dataclasses) of the same
    types and values in the same order; or two models whose ``__fingerprint__`` data are the
    same; or two instances of a class that declares ``exact_equality`` (its ``==`` implies the
    same digest). False means "not known to be the same", never "different". ``memo`` remembers the
    answer for containers and models by identity (both values must stay alive meanwhile)."""
    if first is second:
        return True
    kind = type(first)
    if kind is not type(second):
        return False
    if kind is str or kind in _PLAIN:
        return first == second
    if kind in _MOMENTS:
        return first == second and moment_text(first) == moment_text(second)
    if memo is None:
        return _same_inside(kind, first, second, None)
    pair = (id(first), id(second))
    known = memo.get(pair)
    if known is None:
        known = memo[pair] = _same_inside(kind, first, second, memo)
    return known


def _same_inside(kind: type, first: Any, second: Any, memo: dict | None) -> bool:
    if kind is tuple or kind is list:
        # The same objects in the same places is the common case (lists of kept models), and
        # is checked at C speed first.
        return len(first) == len(second) and (all(map(is_, first, second)) or all(
            same_data(one, other, memo) for one, other in zip(first, second, strict=True)))
    if kind is dict:
        return len(first) == len(second) and all(
            type(key) is type(other_key) and key == other_key
            and same_data(value, other_value, memo)
            for (key, value), (other_key, other_value)
            in zip(first.items(), second.items(), strict=True))
    if kind is frozenset or kind is set:
        return all(type(item) is str for item in first) and first == second
    if isinstance(first, str) and not isinstance(first, Enum):  # Markup
        return first == second
    if isinstance(first, PurePath):
        return str(first) == str(second)
    if getattr(kind, "exact_equality", False):  # and dicts in the same order, as digests are
        return first == second and all(
            list(value) == list(second.__dict__[name])
            for name, value in first.__dict__.items() if type(value) is dict)
    own = getattr(kind, "__fingerprint__", None)
    if own is not None:  # what it returns is made for the call: nothing to remember by id
        return same_data(own(first), own(second))
    if dataclasses.is_dataclass(kind):
        return all(same_data(getattr(first, name), getattr(second, name), memo)
                   for name in _counted_fields(kind))
    return False


_MOMENTS = frozenset({datetime, date, time})


def moment_text(value: date | time) -> str:
    """A date, time or moment as fingerprints count it: with its type and time zone."""
    return f"{type(value).__name__}:{value.isoformat()}:{getattr(value, 'tzinfo', '')}"


def _plain_fields(model: Any) -> dict:
    """A dataclass's fields for its digest, dates as text and sets of plain values sorted, so
    that a model of plain data (a route, a session) is digested in one C-speed step."""
    data = {}
    for name in _counted_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, (datetime, date, time)):
            value = moment_text(value)
        elif isinstance(value, (set, frozenset)) and all(type(item) is str for item in value):
            value = sorted(value)
        data[name] = value
    return data


@functools.cache
def _counted_fields(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass that count for its digest (a field can opt out with
    ``metadata={"fingerprint": False}``)."""
    return tuple(field_.name for field_ in dataclasses.fields(kind)
                 if field_.metadata.get("fingerprint", True))


def digest_bytes(*parts: bytes | str) -> str:
    """Digest of a sequence of texts and byte strings (each part counts separately: it is
    prefixed with its length, since a part of bytes may hold any byte)."""
    chunks = []
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        chunks += (b"%d:" % len(data), data)
    return hashlib.blake2b(b"".join(chunks), digest_size=16).hexdigest()


def files_digest(*roots: Path, pattern: str = "**/*") -> str:
    """Digest of every file's path and bytes under ``roots`` (templates, catalogues, code)."""
    hasher = hashlib.blake2b(digest_size=16)
    for root in roots:
        for path in sorted(p for p in Path(root).glob(pattern)
                           if p.is_file() and "__pycache__" not in p.parts):
            hasher.update(str(path.relative_to(root)).encode() + b"\0")
            hasher.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return hasher.hexdigest()


@functools.cache
def code_digest() -> str:
    """Digest of the portal's own code: results remembered between builds are only reused by
    the same code."""
    return files_digest(Path(__file__).resolve().parents[1], pattern="**/*.py")


def settings_text(value: Any) -> str:
    """A setting as stable text: code-valued settings (functions, classes) by name, since
    their repr holds a memory address and the code is digested on its own."""
    def by_name(odd: Any) -> str:
        name = getattr(odd, "__qualname__", type(odd).__qualname__)
        return f"{getattr(odd, '__module__', '')}.{name}"

    try:
        return json.dumps(value, sort_keys=True, default=by_name)
    except (TypeError, ValueError, RecursionError):
        return type(value).__qualname__
