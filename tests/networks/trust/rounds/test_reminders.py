"""The daily job of survey rounds: the reminder goes once, only to those who have not submitted; rounds past
their deadline close."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from networks.trust import answering
from networks.trust.models import RoundResult, RoundStatus, SurveyKind
from tests import factories
from tests.networks.trust.rounds.conftest import full, on

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """``run(today, *args)`` runs the command as of ``today``; the e-mails it queues are sent (inline backend)."""

    def _run(today, *args):
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("survey_reminders", f"--today={today.isoformat()}", *args, stdout=out)
        return out.getvalue()

    return _run


@pytest.fixture(autouse=True)
def _members(people, network):
    """The representatives and deputies answering here are members of the network (observers only read)."""
    for name in ("gradia_rep", "gradia_deputy", "omnia_rep"):
        factories.NetworkRoleFactory(network=network, user=people[name])


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def _submit(round_, people, name):
    organisation = people[name]
    others = [o.pk for o in round_.organisations.exclude(pk=organisation.pk)]
    answering.response_save(
        round_=round_,
        organisation_id=organisation.pk,
        user=people["member"] if name == "organisation" else people[f"{name}_rep"],
        answers={pk: full() for pk in others},
        submit=True,
    )


def test_the_reminder_goes_once_to_those_who_have_not_submitted(run, opened, people, settings):
    _submit(opened, people, "organisation")
    # Omnia has a draft: it is reminded too.
    answering.response_save(
        round_=opened, organisation_id=people["omnia"].pk, user=people["omnia_rep"], answers={}, submit=False
    )
    out = run(on(0))
    assert mail.outbox == [] and "Reminders: 0 rounds" in out  # ten days before: too early (three by default)
    out = run(on(7))
    assert recipients() == ["gradia.vara@example.fi", "gradia@example.fi", "omnia@example.fi"]
    assert "Reminders: 1 rounds (3 e-mail messages queued)" in out
    message = next(m for m in mail.outbox if m.to == ["omnia@example.fi"])
    assert "Muistutus" in message.subject and "Keski-Suomen ohjausverkosto" in message.subject
    assert "Luottamuskysely 2026" in message.body
    assert settings.SITE_URL + reverse("trust:round_answer", kwargs={"pk": opened.pk}) in message.body
    swedish = next(m for m in mail.outbox if m.to == ["gradia.vara@example.fi"])
    assert "Påminnelse" in swedish.subject
    opened.refresh_from_db()
    assert opened.reminder_sent_at is not None

    mail.outbox.clear()
    run(on(7))
    run(on(8))
    run(on(10))
    assert mail.outbox == []


def test_the_days_come_from_the_setting(run, opened, settings):
    settings.SURVEY_REMINDER_DAYS = 10
    run(on(0))
    assert len(mail.outbox) == 4


def test_rounds_past_their_deadline_close(run, opened, people, network):
    _submit(opened, people, "organisation")
    health = factories.SurveyRoundFactory(
        network=network, kind=SurveyKind.HEALTH, deadline=on(2), organisations=[people["organisation"]]
    )
    out = run(on(2))  # the health check's last day: reminded, not closed
    assert "Rounds closed: 0. Reminders: 1 rounds (1 e-mail messages queued)." in out
    mail.outbox.clear()
    assert "Rounds closed: 1." in run(on(3))
    health.refresh_from_db()
    assert health.status == RoundStatus.CLOSED
    opened.refresh_from_db()
    assert opened.is_open
    out = run(on(11), "--days=0")
    assert "Rounds closed: 1." in out and mail.outbox == []
    opened.refresh_from_db()
    assert opened.status == RoundStatus.CLOSED and opened.reminder_sent_at is None
    result = RoundResult.objects.get(round=opened)
    assert (result.asked, result.responded) == (4, 1)
    assert "Rounds closed: 0." in run(on(12))


def test_open_health_checks_are_reminded_once_too(run, opened, people, network, settings):
    from tests.networks.trust.health.factories import HealthCheckFactory, answer

    check = HealthCheckFactory(
        network=network,
        title="Kumppanuuden terveystarkastus kevät",
        deadline=on(2),
        organisations=[people["organisation"], people["gradia"], people["omnia"]],
    )
    answer(check, people["organisation"])  # submitted: not reminded
    answer(check, people["gradia"], submitted=False)  # a draft: reminded
    out = run(on(0))  # the health check is due in two days, the trust survey in ten
    assert "Reminders: 1 rounds (3 e-mail messages queued)" in out
    assert recipients() == ["gradia.vara@example.fi", "gradia@example.fi", "omnia@example.fi"]
    link = settings.SITE_URL + reverse("trust:health_answer", kwargs={"pk": check.pk})
    for message in mail.outbox:
        assert "Kumppanuuden terveystarkastus kevät" in message.subject
        assert "Kumppanuuden terveystarkastus kevät" in message.body and link in message.body
        assert reverse("trust:round_answer", kwargs={"pk": opened.pk}) not in message.body
    check.refresh_from_db()
    assert check.reminder_sent_at is not None

    mail.outbox.clear()
    run(on(1))
    assert mail.outbox == []
    out = run(on(7))  # now the trust survey's turn; the health check is not reminded again
    assert "Reminders: 1 rounds (4 e-mail messages queued)" in out
    assert all(link not in message.body for message in mail.outbox)
    assert all("Luottamuskysely 2026" in message.body for message in mail.outbox)
