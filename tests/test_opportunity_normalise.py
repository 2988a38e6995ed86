"""Normalising what real platform exports contain, before validation."""

from __future__ import annotations

import pytest

from portal.opportunities.normalise import district_code, minguo_to_iso, normalise_record


@pytest.mark.parametrize("alias", ["Da'an", "Daan", "Da-an", "Da’an", "大安", "大安區",
                                   "臺北市大安區", "台北市大安區", "ｄａａｎ", "Da'an District",
                                   " DAAN "])
def test_district_aliases(alias):
    assert district_code(alias) == "daan"


def test_other_districts_and_unknown_values():
    assert district_code("台北市萬華區") == "wanhua"
    assert district_code("Zhongzheng Dist.") == "zhongzheng"
    assert district_code("內湖區") == "neihu"
    assert district_code("Atlantis") == "Atlantis", "unknown values are left for validation"


@pytest.mark.parametrize("text,field,expected", [
    ("115/12/31", "deadline", "2026-12-31T23:59:59+08:00"),
    ("115-12-31 17:00", "deadline", "2026-12-31T17:00:00+08:00"),
    ("民國115年12月31日", "expires_at", "2026-12-31T23:59:59+08:00"),
    ("１１５/１/２", "opens_at", "2026-01-02T00:00:00+08:00"),
    ("115/06/30", "end_date", "2026-06-30"),
    ("2026-12-31T10:00:00Z", "deadline", "2026-12-31T10:00:00Z"),
])
def test_minguo_and_date_only_values(text, field, expected):
    assert minguo_to_iso(text, field) == expected


@pytest.mark.parametrize("raw,phone,ext", [
    ("(02) 2345-6789 #123", "+886223456789", "123"),
    ("02-2345-6789 ext. 45", "+886223456789", "45"),
    ("02 2345 6789 分機 12", "+886223456789", "12"),
    ("0912-345-678", "+886912345678", None),
    ("（０２）２３４５－６７８９", "+886223456789", None),
    ("+886-2-2345-6789", "+886223456789", None),
])
def test_phone_numbers_with_extensions(raw, phone, ext):
    record = normalise_record({"application": {"contact": {"phone": raw}}})
    contact = record["application"]["contact"]
    assert contact["phone"] == phone
    assert contact.get("phone_ext") == ext


def test_free_text_keeps_full_width_punctuation_but_codes_are_folded():
    record = normalise_record({"id": " ｗａｎｈｕａ-club ", "status": " open ",
                               "title": {"zh-TW": "銀髮共餐（週二）：陪伴"},
                               "locations": [{"postal_code": "１０６", "district": "大安區"}]})
    assert record["id"] == "wanhua-club" and record["status"] == "open"
    assert record["title"]["zh-TW"] == "銀髮共餐（週二）：陪伴"
    assert record["locations"][0] == {"postal_code": "106", "district": "daan"}
