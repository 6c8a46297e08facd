"""The kinds of event a person chooses e-mail for, and how each kind's e-mail reaches them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    """A group of messages by the part of the portal they come from (their template prefix)."""

    MEMBERSHIPS = "memberships", pgettext_lazy("notification kind", "Memberships and roles")
    GOALS = "goals", pgettext_lazy("notification kind", "Shared goals")
    MEETINGS = "meetings", pgettext_lazy("notification kind", "Meetings and action items")
    AGREEMENTS = "agreements", pgettext_lazy("notification kind", "Partner agreements")
    TRUST = "trust", pgettext_lazy("notification kind", "Trust surveys and health checks")
    NEWS = "news", pgettext_lazy("notification kind", "News")
    GLOSSARY = "glossary", pgettext_lazy("notification kind", "Glossary")
    RESOURCES = "resources", pgettext_lazy("notification kind", "Resources")
    TODO = "todo", pgettext_lazy("notification kind", "Coordinator's to-do")
    OTHER = "other", pgettext_lazy("notification kind", "Other messages")


class Delivery(models.TextChoices):
    """How a kind's e-mail reaches the person; the notification is in the portal in every case."""

    IMMEDIATE = "now", _("E-mail at once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    PORTAL = "portal", _("Only in the portal")


# The kinds whose e-mail waits for a digest when the person chooses so.
DIGESTS = (Delivery.DAILY, Delivery.WEEKLY)

# The coordinator's to-do is a weekly summary by nature: it comes weekly, or not by e-mail at all.
TODO_CHOICES = [(Delivery.WEEKLY.value, Delivery.WEEKLY.label), (Delivery.PORTAL.value, Delivery.PORTAL.label)]


def default_delivery(kind: str) -> str:
    """What a person gets before choosing: today's e-mail at once; the to-do weekly."""
    return Delivery.WEEKLY if kind == Kind.TODO else Delivery.IMMEDIATE


def delivery_choices(kind: str) -> list[tuple[str, str]]:
    return TODO_CHOICES if kind == Kind.TODO else list(Delivery.choices)


# The second part of a template prefix ("networks/meetings/email/invited") names the domain.
_DOMAIN_KINDS = {
    "memberships": Kind.MEMBERSHIPS,
    "goals": Kind.GOALS,
    "meetings": Kind.MEETINGS,
    "agreements": Kind.AGREEMENTS,
    "trust": Kind.TRUST,
    "news": Kind.NEWS,
    "glossary": Kind.GLOSSARY,
    "resources": Kind.RESOURCES,
}


def kind_for_prefix(template_prefix: str) -> str:
    """The kind of a message by its template prefix: ``networks/meetings/email/invited`` → meetings,
    ``partners/agreements/email/expiry`` → agreements; a prefix of no known domain is "other"."""
    parts = template_prefix.strip("/").split("/")
    return _DOMAIN_KINDS.get(parts[1] if len(parts) > 1 else "", Kind.OTHER)
