"""Core of the portal: settings schema, language table, site model, editor errors, atomic output."""

from __future__ import annotations

from pelican import signals

from .collector import collect_as_before, collect_less
from .errors import EditorError, Problem, fail_build
from .jinja_env import (
    TranslatingCodeGenerator,
    dict_first_getattr,
    shared_bytecode_cache,
    translated_text,
)
from .languages import Language
from .options import OPTIONS, validate_settings
from .output import begin_build, finish_build, output_ready
from .plan import RecordingContext
from .render import language_part
from .site import Listing, NavItem, Route, Site, site_of

__all__ = [
    "OPTIONS", "EditorError", "Language", "Listing", "NavItem", "Problem", "Route", "Site",
    "fail_build",
    "output_ready", "register", "site_of", "validate_settings",
]


def check_settings(pelican) -> None:
    collect_less(pelican)
    problems = validate_settings(pelican.settings)
    if problems:
        fail_build(problems)


def start_run(pelican) -> None:
    begin_build(pelican)


def end_run(pelican) -> None:
    finish_build(pelican)
    collect_as_before(pelican)


def prepare_templates(generator) -> None:
    """Every generator's templates note the names a page reads (the page's inputs), look
    attributes of feed records up quickly and translate literal text without a call."""
    generator.env.context_class = RecordingContext
    generator.env.getattr = dict_first_getattr(generator.env)
    generator.env.code_generator_class = TranslatingCodeGenerator
    generator.env.translated_text = translated_text
    generator.env.globals["language_part"] = language_part
    # Every build makes new environments and templates do not change while one runs: no
    # need to look at each template file's time at every include of every page.
    generator.env.auto_reload = False
    generator.env.bytecode_cache = shared_bytecode_cache()


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(start_run)
    signals.generator_init.connect(prepare_templates)
    signals.finalized.connect(end_run)
