"""The audit log's share of a person's data: the security events about them or done by them (sign-ins,
password and role changes, exports …) are in their export; erasure removes who they were from every event
(:func:`portal.audit.log.anonymise_user`), while what happened, when and from which address stays until the
retention job removes the event after ``AUDIT_RETENTION_DAYS`` (the security log's legitimate interest, as
the privacy notice says). See :mod:`portal.lib.personal_data`."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.audit.log import anonymise_user
from portal.audit.models import AuditEvent, EventKind
from portal.lib.personal_data import register, rows


def export(user):
    events = AuditEvent.objects.filter(Q(actor=user) | Q(subject=user)).order_by("when", "pk")
    return {"security_events": rows(events, "kind", "when", "actor_label", "subject_label", "ip", "user_agent")}


def erase(user):
    anonymise_user(user)


register(
    name="audit",
    title=_("Security events"),
    order=85,
    fields=[(AuditEvent, ["actor", "actor_label", "subject", "subject_label", "ip", "user_agent"])],
    export=export,
    erase=erase,
    sections={"security_events": _("Sign-ins and other security events")},
    choices={"kind": EventKind},
)
