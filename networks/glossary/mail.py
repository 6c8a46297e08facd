"""The glossary's e-mails: a term proposed (to the network's coordinators) and a round of endorsement opened
(to the representatives and deputies of the active member organisations).

Each goes through :func:`portal.lib.mail.send_personal_mail`, the one entry point of personal messages;
templates are templates/networks/glossary/email/*.txt. ``url`` is the term page's absolute path.
"""

from django.conf import settings
from django.db.models import Q

from networks.glossary.models import Term, TermRound
from networks.goals.models import rule_text
from networks.memberships.models import Membership, NetworkRole
from portal.lib.access import MembershipStatus, Role
from portal.lib.mail import mailable_people, send_personal_mail


def coordinators(term: Term):
    roles = NetworkRole.objects.filter(network_id=term.network_id, role=Role.COORDINATOR)
    return mailable_people().filter(pk__in=roles.values("user"))


def representatives(term: Term):
    """The representatives and deputies of the network's active member organisations."""
    memberships = Membership.objects.filter(network_id=term.network_id, status=MembershipStatus.ACTIVE)
    return mailable_people().filter(
        Q(pk__in=memberships.values("representative")) | Q(pk__in=memberships.values("deputy"))
    )


def mail_term_proposed(*, term: Term) -> int:
    """Someone proposed a term: the coordinators (but the proposer) decide whether to put it to endorsement."""
    recipients = coordinators(term)
    if term.proposed_by_id is not None:
        recipients = recipients.exclude(pk=term.proposed_by_id)
    return send_personal_mail(
        template_prefix="networks/glossary/email/proposed",
        recipients=recipients,
        context={
            "term": term,
            "network": term.network,
            "proposed_by": term.proposed_by,
            "url": term.get_absolute_url(),
            "link": settings.SITE_URL + term.get_absolute_url(),
        },
        network=term.network_id,
        about=term,
    )


def mail_round_opened(*, round_: TermRound) -> int:
    """A round of endorsement opened: the representatives and deputies are asked to answer by the deadline."""
    term = round_.term
    return send_personal_mail(
        template_prefix="networks/glossary/email/endorsement_opened",
        recipients=representatives(term),
        context={
            "term": term,
            "network": term.network,
            "round": round_,
            "rule": rule_text(round_.rule, round_.set_size),
            "url": term.get_absolute_url(),
            "link": settings.SITE_URL + term.get_absolute_url(),
        },
        network=term.network_id,
        about=term,
    )
