"""Indicators and measurements of shared goals through the pages: who may add, change and
delete them, evidence files checked by their content, and the evidence download's permission check."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from networks.goals import indicators as services
from networks.goals.models import Indicator, Measurement
from tests import factories
from tests.partners.agreements.document_files import docx_bytes, pdf_bytes, upload
from tests.stale_edits import version_of

D = datetime.date


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def evidence_files(settings) -> list:
    folder = settings.MEDIA_ROOT / "goal-evidence"
    return sorted(folder.iterdir()) if folder.exists() else []


def url(name, goal, indicator=None, measurement=None):
    kwargs = {"pk": goal.pk}
    if indicator is not None:
        kwargs["indicator"] = indicator.pk
    if measurement is not None:
        kwargs["measurement"] = measurement.pk
    return reverse(f"goals:{name}", kwargs=kwargs)


def goal_url(goal, anchor):
    return reverse("goals:goal_detail", kwargs={"pk": goal.pk}) + f"#{anchor}"


INDICATOR_DATA = {
    "name": "Ohjatut aikuiset",
    "unit": "henkilöä",
    "direction": "increase",
    "baseline_value": "100",
    "baseline_date": "2026-01-01",
    "target_value": "300",
    "target_date": "2027-12-31",
    "frequency": "quarterly",
}


def fetch(client, address):
    response = client.get(address)
    response.body = b"".join(response.streaming_content) if response.streaming else response.content
    return response


@pytest.fixture
def with_evidence(indicator, member):
    """A measurement of ``indicator`` with a PDF as evidence, added through the service."""
    return services.measurement_add(
        indicator=indicator,
        user=member,
        data={"measured_on": D(2026, 3, 1), "value": Decimal(14), "note": "Kevät"},
        uploaded_file=upload("Raportti maaliskuu.pdf", pdf_bytes()),
    )


# --- indicators (coordinators) --------------------------------------------------------------------


@pytest.mark.django_db
def test_coordinator_adds_an_indicator(client_for, coordinator, goal, member):
    client = client_for(coordinator)
    form = client.get(url("indicator_create", goal)).context["form"]
    assert form["baseline_date"].initial == goal.period_start and form["target_date"].initial == goal.period_end
    assert member in form.fields["owner"].queryset
    response = client.post(url("indicator_create", goal), {**INDICATOR_DATA, "owner": member.pk})
    indicator = goal.indicators.get()
    assert response.status_code == 302 and response["Location"] == goal_url(goal, f"indicator-{indicator.pk}")
    assert (indicator.name, indicator.target_value, indicator.owner, indicator.position) == (
        "Ohjatut aikuiset",
        Decimal(300),
        member,
        0,
    )
    client.post(url("indicator_create", goal), {**INDICATOR_DATA, "name": "Toinen"})
    assert goal.indicators.get(name="Toinen").position == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"target_value": "50"}, None),  # an increase to below the baseline (the model's constraint)
        ({"direction": "decrease"}, None),
        ({"target_date": "2025-12-31"}, None),  # before the baseline
        ({"baseline_date": "0001-01-01"}, "baseline_date"),
        ({"name": ""}, "name"),
        ({"direction": "sideways"}, "direction"),
    ],
)
def test_bad_indicator_is_refused_on_the_form(client_for, coordinator, goal, change, field):
    response = client_for(coordinator).post(url("indicator_create", goal), {**INDICATOR_DATA, **change})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors if field else errors.get("__all__")
    assert not Indicator.objects.exists()


@pytest.mark.django_db
def test_owner_must_be_one_of_the_networks_people(client_for, coordinator, goal, outsider):
    response = client_for(coordinator).post(url("indicator_create", goal), {**INDICATOR_DATA, "owner": outsider.pk})
    assert response.status_code == 200 and "owner" in response.context["form"].errors
    assert not Indicator.objects.exists()


@pytest.mark.django_db
def test_coordinator_edits_an_indicator(client_for, coordinator, goal, indicator, member):
    response = client_for(coordinator).post(
        url("indicator_edit", goal, indicator),
        {**INDICATOR_DATA, "name": "Uusi nimi", "owner": member.pk, **version_of(indicator)},
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.baseline_value, indicator.owner) == ("Uusi nimi", Decimal(100), member)


@pytest.mark.django_db
def test_delete_indicator_asks_first_and_removes_evidence_files(
    settings, django_capture_on_commit_callbacks, client_for, coordinator, goal, indicator, with_evidence
):
    client = client_for(coordinator)
    response = client.get(url("indicator_delete", goal, indicator))
    assert response.status_code == 200 and "Its measurement" in response.text
    assert client.post(url("indicator_delete", goal, indicator), {}).status_code == 200  # no confirmation
    assert Indicator.objects.exists()
    assert len(evidence_files(settings)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("indicator_delete", goal, indicator), {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == goal_url(goal, "indicators")
    assert not Indicator.objects.exists() and not Measurement.objects.exists()
    assert evidence_files(settings) == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["indicator_create", "indicator_edit", "indicator_delete"])
def test_only_coordinators_manage_indicators(client_for, cast, goal, indicator, name):
    address = url(name, goal) if name == "indicator_create" else url(name, goal, indicator)
    expected = {"anonymous": 302, "outsider": 404, "observer": 403, "member": 403, "coordinator": 200, "admin": 200}
    for role, status in expected.items():
        assert client_for(cast[role]).get(address).status_code == status, role
        assert client_for(cast[role]).post(address, {}).status_code == status, role
    assert Indicator.objects.get() == indicator  # nobody's empty POST deleted it


@pytest.mark.django_db
def test_another_goals_indicator_is_not_found(client_for, coordinator, goal, network):
    other = factories.IndicatorFactory(goal=factories.GoalFactory(network=network))
    response = client_for(coordinator).get(url("indicator_edit", goal, other))
    assert response.status_code == 404


@pytest.mark.django_db
def test_finished_goal_indicators_no_longer_change(client_for, coordinator, goal, indicator):
    type(goal).objects.filter(pk=goal.pk).update(status="achieved")
    client = client_for(coordinator)
    for address in (url("indicator_create", goal), url("indicator_edit", goal, indicator)):
        response = client.post(address, INDICATOR_DATA)
        assert response.status_code == 302 and response["Location"] == goal_url(goal, "indicators")
    response = client.post(url("measurement_add", goal, indicator), {"measured_on": "2026-03-01", "value": "1"})
    assert response.status_code == 302
    assert Indicator.objects.get().name == indicator.name and not Measurement.objects.exists()


# --- measurements (the owner and the coordinators) ------------------------------------------------


@pytest.mark.django_db
def test_owner_adds_a_measurement_with_evidence(settings, client_for, member, goal, indicator):
    response = client_for(member).post(
        url("measurement_add", goal, indicator),
        {
            "measured_on": "2026-03-31",
            "value": "17.5",
            "note": "Q1",
            "evidence": upload("../Q1 raportti.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 302 and response["Location"] == goal_url(goal, f"indicator-{indicator.pk}")
    measurement = indicator.measurements.get()
    assert (measurement.value, measurement.note, measurement.recorded_by) == (Decimal("17.5"), "Q1", member)
    assert (measurement.evidence_name, measurement.evidence_type) == ("Q1 raportti.pdf", "application/pdf")
    assert measurement.evidence_size == len(pdf_bytes())
    assert measurement.evidence.name.startswith("goal-evidence/") and "raportti" not in measurement.evidence.name
    assert evidence_files(settings) == [settings.MEDIA_ROOT / measurement.evidence.name]


@pytest.mark.django_db
def test_measurement_without_evidence(client_for, coordinator, goal, indicator):
    response = client_for(coordinator).post(
        url("measurement_add", goal, indicator), {"measured_on": "2026-03-31", "value": "12"}
    )
    assert response.status_code == 302
    assert not indicator.measurements.get().evidence


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ohjelma.exe", b"MZ\x90\x00"),
        ("muistio.pdf", b"Just text, not a PDF."),
        ("raportti.docx", pdf_bytes()),  # the name does not match the content
        ("makro.docx", docx_bytes(**{"word/vbaProject.bin": b""})),
        ("tyhja.pdf", b""),
    ],
)
def test_bad_evidence_is_refused_and_nothing_saved(settings, client_for, member, goal, indicator, name, content):
    response = client_for(member).post(
        url("measurement_add", goal, indicator),
        {"measured_on": "2026-03-31", "value": "12", "evidence": upload(name, content)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["evidence"]
    assert not Measurement.objects.exists()
    assert evidence_files(settings) == []


@pytest.mark.django_db
def test_one_measurement_a_day_and_none_in_the_future(settings, client_for, member, goal, indicator, with_evidence):
    client = client_for(member)
    response = client.post(
        url("measurement_add", goal, indicator),
        {"measured_on": "2026-03-01", "value": "20", "evidence": upload("toinen.pdf", pdf_bytes())},
    )
    assert response.status_code == 200
    assert "already has a measurement" in response.context["form"].errors["measured_on"][0]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url("measurement_add", goal, indicator), {"measured_on": tomorrow, "value": "20"})
    assert "future" in response.context["form"].errors["measured_on"][0]
    assert indicator.measurements.count() == 1
    assert len(evidence_files(settings)) == 1  # the refused file was not kept


@pytest.mark.django_db
def test_who_may_measure(client_for, cast, goal, indicator, partner_organisation):
    """The owner (the member) and coordinators; another member of the network may not."""
    other_member = factories.UserFactory()
    factories.NetworkRoleFactory(network=goal.network, user=other_member)
    address = url("measurement_add", goal, indicator)
    expected = {"anonymous": 302, "outsider": 404, "observer": 403, "member": 200, "coordinator": 200, "admin": 200}
    for role, status in expected.items():
        assert client_for(cast[role]).get(address).status_code == status, role
        assert client_for(cast[role]).post(address, {}).status_code == status, role
    assert client_for(other_member).get(address).status_code == 403
    response = client_for(other_member).post(address, {"measured_on": "2026-03-31", "value": "99"})
    assert response.status_code == 403
    assert not Measurement.objects.exists()


@pytest.mark.django_db
def test_owner_of_another_indicator_may_not_measure_this_one(client_for, member, goal, indicator, coordinator):
    theirs = factories.IndicatorFactory(goal=goal, owner=coordinator)
    assert client_for(member).get(url("measurement_add", goal, theirs)).status_code == 403


@pytest.mark.django_db
def test_delete_measurement_asks_first_and_removes_the_file_on_commit(
    settings, django_capture_on_commit_callbacks, client_for, member, goal, indicator, with_evidence
):
    client = client_for(member)
    address = url("measurement_delete", goal, indicator, with_evidence)
    response = client.get(address)
    assert response.status_code == 200 and "Raportti maaliskuu.pdf" in response.text
    assert client.post(address, {}).status_code == 200 and Measurement.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == goal_url(goal, f"indicator-{indicator.pk}")
    assert not Measurement.objects.exists()
    assert evidence_files(settings) == []


@pytest.mark.django_db
def test_observer_may_not_delete_a_measurement(client_for, observer, goal, indicator, with_evidence):
    response = client_for(observer).post(url("measurement_delete", goal, indicator, with_evidence), {"confirm": "yes"})
    assert response.status_code == 403 and Measurement.objects.exists()


# --- the evidence download ------------------------------------------------------------------------


@pytest.mark.django_db
def test_evidence_download_headers(client_for, observer, goal, indicator, with_evidence):
    """Every reader of the goal may open the evidence (the observer too), always as a download."""
    response = fetch(client_for(observer), url("evidence_download", goal, indicator, with_evidence))
    assert response.status_code == 200
    assert response.body == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Raportti maaliskuu.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_evidence_download_checks_access(client_for, cast, goal, indicator, with_evidence):
    address = url("evidence_download", goal, indicator, with_evidence)
    expected = {"anonymous": 302, "outsider": 404, "observer": 200, "member": 200, "coordinator": 200, "admin": 200}
    for role, status in expected.items():
        response = fetch(client_for(cast[role]), address)
        assert response.status_code == status, role
        if status == 302:
            assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_evidence_download_without_a_file_or_of_another_indicator_is_404(client_for, coordinator, goal, indicator):
    client = client_for(coordinator)
    plain = factories.MeasurementFactory(indicator=indicator)
    assert client.get(url("evidence_download", goal, indicator, plain)).status_code == 404
    other = factories.IndicatorFactory(goal=goal)
    filed = factories.MeasurementFactory(
        indicator=other, evidence=ContentFile(pdf_bytes(), name="x.pdf"), evidence_name="x.pdf"
    )
    assert client.get(url("evidence_download", goal, indicator, filed)).status_code == 404
    assert fetch(client, url("evidence_download", goal, other, filed)).status_code == 200


@pytest.mark.django_db
def test_evidence_lost_from_the_disk_is_404(client_for, coordinator, goal, indicator, with_evidence):
    with_evidence.evidence.storage.delete(with_evidence.evidence.name)
    assert client_for(coordinator).get(url("evidence_download", goal, indicator, with_evidence)).status_code == 404


# --- on the goal page -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_goal_page_shows_the_panel(client_for, member, goal, indicator, with_evidence):
    response = client_for(member).get(reverse("goals:goal_detail", kwargs={"pk": goal.pk}))
    assert response.status_code == 200
    html = response.text
    assert f'id="indicator-{indicator.pk}"' in html and 'class="goal-chart"' in html
    assert url("measurement_add", goal, indicator) in html
    assert url("evidence_download", goal, indicator, with_evidence) in html
    assert url("indicator_edit", goal, indicator) not in html  # the owner measures; coordinators edit


@pytest.mark.django_db
def test_finnish_decimal_comma_is_accepted(client_for, member, goal, indicator):
    with translation.override("fi"):
        response = client_for(member).post(
            url("measurement_add", goal, indicator),
            {"measured_on": "2026-03-31", "value": "17,5"},
            headers={"accept-language": "fi"},
        )
    assert response.status_code == 302
    assert indicator.measurements.get().value == Decimal("17.5")
