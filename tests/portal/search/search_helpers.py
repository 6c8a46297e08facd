"""What the search tests share: what a person finds."""

from portal.search import query


def titles(user, text, kind=None):
    """What ``user`` finds for ``text``: {kind: [titles]} (or one kind's titles)."""
    found = {group.kind: [entry.title for entry in group.results] for group in query.grouped(user, query.parse(text))}
    return found.get(kind, []) if kind else found
