"""Sending a create form twice (no doubled writes).

:func:`assert_created_once` posts a create form with a one-time token, then posts the very same again (a
double click, a reload after a slow answer): the second POST must create nothing, send no e-mail and lead to
what the first one created. On a portal without the token both POSTs create, and the count shows it.
"""

import uuid

from django.contrib.messages import get_messages
from django.core import mail

from portal.lib.once import FIELD


def assert_created_once(client, url, data, count, capture, *, made: int = 1):
    """``data()`` gives the form's fields (fresh each time, for uploaded files); ``count()`` counts the rows
    the form creates; ``capture`` is pytest-django's ``django_capture_on_commit_callbacks`` (so that the
    e-mail queued on commit is sent). Returns the first response."""
    token = str(uuid.uuid4())
    before = count()
    with capture(execute=True):
        first = client.post(url, {**data(), FIELD: token})
    assert first.status_code == 302, first.content.decode()[:3000]
    assert count() == before + made
    sent = len(mail.outbox)
    with capture(execute=True):
        second = client.post(url, {**data(), FIELD: token})
    assert count() == before + made, "the second POST with the same token created again"
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert len(mail.outbox) == sent
    notes = [str(message) for message in get_messages(second.wsgi_request)]
    assert any("already saved" in note or "jo tallennettu" in note for note in notes), notes
    return first


def assert_form_carries_token(client, url):
    """The page at ``url`` (GET) shows a form with the hidden one-time token."""
    response = client.get(url)
    assert response.status_code == 200
    assert f'name="{FIELD}"' in response.content.decode(), url
