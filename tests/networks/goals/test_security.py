"""Security review of shared goals: what leaked or could be forged, kept fixed, and the
input-handling checks that must stay "a form error, never a 500"."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from networks.goals import endorsement
from networks.goals.models import Endorsement, Goal, Indicator, Measurement
from tests import factories

D = datetime.date


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def url(name, **kwargs):
    return reverse(f"goals:{name}", kwargs=kwargs)


INDICATOR_DATA = {
    "name": "Ohjatut aikuiset",
    "unit": "",
    "direction": "increase",
    "baseline_value": "100",
    "baseline_date": "2026-01-01",
    "target_value": "300",
    "target_date": "2027-12-31",
    "frequency": "quarterly",
}


# --- the goal page lists only the agreements the reader may see -------------------------------------


@pytest.mark.django_db
def test_representative_without_a_role_sees_only_agreements_they_may_see(
    client_for, coordinator, network, goal, partner_organisation, agreement
):
    """A representative of a member organisation with no role in the network may read the goal, but an
    agreement their organisation is not a party to is not theirs to see (it is 404 for them)."""
    hidden = factories.AgreementFactory(network=network, title="Koordinaattorien sopimus", coordinator=coordinator)
    factories.AgreementPartyFactory(agreement=hidden, organisation=goal.owner_organisation)
    goal.agreements.add(hidden, agreement)
    rep = factories.UserFactory()
    network.memberships.filter(organisation=partner_organisation).update(representative=rep)
    client = client_for(rep)
    assert client.get(reverse("agreements:agreement_detail", kwargs={"pk": hidden.pk})).status_code == 404

    page = client.get(url("goal_detail", pk=goal.pk))
    assert page.status_code == 200
    assert "Koordinaattorien sopimus" not in page.text
    assert reverse("agreements:agreement_detail", kwargs={"pk": hidden.pk}) not in page.text
    # The agreement their organisation is a party to is shown.
    assert [a.pk for a in page.context["agreements"]] == [agreement.pk]


@pytest.mark.django_db
def test_network_people_still_see_every_linked_agreement(client_for, coordinator, observer, network, goal, agreement):
    goal.agreements.add(agreement)
    for person in (coordinator, observer):
        page = client_for(person).get(url("goal_detail", pk=goal.pk))
        assert [a.pk for a in page.context["agreements"]] == [agreement.pk]


# --- the admin cannot tie a goal to another network ------------------------------------------------------


@pytest.mark.django_db
def test_admin_cannot_link_another_networks_agreement(client_for, admin_user, goal, other_network):
    foreign = factories.AgreementFactory(network=other_network, title="Toisen verkoston sopimus")
    response = client_for(admin_user).post(
        reverse("admin:networks_goal_change", args=[goal.pk]),
        {
            "quality_area": goal.quality_area,
            "owner_organisation": goal.owner_organisation_id,
            "contact": goal.contact_id,
            "agreements": [foreign.pk],
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("revisions", "rounds", "indicators")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert response.status_code == 200
    assert "Only the network&#x27;s own agreements can be linked." in response.text
    assert not goal.agreements.exists()
    # … so the other network's agreement page does not show this goal's title.
    assert not foreign.goals.exists()


@pytest.mark.django_db
def test_admin_cannot_move_an_indicator_to_another_goal(client_for, admin_user, indicator, other_network):
    """Moved to another network's goal, the measurements and their private evidence would go with it."""
    foreign_goal = factories.GoalFactory(network=other_network)
    address = reverse("admin:networks_indicator_change", args=[indicator.pk])
    client = client_for(admin_user)
    assert 'name="goal"' not in client.get(address).text
    response = client.post(
        address,
        {
            "goal": foreign_goal.pk,
            "name": indicator.name,
            "unit": indicator.unit,
            "direction": indicator.direction,
            "baseline_value": "10",
            "baseline_date": "2026-01-01",
            "target_value": "30",
            "target_date": "2026-12-31",
            "frequency": indicator.frequency,
            "owner": indicator.owner_id,
            "measurements-TOTAL_FORMS": "0",
            "measurements-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.goal_id != foreign_goal.pk


# --- forged posts ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_goal_form_refuses_other_networks_choices_and_malformed_ids(
    client_for, coordinator, network, other_network, outsider
):
    foreign_agreement = factories.AgreementFactory(network=other_network, title="Salainen sopimus")
    foreign_org = other_network.memberships.get().organisation
    client = client_for(coordinator)
    page = client.get(url("goal_create", slug=network.slug))
    assert "Salainen sopimus" not in page.text and foreign_org.name not in page.text and str(outsider) not in page.text
    data = {
        "title": "Tavoite",
        "description": "Kuvaus",
        "rationale": "",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "quality_area": Goal.Area.USER_INVOLVEMENT,
    }
    forged = [
        {"agreements": [foreign_agreement.pk]},
        {"owner_organisation": foreign_org.pk},
        {"contact": outsider.pk},
        {"agreements": ["abc"]},
        {"owner_organisation": "abc"},
        {"contact": "9" * 30},
        {"agreements": ["9" * 30]},
    ]
    for change in forged:
        response = client.post(url("goal_create", slug=network.slug), {**data, **change})
        assert response.status_code == 200, change
        assert response.context["form"].errors, change
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_forged_endorsement_posts_are_refused_never_500(
    client_for, coordinator, member, goal, partner_organisation, other_network
):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    round_ = goal.rounds.get()
    foreign_org = other_network.memberships.get().organisation
    client = client_for(member)
    for organisation in (partner_organisation.pk, foreign_org.pk, "abc", "9" * 30, ""):
        response = client.post(
            url("endorsement_answer", pk=goal.pk), {"organisation": organisation, "answer": "agree", "round": round_.pk}
        )
        assert response.status_code == 200, organisation
    for round_id in ("abc", "9" * 30, "-1", ""):
        response = client.post(
            url("endorsement_answer", pk=goal.pk),
            {"organisation": goal.owner_organisation_id, "answer": "agree", "round": round_id},
        )
        assert response.status_code in (200, 302), round_id
    assert not Endorsement.objects.exclude(organisation=goal.owner_organisation).exists()


# --- numbers and dates ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["NaN", "sNaN", "Infinity", "-Infinity", "inf", "1e400", "9" * 40, "1,2,3", "0x10"])
def test_non_finite_and_huge_decimals_are_form_errors(client_for, coordinator, goal, indicator, bad):
    client = client_for(coordinator)
    for field in ("baseline_value", "target_value"):
        response = client.post(url("indicator_create", pk=goal.pk), {**INDICATOR_DATA, field: bad})
        assert response.status_code == 200 and field in response.context["form"].errors
    response = client.post(
        url("measurement_add", pk=goal.pk, indicator=indicator.pk), {"measured_on": "2026-02-01", "value": bad}
    )
    assert response.status_code == 200 and "value" in response.context["form"].errors
    assert Indicator.objects.count() == 1 and not Measurement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("size", ["9" * 30, "-1", "abc", "1e5"])
def test_rule_numbers_are_form_errors(client_for, coordinator, network, size):
    response = client_for(coordinator).post(
        url("goal_rule", slug=network.slug),
        {"goal_rule": "majority", "goal_rule_size": size, "goal_endorsement_days": size},
    )
    assert response.status_code == 200 and response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "end"), [("0001-01-01", "9999-12-31"), ("1899-12-31", "1900-03-01")])
def test_report_with_far_dates_is_no_error(client_for, member, network, goal, indicator, start, end):
    """Far dates are no crash: the page says the allowed years (the rule for every date holds for
    the report's period too) and the export leads back to it."""
    factories.MeasurementFactory(indicator=indicator, measured_on=D(2026, 3, 1))
    client = client_for(member)
    page = client.get(
        url("goal_report", slug=network.slug), {"start": start, "end": end}, headers={"accept-language": "en"}
    )
    assert page.status_code == 200 and "Give a date between 1900 and 2199." in page.content.decode()
    export = client.get(url("goal_report_export", slug=network.slug), {"start": start, "end": end})
    assert export.status_code == 302 and export["Location"].startswith(url("goal_report", slug=network.slug))


# --- the workbook -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_text_cell_of_the_workbook_is_a_formula(client_for, member, network, goal, indicator):
    Goal.objects.filter(pk=goal.pk).update(title='=HYPERLINK("http://example.com","x")')
    Indicator.objects.filter(pk=indicator.pk).update(name="@SUM(1+1)", unit="+cmd")
    owner = goal.owner_organisation
    owner.name = "-2+3+cmd|' /C calc'!A0"
    owner.save()
    goal.agreements.add(factories.AgreementFactory(network=network, title="=1+2"))
    response = client_for(member).get(
        url("goal_report_export", slug=network.slug), {"start": "2026-01-01", "end": "2026-12-31"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert "'=1+2" in texts
    assert not [text for text in texts if text.startswith(("=", "+", "-", "@"))]
