"""A goal's own pages: proposing and creating, the goal page, editing (revisions,
the concurrent-edit refusal), deleting a proposal and moving the status by hand, with who may do what."""

import datetime

import pytest
from django.urls import reverse

from networks.goals import endorsement, services
from networks.goals.models import Goal, GoalRevision, GoalStatus
from partners.agreements.models import Agreement
from tests import factories

EN = {"accept-language": "en"}


def _url(name, goal):
    return reverse(f"goals:{name}", kwargs={"pk": goal.pk})


def _create_url(network):
    return reverse("goals:goal_create", kwargs={"slug": network.slug})


def _goal_data(**changes) -> dict:
    data = {
        "title": "Aikuisten ohjaus tavoittaa maahanmuuttajat",
        "description": "Ohjauspalvelut tavoittavat maahanmuuttajat aiempaa paremmin.",
        "rationale": "",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "quality_area": Goal.Area.USER_INVOLVEMENT,
        "owner_organisation": "",
        "contact": "",
    }
    data.update(changes)
    return data


def _edit_data(form, **changes) -> dict:
    """What a browser posts for the edit form as it was shown, with ``changes``."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "agreements":
            data[name] = [str(pk) for pk in value or []]
            continue
        if isinstance(value, datetime.date):
            value = value.isoformat()
        data[name] = "" if value is None else value
    data.update(changes)
    return data


def _agreed(goal, coordinator, member, partner_organisation):
    """Open endorsement on ``goal`` and have both active members agree (partner_organisation through a new rep)."""
    endorsement.endorsement_open(goal=goal, user=coordinator)
    endorsement.endorsement_answer(goal=goal, organisation=goal.owner_organisation, user=member, answer="agree")
    rep = factories.UserFactory()
    goal.network.memberships.filter(organisation=partner_organisation).update(representative=rep)
    endorsement.endorsement_answer(goal=goal, organisation=partner_organisation, user=rep, answer="agree")
    goal.refresh_from_db()
    assert goal.status == GoalStatus.AGREED
    return goal


# --- creating and proposing ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_coordinator_creates_a_goal_as_a_proposal(client_for, coordinator, network, organisation, agreement):
    client = client_for(coordinator)
    form = client.get(_create_url(network)).context["form"]
    assert form["contact"].value() == coordinator.pk
    response = client.post(
        _create_url(network),
        _goal_data(owner_organisation=organisation.pk, contact=coordinator.pk, agreements=[agreement.pk]),
        headers=EN,
        follow=True,
    )
    goal = Goal.objects.get(title="Aikuisten ohjaus tavoittaa maahanmuuttajat")
    assert response.redirect_chain[-1][0] == _url("goal_detail", goal)
    assert goal.status == GoalStatus.PROPOSED
    assert goal.network == network
    assert goal.proposed_by == coordinator
    assert goal.owner_organisation == organisation
    assert list(goal.agreements.all()) == [agreement]
    assert goal.revisions.get().number == 1
    assert "has been created as a proposal" in response.content.decode()


@pytest.mark.django_db
def test_a_member_proposes_a_goal_that_waits_for_a_coordinator(client_for, member, network, organisation):
    client = client_for(member)
    response = client.get(_create_url(network), headers=EN)
    assert "Propose a goal" in response.content.decode()
    # The member's proposal is their organisation's by default.
    assert response.context["form"]["owner_organisation"].value() == organisation.pk
    response = client.post(_create_url(network), _goal_data(), headers=EN, follow=True)
    goal = Goal.objects.get()
    assert goal.status == GoalStatus.PROPOSED
    assert goal.proposed_by == member
    content = response.content.decode()
    assert "waits for a coordinator" in content
    # The member may read the proposal but not manage it.
    assert _url("goal_edit", goal) not in content


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("observer", 403), ("outsider", 404)])
def test_observers_and_outsiders_cannot_propose(client_for, cast, network, role, status):
    client = client_for(cast[role])
    assert client.get(_create_url(network)).status_code == status
    assert client.post(_create_url(network), _goal_data()).status_code == status
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_a_bad_period_is_a_form_error_and_nothing_is_saved(client_for, coordinator, network):
    client = client_for(coordinator)
    response = client.post(
        _create_url(network), _goal_data(period_start="2026-12-31", period_end="2026-01-01"), headers=EN
    )
    assert response.status_code == 200
    assert "must not end before it starts" in response.content.decode()
    response = client.post(_create_url(network), _goal_data(period_start="0001-01-01"), headers=EN)
    assert response.status_code == 200
    assert response.context["form"].errors["period_start"]
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_the_form_offers_only_the_networks_own_choices(
    client_for, coordinator, network, other_network, agreement, organisation
):
    ended = factories.AgreementFactory(
        network=network, title="Päättynyt", status=Agreement.Status.TERMINATED, termination_reason="Loppui."
    )
    elsewhere = factories.AgreementFactory(network=other_network, title="Muualla")
    client = client_for(coordinator)
    form = client.get(_create_url(network)).context["form"]
    assert list(form.fields["agreements"].queryset) == [agreement]
    owners = list(form.fields["owner_organisation"].queryset)
    assert organisation in owners
    assert other_network.memberships.get().organisation not in owners
    # A forged choice from another network is refused.
    response = client.post(_create_url(network), _goal_data(agreements=[elsewhere.pk]))
    assert response.context["form"].errors["agreements"]
    # An agreement that has ended stays on offer on a goal it is already linked to.
    goal = factories.GoalFactory(network=network)
    goal.agreements.add(ended)
    form = client.get(_url("goal_edit", goal)).context["form"]
    assert set(form.fields["agreements"].queryset) == {agreement, ended}


# --- the goal page ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_goal_page_shows_facts_agreements_and_the_coordinators_buttons(
    client_for, coordinator, goal, agreement, indicator
):
    goal.agreements.add(agreement)
    goal.rationale = "Koska ohjaus kuuluu kaikille."
    goal.save()
    response = client_for(coordinator).get(_url("goal_detail", goal), headers=EN)
    content = response.content.decode()
    assert goal.title in content
    assert "Koska ohjaus kuuluu kaikille." in content
    assert reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk}) in content
    assert indicator.name in content
    for name in ("goal_edit", "goal_status", "goal_delete"):
        assert _url(name, goal) in content
    assert response.context["endorsement"]["may_open"] is True
    assert "waits for a coordinator" in content


@pytest.mark.django_db
def test_members_and_observers_see_the_goal_without_the_coordinators_buttons(client_for, member, observer, goal):
    for user in (member, observer):
        content = client_for(user).get(_url("goal_detail", goal)).content.decode()
        assert goal.title in content
        for name in ("goal_edit", "goal_status", "goal_delete"):
            assert _url(name, goal) not in content


@pytest.mark.django_db
def test_outsiders_get_404_on_every_goal_page(client_for, outsider, goal):
    client = client_for(outsider)
    assert client.get(_url("goal_detail", goal)).status_code == 404
    for name in ("goal_edit", "goal_delete", "goal_status"):
        assert client.get(_url(name, goal)).status_code == 404
        assert client.post(_url(name, goal), {"confirm": "yes", "status": "dropped", "reason": "x"}).status_code == 404
    assert Goal.objects.filter(pk=goal.pk).exists()


@pytest.mark.django_db
def test_a_dropped_goal_shows_its_reason_and_no_edit_button(client_for, coordinator, goal):
    services.goal_set_status(goal=goal, status=GoalStatus.DROPPED, user=coordinator, reason="Rahoitus päättyi.")
    content = client_for(coordinator).get(_url("goal_detail", goal), headers=EN).content.decode()
    assert "has been dropped" in content
    assert "Rahoitus päättyi." in content
    assert _url("goal_edit", goal) not in content
    assert _url("goal_status", goal) not in content


# --- editing ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_proposal_is_edited_without_a_summary_or_a_new_revision(client_for, coordinator, goal):
    client = client_for(coordinator)
    form = client.get(_url("goal_edit", goal)).context["form"]
    assert "summary" not in form.fields
    response = client.post(_url("goal_edit", goal), _edit_data(form, title="Uusi otsikko"))
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Uusi otsikko"
    assert goal.revision == 1
    assert goal.revisions.get().title == "Uusi otsikko"


@pytest.mark.django_db
def test_after_endorsement_a_text_change_needs_a_summary_and_makes_a_revision(
    client_for, coordinator, member, goal, partner_organisation
):
    goal = _agreed(goal, coordinator, member, partner_organisation)
    client = client_for(coordinator)
    form = client.get(_url("goal_edit", goal), headers=EN).context["form"]
    assert "summary" in form.fields

    response = client.post(_url("goal_edit", goal), _edit_data(form, title="Tarkennettu tavoite"), headers=EN)
    assert response.status_code == 200
    assert response.context["form"].errors["summary"]
    goal.refresh_from_db()
    assert goal.title != "Tarkennettu tavoite"
    assert goal.revision == 1

    data = _edit_data(form, title="Tarkennettu tavoite", summary="Otsikkoa tarkennettiin.")
    response = client.post(_url("goal_edit", goal), data, headers=EN, follow=True)
    assert "revision 2" in response.content.decode()
    goal.refresh_from_db()
    assert goal.revision == 2
    assert goal.status == GoalStatus.REVISED
    assert GoalRevision.objects.get(goal=goal, number=2).summary == "Otsikkoa tarkennettiin."


@pytest.mark.django_db
def test_after_endorsement_other_fields_change_without_a_summary(
    client_for, coordinator, member, goal, partner_organisation, agreement
):
    goal = _agreed(goal, coordinator, member, partner_organisation)
    client = client_for(coordinator)
    form = client.get(_url("goal_edit", goal)).context["form"]
    data = _edit_data(form, quality_area=Goal.Area.PRACTITIONER_COMPETENCE, agreements=[agreement.pk])
    assert client.post(_url("goal_edit", goal), data).status_code == 302
    goal.refresh_from_db()
    assert goal.quality_area == Goal.Area.PRACTITIONER_COMPETENCE
    assert goal.revision == 1
    assert goal.status == GoalStatus.AGREED
    assert list(goal.agreements.all()) == [agreement]


@pytest.mark.django_db
def test_a_save_over_someone_elses_keeps_the_input_and_a_second_save_overwrites(client_for, coordinator, goal):
    client = client_for(coordinator)
    form = client.get(_url("goal_edit", goal)).context["form"]
    data = _edit_data(form, title="Minun otsikkoni")
    # Someone else saves in between.
    services.goal_update(goal=goal, user=coordinator, data={"title": "Toisen otsikko"})

    response = client.post(_url("goal_edit", goal), data, headers=EN)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else saved this goal" in content
    assert 'value="Minun otsikkoni"' in content
    goal.refresh_from_db()
    assert goal.title == "Toisen otsikko"

    # The form now carries the current version: saving again replaces the other save.
    data["version"] = response.context["form"].data["version"]
    assert client.post(_url("goal_edit", goal), data).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Minun otsikkoni"


@pytest.mark.django_db
def test_a_tampered_version_is_said_above_the_form(client_for, coordinator, goal):
    client = client_for(coordinator)
    form = client.get(_url("goal_edit", goal)).context["form"]
    response = client.post(_url("goal_edit", goal), _edit_data(form, version="eilen"), headers=EN)
    assert response.status_code == 200
    assert "The form was out of date" in response.content.decode()


@pytest.mark.django_db
def test_a_finished_goal_cannot_be_edited(client_for, coordinator, goal):
    services.goal_set_status(goal=goal, status=GoalStatus.DROPPED, user=coordinator, reason="Ei resursseja.")
    client = client_for(coordinator)
    response = client.get(_url("goal_edit", goal))
    assert response.status_code == 302
    assert response.url == _url("goal_detail", goal)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "observer"])
def test_members_and_observers_may_not_edit_delete_or_move(client_for, cast, goal, role):
    client = client_for(cast[role])
    for name in ("goal_edit", "goal_delete", "goal_status"):
        assert client.get(_url(name, goal)).status_code == 403
    assert client.post(_url("goal_delete", goal), {"confirm": "yes"}).status_code == 403
    assert client.post(_url("goal_status", goal), {"status": "dropped", "reason": "x"}).status_code == 403
    goal.refresh_from_db()
    assert goal.status == GoalStatus.PROPOSED


# --- deleting ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_proposal_is_deleted_after_confirmation(client_for, coordinator, goal, network):
    client = client_for(coordinator)
    assert client.get(_url("goal_delete", goal)).status_code == 200
    # Without the confirmation the question is asked again.
    assert client.post(_url("goal_delete", goal)).status_code == 200
    assert Goal.objects.filter(pk=goal.pk).exists()
    response = client.post(_url("goal_delete", goal), {"confirm": "yes"})
    assert response.url == reverse("goals:goal_board", kwargs={"slug": network.slug})
    assert not Goal.objects.filter(pk=goal.pk).exists()


@pytest.mark.django_db
def test_a_goal_put_to_endorsement_is_not_deleted(client_for, coordinator, goal):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    client = client_for(coordinator)
    assert client.get(_url("goal_delete", goal)).url == _url("goal_detail", goal)
    assert client.post(_url("goal_delete", goal), {"confirm": "yes"}).url == _url("goal_detail", goal)
    assert Goal.objects.filter(pk=goal.pk).exists()


# --- the status -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_proposal_can_only_be_dropped_and_dropping_needs_a_reason(client_for, coordinator, goal):
    client = client_for(coordinator)
    form = client.get(_url("goal_status", goal)).context["form"]
    assert [value for value, _ in form.fields["status"].choices] == [GoalStatus.DROPPED]
    response = client.post(_url("goal_status", goal), {"status": "dropped", "reason": "  "}, headers=EN)
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    # A status the goal cannot move to is a form error, not a change.
    response = client.post(_url("goal_status", goal), {"status": "achieved"})
    assert response.context["form"].errors["status"]
    goal.refresh_from_db()
    assert goal.status == GoalStatus.PROPOSED

    response = client.post(_url("goal_status", goal), {"status": "dropped", "reason": "Päällekkäinen."})
    assert response.url == _url("goal_detail", goal)
    goal.refresh_from_db()
    assert goal.status == GoalStatus.DROPPED
    assert goal.drop_reason == "Päällekkäinen."


@pytest.mark.django_db
def test_an_agreed_goal_moves_to_in_progress_and_to_achieved(
    client_for, coordinator, member, goal, partner_organisation
):
    goal = _agreed(goal, coordinator, member, partner_organisation)
    client = client_for(coordinator)
    assert client.post(_url("goal_status", goal), {"status": "in_progress"}).status_code == 302
    goal.refresh_from_db()
    assert goal.status == GoalStatus.IN_PROGRESS
    assert client.post(_url("goal_status", goal), {"status": "achieved"}).status_code == 302
    goal.refresh_from_db()
    assert goal.status == GoalStatus.ACHIEVED
    # Nothing more to do by hand.
    assert client.get(_url("goal_status", goal)).url == _url("goal_detail", goal)
