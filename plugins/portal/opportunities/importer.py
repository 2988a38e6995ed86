"""From a feed document to accepted records and a reject report: each record is normalised,
checked against the contract and read; one that fails is set aside with its reason."""

from __future__ import annotations

import pickle
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from operator import itemgetter
from pathlib import Path

from ..core import resident
from ..core.fingerprint import digest_bytes
from ..core.languages import Language
from ..core.parallel import remembered_map
from .model import Opportunity
from .normalise import normalise_record
from .validation import SCHEMA_FILE, record_errors, tombstone_errors

#: Ids that would collide with the listing's own addresses (opportunities/page/2/ …).
RESERVED_IDS = frozenset({"page", "district", "cause", "sdg", "for", "feed"})


@dataclass
class Reject:
    index: int
    id: str | None
    path: str
    reason: str
    errors: list[dict] = field(default_factory=list)

    def __str__(self) -> str:
        who = f"record {self.index}" + (f" (id {self.id})" if self.id else "")
        return f"{self.path}: {self.reason} [{who}]"


@dataclass
class ImportResult:
    opportunities: list[Opportunity]
    withdrawn: dict[str, dict]
    rejected: list[Reject]
    _counts: dict[str, int] | None = field(default=None, init=False, repr=False,
                                           compare=False, metadata={"fingerprint": False})

    def counts(self) -> dict[str, int]:
        # Asked for several times per build; nothing changes a result once it is made.
        if self._counts is None:
            listed = sum(1 for opp in self.opportunities if opp.listed)
            self._counts = {
                "accepted": len(self.opportunities), "listed": listed,
                "not_listed": len(self.opportunities) - listed,
                "expired": sum(1 for o in self.opportunities if o.state in ("expired", "ended")),
                "rejected": len(self.rejected), "withdrawn": len(self.withdrawn)}
        return dict(self._counts)

    def report(self) -> dict:
        return {"counts": self.counts(), "rejected": [asdict(r) for r in self.rejected]}


def _record_id(record: object) -> str | None:
    value = record.get("id") if isinstance(record, dict) else None
    return value if isinstance(value, str) else None


def check_record(raw: object, schema_dir: str) -> tuple[object, list[tuple[str, str]]]:
    """A raw record normalised, and how it breaks the contract (JSON paths relative to the
    record, ``$`` being the record): the same for the same record wherever it sits."""
    record = normalise_record(raw)
    return record, record_errors(record, schema_dir)


def _check_all(records: list, schema_dir: str, settings: dict | None,
               known_keys: list[str | None] | None = None) -> tuple[list[tuple], list[str | None]]:
    """Every record checked, and a digest of each as read (with the schema). With the build's
    settings, checks run in parallel and are remembered between builds by the record's exact
    content (validation is most of an import's cost). ``known_keys``: content keys already
    known (None for the others), completed here for the next build in this process."""
    def check(raw: object) -> tuple:
        return check_record(raw, schema_dir)

    if settings is None:
        return [check(raw) for raw in records], [None] * len(records)
    schema = (Path(schema_dir) / SCHEMA_FILE).read_bytes()
    schema_digest = digest_bytes(schema)
    if known_keys is None or len(known_keys) != len(records):
        known_keys = [None] * len(records)
    for index, known in enumerate(known_keys):
        if known is None:
            known_keys[index] = _content_key(records[index])
    keyed = [(f"{schema_digest}:{key}", raw)
             for key, raw in zip(known_keys, records, strict=True)]
    # Records and their problems are read, never changed: kept in memory between builds.
    checked = remembered_map("feed-records", lambda pair: check(pair[1]), keyed,
                             itemgetter(0), settings, schema, immutable=True)
    return checked, [key for key, _ in keyed]


def _content_key(raw: object) -> str:
    # pickle is a faithful copy of parsed JSON (different content, different bytes) and about
    # three times quicker than json.dumps here. The same text always parses to the same
    # objects, so it gives the same key; a record with its keys in another order gets a new
    # key, which costs one check, never a wrong result.
    return digest_bytes(pickle.dumps(raw, protocol=5))


def import_feed(document: dict, schema_dir: str, now: datetime, languages: tuple[Language, ...],
                stale_after: timedelta, settings: dict | None = None,
                known_keys: list[str | None] | None = None, origin: str = "") -> ImportResult:
    accepted: list[Opportunity] = []
    rejected: list[Reject] = []
    first_index: dict[str, int] = {}
    checked, sources = _check_all(document["opportunities"], schema_dir, settings, known_keys)
    # A build process that stays up reuses last build's model of an unchanged record: the
    # same object, so pages made from it are known to be unchanged without digesting it.
    scope = f"{origin}|{now.isoformat()}|{stale_after}|{languages!r}"
    earlier: dict[str, Opportunity] = resident.recall("opportunity-models", scope) or {}
    for index, (record, relative_errors) in enumerate(checked):
        record_id = _record_id(record)
        prefix = f"$.opportunities[{index}]"
        errors = [(prefix + path[1:], reason) for path, reason in relative_errors]
        if errors:
            path, reason = errors[0]
            rejected.append(Reject(index, record_id, path, reason,
                                   [{"path": p, "reason": r} for p, r in errors]))
            continue
        id_path = f"$.opportunities[{index}].id"
        if record_id in RESERVED_IDS:
            rejected.append(Reject(index, record_id, id_path,
                                   f"id '{record_id}' is reserved for a listing address"))
            continue
        if record_id in first_index:
            rejected.append(Reject(index, record_id, id_path,
                                   f"duplicate id: record {first_index[record_id]} already "
                                   "uses it"))
            continue
        opportunity = earlier.get(sources[index]) if sources[index] else None
        if opportunity is None or opportunity.record is not record:
            opportunity = Opportunity(record, now, languages, stale_after,
                                      source_digest=sources[index])
            problem = _unreadable(opportunity, index)
            if problem:
                rejected.append(problem)
                continue
        first_index[record_id] = index
        accepted.append(opportunity)
    resident.keep("opportunity-models", scope,
                  {opp.source_digest: opp for opp in accepted if opp.source_digest})

    withdrawn: dict[str, dict] = {}
    for index, item in enumerate(document.get("withdrawn", [])):
        errors = tombstone_errors(item, index, schema_dir)
        if errors:
            rejected.append(Reject(index, _record_id(item), errors[0][0],
                                   "withdrawn entry: " + errors[0][1]))
        elif item["id"] not in first_index:
            withdrawn[item["id"]] = item
    return ImportResult(accepted, withdrawn, rejected)


def _unreadable(opp: Opportunity, index: int) -> Reject | None:
    """Values the schema allows but the calendar cannot (13th month, bad RRULE, end before
    start) are found here rather than on a page."""
    prefix = f"$.opportunities[{index}]"
    schedule = opp.record["schedule"]
    try:
        for number, session in enumerate(schedule.get("sessions", [])):
            start = datetime.fromisoformat(session["start"])
            if datetime.fromisoformat(session["end"]) < start:
                return Reject(index, opp.id, f"{prefix}.schedule.sessions[{number}].end",
                              "the session ends before it starts")
        first, last = opp.period
        if first and last and last < first:
            return Reject(index, opp.id, f"{prefix}.schedule.period.end_date",
                          "the period ends before it starts")
        for name in ("published_at", "updated_at", "verified_at", "expires_at"):
            if opp.record.get(name):
                datetime.fromisoformat(opp.record[name])
        opp.deadline  # noqa: B018 - parsing is the check
    except ValueError as error:
        return Reject(index, opp.id, prefix, f"a date cannot be read: {error}")
    try:
        opp.occurrences  # noqa: B018
        opp.state  # noqa: B018
    except (ValueError, TypeError, OverflowError) as error:
        return Reject(index, opp.id, f"{prefix}.schedule.recurrence",
                      f"the recurrence cannot be read: {error}")
    return None
