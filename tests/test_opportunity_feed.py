"""What the build does with a bad feed: bad records set aside with their reason, an unusable
feed never replacing the last good one, URL sources with timeout, size cap and fallback."""

from __future__ import annotations

import copy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import ROOT, copy_project, run_build

SAMPLE = json.loads((ROOT / "data/opportunities.sample.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("feed-project"))


def write_feed(tmp_path, document, name="feed.json") -> str:
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    path.write_text(text, "utf-8")
    return str(path)


def build(project, tmp_path, source: str, name="out", state=None, *extra):
    return run_build(project, tmp_path / name, "pelicanconf.py", *extra,
                     env={"PORTAL_OPPORTUNITIES_FEED": source}, state=state or tmp_path / "state")


def listed_count(tmp_path, name="out") -> str:
    html = (tmp_path / name / "opportunities/index.html").read_text("utf-8")
    return html.split('class="result-count"', 1)[1].split("open opportunit", 1)[0]


def test_bad_records_are_set_aside_with_index_id_json_path_and_reason(project, tmp_path):
    feed = copy.deepcopy(SAMPLE)
    records = feed["opportunities"]
    records[0]["locations"][0]["district"] = "Atlantis"
    del records[1]["title"]
    records[2]["id"] = records[3]["id"]
    records[4]["published_at"] = "2026-13-45T10:00:00+08:00"
    records[5]["schedule"] = {"type": "recurring", "timezone": "Asia/Taipei",
                              "period": {"start_date": "2026-12-01"},
                              "recurrence": {"dtstart": "2026-12-01T09:00:00",
                                             "duration": "PT2H",
                                             "rrule": "FREQ=WEEKLY;BYDAY=XX"}}
    records[6]["sdgs"] = [18]
    result = build(project, tmp_path, write_feed(tmp_path, feed))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "state/report.json").read_text("utf-8"))
    rejected = {entry["index"]: entry for entry in report["rejected"]}
    assert set(rejected) == {0, 1, 3, 4, 5, 6}
    assert rejected[0]["path"] == "$.opportunities[0].locations[0].district"
    assert "Atlantis" in rejected[0]["reason"] and rejected[0]["id"] == records[0]["id"]
    assert "'title' is a required property" in rejected[1]["reason"]
    assert rejected[1]["path"] == "$.opportunities[1]"
    assert rejected[3]["path"] == "$.opportunities[3].id"
    assert "duplicate id" in rejected[3]["reason"] and "record 2" in rejected[3]["reason"]
    assert rejected[4]["path"].startswith("$.opportunities[4]")
    assert rejected[5]["path"] == "$.opportunities[5].schedule.recurrence"
    assert rejected[6]["path"] == "$.opportunities[6].sdgs[0]"
    assert f"{len(records) - 6} accepted" in result.stdout
    assert "6 rejected" in result.stdout
    assert "$.opportunities[0].locations[0].district" in result.stdout
    assert not (tmp_path / f"out/opportunities/{records[0]['id']}").exists()
    assert (tmp_path / f"out/opportunities/{records[2]['id']}/index.html").exists()


@pytest.mark.parametrize("name,content,message", [
    ("not JSON", "this is not json", "not valid JSON"),
    ("truncated", json.dumps(SAMPLE)[:5000], "not valid JSON"),
    ("major version 2", json.dumps({**SAMPLE, "schema_version": "2.0"}),
     "schema_version 2.0 is not supported"),
    ("not an object", "[1, 2, 3]", "must be a JSON object"),
])
def test_unusable_feed_with_no_last_good_stops_the_build(project, tmp_path, name, content,
                                                         message):
    output = tmp_path / "out"
    output.mkdir()
    (output / "live.txt").write_text("live")
    result = build(project, tmp_path, write_feed(tmp_path, content))
    assert result.returncode != 0
    assert message in result.stderr and "feed.json" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (output / "live.txt").exists() and not (output / "index.html").exists()


@pytest.mark.parametrize("name,content", [
    ("truncated", json.dumps(SAMPLE)[:-200]),
    ("empty", json.dumps({**SAMPLE, "opportunities": []})),
    ("a tenth of the records", json.dumps({**SAMPLE, "opportunities":
                                           SAMPLE["opportunities"][:16]})),
    ("major version 2", json.dumps({**SAMPLE, "schema_version": "2.1"})),
])
def test_unusable_or_suspicious_feed_never_replaces_the_last_good_one(project, tmp_path, name,
                                                                       content):
    good = build(project, tmp_path, write_feed(tmp_path, SAMPLE, "good.json"), "first")
    assert good.returncode == 0, good.stderr
    result = build(project, tmp_path, write_feed(tmp_path, content, "bad.json"), "second")
    assert result.returncode == 0, result.stderr
    assert "using the last good feed" in result.stdout
    assert listed_count(tmp_path, "second") == listed_count(tmp_path, "first")
    page = (tmp_path / "second/opportunities/index.html").read_text("utf-8")
    assert "could not be loaded" in page and "data as of November 28, 2026" in page
    zh = (tmp_path / "second/zh-tw/opportunities/index.html").read_text("utf-8")
    assert "2026年11月28日" in zh
    again = build(project, tmp_path, write_feed(tmp_path, content, "bad.json"), "third")
    assert listed_count(tmp_path, "third") == listed_count(tmp_path, "first"), again.stdout


class FeedServer(BaseHTTPRequestHandler):
    mode = "ok"
    body = json.dumps(SAMPLE).encode()

    def do_GET(self):  # noqa: N802 - http.server's naming
        if FeedServer.mode == "error":
            self.send_error(500)
            return
        if FeedServer.mode == "slow":
            time.sleep(3)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(FeedServer.body)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def feed_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FeedServer.mode = "ok"
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.json"
    server.shutdown()


@pytest.mark.parametrize("failure", ["error", "slow"])
def test_url_feed_falls_back_to_the_last_good_copy_when_the_fetch_fails(project, tmp_path,
                                                                       feed_url, failure):
    first = build(project, tmp_path, feed_url, "first", None, "PORTAL_FEED_TIMEOUT=1")
    assert first.returncode == 0, first.stderr
    FeedServer.mode = failure
    second = build(project, tmp_path, feed_url, "second", None, "PORTAL_FEED_TIMEOUT=1")
    assert second.returncode == 0, second.stderr
    assert "could not fetch" in second.stdout
    assert listed_count(tmp_path, "second") == listed_count(tmp_path, "first")
    assert "could not be loaded" in (tmp_path / "second/opportunities/index.html").read_text()


def test_url_feed_larger_than_the_cap_is_refused(project, tmp_path, feed_url):
    result = build(project, tmp_path, feed_url, "out", None, "PORTAL_FEED_MAX_BYTES=1000")
    assert result.returncode != 0
    assert "larger than the 1,000 byte limit" in result.stderr
    assert "Traceback" not in result.stderr


def test_feed_can_be_chosen_on_the_command_line(project, tmp_path):
    feed = copy.deepcopy(SAMPLE)
    feed["opportunities"] = feed["opportunities"][:30]
    path = write_feed(tmp_path, feed)
    result = run_build(project, tmp_path / "out", "pelicanconf.py",
                       f"OPPORTUNITIES_FEED={json.dumps(path)}", state=tmp_path / "state")
    assert result.returncode == 0, result.stderr
    assert "30 accepted" in result.stdout
