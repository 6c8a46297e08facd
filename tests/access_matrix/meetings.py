"""Access-matrix rows of meetings.

The matrix meeting is planned a week ahead in the cast's network, organised and chaired by the
coordinator, with the cast organisation invited: the coordinator, the member and the observer are its
invitees. A held meeting and one with approved minutes (each with an agenda item, a decision and the
member's action item) serve the URLs of what happens after. Organisers and coordinators manage; the
invitees reply and propose items; the member owns the action item; outsiders get 404. A calendar feed
is a capability address: whoever has it reads it (no sign-in), a wrong or reset token is 404.

Checking the minutes has a meeting of its own: held, its minutes in draft, the member and the observer named
its minute checkers (the coordinator chairs). Confirming is a personal act of the chair and the checkers
(administrators too get 403: nobody confirms for another); objecting, of the checkers only.

Two situations the matrix's own objects do not show are cases of their own: recording a decision on a meeting
that took place but was never marked held, and moving the planned meeting to held before it started.
"""

import datetime

from django.utils import timezone

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, POST_ONLY, PUBLIC, SIGNED_IN, Case, Entry, network_slug, row

# The organiser and the network's coordinators.
MANAGE = row(302, 404, 403, 403, 200, 200)
# Coordinators and members organise meetings and find times; observers only read.
ORGANISE = row(302, 404, 403, 200, 200, 200)
# The invitees (all three of the network's people are invited through the organisation) propose items.
INVITEES = row(302, 404, 200, 200, 200, 200)
# The member owns the action item: the owner, the organiser and the coordinators change its status.
ACTION_OWNER = row(302, 404, 403, 200, 200, 200)
# Draft minutes of the planned matrix meeting: nobody attended yet; those who manage read them.
DRAFT_MINUTES = row(302, 404, 403, 403, 200, 200)


def _start(days: int) -> datetime.datetime:
    return (timezone.localtime() + datetime.timedelta(days=days)).replace(hour=13, minute=0, second=0, microsecond=0)


def _create(objs, days: int):
    from networks.meetings import services as meeting_services

    start = _start(days)
    meeting = meeting_services.meeting_create(
        network=objs.network,
        user=objs.coordinator,
        data={
            "title": "Matriisitapaaminen",
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=2),
            "chair": objs.coordinator,
        },
        organisations=[objs.organisation],
    )
    item = factories.AgendaItemFactory(meeting=meeting, position=0)
    return meeting, item


def _planned(objs):
    if not hasattr(objs, "meeting"):
        objs.meeting, objs.item = _create(objs, 7)
    return objs.meeting


def _pk(objs):
    return {"pk": _planned(objs).pk}


def _item(objs):
    return {"pk": _planned(objs).pk, "item_pk": objs.item.pk}


def _invitee(objs):
    meeting = _planned(objs)
    return {"pk": meeting.pk, "invitee_pk": meeting.invitees.get(user=objs.member).pk}


def _took_place(objs, *, approved: bool):
    """A meeting two (or twenty) days ago, held, with a decision and the member's action item."""
    from networks.meetings import actions as meeting_actions
    from networks.meetings import services as meeting_services

    meeting, item = _create(objs, -20 if approved else -2)
    meeting = meeting_services.meeting_mark_held(meeting=meeting, user=objs.coordinator)
    decision = meeting_actions.decision_add(meeting=meeting, item=item, user=objs.coordinator, text="Päätös")
    action = meeting_actions.action_add(
        meeting=meeting,
        item=item,
        user=objs.coordinator,
        what="Tehtävä",
        owner=objs.member,
        due_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    if approved:
        meeting = meeting_services.minutes_circulate(meeting=meeting, user=objs.coordinator)
        meeting = meeting_services.minutes_approve(meeting=meeting, user=objs.coordinator)
    return meeting, item, decision, action


def _held(objs):
    if not hasattr(objs, "held"):
        objs.held, objs.held_item, objs.decision, objs.action = _took_place(objs, approved=False)
    return objs.held


def _approved(objs):
    if not hasattr(objs, "approved"):
        objs.approved, objs.approved_item, objs.approved_decision, _action = _took_place(objs, approved=True)
    return objs.approved


def _checked_pk(objs):
    """A held meeting with its minutes in draft, the member and the observer its minute checkers."""
    from networks.meetings import services as meeting_services

    if not hasattr(objs, "checked"):
        meeting, _item = _create(objs, -3)
        meeting = meeting_services.meeting_mark_held(meeting=meeting, user=objs.coordinator)
        meeting = meeting_services.meeting_update(
            meeting=meeting,
            user=objs.coordinator,
            data={"first_checker": objs.member, "second_checker": objs.observer},
        )
        objs.checked = meeting_services.minutes_circulate(meeting=meeting, user=objs.coordinator)
    return {"pk": objs.checked.pk}


def _not_marked_held(objs):
    """A meeting two days ago that is still planned: nothing can be recorded for it yet."""
    meeting, _item = _create(objs, -2)
    return {"pk": meeting.pk}


def _held_pk(objs):
    return {"pk": _held(objs).pk}


def _decision(objs):
    _held(objs)
    return {"pk": objs.decision.pk}


def _approved_decision(objs):
    _approved(objs)
    return {"pk": objs.approved_decision.pk}


def _action(objs):
    _held(objs)
    return {"pk": objs.action.pk}


def _held_item(objs):
    meeting = _held(objs)
    return {"pk": meeting.pk, "item_pk": objs.held_item.pk}


def _approved_item(objs):
    meeting = _approved(objs)
    return {"pk": meeting.pk, "item_pk": objs.approved_item.pk}


def _poll(objs):
    from networks.meetings import polls as meeting_polls

    if not hasattr(objs, "poll"):
        start = _start(10)
        objs.poll = meeting_polls.poll_create(
            network=objs.network,
            user=objs.coordinator,
            data={"title": "Sopiva aika"},
            slots=[
                (start, start + datetime.timedelta(hours=1)),
                (start + datetime.timedelta(days=1), start + datetime.timedelta(days=1, hours=1)),
            ],
            organisations=[objs.organisation],
        )
    return {"pk": objs.poll.pk}


def _token(objs):
    from networks.meetings import feeds as meeting_feeds

    return meeting_feeds.feed_for(objs.member).token


def _personal_feed(objs):
    return {"token": _token(objs)}


def _network_feed(objs):
    return {"slug": objs.network.slug, "token": _token(objs)}


# A GET by each role.
GET = {
    # the meeting pages
    "meetings:index": Entry(SIGNED_IN, login_redirect=True),
    "meetings:meeting_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "meetings:calendar": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "meetings:meeting_create": Entry(ORGANISE, network_slug, login_redirect=True),
    "meetings:meeting_detail": Entry(NETWORK_READ, _pk, login_redirect=True),
    "meetings:meeting_edit": Entry(MANAGE, _pk, login_redirect=True),
    "meetings:meeting_cancel": Entry(MANAGE, _pk, login_redirect=True),
    "meetings:meeting_status": Entry(MANAGE, _pk, login_redirect=True),
    "meetings:print_agenda": Entry(NETWORK_READ, _pk, login_redirect=True),
    "meetings:print_minutes": Entry(DRAFT_MINUTES, _pk, login_redirect=True),
    # finding a time
    "meetings:poll_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "meetings:poll_create": Entry(ORGANISE, network_slug, login_redirect=True),
    "meetings:poll_detail": Entry(NETWORK_READ, _poll, login_redirect=True),
    "meetings:poll_answer": Entry(POST_ONLY, _poll),
    "meetings:poll_pick": Entry(POST_ONLY, _poll),
    "meetings:poll_close": Entry(MANAGE, _poll, login_redirect=True),
    # invitations and replies, calendar feeds
    "meetings:invitations": Entry(MANAGE, _pk, login_redirect=True),
    "meetings:invitee_remove": Entry(MANAGE, _invitee, login_redirect=True),
    "meetings:reply": Entry(POST_ONLY, _pk),
    "meetings:meeting_ics": Entry(NETWORK_READ, _pk, login_redirect=True),
    "meetings:calendar_feeds": Entry(SIGNED_IN, login_redirect=True),
    "meetings:feed_reset": Entry(SIGNED_IN, login_redirect=True),
    "meetings:personal_feed": Entry(PUBLIC, _personal_feed),
    "meetings:network_feed": Entry(PUBLIC, _network_feed),
    # agenda, attendance, minutes
    "meetings:agenda_edit": Entry(MANAGE, _pk, login_redirect=True),
    "meetings:agenda_item_add": Entry(POST_ONLY, _pk),
    "meetings:agenda_propose": Entry(INVITEES, _pk, login_redirect=True),
    "meetings:agenda_carry": Entry(POST_ONLY, _pk),
    "meetings:agenda_item_edit": Entry(MANAGE, _item, login_redirect=True),
    "meetings:agenda_item_delete": Entry(MANAGE, _item, login_redirect=True),
    "meetings:agenda_item_accept": Entry(POST_ONLY, _item),
    "meetings:agenda_item_move": Entry(POST_ONLY, _item),
    "meetings:attendance": Entry(MANAGE, _held_pk, login_redirect=True),
    "meetings:minutes_edit": Entry(MANAGE, _held_item, login_redirect=True),
    "meetings:comment_add": Entry(POST_ONLY, _pk),
    "meetings:minutes_amend": Entry(MANAGE, _approved_item, login_redirect=True),
    "meetings:minutes_confirm": Entry(row(302, 404, 200, 200, 200, 403), _checked_pk, login_redirect=True),
    "meetings:minutes_object": Entry(row(302, 404, 200, 200, 403, 403), _checked_pk, login_redirect=True),
    # decisions and action items
    "meetings:decision_add": Entry(MANAGE, _held_pk, login_redirect=True),
    "meetings:decision_edit": Entry(MANAGE, _decision, login_redirect=True),
    "meetings:decision_delete": Entry(MANAGE, _decision, login_redirect=True),
    "meetings:decision_amend": Entry(MANAGE, _approved_decision, login_redirect=True),
    "meetings:decision_log": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "meetings:action_add": Entry(MANAGE, _held_pk, login_redirect=True),
    "meetings:action_edit": Entry(MANAGE, _action, login_redirect=True),
    "meetings:action_status": Entry(ACTION_OWNER, _action, login_redirect=True),
    "meetings:my_actions": Entry(SIGNED_IN, login_redirect=True),
    "meetings:network_actions": Entry(NETWORK_READ, network_slug, login_redirect=True),
}


# An empty POST by each role: the form back with errors (200), a refusal or a redirect, for whoever may act.
POST = {
    "meetings:meeting_create": Entry(ORGANISE, network_slug),
    "meetings:meeting_edit": Entry(MANAGE, _pk),
    "meetings:meeting_cancel": Entry(MANAGE, _pk),
    "meetings:meeting_status": Entry(row(302, 404, 403, 403, 400, 400), _pk),
    "meetings:poll_create": Entry(ORGANISE, network_slug),
    "meetings:poll_answer": Entry(row(302, 404, 400, 400, 400, 400), _poll),
    "meetings:poll_pick": Entry(row(302, 404, 403, 403, 400, 400), _poll),
    "meetings:poll_close": Entry(MANAGE, _poll),
    "meetings:invitations": Entry(MANAGE, _pk),
    "meetings:invitee_remove": Entry(MANAGE, _invitee),
    "meetings:reply": Entry(row(302, 404, 302, 302, 302, 302), _pk),
    "meetings:feed_reset": Entry(SIGNED_IN, None),
    "meetings:agenda_item_add": Entry(MANAGE, _pk),
    "meetings:agenda_propose": Entry(INVITEES, _pk),
    "meetings:agenda_carry": Entry(MANAGE, _pk),
    "meetings:agenda_item_edit": Entry(MANAGE, _item),
    "meetings:agenda_item_delete": Entry(MANAGE, _item),
    "meetings:agenda_item_accept": Entry(row(302, 404, 403, 403, 302, 302), _item),
    "meetings:agenda_item_move": Entry(row(302, 404, 403, 403, 302, 302), _item),
    "meetings:attendance": Entry(MANAGE, _held_pk),
    "meetings:minutes_edit": Entry(MANAGE, _held_item),
    "meetings:comment_add": Entry(row(302, 404, 403, 403, 403, 200), _pk),
    "meetings:minutes_amend": Entry(MANAGE, _approved_item),
    # Each of the chair and the checkers confirms (the last one approves the minutes); an empty objection is
    # the form back with its error.
    "meetings:minutes_confirm": Entry(row(302, 404, 302, 302, 302, 403), _checked_pk),
    "meetings:minutes_object": Entry(row(302, 404, 200, 200, 403, 403), _checked_pk),
    "meetings:decision_add": Entry(MANAGE, _held_pk),
    "meetings:decision_edit": Entry(MANAGE, _decision),
    "meetings:decision_delete": Entry(MANAGE, _decision),
    "meetings:decision_amend": Entry(MANAGE, _approved_decision),
    "meetings:action_add": Entry(MANAGE, _held_pk),
    "meetings:action_edit": Entry(MANAGE, _action),
    "meetings:action_status": Entry(ACTION_OWNER, _action),
}


READ_ONLY = {
    "meetings:index",
    "meetings:meeting_list",
    "meetings:calendar",
    "meetings:meeting_detail",
    "meetings:print_agenda",
    "meetings:print_minutes",
    "meetings:poll_list",
    "meetings:poll_detail",
    "meetings:meeting_ics",
    "meetings:calendar_feeds",
    "meetings:personal_feed",
    "meetings:network_feed",
    "meetings:agenda_edit",
    "meetings:decision_log",
    "meetings:my_actions",
    "meetings:network_actions",
}

CASES = [
    # Without minute checkers nobody confirms on this page: the chair is sent back to the meeting's page
    # (the chair approves there), the others refused.
    Case(
        "meetings:minutes_confirm",
        "a meeting without minute checkers",
        Entry(row(302, 404, 403, 403, 302, 403), _held_pk, login_redirect=True),
    ),
    # Those who manage are sent back to the meeting's page: nothing is recorded before it is marked held.
    Case(
        "meetings:decision_add",
        "a meeting not marked held",
        Entry(row(302, 404, 403, 403, 302, 302), _not_marked_held, login_redirect=True),
    ),
    # Held before it started: refused by the service, said on the meeting's page (a redirect).
    Case(
        "meetings:meeting_status",
        "to held before it started",
        Entry(row(302, 404, 403, 403, 302, 302), _pk),
        method="post",
        data={"to": "held"},
    ),
]
