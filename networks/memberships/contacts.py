"""Directory contacts: people without an account yet, whom a coordinator adds to the network (and may invite later).

Adding a contact tells the coordinator only what they may know already: an address that belongs to a person they
can see in the directory is named as theirs; any other address (nobody's, or that of a person in networks they
cannot see) gets the same outcome, the same message and the same single e-mail to the address.
"""

import contextlib

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from networks.memberships.invitations import existing_account, invitation_create
from networks.memberships.models import Network, NetworkRole
from networks.memberships.roles import role_defaults
from partners.directory.models import Affiliation, Organisation
from portal.access import unrestricted
from portal.accounts.models import User
from portal.lib.errors import DomainError
from portal.tasks import send_email


def owner_of(email: str) -> User | None:
    """The person whose address ``email`` is, if anybody's: an account (by its login or a verified address) before
    a contact. One query, whether or not anybody has it."""
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True).values("user")
    return User.objects.filter(Q(email__iexact=email) | Q(pk__in=verified)).order_by("is_contact", "pk").first()


def known_person(*, email: str, viewer: User) -> User | None:
    """The person with ``email`` if ``viewer`` may see them in the directory; None for nobody or someone hidden."""
    owner = owner_of(email.strip().lower())
    if owner is None:
        return None
    if unrestricted(viewer) or User.objects.visible_to(viewer).filter(pk=owner.pk).exists():
        return owner
    return None


def contact_add(
    *,
    network: Network,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    added_by: User,
    site_url: str,
    language: str,
    **profile,
) -> None:
    """Add the person with ``email`` to ``network`` for ``organisation``, as the coordinator ``added_by`` asked.

    An address nobody has becomes a contact (:func:`contact_create`), who is told by e-mail. An address that
    already belongs to somebody (an account, or a contact of other networks) gets an invitation to join for
    ``organisation`` instead: they accept with the account they have. Either way one e-mail goes to the
    address and the caller learns nothing more, so that a coordinator cannot probe which addresses have
    accounts. (Check :func:`known_person` first: a person the coordinator can see is named, not invited.)
    """
    email = email.strip().lower()
    if owner_of(email) is None:
        contact = contact_create(
            network=network,
            organisation=organisation,
            email=email,
            first_name=first_name,
            last_name=last_name,
            **profile,
        )
        _tell_contact(contact=contact, network=network, organisation=organisation, added_by=added_by, language=language)
        return
    # Another network's open invitation for this organisation may stand: saying so would tell.
    with contextlib.suppress(DomainError):
        invitation_create(
            email=email,
            organisation=organisation,
            network=network,
            invited_by=added_by,
            site_url=site_url,
            language=language,
        )


def _tell_contact(*, contact: User, network: Network, organisation: Organisation, added_by: User, language: str):
    """E-mail a new contact that they are in the directory, by whom, and what is shown (after commit)."""
    with override(language):
        context = {
            "contact": contact,
            "network": network,
            "organisation": organisation,
            "added_by": added_by,
            "privacy_email": settings.PRIVACY_CONTACT_EMAIL,
        }
        subject = render_to_string("networks/memberships/email/contact_added_subject.txt", context).strip()
        body = render_to_string("networks/memberships/email/contact_added_message.txt", context)
    to = [contact.email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to, from_email=None, html=None))


def contact_create(
    *,
    network: Network,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    title: str = "",
    phone: str = "",
    languages: list[str] | None = None,
    expertise=(),
) -> User:
    """Add a person without an account to the directory, working for ``organisation``.

    The person is a member of ``network`` (so its people see them) and has an unusable password:
    they cannot sign in until they accept an invitation, which turns this row into their account.
    An address that already belongs to an account or a contact is refused: nobody is added twice.
    """
    email = email.strip().lower()
    taken = DomainError(
        _(
            "This e-mail address already belongs to a person in Verkosto (an account or a contact), "
            "so no new contact was added."
        )
    )
    if existing_account(email) is not None or User.objects.filter(email__iexact=email).exists():
        raise taken
    try:
        with transaction.atomic():
            user = User(
                email=email,
                first_name=first_name,
                last_name=last_name,
                title=title,
                phone=phone,
                languages=list(languages or []),
                is_contact=True,
            )
            user.set_unusable_password()
            user.save()
            user.expertise.set(expertise)
            Affiliation.objects.create(user=user, organisation=organisation, title=title, primary=True)
            NetworkRole.objects.create(
                network=network,
                user=user,
                **role_defaults(
                    network=network, user=user, prefer=organisation.pk, reason=_("Added as a contact by a coordinator")
                ),
            )
    except IntegrityError:
        raise taken from None
    return user
