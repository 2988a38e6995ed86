"""Rights statements an archive item may carry: rightsstatements.org and Creative Commons URIs,
with a short badge text and a full name translated through the theme catalogue."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import N_


@dataclass(frozen=True)
class RightsStatement:
    """One known statement: its canonical URI (as IIIF and schema.org expect), badge, name."""

    uri: str
    badge: str
    name: str
    #: True when the statement lets anyone reuse the item (CC licences, public domain marks).
    open: bool

    @property
    def link(self) -> str:
        """Address for people: the same statement over HTTPS."""
        return "https://" + self.uri.removeprefix("http://")


RS = "http://rightsstatements.org/vocab/{}/1.0/"
CC = "http://creativecommons.org/licenses/{}/4.0/"

STATEMENTS: tuple[RightsStatement, ...] = (
    RightsStatement(RS.format("InC"), "InC", N_("In Copyright"), False),
    RightsStatement(RS.format("InC-EDU"), "InC-EDU",
                    N_("In Copyright – Educational Use Permitted"), False),
    RightsStatement(RS.format("InC-NC"), "InC-NC",
                    N_("In Copyright – Non-Commercial Use Permitted"), False),
    RightsStatement(RS.format("InC-RUU"), "InC-RUU",
                    N_("In Copyright – Rights-holder(s) Unlocatable or Unidentifiable"), False),
    RightsStatement(RS.format("NoC-CR"), "NoC-CR",
                    N_("No Copyright – Contractual Restrictions"), False),
    RightsStatement(RS.format("NoC-NC"), "NoC-NC",
                    N_("No Copyright – Non-Commercial Use Only"), False),
    RightsStatement(RS.format("NoC-OKLR"), "NoC-OKLR",
                    N_("No Copyright – Other Known Legal Restrictions"), False),
    RightsStatement(RS.format("CNE"), "CNE", N_("Copyright Not Evaluated"), False),
    RightsStatement(RS.format("UND"), "UND", N_("Copyright Undetermined"), False),
    RightsStatement(RS.format("NKC"), "NKC", N_("No Known Copyright"), True),
    RightsStatement("http://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0",
                    N_("CC0 1.0 Universal public domain dedication"), True),
    RightsStatement("http://creativecommons.org/publicdomain/mark/1.0/", "PDM 1.0",
                    N_("Public Domain Mark 1.0"), True),
    RightsStatement(CC.format("by"), "CC BY 4.0",
                    N_("Creative Commons Attribution 4.0 International"), True),
    RightsStatement(CC.format("by-sa"), "CC BY-SA 4.0",
                    N_("Creative Commons Attribution-ShareAlike 4.0 International"), True),
    RightsStatement(CC.format("by-nc"), "CC BY-NC 4.0",
                    N_("Creative Commons Attribution-NonCommercial 4.0 International"), True),
    RightsStatement(CC.format("by-nc-sa"), "CC BY-NC-SA 4.0",
                    N_("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"),
                    True),
    RightsStatement(CC.format("by-nd"), "CC BY-ND 4.0",
                    N_("Creative Commons Attribution-NoDerivatives 4.0 International"), True),
    RightsStatement(CC.format("by-nc-nd"), "CC BY-NC-ND 4.0",
                    N_("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 "
                       "International"), True),
)
BY_URI = {statement.uri: statement for statement in STATEMENTS}

#: rightsstatements.org's human-readable pages (/page/) name the same statement as /vocab/.
_RS_PAGE = re.compile(r"^rightsstatements\.org/(?:page|vocab)/([A-Za-z-]+)/1\.0/?(?:\?.*)?$")
_CC = re.compile(r"^creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/(\d\.\d)/?$")


def find_statement(uri: str) -> RightsStatement | None:
    """The known statement for an editor's URI (http or https, with or without a final slash)."""
    bare = re.sub(r"^https?://(www\.)?", "", uri.strip())
    match = _RS_PAGE.match(bare)
    if match:
        return BY_URI.get(RS.format(match[1]))
    match = _CC.match(bare)
    if match:
        return BY_URI.get(f"http://creativecommons.org/{match[1]}/{match[2]}/{match[3]}/")
    return None
