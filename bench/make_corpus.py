"""Generate a synthetic bilingual site: N documents per language with realistic English and
Chinese text, in the same layout editors use (content/<lang>/{pages,news}/*.md)."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EN_SUBJECTS = ["Volunteers", "Older residents", "Families", "Company teams", "Students",
               "International residents", "Community centres", "District offices",
               "Neighbourhood groups", "Library helpers"]
EN_VERBS = ["support", "welcome", "guide", "visit", "help", "train with", "cook for",
            "read to", "clean up with", "plan events for"]
EN_OBJECTS = ["older neighbours in Wanhua", "children after school in Da'an",
              "visitors at the Beitou library", "patients at a Zhongshan clinic",
              "new arrivals learning Chinese", "families at a Xinyi food bank",
              "walkers on the Neihu riverside trail", "readers at a Shilin reading corner",
              "residents of a Wenshan care home", "runners at a Nangang charity race"]
EN_TAILS = ["every Saturday morning.", "after basic training.", "with their record book.",
            "in English and Chinese.", "for two hours a week.", "during the school holidays.",
            "as part of the city's SDG programme.", "with insurance provided."]

ZH_SUBJECTS = ["志工", "長者", "親子家庭", "企業志工團隊", "大專學生", "外籍居民", "社區關懷據點",
               "區公所", "里辦公處", "圖書館志工"]
ZH_VERBS = ["協助", "陪伴", "引導", "探訪", "支援", "一起培訓", "為", "帶領", "關懷", "規劃活動給"]
ZH_OBJECTS = ["萬華區的獨居長者", "大安區課後的孩子", "北投圖書館的讀者", "中山區診所的病人",
              "正在學中文的新住民", "信義區食物銀行的家庭", "內湖河濱步道的民眾",
              "士林閱讀角落的小朋友", "文山區安養中心的住民", "南港公益路跑的跑者"]
ZH_TAILS = ["，每週六上午服務。", "，完成基礎訓練後上線。", "，服務時數登錄在紀錄冊。",
            "，以中英文雙語進行。", "，每週兩小時。", "，寒暑假期間辦理。",
            "，呼應臺北市永續發展目標。", "，並由運用單位投保意外險。"]


def english_paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} "
                    f"{rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}" for _ in range(sentences))


def chinese_paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(f"{rng.choice(ZH_SUBJECTS)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}"
                   f"{rng.choice(ZH_TAILS)[:-1]}。" for _ in range(sentences))


def document(rng: random.Random, lang: str, number: int, kind: str) -> str:
    english = lang == "en"
    paragraph = english_paragraph if english else chinese_paragraph
    title = (f"Volunteer story {number}: {rng.choice(EN_OBJECTS)}" if english
             else f"志工故事 {number}：{rng.choice(ZH_OBJECTS)}")
    header = [f"Title: {title}", f"Summary: {paragraph(rng, 1)}",
              f"Date: 20{rng.randint(19, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
    if not english:
        header += ["Translated-From: en", "Source-Hash: synthetic"]
    sections = []
    for index in range(rng.randint(2, 5)):
        heading = f"Part {index + 1}" if english else f"第{index + 1}部分"
        body = "\n\n".join(paragraph(rng, rng.randint(3, 6)) for _ in range(rng.randint(1, 3)))
        sections.append(f"## {heading}\n\n{body}\n\n- {paragraph(rng, 1)}\n- {paragraph(rng, 1)}")
    return "\n".join(header) + "\n\n" + paragraph(rng, 3) + "\n\n" + "\n\n".join(sections) + "\n"


def clean_project(project: Path) -> None:
    """Remove a project's output and every cache, so the next build is a clean (full) one."""
    for leftover in (project / "output", project / ".cache", project / "reports",
                     *project.glob(".output-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def make_corpus(destination: Path, pages_per_language: int, seed: int = 2021) -> Path:
    """A buildable project in ``destination``: the real theme, plugins and settings, plus
    the site's own content and ``pages_per_language`` synthetic documents per language."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    for part in ("theme", "plugins", "data", "memory_archive", "content"):
        shutil.copytree(ROOT / part, destination / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, destination / name)
    rng = random.Random(seed)
    for number in range(pages_per_language):
        kind = "news" if number % 5 == 0 else "pages"
        for lang in ("en", "zh-tw"):
            folder = destination / "content" / lang / kind
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"story-{number:05d}.md").write_text(
                document(rng, lang, number, kind), encoding="utf-8")
    return destination


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000, help="documents per language")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "corpus")
    args = parser.parse_args()
    make_corpus(args.out, args.pages)
    print(f"corpus: {args.pages} documents per language in {args.out}")


if __name__ == "__main__":
    main()
