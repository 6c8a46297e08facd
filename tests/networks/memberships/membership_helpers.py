"""Helpers the membership tests share: a membership's recorded changes, history written by hand, and the
addresses of the network's and its memberships' pages."""

import datetime
import zoneinfo

from django.urls import reverse

from networks.memberships.models import MembershipChange

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def changes_of(membership):
    """The membership's recorded changes, oldest first."""
    return list(MembershipChange.objects.filter(membership=membership).order_by("changed_at", "pk"))


def at(*args):
    """Noon in Helsinki on the given date."""
    return datetime.datetime(*args, 12, tzinfo=HELSINKI)


def add_history(membership, *steps):
    """Changes of ``membership`` as (when, level, status) steps, written directly."""
    MembershipChange.objects.bulk_create(
        MembershipChange(
            membership=membership,
            network_id=membership.network_id,
            changed_at=when,
            new_level=level,
            new_status=status,
        )
        for when, level, status in steps
    )


def page_url(name, membership=None, slug="keski-suomi"):
    """The address of the network's page ``name``, or of ``membership``'s."""
    if membership is None:
        return reverse(f"networks:{name}", kwargs={"slug": slug})
    return reverse(f"networks:{name}", kwargs={"slug": slug, "pk": membership.pk})
