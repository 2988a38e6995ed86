"""Theme strings: gettext catalogues read straight from ``.po`` files, one per language."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import pass_context, pass_eval_context
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


def _callables(found: gettext.NullTranslations) -> dict[str, Callable[..., str]]:
    """Jinja "newstyle" gettext callables for one catalogue: the result is escaped markup,
    formatted with the keyword arguments. They take the evaluation context (for autoescape)
    rather than the whole context, which Jinja copies for every call made in a loop or a
    block: pages call them hundreds of times each. A message without arguments is
    translated once."""
    plain: dict[str, str] = {}

    def finish(eval_ctx, text: str, variables: dict) -> str:
        if eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_eval_context
    def _gettext(eval_ctx, message: str, **variables) -> str:
        if variables or not eval_ctx.autoescape:
            return finish(eval_ctx, found.gettext(message), variables)
        text = plain.get(message)
        if text is None:
            text = plain[message] = finish(eval_ctx, found.gettext(message), {})
        return text

    @pass_eval_context
    def _ngettext(eval_ctx, singular: str, plural: str, num: int, **variables) -> str:
        variables.setdefault("num", num)
        return finish(eval_ctx, found.ngettext(singular, plural, num), variables)

    @pass_eval_context
    def _pgettext(eval_ctx, message_context: str, message: str, **variables) -> str:
        return finish(eval_ctx, found.pgettext(message_context, message), variables)

    @pass_eval_context
    def _npgettext(eval_ctx, message_context: str, singular: str, plural: str, num: int,
                   **variables) -> str:
        variables.setdefault("num", num)
        return finish(eval_ctx, found.npgettext(message_context, singular, plural, num),
                      variables)

    # What templates compiled by ``core.jinja_env.TranslatingCodeGenerator`` look into first.
    _gettext.translated = plain
    return {"gettext": _gettext, "_": _gettext, "ngettext": _ngettext,
            "pgettext": _pgettext, "npgettext": _npgettext}


def install_catalogues(env, catalogues: dict[str, gettext.NullTranslations]) -> None:
    """Gettext callables for templates. Each page gets those of its language
    (``page_gettext``); the environment's own pick the catalogue of the page being rendered
    (``lang``), for a template rendered some other way."""
    fallback = catalogues[next(iter(catalogues))]
    env.portal_gettext = {code: _callables(found) for code, found in catalogues.items()}
    by_code = {**env.portal_gettext, None: _callables(fallback)}

    def picking(name: str) -> Callable[..., str]:
        @pass_context
        def pick(context, *args, **variables) -> str:
            code = getattr(context.get("lang"), "code", None)
            chosen = by_code.get(code, by_code[None])[name]
            return chosen(context.eval_ctx, *args, **variables)
        return pick

    env.globals.update({name: picking(name) for name in by_code[None]})
    env.newstyle_gettext = True


def page_gettext(env, language_code: str) -> dict[str, Callable[..., str]]:
    """The gettext callables of one language, to put in a page's context."""
    return env.portal_gettext[language_code]
