"""The goal index and a network's goal board: grouping, filters, pages, empty states and
who sees which buttons."""

import datetime

import pytest
from django.urls import reverse

from networks.goals.models import Goal, GoalStatus
from networks.goals.models.goals import STATUS_ORDER
from portal.lib.pagination import PAGE_SIZE
from tests import factories

EN = {"accept-language": "en"}


def _board(network, **params):
    url = reverse("goals:goal_board", kwargs={"slug": network.slug})
    return url, params


def _get(client, network, **params):
    url, params = _board(network, **params)
    return client.get(url, params, headers=EN)


def _titles(response) -> list[str]:
    return [goal.title for group in response.context["groups"] for goal in group["goals"]]


@pytest.fixture
def goals(network, organisation, partner_organisation):
    """One goal in every status (``STATUS_ORDER`` reversed, so the board must reorder them)."""
    made = {}
    areas = list(Goal.Area)
    for number, status in enumerate(reversed(STATUS_ORDER)):
        made[status] = factories.GoalFactory(
            network=network,
            title=f"Tavoite {status}",
            status=status,
            drop_reason="Ei enää ajankohtainen." if status == GoalStatus.DROPPED else "",
            quality_area=areas[number % len(areas)],
            owner_organisation=organisation if number % 2 else partner_organisation,
            period_start=datetime.date(2024 + number % 3, 1, 1),
            period_end=datetime.date(2024 + number % 3, 12, 31),
        )
    return made


# --- the index --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_index_lists_the_persons_networks_with_counts_per_status(client_for, member, network, other_network, goals):
    factories.GoalFactory(network=other_network, title="Toisen verkoston tavoite")
    response = client_for(member).get(reverse("goals:goal_index"), headers=EN)
    assert response.status_code == 200
    networks = response.context["networks"]
    assert [n.pk for n in networks] == [network.pk]
    assert networks[0].goal_total == len(STATUS_ORDER)
    assert [status for status, _label, _count in networks[0].status_counts] == STATUS_ORDER
    content = response.content.decode()
    assert reverse("goals:goal_board", kwargs={"slug": network.slug}) + "?status=proposed" in content
    assert "Toisen verkoston tavoite" not in content


@pytest.mark.django_db
def test_the_index_says_so_when_the_person_has_no_network(client_for, db):
    response = client_for(factories.UserFactory()).get(reverse("goals:goal_index"), headers=EN)
    assert response.context["networks"] == []
    assert "not in any network yet" in response.content.decode()


@pytest.mark.django_db
def test_the_header_links_to_the_goals(client_for, member):
    content = client_for(member).get(reverse("goals:goal_index")).content.decode()
    assert f'href="{reverse("goals:goal_index")}" aria-current="page"' in content


@pytest.mark.django_db
def test_the_network_page_links_to_its_board(client_for, member, network):
    content = client_for(member).get(reverse("networks:network_detail", kwargs={"slug": network.slug})).content
    assert reverse("goals:goal_board", kwargs={"slug": network.slug}).encode() in content


# --- grouping ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_board_groups_by_status_in_status_order(client_for, member, network, goals):
    response = _get(client_for(member), network)
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [group["key"] for group in groups] == STATUS_ORDER
    assert all(group["total"] == 1 for group in groups)
    dropped = goals[GoalStatus.DROPPED]
    assert reverse("goals:goal_detail", kwargs={"pk": dropped.pk}) in response.content.decode()


@pytest.mark.django_db
def test_the_board_groups_by_quality_area(client_for, member, network, goals):
    response = _get(client_for(member), network, group="area")
    groups = response.context["groups"]
    assert [group["key"] for group in groups] == [area for area in Goal.Area][: len(groups)]
    assert sum(group["total"] for group in groups) == len(STATUS_ORDER)
    assert response.context["form"]["group"].value() == "area"
    # An unknown grouping is the default one, not an error.
    response = _get(client_for(member), network, group="nonsense")
    assert response.status_code == 200
    assert response.context["group"] == "status"


# --- filters ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_board_filters_by_status_area_owner_text_and_year(
    client_for, member, network, goals, organisation, partner_organisation
):
    client = client_for(member)
    assert _titles(_get(client, network, status="agreed")) == ["Tavoite agreed"]
    agreed = goals[GoalStatus.AGREED]
    assert _titles(_get(client, network, area=agreed.quality_area)) == [
        goal.title for status in STATUS_ORDER for goal in [goals[status]] if goal.quality_area == agreed.quality_area
    ]
    owned = _titles(_get(client, network, owner=organisation.slug))
    assert owned and all(goals[title.split()[-1]].owner_organisation == organisation for title in owned)
    assert len(owned) + len(_titles(_get(client, network, owner=partner_organisation.slug))) == len(STATUS_ORDER)

    agreed.description = "Yhteinen opinto-ohjauksen kalenteri."
    agreed.save()
    assert _titles(_get(client, network, q="KALENTERI")) == ["Tavoite agreed"]
    assert _titles(_get(client, network, q="achieved")) == ["Tavoite achieved"]

    in_2025 = _titles(_get(client, network, year=2025))
    assert in_2025 and all(goals[title.split()[-1]].period_start.year == 2025 for title in in_2025)


@pytest.mark.django_db
def test_the_year_filter_takes_goals_whose_period_overlaps_the_year(client_for, member, network):
    factories.GoalFactory(
        network=network, title="Pitkä", period_start=datetime.date(2024, 6, 1), period_end=datetime.date(2026, 5, 31)
    )
    factories.GoalFactory(
        network=network,
        title="Myöhempi",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    client = client_for(member)
    assert _titles(_get(client, network, year=2025)) == ["Pitkä"]
    assert sorted(_titles(_get(client, network, year=2026))) == ["Myöhempi", "Pitkä"]


@pytest.mark.django_db
def test_invalid_filters_are_ignored_not_an_error(client_for, member, network, goals):
    response = _get(client_for(member), network, year="20x5", status="bogus", owner="nobody", page="x")
    assert response.status_code == 200
    assert len(_titles(response)) == len(STATUS_ORDER)
    assert response.context["form"].errors


@pytest.mark.django_db
def test_the_owner_filter_offers_only_this_networks_goal_owners(client_for, member, network, other_network, goals):
    elsewhere = other_network.memberships.get().organisation
    factories.GoalFactory(network=other_network, owner_organisation=elsewhere)
    choices = dict(_get(client_for(member), network).context["form"].fields["owner"].choices)
    assert elsewhere.slug not in choices


# --- empty states and pages -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_empty_board_invites_the_first_goal(client_for, coordinator, member, observer, network):
    content = _get(client_for(coordinator), network).content.decode()
    assert "no goals yet" in content
    assert "Create the first one" in content
    assert reverse("goals:goal_create", kwargs={"slug": network.slug}) in content
    content = _get(client_for(member), network).content.decode()
    assert "Propose the first one" in content
    content = _get(client_for(observer), network).content.decode()
    assert "no goals yet" in content
    assert reverse("goals:goal_create", kwargs={"slug": network.slug}) not in content


@pytest.mark.django_db
def test_no_match_says_so(client_for, member, network, goals):
    content = _get(client_for(member), network, q="ei löydy mitään").content.decode()
    assert "No goals match these filters" in content


@pytest.mark.django_db
def test_the_board_is_paginated_and_group_totals_cover_every_page(client_for, member, network):
    Goal.objects.bulk_create(
        Goal(
            network=network,
            title=f"Tavoite {number:03}",
            description="Kuvaus",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            quality_area=Goal.Area.SERVICE_PROVISION,
        )
        for number in range(PAGE_SIZE + 5)
    )
    client = client_for(member)
    first = _get(client, network)
    assert first.context["page_obj"].paginator.num_pages == 2
    assert len(_titles(first)) == PAGE_SIZE
    assert first.context["groups"][0]["total"] == PAGE_SIZE + 5
    second = _get(client, network, page=2)
    assert len(_titles(second)) == 5
    assert "?page=2" in first.content.decode()


@pytest.mark.django_db
def test_the_board_buttons_follow_the_role(client_for, coordinator, member, observer, network):
    create = reverse("goals:goal_create", kwargs={"slug": network.slug})
    rule = reverse("goals:goal_rule", kwargs={"slug": network.slug})
    report = reverse("goals:goal_report", kwargs={"slug": network.slug})
    content = _get(client_for(coordinator), network).content.decode()
    assert create in content and rule in content and report in content
    assert "New goal" in content
    content = _get(client_for(member), network).content.decode()
    assert create in content and rule not in content and report in content
    assert "Propose a goal" in content
    content = _get(client_for(observer), network).content.decode()
    assert create not in content and rule not in content and report in content


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("outsider", 404), ("observer", 200), ("admin", 200)])
def test_who_may_open_the_board(client_for, cast, network, role, status):
    assert _get(client_for(cast[role]), network).status_code == status
