"""Every personal e-mail is also a notification, and goes by the person's choice for its kind."""

import pytest

from portal.lib.mail import send_personal_mail
from portal.notifications.kinds import Kind, kind_for_prefix
from portal.notifications.models import Notification
from portal.notifications.preferences import preferences_of, preferences_set
from tests import factories

PREFIX = "networks/memberships/email/role_changed"


def _send(people, **context):
    return send_personal_mail(
        template_prefix=PREFIX,
        recipients=people,
        context={"network": None, "old_label": "", "new_label": "Jäsen", "reason": "", **context},
    )


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("networks/meetings/email/invited", Kind.MEETINGS),
        ("networks/memberships/email/approved", Kind.MEMBERSHIPS),
        ("networks/goals/email/proposed", Kind.GOALS),
        ("partners/agreements/email/expiry", Kind.AGREEMENTS),
        ("networks/trust/rounds/email/opened", Kind.TRUST),
        ("networks/trust/health/email/reminder", Kind.TRUST),
        ("networks/news/email/published", Kind.NEWS),
        ("networks/glossary/email/proposed", Kind.GLOSSARY),
        ("networks/resources/email/added", Kind.RESOURCES),
        ("somewhere/else", Kind.OTHER),
        ("", Kind.OTHER),
    ],
)
def test_the_kind_comes_from_the_template_prefix(prefix, kind):
    assert kind_for_prefix(prefix) == kind


def test_each_recipient_gets_a_notification_in_their_language(db, mailoutbox, django_capture_on_commit_callbacks):
    finn, swede = factories.UserFactory(), factories.UserFactory(languages=["sv"])
    with django_capture_on_commit_callbacks(execute=True):
        _send([finn, swede], link="http://127.0.0.1:8000/networks/keski-suomi/")
    assert len(mailoutbox) == 2
    by_person = {n.user_id: n for n in Notification.objects.all()}
    assert set(by_person) == {finn.pk, swede.pk}
    assert by_person[finn.pk].kind == "memberships"
    assert by_person[finn.pk].url == "/networks/keski-suomi/"  # a path of the portal
    assert by_person[finn.pk].subject == mailoutbox[0].subject
    assert by_person[swede.pk].subject == mailoutbox[1].subject != mailoutbox[0].subject
    assert by_person[finn.pk].read_at is None and by_person[finn.pk].delivery == "now"


def test_the_url_in_the_context_wins_over_the_link(db, django_capture_on_commit_callbacks):
    person = factories.UserFactory()
    _send([person], link="http://127.0.0.1:8000/a/", url="http://127.0.0.1:8000/b/")
    assert Notification.objects.get().url == "/b/"


def test_an_immediate_mail_carries_the_one_click_unsubscribe(db, mailoutbox, django_capture_on_commit_callbacks):
    person = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _send([person])
    message = mailoutbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://127.0.0.1:8000/notifications/unsubscribe/") and header.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in message.body  # the footer line has the same link
    assert "List-Unsubscribe" in message.message().as_string()


@pytest.mark.parametrize("choice", ["daily", "weekly", "portal"])
def test_a_kind_not_sent_at_once_is_held_back(db, mailoutbox, django_capture_on_commit_callbacks, choice):
    held, other = factories.UserFactory(), factories.UserFactory()
    preferences_set(user=held, choices={"memberships": choice, "meetings": "now"})
    with django_capture_on_commit_callbacks(execute=True):
        assert _send([held, other]) == 2
    assert [m.to for m in mailoutbox] == [[other.email]]
    assert Notification.objects.get(user=held).delivery == choice
    assert Notification.objects.get(user=other).delivery == "now"


def test_the_choice_is_per_kind(db, mailoutbox, django_capture_on_commit_callbacks):
    person = factories.UserFactory()
    preferences_set(user=person, choices={"meetings": "portal"})
    with django_capture_on_commit_callbacks(execute=True):
        _send([person])  # memberships: still at once
    assert len(mailoutbox) == 1


def test_preferences_default_and_are_saved_once_per_kind(db):
    person = factories.UserFactory()
    assert preferences_of(person)["goals"] == "now" and preferences_of(person)["todo"] == "weekly"
    preferences_set(user=person, choices={"goals": "daily"})
    preferences_set(user=person, choices={"goals": "weekly", "bogus": "daily", "news": "never"})
    assert preferences_of(person)["goals"] == "weekly"
    assert person.notification_preferences.count() == 1


def test_two_queries_however_many_people(db, django_assert_num_queries):
    people = factories.UserFactory.create_batch(5)
    with django_assert_num_queries(2):  # their choices, and one INSERT of the notifications
        _send(people)
    assert Notification.objects.count() == 5


def test_nobody_costs_nothing(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert _send([]) == 0
