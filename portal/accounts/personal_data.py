"""The account's share of a person's data: the profile, e-mail addresses, sign-in methods (their kinds,
never their secrets), the organisation accounts linked for single sign-on and invitations (see
:mod:`portal.lib.personal_data`).

Erasure comes last: the account row stays, anonymised (:meth:`User.anonymise`), as the removed-user marker
that shared records point to; addresses, authenticators, linked organisation accounts, expertise, groups and
open invitations go.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import Invitation, User
from portal.lib.once import CreateToken
from portal.lib.personal_data import register, rows


def _profile(user):
    yield {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "title": user.title,
        "phone": user.phone,
        "languages": list(user.languages),
        "expertise": list(user.expertise.order_by("name").values_list("name", flat=True)),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "staff": user.is_staff,
    }


def export(user):
    return {
        "profile": _profile(user),
        "email_addresses": rows(EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary"),
        "sign_in_methods": rows(Authenticator.objects.filter(user=user).order_by("pk"), "type", "created_at"),
        # The organisation accounts (single sign-on) linked to the account: the provider and its id of the person.
        "single_sign_on": rows(
            SocialAccount.objects.filter(user=user).order_by("pk"), "provider", "uid", "date_joined", "last_login"
        ),
        "invitations": rows(
            Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).order_by("created_at"),
            "email",
            "organisation__name",
            "network__name",
            "created_at",
            "accepted_at",
        ),
        "forms_sent": rows(CreateToken.objects.filter(user=user).order_by("created_at"), "kind", "created_at"),
        "invitations_sent": rows(
            Invitation.objects.filter(invited_by=user).order_by("created_at"),
            "email",
            "organisation__name",
            "created_at",
            "accepted_at",
        ),
    }


def erase(user):
    Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
    placeholder = f"removed-{user.uuid.hex}@removed.invalid"
    Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).update(email=placeholder)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    CreateToken.objects.filter(user=user).delete()
    user.expertise.clear()
    user.groups.clear()
    user.user_permissions.clear()
    user.anonymise()


register(
    name="account",
    title=_("Your account"),
    order=90,
    fields=[
        (User, ["first_name", "last_name", "email", "title", "phone", "languages", "expertise"]),
        (Invitation, ["email", "invited_by", "accepted_by"]),
        (CreateToken, ["user"]),
    ],
    export=export,
    erase=erase,
    sections={
        "profile": _("Profile"),
        "email_addresses": _("E-mail addresses"),
        "sign_in_methods": _("Sign-in methods"),
        "single_sign_on": _("Organisation accounts used for signing in"),
        "forms_sent": _("Create forms sent (kept 30 days against double saves)"),
        "invitations": _("Invitations"),
        "invitations_sent": _("Invitations sent"),
    },
)
