"""Shortcuts a build takes for speed give exactly what the plain way gives: the open-data file
put together from records encoded once, recurrence rules parsed once for every record that
repeats them, the keys under which checked feed records are remembered, record checks that
remember valid values, dates and numbers formatted once, work handed out to the worker
processes as they go, and output file names worked out without path arithmetic."""

from __future__ import annotations

import copy
import functools
import json
import os
import random
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import PurePosixPath

import pytest
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from dateutil.rrule import rrulestr
from jsonschema import Draft202012Validator

from conftest import ROOT, language_table
from portal.core.jsontext import member_item_json, object_json_from
from portal.core.languages import Language
from portal.core.parallel import in_background, run_pulled, wait_for_background
from portal.core.plan import LAST_RUN, SHARE_RUN, BuildPlan, FileJob, Manifest
from portal.core.site import Site
from portal.i18n.formatting import (
    FILTERS,
    datetime_filter,
    localised_date,
    number_filter,
    time_filter,
)
from portal.opportunities.importer import _content_key
from portal.opportunities.model import local_until, recurrence_rule
from portal.opportunities.normalise import normalise_record
from portal.opportunities.validation import _inline, load_schema, record_errors

SAMPLE_FEED = ROOT / "data" / "opportunities.sample.json"
SCHEMA_DIR = str(ROOT / "data" / "schemas")


def sample_feed() -> dict:
    return json.loads(SAMPLE_FEED.read_text("utf-8"))


@pytest.mark.parametrize("document", [
    sample_feed(),
    {"schema_version": "1.0", "opportunities": [], "withdrawn": []},
    {"opportunities": [{"text": "two\nlines \"quoted\" 中文", "nested": [[], {}, [1, {"a": []}]]}],
     "withdrawn": [{"id": "x", "reason": None}], "last": {"deep": {"er": [1.5, True]}}},
    {},
])
@pytest.mark.parametrize("indent", [1, 2])
def test_open_data_from_encoded_records_is_the_plain_encoding(document, indent):
    encoded = {key: [member_item_json(item, indent) for item in value]
               for key, value in document.items() if key == "opportunities"}
    expected = json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
    assert object_json_from(document, encoded, indent) == expected.encode("utf-8")


def recurrences() -> list[dict]:
    found = [record["schedule"]["recurrence"] for record in sample_feed()["opportunities"]
             if record.get("schedule", {}).get("recurrence")]
    assert found, "the sample feed has no recurring opportunity"
    # Rules whose dates depend on their start (no BYDAY, a 31st, 29 February), a count, an
    # interval, and rules written as a set or with a start of their own.
    return found + [
        {"rrule": "FREQ=WEEKLY", "dtstart": "2026-03-04T10:00:00"},
        {"rrule": "FREQ=MONTHLY", "dtstart": "2026-01-31T09:30:00"},
        {"rrule": "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", "dtstart": "2026-01-31T09:30:00"},
        {"rrule": "FREQ=YEARLY", "dtstart": "2024-02-29T08:00:00"},
        {"rrule": "FREQ=DAILY;INTERVAL=3;UNTIL=20270101T000000Z",
         "dtstart": "2026-12-30T09:00:00"},
        {"rrule": "FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20270115T155959Z",
         "dtstart": "2026-12-01T18:00:00"},
        {"rrule": "DTSTART:20261201T080000\nRRULE:FREQ=WEEKLY;COUNT=3",
         "dtstart": "2026-11-01T10:00:00"},
        {"rrule": "RRULE:FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=MONTHLY;COUNT=2",
         "dtstart": "2026-11-01T10:00:00"},
    ]


@pytest.mark.parametrize("recurrence", recurrences(), ids=lambda r: r["rrule"][:40])
def test_a_shared_rule_gives_the_dates_of_its_own_parse(recurrence):
    start = datetime.fromisoformat(recurrence["dtstart"])
    plain = rrulestr(local_until(recurrence["rrule"]), dtstart=start, forceset=False)
    shared = recurrence_rule(recurrence["rrule"], start)
    for after in (start, datetime(2026, 11, 28, 12), datetime(2027, 1, 31)):
        assert list(shared.xafter(after, count=12, inc=True)) == \
            list(plain.xafter(after, count=12, inc=True))
    # Asked again (now from the shared parse), with another start: still its own dates.
    later = start + timedelta(days=10)
    assert list(recurrence_rule(recurrence["rrule"], later).xafter(later, count=6, inc=True)) \
        == list(rrulestr(local_until(recurrence["rrule"]), dtstart=later)
                .xafter(later, count=6, inc=True))


def test_a_broken_rule_fails_every_time_it_is_read():
    for _ in range(2):
        with pytest.raises(ValueError):
            recurrence_rule("FREQ=FORTNIGHTLY", datetime(2026, 1, 1))


def test_a_record_is_remembered_under_a_key_of_its_content_alone():
    records = sample_feed()["opportunities"]
    keys = [_content_key(record) for record in records]
    assert len(set(keys)) == len(records), "two different records share a key"
    # The same text read again, alone or elsewhere in a feed, has the same key.
    again = json.loads(json.dumps([records[-1], *records]))
    assert _content_key(again[0]) == _content_key(again[-1]) == keys[-1]
    # Any change to a value anywhere in the record changes the key.
    for change in (lambda r: r["title"].update(en=r["title"]["en"] + "."),
                   lambda r: r["locations"][0].update(district="wanhua-x"),
                   lambda r: r.update(status="closed" if r["status"] != "closed" else "open"),
                   lambda r: r.update(extra_field=1)):
        edited = copy.deepcopy(records[0])
        change(edited)
        assert _content_key(edited) != keys[0]


@pytest.mark.parametrize("path", [
    "", "about/", "opportunities/", "opportunities/opp-0042/", "opportunities/district/wanhua/2/",
    "news/2026/volunteer-day/", "opportunities/feed.json", "opportunities/feed.atom",
    "archive/media/item-1/photo-640.jpg", "sitemap.xml", "404.html", "robots.txt",
    "v1.2/", "a.b/c/", ".hidden/", "a/./b/", "a//b/", "a/b", "a/b.", "a/.b/", "/rooted/", "a/../b/",
    "中文/頁面/", "with space/",
])
def test_output_names_are_those_of_path_arithmetic(path):
    site = Site.from_settings({"PORTAL_LANGUAGES": language_table(), "SITEURL": ""})
    for language in site.languages:
        pure = PurePosixPath(language.path(path))
        expected = str(pure / "index.html" if not pure.suffix else pure)
        assert site.output_name(language, path) == expected


# -- a feed read again after an edit (resident builds) ------------------------------------------

def _edits() -> list[tuple[str, object]]:
    """Edits of the sample feed's text: (what, function from the parsed feed to the new one,
    or from the text to the new text)."""
    def retitle(feed):
        feed["opportunities"][5]["title"]["en"] += " (edited)"

    def first_and_last(feed):
        feed["opportunities"][0]["status"] = "paused"
        feed["opportunities"][-1]["title"]["en"] = "Last"

    def insert(feed):
        feed["opportunities"].insert(3, copy.deepcopy(feed["opportunities"][7]))

    def delete(feed):
        del feed["opportunities"][4:6]

    def append(feed):
        feed["opportunities"].append(copy.deepcopy(feed["opportunities"][0]))

    def empty(feed):
        feed["opportunities"] = []

    def chinese(feed):  # characters of three bytes each, before and inside the edit
        feed["opportunities"][2]["title"]["zh-TW"] += "（更新）"
        feed["opportunities"][9]["title"]["zh-TW"] = "改"

    def header(feed):
        feed["generated_at"] = "2026-11-28T09:30:00+08:00"

    def withdrawn(feed):
        feed.setdefault("withdrawn", []).append({"id": "gone-0001",
                                                 "withdrawn_at": "2026-11-01T00:00:00Z"})

    return [("retitle", retitle), ("chinese", chinese), ("first and last", first_and_last),
            ("insert", insert),
            ("delete", delete), ("append", append), ("empty", empty), ("header", header),
            ("withdrawn", withdrawn)]


@pytest.mark.parametrize(("what", "edit"), _edits(), ids=[what for what, _ in _edits()])
@pytest.mark.parametrize("indent", [1, None])
def test_a_feed_read_again_after_an_edit_is_what_json_reads(what, edit, indent):
    from portal.opportunities.incremental import rescan, scan

    feed = sample_feed()
    old_text = json.dumps(feed, ensure_ascii=False, indent=indent).encode()
    earlier = scan(old_text)
    assert earlier is not None and earlier.document() == json.loads(old_text)
    edit(feed)
    new_text = json.dumps(feed, ensure_ascii=False, indent=indent).encode()
    again = rescan(earlier, new_text)
    if what in ("retitle", "chinese", "first and last", "insert", "delete", "append"):
        assert again is not None, "an edit inside the list is read again in part"
    again = again or scan(new_text)
    assert again.document() == json.loads(new_text)
    assert len(again.keys) == len(again.records) == len(feed["opportunities"])
    if what == "retitle":  # the records around the edit are the very objects read before
        assert again.records[4] is earlier.records[4]
        assert again.records[6] is earlier.records[6]
        assert again.records[5] is not earlier.records[5]


@pytest.mark.parametrize("text", [
    '{"opportunities": [{"id": "a"}], "opportunities": []}',  # a repeated key
    '{"opportunities": [{"id": "a"},]}', '[1, 2]', '{"opportunities": [1] } x', "{}",
    '{"a": 1,}'])
def test_odd_feed_texts_are_left_to_the_ordinary_parser(text):
    from portal.opportunities.incremental import scan

    assert scan(text.encode()) is None


def test_an_edit_that_breaks_a_record_is_not_read_again_in_part():
    from portal.opportunities.incremental import rescan, scan

    text = json.dumps(sample_feed(), ensure_ascii=False, indent=1).encode()
    earlier = scan(text)
    broken = text.replace(b'"id": ', b'"id" ', 1)
    assert rescan(earlier, broken) is None
    with pytest.raises(ValueError):
        json.loads(broken)


# -- values known to digest the same without digesting them ------------------------------------

def test_values_called_the_same_have_the_same_digest():
    from portal.core.fingerprint import Digester, same_data
    from portal.core.site import Route

    moment = datetime(2026, 11, 28, 12, 0)
    pairs = [
        ("text", "text"), (1, 1), (1.5, 1.5), (None, None), ([1, "a"], [1, "a"]),
        ((1, (2, 3)), (1, (2, 3))), ({"a": [1, 2], "b": {"c": moment}},
                                     {"a": [1, 2], "b": {"c": moment}}),
        (Route("k", "p/", frozenset({"en"}), "en", titles={"en": "T"}),
         Route("k", "p/", frozenset({"en"}), "en", titles={"en": "T"})),
        (PurePosixPath("a/b"), PurePosixPath("a/b")),
    ]
    for first, second in pairs:
        assert same_data(first, second), (first, second)
        assert Digester().digest(first) == Digester().digest(second)
    different = [(1, 1.0), (True, 1), ({"a": 1, "b": 2}, {"b": 2, "a": 1}), ([1], (1,)),
                 ("a", "b"), (moment, moment.replace(tzinfo=UTC)), (moment, moment.date()),
                 (Route("k", "p/", frozenset({"en"}), "en"),
                  Route("k", "p/", frozenset({"en"}), "en", titles={"en": "T"}))]
    for first, second in different:
        assert not same_data(first, second), (first, second)


@functools.cache
def _plain_checker() -> Draft202012Validator:
    defs = load_schema(SCHEMA_DIR)["$defs"]
    return Draft202012Validator({**_inline({"$ref": "#/$defs/opportunity"}, defs),
                                 "$defs": defs},
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def _plain_record_errors(record: object) -> list[tuple[str, str]]:
    """What jsonschema itself reports for a record, with no values remembered."""
    errors = sorted(_plain_checker().iter_errors(record),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    return [(error.json_path, error.message) for error in errors]


_ODD_VALUES = [None, 1, 1.0, True, False, "", "x" * 3000, [], {}, "not a date", -5, [1],
               {"en": ""}, {"zz-ZZ": "text"}, "2026-13-40T25:00:00+08:00", "mailto:"]


def _break_somewhere(node: object, rng: random.Random) -> None:
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    if not keys:
        return
    key = rng.choice(keys)
    if isinstance(node[key], (dict, list)) and node[key] and rng.random() < 0.6:
        _break_somewhere(node[key], rng)
    else:
        node[key] = rng.choice(_ODD_VALUES)


def test_remembered_valid_values_never_hide_an_error():
    """The record check remembers the record properties it found valid (organisations,
    contacts, languages … that many records share). Over the sample records, each checked
    as it is and then broken in one to three places, deep or shallow, it reports exactly the
    errors jsonschema reports, in the same order, with the same paths and messages."""
    rng = random.Random(2026)
    records = [normalise_record(raw) for raw in sample_feed()["opportunities"]]
    checked = broken = 0
    for _ in range(3):
        for record in records:
            variant = copy.deepcopy(record)
            for _ in range(rng.randint(0, 3)):
                _break_somewhere(variant, rng)
            expected = _plain_record_errors(variant)
            assert record_errors(variant, SCHEMA_DIR) == expected
            checked += 1
            broken += bool(expected)
    assert broken > checked // 2 > 0


def test_a_remembered_value_counts_for_its_exact_types_only():
    """A value checked once is known again only when it is the same JSON: the same
    organisation with a number where text belongs, or ``1`` where ``true`` belongs, is
    checked afresh and its error reported."""
    record = normalise_record(sample_feed()["opportunities"][0])
    assert record_errors(record, SCHEMA_DIR) == []
    again = copy.deepcopy(record)
    assert record_errors(again, SCHEMA_DIR) == []
    renamed = copy.deepcopy(record)
    renamed["organisation"]["name"] = 1
    assert record_errors(renamed, SCHEMA_DIR) == _plain_record_errors(renamed) != []
    benefits = copy.deepcopy(record)
    benefits.setdefault("benefits", {})["certificate"] = True
    assert record_errors(benefits, SCHEMA_DIR) == []
    benefits["benefits"]["certificate"] = 1
    assert record_errors(benefits, SCHEMA_DIR) == _plain_record_errors(benefits) != []


@pytest.mark.parametrize("language", [Language.from_row(row) for row in language_table()],
                         ids=lambda language: language.code)
def test_remembered_dates_and_numbers_are_what_babel_writes(language):
    """Dates, times and numbers are formatted once per build and remembered. Two moments that
    are equal but written in other time zones still show their own date and time, and 1 and
    1.0 (equal numbers) are each formatted as themselves."""
    context = {"lang": language}  # what a pass_context filter reads: the page's language
    taipei, utc = timezone(timedelta(hours=8)), UTC
    evening_utc = datetime(2026, 1, 19, 20, 30, tzinfo=utc)
    same_moment_in_taipei = evening_utc.astimezone(taipei)
    assert evening_utc == same_moment_in_taipei
    locale = language.babel_locale
    for moment in (evening_utc, same_moment_in_taipei, evening_utc, same_moment_in_taipei):
        written = format_date(moment, format="long", locale=locale)
        if language.minguo:
            written += f"（民國{moment.year - 1911}年）"
        assert localised_date(moment, language) == written
        separator = " " if language.minguo else ", "
        assert datetime_filter(context, moment) == \
            written + separator + format_time(moment, "HH:mm", locale=locale)
        assert time_filter(context, moment) == format_time(moment, "HH:mm", locale=locale)
    for value in (1, 1.0, 1, 2.5, 1234567, 1.0):
        for digits in (None, 0, 2):
            pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
            assert number_filter(context, value, digits) == \
                format_decimal(value, format=pattern, locale=locale)


def _slow_for_seven(item: int) -> tuple[int, int]:
    if item == 7:
        time.sleep(1.0)
    return item, os.getpid()


def test_worker_processes_take_runs_until_none_is_left():
    """Rendering hands out runs of pages to the processes as each finishes one: every item
    is done exactly once and reported, and while one process is busy with a slow run the
    other takes the rest (with shares fixed in advance it would have waited for half)."""
    runs = [[7]] + [[number] for number in range(8, 40)] + [[0, 1, 2, 3, 4, 5, 6]]
    reported: list[tuple[int, int]] = []
    run_pulled(_slow_for_seven, runs, 2, on_result=reported.append)
    assert sorted(item for item, _ in reported) == list(range(40))
    slow_process = next(pid for item, pid in reported if item == 7)
    others = [item for item, pid in reported if pid != slow_process]
    assert len(others) >= 30
    assert os.getpid() in {pid for _, pid in reported}


def _page(number: int) -> str:
    return f"page {number}"


def _feed(number: int) -> str:
    return f"feed {number}"


def test_rendering_starts_with_whole_collection_files_and_ends_in_small_runs(tmp_path):
    """The runs handed to the worker processes: a feed over the whole collection comes
    first (taken last, it would keep one process busy while the other has nothing left),
    both language versions of a page are in the same run, and the last runs are short, so
    the processes finish within a few pages of each other."""
    site = Site.from_settings({"PORTAL_LANGUAGES": language_table(), "SITEURL": ""})
    prefixes = [f"{lang.prefix}/" if lang.prefix else "" for lang in site.languages]
    plan = BuildPlan(tmp_path / "final", tmp_path / "staging", Manifest(), True, 2, {}, "")
    plan.site = site
    jobs = [FileJob(f"{prefix}opportunities/{number}/index.html", _page, (number,))
            for number in range(3000) for prefix in prefixes]
    jobs += [FileJob(f"{prefix}opportunities/feed.xml", _feed, (0,)) for prefix in prefixes]
    runs = plan._runs(jobs, 2)
    assert sorted(job.rel for run in runs for job in run) == sorted(job.rel for job in jobs)
    assert {job.producer for job in runs[0][:len(prefixes)]} == {_feed}
    run_of = {job.rel: index for index, run in enumerate(runs) for job in run}
    for number in range(3000):
        assert len({run_of[f"{prefix}opportunities/{number}/index.html"]
                    for prefix in prefixes}) == 1
    assert max(map(len, runs)) <= SHARE_RUN
    assert len(runs[-1]) <= LAST_RUN
    assert [len(run) for run in runs[-8:]] == sorted((len(run) for run in runs[-8:]),
                                                     reverse=True)


def test_work_in_the_background_is_done_by_another_process_and_waited_for(tmp_path):
    """Work started in the background (the archive read ahead, the open-data records
    encoded ahead) runs in a process of its own while the build goes on, and the build
    waits for it before it ends; a failure there is left to the build to redo."""
    done = tmp_path / "done"

    def work() -> None:
        time.sleep(0.5)
        done.write_text(str(os.getpid()))

    in_background(work)
    in_background(lambda: 1 / 0)  # its failure is not raised here
    assert not done.exists()
    wait_for_background()
    assert int(done.read_text()) != os.getpid()


def _translating_environment(shortcut: bool):
    from jinja2 import Environment, FileSystemLoader

    from portal.core.jinja_env import TranslatingCodeGenerator, translated_text
    from portal.i18n.catalogs import install_catalogues, load_catalogues

    languages = tuple(Language.from_row(row) for row in language_table())
    catalogues, _ = load_catalogues(ROOT / "theme" / "translations", languages)
    env = Environment(loader=FileSystemLoader(ROOT / "theme" / "templates"), autoescape=True,
                      extensions=["jinja2.ext.i18n"])
    if shortcut:
        env.code_generator_class = TranslatingCodeGenerator
        env.translated_text = translated_text
    install_catalogues(env, catalogues)
    return env, languages


def test_literal_interface_text_is_translated_as_jinja_would():
    """``_('…')`` compiled to a look into the translations already made gives what Jinja's
    own call gives: in and out of loops, blocks and macros, with and without arguments,
    with autoescaping on and off, through the page's gettext and through the environment's;
    and the theme's templates use it."""
    source = (
        "{% macro m() %}{{ _('Search') }}|{{ gettext('Home') }}{% endmacro %}"
        "{% for n in [1, 2] %}{{ _('Search') }}{{ _('Goal %(number)s', number=n) }}"
        "{{ ngettext('%(num)s place left', '%(num)s places left', n) }}{% endfor %}"
        "{% block b %}{{ _('Home') }}{{ m() }}{% endblock %}{{ _('<no such message>') }}"
        "{% autoescape false %}{{ _('<no such message>') }}{% endautoescape %}"
        "{% set _ = gettext %}{{ _('Search') }}"
    )
    rendered = {}
    for shortcut in (False, True):
        env, languages = _translating_environment(shortcut)
        template = env.from_string(source)
        rendered[shortcut] = [
            template.render(lang=language, **page)
            for language in languages
            for page in ({}, env.portal_gettext[language.code])
            for _ in range(2)  # the second time from the translations already made
        ]
    assert rendered[True] == rendered[False]
    assert any("搜尋" in text for text in rendered[True])
    assert rendered[True][0].startswith("SearchGoal 1")
    env, _ = _translating_environment(True)
    env.filters.update(FILTERS)
    source = env.loader.get_source(env, "opportunity.html")[0]
    assert "translated_text(" in env.compile(source, raw=True)
