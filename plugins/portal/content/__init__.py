"""Editors' Markdown (pages and news) in every language, linked by stable id."""

from __future__ import annotations

from pelican import signals

from .generator import DocumentsGenerator, check_links
from .model import Document, Entry, content_hash


def get_generators(pelican):
    return DocumentsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(check_links)


__all__ = ["Document", "DocumentsGenerator", "Entry", "content_hash", "register"]
