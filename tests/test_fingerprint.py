"""Fingerprints decide which pages a build skips, so they must change with what a page shows and
with nothing else: not with the build clock, not with the order a set was iterated in."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import MISSING, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import ROOT, language_table
from portal.core.fingerprint import Digester
from portal.core.languages import languages_from_settings
from portal.core.site import Route
from portal.opportunities.importer import import_feed
from portal.opportunities.model import Occurrence

TAIPEI = ZoneInfo("Asia/Taipei")
SCHEMAS = str(ROOT / "data" / "schemas")


def sample_import(now: datetime):
    document = json.loads((ROOT / "data" / "opportunities.sample.json").read_text("utf-8"))
    languages = languages_from_settings({"PORTAL_LANGUAGES": language_table()})
    return import_feed(document, SCHEMAS, now, languages, timedelta(days=120))


def digests(now: datetime) -> dict[str, str]:
    digester = Digester()
    return {opp.id: digester.digest(opp) for opp in sample_import(now).opportunities}


def shown(now: datetime) -> dict[str, tuple]:
    """What an opportunity's pages show that depends on the clock."""
    return {opp.id: (opp.state, opp.stale, [(o.start, o.end, o.status) for o in opp.occurrences],
                     opp.sort_start) for opp in sample_import(now).opportunities}


def test_an_opportunity_does_not_change_with_the_clock_alone():
    """Two builds a minute apart: only roles whose shown dates or state moved are made again
    (a session that just ended), not every page."""
    noon = datetime(2026, 11, 28, 12, 0, tzinfo=TAIPEI)
    later = noon + timedelta(minutes=1)
    first, second = digests(noon), digests(later)
    before, after = shown(noon), shown(later)
    moved = {key for key in before if before[key] != after[key]}
    changed = {key for key in first if first[key] != second[key]}
    assert changed == moved
    assert len(changed) < len(first) // 10


def test_an_opportunity_changes_when_what_it_shows_changes():
    noon = datetime(2026, 11, 28, 12, 0, tzinfo=TAIPEI)
    before = digests(noon)
    # Weeks later deadlines have passed and sessions are over: those roles' states differ.
    later = digests(noon + timedelta(days=60))
    assert sum(before[key] != later[key] for key in before) > len(before) // 4


def test_digests_are_the_same_in_every_process():
    """Python salts string hashes per process; set order must not reach a fingerprint."""
    script = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
              "from datetime import datetime; from zoneinfo import ZoneInfo\n"
              "from test_fingerprint import digests\n"
              "print(sorted(digests(datetime(2026, 11, 28, 12, tzinfo=ZoneInfo('Asia/Taipei')))"
              ".items())[:40])")
    tests = str(Path(__file__).resolve().parent)
    outputs = {subprocess.run([sys.executable, "-c", script, tests, str(ROOT)],
                              capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_an_object_of_unknown_kind_is_refused_rather_than_guessed():
    class Opaque:
        pass

    with pytest.raises(TypeError, match="Opaque"):
        Digester().digest({"page": Opaque()})


def test_order_counts_in_lists_and_not_in_sets():
    digester = Digester()
    assert digester.digest([1, 2]) != digester.digest([2, 1])
    assert digester.digest({"b", "a"}) == Digester().digest({"a", "b"})


@pytest.mark.parametrize("model", [Route, Occurrence])
def test_models_digested_as_plain_data_cover_every_field(model):
    """Routes and sessions are digested from their fields as plain JSON (one step instead of
    a walk, for speed): a field added later must change their digest too."""
    start = datetime(2026, 12, 1, 9, tzinfo=TAIPEI)
    values = {"key": "k", "path": "p/", "languages": frozenset({"en"}), "original": "en",
              "start": start, "end": start + timedelta(hours=2)}
    required = {f.name: values[f.name] for f in fields(model)
                if f.default is MISSING and f.default_factory is MISSING}
    base = Digester().digest(model(**required))
    for field_ in fields(model):
        if field_.name in required:
            continue
        changed = model(**required, **{field_.name: _other_value(field_.type)})
        assert Digester().digest(changed) != base, f"{model.__name__}.{field_.name}"


def _other_value(annotation: str) -> object:
    for kind, value in (("dict", {"en": "changed"}), ("date", date(2020, 1, 2)),
                        ("int", 7), ("bool", False), ("str", "changed")):
        if annotation.startswith(kind) or f"{kind} |" in annotation:
            return value
    raise AssertionError(f"no test value for {annotation}")
