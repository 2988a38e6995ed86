"""WCAG 2.x contrast, used to give every SDG colour a readable ink for the number on it."""

from __future__ import annotations

AA_NORMAL_TEXT = 4.5
BLACK, WHITE = "#000000", "#ffffff"


def relative_luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2.2, definition of relative luminance)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def best_ink(background: str) -> tuple[str, float]:
    """Black or white, whichever contrasts more with ``background``, and the ratio."""
    return max(((ink, contrast_ratio(ink, background)) for ink in (BLACK, WHITE)),
               key=lambda pair: pair[1])
