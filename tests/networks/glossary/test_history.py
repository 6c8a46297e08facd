"""Every comment and every earlier definition of a term can be reached: the discussion a page at a time on the
term's page (newest first), the earlier definitions on the term's page (the newest) and, all of them, a page at
a time on the definition's history page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.glossary import selectors
from networks.glossary.models import DefinitionVersion, TermComment
from tests.networks.glossary.factories import term

pytestmark = pytest.mark.django_db


@pytest.fixture
def guidance(network):
    return term(network, "ohjaus", "Tukemista.")


def _comments(guidance, author, n):
    start = timezone.now() - datetime.timedelta(days=1)
    for number in range(n):
        comment = TermComment.objects.create(term=guidance, author=author, body=f"Kommentti {number}.")
        TermComment.objects.filter(pk=comment.pk).update(created_at=start + datetime.timedelta(minutes=number))


def _versions(guidance, n):
    start = timezone.now() - datetime.timedelta(days=1)
    DefinitionVersion.objects.bulk_create(
        DefinitionVersion(
            term=guidance,
            term_fi="ohjaus",
            definition_fi=f"Versio {number}.",
            defined_at=start,
            replaced_at=start + datetime.timedelta(minutes=number),
        )
        for number in range(n)
    )


def test_the_discussion_is_paged_newest_first(client_for, member, guidance):
    per_page = selectors.COMMENTS_PER_PAGE
    _comments(guidance, member, per_page + 5)
    client = client_for(member)
    first = client.get(guidance.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Kommentti {per_page + 4}." in first and "Kommentti 4." not in first
    assert 'aria-label="Pages of comments"' in first and 'href="?page=2"' in first
    second = client.get(f"{guidance.get_absolute_url()}?page=2").content.decode()
    assert "Kommentti 4." in second and "Kommentti 0." in second and f"Kommentti {per_page + 4}." not in second
    # a comment added in place comes back on the first page, where the newest are
    url = reverse("glossary:comment_add", kwargs={"pk": guidance.pk})
    html = client.post(f"{url}?page=2", {"body": "Uusin."}, HTTP_HX_REQUEST="true").content.decode()
    assert "Uusin." in html and "Kommentti 0." not in html


def test_the_earlier_definitions_are_all_on_the_history_page(client_for, member, guidance):
    shown, per_page = selectors.VERSIONS_SHOWN, selectors.VERSIONS_PER_PAGE
    _versions(guidance, per_page + 2)
    client = client_for(member)
    history = reverse("glossary:term_history", kwargs={"pk": guidance.pk})
    page = client.get(guidance.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count('lang="fi"><strong>ohjaus</strong>: Versio') == shown
    assert f'<a href="{history}">All {per_page + 2} earlier versions</a>' in page
    first = client.get(history, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Versio {per_page + 1}." in first and "Versio 1." not in first
    assert 'aria-label="Pages of earlier versions"' in first
    second = client.get(f"{history}?page=2").content.decode()
    assert "Versio 1." in second and "Versio 0." in second


def test_no_link_to_the_history_when_the_term_page_shows_it_all(client_for, member, guidance):
    _versions(guidance, selectors.VERSIONS_SHOWN)
    page = client_for(member).get(guidance.get_absolute_url()).content.decode()
    assert reverse("glossary:term_history", kwargs={"pk": guidance.pk}) not in page


def test_the_history_page_is_seen_by_whoever_sees_the_term(client_for, network, organisation, outsider, guidance):
    from tests import factories

    representative = factories.UserFactory()
    network.memberships.filter(organisation=organisation).update(representative=representative)
    url = reverse("glossary:term_history", kwargs={"pk": guidance.pk})
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(representative).get(url).status_code == 200
