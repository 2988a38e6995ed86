"""Turning what real platform exports contain into the contract's values, before validation:
district aliases, Minguo dates, local phone numbers with extensions, full-width characters."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .vocabulary import DISTRICT_HANZI, DISTRICTS, fold

_LATIN_DISTRICT = {re.sub(r"[^a-z]", "", label.lower()): code for code, label in DISTRICTS.items()}
_LATIN_DISTRICT.update({code.replace("-", ""): code for code in DISTRICTS})
_DISTRICT_SUFFIX = re.compile(r"\s*(district|dist\.?)\s*$", re.IGNORECASE)
_CITY_PREFIX = re.compile(r"^(臺北市|台北市|taipei city,?\s*|taipei,?\s*)", re.IGNORECASE)

_MINGUO = re.compile(
    r"^(?:民國)?\s*(?P<y>\d{2,3})\s*(?:[/.\-]|年)\s*(?P<m>\d{1,2})\s*(?:[/.\-]|月)\s*"
    r"(?P<d>\d{1,2})\s*日?(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$")
_ISO_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_PHONE_EXT = re.compile(r"\s*(?:#|ext\.?|x|分機|轉)\s*(\d{1,6})\s*$", re.IGNORECASE)

#: Record fields holding instants; a date-only value for these means the end (deadlines) or
#: the start of that day in Asia/Taipei.
_END_OF_DAY = {"deadline", "expires_at"}
_INSTANT_FIELDS = {"deadline", "opens_at", "expires_at", "published_at", "updated_at",
                   "verified_at", "start", "end", "withdrawn_at"}
_DATE_FIELDS = {"start_date", "end_date"}
#: Free text is never folded: full-width punctuation is correct in Chinese.
_CODE_FIELDS = {"id", "status", "district", "mode", "postal_code", "email", "url", "website",
                "type", "level", "method", "phone", "phone_ext", "service_category", "precision",
                "physical_demand", "wheelchair_access", "accessible_toilet", "insurance",
                "seated_role_available", "sign_language_support", "basic_training",
                "special_training", "timezone", "dtstart", "duration", "rrule", "reason"}
_CODE_LISTS = {"causes", "skills", "spoken_on_site", "required", "training_languages",
               "languages", "time_slots", "exdates"}


def district_code(value: str) -> str:
    """``Da'an``, ``Da-an``, ``大安區``, ``臺北市大安區`` … -> ``daan``; others unchanged."""
    text = _CITY_PREFIX.sub("", fold(value))
    text = _DISTRICT_SUFFIX.sub("", text).strip()
    hanzi = text[:-1] if text.endswith("區") else text
    for code, name in DISTRICT_HANZI.items():
        if hanzi == name:
            return code
    latin = re.sub(r"[^a-z]", "", text.lower())
    return _LATIN_DISTRICT.get(latin, fold(value))


def minguo_to_iso(value: str, field: str) -> str:
    """``115/12/31``, ``民國115年12月31日 17:00`` -> ISO 8601 in Asia/Taipei; others unchanged."""
    text = fold(value)
    match = _MINGUO.match(text)
    if match:
        year = int(match["y"]) + 1911
        date = f"{year:04d}-{int(match['m']):02d}-{int(match['d']):02d}"
        if field in _DATE_FIELDS:
            return date
        if match["H"] is not None:
            return f"{date}T{int(match['H']):02d}:{match['M']}:{match['S'] or '00'}+08:00"
        text = date
    if field in _INSTANT_FIELDS and _ISO_DATE_ONLY.match(text):
        return f"{text}T23:59:59+08:00" if field in _END_OF_DAY else f"{text}T00:00:00+08:00"
    return text


def phone_number(contact: dict) -> None:
    """Local Taiwanese numbers with extensions -> E.164 ``phone`` plus ``phone_ext``."""
    raw = contact.get("phone")
    if not isinstance(raw, str):
        return
    text = fold(raw)
    ext = _PHONE_EXT.search(text)
    if ext:
        contact.setdefault("phone_ext", ext[1])
        text = text[: ext.start()]
    digits = re.sub(r"[^\d+]", "", text)
    if digits.startswith("+886"):
        national = digits[4:].lstrip("0")
    elif digits.startswith("886"):
        national = digits[3:].lstrip("0")
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        contact["phone"] = text
        return
    contact["phone"] = "+886" + national


def normalise_record(record: Any) -> Any:
    """A normalised copy of one opportunity record (the input is left untouched)."""
    return _walk(record, "")


def _walk(value: Any, field: str) -> Any:
    if isinstance(value, dict):
        result = {key: _walk(item, key) for key, item in value.items()}
        if isinstance(result.get("district"), str):
            result["district"] = district_code(result["district"])
        if "phone" in result:
            phone_number(result)
        return result
    if isinstance(value, list):
        return [_walk(item, field if field in _CODE_LISTS else "") for item in value]
    if isinstance(value, str):
        if field in _INSTANT_FIELDS or field in _DATE_FIELDS:
            return minguo_to_iso(value, field)
        if field in _CODE_FIELDS or field in _CODE_LISTS:
            return fold(value)
        return unicodedata.normalize("NFC", value).strip()
    return value
