"""The goal report: goals of a period with their indicators' latest values, as a page and XLSX."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from networks.goals import progress as goal_progress
from networks.goals.models import Goal, Indicator, Measurement
from networks.goals.report import report
from tests import factories
from tests.querybudget import assert_budget, count_queries

JAN, JUN = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
PERIOD = "?start=2026-01-01&end=2026-06-30"
INJECTION = '=HYPERLINK("http://x")'


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def report_url(network, query=""):
    return reverse("goals:goal_report", kwargs={"slug": network.slug}) + query


def export_url(network, query=""):
    return reverse("goals:goal_report_export", kwargs={"slug": network.slug}) + query


def xlsx_rows(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"a formula in {cell.coordinate}: {cell.value}"
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def measure(indicator, day, value):
    return factories.MeasurementFactory(indicator=indicator, measured_on=day, value=value)


@pytest.fixture
def measured(indicator):
    """The cast indicator (10 → 30 over 2026) measured in March, June (in the period) and September (after it)."""
    measure(indicator, datetime.date(2026, 3, 1), 14)
    measure(indicator, datetime.date(2026, 6, 1), 20)
    measure(indicator, datetime.date(2026, 9, 1), 30)
    return indicator


# --- access -------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["goals:goal_report", "goals:goal_report_export"])
def test_network_readers_see_the_report_outsiders_get_404(name, cast, client_for, network, goal):
    expected = {"anonymous": 302, "outsider": 404, "observer": 200, "member": 200, "coordinator": 200, "admin": 200}
    url = reverse(name, kwargs={"slug": network.slug})
    for role, user in cast.items():
        assert client_for(user).get(url).status_code == expected[role], role
        # Read-only: nothing to post.
        assert client_for(user).post(url).status_code == 405, role
    assert client_for(None).get(url)["Location"].startswith(reverse("account_login"))
    assert client_for(cast["member"]).get(reverse(name, kwargs={"slug": "no-such-network"})).status_code == 404


# --- what the report holds ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_report_has_the_goals_overlapping_the_period(network, other_network, goal):
    before = factories.GoalFactory(
        network=network, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2025, 12, 31)
    )
    touching = factories.GoalFactory(
        network=network, title="Alkaa kauden lopussa", period_start=JUN, period_end=datetime.date(2026, 12, 31)
    )
    after = factories.GoalFactory(
        network=network, period_start=datetime.date(2026, 7, 1), period_end=datetime.date(2026, 12, 31)
    )
    elsewhere = factories.GoalFactory(network=other_network)

    goals = [line.goal for line in report(network=network, start=JAN, end=JUN).goals]

    assert set(goals) == {goal, touching}
    assert not {before, after, elsewhere} & set(goals)


@pytest.mark.django_db
def test_each_indicator_shows_its_latest_value_within_the_period_and_its_light(network, goal, measured):
    [line] = report(network=network, start=JAN, end=JUN).goals
    [item] = line.indicators

    # September's 30 is after the period: June's 20 is the latest within it.
    assert item.latest.measured_on == datetime.date(2026, 6, 1)
    assert item.latest.value == 20
    # The same arithmetic as the goal page: judged on the measurement's own date.
    assert item.expected == goal_progress.expected_value(measured, datetime.date(2026, 6, 1))
    assert item.light == goal_progress.traffic_light(measured, Decimal(20), datetime.date(2026, 6, 1))
    assert item.light == goal_progress.GREEN  # 20 is ahead of the path's 18.3 on 1 June
    assert item.share_percent == 50  # half of the planned change from 10 to 30
    assert item.planned_by_end == goal_progress.expected_value(measured, JUN)

    # For the whole year, September's value counts.
    [line] = report(network=network, start=JAN, end=datetime.date(2026, 12, 31)).goals
    assert line.indicators[0].latest.value == 30
    assert line.indicators[0].share_percent == 100


@pytest.mark.django_db
def test_decrease_keep_and_unmeasured_indicators(network, goal, member):
    decrease = factories.IndicatorFactory(
        goal=goal, name="Odotusaika", direction=Indicator.Direction.DECREASE, baseline_value=20, target_value=10
    )
    measure(decrease, datetime.date(2026, 6, 1), 19)  # the path is at about 15.9: behind by more than 10 %
    keep = factories.IndicatorFactory(
        goal=goal, name="Tyytyväisyys", direction=Indicator.Direction.KEEP, baseline_value=4, target_value=4
    )
    measure(keep, datetime.date(2026, 5, 1), Decimal("3.9"))
    factories.IndicatorFactory(goal=goal, name="Ei mitattu")

    [line] = report(network=network, start=JAN, end=JUN).goals
    by_name = {item.indicator.name: item for item in line.indicators}

    assert by_name["Odotusaika"].light == goal_progress.RED
    assert by_name["Odotusaika"].share_percent == 10
    assert by_name["Tyytyväisyys"].light == goal_progress.GREEN
    assert by_name["Tyytyväisyys"].share is None  # "keep" plans no change
    assert by_name["Tyytyväisyys"].light_label == "At the target"
    assert by_name["Ei mitattu"].latest is None
    assert by_name["Ei mitattu"].light == goal_progress.NONE
    counts = {light: count for light, _label, count in report(network=network, start=JAN, end=JUN).light_counts}
    assert counts == {"green": 1, "amber": 0, "red": 1, "none": 1}


@pytest.mark.django_db
def test_the_page_shows_goals_indicators_lights_in_words_and_links(client_for, member, network, goal, measured):
    from networks.goals.services import goal_set_status

    dropped = factories.GoalFactory(network=network, title="Luovuttu tavoite")
    goal_set_status(goal=dropped, status=Goal.Status.DROPPED, user=None, reason="Rahoitus päättyi.")
    goal.agreements.add(factories.AgreementFactory(network=network, title="Yhteinen ohjauspiste"))

    response = client_for(member).get(report_url(network, PERIOD))

    assert response.status_code == 200
    text = response.text
    assert goal.title in text and measured.name in text
    assert reverse("goals:goal_detail", kwargs={"pk": goal.pk}) in text
    assert "On track" in text  # the light in words, not only a colour
    assert "Yhteinen ohjauspiste" in text
    assert "Rahoitus päättyi." in text
    assert "css/goal_report" in text
    assert export_url(network, "?start=2026-01-01&amp;end=2026-06-30") in text
    assert "style=" not in text.split("<main", 1)[1]  # no inline styles (CSP)


@pytest.mark.django_db
def test_without_a_period_the_report_covers_the_current_year(client_for, member, network, goal):
    response = client_for(member).get(report_url(network))
    year = timezone.localdate().year
    assert response.context["report"].start == datetime.date(year, 1, 1)
    assert response.context["report"].end == datetime.date(year, 12, 31)
    # Other parameters alone do not choose a period.
    assert client_for(member).get(report_url(network, "?x=1")).context["report"].start.year == year


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?start=2026-06-30&end=2026-01-01",
        "?start=nonsense&end=2026-01-01",
        "?start=2026-01-01",
        "?start=2026-02-30&end=2026-03-01",
    ],
)
def test_bad_dates_are_form_errors_never_500(client_for, member, network, goal, query):
    response = client_for(member).get(report_url(network, query))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["report"] is None
    # The export leads back to the page, which says what is wrong.
    response = client_for(member).get(export_url(network, query))
    assert response.status_code == 302
    assert response["Location"].startswith(report_url(network))


# --- the workbook -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_is_an_xlsx_of_one_row_per_indicator_with_numbers_dates_and_safe_text(
    client_for, member, network, goal, measured
):
    factories.GoalFactory(network=network, title=INJECTION)  # no indicators: one row of its own
    response = client_for(member).get(export_url(network, PERIOD))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="goal-report-2026-01-01-2026-06-30.xlsx"'
    title, period, _blank, header, *rows = xlsx_rows(response)
    assert network.name in title[0]
    assert period[1].date() == JAN and period[2].date() == JUN
    assert header[:3] == ["Title", "Status", "Quality area"]
    assert header[7] == "Indicator"
    by_title = {row[0]: row for row in rows}
    assert set(by_title) == {goal.title, "'" + INJECTION}
    row = by_title[goal.title]
    assert row[1] == "Proposed"
    assert row[7] == measured.name
    assert row[10] == 10 and row[12] == 30  # baseline and target as numbers
    assert row[14] == 20 and row[15].date() == datetime.date(2026, 6, 1)  # the latest value in the period
    assert row[17] == 50  # progress in per cent
    assert row[18] == "On track"
    assert by_title["'" + INJECTION][7] is None


# --- query budget -------------------------------------------------------------------------------------


def _grow(network, organisation, n):
    """``n`` more goals of ``network``, each with an agreement, two indicators and six measurements each."""
    goals = Goal.objects.bulk_create(
        Goal(
            network=network,
            title=f"Tavoite {i}",
            description="Kuvaus",
            period_start=JAN,
            period_end=datetime.date(2026, 12, 31),
            quality_area=Goal.Area.SERVICE_PROVISION,
            owner_organisation=organisation,
        )
        for i in range(n)
    )
    agreement = factories.AgreementFactory(network=network)
    Goal.agreements.through.objects.bulk_create(
        Goal.agreements.through(goal=goal, agreement=agreement) for goal in goals
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            goal=goal,
            name=f"Mittari {k}",
            baseline_value=10,
            baseline_date=JAN,
            target_value=30,
            target_date=datetime.date(2026, 12, 31),
        )
        for goal in goals
        for k in range(2)
    )
    Measurement.objects.bulk_create(
        Measurement(indicator=indicator, measured_on=datetime.date(2026, month, 1), value=10 + month)
        for indicator in indicators
        for month in range(1, 7)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["goals:goal_report", "goals:goal_report_export"])
def test_report_queries_do_not_grow_with_the_goals(client_for, member, network, organisation, name):
    _grow(network, organisation, 5)
    url = reverse(name, kwargs={"slug": network.slug}) + PERIOD
    # session, user, MFA check, network (visible_to), goals with owner and contact, their agreements,
    # their indicators with owners, each indicator's latest measurement in the period
    assert_budget(client_for(member), url, budget=9, grow=lambda: _grow(network, organisation, 495))
    queries, _sql = count_queries(client_for(member), url)
    assert queries <= (9 if name == "goals:goal_report" else 8)  # the page has the header's unread count
