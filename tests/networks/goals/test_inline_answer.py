"""Answering an endorsement in the goal page's panel: the panel's own form (no query of its own on the page);
with the ``HX-Request`` header the answer view renders the panel alone again (the new tally, the outcome for
the live region, the form's errors or a refusal), in an exact number of queries; without it, the same POST
redirects to the goal with messages as before. Refusals: the same 4xx as without htmx, never a 500."""

import pytest
from django.utils import translation

from networks.goals import endorsement, services
from networks.goals.models import Endorsement
from tests.networks.goals.endorsement_cast import A, S, answer, reload, three_members, url

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "accept-language": "en"}
EN = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def three(network, organisation, member, partner_organisation):
    return three_members(network, organisation, member, partner_organisation)


@pytest.fixture
def round_(goal, three, coordinator):
    return endorsement.endorsement_open(goal=goal, user=coordinator)


def _data(three, round_, value=A.AGREE, reason=""):
    return {"organisation": three.orgs[0].pk, "answer": value, "reason": reason, "round": round_.pk}


def _panel(response, status=200) -> str:
    """The panel alone; ``status`` 422 when it shows why the answer was not saved (htmx swaps it in)."""
    assert response.status_code == status
    html = response.content.decode()
    assert "<html" not in html and "<main" not in html
    assert html.lstrip().startswith('<section id="endorsement"')
    return html


def test_the_goal_page_offers_the_answer_form_in_the_panel(client_for, goal, three, round_, coordinator):
    html = client_for(three.reps[0]).get(url("goal_detail", goal), headers=EN).content.decode()
    assert 'id="endorsement-form"' in html and f'data-hx-post="{url("endorsement_answer", goal)}"' in html
    assert f'<input type="hidden" name="organisation" value="{three.orgs[0].pk}"' in html
    assert 'id="endorsement-status"' in html and 'role="status"' in html
    # the coordinator answers for no organisation: no form
    assert 'id="endorsement-form"' not in client_for(coordinator).get(url("goal_detail", goal)).content.decode()


def test_an_answer_with_htmx_renders_the_panel_with_the_new_tally(client_for, goal, three, round_):
    html = _panel(client_for(three.reps[0]).post(url("endorsement_answer", goal), _data(three, round_), headers=HTMX))
    assert "1 of 3 in favour, 2 missing" in html
    assert f"The answer of {three.orgs[0].name} has been recorded." in html
    assert 'data-hx-swap-oob="innerHTML"' in html
    assert 'id="endorsement-form"' in html  # a later answer replaces this one
    assert Endorsement.objects.get().answered_by == three.reps[0]


def test_the_last_answer_with_htmx_closes_the_round_and_moves_focus_to_the_panel(client_for, goal, three, round_):
    answer(goal, three.orgs[1], three.reps[1])
    answer(goal, three.orgs[2], three.reps[2])
    html = _panel(client_for(three.reps[0]).post(url("endorsement_answer", goal), _data(three, round_), headers=HTMX))
    assert "The rule is met: the member organisations have agreed the goal." in html
    assert 'id="endorsement-form"' not in html
    assert 'id="endorsement-heading" class="h4 mb-0" tabindex="-1" autofocus' in html
    assert reload(goal).status == S.AGREED
    # the goal's status elsewhere on the page comes along out of band: the badge, the facts, the notice
    assert '<span id="goal-status-badge" class="badge goal-status goal-status-agreed" data-hx-swap-oob="true">' in html
    assert '<dd id="goal-status-facts" data-hx-swap-oob="true">Agreed' in html
    assert '<div id="goal-notice" data-hx-swap-oob="true">' in html


def test_an_answer_without_htmx_redirects_to_the_goal(client_for, goal, three, round_):
    response = client_for(three.reps[0]).post(url("endorsement_answer", goal), _data(three, round_), headers=EN)
    assert response.status_code == 302 and response.url == url("goal_detail", goal)


def test_a_form_error_with_htmx_shows_on_the_panels_form(client_for, goal, three, round_):
    data = _data(three, round_, A.OBJECT, reason=" ")
    html = _panel(client_for(three.reps[0]).post(url("endorsement_answer", goal), data, headers=HTMX), 422)
    assert "Give a reason for a reservation or an objection." in html
    assert 'id="endorse-reason"' in html and "autofocus" in html
    assert 'aria-describedby="endorse-reason_helptext endorse-reason_error"' in html
    assert 'id="endorse-reason_error"' in html
    assert 'data-hx-swap-oob="innerHTML">Give a reason for a reservation or an objection.</div>' in html
    assert not Endorsement.objects.exists()
    # without htmx the answer page shows it, as before
    response = client_for(three.reps[0]).post(url("endorsement_answer", goal), data, headers=EN)
    assert response.status_code == 200 and "reason" in response.context["form"].errors


def test_a_stale_answer_with_htmx_says_why_above_the_panel(client_for, goal, three, round_, coordinator):
    services.goal_update(goal=goal, user=coordinator, data={"title": "Uusi"}, summary="Muutos.")
    response = client_for(three.reps[0]).post(url("endorsement_answer", goal), _data(three, round_), headers=HTMX)
    html = _panel(response, 422)
    assert "Endorsement of this text is no longer open." in html and "alert-danger" in html
    assert not Endorsement.objects.exists()


def test_no_open_round_with_htmx_shows_the_panel_with_the_reason(client_for, goal, three):
    response = client_for(three.reps[0]).post(url("endorsement_answer", goal), {"answer": "agree"}, headers=HTMX)
    html = _panel(response, 422)
    assert "The goal is not under endorsement now." in html


def test_refused_answers_get_the_same_status_with_htmx(client_for, cast, goal, three, round_):
    for headers in (EN, HTMX):
        statuses = {
            role: client_for(cast[role]).post(url("endorsement_answer", goal), _data(three, round_), headers=headers)
            for role in ("outsider", "observer", "coordinator")
        }
        assert {role: response.status_code for role, response in statuses.items()} == {
            "outsider": 404,
            "observer": 403,
            "coordinator": 403,
        }
    # a forged organisation is a form error, on the panel's form
    data = {**_data(three, round_), "organisation": three.orgs[1].pk}
    html = _panel(client_for(three.reps[0]).post(url("endorsement_answer", goal), data, headers=HTMX), 422)
    assert "Select a valid choice." in html
    assert not Endorsement.objects.exists()


def test_the_htmx_answer_takes_a_fixed_number_of_queries(client_for, goal, three, round_, django_assert_num_queries):
    client = client_for(three.reps[0])
    client.post(url("endorsement_answer", goal), _data(three, round_), headers=HTMX)  # the session is warm
    # session, user, MFA check; the goal (+ network), whom the person answers for; the open round (+ revision);
    # their organisations, the form's check of the chosen one; the answer (17: the goal locked, whom they answer
    # for, the open round locked, the earlier answer replaced, the new one, the round counted); the goal as it
    # is now; the panel: the rounds (+ revision, opener), their answers (+ organisation, person), the active
    # members (+ organisation), the person's role in the network
    with django_assert_num_queries(27):
        client.post(url("endorsement_answer", goal), _data(three, round_, A.RESERVATIONS, "Aikataulu"), headers=HTMX)
