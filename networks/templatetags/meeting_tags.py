"""Template helpers of the meeting pages: an agenda's items by status (from the prefetched items, without
a query). The minutes are shown from their stored HTML (``item.rendered_minutes``), never rendered here."""

from django import template

register = template.Library()


@register.filter
def accepted_items(meeting) -> list:
    """The items on the meeting's agenda, in order."""
    return [item for item in meeting.items.all() if item.is_accepted]


@register.filter
def proposed_items(meeting) -> list:
    """The proposals that wait to be accepted or declined."""
    return [item for item in meeting.items.all() if item.is_proposed]


@register.filter
def has_item_comments(meeting) -> bool:
    """Whether any agenda item has comments (from the prefetched items)."""
    return any(item.comments.all() for item in meeting.items.all())


@register.filter
def amendments(meeting) -> list:
    """The amendments to the approved minutes, oldest first, each with its item: ``row.item``,
    ``row.amendment`` (from the prefetched items)."""
    rows = [
        {"item": item, "amendment": amendment} for item in meeting.items.all() for amendment in item.amendments.all()
    ]
    return sorted(rows, key=lambda row: (row["amendment"].made_at, row["amendment"].pk))
