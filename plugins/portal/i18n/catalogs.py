"""Theme strings: gettext catalogues read straight from ``.po`` files, one per language."""

from __future__ import annotations

import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import pass_context
from markupsafe import Markup

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
    """Install gettext callables that pick the catalogue of the page being rendered (``lang``).

    They behave as Jinja's "newstyle" gettext (the result is escaped markup, formatted with
    the keyword arguments) but are called directly rather than through Jinja's wrappers, and
    a message without arguments is translated once per language: pages call them hundreds of
    times each.
    """
    fallback = catalogues[next(iter(catalogues))]
    plain: dict[tuple[str | None, str], str] = {}

    def catalogue(context) -> tuple[str | None, gettext.NullTranslations]:
        code = getattr(context.get("lang"), "code", None)
        return code, catalogues.get(code, fallback)

    def finish(context, text: str, variables: dict) -> str:
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def _gettext(context, message: str, **variables) -> str:
        code, found = catalogue(context)
        if variables or not context.eval_ctx.autoescape:
            return finish(context, found.gettext(message), variables)
        key = (code, message)
        text = plain.get(key)
        if text is None:
            text = plain[key] = finish(context, found.gettext(message), {})
        return text

    @pass_context
    def _ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
        variables.setdefault("num", num)
        return finish(context, catalogue(context)[1].ngettext(singular, plural, num), variables)

    @pass_context
    def _pgettext(context, message_context: str, message: str, **variables) -> str:
        return finish(context, catalogue(context)[1].pgettext(message_context, message),
                      variables)

    @pass_context
    def _npgettext(context, message_context: str, singular: str, plural: str, num: int,
                   **variables) -> str:
        variables.setdefault("num", num)
        return finish(context, catalogue(context)[1].npgettext(message_context, singular,
                                                                plural, num), variables)

    env.globals.update(gettext=_gettext, _=_gettext, ngettext=_ngettext,
                       pgettext=_pgettext, npgettext=_npgettext)
    env.newstyle_gettext = True
