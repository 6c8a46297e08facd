"""The agreement list, its export, the organisation page's agreements and the dashboard's agreement lists."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from partners.agreements import services as agreement_services
from partners.agreements.models import Agreement, AgreementParty
from portal.lib.access import Role
from tests import factories
from tests.querybudget import assert_budget

S = Agreement.Status
LIST = reverse("agreements:agreement_list")


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [agreement.title for agreement in response.context["page_obj"].object_list]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def xlsx_rows(response) -> list[list[str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).worksheets[0]
    return [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]


def _agreement(network, title, parties, **fields):
    agreement = factories.AgreementFactory(network=network, title=title, **fields)
    for organisation in parties:
        factories.AgreementPartyFactory(agreement=agreement, organisation=organisation)
    return agreement


@pytest.fixture
def third_organisation(network):
    org = factories.OrganisationFactory(name="Ohjaamo", slug="ohjaamo")
    factories.MembershipFactory(network=network, organisation=org)
    return org


@pytest.fixture
def several(network, organisation, partner_organisation, third_organisation, agreement):
    """``agreement`` (a draft of organisation and Gradia) and three more of the network."""
    return {
        "draft": agreement,
        "soon": _agreement(
            network,
            "Nuorten palvelut",
            [organisation, third_organisation],
            kind=Agreement.Kind.SERVICE,
            status=S.EXPIRING,
            valid_from=days(-300),
            valid_until=days(20),
            review_date=days(10),
        ),
        "later": _agreement(
            network,
            "Strateginen kumppanuus",
            [partner_organisation, third_organisation],
            kind=Agreement.Kind.STRATEGIC,
            status=S.ACTIVE,
            valid_from=days(-10),
            valid_until=days(200),
        ),
        "ended": _agreement(
            network,
            "Vanha aiesopimus",
            [organisation, partner_organisation],
            kind=Agreement.Kind.MOU,
            status=S.TERMINATED,
            termination_reason="Toiminta päättyi.",
        ),
    }


# --- the list -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_the_networks_agreements_in_force_first(client_for, member, several):
    response = client_for(member).get(LIST)
    # in force (ending soonest first), then being written, then ended
    assert titles(response) == [
        "Nuorten palvelut",
        "Strateginen kumppanuus",
        "Yhteinen ohjauspiste",
        "Vanha aiesopimus",
    ]
    content = response.content.decode()
    assert "Ohjaamo" in content and "Gradia" in content  # the parties
    assert reverse("agreements:agreement_detail", kwargs={"pk": several["soon"].pk}) in content
    assert "Ohjaajan työaikaa" not in content  # never commitments


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=active", ["Strateginen kumppanuus"]),
        ("status=draft", ["Yhteinen ohjauspiste"]),
        ("kind=mou", ["Vanha aiesopimus"]),
        ("kind=service", ["Nuorten palvelut"]),
        ("party=ohjaamo", ["Nuorten palvelut", "Strateginen kumppanuus"]),
        ("party=gradi", ["Strateginen kumppanuus", "Yhteinen ohjauspiste", "Vanha aiesopimus"]),
        ("expiring_within=30", ["Nuorten palvelut"]),
        ("expiring_within=365", ["Nuorten palvelut", "Strateginen kumppanuus"]),
        ("expiring_within=5", []),
        ("q=PALVELU", ["Nuorten palvelut"]),
        ("status=active&party=ohjaamo", ["Strateginen kumppanuus"]),
        # invalid values are ignored (shown as form errors), never a failure
        (
            "expiring_within=0&status=nonsense",
            ["Nuorten palvelut", "Strateginen kumppanuus", "Yhteinen ohjauspiste", "Vanha aiesopimus"],
        ),
    ],
)
@pytest.mark.django_db
def test_list_filters(client_for, member, several, query, expected):
    assert titles(client_for(member).get(f"{LIST}?{query}")) == expected


@pytest.mark.django_db
def test_network_filter_offers_and_applies_the_persons_networks(client_for, member, several, other_network):
    factories.NetworkRoleFactory(network=other_network, user=member)
    elsewhere = _agreement(other_network, "Toisen verkoston sopimus", [other_network.memberships.get().organisation])
    client = client_for(member)
    assert elsewhere.title in titles(client.get(LIST))
    assert titles(client.get(f"{LIST}?network=toinen")) == [elsewhere.title]
    assert elsewhere.title not in titles(client.get(f"{LIST}?network=keski-suomi"))
    # a network the person has no role in is not a choice: ignored
    assert "Toisen verkoston sopimus" in titles(client.get(f"{LIST}?network=not-mine"))


@pytest.mark.django_db
def test_outsider_sees_none_of_the_networks_agreements(client_for, outsider, observer, several, other_network):
    own = _agreement(other_network, "Toisen verkoston sopimus", [other_network.memberships.get().organisation])
    assert titles(client_for(outsider).get(LIST)) == [own.title]
    # an observer of the network sees that they exist (not their commitments)
    assert len(titles(client_for(observer).get(LIST))) == 4


@pytest.mark.django_db
def test_empty_list_and_new_agreement_links(client_for, coordinator, member, network):
    response = client_for(member).get(LIST)
    assert titles(response) == []
    assert response.context["coordinated"] == []
    assert reverse("agreements:agreement_create", kwargs={"network": network.slug}) not in response.content.decode()
    response = client_for(coordinator).get(LIST)
    assert response.context["coordinated"] == [network]
    assert reverse("agreements:agreement_create", kwargs={"network": network.slug}) in response.content.decode()


@pytest.mark.django_db
def test_export_links_carry_the_filters(client_for, member, several):
    content = client_for(member).get(f"{LIST}?status=active&party=ohjaamo").content.decode()
    assert reverse("agreements:agreement_export", kwargs={"fmt": "csv"}) + "?status=active&amp;party=ohjaamo" in content


@pytest.mark.django_db
def test_list_query_budget(client_for, member, network, organisation, partner_organisation, several):
    client = client_for(member)

    def grow():
        agreements = Agreement.objects.bulk_create(
            Agreement(network=network, title=f"Sopimus {i}", status=S.ACTIVE, valid_until=days(i)) for i in range(496)
        )
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=agreement, organisation=org)
            for agreement in agreements
            for org in (organisation, partner_organisation)
        )

    # session, user, MFA check, the person's networks (filter and "new" links), count, a page, its parties, the
    # header's unread count
    assert_budget(client, LIST, budget=8, grow=grow)
    assert Agreement.objects.count() == 500


# --- the export -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_csv(client_for, member, coordinator, several):
    several["later"].coordinator = coordinator
    several["later"].notice_period_days = 120
    several["later"].save()
    response = client_for(member).get(reverse("agreements:agreement_export", kwargs={"fmt": "csv"}) + "?status=active")
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv_rows(response)
    assert header[:5] == ["Title", "Network", "Kind", "Status", "Parties"]
    assert len(header) == 11
    assert rows == [
        [
            "Strateginen kumppanuus",
            "Keski-Suomen ohjausverkosto",
            "Strategic partnership agreement",
            "Active",
            "Gradia; Ohjaamo",
            days(-10).isoformat(),
            days(200).isoformat(),
            "120",
            "",
            coordinator.get_full_name(),
            "1",
        ]
    ]


@pytest.mark.django_db
def test_export_xlsx_has_every_visible_agreement_and_is_safe(client_for, member, network, organisation, several):
    _agreement(network, '=HYPERLINK("http://x")', [organisation])
    response = client_for(member).get(reverse("agreements:agreement_export", kwargs={"fmt": "xlsx"}))
    header, *rows = xlsx_rows(response)
    assert header[0] == "Title"
    assert sorted(row[0] for row in rows) == sorted(
        [
            "Nuorten palvelut",
            "Strateginen kumppanuus",
            "Yhteinen ohjauspiste",
            "Vanha aiesopimus",
            '\'=HYPERLINK("http://x")',
        ]
    )
    [soon] = [row for row in rows if row[0] == "Nuorten palvelut"]
    assert soon[4] == "Jyväskylän kansalaisopisto; Ohjaamo"
    assert soon[8] == days(10).isoformat()


@pytest.mark.django_db
def test_outsiders_export_lacks_the_networks_agreements(client_for, outsider, several, other_network):
    _agreement(other_network, "Toisen verkoston sopimus", [other_network.memberships.get().organisation])
    for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        response = client_for(outsider).get(reverse("agreements:agreement_export", kwargs={"fmt": fmt}))
        _header, *rows = read(response)
        assert [row[0] for row in rows] == ["Toisen verkoston sopimus"]


@pytest.mark.django_db
def test_export_query_count_is_constant(client_for, member, network, organisation, partner_organisation, several):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("agreements:agreement_export", kwargs={"fmt": "csv"})
    client = client_for(member)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            body(client.get(url))
        return len(ctx.captured_queries)

    small = count()
    agreements = Agreement.objects.bulk_create(Agreement(network=network, title=f"S {i}") for i in range(300))
    AgreementParty.objects.bulk_create(AgreementParty(agreement=a, organisation=organisation) for a in agreements)
    assert count() == small


# --- the organisation page ------------------------------------------------------------------------


@pytest.mark.django_db
def test_organisation_page_lists_its_visible_agreements(client_for, member, organisation, several, other_network):
    hidden_network_org = other_network.memberships.get().organisation
    factories.MembershipFactory(network=other_network, organisation=organisation)
    hidden = _agreement(other_network, "Salainen sopimus", [organisation, hidden_network_org])
    url = reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})
    response = client_for(member).get(url)
    shown = [agreement.title for agreement in response.context["agreements"]]
    # its agreements in the member's network (not Strateginen kumppanuus: not a party), not the other network's
    assert shown == ["Nuorten palvelut", "Yhteinen ohjauspiste", "Vanha aiesopimus"]
    content = response.content.decode()
    assert reverse("agreements:agreement_detail", kwargs={"pk": several["soon"].pk}) in content
    assert hidden.title not in content


@pytest.mark.django_db
def test_organisation_page_without_agreements_has_no_section(client_for, member, organisation):
    response = client_for(member).get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug}))
    assert "agreements" not in response.context
    assert 'id="agreements-heading"' not in response.content.decode()


# --- the dashboard --------------------------------------------------------------------------------


@pytest.fixture
def negotiation(agreement, partner_organisation, coordinator):
    """``agreement`` in negotiation, signed by Gradia but not yet by the member's organisation."""
    agreement_services.agreement_start_negotiation(agreement=agreement)
    party = agreement.parties.get(organisation=partner_organisation)
    agreement_services.party_sign(
        party=party, user=coordinator, signatory_name="Rehtori", signatory_title="", signed_on=timezone.localdate()
    )
    return agreement


@pytest.mark.django_db
def test_dashboard_lists_for_coordinators(client_for, coordinator, network, organisation, several, negotiation):
    stalled = _agreement(network, "Unohtunut luonnos", [organisation])
    Agreement.objects.filter(pk=stalled.pk).update(updated_at=timezone.now() - datetime.timedelta(days=31))
    _agreement(network, "Tuore luonnos", [organisation])
    _agreement(network, "Kaukainen loppu", [organisation], status=S.ACTIVE, valid_until=days(120))
    todo = client_for(coordinator).get(reverse("portal:home")).context["agreement_todo"]
    assert [a.title for a in todo.expiring] == ["Nuorten palvelut"]
    assert [a.title for a in todo.stalled] == ["Unohtunut luonnos"]
    assert [(a.title, a.unsigned_names) for a in todo.unsigned] == [
        ("Yhteinen ohjauspiste", ["Jyväskylän kansalaisopisto"])
    ]
    assert todo.counts == {"expiring": 1, "stalled": 1, "unsigned": 1}


@pytest.mark.django_db
def test_dashboard_lists_are_limited_and_counted(client_for, coordinator, network, organisation):
    for i in range(12):
        _agreement(network, f"Päättyvä {i:02}", [organisation], status=S.EXPIRING, valid_until=days(30 + i))
    todo = client_for(coordinator).get(reverse("portal:home")).context["agreement_todo"]
    assert [a.title for a in todo.expiring] == [f"Päättyvä {i:02}" for i in range(10)]
    assert todo.counts["expiring"] == 12


@pytest.mark.django_db
def test_dashboard_awaiting_my_organisations_signature(client_for, member, observer, coordinator, negotiation):
    response = client_for(member).get(reverse("portal:home"))
    assert "agreement_todo" not in response.context  # a member coordinates nothing
    [waiting] = response.context["awaiting_signature"]
    assert waiting == negotiation
    assert waiting.my_unsigned_names == ["Jyväskylän kansalaisopisto"]
    assert waiting.awaiting_count == 1
    assert negotiation.title in response.content.decode()
    # the observer works there but does not represent it
    assert "awaiting_signature" not in client_for(observer).get(reverse("portal:home")).context
    # once signed, nothing waits
    party = negotiation.parties.get(organisation__slug="kansalaisopisto")
    agreement_services.party_sign(
        party=party, user=member, signatory_name="Johtaja", signatory_title="", signed_on=timezone.localdate()
    )
    assert "awaiting_signature" not in client_for(member).get(reverse("portal:home")).context


@pytest.mark.django_db
def test_deputy_sees_awaiting_signature_too(client_for, network, organisation, negotiation):
    deputy = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=deputy, role=Role.MEMBER)
    network.memberships.filter(organisation=organisation).update(deputy=deputy)
    assert client_for(deputy).get(reverse("portal:home")).context["awaiting_signature"] == [negotiation]


@pytest.mark.django_db
def test_coordinators_dashboard_query_budget(client_for, coordinator, network, organisation, partner_organisation):
    def grow():
        for status, valid_until in ((S.EXPIRING, days(30)), (S.DRAFT, None), (S.NEGOTIATION, None)):
            agreements = Agreement.objects.bulk_create(
                Agreement(network=network, title=f"{status} {i}", status=status, valid_until=valid_until)
                for i in range(100)
            )
            AgreementParty.objects.bulk_create(
                AgreementParty(agreement=a, organisation=org)
                for a in agreements
                for org in (organisation, partner_organisation)
            )
        Agreement.objects.filter(status=S.DRAFT).update(updated_at=timezone.now() - datetime.timedelta(days=40))

    # session, user, MFA check, networks, affiliations, the membership to-do list, the agreement lists,
    # agreements awaiting the person's organisation's signature, goals awaiting an answer, goal proposals,
    # the person's open action items and next meetings, the surveys waiting for the person's organisations,
    # the open rounds' response rate, the trust trend of the coordinated networks, the upcoming joint
    # activities and the organisations with no new contacts this year, the latest news, the header's unread count
    assert_budget(client_for(coordinator), reverse("portal:home"), budget=19, grow=grow)
    todo = client_for(coordinator).get(reverse("portal:home")).context["agreement_todo"]
    assert todo.counts == {"expiring": 100, "stalled": 100, "unsigned": 100}
