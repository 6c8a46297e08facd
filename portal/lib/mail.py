"""Personal e-mail: one message per person, in their language, handed to the task worker after commit.

Used by the membership e-mails (networks) and the agreement reminders (partners).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override

from portal.tasks import send_email


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


def send_personal_mail(*, template_prefix: str, recipients, context: dict, attachments=None) -> int:
    """Render ``<template_prefix>_subject.txt`` and ``_message.txt`` for each recipient in their language
    and send each their own message once the transaction commits.

    Skipped: nobody (``None``), people without an e-mail address, directory contacts without an
    account, deactivated accounts, and a second person with the same address. Returns how many
    messages were queued. ``attachments`` (``[filename, text, mimetype]`` triples) go with every message; a callable
    ``attachments(person)`` gives each person their own (a calendar invitation names its attendee).
    """
    seen = set()
    for person in recipients:
        if person is None or not person.email or person.is_contact or not person.is_active:
            continue
        if person.email.lower() in seen:
            continue
        seen.add(person.email.lower())
        with override(recipient_language(person)):
            full_context = {**context, "recipient": person}
            # One line whatever the names in it hold (a line break in a header would lose the message).
            subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", full_context).split())
            body = render_to_string(f"{template_prefix}_message.txt", full_context)
        to = [person.email]
        with override(recipient_language(person)):
            files = attachments(person) if callable(attachments) else attachments
        extra = {"attachments": [list(attachment) for attachment in files]} if files else {}
        transaction.on_commit(
            lambda subject=subject, body=body, to=to, extra=extra: send_email.enqueue(
                subject=subject, body=body, to=to, from_email=None, html=None, **extra
            )
        )
    return len(seen)
