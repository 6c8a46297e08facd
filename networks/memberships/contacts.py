"""Directory contacts: people without an account yet, whom a coordinator adds to the network (and may invite later)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from networks.memberships.invitations import existing_account
from networks.memberships.models import Network, NetworkRole
from networks.memberships.roles import role_defaults
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import User
from portal.lib.errors import DomainError


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
