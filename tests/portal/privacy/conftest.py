"""A person with something in every part of the portal (the member), and another person (the coordinator)
whose data sits next to theirs and must never come out in the member's export."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from networks.goals.models import Endorsement, EndorsementRound
from networks.meetings.models import Attendance, Invitee, MinutesComment, SlotAnswer, TimePoll, TimeSlot
from networks.memberships.models import MembershipChange
from tests import factories
from tests.networks.news.factories import NewsCommentFactory, NewsItemFactory

OTHER_SECRET = "Koordinaattorin oma kommentti"


@pytest.fixture
def person_with_data(member, coordinator, network, organisation, agreement, goal, indicator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    member.title, member.phone = "Opinto-ohjaaja", "+358401234567"
    member.save(update_fields=["title", "phone"])
    membership = network.memberships.get(organisation=organisation)
    MembershipChange.objects.create(
        membership=membership, network=network, changed_by=member, new_level=membership.level, new_status="active"
    )
    meeting = factories.MeetingFactory(network=network, organiser=coordinator, chair=coordinator)
    item = factories.AgendaItemFactory(meeting=meeting, presenter=member)
    Invitee.objects.create(meeting=meeting, user=member, reply="yes", replied_at=timezone.now())
    Invitee.objects.create(meeting=meeting, user=coordinator, reply="no", replied_at=timezone.now())
    Attendance.objects.create(meeting=meeting, user=member, organisation=organisation)
    Attendance.objects.create(meeting=meeting, user=coordinator, organisation=organisation)
    MinutesComment.objects.create(meeting=meeting, item=item, author=member, body="Jäsenen kommentti pöytäkirjaan")
    MinutesComment.objects.create(meeting=meeting, item=item, author=coordinator, body=OTHER_SECRET)
    action = factories.ActionItemFactory(item=item, owner=member, created_by=coordinator, what="Jäsenen tehtävä")
    decision = factories.DecisionFactory(item=item, recorded_by=member, text="Jäsenen kirjaama päätös")
    poll = TimePoll.objects.create(network=network, title="Syksyn tapaaminen", organiser=coordinator)
    poll.invitees.add(member, coordinator)
    slot = TimeSlot.objects.create(
        poll=poll, starts_at=meeting.starts_at, ends_at=meeting.starts_at + datetime.timedelta(hours=1)
    )
    answer = SlotAnswer.objects.create(slot=slot, user=member, answer="yes")
    SlotAnswer.objects.create(slot=slot, user=coordinator, answer="no")
    measurement = factories.MeasurementFactory(indicator=indicator, recorded_by=member, note="Jäsenen mittaus")
    round_ = EndorsementRound.objects.create(
        goal=goal, revision=goal.revisions.get(), rule="all", deadline=timezone.localdate(), opened_by=coordinator
    )
    endorsement = Endorsement.objects.create(
        round=round_, organisation=organisation, answer="agree", reason="Jäsenen perustelu", answered_by=member
    )
    party = agreement.parties.get(organisation=organisation)
    party.signatory_name, party.signatory_title = member.get_full_name(), "Rehtori"
    party.signed_on, party.signed_by = timezone.localdate(), member
    party.save()
    news_item = NewsItemFactory(network=network, author=member, title_fi="Jäsenen uutinen")
    NewsCommentFactory(item=news_item, author=member, text="Jäsenen kommentti uutiseen")
    NewsCommentFactory(item=news_item, author=coordinator, text=OTHER_SECRET)
    return SimpleNamespace(
        user=member,
        other=coordinator,
        meeting=meeting,
        item=item,
        action=action,
        decision=decision,
        answer=answer,
        measurement=measurement,
        endorsement=endorsement,
        party=party,
        news_item=news_item,
    )
