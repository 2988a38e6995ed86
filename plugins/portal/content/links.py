"""Links and images in editors' Markdown: found with their line, checked against the pages the
site publishes (the route registry every section fills in), for the build and ``portal check``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core.errors import Problem
from ..core.site import Site

#: ``[text](target "title")`` and ``![alt](src)``; angle brackets around the target allowed.
MARKDOWN_LINK = re.compile(r'(?P<image>!?)\[(?P<text>[^\]]*)\]\(\s*<?(?P<target>[^)\s>]*)>?'
                           r'(?:\s+"[^"]*")?\s*\)')
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTR = re.compile(r'(?P<name>src|alt)\s*=\s*"(?P<value>[^"]*)"', re.IGNORECASE)
CODE_SPAN = re.compile(r"`[^`]*`")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Target:
    """A link or image in a Markdown body, with the line of the file it is on."""

    line: int
    image: bool
    target: str
    text: str | None


def markdown_targets(body: str, first_line: int) -> list[Target]:
    """Every Markdown/HTML link and image outside code, with its line in the file."""
    targets: list[Target] = []
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith("    "):
            continue
        line = CODE_SPAN.sub("", line)
        number = first_line + offset
        for match in MARKDOWN_LINK.finditer(line):
            targets.append(Target(number, bool(match["image"]), match["target"], match["text"]))
        for tag in HTML_IMAGE.findall(line):
            attrs = {m["name"].lower(): m["value"] for m in HTML_ATTR.finditer(tag)}
            targets.append(Target(number, True, attrs.get("src", ""), attrs.get("alt")))
    return targets


def site_path(site: Site, url: str) -> str:
    """``/zh-tw/about/#team`` -> ``about/``: the language-neutral route path of a link."""
    path = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    for language in site.languages:
        prefix = language.prefix
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            return path[len(prefix):].lstrip("/")
    return path


def link_problems(site: Site, documents: list, theme_static: Path,
                  unreadable_paths: frozenset[str] = frozenset()) -> list[Problem]:
    """Broken internal links, images without alt text or not on this site, relative links.

    ``documents`` are ``Document`` objects with ``targets``; ``unreadable_paths`` are the route
    paths of files that exist but have errors of their own (reported already, not twice)."""
    known = set(site.routes_by_path) | set(unreadable_paths)
    sections = {path.split("/", 1)[0] for path in known if "/" in path.rstrip("/")}
    problems: list[Problem] = []
    for doc in documents:
        for target in doc.targets:
            where = (doc.source_path, target.line)
            url = target.target.strip()
            if target.image:
                if not (target.text or "").strip():
                    problems.append(Problem(*where, f"the image {url!r} has no alt text; describe "
                                                    "it between the brackets, for example "
                                                    "![Volunteers planting trees](...)"))
                if SCHEME.match(url) or url.startswith("//"):
                    problems.append(Problem(*where, f"the image {url!r} is on another web site; "
                                                    "the site only shows its own images (its "
                                                    "security policy blocks others): add the "
                                                    "file to theme/static/ and link /theme/…"))
                    continue
            if not url or url.startswith("#") or SCHEME.match(url) or url.startswith("//"):
                continue
            if not url.startswith("/"):
                problems.append(Problem(*where, f"the link {url!r} is relative, so it breaks on "
                                                "pages at another depth; write it from the site "
                                                "root, for example /how-to-volunteer/",
                                        "warning"))
                continue
            path = site_path(site, url)
            if path.startswith("theme/"):
                file = theme_static / PurePosixPath(path[len("theme/"):])
                if not file.is_file():
                    problems.append(Problem(*where, f"{url}: there is no file {file}"))
                continue
            if path in known or f"{path}/" in known:
                continue
            if PurePosixPath(path).suffix and not target.image:
                problems.append(Problem(*where, f"{url}: not a page of the site; check that the "
                                                "site really publishes this file", "warning"))
                continue
            nested = "/" in path.rstrip("/")  # top-level addresses are pages: always checked
            if nested and path.split("/", 1)[0] not in sections:
                # Like Archive-Items: once a section exists, an unknown address is a typo;
                # a section this build does not include (its plugin is off) is only a warning.
                problems.append(Problem(*where, f"{url}: no section of this build publishes "
                                                "this address", "warning"))
                continue
            what = "image" if target.image else "page"
            problems.append(Problem(*where, f"{url}: there is no {what} at this address on the "
                                            "site; check the spelling (page addresses are the "
                                            "file names, like /how-to-volunteer/ or "
                                            "/zh-tw/news/platform-launch-2019/)"))
    return problems
