"""The language table as typed values; every language code the site uses is derived from it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import cached_property

from babel import Locale


@dataclass(frozen=True)
class Language:
    """One row of ``PORTAL_LANGUAGES``."""

    code: str
    prefix: str
    html_lang: str
    hreflang: str
    locale: str
    native_name: str
    content_dir: str
    minguo: bool = False

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Language:
        return cls(
            code=row["code"],
            prefix=row.get("prefix", "").strip("/"),
            html_lang=row["html_lang"],
            hreflang=row["hreflang"],
            locale=row["locale"],
            native_name=row["native_name"],
            content_dir=row.get("content_dir") or row["code"].lower(),
            minguo=bool(row.get("minguo", False)),
        )

    @cached_property
    def babel_locale(self) -> Locale:
        """The parsed Babel locale; parsing it for every formatted number is slow."""
        return Locale.parse(self.locale)

    def path(self, path: str) -> str:
        """Language-neutral site path (``about/``) to this language's path (``zh-tw/about/``)."""
        return f"{self.prefix}/{path}" if self.prefix else path


def languages_from_settings(settings: dict) -> tuple[Language, ...]:
    rows = settings["PORTAL_LANGUAGES"]
    try:
        return _languages(tuple(tuple(row.items()) for row in rows))
    except TypeError:  # a value that is not hashable: the checks of the table report it
        return tuple(Language.from_row(row) for row in rows)


@functools.lru_cache(maxsize=8)
def _languages(rows: tuple[tuple[tuple[str, object], ...], ...]) -> tuple[Language, ...]:
    # Asked for by every string translated in Python (several per page): the table is read
    # once, and its languages (immutable) are shared.
    return tuple(Language.from_row(dict(row)) for row in rows)
