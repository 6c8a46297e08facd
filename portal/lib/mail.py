"""Personal e-mail: one message per person, in their language, handed to the task worker after commit.

Every personal message of the domains goes through :func:`send_personal_mail`. What else happens to a message
before it is queued is registered here, not imported (this module knows no part of the portal above it): the
in-app notifications (:mod:`portal.notifications.delivery`, registered by the portal's ``AppConfig.ready``)
record each message and, by the person's choice, send it now, keep it for a digest or only show it in the
portal.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override

from portal.tasks import send_email


@dataclass
class Outgoing:
    """One person's message, rendered, before it is queued. A delivery may add to ``body`` and ``headers`` or
    hold the message back (``send_now = False``)."""

    person: object
    template_prefix: str
    language: str
    subject: str
    body: str
    url: str = ""  # the page the message is about (the context's ``url``, else its ``link``)
    network_id: int | None = None  # the network whose matters it tells of (read only by its people), if one
    source: str = ""  # the object it tells of (:func:`source_key`), if any: its notifications go with it
    files: list = field(default_factory=list)
    headers: dict = field(default_factory=dict)
    send_now: bool = True


# Functions taking the list of :class:`Outgoing` messages of one call, in order of registration.
_deliveries: list[Callable[[list[Outgoing]], None]] = []


def register_delivery(delivery: Callable[[list[Outgoing]], None]) -> None:
    """Have ``delivery(outgoing)`` see (and shape) every personal message before it is queued; idempotent."""
    if delivery not in _deliveries:
        _deliveries.append(delivery)


def mailable_people():
    """The people e-mail can reach: active accounts with an address (not directory contacts), by id."""
    return get_user_model().objects.filter(is_active=True, is_contact=False).exclude(email="").order_by("pk")


def recipient_language(user) -> str:
    """The first of the person's languages the portal speaks; Finnish when none is known."""
    portal_languages = {code for code, _name in settings.LANGUAGES}
    for code in getattr(user, "languages", None) or []:
        if code in portal_languages:
            return code
    return settings.LANGUAGE_CODE


def queue_message(message: Outgoing) -> None:
    """Queue ``message`` for the task worker once the transaction commits (nothing if it rolls back)."""
    kwargs = {"subject": message.subject, "body": message.body, "to": [message.person.email]}
    if message.files:
        kwargs["attachments"] = [list(attachment) for attachment in message.files]
    if message.headers:
        kwargs["headers"] = dict(message.headers)
    transaction.on_commit(lambda: send_email.enqueue(from_email=None, html=None, **kwargs))


def source_key(obj) -> str:
    """The key of the object a message tells of: ``app_label.model:pk``."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def send_personal_mail(
    *, template_prefix: str, recipients, context: dict, attachments=None, network=None, about=None
) -> int:
    """Render ``<template_prefix>_subject.txt`` and ``_message.txt`` for each recipient in their language
    and send each their own message once the transaction commits.

    Skipped: nobody (``None``), people without an e-mail address, directory contacts without an
    account, deactivated accounts, and a second person with the same address. Returns how many
    people the message was for (the registered deliveries may hold some back for a digest). ``attachments``
    (``[filename, text, mimetype]`` triples) go with every message; a callable ``attachments(person)`` gives
    each person their own (a calendar invitation names its attendee). ``context["url"]`` (else
    ``context["link"]``) is the page the message is about. ``network`` (a network or its id) is the network
    whose matters the message tells of: its notification is shown and sent only while the person has a role
    in it. ``about`` is the object it tells of: its notifications are deleted with it (where its domain asks
    for that, :func:`portal.notifications.sources.forget_when_deleted`).
    """
    network_id = getattr(network, "pk", network)
    source = source_key(about) if about is not None else ""
    seen = set()
    outgoing = []
    for person in recipients:
        if person is None or not person.email or person.is_contact or not person.is_active:
            continue
        if person.email.lower() in seen:
            continue
        seen.add(person.email.lower())
        language = recipient_language(person)
        with override(language):
            full_context = {**context, "recipient": person}
            # One line whatever the names in it hold (a line break in a header would lose the message).
            subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", full_context).split())
            body = render_to_string(f"{template_prefix}_message.txt", full_context)
            files = attachments(person) if callable(attachments) else attachments
        url = str(context.get("url") or context.get("link") or "")
        outgoing.append(
            Outgoing(person, template_prefix, language, subject, body, url, network_id, source, files=list(files or []))
        )
    for delivery in _deliveries:
        delivery(outgoing)
    for message in outgoing:
        if message.send_now:
            queue_message(message)
    return len(seen)
