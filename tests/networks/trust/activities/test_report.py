"""The activity report for funders: the activities of the period, participants by organisation with their
person-hours, the totals, the same in an XLSX workbook; and the dashboard's sections."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from networks.trust import activities as services
from networks.trust.activity_report import report
from networks.trust.models import Participant
from tests.networks.trust.activities.factories import activity, days_ago, member_organisation, person

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture
def year(network, organisation, member, coordinator):
    """Two activities in 2025 (one of two days) and one in 2024."""
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia, first_name="Bertta")
    first = activity(
        network,
        datetime.date(2025, 3, 10),
        [(member, organisation), (bertta, gradia), ("Vieras", gradia)],
        title="Työn varjostus",
        kind="shadowing",
        hours=Decimal("7.5"),
    )
    second = activity(
        network, datetime.date(2025, 9, 1), [(member, organisation), (coordinator, organisation)], title="Koulutus"
    )
    old = activity(network, datetime.date(2024, 5, 5), [(bertta, gradia)], title="Vanha")
    return gradia, first, second, old


def test_the_report_counts_people_hours_and_contacts(network, year):
    _gradia, _first, _second, _old = year
    made = report(network=network, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    assert [a.title for a in made.activities] == ["Työn varjostus", "Koulutus"]
    assert [a.participant_count for a in made.activities] == [3, 2]
    by_name = {line.name: (line.people, line.person_hours) for line in made.organisations}
    # Bertta and the named guest from Gradia; the member twice (counted once) and the coordinator.
    assert by_name == {"Gradia": (2, Decimal("15.0")), "Jyväskylän kansalaisopisto": (2, Decimal("13.5"))}
    assert (made.participations, made.people, made.person_hours, made.new_contacts) == (5, 4, Decimal("28.5"), 1)


def test_the_page_and_the_workbook(client_for, network, coordinator, year):
    url = reverse("trust:activity_report", kwargs={"slug": network.slug})
    page = client_for(coordinator).get(url, {"start": "2025-01-01", "end": "2025-12-31"}, headers=EN)
    content = page.content.decode()
    assert "Työn varjostus" in content and "Vanha" not in content
    assert "28.5" in content
    export = reverse("trust:activity_report_export", kwargs={"slug": network.slug})
    response = client_for(coordinator).get(export, {"start": "2025-01-01", "end": "2025-12-31"}, headers=EN)
    assert response["Content-Disposition"] == 'attachment; filename="activity-report-2025-01-01-2025-12-31.xlsx"'
    rows = [list(row) for row in openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0].values]
    assert rows[0][0] == f"Activity report: {network.name}"
    assert ["Job shadowing", "Työn varjostus", datetime.datetime(2025, 3, 10), None, 7.5, 3, 1] in rows
    assert ["Gradia", 2, 15] in [row[:3] for row in rows]
    assert ["Person-hours", 28.5] in [row[:2] for row in rows]
    assert ["New contacts", 1] in [row[:2] for row in rows]


def test_a_bad_period_is_said_and_the_workbook_leads_back(client_for, network, coordinator):
    url = reverse("trust:activity_report", kwargs={"slug": network.slug})
    page = client_for(coordinator).get(url, {"start": "2025-12-31", "end": "2025-01-01"}, headers=EN)
    assert "The period must not end before it starts." in page.content.decode()
    export = reverse("trust:activity_report_export", kwargs={"slug": network.slug})
    response = client_for(coordinator).get(export, {"start": "x", "end": "2025-01-01"})
    assert response.status_code == 302 and response["Location"].startswith(url)


def test_a_formula_in_a_title_stays_text(client_for, network, coordinator):
    activity(network, days_ago(3), title="=HYPERLINK(1)")
    export = reverse("trust:activity_report_export", kwargs={"slug": network.slug})
    rows = list(openpyxl.load_workbook(io.BytesIO(client_for(coordinator).get(export).content)).worksheets[0].values)
    assert not any(str(cell).startswith("=") for row in rows for cell in row if cell is not None)


def test_the_dashboard_shows_upcoming_activities_and_quiet_organisations(
    client_for, network, organisation, member, coordinator
):
    gradia = member_organisation(network, "Gradia")
    bertta = person(network, gradia)
    ahead = activity(network, days_ago(-5), title="Tuleva opintokäynti")
    services.participant_add(activity=ahead, person=member)
    content = client_for(member).get("/", headers=EN).content.decode()
    assert "Tuleva opintokäynti" in content and "you take part" in content
    assert "Organisations with no new contacts" not in content  # coordinators only
    content = client_for(coordinator).get("/", headers=EN).content.decode()
    assert "Organisations with no new contacts" in content and "Gradia" in content
    activity(network, days_ago(0), [(member, organisation), (bertta, gradia)])
    content = client_for(coordinator).get("/", headers=EN).content.decode()
    assert "Organisations with no new contacts" not in content


def test_the_service_keeps_links_within_the_network(network, member, other_network):
    from networks.goals.models import Goal
    from tests import factories

    foreign = factories.GoalFactory(network=other_network)
    stranger = factories.OrganisationFactory()
    data = {"kind": "other", "title": "Muu", "starts_on": days_ago(1), "hours": 1}
    with pytest.raises(services.DomainError):
        services.activity_create(network=network, user=member, data=data, goals=[foreign])
    with pytest.raises(services.DomainError):
        services.activity_create(network=network, user=member, data=data, organisers=[stranger])
    assert Goal.objects.count() == 1 and not Participant.objects.exists()


def test_a_period_of_more_than_three_years_is_refused_and_kept(client_for, network, coordinator):
    url = reverse("trust:activity_report", kwargs={"slug": network.slug})
    page = client_for(coordinator).get(url, {"start": "2022-01-01", "end": "2025-01-01"}, headers=EN)
    content = page.content.decode()
    assert "The period can be at most three years long." in content
    assert 'value="2022-01-01"' in content and 'value="2025-01-01"' in content
    assert page.context["report"] is None
    export = reverse("trust:activity_report_export", kwargs={"slug": network.slug})
    response = client_for(coordinator).get(export, {"start": "2022-01-01", "end": "2025-01-01"})
    assert response.status_code == 302
    page = client_for(coordinator).get(url, {"start": "2022-01-01", "end": "2024-12-31"}, headers=EN)
    assert page.context["report"] is not None


def test_the_page_lists_fifty_activities_at_a_time_and_counts_them_all(client_for, network, coordinator):
    from networks.trust.models import Activity

    Activity.objects.bulk_create(
        Activity(
            network=network, kind="training", title=f"Koulutus {n:02}", starts_on=datetime.date(2025, 1, 1), hours=1
        )
        for n in range(51)
    )
    url = reverse("trust:activity_report", kwargs={"slug": network.slug})
    period = {"start": "2025-01-01", "end": "2025-12-31"}
    first = client_for(coordinator).get(url, period, headers=EN)
    assert len(first.context["page_obj"].object_list) == 50 and first.context["report"].activity_count == 51
    assert "Koulutus 50" not in first.content.decode()
    second = client_for(coordinator).get(url, {**period, "page": 2}, headers=EN)
    assert "Koulutus 50" in second.content.decode()
    export = reverse("trust:activity_report_export", kwargs={"slug": network.slug})
    rows = list(
        openpyxl.load_workbook(io.BytesIO(client_for(coordinator).get(export, period).content)).worksheets[0].values
    )
    assert sum(1 for row in rows if str(row[1] or "").startswith("Koulutus")) == 51


def test_organisations_of_the_same_name_stay_apart(network, coordinator):
    first = member_organisation(network, "Ohjaamo")
    second = member_organisation(network, "Ohjaamo")
    activity(network, datetime.date(2025, 3, 1), [("Anna", first), ("Bertta", second), ("Cecilia", second)], hours=2)
    made = report(network=network, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    lines = {line.organisation_id: (line.name, line.people) for line in made.organisations}
    assert lines == {first.pk: ("Ohjaamo", 1), second.pk: ("Ohjaamo", 2)}
