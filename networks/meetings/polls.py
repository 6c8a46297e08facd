"""Finding a time: a time poll's proposed slots, the invitees' answers, and the picked slot
becoming the meeting.

- :func:`poll_create`: the organiser proposes 2–10 times and invites organisations (all their people in
  the network now) and named people; the organiser is invited too, so that they can answer;
- :func:`poll_answer`: an invitee answers yes / if need be / no per slot (a later answer replaces the
  earlier one);
- :func:`poll_pick`: the organiser (or a coordinator) picks a slot: the meeting is created through
  :func:`networks.meetings.services.meeting_create` with the poll's organisations and people invited, and
  the poll is closed pointing at it;
- :func:`poll_close`: close a poll without a meeting.

Each write runs in one transaction on the poll's row locked, so two pickings cannot both make a meeting.
"""

from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.meetings import services as meeting_services
from networks.meetings.mail import mail_poll_opened
from networks.meetings.models import Meeting, SlotAnswer, TimePoll, TimeSlot
from networks.memberships.models import Network, NetworkRole
from portal.lib.errors import DomainError, validated

POLL_FIELDS = ("kind", "title", "description", "place", "online_link")
MIN_SLOTS = 2
MAX_SLOTS = 10


def _lock(poll: TimePoll) -> TimePoll:
    return TimePoll.objects.select_for_update().select_related("network").get(pk=poll.pk)


def _check_slots(slots) -> list[tuple]:
    """``slots``: (starts_at, ends_at) pairs, aware; 2–10 of them, each ending after it starts, no repeats."""
    slots = sorted(set(slots))
    if not MIN_SLOTS <= len(slots) <= MAX_SLOTS:
        raise DomainError(
            {"slots": _("Propose from %(min)s to %(max)s different times.") % {"min": MIN_SLOTS, "max": MAX_SLOTS}}
        )
    if any(ends_at <= starts_at for starts_at, ends_at in slots):
        raise DomainError({"slots": _("Each time must end after it starts.")})
    return slots


def poll_create(*, network: Network, user, data: dict, slots, organisations=(), people=()) -> TimePoll:
    """A time poll of ``network`` organised by ``user`` (``data``: POLL_FIELDS; ``slots``: (start, end) pairs).

    Its invitees are the named people, the people of the invited organisations in the network now, and
    the organiser when they have a role in the network."""
    slots = _check_slots(slots)
    organisations, people = meeting_services.check_invitees(network, organisations, people)
    with transaction.atomic():
        poll = TimePoll(network=network, organiser=user, **{key: data[key] for key in POLL_FIELDS if key in data})
        validated(poll, exclude=["network", "organiser", "meeting"])
        poll.save()
        TimeSlot.objects.bulk_create(TimeSlot(poll=poll, starts_at=start, ends_at=end) for start, end in slots)
        poll.organisations.set(organisations)
        invited = set(meeting_services.organisation_people(network, [org.pk for org in organisations]))
        invited.update(person.pk for person in people)
        if NetworkRole.objects.filter(network=network, user=user).exists():
            invited.add(user.pk)
        poll.invitees.set(sorted(invited))
        mail_poll_opened(poll=poll)
    return poll


def poll_answer(*, poll: TimePoll, user, answers: dict) -> list[SlotAnswer]:
    """An invitee's answers ``{slot id: "yes" | "if_need_be" | "no"}``; each replaces the earlier answer."""
    if any(answer not in SlotAnswer.Answer.values for answer in answers.values()):
        raise DomainError({"answers": _("Unknown answer.")})
    with transaction.atomic():
        locked = _lock(poll)
        if not locked.is_open:
            raise DomainError(_("The poll is closed: answers can no longer be changed."))
        if not locked.invitees.filter(pk=user.pk).exists():
            raise DomainError(_("You are not invited to answer this poll."))
        slot_ids = set(locked.slots.values_list("pk", flat=True))
        if any(int(slot_id) not in slot_ids for slot_id in answers):
            raise DomainError({"answers": _("Answer only the times of this poll.")})
        now = timezone.now()
        return SlotAnswer.objects.bulk_create(
            [
                SlotAnswer(slot_id=int(slot_id), user=user, answer=answer, answered_at=now)
                for slot_id, answer in sorted(answers.items())
            ],
            update_conflicts=True,
            unique_fields=["slot", "user"],
            update_fields=["answer", "answered_at"],
        )


def poll_pick(*, poll: TimePoll, user, slot: TimeSlot, chair=None) -> Meeting:
    """Pick ``slot``: the meeting is created at that time with the poll's details, its organisations and
    people invited (those still in the network), and the poll closes pointing at it."""
    with transaction.atomic():
        locked = _lock(poll)
        if not locked.is_open:
            raise DomainError(_("The poll is already closed."))
        if slot.poll_id != locked.pk:
            raise DomainError({"slot": _("Pick one of this poll's times.")})
        network = locked.network
        organisations = list(
            meeting_services.invitable_organisations(network).filter(pk__in=locked.organisations.values("pk"))
        )
        people = list(locked.invitees.filter(network_roles__network=network).distinct())
        data = {key: getattr(locked, key) for key in POLL_FIELDS}
        data.update(starts_at=slot.starts_at, ends_at=slot.ends_at, chair=chair)
        meeting = meeting_services.meeting_create(
            network=network, user=user, data=data, organisations=organisations, people=people
        )
        locked.meeting = meeting
        locked.closed_at = timezone.now()
        locked.save(update_fields=["meeting", "closed_at"])
    return meeting


def poll_close(*, poll: TimePoll, user) -> TimePoll:
    """Close a poll without making a meeting of it."""
    with transaction.atomic():
        locked = _lock(poll)
        if not locked.is_open:
            raise DomainError(_("The poll is already closed."))
        locked.closed_at = timezone.now()
        locked.save(update_fields=["closed_at"])
    return locked


# --- reads ---------------------------------------------------------------------------------------


def poll_table(poll: TimePoll) -> dict:
    """The poll's answers as a table, from the prefetched slots, answers and invitees (no queries):
    ``rows`` (person, [answer or "" per slot]) and ``totals`` per slot ({answer: count})."""
    slots = list(poll.slots.all())
    by_person: dict[int, dict[int, str]] = {}
    for slot in slots:
        for answer in slot.answers.all():
            by_person.setdefault(answer.user_id, {})[slot.pk] = answer.answer
    rows = [
        {"person": person, "answers": [by_person.get(person.pk, {}).get(slot.pk, "") for slot in slots]}
        for person in poll.invitees.all()
    ]
    totals = []
    for slot in slots:
        counts = Counter(answer.answer for answer in slot.answers.all())
        totals.append(
            {
                "slot": slot,
                "yes": counts["yes"],
                "if_need_be": counts["if_need_be"],
                "no": counts["no"],
                # the organiser's guide: yes counts fully, "if need be" half
                "score": counts["yes"] * 2 + counts["if_need_be"],
            }
        )
    best = max((total["score"] for total in totals), default=0)
    for total in totals:
        total["best"] = best > 0 and total["score"] == best
    return {"slots": slots, "rows": rows, "totals": totals}
