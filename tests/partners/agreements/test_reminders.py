"""The daily agreement job: statuses follow the calendar, and each reminder is sent once, to the right people."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from partners.agreements import reminders as agreement_reminders
from partners.agreements import services as agreement_services
from partners.agreements.models import Agreement
from tests import factories

S = Agreement.Status
TODAY = datetime.date(2026, 3, 2)


def on(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """``run(today, *args)`` runs the command on a fixed day; the e-mails it queues are sent (inline backend)."""

    def _run(today=TODAY, *args):
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("agreement_reminders", f"--today={today.isoformat()}", *args, stdout=out)
        return out.getvalue()

    return _run


def in_force(agreement, *, valid_until=None, review_date=None, status=S.ACTIVE, notice_period_days=30):
    Agreement.objects.filter(pk=agreement.pk).update(
        status=status,
        valid_from=on(-365),
        valid_until=valid_until,
        review_date=review_date,
        notice_period_days=notice_period_days,
        activated_on=on(-365),
    )
    agreement.refresh_from_db()
    return agreement


@pytest.fixture
def people(network, organisation, partner_organisation, coordinator, member, observer):
    """Who hears and who does not: Gradia's deputy (Swedish) and a contact named as its representative,
    a deactivated coordinator, and a coordinator of no e-mail; ``member`` represents ``organisation``."""
    deputy = factories.UserFactory(email="varahenkilo@example.fi", languages=["sv"])
    contact = factories.UserFactory(email="yhteyshenkilo@example.fi", is_contact=True)
    network.memberships.filter(organisation=partner_organisation).update(deputy=deputy, representative=contact)
    gone = factories.UserFactory(email="entinen@example.fi", is_active=False)
    factories.NetworkRoleFactory(network=network, user=gone, role="coordinator")
    # a representative of an organisation that is no party
    other = factories.OrganisationFactory()
    outsider_rep = factories.UserFactory(email="muu@example.fi")
    factories.MembershipFactory(network=network, organisation=other, representative=outsider_rep)
    return {"deputy": deputy, "contact": contact}


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
def test_expiry_reminder_goes_once_to_coordinators_and_parties_representatives(run, agreement, people, settings):
    in_force(agreement, valid_until=on(45))
    out = run()
    assert recipients() == ["jasen@example.fi", "koordinaattori@example.fi", "varahenkilo@example.fi"]
    message = next(m for m in mail.outbox if m.to == ["jasen@example.fi"])
    assert agreement.title in message.subject
    assert "Keski-Suomen ohjausverkosto" in message.body
    assert "16.4.2026" in message.body
    assert settings.SITE_URL + reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk}) in message.body
    assert "1 of ending" in out and "3 e-mail messages" in out
    agreement.refresh_from_db()
    assert agreement.expiry_reminder_for == on(45)

    mail.outbox.clear()
    out = run()
    run(on(1))
    assert mail.outbox == []
    assert "0 of ending" in out


@pytest.mark.django_db
def test_each_recipient_gets_the_message_in_their_language(run, agreement, people, monkeypatch):
    from portal.lib import mail as portal_mail

    languages = {}
    real = portal_mail.render_to_string

    def recording(template, context):
        languages.setdefault(context["recipient"].email, set()).add(translation.get_language())
        return real(template, context)

    monkeypatch.setattr(portal_mail, "render_to_string", recording)
    in_force(agreement, valid_until=on(10))
    run()
    assert languages == {
        "varahenkilo@example.fi": {"sv"},
        "jasen@example.fi": {"fi"},
        "koordinaattori@example.fi": {"fi"},
    }


@pytest.mark.django_db
def test_expiry_reminder_waits_for_its_window(run, agreement, people, settings):
    in_force(agreement, valid_until=on(45))
    run(TODAY, "--days=30")
    assert mail.outbox == []
    run(on(15), "--days=30")  # 30 days before the end
    assert len(mail.outbox) == 3
    settings.AGREEMENT_EXPIRY_REMINDER_DAYS = 100
    other = in_force(factories.AgreementFactory(network=agreement.network), valid_until=on(90))
    factories.AgreementPartyFactory(agreement=other, organisation=agreement.parties.first().organisation)
    mail.outbox.clear()
    run()  # the setting is the default window
    assert {other.title in message.subject for message in mail.outbox} == {True}


@pytest.mark.django_db
def test_a_new_end_date_earns_a_new_reminder(run, agreement, people, coordinator, monkeypatch):
    in_force(agreement, valid_until=on(20))
    run()
    assert len(mail.outbox) == 3
    # an amendment moves the end date: a reminder for the new date when it comes near
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    agreement_services.agreement_update(
        agreement=agreement, data={"valid_until": on(50)}, user=coordinator, amendment_summary="Jatketaan."
    )
    mail.outbox.clear()
    run()
    assert len(mail.outbox) == 3
    assert "21.4.2026" in mail.outbox[0].body
    mail.outbox.clear()
    run()
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_agreement_moved_out_of_its_notice_window_becomes_active_again(run, agreement):
    in_force(agreement, valid_until=on(20), status=S.EXPIRING)
    Agreement.objects.filter(pk=agreement.pk).update(valid_until=on(200))  # e.g. corrected in the admin
    run()
    agreement.refresh_from_db()
    assert agreement.status == S.ACTIVE


@pytest.mark.django_db
def test_review_reminder_once_on_its_date_and_caught_up_after_a_missed_run(run, agreement, people, network):
    in_force(agreement, review_date=on(0))  # open-ended
    late = in_force(factories.AgreementFactory(network=network, title="Myöhästynyt"), review_date=on(-3))
    too_late = in_force(factories.AgreementFactory(network=network, title="Liian vanha"), review_date=on(-8))
    future = in_force(factories.AgreementFactory(network=network, title="Tuleva"), review_date=on(1))
    out = run()
    subjects = {message.subject for message in mail.outbox}
    assert any(agreement.title in subject for subject in subjects)
    assert any(late.title in subject for subject in subjects)
    assert not any(too_late.title in subject or future.title in subject for subject in subjects)
    assert "2 of review" in out
    agreement.refresh_from_db()
    assert agreement.review_reminder_for == on(0)

    mail.outbox.clear()
    run()
    assert not any(agreement.title in message.subject for message in mail.outbox)
    run(on(1))
    assert [future.title in message.subject for message in mail.outbox] == [True]  # the coordinator


@pytest.mark.django_db
def test_statuses_follow_the_calendar(run, agreement, people):
    in_force(agreement, valid_until=on(100), notice_period_days=90)
    out = run()
    agreement.refresh_from_db()
    assert agreement.status == S.ACTIVE
    assert "0 expiring, 0 expired" in out
    out = run(on(10))  # 90 days before the end
    agreement.refresh_from_db()
    assert agreement.status == S.EXPIRING
    assert "1 expiring, 0 expired" in out
    out = run(on(101))
    agreement.refresh_from_db()
    assert agreement.status == S.EXPIRED
    assert "0 expiring, 1 expired" in out


@pytest.mark.django_db
def test_nothing_for_agreements_not_in_force(run, agreement, people, network, organisation):
    # the draft fixture with dates due
    Agreement.objects.filter(pk=agreement.pk).update(valid_until=on(5), review_date=TODAY)
    for status in (S.NEGOTIATION, S.TERMINATED):
        other = factories.AgreementFactory(
            network=network, status=status, valid_until=on(5), review_date=TODAY, termination_reason="Loppui."
        )
        factories.AgreementPartyFactory(agreement=other, organisation=organisation)
    out = run()
    assert mail.outbox == []
    assert "0 of ending, 0 of review" in out
    assert not Agreement.objects.filter(expiry_reminder_for__isnull=False).exists()


@pytest.mark.django_db
def test_a_claim_is_granted_once(agreement):
    in_force(agreement, valid_until=on(10))
    claim = agreement_reminders._claim
    assert claim(agreement, marker="expiry_reminder_for", date_field="valid_until") is True
    assert claim(agreement, marker="expiry_reminder_for", date_field="valid_until") is False
    # a stale copy with another date claims nothing (the row's date decides)
    agreement.valid_until = on(11)
    assert claim(agreement, marker="expiry_reminder_for", date_field="valid_until") is False


@pytest.mark.django_db
def test_the_clock_defaults_to_today(agreement, people, monkeypatch, django_capture_on_commit_callbacks):
    in_force(agreement, valid_until=on(30))
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: on(-40))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("agreement_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # 70 days before the end: not yet
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("agreement_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_bad_options_are_refused(agreement):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("agreement_reminders", "--today=huomenna", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("agreement_reminders", "--days=-1", stdout=io.StringIO())
