"""The partnering-agreement scorecard: which parts of a good partnership agreement are written down.

The items follow what guidance on partnering agreements asks for: who the partners and their
representatives are, the shared objectives and each partner's own, what each partner brings, who does
what, how success is measured, and how the agreement is reviewed and left. Each item is *in place*,
*partly* there or *missing*, with a line saying what is lacking.

Computed from an agreement fetched with :func:`partners.agreements.selectors.agreement_page`: no queries.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners.agreements.models import Agreement, AgreementParty

IN_PLACE = "in_place"
PARTLY = "partly"
MISSING = "missing"
STATE_LABELS = {
    IN_PLACE: gettext_lazy("In place"),
    PARTLY: gettext_lazy("Partly"),
    MISSING: gettext_lazy("Missing"),
}


@dataclass(frozen=True)
class ScorecardItem:
    key: str
    label: str
    state: str
    hint: str = ""

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass
class Scorecard:
    items: list[ScorecardItem] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(item.state for item in self.items)
        return {state: counted.get(state, 0) for state in STATE_LABELS}

    @property
    def in_place(self) -> int:
        return self.counts[IN_PLACE]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        return self.in_place == self.total

    def get(self, key: str) -> ScorecardItem:
        return next(item for item in self.items if item.key == key)


def _names(parties) -> str:
    return ", ".join(str(party.organisation) for party in parties)


def _per_party(key: str, label: str, parties: list[AgreementParty], has, lacking: str) -> ScorecardItem:
    """All parties have it: in place; some: partly (naming those without); none or no parties: missing.

    ``lacking`` is a message with ``%(names)s`` for the parties that lack it.
    """
    without = [party for party in parties if not has(party)]
    if not parties:
        return ScorecardItem(key, label, MISSING, _("No parties yet."))
    if not without:
        return ScorecardItem(key, label, IN_PLACE)
    state = MISSING if len(without) == len(parties) else PARTLY
    return ScorecardItem(key, label, state, lacking % {"names": _names(without)})


def _partners(parties: list[AgreementParty]) -> ScorecardItem:
    label = _("Partners and their representatives named")
    unnamed = [party for party in parties if not party.signatory_name.strip()]
    if not parties:
        return ScorecardItem("partners", label, MISSING, _("No parties yet."))
    if len(unnamed) == len(parties):
        return ScorecardItem("partners", label, MISSING, _("No party has named its signatory."))
    if unnamed:
        return ScorecardItem(
            "partners", label, PARTLY, _("No signatory named for: %(names)s.") % {"names": _names(unnamed)}
        )
    if len(parties) < 2:
        return ScorecardItem("partners", label, PARTLY, _("An agreement needs at least two parties."))
    return ScorecardItem("partners", label, IN_PLACE)


def _shared_objectives(agreement: Agreement) -> ScorecardItem:
    label = _("Shared objectives")
    # The network's goals the agreement serves (linked from the goals' side; prefetched by agreement_page()).
    if agreement.goals.all():
        return ScorecardItem("shared_objectives", label, IN_PLACE)
    if agreement.purpose.strip():
        return ScorecardItem(
            "shared_objectives",
            label,
            PARTLY,
            _("Only the purpose is written: link the network's shared goals it serves (on each goal's page)."),
        )
    return ScorecardItem(
        "shared_objectives", label, MISSING, _("Write the purpose and link the network's shared goals it serves.")
    )


def _indicators(agreement: Agreement) -> ScorecardItem:
    label = _("Indicators of success")
    if agreement.indicators.strip():
        return ScorecardItem("indicators", label, IN_PLACE)
    return ScorecardItem("indicators", label, MISSING, _("Say how the parties will know the cooperation works."))


def _review(agreement: Agreement) -> ScorecardItem:
    label = _("Review and exit arrangements")
    has_date = agreement.review_date is not None
    has_text = bool(agreement.review_arrangements.strip())
    if has_date and has_text:
        return ScorecardItem("review", label, IN_PLACE)
    if has_text:
        return ScorecardItem("review", label, PARTLY, _("Set a review date."))
    if has_date:
        return ScorecardItem(
            "review", label, PARTLY, _("Describe how the agreement is reviewed and how a party leaves it.")
        )
    return ScorecardItem(
        "review", label, MISSING, _("Set a review date and describe how the agreement is reviewed and left.")
    )


def agreement_scorecard(agreement: Agreement, parties: list[AgreementParty] | None = None) -> Scorecard:
    """The scorecard of ``agreement`` (its parties and their commitments prefetched, or given as ``parties``)."""
    if parties is None:
        parties = list(agreement.parties.all())
    return Scorecard(
        items=[
            _partners(parties),
            _shared_objectives(agreement),
            _per_party(
                "own_objectives",
                _("Each partner's own objectives"),
                parties,
                lambda party: party.own_objectives.strip(),
                _("No own objectives written for: %(names)s."),
            ),
            _per_party(
                "commitments",
                _("Resources each partner commits"),
                parties,
                lambda party: len(party.commitments.all()) > 0,
                _("No commitments recorded for: %(names)s."),
            ),
            _per_party(
                "roles",
                _("Roles and responsibilities"),
                parties,
                lambda party: party.roles.strip(),
                _("No roles and responsibilities written for: %(names)s."),
            ),
            _indicators(agreement),
            _review(agreement),
        ]
    )
