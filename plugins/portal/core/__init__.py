"""Core of the portal: settings schema, language table, site model, editor errors, atomic output."""

from __future__ import annotations

from pelican import signals

from .errors import EditorError, Problem, fail_build
from .languages import Language
from .options import OPTIONS, validate_settings
from .output import begin_build, finish_build, output_ready
from .plan import RecordingContext
from .site import Listing, NavItem, Route, Site, site_of

__all__ = [
    "OPTIONS", "EditorError", "Language", "Listing", "NavItem", "Problem", "Route", "Site",
    "fail_build",
    "output_ready", "register", "site_of", "validate_settings",
]


def check_settings(pelican) -> None:
    problems = validate_settings(pelican.settings)
    if problems:
        fail_build(problems)


def start_run(pelican) -> None:
    begin_build(pelican)


def record_template_reads(generator) -> None:
    """Every generator's templates note the names a page reads (the page's inputs)."""
    generator.env.context_class = RecordingContext


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(start_run)
    signals.generator_init.connect(record_template_reads)
    signals.finalized.connect(finish_build)
