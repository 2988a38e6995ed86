"""Media files of the archive: web copies of images (several widths for ``srcset``, metadata
removed) and the other files copied as they are. Written once, whatever the number of languages."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from PIL import Image, ImageOps

from ..core.parallel import parallel_map
from ..core.render import produce_file
from .model import Derivative, Item, Media

#: Bump when the way derivatives are made changes, so cached copies are made again.
RECIPE = "1"
JPEG_QUALITY = 82


def plan_derivatives(item: Item, widths: list[int]) -> None:
    """Decide the web copies of every image of ``item`` (names, widths, heights) without
    making them, so pages can be written with width, height and srcset first."""
    for media in item.media:
        if media.kind != "image":
            media.path = f"archive/media/{item.id}/{media.name}"
            continue
        largest = min(media.width, max(widths))
        chosen = sorted({w for w in widths if w < largest} | {largest})
        extension = ".png" if media.mime in ("image/png", "image/gif") else ".jpg"
        stem = Path(media.name).stem
        media.derivatives = [
            Derivative(width, max(1, round(media.height * width / media.width)),
                       f"archive/media/{item.id}/{stem}-{width}{extension}")
            for width in chosen
        ]
        media.path = media.derivatives[-1].path


def _upright(source: Path, largest: int) -> tuple[Image.Image, bool]:
    """The source image decoded once, turned upright, and whether it used a palette."""
    with Image.open(source) as opened:
        palette = opened.mode == "P"
        # JPEG can decode at a half, quarter or eighth of its size: far quicker for big photos.
        opened.draft("RGB", (largest, largest))
        # Upright first: once the EXIF orientation tag is gone, nothing else would turn it.
        image = ImageOps.exif_transpose(opened) if opened.getexif().get(0x0112, 1) != 1 \
            else opened.copy()
    if image.mode not in ("RGB", "RGBA"):
        # Palette and grey images are resized in colour (Pillow resizes palettes coarsely).
        transparent = "A" in image.getbands() or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    return image, palette


def _in_mode_for(image: Image.Image, png: bool) -> Image.Image:
    """``image`` in the colours of a PNG or JPEG copy (the very same image when it is in them
    already): PNG keeps transparency, JPEG has it flattened onto white."""
    if png:
        mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
        return image if image.mode == mode else image.convert(mode)
    if "A" in image.getbands() or image.mode == "P":
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    return image if image.mode == "RGB" else image.convert("RGB")


def _resized(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _save(image: Image.Image, palette: bool, target: Path) -> None:
    # A fresh image carries pixels only: no EXIF, GPS, XMP, ICC profile or text chunks.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    partial = target.with_name(target.name + ".part")
    if target.suffix == ".png":
        if palette:
            # Drawings and charts saved with a palette stay small with one after resizing.
            clean = clean.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
        clean.save(partial, format="PNG", optimize=True)
    else:
        clean.save(partial, format="JPEG", quality=JPEG_QUALITY, optimize=True,
                   progressive=True)
    os.replace(partial, target)


def source_digest(path: Path) -> str:
    stat = path.stat()
    return _digest_of(str(path), stat.st_size, stat.st_mtime_ns)


@functools.cache
def _digest_of(path: str, size: int, modified_ns: int) -> str:
    # Size and time make the key within one process only (a build asks three times per
    # image); the cached copies themselves are named by the digest of the bytes.
    digest = hashlib.sha256(RECIPE.encode())
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:24]


def make_derivatives(items: list[Item], cache: Path, workers: int) -> None:
    """Make the web copies missing from the cache, images spread over the CPU cores."""
    cache.mkdir(parents=True, exist_ok=True)
    images = [media for item in items for media in item.published_media
              if media.kind == "image"]
    # Checked here first: when every copy is cached (any build but the first after a change
    # of images), no worker process is started.
    lacking = [media for media in images
               if not all(path.exists() for _, path in _cached_copies(media, cache))]
    parallel_map(lambda media: _cache_derivatives(media, cache), lacking, workers)


def write_media(item: Item, output: Path, cache: Path) -> None:
    """Write the published files of ``item`` into ``output`` (derivatives from the cache)."""
    for media in item.published_media:
        if media.kind == "image":
            _write_image(media, output, cache)
            continue
        _copy(media.source, output / media.path)
        for code in media.captions:
            _copy(media.captions[code], output / media.caption_path(code))


def _cached_copies(media: Media, cache: Path) -> list[tuple[Derivative, Path]]:
    digest = source_digest(media.source)
    return [(d, cache / f"{digest}-{Path(d.path).name}") for d in media.derivatives]


def _cache_derivatives(media: Media, cache: Path) -> None:
    missing = [(d, path) for d, path in _cached_copies(media, cache) if not path.exists()]
    if missing:
        image, palette = _upright(media.source, max(d.width for d, _ in missing))
        # Largest first, each smaller copy made from the one before: much less work than
        # starting every time from a large original, with no visible loss at these sizes.
        for derivative, path in sorted(missing, key=lambda pair: -pair[0].width):
            size = (derivative.width, derivative.height)
            converted = _in_mode_for(image, path.suffix == ".png")
            copy = _resized(converted, size)
            _save(copy, palette, path)
            if image.width > derivative.width * 2:
                # The copy is the source resized when its mode needed no change: the next
                # copy starts from it rather than from the same resizing done again.
                image = copy if converted is image else _resized(image, size)


def _write_image(media: Media, output: Path, cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    _cache_derivatives(media, cache)  # nothing to do when make_derivatives ran first
    for derivative, path in _cached_copies(media, cache):
        _copy(path, output / derivative.path)


def _copy(source: Path, target: Path) -> None:
    stat = source.stat()
    produce_file(target, _contents, source, stat.st_size, stat.st_mtime_ns)


def _contents(source: Path, size: int, modified_ns: int) -> bytes:
    """A file's bytes; size and modification time only tell the build plan when to re-read."""
    return source.read_bytes()
