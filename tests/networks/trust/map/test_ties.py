"""The ties of each source: the right pairs and weights, other networks' records and ended or unfinished
records ignored, and one query per source whatever the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks.trust import ties as map_ties
from tests import factories
from tests.networks.trust.map import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs(network):
    return builders.members(network, 4)


def _key(a, b):
    return (min(a.pk, b.pk), max(a.pk, b.pk))


def test_survey_ties_take_the_stronger_rating_of_the_pair(network, orgs):
    a, b, c, d = orgs
    round_ = builders.closed_round(network, orgs, [(a, b, 1), (b, a, 3), (a, c, 0), (c, d, 2), (a, a, 4)])
    pairs = map_ties.survey_pairs(round_.pk)
    assert pairs == {_key(a, b): 3, _key(c, d): 2}


def test_survey_ties_working_together_leave_out_awareness(network, orgs):
    a, b, c, _d = orgs
    round_ = builders.closed_round(network, orgs, [(a, b, 1), (a, c, 2)])
    assert map_ties.survey_pairs(round_.pk, min_relationship=2) == {_key(a, c): 2}


def test_survey_ties_ignore_drafts_and_other_rounds(network, orgs, other_network):
    a, b, c, _d = orgs
    draft = builders.closed_round(network, orgs, [(a, b, 4)], submitted=False)
    other = builders.closed_round(other_network, orgs, [(a, c, 4)])
    assert map_ties.survey_pairs(draft.pk) == {}
    assert map_ties.survey_pairs(other.pk) == {_key(a, c): 4}
    assert map_ties.survey_pairs(None) == {}


def test_closed_trust_rounds_are_the_latest_first_and_only_closed_trust_surveys(network, orgs):
    older = builders.closed_round(network, orgs, [], closed_days_ago=300)
    newer = builders.closed_round(network, orgs, [], closed_days_ago=3)
    factories.SurveyRoundFactory(network=network, organisations=orgs)  # open
    factories.SurveyRoundFactory(network=network, kind="health", status="closed")
    assert [r.pk for r in map_ties.closed_trust_rounds(network.pk)] == [newer.pk, older.pk]


def test_agreement_ties_count_agreements_that_have_not_ended(network, orgs, other_network):
    a, b, c, d = orgs
    builders.agreement(network, [a, b, c], status="active")
    builders.agreement(network, [a, b], status="draft")
    builders.agreement(network, [c, d], status="expired")
    builders.agreement(network, [c, d], status="terminated")
    builders.agreement(other_network, [a, d], status="active")
    assert map_ties.agreement_pairs(network.pk) == {_key(a, b): 2, _key(a, c): 1, _key(b, c): 1}


def test_meeting_ties_count_meetings_within_the_period(network, orgs, other_network):
    a, b, c, d = orgs
    builders.held_meeting(network, [a, b, c], days_ago=10)
    builders.held_meeting(network, [a, b], days_ago=200, status="minutes_approved")
    builders.held_meeting(network, [c, d], days_ago=500)  # outside twelve months
    builders.held_meeting(network, [b, d], days_ago=5, status="cancelled")
    builders.held_meeting(other_network, [a, d], days_ago=10)
    assert map_ties.meeting_pairs(network.pk) == {_key(a, b): 2, _key(a, c): 1, _key(b, c): 1}
    assert map_ties.meeting_pairs(network.pk, months=24)[_key(c, d)] == 1


def test_meeting_ties_count_a_meeting_once_however_many_attended(network, orgs):
    a, b, _c, _d = orgs
    builders.held_meeting(network, [a, a, b, b], days_ago=10)
    assert map_ties.meeting_pairs(network.pk) == {_key(a, b): 1}


def test_cached_meeting_ties_follow_the_attendance(network, orgs):
    from networks.meetings.models import Attendance

    a, b, c, _d = orgs
    meeting = builders.held_meeting(network, [a, b], days_ago=10)
    assert map_ties.cached_meeting_pairs(network.pk) == {_key(a, b): 1}
    with CaptureQueriesContext(connection) as ctx:
        assert map_ties.cached_meeting_pairs(network.pk) == {_key(a, b): 1}
    assert all("present" not in q["sql"] for q in ctx.captured_queries)  # the pairs came from the cache
    attendance = Attendance.objects.get(meeting=meeting, organisation=b)
    attendance.organisation = c
    attendance.save()
    assert map_ties.cached_meeting_pairs(network.pk) == {_key(a, c): 1}
    builders.held_meeting(network, [a, c], days_ago=20)
    assert map_ties.cached_meeting_pairs(network.pk) == {_key(a, c): 2}
    meeting.attendances.filter(organisation=a).delete()
    assert map_ties.cached_meeting_pairs(network.pk) == {_key(a, c): 1}


def test_activity_ties_count_activities(network, orgs, other_network):
    a, b, c, d = orgs
    builders.activity(network, [a, b])
    builders.activity(network, [a, b, a, c])
    builders.activity(other_network, [c, d])
    assert map_ties.activity_pairs(network.pk) == {_key(a, b): 2, _key(a, c): 1, _key(b, c): 1}


def test_collect_merges_sources_and_keeps_only_the_shown_organisations(network, orgs):
    a, b, c, d = orgs
    round_ = builders.closed_round(network, orgs, [(a, b, 2)])
    builders.agreement(network, [a, b])
    builders.activity(network, [c, d])
    ties = map_ties.collect_ties(network.pk, sources=map_ties.SOURCES, node_ids=[a.pk, b.pk, c.pk], round_=round_)
    assert [(t.key, t.weights) for t in ties] == [(_key(a, b), {"survey": 2, "agreements": 1})]
    only = map_ties.collect_ties(network.pk, sources=["activities"], node_ids=[o.pk for o in orgs], round_=round_)
    assert [t.key for t in only] == [_key(c, d)]
    assert map_ties.degrees(ties, [a.pk, b.pk, c.pk]) == {a.pk: 1, b.pk: 1, c.pk: 0}


def test_member_nodes_are_established_members_by_region_and_level(network, organisation):
    north = builders.members(network, 1, level="strategic", regions=("lappi",), prefix="Pohjoinen")[0]
    builders.members(network, 1, level="networking", prefix="Verkostoituja")
    paused = builders.members(network, 1, prefix="Tauolla")[0]
    network.memberships.filter(organisation=paused).update(status="paused")
    applied = builders.members(network, 1, prefix="Hakija")[0]
    network.memberships.filter(organisation=applied).update(status="applied")
    names = [n.name for n in map_ties.member_nodes(network.pk)]
    assert "Tauolla 000" in names
    assert "Hakija 000" not in names
    assert [n.id for n in map_ties.member_nodes(network.pk, region="lappi")] == [north.pk]
    assert [n.id for n in map_ties.member_nodes(network.pk, level="strategic")] == [north.pk]


@pytest.mark.parametrize("size", [3, 12])
def test_each_source_is_one_query(network, size):
    orgs = builders.members(network, size)
    round_ = builders.closed_round(network, orgs, [(x, y, 2) for x in orgs for y in orgs if x != y])
    for i in range(size):
        builders.held_meeting(network, orgs[i : i + 3])
        builders.activity(network, orgs[i : i + 3])
        builders.agreement(network, orgs[i : i + 2])
    with CaptureQueriesContext(connection) as ctx:
        ties = map_ties.collect_ties(network.pk, sources=["agreements", "activities"], node_ids=[o.pk for o in orgs])
        met = map_ties.meeting_pairs(network.pk)
        pairs = map_ties.survey_pairs(round_.pk)
    assert len(ctx.captured_queries) == 4
    assert len(ties) == len(met) == 2 * size - 3  # the neighbours and the next but one
    assert len(pairs) == size * (size - 1) // 2


def test_a_closed_rounds_survey_ties_come_from_the_cache(network):
    a, b, c = builders.members(network, 3)
    round_ = builders.closed_round(network, [a, b, c], [(a, b, 2)])
    assert map_ties.closed_survey_pairs(round_) == {_key(a, b): 2}
    with CaptureQueriesContext(connection) as ctx:
        assert map_ties.closed_survey_pairs(round_) == {_key(a, b): 2}
    assert all("networks_trustrating" not in q["sql"] for q in ctx.captured_queries)
    assert map_ties.closed_survey_pairs(round_, min_relationship=3) == {}
    assert map_ties.closed_survey_pairs(None) == {}
