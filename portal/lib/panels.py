"""Sections one domain adds to a page another part of the portal owns.

The dashboard, an organisation's page, a person's page and a goal's page show what other domains know
about their subject: the agreements waiting for the person's signature, the networks an organisation is
a member of, the decisions that serve a goal. The page's owner does not import those domains; each
domain registers its sections here (in its ``panels.py``, which the app's ``ready()`` imports), and the
page renders whatever is registered for its slot, in order.

A panel is a function that takes the request and the page's subject (keyword arguments) and returns its
template's context, or None when it has nothing to show.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

DASHBOARD = "dashboard"
ORGANISATION_PAGE = "organisation"  # sections after the organisation's services
ORGANISATION_ASIDE = "organisation_aside"  # beside its people
PERSON_PAGE = "person"
ACCOUNT_PAGE = "account"  # sections at the end of one's own profile page (one's data, erasing the account)
GOAL_PAGE = "goal"
NETWORK_PUBLIC_PAGE = "network_public"  # sections of a network's public page, which anyone may read


@dataclass(frozen=True)
class Panel:
    slot: str
    order: int
    template: str
    context: Callable[..., dict | None]


_panels: dict[str, list[Panel]] = defaultdict(list)


def panel(slot: str, *, order: int, template: str):
    """Register the decorated function as a section of the ``slot`` page, at ``order`` (lower first)."""

    def register(function):
        key = (function.__module__, function.__qualname__)
        registered = [entry for entry in _panels[slot] if (entry.context.__module__, entry.context.__qualname__) != key]
        _panels[slot] = sorted([*registered, Panel(slot, order, template, function)], key=lambda entry: entry.order)
        return function

    return register


def render_panels(slot: str, request, **subject) -> list[str]:
    """The HTML of each section registered for ``slot`` that has something to show, in order."""
    rendered = []
    for entry in _panels[slot]:
        context = entry.context(request, **subject)
        if context is not None:
            rendered.append(mark_safe(render_to_string(entry.template, context, request=request)))  # noqa: S308
    return rendered
