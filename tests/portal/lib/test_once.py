"""No doubled writes: the one-time token of create forms (portal.lib.once).

Every create view is decorated (a new one without the token fails the walk over the URLconf); a form that
does not save leaves its token free; a POST without a token still works; the token is the person's own;
old tokens are pruned; and ten identical POSTs at once, against the real database, make one object and send
one set of e-mails."""

import datetime
import inspect
import re
import threading
import uuid

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core import mail
from django.db import connections
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from networks.meetings.models import Meeting, MeetingStatus
from partners.agreements.models import Agreement
from portal.lib import once
from portal.lib.once import FIELD, CreateToken
from tests import factories
from tests.networks.glossary.factories import term
from tests.networks.meetings.test_pages import _form as meeting_form
from tests.partners.agreements.test_create_once import AGREEMENT

# A view whose URL name says it creates something (or which is known to): it must take the token.
CREATES = re.compile(r"_(create|add|new|propose|apply|invite|upload|renew|amend|carry|import)$")
ALSO_CREATES = {"meetings:invitations", "meetings:poll_pick"}


def _views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            ns = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            yield from _views(pattern.url_patterns, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern.callback


def _create_views():
    return {
        name: view
        for name, view in _views(get_resolver().url_patterns)
        if not name.startswith("admin:") and (CREATES.search(name) or name in ALSO_CREATES)
    }


def test_every_create_view_takes_the_one_time_token():
    views = _create_views()
    assert len(views) >= 25  # the walk found the create views
    missing = sorted(name for name, view in views.items() if not getattr(view, "creates_once", False))
    assert missing == [], "create views without portal.lib.once.creates_once"


def test_every_create_view_marks_what_it_created():
    """A decorated view that never calls ``created()`` would let every token go: a replay would create again."""
    unmarked = []
    for name, view in _create_views().items():
        source = inspect.getsource(inspect.getmodule(inspect.unwrap(view)))
        if "created(request" not in source:
            unmarked.append(name)
    assert unmarked == []


def _create_meeting(client, network, token, **changes):
    return client.post(
        reverse("meetings:meeting_create", kwargs={"slug": network.slug}), {**meeting_form(**changes), FIELD: token}
    )


@pytest.mark.django_db
def test_an_invalid_form_keeps_its_token_free(client_for, network, coordinator):
    client = client_for(coordinator)
    token = str(uuid.uuid4())
    response = _create_meeting(client, network, token, title="")
    assert response.status_code == 200
    assert f'value="{token}"' in response.content.decode()  # shown again with the same token
    assert not CreateToken.objects.exists()
    response = _create_meeting(client, network, token)
    assert response.status_code == 302
    assert Meeting.objects.count() == 1
    claim = CreateToken.objects.get()
    assert (claim.user, claim.kind, claim.url) == (coordinator, "meetings:meeting_create", response["Location"])


@pytest.mark.django_db
def test_a_post_without_a_token_works_and_the_form_gets_a_fresh_one(client_for, network, coordinator):
    client = client_for(coordinator)
    url = reverse("meetings:meeting_create", kwargs={"slug": network.slug})
    invalid = client.post(url, meeting_form(title=""))
    assert invalid.status_code == 200
    assert re.search(r'name="once" value="[0-9a-f-]{36}"', invalid.content.decode())
    assert client.post(url, meeting_form()).status_code == 302
    assert client.post(url, {**meeting_form(), FIELD: "not-a-token"}).status_code == 302
    assert Meeting.objects.count() == 2


@pytest.mark.django_db
def test_the_token_is_the_persons_own(client_for, network, coordinator, member):
    token = str(uuid.uuid4())
    assert _create_meeting(client_for(coordinator), network, token).status_code == 302
    assert _create_meeting(client_for(member), network, token).status_code == 302
    assert Meeting.objects.count() == 2


@pytest.mark.django_db
def test_prune_removes_only_old_tokens(coordinator):
    now = timezone.now()
    old = CreateToken.objects.create(token=uuid.uuid4(), user=coordinator, kind="x", created_at=now - once.KEEP * 2)
    recent = CreateToken.objects.create(token=uuid.uuid4(), user=coordinator, kind="x", created_at=now)
    assert once.prune(now=now) == 1
    assert list(CreateToken.objects.values_list("pk", flat=True)) == [recent.pk]
    assert once.prune(now=now + datetime.timedelta(days=365)) == 1
    assert not CreateToken.objects.filter(pk=old.pk).exists()


def _post_at_once(user, url, data, threads=10):
    """``threads`` clients signed in as ``user`` POST ``data`` to ``url`` at the same moment."""
    barrier = threading.Barrier(threads)
    responses, errors = [], []
    clients = []
    for _ in range(threads):
        client = Client()
        client.force_login(user)
        clients.append(client)

    def post(client):
        try:
            barrier.wait(timeout=30)
            responses.append(client.post(url, data))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=post, args=(client,)) for client in clients]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert errors == []
    return responses


@pytest.mark.django_db(transaction=True)
def test_ten_identical_meeting_posts_at_once_make_one_meeting_and_one_set_of_e_mails(
    network, coordinator, member, observer, organisation
):
    mail.outbox.clear()
    url = reverse("meetings:meeting_create", kwargs={"slug": network.slug})
    data = {**meeting_form(organisations=[organisation.pk]), FIELD: str(uuid.uuid4())}
    responses = _post_at_once(coordinator, url, data)
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert [response.status_code for response in responses] == [302] * 10
    assert {response["Location"] for response in responses} == {meeting.get_absolute_url()}
    assert sorted(message.to[0] for message in mail.outbox) == sorted([coordinator.email, member.email, observer.email])


@pytest.mark.django_db(transaction=True)
def test_ten_identical_agreement_posts_at_once_make_one_agreement(network, coordinator):
    url = reverse("agreements:agreement_create", kwargs={"network": network.slug})
    responses = _post_at_once(coordinator, url, {**AGREEMENT, FIELD: str(uuid.uuid4())})
    assert Agreement.objects.count() == 1
    agreement = Agreement.objects.get()
    assert {response["Location"] for response in responses} == {agreement.get_absolute_url()}
    assert CreateToken.objects.count() == 1


@pytest.mark.django_db
def test_two_create_forms_on_one_page_have_tokens_and_ids_of_their_own(client_for, network, coordinator, member):
    """The agenda editor shows the add form and the carry form: each its own token, no id twice (valid HTML)."""
    start = timezone.now() - datetime.timedelta(days=20)
    earlier = factories.MeetingFactory(
        network=network,
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    factories.AgendaItemFactory(meeting=earlier, title="Kesken jäänyt", unfinished=True)
    meeting = factories.MeetingFactory(network=network, organiser=coordinator)
    page = client_for(coordinator).get(reverse("meetings:agenda_edit", kwargs={"pk": meeting.pk})).content.decode()
    tokens = re.findall(r'<input type="hidden" name="once" value="([0-9a-f-]{36})" id="([^"]+)"', page)
    assert len(tokens) == 2
    assert len({value for value, _id in tokens}) == 2
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_a_forms_crispy_helper_renders_the_token_whether_set_on_the_form_or_its_class():
    class Named(forms.Form):
        name = forms.CharField()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.helper = FormHelper()
            self.helper.layout = Layout("name")

    class Shared(forms.Form):
        name = forms.CharField()
        helper = FormHelper()

    assert once.with_token(Named)().helper.render_hidden_fields is True
    assert once.with_token(Shared)().helper.render_hidden_fields is True
    assert not hasattr(once.with_token(forms.Form)(), "helper")  # crispy makes its own, which renders every field


@pytest.mark.django_db
def test_a_form_sent_in_place_again_is_led_to_what_it_made_by_the_browser(client_for, network, member):
    """A comment sent twice with htmx (its answer lost on the way): the second gets ``HX-Redirect`` to the comment,
    not a redirect that would bring the whole page into the discussion's region."""
    guidance = term(network)
    client = client_for(member)
    url = reverse("glossary:comment_add", kwargs={"pk": guidance.pk})
    data = {"body": "Hyvä ehdotus.", FIELD: str(uuid.uuid4())}
    assert client.post(url, data, headers={"HX-Request": "true"}).status_code == 200
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and response["HX-Redirect"] == f"{guidance.get_absolute_url()}#comments"
    assert response.content == b""
    assert guidance.comments.count() == 1
