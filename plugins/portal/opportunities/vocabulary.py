"""Code lists of the feed and their interface labels (translated through the theme catalogue)."""

from __future__ import annotations

import unicodedata

from ..i18n import N_

DISTRICTS: dict[str, str] = {
    "zhongzheng": N_("Zhongzheng"),
    "datong": N_("Datong"),
    "zhongshan": N_("Zhongshan"),
    "songshan": N_("Songshan"),
    "daan": N_("Da'an"),
    "wanhua": N_("Wanhua"),
    "xinyi": N_("Xinyi"),
    "shilin": N_("Shilin"),
    "beitou": N_("Beitou"),
    "neihu": N_("Neihu"),
    "nangang": N_("Nangang"),
    "wenshan": N_("Wenshan"),
    "outside-taipei": N_("Outside Taipei"),
}
#: Chinese district names, for recognising the forms real exports contain.
DISTRICT_HANZI = {
    "zhongzheng": "中正", "datong": "大同", "zhongshan": "中山", "songshan": "松山", "daan": "大安",
    "wanhua": "萬華", "xinyi": "信義", "shilin": "士林", "beitou": "北投", "neihu": "內湖",
    "nangang": "南港", "wenshan": "文山",
}
ONLINE = "online"

CAUSES: dict[str, str] = {
    "seniors": N_("Older people"),
    "children-youth": N_("Children and young people"),
    "disability": N_("Disability"),
    "health": N_("Health"),
    "education": N_("Education"),
    "culture-arts": N_("Culture and arts"),
    "libraries-museums": N_("Libraries and museums"),
    "environment": N_("Environment"),
    "animals": N_("Animals"),
    "community": N_("Community"),
    "new-residents": N_("New residents"),
    "food": N_("Food"),
    "disaster-relief": N_("Disaster relief"),
    "sports": N_("Sports"),
    "tourism": N_("Tourism"),
    "public-service": N_("Public service"),
    "human-rights": N_("Human rights"),
    "other": N_("Other causes"),
}

#: Suitability facets: URL key -> (label, the feed flags that qualify a role).
SUITABILITY: dict[str, tuple[str, tuple[str, ...]]] = {
    "english-friendly": (N_("English-friendly"), ("english_friendly",)),
    "seniors": (N_("Suitable for older volunteers"), ("seniors",)),
    "families": (N_("Families and intergenerational"), ("families",)),
    "youth": (N_("Young people and students"), ("youth", "students_service_learning")),
    "corporate-teams": (N_("Company teams"), ("corporate_teams",)),
}

STATES: dict[str, str] = {
    "open": N_("Open"),
    "waitlist": N_("Waiting list"),
    "full": N_("Full"),
    "closed": N_("Closed"),
    "cancelled": N_("Cancelled"),
    "past-deadline": N_("Applications closed"),
    "ended": N_("Ended"),
    "expired": N_("Expired"),
    "withdrawn": N_("No longer available"),
}
LISTED_STATES = frozenset({"open", "waitlist"})

SCHEDULE_TYPES = {
    "one-off": N_("One day"),
    "sessions": N_("Set sessions"),
    "recurring": N_("Regular"),
    "flexible": N_("Flexible"),
}
COMMITMENT = {
    "one-time": N_("One time"), "short-term": N_("Short term"),
    "regular": N_("Regular"), "long-term": N_("Long term"),
}
TRAINING = {
    "required-before": N_("Required before you start"),
    "required-within-period": N_("Required within your first months"),
    "provided": N_("Provided by the organisation"),
    "not-required": N_("Not required"),
}
INSURANCE = {
    "accident": N_("Accident insurance provided"),
    "accident-and-liability": N_("Accident and liability insurance provided"),
    "none": N_("No insurance provided"),
    "unknown": N_("Insurance not stated"),
}
TRI_STATE = {"yes": N_("Yes"), "no": N_("No"), "partial": N_("Partly"), "unknown": N_("Not known")}
PHYSICAL = {"low": N_("Low"), "medium": N_("Medium"), "high": N_("High"),
            "unknown": N_("Not known")}
APPLY_METHODS = {
    "platform": N_("Apply on the city volunteer platform"),
    "external-form": N_("Apply with the organisation's online form"),
    "email": N_("Apply by email"),
    "phone": N_("Apply by phone"),
    "in-person": N_("Apply in person"),
}
MODES = {"onsite": N_("On site"), "remote": N_("Online"), "hybrid": N_("On site and online")}
WEEKDAYS = {"mon": N_("Monday"), "tue": N_("Tuesday"), "wed": N_("Wednesday"),
            "thu": N_("Thursday"), "fri": N_("Friday"), "sat": N_("Saturday"),
            "sun": N_("Sunday")}
DAY_PARTS = {"morning": N_("morning"), "afternoon": N_("afternoon"), "evening": N_("evening")}
ORG_TYPES = {
    "government": N_("Government agency"), "school": N_("School"), "hospital": N_("Hospital"),
    "npo": N_("Non-profit organisation"), "foundation": N_("Foundation"),
    "community": N_("Community group"), "religious": N_("Religious organisation"),
    "corporate": N_("Company"), "other": N_("Organisation"),
}


def fold(text: str) -> str:
    """Full-width to half-width and trimmed: how code-like values are compared."""
    return unicodedata.normalize("NFKC", text).strip()
