"""The e-mails about memberships: who hears of each step, and each message in its reader's language.

Each message is rendered per recipient and handed to the task worker once the transaction commits.
"""

from django.conf import settings
from django.urls import reverse

from networks.memberships.models import Membership, Network
from portal.accounts.models import User
from portal.lib.access import Role
from portal.lib.mail import send_personal_mail


def send_membership_mail(*, template: str, recipients, context: dict, network=None) -> None:
    """Render ``networks/memberships/email/<template>_subject.txt`` and ``_message.txt`` for each recipient in
    their language and send each their own message once the transaction commits. ``network``: the message
    is read only while the person has a role in it (the coordinators'; not the organisation's people, who
    may have none yet)."""
    prefix = f"networks/memberships/email/{template}"
    send_personal_mail(template_prefix=prefix, recipients=recipients, context=context, network=network)


def membership_link(membership: Membership) -> str:
    return settings.SITE_URL + reverse(
        "networks:membership_detail", kwargs={"slug": membership.network.slug, "pk": membership.pk}
    )


def coordinators(network: Network):
    return User.objects.filter(
        network_roles__network=network, network_roles__role=Role.COORDINATOR, is_active=True
    ).order_by("pk")


def organisation_recipients(membership: Membership) -> list[User]:
    """Who hears about the organisation's membership: its representative and deputy; lacking them,
    its current staff in the network; lacking those too (an organisation just invited), its current staff."""
    named = [
        person
        for person in (membership.representative, membership.deputy)
        if person is not None and person.is_active and not person.is_contact
    ]
    if named:
        return named
    staff = User.objects.filter(
        affiliations__organisation=membership.organisation,
        affiliations__until__isnull=True,
        is_active=True,
        is_contact=False,
    ).order_by("pk")
    in_network = list(staff.filter(network_roles__network=membership.network_id))
    return in_network or list(staff)


def mail_organisation(*, template: str, membership: Membership, extra: dict | None = None) -> None:
    send_membership_mail(
        template=template,
        recipients=organisation_recipients(membership),
        context={"membership": membership, "link": membership_link(membership), **(extra or {})},
    )


def mail_coordinators(*, template: str, membership: Membership, extra: dict | None = None) -> None:
    send_membership_mail(
        template=template,
        recipients=coordinators(membership.network),
        context={"membership": membership, "link": membership_link(membership), **(extra or {})},
        network=membership.network_id,
    )
