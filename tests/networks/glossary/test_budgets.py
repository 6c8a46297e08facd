"""Query budgets of the glossary (HOUSE-STYLE rule 22): the glossary page, a term's page, and the minutes page
with the agreed terms marked make the same number of queries with a few terms as with many."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.glossary import endorsement
from networks.glossary.models import DefinitionVersion, Term, TermAnswer, TermComment, TermStatus
from networks.meetings.minutes import render_minutes
from networks.meetings.models import AgendaItem, Attendance, Invitee, MeetingStatus
from tests import factories
from tests.networks.glossary.factories import represented_member, term
from tests.querybudget import count_queries

pytestmark = pytest.mark.django_db
_numbers = itertools.count()


def assert_budget(client, url, *, budget: int, grow) -> None:
    """Exactly ``budget`` queries before and after ``grow()`` multiplies the data behind the page."""
    small, _sql = count_queries(client, url)
    grow()
    large, sql = count_queries(client, url)
    assert (small, large) == (budget, budget), "\n".join(sql)


def _terms(network, n, *, status=TermStatus.AGREED):
    now = timezone.now()
    return Term.objects.bulk_create(
        Term(
            network=network,
            term_fi=f"termi{next(_numbers)}",
            definition_fi="Määritelmä.",
            term_sv="term",
            status=status,
            proposed_at=now,
            defined_at=now,
            status_changed_at=now,
        )
        for _ in range(n)
    )


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_glossary_does_not_grow_with_the_terms(request, client_for, network, viewer):
    _terms(network, 3)
    url = reverse("glossary:glossary", kwargs={"slug": network.slug})
    # session, user, MFA check, the network, the viewer's role, the count and the page of terms
    assert_budget(
        client_for(request.getfixturevalue(viewer)), url, budget=8, grow=lambda: _terms(network, 120)
    )  # + the header's unread count


def _grow_term(guidance, network, people, organisations):
    def grow():
        others = _terms(network, 40)
        guidance.related.add(*others)
        TermComment.objects.bulk_create(
            TermComment(term=guidance, author=people[0], body="Kommentti") for _ in range(60)
        )
        DefinitionVersion.objects.bulk_create(
            DefinitionVersion(
                term=guidance,
                term_fi="ohjaus",
                definition_fi="Vanha.",
                defined_at=timezone.now(),
                replaced_by=people[0],
            )
            for _ in range(60)
        )
        round_ = guidance.rounds.get(outcome="open")
        for organisation, person in (represented_member(network, f"Org {next(_numbers)}") for _ in range(20)):
            TermAnswer.objects.create(round=round_, organisation=organisation, answer="agree", answered_by=person)

    return grow


@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_term_page_does_not_grow_with_its_discussion_history_and_answers(
    request, client_for, network, coordinator, member, organisation, viewer
):
    guidance = term(network, "ohjaus", "Tukemista.", proposed_by=member, defined_by=member)
    endorsement.round_open(term=guidance, user=coordinator)
    TermComment.objects.create(term=guidance, author=member, body="Hyvä.")
    TermAnswer.objects.create(
        round=guidance.rounds.get(), organisation=organisation, answer="object", reason="Ei.", answered_by=member
    )
    url = guidance.get_absolute_url()
    # session, user, MFA check, the term (network, proposer, author), related terms, the viewer's role, the
    # organisations they answer for, versions and their count, comments and their count, rounds, the open
    # round's answers, the active members; + 3 for the member, who answers: the organisations they answer for
    # and the answer form's choices, and who proposed the term: whether a round is open (they may not edit it)
    budget = {"coordinator": 15, "member": 18, "observer": 15}[viewer]  # with the header's unread count
    grow = _grow_term(guidance, network, [member], [organisation])
    assert_budget(client_for(request.getfixturevalue(viewer)), url, budget=budget, grow=grow)


@pytest.mark.parametrize("viewer", ["coordinator", "observer"])
def test_a_later_page_of_the_discussion_does_not_grow(request, client_for, network, coordinator, member, viewer):
    guidance = term(network, "ohjaus", "Tukemista.", proposed_by=member, defined_by=member)
    endorsement.round_open(term=guidance, user=coordinator)
    TermComment.objects.bulk_create(TermComment(term=guidance, author=member, body="Kommentti") for _ in range(35))
    url = f"{guidance.get_absolute_url()}?page=2"
    # as the first page (the comments' count and their page), with the open round's answers and the active
    # members counted from none
    grow = _grow_term(guidance, network, [member], [])
    assert_budget(client_for(request.getfixturevalue(viewer)), url, budget=15, grow=grow)


@pytest.mark.parametrize("page", ["", "?page=2"])
def test_the_definitions_history_does_not_grow(client_for, network, member, page):
    guidance = term(network, "ohjaus", "Tukemista.", defined_by=member)
    DefinitionVersion.objects.bulk_create(
        DefinitionVersion(term=guidance, term_fi="ohjaus", definition_fi="Vanha.", defined_at=timezone.now())
        for _ in range(35)
    )

    def grow():
        DefinitionVersion.objects.bulk_create(
            DefinitionVersion(
                term=guidance, term_fi="ohjaus", definition_fi="Vanha.", defined_at=timezone.now(), replaced_by=member
            )
            for _ in range(100)
        )

    url = reverse("glossary:term_history", kwargs={"pk": guidance.pk}) + page
    # session, user, MFA check, the term (network, author), the header's unread count, the versions' count and
    # their page (with who wrote and replaced them)
    assert_budget(client_for(member), url, budget=7, grow=grow)


@pytest.fixture
def minutes(network, coordinator, member, organisation):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        chair=coordinator,
        status=MeetingStatus.MINUTES_DRAFT,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    for person in (coordinator, member):
        Invitee.objects.create(meeting=meeting, user=person, organisation=organisation, reply="yes")
    Attendance.objects.create(meeting=meeting, user=member, organisation=organisation)
    return meeting


def _items(meeting, n, words):
    start = meeting.items.count()
    text = f"Keskusteltiin: {words}."
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            title=f"Asiakohta {start + number}",
            position=start + number,
            minutes=text,
            minutes_html=render_minutes(text),
        )
        for number in range(n)
    )


@pytest.mark.parametrize("page", ["meeting_detail", "print_minutes"])
def test_the_minutes_with_marked_terms_do_not_grow_with_the_terms_or_the_items(
    client_for, network, coordinator, minutes, page
):
    first = _terms(network, 3)
    _items(minutes, 3, " ".join(t.term_fi for t in first))

    def grow():
        more = _terms(network, 200)
        _items(minutes, 30, " ".join(t.term_fi for t in more[:50]))

    client = client_for(coordinator)
    url = reverse(f"meetings:{page}", kwargs={"pk": minutes.pk})
    assert "glossary-term" in client.get(url).content.decode()
    # the meeting page's own queries (tests/networks/meetings/test_budgets.py) and one for the glossary: the
    # network's agreed terms, once for every item's minutes; the meeting page also the header's unread count
    assert_budget(client, url, budget={"meeting_detail": 15, "print_minutes": 14}[page], grow=grow)
