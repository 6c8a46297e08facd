"""Replying to an invitation and marking an action item done in place: with the ``HX-Request`` header the view
answers with the page's region alone (the partial, its id, the outcome for the live region), in an exact number
of queries; without it, the same POST redirects with a message as before. Refusals: the same 4xx as without
htmx, a form error or a stale version in the region, never a 500."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as records
from networks.meetings import services
from networks.meetings.models import ActionItem, ActionStatus, Invitee
from tests import factories
from tests.networks.meetings.records_helpers import meeting_that_took_place
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "accept-language": "en"}
EN = {"accept-language": "en"}


def _fragment(response, status=200) -> str:
    """The region alone; ``status`` 422 when it shows why the action was not done (htmx swaps it in)."""
    assert response.status_code == status
    html = response.content.decode()
    assert "<html" not in html and "<body" not in html and "<main" not in html
    return html


# --- replying to an invitation -------------------------------------------------------------------------------


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    return services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Syystapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )


def _reply_url(meeting):
    return reverse("meetings:reply", kwargs={"pk": meeting.pk})


def test_a_reply_with_htmx_renders_the_invitations_region_again(client_for, meeting, member):
    response = client_for(member).post(_reply_url(meeting), {"answer": "yes"}, headers=HTMX)
    html = _fragment(response)
    assert html.lstrip().startswith('<section id="invitations"')
    assert "Your reply: Yes." in html and "1 coming" in html
    assert 'id="reply-yes" checked' in html
    # the outcome for the page's live region, swapped out of band
    assert '<div id="invitations-status" data-hx-swap-oob="innerHTML">Your reply has been saved: Yes.</div>' in html
    assert Invitee.objects.get(meeting=meeting, user=member).reply == "yes"


def test_a_reply_without_htmx_redirects_with_a_message(client_for, meeting, member):
    response = client_for(member).post(_reply_url(meeting), {"answer": "no"}, headers=EN, follow=True)
    page = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert response.redirect_chain == [(f"{page}#invitations", 302)]
    assert "Your reply has been saved: No." in response.content.decode()
    assert "<html" in response.content.decode()


def test_a_bad_reply_with_htmx_shows_the_error_in_the_region(client_for, meeting, member):
    services.reply(meeting=meeting, user=member, answer="maybe")
    html = _fragment(client_for(member).post(_reply_url(meeting), {"answer": "bogus"}, headers=HTMX), 422)
    assert 'id="reply-error"' in html and "Choose whether you will attend." in html
    assert 'aria-describedby="reply-error"' in html
    assert 'data-hx-swap-oob="innerHTML">Choose whether you will attend.</div>' in html
    assert Invitee.objects.get(meeting=meeting, user=member).reply == "maybe"
    # without htmx: the message on the meeting's page, as before
    response = client_for(member).post(_reply_url(meeting), {}, headers=EN)
    assert response.status_code == 302 and response["Location"].endswith("#invitations")


def test_refused_replies_get_the_same_status_with_htmx(client_for, meeting, coordinator, network, member, outsider):
    newcomer = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=newcomer, role="member")
    for headers in (EN, HTMX):
        assert client_for(newcomer).post(_reply_url(meeting), {"answer": "yes"}, headers=headers).status_code == 403
        assert client_for(outsider).post(_reply_url(meeting), {"answer": "yes"}, headers=headers).status_code == 404
        assert client_for(member).get(_reply_url(meeting), headers=headers).status_code == 405
    services.meeting_cancel(meeting=meeting, user=coordinator, reason="Sairastumisia")
    assert client_for(member).post(_reply_url(meeting), {"answer": "yes"}, headers=HTMX).status_code == 403


def test_the_htmx_reply_takes_a_fixed_number_of_queries(
    client_for, meeting, network, organisation, member, django_assert_num_queries
):
    client = client_for(member)
    client.post(_reply_url(meeting), {"answer": "no"}, headers=HTMX)  # the session is warm
    # session, user, MFA check; the meeting (+ network) and the member's invitation (who may reply); the reply:
    # savepoint, the meeting locked, the invitation locked, its update, savepoint released; the region: the
    # meeting (+ network, organiser), invitees (+ person, organisation), invited organisations, the member's role
    with django_assert_num_queries(14):
        client.post(_reply_url(meeting), {"answer": "yes"}, headers=HTMX)
    people = factories.UserFactory.create_batch(30)
    Invitee.objects.bulk_create(Invitee(meeting=meeting, user=person, organisation=organisation) for person in people)
    with django_assert_num_queries(14):
        client.post(_reply_url(meeting), {"answer": "maybe"}, headers=HTMX)


# --- marking an action item done ---------------------------------------------------------------------------------


@pytest.fixture
def action(network, coordinator, member, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    return records.action_add(
        meeting=meeting,
        item=items[0],
        user=coordinator,
        what="Kokoaa palautteen",
        owner=member,
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )


def _status_url(action):
    return reverse("meetings:action_status", kwargs={"pk": action.pk})


def _toggle(action, row, **extra):
    action.refresh_from_db()
    status = ActionStatus.DONE if action.is_open else ActionStatus.OPEN
    return {"status": status, "note": action.status_note, "row": row, **version_of(action), **extra}


@pytest.mark.parametrize(
    ("row", "next_url", "partial"),
    [
        ("mine", "/meetings/actions/?page=1", "<td>Kokoaa palautteen<span"),
        ("network", "/meetings/network/{slug}/actions/?status=open", "<td>Kokoaa palautteen</td>"),
        ("meeting", "", "<td>Kokoaa palautteen</td>"),
    ],
)
def test_marking_done_with_htmx_renders_the_row_again(client_for, network, action, member, row, next_url, partial):
    next_url = next_url.format(slug=network.slug)
    extra = {"next": next_url} if next_url else {}
    html = _fragment(client_for(member).post(_status_url(action), _toggle(action, row, **extra), headers=HTMX))
    assert html.lstrip().startswith(f'<tr id="action-{action.pk}">')
    assert partial in html
    assert f'id="action-{action.pk}-toggle"' in html and "Open again" in html
    assert 'data-hx-swap-oob="innerHTML">The action item is now done.</div>' in html
    if next_url:  # the row's links go back to the list, not to the address the form was sent to
        assert f'name="next" value="{next_url}"'.replace("&", "&amp;") in html
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    html = _fragment(client_for(member).post(_status_url(action), _toggle(action, row, **extra), headers=HTMX))
    assert "Mark done" in html and "The action item is now open." in html
    assert ActionItem.objects.get(pk=action.pk).status == ActionStatus.OPEN


def test_marking_done_without_htmx_redirects_back_to_the_list(client_for, action, member):
    data = _toggle(action, "mine", next=reverse("meetings:my_actions"))
    response = client_for(member).post(_status_url(action), data, headers=EN, follow=True)
    assert response.redirect_chain == [(reverse("meetings:my_actions"), 302)]
    assert "The action item is now done." in response.content.decode()
    # a note given earlier is kept
    ActionItem.objects.filter(pk=action.pk).update(status_note="Valmis ajallaan")
    client_for(member).post(_status_url(action), _toggle(action, "mine"))
    action.refresh_from_db()
    assert (action.status, action.status_note) == (ActionStatus.OPEN, "Valmis ajallaan")


def test_a_stale_toggle_with_htmx_shows_the_row_as_saved_with_the_reason(client_for, action, member, coordinator):
    stale = _toggle(action, "mine")
    records.action_set_status(action=action, user=coordinator, status=ActionStatus.DONE)
    html = _fragment(client_for(member).post(_status_url(action), stale, headers=HTMX), 422)
    assert f'id="action-{action.pk}-error"' in html and "Someone else saved this" in html
    assert "Open again" in html  # the row shows the saved state, with the saved version to act on
    assert ActionItem.objects.get(pk=action.pk).status == ActionStatus.DONE
    # without htmx the status page shows the refusal, as before
    response = client_for(member).post(_status_url(action), stale, headers=EN)
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert "Someone else saved this" in response.content.decode()


def test_refused_toggles_get_the_same_status_with_htmx(client_for, cast, action):
    for headers in (EN, HTMX):
        for role, status in (("outsider", 404), ("observer", 403)):
            response = client_for(cast[role]).post(_status_url(action), _toggle(action, "mine"), headers=headers)
            assert response.status_code == status
    html = _fragment(
        client_for(cast["member"]).post(_status_url(action), _toggle(action, "mine", status="bogus"), headers=HTMX),
        422,
    )
    assert f'id="action-{action.pk}-error"' in html
    assert ActionItem.objects.get(pk=action.pk).status == ActionStatus.OPEN


@pytest.mark.parametrize(("row", "budget"), [("mine", 30), ("network", 30), ("meeting", 31)])
def test_the_htmx_toggle_takes_a_fixed_number_of_queries(
    client_for, action, member, row, budget, django_assert_num_queries
):
    client = client_for(member)
    client.post(_status_url(action), _toggle(action, row), headers=HTMX)  # the session is warm
    # session, user, MFA check; the action item (+ meeting and its network, owner, organisation, item: the owner
    # may update it, no role needed); the save (25: the row locked, the model validated with each of its date
    # and choice constraints checked in a savepoint of its own, the update); the row again (+ the same
    # relations); on the meeting page also the member's role for the meeting's rights (manage, record)
    data = _toggle(action, row)
    with django_assert_num_queries(budget):
        client.post(_status_url(action), data, headers=HTMX)
