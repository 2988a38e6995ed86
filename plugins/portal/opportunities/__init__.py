"""Volunteer opportunities from the city platform's JSON feed, built at build time."""

from __future__ import annotations

from pelican import signals

from .generator import OpportunitiesGenerator


def get_generators(pelican):
    return OpportunitiesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["OpportunitiesGenerator", "register"]
