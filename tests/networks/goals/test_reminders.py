"""The daily job of shared goals: rounds close on time; the reminder goes once, only to those who have not answered."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from networks.goals import endorsement, services
from networks.goals.models import Endorsement, EndorsementRound, Goal
from networks.memberships.models import Membership
from portal.lib.access import MembershipStatus
from tests import factories

pytestmark = pytest.mark.django_db

O = EndorsementRound.Outcome  # noqa: E741 - the outcomes, as the model names them


def on(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """``run(today, *args)`` runs the command as of ``today``; the e-mails it queues are sent (inline backend)."""

    def _run(today, *args):
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("goal_endorsement_reminders", f"--today={today.isoformat()}", *args, stdout=out)
        return out.getvalue()

    return _run


@pytest.fixture
def people(network, organisation, member, partner_organisation):
    """Three active members: the cast organisation (the member represents it), Gradia (a representative and a
    Swedish-speaking deputy) and Omnia (a representative)."""
    gradia_rep = factories.UserFactory(email="gradia@example.fi")
    gradia_deputy = factories.UserFactory(email="gradia.vara@example.fi", languages=["sv"])
    network.memberships.filter(organisation=partner_organisation).update(
        representative=gradia_rep, deputy=gradia_deputy
    )
    omnia = factories.OrganisationFactory(name="Omnia")
    omnia_rep = factories.UserFactory(email="omnia@example.fi")
    factories.MembershipFactory(network=network, organisation=omnia, representative=omnia_rep)
    return {
        "organisation": organisation,
        "member": member,
        "gradia": partner_organisation,
        "gradia_rep": gradia_rep,
        "omnia": omnia,
        "omnia_rep": omnia_rep,
    }


@pytest.fixture
def opened(goal, coordinator, people, django_capture_on_commit_callbacks):
    """Endorsement opened with a deadline in 10 days; the opening e-mails are sent and cleared."""
    with django_capture_on_commit_callbacks(execute=True):
        round_ = endorsement.endorsement_open(goal=goal, user=coordinator, deadline=on(10))
    assert len(mail.outbox) == 4  # three representatives and a deputy
    mail.outbox.clear()
    return round_


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_reminder_goes_once_to_those_who_have_not_answered(run, goal, opened, people, settings):
    endorsement.endorsement_answer(
        goal=goal, organisation=people["organisation"], user=people["member"], answer=Endorsement.Answer.AGREE
    )
    out = run(on(0))
    assert mail.outbox == [] and "0 rounds" in out  # 10 days before: too early (3 days by default)
    out = run(on(7))
    assert recipients() == ["gradia.vara@example.fi", "gradia@example.fi", "omnia@example.fi"]
    assert "1 rounds (3 e-mail messages queued)" in out
    message = next(m for m in mail.outbox if m.to == ["omnia@example.fi"])
    assert goal.title in message.subject
    assert "Gradia" in message.body and "Omnia" in message.body
    assert "Jyväskylän kansalaisopisto" not in message.body  # it has answered
    assert settings.SITE_URL + reverse("goals:endorsement_answer", kwargs={"pk": goal.pk}) in message.body
    opened.refresh_from_db()
    assert opened.reminder_sent_at is not None

    mail.outbox.clear()
    run(on(7))
    run(on(8))
    run(on(10))
    assert mail.outbox == []


def test_a_person_answering_for_one_organisation_still_hears_of_another(run, goal, opened, people, network):
    """The member answered for the cast organisation but is also Omnia's deputy: reminded for Omnia."""
    network.memberships.filter(organisation=people["omnia"]).update(deputy=people["member"])
    endorsement.endorsement_answer(
        goal=goal, organisation=people["organisation"], user=people["member"], answer=Endorsement.Answer.AGREE
    )
    run(on(8))
    assert "jasen@example.fi" in recipients()
    assert len([m for m in mail.outbox if m.to == ["jasen@example.fi"]]) == 1


def test_none_after_the_deadline(run, goal, opened, people):
    """A missed window is not caught up after the deadline: the round closes instead."""
    out = run(on(11))
    assert mail.outbox == []
    assert "1 not_reached" in out
    opened.refresh_from_db()
    assert opened.outcome == O.NOT_REACHED and opened.reminder_sent_at is None
    assert Goal.objects.get(pk=goal.pk).status == Goal.Status.PROPOSED


def test_on_the_deadline_day_itself_the_reminder_still_goes(run, goal, opened, people):
    run(on(10))
    assert len(mail.outbox) == 4


def test_nobody_is_reminded_when_everyone_has_answered(run, goal, opened, people):
    endorsement.endorsement_answer(
        goal=goal,
        organisation=people["organisation"],
        user=people["member"],
        answer=Endorsement.Answer.OBJECT,
        reason="Ei.",
    )
    for org, rep in ((people["gradia"], people["gradia_rep"]), (people["omnia"], people["omnia_rep"])):
        endorsement.endorsement_answer(goal=goal, organisation=org, user=rep, answer=Endorsement.Answer.AGREE)
    run(on(8))
    assert mail.outbox == []
    opened.refresh_from_db()
    assert opened.is_open and opened.reminder_sent_at is not None


def test_the_daily_run_closes_a_round_whose_rule_became_met(run, goal, opened, people):
    for org, rep in ((people["gradia"], people["gradia_rep"]), (people["omnia"], people["omnia_rep"])):
        endorsement.endorsement_answer(goal=goal, organisation=org, user=rep, answer=Endorsement.Answer.AGREE)
    # the cast organisation leaves without the membership service (say, an admin's edit): the job catches it
    Membership.objects.filter(organisation=people["organisation"]).update(status=MembershipStatus.LEFT)
    out = run(on(1))
    assert "1 agreed" in out and mail.outbox == []
    assert Goal.objects.get(pk=goal.pk).status == Goal.Status.AGREED


def test_a_revision_earns_its_own_reminder(run, goal, opened, people, coordinator, django_capture_on_commit_callbacks):
    run(on(8))
    assert len(mail.outbox) == 4
    with django_capture_on_commit_callbacks(execute=True):
        services.goal_update(goal=goal, user=coordinator, data={"title": "Uusi"}, summary="Muutos.")
    mail.outbox.clear()
    second = EndorsementRound.objects.open().get()
    EndorsementRound.objects.filter(pk=second.pk).update(deadline=on(9))
    run(on(8))
    assert len(mail.outbox) == 4
    assert all("Uusi" in message.subject for message in mail.outbox)


def test_the_window_follows_the_setting_and_the_option(run, goal, opened, people, settings):
    settings.GOAL_ENDORSEMENT_REMINDER_DAYS = 10
    run(on(0), "--days=5")
    assert mail.outbox == []
    run(on(0))
    assert len(mail.outbox) == 4


def test_each_recipient_gets_the_message_in_their_language(run, goal, opened, people, monkeypatch):
    from portal.lib import mail as portal_mail

    languages = {}
    real = portal_mail.render_to_string

    def recording(template, context):
        languages.setdefault(context["recipient"].email, set()).add(translation.get_language())
        # the rule is put in words as the message is rendered, in the reader's language
        assert str(context["rule"])
        return real(template, context)

    monkeypatch.setattr(portal_mail, "render_to_string", recording)
    run(on(8))
    assert languages["gradia.vara@example.fi"] == {"sv"}
    assert languages["omnia@example.fi"] == {"fi"}


def test_two_runs_at_once_send_once(goal, opened, people, django_capture_on_commit_callbacks):
    from networks.goals import reminders as goal_reminders

    due = list(goal_reminders.reminders_due(today=on(8), days=3))
    with django_capture_on_commit_callbacks(execute=True):
        first = goal_reminders.goal_endorsement_reminders_run(today=on(8))
    # a second run that had listed the round before the first claimed it
    with django_capture_on_commit_callbacks(execute=True):
        assert goal_reminders._remind(due[0], today=on(8)) is None
    assert first.reminders == 1 and len(mail.outbox) == 4


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError):
        call_command("goal_endorsement_reminders", "--today=31.12.2026", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("goal_endorsement_reminders", "--days=-1", stdout=io.StringIO())
