"""Machine-readable views of opportunities: schema.org JobPosting, JSON Feed 1.1, Atom."""

from __future__ import annotations

import json

from feedgenerator import Atom1Feed
from markupsafe import Markup

from ..core.jsontext import indented_json
from ..core.languages import Language
from .model import Opportunity
from .vocabulary import DISTRICTS


def script_json(data: dict) -> Markup:
    """JSON that is safe inside <script type="application/ld+json"> whatever the feed says."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def posting_script(opp: Opportunity, language: Language, url: str) -> Markup | None:
    """The page's JSON-LD ``JobPosting``, ready for its script element; None once closed."""
    posting = job_posting(opp, language, url)
    return script_json(posting) if posting else None


def job_posting(opp: Opportunity, language: Language, url: str) -> dict | None:
    """schema.org JobPosting with the properties Google requires; None once the role closes."""
    if not opp.listed:
        return None
    description = opp.field_text("description", language) or opp.field_text("summary", language)
    org = opp.record["organisation"]
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": opp.field_text("title", language).text,
        "description": description.text,
        "datePosted": opp.published.isoformat(),
        "employmentType": "VOLUNTEER",
        "hiringOrganization": {"@type": "Organization",
                               "name": opp.text(org["name"], language).text},
        "identifier": {"@type": "PropertyValue", "name": "Taipei Volunteers", "value": opp.id},
        "url": url,
        "inLanguage": language.hreflang,
    }
    if org.get("website"):
        data["hiringOrganization"]["sameAs"] = org["website"]
    valid_through = opp.deadline or opp.expires
    if valid_through:
        data["validThrough"] = valid_through.isoformat()
    places = []
    for location in opp.record["locations"]:
        if location["mode"] == "remote":
            continue
        address = opp.text(location.get("address"), language)
        places.append({"@type": "Place", "address": {
            "@type": "PostalAddress",
            "streetAddress": address.text if address else "",
            "addressLocality": "Taipei City",
            "addressRegion": DISTRICTS.get(location.get("district", ""), ""),
            "postalCode": location.get("postal_code", ""),
            "addressCountry": "TW",
        }})
    if places:
        data["jobLocation"] = places if len(places) > 1 else places[0]
    if any(location["mode"] in ("remote", "hybrid") for location in opp.record["locations"]):
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Taiwan"}
    return data


def json_feed(items: list[tuple[Opportunity, str]], language: Language, title: str,
              home_url: str, feed_url: str) -> str:
    """JSON Feed 1.1 of open opportunities (``items`` are (opportunity, page URL) pairs)."""
    entries = []
    for opp, url in items:
        summary = opp.field_text("summary", language)
        description = opp.field_text("description", language)
        entry = {
            "id": opp.id,
            "url": url,
            "title": opp.field_text("title", language).text,
            "summary": summary.text if summary else "",
            "content_text": description.text if description else (summary.text if summary else ""),
            "date_published": opp.published.isoformat(),
            "date_modified": opp.updated.isoformat(),
            "tags": opp.causes,
            "language": next((lang.hreflang for lang in opp.languages
                              if lang.code == opp.field_text("title", language).lang_code),
                             language.hreflang),
        }
        entries.append(entry)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title,
            "home_page_url": home_url, "feed_url": feed_url, "language": language.hreflang,
            "items": entries}
    return indented_json(feed)


def atom_feed(items: list[tuple[Opportunity, str]], language: Language, title: str,
              home_url: str, feed_url: str) -> str:
    feed = Atom1Feed(title=title, link=home_url, description=title, feed_url=feed_url,
                     language=language.hreflang, feed_guid=feed_url)
    for opp, url in items:
        summary = opp.field_text("summary", language)
        feed.add_item(title=opp.field_text("title", language).text, link=url,
                      description=summary.text if summary else "", unique_id=url,
                      pubdate=opp.published, updateddate=opp.updated, categories=opp.causes)
    return feed.writeString("utf-8")
