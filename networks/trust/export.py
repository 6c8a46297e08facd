"""A closed trust survey's results as an XLSX workbook, with the same levels and privacy thresholds as the
results page, by the same person's rights (:class:`networks.trust.results.Audience`):

- everyone who sees the results: the sheet of network-level figures (those made of the answers when enough
  organisations answered, or for coordinators);
- an organisation's representative or deputy: also their own organisation's results, when at least the
  threshold's number of respondents rated it (its means and dimensions when at least that many gave it scores);
- coordinators: every organisation's structural figures, what the others said where over the threshold, and
  the pairs (who rated whom how; never the comments with names).

Text goes through :func:`partners.directory.tables.safe_cell`, so no cell is run as a formula; numbers stay
numbers.
"""

import io

from django.utils.translation import gettext as _

from networks.trust.metrics import DIMENSIONS
from networks.trust.models import TrustRating
from networks.trust.results import Audience, mark_shown
from partners.directory.tables import safe_cell


def _cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (int, float)):
        return round(value, 3) if isinstance(value, float) else value
    return ILLEGAL_CHARACTERS_RE.sub("", safe_cell(value))


def _dimension_labels():
    """The six dimensions' headings, in the order of ``DIMENSIONS``."""
    return [
        _("Reliability"),
        _("Openness to discussion"),
        _("Support of the shared mission"),
        _("Influence"),
        _("Level of involvement"),
        _("Resource contribution"),
    ]


def _network_sheet(book, round_, audience: Audience):
    result = audience.result
    sheet = book.create_sheet(title=_("Network")[:31])
    sheet.append([_cell(_("Trust survey: %(title)s") % {"title": round_.title})])
    sheet.append([_cell(_("Network")), _cell(round_.network.name)])
    rows = [
        (_("Organisations asked"), result.asked),
        (_("Organisations responded"), result.responded),
        (_("Response rate"), result.response_rate),
    ]
    if audience.network_shown:
        rows += [
            (_("Density of ties"), result.density),
            (_("Reciprocity"), result.reciprocity),
            (_("Average trust (1–4)"), result.average_trust),
            (_("Average value (1–4)"), result.average_value),
            (_("Communities"), len(result.figures.get("communities", []))),
            (_("Isolated members"), len(result.figures.get("isolated", []))),
        ]
    rows.append((_("Privacy threshold"), result.threshold))
    for label, value in rows:
        sheet.append([_cell(label), _cell(value)])
    if not audience.network_shown:
        sheet.append([_cell(_("Too few organisations answered to show the network's figures."))])


def _own_header():
    return [_("Organisation"), _("Respondents who rated it"), _("Average trust"), _("Average value")]


def _said(row) -> list:
    """The organisation's means and six dimensions: empty cells unless enough respondents gave it scores."""
    said = [row.average_trust, row.average_value, *(getattr(row, name) for name in DIMENSIONS)]
    return said if row.scores_shown else [None] * len(said)


def _own_sheet(book, audience: Audience):
    sheet = book.create_sheet(title=_("Own organisation")[:31])
    sheet.append([_cell(title) for title in [*_own_header(), *_dimension_labels(), _("Comments")]])
    for row in audience.own:
        if not row.shown:
            continue
        sheet.append(
            [_cell(value) for value in [row.organisation.name, row.raters, *_said(row), "\n".join(row.comments)]]
        )


def _organisations_sheet(book, result):
    sheet = book.create_sheet(title=_("Organisations")[:31])
    structural = [_("Responded"), _("Ties"), _("Degree centrality"), _("Betweenness centrality")]
    structural += [_("Community"), _("Isolated")]
    sheet.append([_cell(title) for title in [*_own_header(), *_dimension_labels(), *structural]])
    rows = result.organisations.select_related("organisation").order_by("organisation__name", "pk")
    for row in mark_shown(rows.iterator(chunk_size=1000), result):
        shape = [row.responded, row.degree, row.degree_centrality, row.betweenness, row.community, row.is_isolated]
        sheet.append([_cell(value) for value in [row.organisation.name, row.raters, *_said(row), *shape]])


def _pairs_sheet(book, round_):
    sheet = book.create_sheet(title=_("Pairs")[:31])
    header = [_("Respondent"), _("Rated organisation"), _("Relationship"), *_dimension_labels()]
    sheet.append([_cell(title) for title in header])
    ratings = (
        TrustRating.objects.filter(response__round=round_, response__submitted_at__isnull=False)
        .select_related("response__organisation", "about")
        .order_by("response__organisation__name", "about__name", "pk")
    )
    for rating in ratings.iterator(chunk_size=2000):
        values = [rating.response.organisation.name, rating.about.name, rating.get_relationship_display()]
        sheet.append([_cell(value) for value in [*values, *(getattr(rating, name) for name in DIMENSIONS)]])


def workbook(round_, audience: Audience) -> bytes:
    """The workbook of what ``audience`` may see of the round's results."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _network_sheet(book, round_, audience)
    if any(row.shown for row in audience.own):
        _own_sheet(book, audience)
    if audience.coordinator:
        _organisations_sheet(book, audience.result)
        _pairs_sheet(book, round_)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
