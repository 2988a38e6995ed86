"""Archive dates: EDTF values parsed once by ``portal.core.edtf_dates`` and put in words by the
shared formatting, so the archive, the history timeline and programmes agree."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..core.edtf_dates import EdtfDate, EdtfError, parse
from ..i18n import N_
from ..i18n.formatting import localised_edtf

Gettext = Callable[[str], str]
__all__ = ["EdtfDate", "EdtfError", "date_in_words", "decade_label", "parse_date"]


@lru_cache(maxsize=4096)
def parse_date(text: str) -> EdtfDate:
    """Remembered, because parsing EDTF is slow and many items share a date or a year."""
    return parse(text)


def date_in_words(value: EdtfDate, language, gettext: Gettext) -> str:
    """``circa 1999`` / ``約1999年（民國88年）``, ``2001 to 2003`` / ``2001年…至2003年…``."""
    return localised_edtf(value, language, gettext)


def decade_label(decade: int, language, gettext: Gettext) -> str:
    return gettext(N_("%(decade)ss")) % {"decade": decade}
