"""Health check services against the database: opening (of an agreement or of the network), answering
(draft, resume, submit, stale), closing with the counts and comments without names, cancelling."""

import datetime

import pytest
from django.utils import timezone

from networks.trust import health
from networks.trust.models import HealthAspect, RoundResult, RoundStatus, SurveyKind, SurveyResponse
from networks.trust.results import round_close
from portal.lib.errors import DomainError, StaleEditError
from tests import factories
from tests.networks.trust.health.factories import HealthCheckFactory, answer

GREEN = {aspect: ("green", "") for aspect in HealthAspect.values}


def _open(network, user, agreement=None, **changes):
    today = timezone.localdate()
    data = {
        "title": "Kumppanuuden terveystarkastus",
        "period_start": today.replace(month=1, day=1),
        "period_end": today,
        "deadline": today + datetime.timedelta(days=14),
        **changes,
    }
    return health.health_open(network=network, user=user, agreement=agreement, **data)


# --- opening --------------------------------------------------------------------------------------------


def test_a_network_check_asks_the_active_members_and_mails_their_people(
    network, organisation, partner_organisation, member, partner_rep, partner_deputy, coordinator, left_member,
    paused_member, mailoutbox, django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        round_ = _open(network, coordinator)
    assert round_.kind == SurveyKind.HEALTH and round_.agreement is None and round_.opened_by == coordinator
    assert set(round_.organisations.all()) == {organisation, partner_organisation}
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [member.email, partner_rep.email, partner_deputy.email]
    )
    assert f"/trust/health/{round_.pk}/answer/" in mailoutbox[0].body


def test_an_agreement_check_asks_its_parties_that_are_established_members(
    network, organisation, partner_organisation, coordinator, agreement_in_force, left_member, paused_member
):
    factories.AgreementPartyFactory(agreement=agreement_in_force, organisation=left_member)
    factories.AgreementPartyFactory(agreement=agreement_in_force, organisation=paused_member)
    other = factories.OrganisationFactory()  # a member, but no party
    factories.MembershipFactory(network=network, organisation=other)
    round_ = _open(network, coordinator, agreement=agreement_in_force)
    assert round_.agreement == agreement_in_force
    assert set(round_.organisations.all()) == {organisation, partner_organisation, paused_member}


def test_opening_refuses_another_networks_agreement_and_a_past_deadline(network, other_network, coordinator):
    foreign = factories.AgreementFactory(network=other_network)
    with pytest.raises(DomainError):
        _open(network, coordinator, agreement=foreign)
    with pytest.raises(DomainError):
        _open(network, coordinator, deadline=timezone.localdate() - datetime.timedelta(days=1))


def test_opening_with_nobody_to_ask_is_refused(coordinator):
    empty = factories.NetworkFactory()
    with pytest.raises(DomainError):
        _open(empty, coordinator)


# --- answering ------------------------------------------------------------------------------------------


@pytest.fixture
def check(network, organisation, partner_organisation):
    return HealthCheckFactory(network=network, organisations=[organisation, partner_organisation])


def test_a_draft_is_saved_resumed_and_submitted(check, organisation, member):
    draft = health.health_answer(
        round_=check, organisation=organisation, user=member, ratings={"goals": ("red", " Epäselvää ")}, submit=False
    )
    assert not draft.is_submitted
    assert list(draft.health_ratings.values_list("aspect", "colour", "comment")) == [("goals", "red", "Epäselvää")]
    with pytest.raises(DomainError) as refused:
        health.health_answer(
            round_=check, organisation=organisation, user=member, ratings={}, submit=True, version=draft.updated_at
        )
    assert "goals_colour" in refused.value.error_dict
    ratings = {**GREEN, "goals": ("red", "Epäselvää"), "resources": ("amber", "")}
    done = health.health_answer(
        round_=check, organisation=organisation, user=member, ratings=ratings, submit=True, version=draft.updated_at
    )
    assert done.pk == draft.pk and done.is_submitted and done.health_ratings.count() == 6
    again = health.health_answer(
        round_=check, organisation=organisation, user=member, ratings=GREEN, submit=True, version=done.updated_at
    )
    assert set(again.health_ratings.values_list("colour", flat=True)) == {"green"}
    assert SurveyResponse.objects.filter(round=check).count() == 1


def test_a_stale_save_is_refused_and_saves_nothing(check, partner_organisation, partner_rep, partner_deputy):
    first = health.health_answer(
        round_=check, organisation=partner_organisation, user=partner_rep, ratings={"goals": ("red", "")}, submit=False
    )
    # The deputy opened the form before there was a response: their save must not overwrite it.
    with pytest.raises(StaleEditError) as stale:
        health.health_answer(
            round_=check, organisation=partner_organisation, user=partner_deputy, ratings=GREEN, submit=True
        )
    assert stale.value.current_version == first.updated_at
    # An older version is refused too.
    with pytest.raises(StaleEditError):
        health.health_answer(
            round_=check,
            organisation=partner_organisation,
            user=partner_deputy,
            ratings=GREEN,
            submit=True,
            version=first.updated_at - datetime.timedelta(seconds=1),
        )
    first.refresh_from_db()
    assert not first.is_submitted
    assert list(first.health_ratings.values_list("colour", flat=True)) == ["red"]


def test_only_the_organisations_own_people_answer_and_only_while_open(
    check, organisation, partner_organisation, member, coordinator, partner_rep
):
    for user, org in ((coordinator, organisation), (member, partner_organisation), (partner_rep, organisation)):
        with pytest.raises(DomainError):
            health.health_answer(round_=check, organisation=org, user=user, ratings=GREEN, submit=True)
    round_close(round_=check)
    with pytest.raises(DomainError):
        health.health_answer(round_=check, organisation=organisation, user=member, ratings=GREEN, submit=True)


def test_a_comment_needs_a_colour_and_a_submitted_answer_is_not_made_a_draft(check, organisation, member):
    with pytest.raises(DomainError):
        health.health_answer(
            round_=check, organisation=organisation, user=member, ratings={"goals": ("", "Hmm")}, submit=False
        )
    done = health.health_answer(round_=check, organisation=organisation, user=member, ratings=GREEN, submit=True)
    with pytest.raises(DomainError):
        health.health_answer(
            round_=check, organisation=organisation, user=member, ratings=GREEN, submit=False, version=done.updated_at
        )


# --- closing --------------------------------------------------------------------------------------------


def test_compute_counts_submitted_answers_and_keeps_comments_without_names(
    check, organisation, partner_organisation, member, partner_rep
):
    answer(
        check, organisation, {"goals": "red", "decisions": "amber"}, comments={"goals": "Tavoitteet hukassa"}, by=member
    )
    answer(check, partner_organisation, {"goals": "amber"}, comments={"goals": "Osin selvät"}, by=partner_rep)
    third = factories.OrganisationFactory()
    answer(check, third, {"goals": "red"}, comments={"goals": "Luonnos ei näy"}, submitted=False)
    result = round_close(round_=check)
    result = RoundResult.objects.get(pk=result.pk)
    assert (result.asked, result.responded) == (2, 2)
    rows = {row["aspect"]: row for row in result.figures["aspects"]}
    assert [row["aspect"] for row in result.figures["aspects"]] == HealthAspect.values
    assert (rows["goals"]["red"], rows["goals"]["amber"], rows["goals"]["green"]) == (1, 1, 0)
    assert (rows["decisions"]["red"], rows["decisions"]["amber"], rows["decisions"]["green"]) == (0, 1, 1)
    assert (rows["benefits"]["red"], rows["benefits"]["amber"], rows["benefits"]["green"]) == (0, 0, 2)
    assert sorted(comment["text"] for comment in rows["goals"]["comments"]) == ["Osin selvät", "Tavoitteet hukassa"]
    stored = str(result.figures)
    for name in (organisation.name, partner_organisation.name, member.last_name, partner_rep.last_name, "Luonnos"):
        assert name not in stored
    assert all(set(comment) == {"colour", "text"} for comment in rows["goals"]["comments"])


def test_the_comments_order_is_the_same_every_time(check, organisation, partner_organisation):
    answer(check, organisation, {"goals": "red"}, comments={"goals": "Ensimmäinen"})
    answer(check, partner_organisation, {"goals": "red"}, comments={"goals": "Toinen"})
    result = round_close(round_=check)
    first = result.figures["aspects"][0]["comments"]
    health.health_compute(check, result)
    assert result.figures["aspects"][0]["comments"] == first


def test_cancelling_an_open_check(check, coordinator):
    cancelled = health.health_cancel(round_=check, user=coordinator)
    assert cancelled.status == RoundStatus.CANCELLED
    with pytest.raises(DomainError):
        health.health_cancel(round_=check, user=coordinator)
    with pytest.raises(DomainError):
        round_close(round_=check)


def test_an_observer_who_speaks_for_an_asked_organisation_does_not_answer(check, network, organisation, observer):
    from networks.memberships.models import Membership

    Membership.objects.filter(network=network, organisation=organisation).update(deputy=observer)
    with pytest.raises(DomainError):
        health.health_answer(round_=check, organisation=organisation, user=observer, ratings=GREEN, submit=True)
    assert not SurveyResponse.objects.filter(round=check).exists()
