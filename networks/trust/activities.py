"""Writes of joint activities: recording, editing and deleting an activity, its participants, and the
participants' reflections afterwards.

Every step that changes an activity runs in one transaction on its row locked, so two people acting at once
cannot both change it. A change of the participants or of the date recomputes the new contacts the activity
made (:mod:`networks.trust.contacts`). A refusal is a :class:`~portal.lib.errors.DomainError`: one message when
the activity's state forbids the step, ``{field: message}`` when the input is wrong.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.meetings.services import invitable_organisations, people_organisations
from networks.memberships.models import Network, NetworkRole
from networks.trust.contacts import contacts_for_activity, contacts_update
from networks.trust.models import Acquaintance, Activity, Participant
from partners.directory.models import Affiliation
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED
from portal.lib.errors import DomainError, check_version, validated

ACTIVITY_FIELDS = ("kind", "title", "starts_on", "ends_on", "hours", "place", "online", "description")


def _lock(activity: Activity) -> Activity:
    return Activity.objects.select_for_update().select_related("network").get(pk=activity.pk)


def activity_people(network: Network):
    """The people who can be recorded as taking part: those with a role in the network and those who work
    for one of its established member organisations, by name."""
    members = network.memberships.filter(status__in=ESTABLISHED).values("organisation")
    with_role = NetworkRole.objects.filter(network=network).values("user")
    working = Affiliation.objects.filter(organisation__in=members, until__isnull=True).values("user")
    return User.objects.filter(Q(pk__in=with_role) | Q(pk__in=working), is_active=True).order_by(
        "last_name", "first_name", "pk"
    )


def _check_links(network: Network, organisers, goals) -> tuple[list, list]:
    organisers, goals = list(organisers or []), list(goals or [])
    allowed = set(invitable_organisations(network).values_list("pk", flat=True))
    if any(organisation.pk not in allowed for organisation in organisers):
        raise DomainError({"organisers": _("Only the network's member organisations can organise its activities.")})
    if any(goal.network_id != network.pk for goal in goals):
        raise DomainError({"goals": _("Only the network's own goals can be linked.")})
    return organisers, goals


def _check_fields(data: dict) -> None:
    unknown = set(data) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"cannot set {sorted(unknown)}")


def activity_create(*, network: Network, user, data: dict, organisers=(), goals=()) -> Activity:
    """A joint activity of ``network`` recorded by ``user`` (``data``: ACTIVITY_FIELDS)."""
    _check_fields(data)
    organisers, goals = _check_links(network, organisers, goals)
    activity = Activity(network=network, created_by=user, **data)
    validated(activity, exclude=["network", "created_by", "organisers", "goals"])
    with transaction.atomic():
        activity.save()
        activity.organisers.set(organisers)
        activity.goals.set(goals)
    return activity


def activity_update(*, activity: Activity, data: dict, organisers=None, goals=None, version=None) -> Activity:
    """Save an edit of the activity; refused when someone saved it after ``version`` (the form's
    ``updated_at``). A new start date moves the new contacts it made."""
    _check_fields(data)
    with transaction.atomic():
        locked = _lock(activity)
        check_version(locked, version)
        starts_on = locked.starts_on
        for field, value in data.items():
            setattr(locked, field, value)
        validated(locked, exclude=["network", "created_by", "organisers", "goals"])
        if organisers is not None or goals is not None:
            organisers, goals = _check_links(locked.network, organisers, goals)
        locked.save()
        if organisers is not None:
            locked.organisers.set(organisers)
        if goals is not None:
            locked.goals.set(goals)
        if locked.starts_on != starts_on:
            contacts_for_activity(locked.pk)
    return locked


def activity_delete(*, activity: Activity) -> None:
    """Delete the activity with its participants; the pairs that first met there move to their next meeting."""
    with transaction.atomic():
        locked = _lock(activity)
        pairs = set(Acquaintance.objects.filter(activity=locked).values_list("person_id", "other_id"))
        locked.delete()
        contacts_update(pairs)


# --- participants --------------------------------------------------------------------------------------


def default_organisation(network: Network, person) -> int | None:
    """The member organisation of ``network`` the person currently works for (their primary one first)."""
    return people_organisations(network, [person.pk]).get(person.pk)


def participant_add(
    *, activity: Activity, person=None, name: str = "", organisation=None, is_organiser: bool = False
) -> Participant:
    """Record a participant: a person with an account (``person``; their organisation defaults to the member
    organisation they work for), or a named person without one (``name`` and ``organisation``)."""
    name = (name or "").strip()
    with transaction.atomic():
        locked = _lock(activity)
        network = locked.network
        if person is None and not name:
            raise DomainError({"person": _("Choose a person, or name one who has no account.")})
        if person is not None and name:
            raise DomainError({"name": _("Choose a person or give a name, not both.")})
        if organisation is not None and not invitable_organisations(network).filter(pk=organisation.pk).exists():
            raise DomainError({"organisation": _("Choose one of the network's member organisations.")})
        if person is not None:
            if not activity_people(network).filter(pk=person.pk).exists():
                raise DomainError({"person": _("Only people of the network can be recorded as taking part.")})
            if locked.participants.filter(user=person).exists():
                raise DomainError({"person": _("This person is already recorded as taking part.")})
            organisation_id = organisation.pk if organisation is not None else default_organisation(network, person)
        else:
            if organisation is None:
                raise DomainError({"organisation": _("Say which organisation the person came from.")})
            organisation_id = organisation.pk
        participant = Participant(
            activity=locked, user=person, name=name, organisation_id=organisation_id, is_organiser=is_organiser
        )
        validated(participant, exclude=["activity", "user", "organisation"])
        participant.save()
        if person is not None and organisation_id is not None:
            contacts_for_activity(locked.pk)
    return participant


def participant_remove(*, activity: Activity, participant: Participant) -> None:
    """Remove a participant; the new contacts the activity made are recomputed."""
    with transaction.atomic():
        locked = _lock(activity)
        deleted, _by_model = Participant.objects.filter(pk=participant.pk, activity=locked).delete()
        if not deleted:
            raise DomainError(_("The participant has already been removed."))
        if participant.user_id is not None:
            contacts_for_activity(locked.pk)


# --- reflections ---------------------------------------------------------------------------------------


def reflection_save(*, activity: Activity, user, reflection: str, usefulness: int | None) -> Participant:
    """The participant's own reflection and usefulness rating (1–5), once the activity has started; a later
    save replaces the earlier one."""
    reflection = (reflection or "").strip()
    with transaction.atomic():
        locked = _lock(activity)
        if locked.starts_on > timezone.localdate():
            raise DomainError(_("Reflections are written once the activity has started."))
        participant = Participant.objects.select_for_update().filter(activity=locked, user=user).first()
        if participant is None:
            raise DomainError(_("Only the activity's participants write reflections on it."))
        if not reflection and usefulness is None:
            raise DomainError({"reflection": _("Write a reflection or rate the usefulness.")})
        participant.reflection = reflection
        participant.usefulness = usefulness
        participant.reflected_at = timezone.now()
        validated(participant, exclude=["activity", "user", "organisation"])
        participant.save(update_fields=["reflection", "usefulness", "reflected_at"])
    return participant
