"""Theme strings: complete zh-TW catalogue, and no English interface text on Chinese pages."""

from __future__ import annotations

from datetime import date

from babel.messages.pofile import read_po

from conftest import ROOT
from portal.core.languages import Language
from portal.i18n.formatting import localised_date, localised_year, minguo_year

CATALOGUES = ROOT / "theme" / "translations"
EN = Language("en", "", "en", "en", "en", "English", "en")
ZH = Language("zh-TW", "zh-tw", "zh-Hant-TW", "zh-TW", "zh_Hant_TW", "繁體中文", "zh-tw", True)


def template_messages() -> list[str]:
    with (CATALOGUES / "messages.pot").open("rb") as handle:
        return [m.id for m in read_po(handle) if m.id]


def test_pot_is_up_to_date_with_the_templates():
    """Every gettext call in the templates is in messages.pot (run `make translations`)."""
    import re

    used = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r"_\(\s*'((?:[^'\\]|\\.)*)'", text))
        used |= set(re.findall(r'_\(\s*"((?:[^"\\]|\\.)*)"', text))
    assert used, "no translatable strings found in the templates"
    missing = used - set(template_messages())
    assert not missing, f"not extracted yet (run make translations): {sorted(missing)}"


def test_every_zh_tw_message_is_translated_and_none_is_fuzzy():
    with (CATALOGUES / "zh_Hant_TW" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    translated = {m.id: m for m in catalogue if m.id}
    for message_id in template_messages():
        message = translated.get(message_id)
        assert message is not None, f"missing from zh_Hant_TW: {message_id!r}"
        assert message.string, f"untranslated: {message_id!r}"
        assert not message.fuzzy, f"fuzzy: {message_id!r}"


def english_interface_text(soup) -> tuple[str, set[str]]:
    """Visible text of a Chinese page, leaving out passages marked as being in English:
    all of it, and its separate text nodes."""
    for tag in soup.select('[lang="en"]'):
        tag.decompose()
    for tag in soup(["script", "style", "title"]):
        tag.decompose()
    nodes = {text.strip().rstrip(":") for text in soup.find_all(string=True) if text.strip()}
    return soup.get_text(" "), nodes


def test_no_untranslated_theme_strings_on_zh_tw_pages(site):
    messages = [m for m in template_messages() if len(m) > 3 and "%(" not in m]
    checked = 0
    for path in site.html_files():
        if not site.url_of(path).startswith("/zh-tw/"):
            continue
        text, nodes = english_interface_text(site.soup(path))
        # One-word messages must be a whole text node, so that feed data such as an email
        # address containing "second" does not count as a leak.
        leaked = [m for m in messages if (m in text if " " in m else m.rstrip(":") in nodes)]
        assert not leaked, f"{site.url_of(path)} shows English interface text: {leaked}"
        checked += 1
    assert checked >= 10


def test_babel_formats_numbers_and_dates_per_locale():
    from babel.numbers import format_decimal

    assert format_decimal(76230, locale=EN.locale) == "76,230"
    assert format_decimal(76230, locale=ZH.locale) == "76,230"
    assert localised_date(date(2001, 1, 20), EN) == "January 20, 2001"
    assert localised_date(date(2001, 1, 20), ZH) == "2001年1月20日（民國90年）"
    assert minguo_year(2021) == 110
    assert localised_year(2021, ZH) == "2021年（民國110年）"
    assert localised_year(2021, EN) == "2021"


def test_built_pages_show_dates_in_the_reader_s_format(site):
    english = site.page("/news/international-volunteer-day-2026/")
    chinese = site.page("/zh-tw/news/international-volunteer-day-2026/")
    assert english.find("time", datetime="2026-11-28").get_text() == "November 28, 2026"
    assert chinese.find("time", datetime="2026-11-28").get_text() == "2026年11月28日（民國115年）"
