"""Recording which version of its source a translation was made from."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.languages import Language
from .frontmatter import split_header
from .model import content_hash

SOURCE_HASH_LINE = re.compile(r"^(source-hash\s*:).*$", re.IGNORECASE | re.MULTILINE)


def file_hash(path: Path) -> str:
    header, _ = split_header(str(path), path.read_text(encoding="utf-8"))
    return content_hash(header.values.get("title", ""), header.body)


def source_of(translation: Path, content_root: Path, languages: tuple[Language, ...]) -> Path:
    """The file a translation was made from (same section and file name, other language)."""
    header, _ = split_header(str(translation), translation.read_text(encoding="utf-8"))
    code = header.values.get("translated-from")
    source_lang = next((lang for lang in languages if lang.code == code), None)
    if source_lang is None:
        raise ValueError(f"{translation}: no valid Translated-From line")
    relative = translation.resolve().relative_to(content_root.resolve())
    return content_root / source_lang.content_dir / Path(*relative.parts[1:])


def stamp(translation: Path, content_root: Path, languages: tuple[Language, ...]) -> str:
    """Mark ``translation`` as up to date with its source; returns the recorded hash."""
    source = source_of(translation, content_root, languages)
    digest = file_hash(source)
    text = translation.read_text(encoding="utf-8")
    if SOURCE_HASH_LINE.search(text.split("\n\n", 1)[0]):
        head, _, rest = text.partition("\n\n")
        text = SOURCE_HASH_LINE.sub(lambda m: f"{m[1]} {digest}", head, count=1) + "\n\n" + rest
    else:
        head, _, rest = text.partition("\n\n")
        text = f"{head}\nSource-Hash: {digest}\n\n{rest}"
    translation.write_text(text, encoding="utf-8")
    return digest
