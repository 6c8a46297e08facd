"""The privacy thresholds of the results: an organisation's averages only when enough respondents gave it
scores (not merely knew of it), the network's figures only when enough organisations answered, and who rated
whom for the network's coordinators only (an administrator's full rights are no coordinator's role)."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from networks.trust.metrics import Rating, compute
from tests.networks.trust.results.factories import orgs_in, trust_round

pytestmark = pytest.mark.django_db

AWARENESS, COOPERATION = 1, 2


def _get(client, user, round_, name="trust:round_results"):
    client.force_login(user)
    return client.get(reverse(name, kwargs={"pk": round_.pk}))


def _sheets(client, user, round_):
    response = _get(client, user, round_, "trust:round_results_export")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def _table_row(page, name):
    """The coordinators' table row of the organisation ``name``."""
    start = page.index(f'<th scope="row" class="fw-normal">{name}', page.index('id="organisations-heading"'))
    return page[start : page.index("</tr>", start)]


# --- an organisation's averages: counted from those who gave it scores -------------------------------------


def _rated(network, organisation, scored: int):
    """A closed round in which three organisations rated ``organisation``: ``scored`` of them as working
    together (trust 4, value 2), the rest as merely aware of it; it rated one of them."""
    others = orgs_in(network, 3)
    ratings = {
        (other, organisation): {"relationship": COOPERATION if i < scored else AWARENESS, "score": 4, "value": 2}
        for i, other in enumerate(others)
    }
    ratings[organisation, others[0]] = {"score": 1, "value": 1}  # so the network's means are neither 4 nor 2
    return trust_round(network, [organisation, *others], ratings)


def test_scored_raters_are_those_behind_the_averages():
    ratings = [
        Rating(rater=2, about=1, relationship=AWARENESS, scores=(None,) * 6),
        Rating(rater=3, about=1, relationship=AWARENESS, scores=(None,) * 6),
        Rating(rater=4, about=1, relationship=COOPERATION, scores=(4, 4, 4, 2, 2, 2)),
        Rating(rater=2, about=3, relationship=COOPERATION, scores=(4, 4, 4, 2, 2, 2)),
        Rating(rater=4, about=3, relationship=COOPERATION, scores=(4, 4, None, 2, 2, 2)),  # one left unanswered
    ]
    organisations = compute([1, 2, 3, 4], [2, 3, 4], ratings).organisations
    assert (organisations[1].raters, organisations[1].scored_raters) == (3, 1)
    assert (organisations[3].raters, organisations[3].scored_raters) == (2, 1)
    assert organisations[2].scored_raters == 0


@pytest.mark.parametrize(("scored", "shown"), [(1, False), (2, False), (3, True)])
def test_own_averages_need_enough_scores(client, network, organisation, member, scored, shown):
    assert network.trust_threshold == 3
    round_ = _rated(network, organisation, scored)
    assert round_.result.organisations.get(organisation=organisation).scored_raters == scored
    page = _get(client, member, round_).content.decode()
    assert ("4,00" in page) is shown  # its average trust
    assert ("2,00" in page) is shown  # its average value
    own = _sheets(client, member, round_)["Oma organisaatio"]
    assert own[1][:4] == ([organisation.name, 3, 4, 2] if shown else [organisation.name, 3, None, None])
    assert (own[1][4:10] == [4, 4, 4, 2, 2, 2]) is shown


@pytest.mark.parametrize(("scored", "shown"), [(2, False), (3, True)])
def test_coordinators_averages_need_enough_scores(client, network, organisation, coordinator, scored, shown):
    round_ = _rated(network, organisation, scored)
    page = _get(client, coordinator, round_).content.decode()
    row = _table_row(page, organisation.name)
    assert ('<td class="text-end">4,00</td>' in row) is shown
    assert ('<td class="text-end">2,00</td>' in row) is shown
    organisations = _sheets(client, coordinator, round_)["Organisaatiot"]
    row = next(row for row in organisations if row[0] == organisation.name)
    assert row[1] == 3  # how many rated it: the network's shape, shown to coordinators
    assert row[2:10] == ([4, 2, 4, 4, 4, 2, 2, 2] if shown else [None] * 8)


# --- the network's figures: only when enough organisations answered ----------------------------------------


def _answered(network, organisation, answered: int):
    """A closed round of four organisations after an earlier one (mean trust 2); ``answered`` of them answer
    this one, each rating the next with trust 4 and value 3."""
    orgs = [organisation, *orgs_in(network, 3)]
    trust_round(network, orgs, {(orgs[i], orgs[i + 1]): {"score": 2, "value": 2} for i in range(3)})
    ratings = {(orgs[i], orgs[(i + 1) % 4]): {"score": 4, "value": 3} for i in range(answered)}
    return trust_round(network, orgs, ratings)


def _labels(*texts):
    with translation.override("fi"):
        return [translation.gettext(text) for text in texts]


NETWORK_FIGURES = ("Density of ties", "Reciprocity", "Average trust (1–4)", "Average value (1–4)", "Communities")


@pytest.mark.parametrize(("answered", "shown"), [(2, False), (3, True)])
@pytest.mark.parametrize("who", ["member", "observer", "coordinator"])
def test_network_figures_need_enough_answers(client, network, organisation, request, who, answered, shown):
    assert network.trust_threshold == 3
    round_ = _answered(network, organisation, answered)
    assert round_.result.responded == answered
    shown = shown or who == "coordinator"  # the coordinators see them always
    user = request.getfixturevalue(who)
    page = _get(client, user, round_).content.decode()
    assert ("4,00" in page) is shown  # the average trust
    assert ("3,00" in page) is shown  # the average value
    assert ("2,00" in page) is shown  # what the average trust was in the previous round
    assert ('id="relationships-heading"' in page) is shown
    assert ('id="too-few-responses"' in page) is not shown
    assert "%" in page  # the response rate is always there
    labels = [row[0] for row in _sheets(client, user, round_)["Verkosto"] if row]
    assert all((label in labels) is shown for label in _labels(*NETWORK_FIGURES))
    assert _labels("Response rate")[0] in labels


# --- who rated whom: the network's coordinators by their role ---------------------------------------------


def test_an_administrator_does_not_see_who_rated_whom(client, network, organisation, coordinator, admin_user):
    others = orgs_in(network, 3)
    ratings = {(other, organisation): {"score": 4} for other in others} | {(organisation, others[0]): {"score": 1}}
    round_ = trust_round(network, [organisation, *others], ratings)
    assert admin_user.is_superuser and round_.permits(admin_user, "manage")  # full rights, no role in the network
    assert _get(client, admin_user, round_, "trust:round_result_pairs").status_code == 403
    page = _get(client, admin_user, round_).content.decode()
    assert reverse("trust:round_result_pairs", kwargs={"pk": round_.pk}) not in page
    assert all(other.name not in page for other in others)  # no ties, no organisations' table
    sheets = _sheets(client, admin_user, round_)
    assert list(sheets) == ["Verkosto"]  # no organisations, no pairs
    # The coordinator, by the role, sees them all.
    assert _get(client, coordinator, round_, "trust:round_result_pairs").status_code == 200
    assert list(_sheets(client, coordinator, round_)) == ["Verkosto", "Organisaatiot", "Parit"]
