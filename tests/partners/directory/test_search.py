"""What the directory puts into the search, kept current: organisations and their services follow saves and
deletes; a person's entry follows their name and expertise, never their organisations or a network's own terms."""

import pytest

from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.portal.search.search_helpers import titles


@pytest.mark.django_db
def test_saves_and_deletes_keep_the_index_current(member, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        org = factories.OrganisationFactory(name="Äänekosken kirjasto", slug="aanekoski")
        factories.MembershipFactory(network=network, organisation=org)
        service = factories.GuidanceServiceFactory(organisation=org, name="Digituki")
    assert titles(member, "kirjastossa", SearchKind.ORGANISATION) == ["Äänekosken kirjasto"]
    assert titles(member, "digituki") == {SearchKind.SERVICE: ["Digituki"]}

    with django_capture_on_commit_callbacks(execute=True):
        org.name = "Äänekosken kulttuuritalo"
        org.save()
    assert titles(member, "kulttuuritalossa", SearchKind.ORGANISATION) == ["Äänekosken kulttuuritalo"]
    assert titles(member, "kirjasto") == {}
    # The service's entry shows its organisation's name: it follows the rename.
    assert SearchEntry.objects.get(kind=SearchKind.SERVICE, object_id=service.pk).subtitle == org.name

    with django_capture_on_commit_callbacks(execute=True):
        org.delete()
    assert titles(member, "kulttuuritalo") == {}
    assert titles(member, "digituki") == {}
    assert not SearchEntry.objects.filter(kind__in=[SearchKind.ORGANISATION, SearchKind.SERVICE]).exists()


@pytest.mark.django_db
def test_a_persons_entry_follows_their_name_and_expertise_but_not_organisations(
    member, organisation, django_capture_on_commit_callbacks
):
    area = factories.ExpertiseAreaFactory(name="Urasuunnittelu")
    with django_capture_on_commit_callbacks(execute=True):
        member.first_name, member.last_name = "Aino", "Korhonen"
        member.save()
    assert titles(member, "Korhosen", SearchKind.PERSON) == ["Aino Korhonen"]

    with django_capture_on_commit_callbacks(execute=True):
        member.expertise.add(area)
    assert titles(member, "urasuunnittelua", SearchKind.PERSON) == ["Aino Korhonen"]
    with django_capture_on_commit_callbacks(execute=True):
        area.name = "Uraohjaus"
        area.save()
    assert titles(member, "urasuunnittelu") == {}
    assert titles(member, "uraohjausta", SearchKind.PERSON) == ["Aino Korhonen"]
    with django_capture_on_commit_callbacks(execute=True):
        area.people.clear()
    assert titles(member, "uraohjaus") == {}

    # Organisation names are not indexed for people: the searcher may not see every organisation a
    # person they can see works for (a hidden organisation's name must not surface through them).
    with django_capture_on_commit_callbacks(execute=True):
        factories.AffiliationFactory(user=member, organisation__name="Salainen Zyxwv Oy", primary=False)
    assert titles(member, "zyxwv", SearchKind.PERSON) == []  # (the organisation itself is theirs to find)
    # Nor the terms of a network's own vocabulary: only portal-wide terms.
    private = factories.ExpertiseAreaFactory(name="Kvanttiohjaus", network=factories.NetworkFactory())
    with django_capture_on_commit_callbacks(execute=True):
        member.expertise.add(private)
    assert titles(member, "kvanttiohjaus") == {}

    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert not SearchEntry.objects.filter(kind=SearchKind.PERSON, object_id=member.pk).exists()


@pytest.mark.django_db
def test_saves_of_other_fields_do_not_reindex(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        member.save(update_fields=["last_login"])  # every sign-in
    assert callbacks == []
