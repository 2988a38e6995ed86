"""The memory archive on the real built site: item pages of every type in both languages, dates
in words, fallbacks, browse pages, the timeline, access levels, media, JSON-LD, IIIF manifests
and the data downloads."""

from __future__ import annotations

import csv
import io
import json
import struct
import wave
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from conftest import SITEURL, copy_project, run_build

EN, ZH = "", "/zh-tw"
PUBLISHED = 29  # items in memory_archive/ that are published today (one is embargoed to 2099)

#: Type of item -> a seed item of that type, and its name on English and Chinese pages.
TYPES = {
    "photo": ("international-volunteer-day-illustration", "Photo", "照片"),
    "document": ("volunteer-service-act-2001", "Document", "文件"),
    "newsletter": ("newsletter-sample-issue", "Newsletter", "刊物"),
    "oral-history": ("oral-history-sample", "Oral history", "口述歷史"),
    "object": ("volunteer-service-record-book", "Object", "物件"),
    "record": ("taipei-figures-2020", "Record", "紀錄"),
}


def item_page(site, item_id: str, prefix: str = EN):
    return site.page(f"{prefix}/archive/items/{item_id}/")


def text_of(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def details(soup) -> dict[str, str]:
    """The item's details table as a user reads it: row heading -> cell text."""
    table = soup.select_one("table.archive-details")
    return {text_of(row.th): text_of(row.td) for row in table.select("tr")}


def read_downloads(site) -> tuple[dict, list[dict], list[dict]]:
    data = site.output / "archive" / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    with (data / "items.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = json.loads((data / "items.json").read_text(encoding="utf-8"))
    return package, rows, records


# -- items and their types -----------------------------------------------------------------------

@pytest.mark.parametrize("item_type", TYPES)
def test_every_item_type_has_a_page_in_both_languages(site, item_type):
    item_id, english, chinese = TYPES[item_type]
    en, zh = item_page(site, item_id), item_page(site, item_id, ZH)
    assert en.html["lang"] == "en" and zh.html["lang"] == "zh-Hant-TW"
    assert len(en.find_all("h1")) == 1 and len(zh.find_all("h1")) == 1
    assert text_of(en.select_one(".archive-kind")).startswith(english + " · ")
    assert text_of(zh.select_one(".archive-kind")).startswith(chinese + " · ")
    assert details(en)["Type"].startswith(english)
    assert details(zh)["類型"].startswith(chinese)
    type_page = site.page(f"/archive/types/{item_type}/")
    assert f"/archive/items/{item_id}/" in {a["href"] for a in type_page.select("main a")}


def test_project_made_items_say_so_and_are_never_called_photographs(site):
    photo = item_page(site, "international-volunteer-day-illustration")
    notes = " ".join(text_of(n) for n in photo.select(".notice"))
    assert "Made by the portal project" in notes
    assert "This is an illustration, not a photograph." in notes
    chinese = item_page(site, "international-volunteer-day-illustration", ZH)
    assert "這是插畫，不是照片" in " ".join(text_of(n) for n in chinese.select(".notice"))
    assert "not the real cover" in text_of(item_page(site, "volunteer-service-record-book"))


def test_oral_history_sample_shows_its_transcript_and_claims_no_recording(site):
    for prefix, heading, line in ((EN, "Transcript", "The speaker is fictional."),
                                  (ZH, "逐字稿", "受訪者為虛構人物")):
        soup = item_page(site, "oral-history-sample", prefix)
        section = soup.select_one("section.archive-transcript")
        assert text_of(section.h2) == heading
        assert line in text_of(section)
        assert not soup.find(["audio", "video", "track"])
    note = text_of(item_page(site, "oral-history-sample").select_one(".archive-note"))
    assert "there is no audio recording" in note


def test_pdf_is_linked_with_its_type_and_size(site):
    for prefix, expected in ((EN, "(PDF, 1 kB)"), (ZH, "（PDF，1 kB）")):
        soup = item_page(site, "newsletter-sample-issue", prefix)
        link = soup.select_one("p.archive-file a")
        assert link["href"] == "/archive/media/newsletter-sample-issue/newsletter-sample.pdf"
        assert link["type"] == "application/pdf"
        assert expected in text_of(link.parent)
        assert site.file_for(link["href"]).read_bytes().startswith(b"%PDF-")


# -- dates ---------------------------------------------------------------------------------------

DATES = [
    ("before-the-act-late-1990s", "1999~", "circa 1999", "約1999年（民國88年）"),
    ("before-the-act-1980s", "198X", "1980s", "1980年代"),
    ("act-twenty-years", "2001/2021", "2001 to 2021", "2001年（民國90年）至2021年（民國110年）"),
    ("volunteer-service-act-2001", "2001-01-20", "January 20, 2001", "2001年1月20日（民國90年）"),
    ("volunteer-platform-2019", "2019-07", "July 2019", "2019年7月（民國108年）"),
    ("act-anniversary-forum-2021", "2021-11-16?", "November 16, 2021 (uncertain)",
     "2021年11月16日（民國110年）（未確定）"),
    ("volunteer-service-record-book", "2001-04-20/..", "from April 20, 2001",
     "2001年4月20日（民國90年）起"),
]


@pytest.mark.parametrize(("item_id", "edtf", "english", "chinese"), DATES)
def test_edtf_dates_are_shown_in_words_in_both_languages(site, item_id, edtf, english, chinese):
    en, zh = item_page(site, item_id), item_page(site, item_id, ZH)
    assert details(en)["Date"] == english and details(zh)["日期"] == chinese
    # The machine-readable date stays in the metadata, out of the visible page.
    assert f'"temporalCoverage": "{edtf}"' in str(en.find("script", type="application/ld+json"))
    assert text_of(en.select_one(".archive-kind")).endswith(english)


# -- languages: fallbacks ------------------------------------------------------------------------

def test_item_without_chinese_text_is_shown_in_english_with_a_label(site):
    soup = item_page(site, "un-resolution-52-17", ZH)
    title = soup.h1.find("span", lang="en")
    assert title and title.get_text() == "UN resolution 52/17: an International Year of Volunteers"
    assert "尚未翻譯" in text_of(soup.h1.select_one(".fallback-label"))
    description = soup.select_one(".archive-description .prose")
    assert description["lang"] == "en" and "resolution 52/17" in text_of(description)
    assert "尚未翻譯" in text_of(soup.select_one(".archive-description .fallback-label"))
    assert "尚未翻譯" in text_of(soup.select_one(".notice"))
    # The page is a fallback: left out of hreflang and the sitemap, canonical to English.
    assert not soup.select('link[rel="alternate"][hreflang]')
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == SITEURL + "/archive/items/un-resolution-52-17/"
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITEURL}/zh-tw/archive/items/un-resolution-52-17/" not in sitemap
    assert f"{SITEURL}/archive/items/un-resolution-52-17/" in sitemap


def test_missing_english_description_falls_back_to_chinese_with_a_label(site):
    soup = item_page(site, "act-amendment-2014")
    assert text_of(soup.h1) == "Amendment of 2014: volunteers' obligations"
    description = soup.select_one(".archive-description .prose")
    assert description["lang"] == "zh-Hant-TW" and "第15條" in text_of(description)
    label = text_of(soup.select_one(".archive-description .fallback-label"))
    assert label == "Not translated yet; shown in 繁體中文"
    # The title is translated, so the page keeps its hreflang pair.
    assert soup.find("link", rel="alternate", hreflang="zh-TW")


def test_fallback_titles_in_lists_keep_their_language(site):
    timeline = site.page("/zh-tw/archive/timeline/")
    link = timeline.find("a", href="/zh-tw/archive/items/un-resolution-52-17/")
    assert link.find("span", lang="en")
    assert "English" in text_of(link.select_one(".fallback-label"))


# -- browsing ------------------------------------------------------------------------------------

def links_in_main(soup) -> set[str]:
    return {a["href"] for a in soup.select("main a[href]")}


def test_browse_by_decade_groups_items_by_year(site):
    soup = site.page("/archive/decades/1990s/")
    assert text_of(soup.h1) == "1990s"
    years = [text_of(h2) for h2 in soup.select("main section h2")]
    assert years == ["1997", "1999"]
    assert {"/archive/items/un-resolution-52-17/",
            "/archive/items/before-the-act-late-1990s/"} <= links_in_main(soup)
    eighties = site.page("/zh-tw/archive/decades/1980s/")
    assert text_of(eighties.h1) == "1980年代"
    assert [text_of(h2) for h2 in eighties.select("main section h2")] == \
        ["1985年（民國74年）", "年份不詳"]
    index = site.page("/archive/decades/")
    assert "/archive/decades/2000s/#y2001" in links_in_main(index)


@pytest.mark.parametrize(("url", "heading", "expected"), [
    ("/archive/types/photo/", "Photos", {"international-volunteer-day-illustration"}),
    ("/zh-tw/archive/types/object/", "物件", {"volunteer-service-record-book"}),
    ("/archive/subjects/record-book/", "Volunteer service record book",
     {"record-book-rules-2001", "volunteer-service-record-book", "oral-history-sample"}),
    ("/zh-tw/archive/subjects/honor-card/", "志願服務榮譽卡", {"honor-card-procedure-2001"}),
    ("/archive/sdgs/4/", "SDG 4", {"taipei-sdg-review-2020", "volunteer-training-targets-2021"}),
    ("/archive/places/worldwide/", "Worldwide",
     {"un-resolution-40-212", "un-resolution-52-17", "international-year-of-volunteers-2001"}),
])
def test_browse_pages_list_their_items(site, url, heading, expected):
    soup = site.page(url)
    assert text_of(soup.h1) == heading
    prefix = "/zh-tw" if url.startswith("/zh-tw/") else ""
    listed = {href.split("/")[-2] for href in links_in_main(soup)
              if href.startswith(f"{prefix}/archive/items/")}
    assert listed == expected
    assert not soup.find("script", src=True), "browse pages need no JavaScript"


def test_facet_index_pages_link_to_every_value(site):
    for facet in ("decades", "types", "subjects", "sdgs", "places"):
        folder = site.output / "archive" / facet
        values = {p.name for p in folder.iterdir() if p.is_dir()}
        links = links_in_main(site.page(f"/archive/{facet}/"))
        assert {f"/archive/{facet}/{value}/" for value in values} <= links, facet
        assert values, facet
    home = site.page("/archive/")
    assert {f"/archive/{facet}/" for facet in ("decades", "types", "subjects", "sdgs",
                                                "places")} | {"/archive/timeline/"} <= \
        links_in_main(home)


def test_archive_is_in_the_main_menu_in_both_languages(site):
    for url, label in (("/", "Archive"), ("/zh-tw/", "記憶庫")):
        menu = site.page(url).select_one("nav.main-nav")
        assert menu.find("a", string=label)["href"] == url + "archive/"
    item_menu = item_page(site, "taipei-figures-2020").select_one("nav.main-nav")
    assert item_menu.find("a", string="Archive")["aria-current"] == "true"


def test_home_counts_items_by_type_and_decade(site):
    soup = site.page("/archive/")
    assert f"The archive holds {PUBLISHED} items." in text_of(soup)
    by_type = soup.find("caption", string="Items by type").find_parent("table")
    counts = {text_of(row.th): int(text_of(row.td)) for row in by_type.select("tbody tr")}
    assert sum(counts.values()) == PUBLISHED and counts["Photos"] == 1
    assert text_of(by_type.select_one("tfoot td")) == str(PUBLISHED)
    assert [th["scope"] for th in by_type.select("thead th")] == ["col", "col"]


# -- timeline ------------------------------------------------------------------------------------

def test_timeline_is_an_ordered_list_grouped_by_decade_in_date_order(site):
    _, rows, _ = read_downloads(site)
    dates = {row["id"]: (row["date_earliest"], row["date_latest"]) for row in rows}
    soup = site.page("/archive/timeline/")
    decades = soup.select("main ol.timeline > li")
    assert [text_of(li.h2).split()[0] for li in decades] == \
        ["1980s", "1990s", "2000s", "2010s", "2020s"]
    order = []
    for decade in decades:
        assert decade.select_one("ol.timeline-items"), "items are an ordered list"
        start = int(text_of(decade.h2)[:4])
        for link in decade.select("ol.timeline-items > li > a"):
            item_id = link["href"].split("/")[-2]
            assert start <= int(dates[item_id][0][:4]) < start + 10, item_id
            order.append(item_id)
    assert len(order) == PUBLISHED
    assert [dates[i] for i in order] == sorted(dates[i] for i in order)
    assert order[:3] == ["before-the-act-1980s", "un-resolution-40-212", "un-resolution-52-17"]


def test_previous_and_next_items_follow_the_timeline(site):
    # 2001/2021 starts on 1 January 2001, so it comes before the Act of 20 January 2001.
    soup = item_page(site, "volunteer-service-act-2001")
    assert soup.find("a", rel="prev")["href"] == "/archive/items/act-twenty-years/"
    assert soup.find("a", rel="next")["href"] == "/archive/items/record-book-rules-2001/"


# -- access levels -------------------------------------------------------------------------------

def test_metadata_only_item_shows_its_description_but_no_files(site):
    for prefix, notice in ((EN, "Only the description of this item is published"),
                           (ZH, "本件僅公開描述")):
        soup = item_page(site, "promotion-center-publications", prefix)
        assert notice in " ".join(text_of(n) for n in soup.select(".notice"))
        assert not soup.select("main img, main audio, main video")
        assert not soup.select(".archive-media, .archive-file")
    assert not (site.output / "archive/iiif/promotion-center-publications").exists()
    assert not (site.output / "archive/media/promotion-center-publications").exists()
    _, rows, _ = read_downloads(site)
    row = next(r for r in rows if r["id"] == "promotion-center-publications")
    assert row["access"] == "metadata_only" and row["media"] == ""


def test_embargo_that_has_ended_is_published(site):
    soup = item_page(site, "agency-evaluation-2021")
    assert details(soup)["Access to the item"] == \
        "Embargoed until a date; the embargo ended on January 1, 2022"


def test_embargo_until_2099_keeps_the_item_off_the_whole_site(site):
    assert not (site.output / "archive/items/consensus-meeting-2021").exists()
    assert not (site.output / "zh-tw/archive/items/consensus-meeting-2021").exists()
    for path in [*site.output.rglob("*.html"), *site.output.rglob("*.json"),
                 *site.output.rglob("*.csv"), *site.output.rglob("*.xml")]:
        text = path.read_text(encoding="utf-8")
        assert "consensus-meeting-2021" not in text, path
        assert "Consensus meeting of agency volunteer officers" not in text, path
    related = item_page(site, "agency-evaluation-2021").select_one(
        "section[aria-labelledby=archive-related-title]")
    assert [a["href"] for a in related.select("a")] == ["/archive/items/volunteer-work-plan-2021/"]


# -- images --------------------------------------------------------------------------------------

def published_images(site) -> list[Path]:
    media = site.output / "archive" / "media"
    return sorted(p for p in media.rglob("*") if p.suffix in (".png", ".jpg"))


def metadata_left(path: Path) -> list[str]:
    """Metadata a published image still carries (none is allowed)."""
    with Image.open(path) as image:
        found = [key for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment",
                                 "photoshop", "iptc") if key in image.info]
        if image.getexif():
            found.append("EXIF tags")
        if image.getexif().get_ifd(0x8825):
            found.append("GPS")
        if path.suffix == ".png":
            found += [key for key in getattr(image, "text", {})]
    return found


def test_no_published_image_carries_exif_or_gps(site):
    images = published_images(site)
    assert len(images) >= 9
    for path in images:
        assert metadata_left(path) == [], path


def test_item_images_have_size_srcset_and_alt_in_each_language(site):
    for prefix, alt_start in ((EN, "Chart titled Volunteering in Taipei, 2020"),
                              (ZH, "標題為「2020年臺北市志願服務概況」的圖表")):
        img = item_page(site, "taipei-figures-2020", prefix).select_one(".archive-figure img")
        assert img["alt"].startswith(alt_start) and not img.get("lang")
        assert img["sizes"]
        with Image.open(site.file_for(img["src"])) as shown:
            assert shown.size == (int(img["width"]), int(img["height"]))
        for candidate in img["srcset"].split(", "):
            url, width = candidate.split()
            with Image.open(site.file_for(url)) as copy:
                assert f"{copy.width}w" == width
        figure = img.find_parent("figure")
        full = figure.select_one("figcaption a")
        assert "1200 × 760" in text_of(full)


# -- JSON-LD, IIIF, citations, downloads ---------------------------------------------------------

def test_item_pages_carry_schema_org_json_ld(site):
    for prefix, name in ((EN, "The Volunteer Service Act is promulgated"),
                         (ZH, "志願服務法公布施行")):
        soup = item_page(site, "volunteer-service-act-2001", prefix)
        scripts = soup.select('script[type="application/ld+json"]')
        assert len(scripts) == 1
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org"
        assert "ArchiveComponent" in data["@type"]
        assert data["name"] == name == text_of(soup.h1)
        assert data["url"] == soup.find("link", rel="canonical")["href"]
        assert data["dateCreated"] == "2001-01-20"
        assert data["license"] == "http://creativecommons.org/licenses/by/4.0/"
        assert data["isBasedOn"].startswith("https://law.moj.gov.tw/")
    photo = json.loads(item_page(site, "international-volunteer-day-illustration")
                       .select_one('script[type="application/ld+json"]').string)
    assert "Photograph" in photo["@type"] and photo["image"].startswith(SITEURL + "/archive/media/")


def test_iiif_manifests_load_in_the_iiif_prezi3_model(site):
    from iiif_prezi3 import Manifest
    from pydantic import ValidationError

    manifests = sorted((site.output / "archive" / "iiif").glob("*/manifest.json"))
    assert {p.parent.name for p in manifests} == {
        "taipei-figures-2020", "international-volunteer-day-illustration",
        "volunteer-service-record-book"}
    for path in manifests:
        text = path.read_text(encoding="utf-8")
        manifest = Manifest.model_validate_json(text)
        assert manifest.id == f"{SITEURL}/archive/iiif/{path.parent.name}/manifest.json"
        assert set(manifest.label) == {"en", "zh-Hant-TW"}
        data = json.loads(text)
        body = data["items"][0]["items"][0]["items"][0]["body"]
        with Image.open(site.file_for(body["id"])) as image:
            assert image.size == (body["width"], body["height"])
        assert data["rights"] == "http://creativecommons.org/licenses/by/4.0/"
        broken = json.loads(text)
        del broken["items"][0]["items"][0]["items"][0]["target"]
        with pytest.raises(ValidationError):
            Manifest.model_validate_json(json.dumps(broken))
    link = details(item_page(site, "taipei-figures-2020"))["IIIF manifest"]
    assert link == f"{SITEURL}/archive/iiif/taipei-figures-2020/manifest.json"


def test_citations_are_given_in_both_languages_on_every_item_page(site):
    soup = item_page(site, "volunteer-work-plan-2021", ZH)
    cites = {dd["lang"]: text_of(dd) for dd in soup.select("dl.archive-citations dd")}
    assert cites["en"] == ("Taipei City Government. “Taipei City's 2021 Volunteer Service Work "
                           "Plan.” January 27, 2021. Taipei Volunteers memory archive. "
                           f"{SITEURL}/archive/items/volunteer-work-plan-2021/")
    assert cites["zh-Hant-TW"] == ("臺北市政府，〈110年度臺北市政府志願服務工作計畫〉，"
                                   "2021年1月27日（民國110年）。臺北志工志願服務記憶庫。"
                                   f"{SITEURL}/zh-tw/archive/items/volunteer-work-plan-2021/")


def cast(value: str, field: dict):
    """A CSV cell read as its Table Schema type says; raises when it does not fit."""
    if field["type"] == "date":
        return date.fromisoformat(value)
    if field["type"] == "boolean":
        assert value in ("true", "false"), value
        return value == "true"
    if field["type"] == "list":
        return value.split(field["delimiter"]) if value else []
    return value


def test_downloads_parse_against_their_datapackage(site):
    package, rows, records = read_downloads(site)
    data = site.output / "archive" / "data"
    assert package["$schema"].startswith("https://datapackage.org/profiles/2.0/")
    resources = {r["name"]: r for r in package["resources"]}
    for resource in resources.values():
        assert (data / resource["path"]).stat().st_size == resource["bytes"]
    csv_fields = resources["items-csv"]["schema"]["fields"]
    assert list(rows[0]) == [f["name"] for f in csv_fields]
    for row in rows:
        for field in csv_fields:
            value = cast(row[field["name"]], field)
            if field.get("constraints", {}).get("required"):
                assert value not in ("", None), (row["id"], field["name"])
    json_fields = resources["items-json"]["schema"]["fields"]
    for record in records:
        assert list(record) == [f["name"] for f in json_fields]
        for field in json_fields:
            value = record[field["name"]]
            expected = {"list": list, "boolean": bool}.get(field["type"], str)
            assert isinstance(value, expected), (record["id"], field["name"])
            if field["type"] == "date":
                date.fromisoformat(value)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == PUBLISHED
    assert ids == [record["id"] for record in records]
    act = next(row for row in rows if row["id"] == "volunteer-service-act-2001")
    assert act["title_zh_tw"] == "志願服務法公布施行" and act["date_edtf"] == "2001-01-20"
    assert act["date_zh_tw"] == "2001年1月20日（民國90年）"
    home = site.page("/archive/")
    assert {"/archive/data/items.csv", "/archive/data/items.json",
            "/archive/data/datapackage.json"} <= links_in_main(home)
    assert "/archive/data/items.csv" in links_in_main(site.page("/zh-tw/archive/"))


# -- in a copy of the project: an editor adds items ----------------------------------------------

def jpeg_with_exif_and_gps(path: Path) -> None:
    """A photo as a phone saves it: turned by the orientation tag, with camera and GPS data."""
    image = Image.new("RGB", (400, 300), (200, 60, 40))
    exif = Image.Exif()
    exif[0x010F] = "Example camera maker"
    exif[0x0112] = 6  # rotate 90 degrees to show upright
    gps = {1: "N", 2: (25.0, 2.0, 0.0), 3: "E", 4: (121.0, 33.0, 0.0)}
    exif[0x8825] = gps
    image.save(path, exif=exif.tobytes(), quality=90)


def silent_wav(path: Path, seconds: float = 2.0) -> None:
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(struct.pack("<h", 0) * int(8000 * seconds))


PHOTO_ITEM = """type: photo
title:
  en: A test photograph
  zh-TW: 測試照片
description:
  en: A photograph with camera and GPS data, used by the tests.
  zh-TW: 含相機與定位資料的測試照片。
date: 2020-05
rights:
  uri: http://rightsstatements.org/vocab/InC-EDU/1.0/
access: public
media:
  - file: media/phone-photo.jpg
    alt:
      en: A plain red rectangle.
"""

AUDIO_ITEM = """type: oral-history
title:
  en: A test recording
  zh-TW: 測試錄音
description:
  en: Two seconds of silence, used by the tests.
  zh-TW: 兩秒鐘的靜音，供測試使用。
date: 2020
rights:
  uri: https://creativecommons.org/publicdomain/zero/1.0/
access: public
media:
  - file: media/interview.wav
    transcript:
      en: media/interview.en.md
      zh-TW: media/interview.zh-tw.md
    captions:
      en: media/interview.en.vtt
"""


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of the project with a phone photo and a recording added, built once."""
    project = copy_project(tmp_path_factory.mktemp("archive-edit"))
    photo = project / "memory_archive" / "test-photo"
    (photo / "media").mkdir(parents=True)
    jpeg_with_exif_and_gps(photo / "media" / "phone-photo.jpg")
    (photo / "item.yml").write_text(PHOTO_ITEM, encoding="utf-8")
    audio = project / "memory_archive" / "test-recording"
    (audio / "media").mkdir(parents=True)
    silent_wav(audio / "media" / "interview.wav")
    (audio / "media" / "interview.en.md").write_text("**Speaker:** (silence)\n", "utf-8")
    (audio / "media" / "interview.zh-tw.md").write_text("**受訪者：**（靜默）\n", "utf-8")
    (audio / "media" / "interview.en.vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:02.000\n(silence)\n", "utf-8")
    (audio / "item.yml").write_text(AUDIO_ITEM, encoding="utf-8")
    output = project / "output"
    result = run_build(project, output, env={"PORTAL_NOW": "2021-12-31T12:00:00+08:00"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project, output


def test_exif_and_gps_are_removed_from_an_editor_s_photo(edited):
    project, output = edited
    source = project / "memory_archive/test-photo/media/phone-photo.jpg"
    with Image.open(source) as original:
        assert original.getexif().get_ifd(0x8825), "the test photo must carry GPS data"
    copies = sorted((output / "archive/media/test-photo").glob("*.jpg"))
    assert [p.name for p in copies] == ["phone-photo-300.jpg"]
    for path in copies:
        assert metadata_left(path) == []
        with Image.open(path) as image:
            assert image.size == (300, 400), "turned upright before the tag was dropped"
    assert b"Example camera maker" not in copies[0].read_bytes()


def test_alt_text_missing_in_chinese_is_marked_and_labelled(edited):
    from bs4 import BeautifulSoup

    _, output = edited
    page = output / "zh-tw/archive/items/test-photo/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    img = soup.select_one(".archive-figure img")
    assert img["alt"] == "A plain red rectangle." and img["lang"] == "en"
    assert "此圖片的文字說明尚未翻譯" in text_of(soup.select_one(".archive-figure figcaption"))
    assert (int(img["width"]), int(img["height"])) == (300, 400)


def test_a_recording_gets_a_player_captions_transcript_and_manifest(edited):
    from bs4 import BeautifulSoup
    from iiif_prezi3 import Manifest

    _, output = edited
    soup = BeautifulSoup((output / "archive/items/test-recording/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    audio = soup.find("audio")
    assert audio.has_attr("controls") and audio["src"].endswith("/interview.wav")
    track = audio.find("track")
    assert (track["kind"], track["srclang"]) == ("captions", "en")
    assert (output / track["src"].lstrip("/")).read_text().startswith("WEBVTT")
    assert "(silence)" in text_of(soup.select_one(".archive-transcript"))
    manifest = (output / "archive/iiif/test-recording/manifest.json").read_text("utf-8")
    Manifest.model_validate_json(manifest)
    canvas = json.loads(manifest)["items"][0]
    assert canvas["duration"] == 2.0
    assert canvas["items"][0]["items"][0]["body"]["type"] == "Sound"
    assert canvas["annotations"][0]["items"][0]["motivation"] == "supplementing"


def test_archive_date_setting_decides_which_embargoes_have_ended(edited):
    _, output = edited
    assert not (output / "archive/items/agency-evaluation-2021").exists(), \
        "embargoed until 2022-01-01, and the build's date is 2021-12-31"
    rows = list(csv.DictReader(io.StringIO(
        (output / "archive/data/items.csv").read_text(encoding="utf-8-sig"))))
    assert "agency-evaluation-2021" not in {row["id"] for row in rows}
    assert "test-photo" in {row["id"] for row in rows}


def test_archive_items_are_offered_to_other_sections_as_listings(tmp_path, monkeypatch):
    """SDG pages (another section) list archive items through the site's listings."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    from conftest import ROOT

    captured = {}

    def capture(generators):
        captured["site"] = generators[0].context["PORTAL_SITE"]

    monkeypatch.chdir(ROOT)
    signals.all_generators_finalized.connect(capture)
    try:
        settings = read_settings(str(ROOT / "pelicanconf.py"),
                                 override={"OUTPUT_PATH": str(tmp_path / "out")})
        Pelican(settings).run()
    finally:
        signals.all_generators_finalized.disconnect(capture)
    listings = captured["site"].listings_of("archive-item")
    assert len(listings) == PUBLISHED
    by_key = {listing.route_key: listing for listing in listings}
    review = by_key["archive:item:taipei-sdg-review-2019"]
    assert review.sdgs == frozenset({3, 6, 7, 11, 12, 13, 17})
    assert review.sort_date == date(2019, 9, 1)
    assert {item.route_key for item in captured["site"].listings_of(sdg=4)} >= {
        "archive:item:taipei-sdg-review-2020", "archive:item:volunteer-training-targets-2021"}


def test_sitemap_lists_archive_pages_with_alternates(site):
    tree = ET.parse(site.output / "sitemap.xml")
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {url.find(f"{ns}loc").text for url in tree.getroot().iter(f"{ns}url")}
    assert f"{SITEURL}/archive/" in locs and f"{SITEURL}/zh-tw/archive/timeline/" in locs
    assert f"{SITEURL}/zh-tw/archive/items/volunteer-service-act-2001/" in locs


def test_recording_and_photo_pages_pass_the_html_checker(edited):
    """The seed collection has no recording, so the player markup is checked here."""
    import shutil
    import subprocess

    from conftest import ROOT

    _, output = edited
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    assert vnu.exists() and java, "make test installs the Nu HTML Checker and Java"
    pages = [str(output / prefix / "archive/items" / item / "index.html")
             for prefix in ("", "zh-tw") for item in ("test-recording", "test-photo")]
    result = subprocess.run([java, "-jar", str(vnu), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    errors = [m for m in json.loads(result.stderr or '{"messages": []}')["messages"]
              if m.get("type") == "error"]
    assert not errors, errors


def test_archive_pages_request_nothing_from_other_hosts(server, browser):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for url in ("/archive/", "/archive/items/taipei-figures-2020/",
                "/zh-tw/archive/items/international-volunteer-day-illustration/"):
        page.goto(server + url)
    page.close()
    assert any("/archive/media/" in r for r in requests), "the images were loaded"
    assert all(r.startswith(server) for r in requests), requests
