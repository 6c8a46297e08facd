"""No lost updates: every form that changes a stored record carries its version.

The test walks every form class of the project (the Django admin's own forms aside) and fails on one that is
neither a :class:`~portal.lib.forms.VersionedFormMixin` nor named below as one that edits no stored record, so
a new edit form without a version fails here. An edit form's model (or the model the page edits) has the
``updated_at`` the version is."""

import importlib
import pkgutil

import pytest
from django import forms

from portal.lib.forms import VersionedFormMixin

PACKAGES = ("networks", "partners", "portal")

# Forms that change no stored record's fields, so they need no version: each with what it does instead.
NOT_EDITING = {
    # creating a record (a stale create form cannot overwrite anything)
    "networks.goals.forms.endorsement.EndorsementOpenForm": "opens a new round",
    "networks.trust.forms.rounds.RoundOpenForm": "opens a new survey round",
    "networks.goals.forms.indicators.MeasurementForm": "adds a measurement",
    "networks.meetings.forms.agenda.CommentForm": "adds a comment",
    "networks.glossary.forms.TermCommentForm": "adds a comment",
    "networks.news.forms.CommentForm": "adds a comment",
    "portal.api.forms.TokenForm": "creates a personal access token",
    "networks.meetings.forms.polls.PollForm": "creates a poll",
    "networks.meetings.forms.polls.SlotForm": "a slot of a new poll",
    "networks.meetings.forms.polls.InviteForm": "adds invitees",
    "networks.trust.forms.health.HealthOpenForm": "opens a new health check",
    "networks.trust.forms.activities.ParticipantForm": "adds a participant",
    "networks.memberships.forms.MembershipApplyForm": "creates an application",
    "networks.memberships.forms.MembershipInviteForm": "creates an invitation",
    "networks.memberships.forms.InvitationForm": "creates an invitation",
    "networks.memberships.forms.ContactForm": "adds a contact",
    "networks.memberships.importing.ImportFileForm": "imports new rows",
    "partners.agreements.forms.documents.DocumentForm": "adds a document",
    "networks.resources.forms.VersionForm": "adds a new version, the earlier ones kept",
    "partners.agreements.forms.parties.PartyAddForm": "adds a party",
    "partners.directory.forms.people.AffiliationForm": "adds an affiliation",
    # an action on a record's state, checked against that state by its service under a row lock
    "networks.goals.forms.endorsement.EndorsementAnswerForm": "one organisation's answer, once",
    "networks.goals.forms.goals.GoalStatusForm": "a status step the service checks",
    "networks.meetings.forms.agenda.AttendanceForm": "the set of attendees, replaced whole",
    "networks.meetings.forms.agenda.CarryForm": "adds earlier items to the agenda",
    "networks.meetings.forms.agenda.MoveForm": "swaps two agenda items",
    "networks.meetings.forms.meetings.MeetingCancelForm": "a status step the service checks",
    "networks.meetings.forms.polls.PollAnswerForm": "the person's own answers",
    "portal.notifications.forms.PreferencesForm": "the person's own choice per kind, replaced whole",
    "networks.meetings.forms.polls.PollPickForm": "closes an open poll once",
    "networks.meetings.forms.polls.ReplyForm": "the person's own reply",
    "networks.trust.forms.activities.ReflectionForm": "the participant's own reflection, replaced whole",
    "networks.memberships.forms.MembershipRejectForm": "a status step the service checks",
    "networks.memberships.forms.MembershipAcceptForm": "a status step the service checks",
    "networks.memberships.forms.InvitationAcceptForm": "accepts an invitation once",
    "partners.agreements.forms.agreements.AgreementTerminateForm": "a status step the service checks",
    "partners.agreements.forms.parties.PartySignForm": "a signature the service checks",
    "partners.agreements.forms.parties.CommitmentForm": "part of the party's form, which carries the version",
    "partners.directory.forms.people.AffiliationEndForm": "ends an open affiliation once",
    # versioned by its own hidden field (``seen``, the membership's updated_at)
    "networks.memberships.forms.RoleForm": "carries the role as shown as ``seen`` (roles.role_state)",
    "networks.memberships.forms.RoleGiveForm": "gives a role to a person without one",
    "networks.meetings.forms.checking.ObjectionForm": "a checker's objection the service checks",
    "portal.privacy.forms.EraseAccountForm": "erases the person's own account once, with their password",
    "networks.memberships.forms.MembershipEditForm": "carries the membership's updated_at as ``seen``",
    # sign-in and account flows of django-allauth: no record of the portal's
    "portal.accounts.forms.AddEmailForm": "allauth",
    "portal.accounts.forms.ChangeEmailForm": "allauth",
    "portal.accounts.forms.ResetPasswordForm": "allauth",
    "portal.accounts.forms.AddWebAuthnForm": "allauth",
    "portal.accounts.forms.EditWebAuthnForm": "allauth",
}
# Read-only forms: filters and report choices sent with GET.
READ_ONLY_SUFFIXES = ("FilterForm", "ReportForm")


def _import_all() -> None:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            if ".migrations" in module.name or ".management" in module.name or module.name.endswith(".wsgi"):
                continue
            importlib.import_module(module.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def project_forms() -> dict[str, type]:
    _import_all()
    found = {}
    for cls in _subclasses(forms.BaseForm):
        module = cls.__module__
        if (
            not module.startswith(tuple(f"{name}." for name in PACKAGES))
            or ".admin" in module
            or module.endswith("admin")
        ):
            continue
        if cls.__name__.startswith("_") or cls.__name__.endswith("Mixin"):
            continue
        found[f"{module}.{cls.__qualname__}"] = cls
    return found


def test_every_edit_form_carries_the_version():
    found = project_forms()
    assert len(found) > 30, "the walk found too few forms"
    unversioned = sorted(
        name
        for name, cls in found.items()
        if not issubclass(cls, VersionedFormMixin) and name not in NOT_EDITING and not name.endswith(READ_ONLY_SUFFIXES)
    )
    assert unversioned == [], f"edit forms without VersionedFormMixin (or name them in NOT_EDITING): {unversioned}"
    gone = sorted(set(NOT_EDITING) - set(found))
    assert gone == [], f"NOT_EDITING names forms that no longer exist: {gone}"
    not_edit = sorted(name for name in NOT_EDITING if issubclass(found[name], VersionedFormMixin))
    assert not_edit == [], f"versioned forms listed as not editing: {not_edit}"


@pytest.mark.parametrize(
    "name",
    sorted(name for name, cls in project_forms().items() if issubclass(cls, VersionedFormMixin)),
)
def test_a_versioned_model_form_has_a_version_to_carry(name):
    cls = project_forms()[name]
    model = getattr(getattr(cls, "_meta", None), "model", None)
    if model is not None:
        field = model._meta.get_field("updated_at")
        assert field.auto_now, f"{model.__name__}.updated_at does not move on save"
