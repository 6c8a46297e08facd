"""What the search tests share: what a person finds."""

from portal.search import query
from portal.search.models import SearchKind


def titles(user, text, kind=None):
    """What ``user`` finds for ``text``: {kind: [titles]} (or one kind's titles)."""
    found = {group.kind: [entry.title for entry in group.results] for group in query.grouped(user, query.parse(text))}
    return found.get(kind, []) if kind else found


# Each kind's title, and a Finnish (inflected) and a Swedish word that find it.
RECORD_WORDS = {
    SearchKind.GOAL: ("Etäohjauksen laatu paranee", "etäohjaukselle", "distansvägledning"),
    SearchKind.DECISION: (
        "Päätettiin perustaa työryhmä. Beslut: en arbetsgrupp tillsätts.",
        "työryhmään",
        "arbetsgruppen",
    ),
    SearchKind.MINUTES: ("Ohjausryhmän kokous", "hyvinvointia", "rekryteringen"),
    SearchKind.ACTIVITY: ("Työvarjostus kirjastossa", "työvarjostukseen", "handledarna"),
}
