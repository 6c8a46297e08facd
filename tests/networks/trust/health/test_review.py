"""The draft review meeting of a closed health check: made with the meetings domain's services, one agenda
item per aspect rated red or amber (reds first) with the counts and comments, the asked organisations invited;
a second click leads to the same meeting; nothing to review when all is green."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings.models import InvitedOrganisation, Meeting, MeetingStatus
from networks.trust import review
from networks.trust.models import SurveyRound
from portal.lib.errors import DomainError
from tests.networks.trust.health.factories import HealthCheckFactory, answer, closed_check
from tests.networks.trust.health.test_pages import REVIEW_BUTTON


@pytest.fixture
def reds_and_ambers(network, organisation, partner_organisation, agreement_in_force):
    round_ = HealthCheckFactory(
        network=network, agreement=agreement_in_force, organisations=[organisation, partner_organisation]
    )
    answer(round_, organisation, {"resources": "amber", "communication": "red"}, comments={"communication": "Hidasta"})
    answer(round_, partner_organisation, {"resources": "amber", "benefits": "red", "communication": "amber"})
    from networks.trust.results import round_close

    round_close(round_=round_)
    round_.refresh_from_db()
    return round_


def test_the_meeting_has_an_item_for_exactly_the_reds_and_ambers_reds_first(
    reds_and_ambers, coordinator, organisation, partner_organisation, member, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        meeting, made = review.review_meeting_create(round_=reds_and_ambers, user=coordinator)
    assert made
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.status == MeetingStatus.PLANNED and meeting.organiser == coordinator
    assert meeting.network == reds_and_ambers.network
    assert meeting.title == "Kumppanuuden arviointikokous: Yhteinen ohjauspiste"
    local = timezone.localtime(meeting.starts_at)
    assert local.hour == 13 and local.weekday() < 5
    assert (meeting.ends_at - meeting.starts_at) == datetime.timedelta(hours=2)
    assert local.date() >= timezone.localdate() + datetime.timedelta(days=14)
    items = list(meeting.items.order_by("position"))
    # communication: 1 red 1 amber; benefits: 1 red; resources: 2 ambers.
    assert [item.title for item in items] == [
        "Viestintä toimii",
        "Hyödyt jakautuvat tasapuolisesti",
        "Resurssit riittävät",
    ]
    # A check of one agreement: the network's people see the meeting, but only the parties the results, so the
    # agenda says where the counts and comments are instead of repeating them.
    assert "Punainen" not in items[0].description and "Hidasta" not in items[0].description
    assert "terveystarkastuksen sivulla" in items[0].description
    assert set(InvitedOrganisation.objects.filter(meeting=meeting).values_list("organisation", flat=True)) == {
        organisation.pk,
        partner_organisation.pk,
    }
    assert member.email in {message.to[0] for message in mailoutbox}
    reds_and_ambers.refresh_from_db()
    assert reds_and_ambers.review_meeting == meeting


def test_a_check_of_the_whole_network_answered_by_enough_carries_its_counts_and_comments(network, coordinator):
    from tests import factories

    organisations = [factories.OrganisationFactory() for _ in range(3)]
    answers = {organisation: {"communication": "red"} for organisation in organisations}
    round_ = closed_check(network, organisations, answers)
    meeting, _made = review.review_meeting_create(round_=round_, user=coordinator)
    item = meeting.items.get()
    assert "Punainen 3, keltainen 0, vihreä 0" in item.description
    assert not any(organisation.name in item.description for organisation in organisations)


def test_below_the_threshold_the_agenda_does_not_carry_the_counts(network, coordinator):
    from tests import factories

    organisations = [factories.OrganisationFactory() for _ in range(2)]
    round_ = closed_check(network, organisations, {organisation: {"goals": "red"} for organisation in organisations})
    meeting, _made = review.review_meeting_create(round_=round_, user=coordinator)
    assert "Punainen" not in meeting.items.get().description


def test_a_second_click_leads_to_the_same_meeting(reds_and_ambers, coordinator, client_for):
    client = client_for(coordinator)
    url = reverse("trust:health_review_create", kwargs={"pk": reds_and_ambers.pk})
    first = client.post(url)
    meeting = SurveyRound.objects.get(pk=reds_and_ambers.pk).review_meeting
    assert first.status_code == 302 and first["Location"] == meeting.get_absolute_url()
    second = client.post(url)
    assert second["Location"] == meeting.get_absolute_url()
    assert Meeting.objects.count() == 1
    page = client.get(reverse("trust:health_detail", kwargs={"pk": reds_and_ambers.pk})).content.decode()
    assert REVIEW_BUTTON not in page and meeting.get_absolute_url() in page


def test_a_cancelled_review_meeting_can_be_made_again(reds_and_ambers, coordinator):
    from networks.meetings.services import meeting_cancel

    meeting, _made = review.review_meeting_create(round_=reds_and_ambers, user=coordinator)
    meeting_cancel(meeting=meeting, user=coordinator, reason="Siirtyy")
    again, made = review.review_meeting_create(round_=reds_and_ambers, user=coordinator)
    assert made and again.pk != meeting.pk


def test_all_green_has_no_button_and_is_refused(network, organisation, coordinator, client_for):
    round_ = closed_check(network, [organisation], {organisation: {}})
    page = client_for(coordinator).get(reverse("trust:health_detail", kwargs={"pk": round_.pk})).content.decode()
    assert REVIEW_BUTTON not in page
    with pytest.raises(DomainError):
        review.review_meeting_create(round_=round_, user=coordinator)
    response = client_for(coordinator).post(reverse("trust:health_review_create", kwargs={"pk": round_.pk}))
    assert response.status_code == 302 and Meeting.objects.count() == 0


def test_an_open_check_has_no_review_meeting(network, organisation, coordinator):
    round_ = HealthCheckFactory(network=network, organisations=[organisation])
    with pytest.raises(DomainError):
        review.review_meeting_create(round_=round_, user=coordinator)


def test_the_button_is_for_coordinators(reds_and_ambers, coordinator, member, client_for):
    url = reverse("trust:health_detail", kwargs={"pk": reds_and_ambers.pk})
    assert REVIEW_BUTTON in client_for(coordinator).get(url).content.decode()
    assert REVIEW_BUTTON not in client_for(member).get(url).content.decode()
    response = client_for(member).post(reverse("trust:health_review_create", kwargs={"pk": reds_and_ambers.pk}))
    assert response.status_code == 403 and Meeting.objects.count() == 0


def test_default_times_skip_the_weekend():
    saturday = datetime.date(2026, 12, 5) - datetime.timedelta(days=14)
    starts, ends = review.default_times(saturday)
    assert timezone.localtime(starts).date() == datetime.date(2026, 12, 7)
    assert (timezone.localtime(starts).hour, timezone.localtime(ends).hour) == (13, 15)
