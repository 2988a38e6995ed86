"""An opportunity's card, rendered once per language and build for all the listing pages that
show it (the listing, its district, causes, goals and who it suits): most of a listing page's
cost is its twenty cards."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

CARD_TEMPLATE = "partials/opportunity_card.html"

#: (opportunity id, language code) -> the card; one build per process (workers are forked).
_cards: dict[tuple[str, str], Markup] = {}


@pass_context
def opportunity_card(context, opp) -> Markup:
    """The card of ``opp`` as the listing page being rendered would include it. It reads only
    ``opp`` (part of the page's listed items), the language, the theme and the catalogues, so
    the page's fingerprint covers it."""
    key = (opp.id, context["lang"].code)
    card = _cards.get(key)
    if card is None:
        template = context.environment.get_template(CARD_TEMPLATE)
        card = _cards[key] = Markup(template.render({**context.get_all(), "opp": opp}))
    return card


def forget_cards() -> None:
    """A new build: cards of the last one (in a long-lived process) are not reused."""
    _cards.clear()
