"""The meetings' share of a person's data: invitations and replies, attendance, poll answers, comments on
minutes, action items, and what they organised, chaired, presented, proposed, recorded or amended (see
:mod:`portal.lib.personal_data`).

Erasure keeps all of it (the meetings' records are shared), attributed to the removed-user marker the
account becomes; only the person's calendar feed (their secret address) goes.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Amendment,
    Attendance,
    CalendarFeed,
    Decision,
    Invitee,
    Meeting,
    MinutesCheck,
    MinutesComment,
    Reply,
    SlotAnswer,
    TimePoll,
)
from portal.lib.personal_data import register, rows

MEETING = ("meeting__title", "meeting__starts_at")


def _meetings(user):
    meetings = Meeting.objects.filter(Q(organiser=user) | Q(chair=user) | Q(minutes_approved_by=user))
    for meeting in rows(meetings.order_by("starts_at", "pk"), "title", "starts_at", *_ROLE_IDS):
        yield {
            "meeting": meeting["title"],
            "starts_at": meeting["starts_at"],
            "organiser": meeting["organiser_id"] == user.pk,
            "chair": meeting["chair_id"] == user.pk,
            "approved_the_minutes": meeting["minutes_approved_by_id"] == user.pk,
        }


_ROLE_IDS = ("organiser_id", "chair_id", "minutes_approved_by_id")


def export(user):
    return {
        "meetings_organised_or_chaired": _meetings(user),
        "invitations_and_replies": rows(
            Invitee.objects.filter(user=user).order_by("meeting__starts_at", "pk"),
            *MEETING,
            "organisation__name",
            "reply",
            "replied_at",
            "invited_at",
        ),
        "attendance": rows(
            Attendance.objects.filter(user=user).order_by("meeting__starts_at", "pk"), *MEETING, "organisation__name"
        ),
        "agenda_items_presented_or_proposed": rows(
            AgendaItem.objects.filter(Q(presenter=user) | Q(proposed_by=user)).order_by("meeting__starts_at", "pk"),
            *MEETING,
            "title",
        ),
        "decisions_recorded": rows(
            Decision.objects.filter(recorded_by=user).order_by("decided_on", "pk"), *MEETING, "text", "recorded_at"
        ),
        "action_items": rows(
            ActionItem.objects.filter(Q(owner=user) | Q(created_by=user)).order_by("due_on", "pk"),
            *MEETING,
            "what",
            "due_on",
            "status",
            "status_note",
        ),
        "comments_on_minutes": rows(
            MinutesComment.objects.filter(author=user).order_by("created_at", "pk"), *MEETING, "body", "created_at"
        ),
        "amendments_made": rows(
            Amendment.objects.filter(made_by=user).order_by("made_at", "pk"), *MEETING, "reason", "made_at"
        ),
        "polls_organised": rows(TimePoll.objects.filter(organiser=user).order_by("created_at", "pk"), "title"),
        "polls_invited_to": rows(TimePoll.objects.filter(invitees=user).order_by("created_at", "pk"), "title"),
        "poll_answers": rows(
            SlotAnswer.objects.filter(user=user).order_by("slot__starts_at", "pk"),
            "slot__poll__title",
            "slot__starts_at",
            "slot__ends_at",
            "answer",
            "answered_at",
        ),
        **_checking(user),
        "calendar_feed": rows(CalendarFeed.objects.filter(user=user), "created_at"),
    }


def _checking(user):
    """The person's part in checking minutes: their confirmations and objections, the meetings they check."""
    return {
        "minutes_checking": rows(
            MinutesCheck.objects.filter(user=user).order_by("made_at", "pk"),
            *MEETING,
            "role",
            "verdict",
            "reason",
            "made_at",
        ),
        "minute_checker_of": rows(
            Meeting.objects.filter(Q(first_checker=user) | Q(second_checker=user)).order_by("starts_at", "pk"),
            "title",
            "starts_at",
        ),
    }


def erase(user):
    CalendarFeed.objects.filter(user=user).delete()


register(
    name="meetings",
    title=_("Meetings"),
    order=10,
    fields=[
        (Meeting, ["organiser", "chair", "minutes_approved_by", "first_checker", "second_checker"]),
        (MinutesCheck, ["user", "reason"]),
        (Invitee, ["user"]),
        (Attendance, ["user"]),
        (AgendaItem, ["presenter", "proposed_by"]),
        (Decision, ["recorded_by"]),
        (ActionItem, ["owner", "created_by", "status_note"]),
        (MinutesComment, ["author", "body"]),
        (Amendment, ["made_by", "reason"]),
        (TimePoll, ["organiser", "invitees"]),
        (SlotAnswer, ["user"]),
        (CalendarFeed, ["user"]),
    ],
    export=export,
    erase=erase,
    choices={"reply": Reply, "answer": SlotAnswer.Answer, "status": ActionStatus},
    sections={
        "meetings_organised_or_chaired": _("Meetings you organised or chaired"),
        "invitations_and_replies": _("Invitations and replies"),
        "attendance": _("Attendance"),
        "agenda_items_presented_or_proposed": _("Agenda items you presented or proposed"),
        "decisions_recorded": _("Decisions you recorded"),
        "action_items": _("Action items"),
        "comments_on_minutes": _("Comments on minutes"),
        "minutes_checking": _("Your confirmations of and objections to minutes"),
        "minute_checker_of": _("Meetings where you are a minute checker"),
        "amendments_made": _("Amendments to minutes you made"),
        "polls_organised": _("Finding a time: polls you organised"),
        "polls_invited_to": _("Finding a time: polls you were asked in"),
        "poll_answers": _("Finding a time: your answers"),
        "calendar_feed": _("Calendar feed"),
    },
    not_personal=[
        (Meeting, ["title", "cancel_reason"], "a meeting's title and why it was cancelled"),
        (AgendaItem, ["title"], "an agenda item's title"),
        (TimePoll, ["title"], "a poll's title"),
    ],
)
