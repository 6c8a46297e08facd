"""Background tasks of the portal, run by the database-backed worker."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task


@task
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html: str | None = None,
    attachments: list[list[str]] | None = None,
    headers: dict[str, str] | None = None,
):
    """Send one e-mail message. Runs in the worker, so a slow SMTP server never slows a page.

    ``attachments`` are ``[filename, text, mimetype]`` triples (text only: task arguments are JSON),
    for example a meeting's ``invite.ics`` as ``text/calendar; method=REQUEST``. ``headers`` are extra message
    headers, such as ``List-Unsubscribe`` and ``List-Unsubscribe-Post`` (RFC 8058).
    """
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()


def enqueue_email(message) -> None:
    """Queue a built ``EmailMessage`` for sending once the surrounding transaction commits."""
    html = None
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = content
    kwargs = {
        "subject": str(message.subject),
        "body": str(message.body),
        "to": list(message.to),
        "from_email": message.from_email,
        "html": html,
    }
    transaction.on_commit(lambda: send_email.enqueue(**kwargs))
