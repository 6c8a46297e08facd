"""Writing to the audit log, anonymising a person in it, and removing what is older than its period.

``record(kind, actor=…, subject=…, request=…, **details)`` is what every domain calls; ``details`` is stored
as JSON and must hold no personal data beyond what the labels say (they are what anonymising removes).
"""

import contextvars
import datetime

from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.functions import Least, Now
from django.utils import timezone

from portal.audit.models import ANONYMOUS, AuditEvent

Kind = AuditEvent.Kind

USER_AGENT_LENGTH = AuditEvent._meta.get_field("user_agent").max_length
LABEL_LENGTH = AuditEvent._meta.get_field("actor_label").max_length

# The request being answered, for events recorded deep in a service or a model signal
# (set by portal.audit.middleware.CurrentRequestMiddleware).
current_request: contextvars.ContextVar = contextvars.ContextVar("audit_current_request", default=None)


def client_ip(request) -> str | None:
    """The client's address as the rate limits see it (allauth's adapter: ``TRUSTED_PROXY_COUNT`` proxies
    trusted in ``X-Forwarded-For``); None when it cannot be told."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return None


def user_label(user) -> str:
    """How a person is named in the log: as they were then, readable after they are gone."""
    if user is None:
        return ""
    name = user.get_full_name()
    label = f"{name} <{user.email}>" if name else user.email
    return label[:LABEL_LENGTH]


def record(kind, *, actor=None, subject=None, subject_label: str = "", request=None, **details) -> AuditEvent:
    """Write one event of ``kind`` (an :class:`AuditEvent.Kind`).

    ``actor`` who did it (by default the person signed in to ``request``), ``subject`` whom it concerns
    (a person; ``subject_label`` names one who has no account, e.g. the address tried in a failed sign-in).
    ``request`` gives the client's address and browser; by default the request being answered, if any.
    The event is written in the caller's transaction: rolled back with it.
    """
    request = request if request is not None else current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        kind=Kind(kind),
        when=timezone.now(),
        actor=actor,
        actor_label=user_label(actor),
        subject=subject,
        subject_label=user_label(subject) if subject is not None else subject_label[:LABEL_LENGTH],
        ip=client_ip(request) if request is not None else None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH] if request is not None else "",
        details=details,
    )


def anonymise_user(user) -> int:
    """Remove ``user`` from the log: the events keep what happened, when and from where, but no longer who.

    Nulls the references to the person (the trigger turns their labels into :data:`ANONYMOUS`), and replaces
    the label of events that named their address without a reference (a failed sign-in). The only UPDATE
    the append-only trigger lets through. Returns the number of events changed. Deleting a person does the
    same by itself (``ON DELETE SET NULL``); call this to anonymise before or without deleting.
    """
    with transaction.atomic():
        changed = AuditEvent.objects.filter(actor=user).update(actor=None)
        changed += AuditEvent.objects.filter(subject=user).update(subject=None)
        changed += (
            AuditEvent.objects.filter(subject__isnull=True)
            .filter(Q(subject_label__iexact=user.email) | Q(subject_label__iendswith=f"<{user.email}>"))
            .update(subject_label=ANONYMOUS)
        )
    return changed


def purge_expired(*, days: int, now: datetime.datetime) -> int:
    """Delete the events older than ``days`` days as of ``now`` (never later than the database's own clock,
    which the trigger goes by). The trigger lets the DELETE through only inside this transaction, where
    ``verkosto.audit_retention_days`` is set. Returns the number of events deleted."""
    if days < 1:
        raise ValueError("The audit log is kept at least one day.")
    period = datetime.timedelta(days=days)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('verkosto.audit_retention_days', %s, true)", [str(days)])
        deleted, _ = AuditEvent.objects.filter(when__lt=Least(Now() - period, now - period)).delete()
        cursor.execute("SELECT set_config('verkosto.audit_retention_days', '', true)")
    return deleted
