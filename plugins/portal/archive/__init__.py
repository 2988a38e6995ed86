"""The memory archive: ``memory_archive/<id>/item.yml`` published as a bilingual digital
collection (item pages, browse pages, a timeline, IIIF manifests and data downloads)."""

from __future__ import annotations

from pelican import signals

from .generator import ArchiveGenerator


def get_generators(pelican) -> type[ArchiveGenerator]:
    return ArchiveGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["ArchiveGenerator", "register"]
