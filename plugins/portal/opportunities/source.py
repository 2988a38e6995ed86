"""Getting the feed: a file or a URL (timeout, size cap), checked as a whole, and the last good
copy kept so that a failed or suspicious update never replaces a good feed."""

from __future__ import annotations

import codecs
import json
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..core import resident
from ..core.fingerprint import digest_bytes
from . import incremental
from .validation import check_feed_document


class FeedUnusable(Exception):
    """The feed as a whole cannot be used; the message says why, for the build log."""


@dataclass
class LoadedFeed:
    document: dict
    origin: str
    #: Set when this is the last good copy because the current source failed.
    fallback_reason: str | None = None
    last_good_saved_at: str | None = None
    #: Content keys of the records, where a build process that stays up knows them already
    #: (``opportunities.incremental``); filled in by the import.
    record_keys: list[str | None] | None = None

    def __fingerprint__(self) -> tuple:
        # Pages show where the data came from and when, never the whole document.
        return (self.origin, self.fallback_reason, self.last_good_saved_at,
                self.document.get("generated_at"))


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def read_source(source: str, root: Path, timeout: float, max_bytes: int) -> bytes:
    if is_url(source):
        request = urllib.request.Request(source, headers={"Accept": "application/json",
                                                          "User-Agent": "taipei-volunteers"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                data = response.read(max_bytes + 1)
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise FeedUnusable(f"could not fetch {source}: {reason}") from error
    else:
        path = Path(source) if Path(source).is_absolute() else root / source
        if not path.is_file():
            raise FeedUnusable(f"{source}: no such file")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FeedUnusable(f"{source}: larger than the {max_bytes:,} byte limit "
                           "(PORTAL_FEED_MAX_BYTES)")
    return data


def parse(data: bytes, source: str, schema_dir: str | None = None
          ) -> tuple[dict, list[str | None] | None]:
    """The feed document, and the content keys of its records known from the last read in
    this process (None in a process that builds once)."""
    try:
        scanned = _scanned(data.removeprefix(codecs.BOM_UTF8), source) \
            if resident.enabled() else None
        if scanned is not None:
            document, keys = scanned.document(), scanned.keys
        else:
            document, keys = json.loads(data.decode("utf-8-sig")), None
    except UnicodeDecodeError as error:
        raise FeedUnusable(f"{source}: not UTF-8 text (byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise FeedUnusable(f"{source}: not valid JSON, line {error.lineno} column {error.colno}: "
                           f"{error.msg} (is the file truncated?)") from error
    problem = check_feed_document(document, schema_dir)
    if problem:
        raise FeedUnusable(f"{source}: {problem}")
    return document, keys


def _scanned(data: bytes, source: str) -> incremental.ScannedFeed | None:
    earlier = resident.recall("feed-text", source)
    scanned = incremental.rescan(earlier, data) if earlier is not None else None
    if scanned is None:
        scanned = incremental.scan(data)
    if scanned is not None:
        resident.keep("feed-text", source, scanned)
    else:
        resident.forget("feed-text")
    return scanned


def load_feed(source: str, root: Path, cache_dir: Path, timeout: float, max_bytes: int,
              min_ratio: float, schema_dir: str | None = None) -> LoadedFeed:
    """The feed from ``source``, or the last good copy when ``source`` is unusable."""
    last_good = cache_dir / "last-good.json"
    meta_file = cache_dir / "last-good.meta.json"
    meta = json.loads(meta_file.read_text("utf-8")) if meta_file.exists() else {}
    try:
        data = read_source(source, root, timeout, max_bytes)
        document, keys = parse(data, source, schema_dir)
        if last_good.exists():
            previous = meta.get("count")
            if previous is None:
                saved = json.loads(last_good.read_bytes().decode("utf-8-sig"))
                previous = len(saved.get("opportunities", []))
            current = len(document["opportunities"])
            if previous and current < previous * min_ratio:
                raise FeedUnusable(
                    f"{source}: only {current} opportunities against {previous} in the last good "
                    f"feed (below PORTAL_FEED_MIN_RATIO = {min_ratio}); refusing it as suspicious")
    except FeedUnusable as error:
        if not last_good.exists():
            raise
        return LoadedFeed(json.loads(last_good.read_bytes().decode("utf-8-sig")), str(last_good),
                          fallback_reason=str(error), last_good_saved_at=meta.get("saved_at"))
    count = len(document["opportunities"])
    resident.later(lambda: save_last_good(data, count, source, cache_dir, meta),
                   f"last-good:{cache_dir}")
    return LoadedFeed(document, source, record_keys=keys)


def save_last_good(data: bytes, count: int, source: str, cache_dir: Path,
                   meta: dict) -> None:
    """Keep the feed as read (unless the last good copy already holds these very bytes),
    with its record count, so the next build need not parse it to compare."""
    last_good = cache_dir / "last-good.json"
    # A build process that stays up remembers what it saved: the same bytes need no digest.
    if resident.recall("last-good", f"{source}|{cache_dir}") == data and last_good.exists():
        return
    digest = digest_bytes(data)
    resident.keep("last-good", f"{source}|{cache_dir}", data)
    if meta.get("digest") == digest and meta.get("source") == source and last_good.exists():
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = cache_dir / "last-good.json.tmp"
    staging.write_bytes(data)
    shutil.move(staging, last_good)
    meta = {"source": source, "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "digest": digest, "count": count}
    (cache_dir / "last-good.meta.json").write_text(json.dumps(meta), "utf-8")
