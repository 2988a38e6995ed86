"""IIIF Presentation 3 manifests, built with ``iiif-prezi3`` so that each one is checked by the
library's own model as it is made: one canvas per image, audio or video file of an item."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import iiif_prezi3 as iiif

from ..core.site import Site
from .model import Item, Localised


def _label(text: Localised | None, site: Site) -> dict[str, list[str]] | None:
    """A text per language as IIIF writes it: BCP 47 tag -> list of strings."""
    if not text:
        return None
    return {lang.html_lang: [text.values[lang.code]] for lang in site.languages
            if lang.code in text.values}


def _ui(site: Site, message: dict[str, str]) -> dict[str, list[str]]:
    return {lang.html_lang: [message[lang.code]] for lang in site.languages}


def manifest(item: Item, site: Site, ui: dict[str, dict[str, str]], date_words: dict[str, str],
             timezone: str) -> str:
    """The manifest of ``item`` as JSON-LD text. ``ui`` holds interface labels per language."""
    base = site.absolute(site.default, f"archive/iiif/{item.id}")

    def media_url(path: str) -> str:
        return site.absolute(site.default, path)

    summary = _label(Localised({code: " ".join(text.split()) for code, text
                                in item.description.values.items()}, item.description.languages),
                     site)
    metadata = [
        iiif.KeyValueString(label=_ui(site, ui["type"]), value=_ui(site, ui["type_value"])),
        iiif.KeyValueString(label=_ui(site, ui["date"]),
                            value={lang.html_lang: [date_words[lang.code]]
                                   for lang in site.languages}),
    ]
    if item.creators:
        metadata.append(iiif.KeyValueString(
            label=_ui(site, ui["creators"]),
            value={lang.html_lang: ["; ".join(c.name.pick(lang).text for c in item.creators)]
                   for lang in site.languages}))
    required = iiif.KeyValueString(
        label=_ui(site, ui["rights_holder"]),
        value=_label(item.rights.holder, site) or _ui(site, ui["site_name"]))
    homepage = [
        iiif.Homepage(id=site.absolute(lang, item.path), type="Text", format="text/html",
                      label=_label(item.title, site), language=[lang.html_lang])
        for lang in site.languages if item.title.get(lang.code)
    ]
    manifest = iiif.Manifest(
        id=f"{base}/manifest.json",
        label=_label(item.title, site),
        summary=summary,
        metadata=metadata,
        requiredStatement=required,
        rights=item.rights.statement.uri,
        navDate=datetime.combine(item.date.lower, time(), ZoneInfo(timezone)),
        homepage=homepage,
        provider=[iiif.Provider(id=site.absolute(site.default, "archive/"), type="Agent",
                                label=_ui(site, ui["site_name"]))],
        items=[],
    )
    thumbnail = item.thumbnail
    if thumbnail is not None:
        manifest.thumbnail = [iiif.AnnotationBody(
            id=media_url(thumbnail.path), type="Image", format=_image_format(thumbnail.path),
            width=thumbnail.width, height=thumbnail.height)]
    for number, media in enumerate(item.published_media, start=1):
        if media.kind not in ("image", "audio", "video"):
            continue
        canvas_id = f"{base}/canvas/{number}"
        label = _label(media.caption or media.label or media.alt, site) or _label(item.title,
                                                                                   site)
        if media.kind == "image":
            largest = media.largest
            assert largest is not None
            canvas = iiif.Canvas(id=canvas_id, label=label, width=largest.width,
                                 height=largest.height, items=[])
            body = iiif.AnnotationBody(id=media_url(largest.path), type="Image",
                                       format=_image_format(largest.path),
                                       width=largest.width, height=largest.height)
        else:
            canvas = iiif.Canvas(id=canvas_id, label=label, duration=media.duration, items=[])
            body = iiif.AnnotationBody(id=media_url(media.path),
                                       type="Sound" if media.kind == "audio" else "Video",
                                       format=media.mime, duration=media.duration)
        canvas.items.append(iiif.AnnotationPage(
            id=f"{canvas_id}/page", items=[iiif.Annotation(
                id=f"{canvas_id}/painting", motivation="painting", body=body,
                target=canvas_id)]))
        if media.captions:
            languages = {lang.code: lang for lang in site.languages}
            canvas.annotations = [iiif.AnnotationPage(id=f"{canvas_id}/captions", items=[
                iiif.Annotation(
                    id=f"{canvas_id}/captions/{code.lower()}", motivation="supplementing",
                    target=canvas_id,
                    body=iiif.AnnotationBody(
                        id=media_url(media.caption_path(code)), type="Text",
                        format="text/vtt", language=languages[code].html_lang,
                        label=_ui(site, ui["captions"])))
                for code in media.captions])]
        manifest.items.append(canvas)
    return manifest.jsonld() + "\n"


def _image_format(path: str) -> str:
    return "image/png" if path.endswith(".png") else "image/jpeg"
