"""Theme strings: gettext catalogues read straight from ``.po`` files, one per language."""

from __future__ import annotations

import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import pass_context

from ..core.errors import Problem
from ..core.languages import Language

DOMAIN = "messages"


def catalogue_path(translations_dir: str | Path, language: Language) -> Path:
    return Path(translations_dir) / language.locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalogues(translations_dir: str | Path, languages: tuple[Language, ...]
                    ) -> tuple[dict[str, gettext.NullTranslations], list[Problem]]:
    """Compile each language's ``.po`` in memory (fuzzy entries excluded, as gettext does).

    The default language is the source language of the templates and needs no catalogue.
    """
    catalogues: dict[str, gettext.NullTranslations] = {
        languages[0].code: gettext.NullTranslations()}
    problems: list[Problem] = []
    for language in languages[1:]:
        path = catalogue_path(translations_dir, language)
        if not path.exists():
            problems.append(Problem(str(path), 0, f"no theme catalogue for {language.code}; "
                                                  "run `make translations`", "warning"))
            catalogues[language.code] = gettext.NullTranslations()
            continue
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=language.babel_locale)
        compiled = BytesIO()
        write_mo(compiled, catalogue, use_fuzzy=False)
        compiled.seek(0)
        catalogues[language.code] = Translations(compiled, domain=DOMAIN)
    return catalogues, problems


def install_catalogues(env, catalogues: dict[str, gettext.NullTranslations]) -> None:
    """Install gettext callables that pick the catalogue of the page being rendered (``lang``)."""

    def catalogue(context) -> gettext.NullTranslations:
        language = context.get("lang")
        return catalogues.get(getattr(language, "code", None), catalogues[next(iter(catalogues))])

    @pass_context
    def _gettext(context, message: str) -> str:
        return catalogue(context).gettext(message)

    @pass_context
    def _ngettext(context, singular: str, plural: str, n: int) -> str:
        return catalogue(context).ngettext(singular, plural, n)

    @pass_context
    def _pgettext(context, message_context: str, message: str) -> str:
        return catalogue(context).pgettext(message_context, message)

    @pass_context
    def _npgettext(context, message_context: str, singular: str, plural: str, n: int) -> str:
        return catalogue(context).npgettext(message_context, singular, plural, n)

    env.install_gettext_callables(_gettext, _ngettext, newstyle=True,
                                  pgettext=_pgettext, npgettext=_npgettext)
