"""The endorsement panel of a goal's page: where the latest round stands.

:func:`endorsement_panel` works from :func:`networks.goals.selectors.goal_page`'s prefetches (the rounds
newest first, each with its revision and answers) and makes one query of its own: the network's active
member organisations with their names and their representatives and deputies. That query also tells
which organisations the viewer answers for, so the goal's access check needs no further query for it.
The template is templates/networks/goals/includes/endorsement_panel.html.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from networks.goals.endorsement import Tally, may_open_endorsement, tally
from networks.goals.forms.endorsement import EndorsementAnswerForm
from networks.goals.models import Endorsement, EndorsementRound, Goal, rule_text
from networks.memberships.models import EndorsementRule, Membership, MembershipStatus
from partners.directory.models import Organisation
from portal.lib.translated import with_languages


def progress_text(result: Tally) -> str:
    """Where a round stands in one line, e.g. "4 of 6 in favour, 2 missing"."""
    if result.rule == EndorsementRule.MAJORITY:
        numbers = {"in_favour": result.in_favour, "needed": result.needed}
        parts = [_("%(in_favour)s in favour, %(needed)s needed") % numbers]
    else:
        parts = [
            _("%(in_favour)s of %(required)s in favour") % {"in_favour": result.in_favour, "required": result.required}
        ]
    if result.missing:
        parts.append(_("%(missing)s missing") % {"missing": result.missing})
    if result.objections:
        parts.append(
            ngettext("%(count)s objection", "%(count)s objections", result.objections) % {"count": result.objections}
        )
    return ", ".join(parts)


@dataclass
class PanelRow:
    """One organisation in the panel: its answer in the round (None: not answered yet)."""

    organisation_id: int
    name: str
    slug: str
    answer: Endorsement | None
    mine: bool = False


def _current_answers(round_: EndorsementRound) -> dict[int, Endorsement]:
    return {answer.organisation_id: answer for answer in round_.answers.all() if answer.is_current}


def _active_memberships(goal: Goal) -> list[Membership]:
    """The network's active member organisations, by name, with their representatives and deputies."""
    return list(
        Membership.objects.filter(network_id=goal.network_id, status=MembershipStatus.ACTIVE)
        .select_related("organisation")
        .only(
            "organisation_id",
            "representative_id",
            "deputy_id",
            *with_languages("organisation__name"),
            "organisation__slug",
        )
        .order_by("organisation__name", "organisation_id")
    )


def _closed_round(answers: dict[int, Endorsement]) -> dict:
    """A closed round: who had to answer then is not kept, so the answers the round closed with."""
    return {
        "answered": [
            PanelRow(answer.organisation_id, answer.organisation.name, answer.organisation.slug, answer)
            for answer in sorted(answers.values(), key=lambda answer: answer.organisation.name)
        ]
    }


def _open_round(round_, answers: dict[int, Endorsement], memberships, mine, today: datetime.date) -> dict:
    """An open round: the tally among the active members now, who has answered and who has not."""
    active_ids = [membership.organisation_id for membership in memberships]
    result = tally(round_, active_ids, answers.values())
    rows = [
        PanelRow(
            membership.organisation_id,
            membership.organisation.name,
            membership.organisation.slug,
            answers.get(membership.organisation_id),
            mine=membership.organisation_id in mine,
        )
        for membership in memberships
    ]
    active = set(active_ids)
    deadline_passed = round_.deadline < today
    return {
        "tally": result,
        "progress": progress_text(result),
        "answered": [row for row in rows if row.answer is not None],
        "missing": [row for row in rows if row.answer is None],
        # Answers of organisations that have left or paused since: kept, but no longer counted.
        "not_counted": sorted(
            (answer for answer in answers.values() if answer.organisation_id not in active),
            key=lambda answer: answer.organisation.name,
        ),
        "deadline_passed": deadline_passed,
        "days_left": (round_.deadline - today).days,
        "may_answer": bool(mine) and not deadline_passed,
        "my_rows": [row for row in rows if row.mine],
    }


def for_the_panel(form: EndorsementAnswerForm, goal: Goal, choices: list[tuple[int, str]] | None = None):
    """The answer form as the panel shows it: ids of its own, the organisation a hidden field when the person
    answers for one only, and sent with htmx, which renders the panel again in its place (the form works
    without JavaScript too: the same POST). ``choices``: the organisations as (id, name), known from the
    panel's rows, so that the form asks no query of its own."""
    form.auto_id = "endorse-%s"
    for name, errors in form.errors.items():  # made with the default ids: the fields' aria-describedby follow
        if name in form.fields:
            errors.field_id = form[name].auto_id
    field = form.fields["organisation"]
    if choices is not None:
        field.choices = choices
    if len(field.choices) == 1:
        field.widget = forms.HiddenInput()
    if form.is_bound and "reason" in form.errors:
        form.fields["reason"].widget.attrs["autofocus"] = True  # htmx focuses it once the panel is in place
    url = reverse("goals:endorsement_answer", kwargs={"pk": goal.pk})
    form.helper.form_action = url
    form.helper.form_id = "endorsement-form"
    form.helper.attrs = {"data-hx-post": url, "data-hx-target": "#endorsement", "data-hx-swap": "outerHTML"}
    return form


def _answer_form(goal: Goal, round_: EndorsementRound, rows: list[PanelRow]) -> EndorsementAnswerForm:
    """A blank answer form for the organisations of ``rows`` (the person's own)."""
    organisations = [Organisation(pk=row.organisation_id, name=row.name) for row in rows]
    form = EndorsementAnswerForm(organisations=organisations, round_=round_)
    return for_the_panel(form, goal, [(row.organisation_id, row.name) for row in rows])


def endorsement_panel(goal: Goal, user, today: datetime.date | None = None) -> dict:
    """The context of the endorsement panel: the latest round, its rule, who has answered and who has
    not (for an open round, among the active members now), the deadline, and what ``user`` may do."""
    today = today or timezone.localdate()
    memberships = _active_memberships(goal)
    mine = frozenset(
        membership.organisation_id
        for membership in memberships
        if user.is_authenticated and user.pk in (membership.representative_id, membership.deputy_id)
    )
    access = goal.access(user)
    # The same answer GoalAccess.answers_for would query for: keep it, the page asks again.
    access.__dict__.setdefault("answers_for", mine)
    can_manage = access.permits("manage")
    rounds = list(goal.rounds.all())
    round_ = rounds[0] if rounds else None
    context = {
        "goal": goal,
        "round": round_,
        "rounds_count": len(rounds),
        "can_manage": can_manage,
        "may_open": can_manage and may_open_endorsement(goal),
        "network_rule": rule_text(goal.network.goal_rule, goal.network.goal_rule_size),
        "may_answer": False,
    }
    if round_ is None:
        return context
    answers = _current_answers(round_)
    context.update(
        rule=rule_text(round_.rule, round_.set_size),
        revision=round_.revision,
        text_is_current=round_.revision.number == goal.revision,
        deadline=round_.deadline,
    )
    if round_.is_open:
        context.update(_open_round(round_, answers, memberships, mine, today))
        if context["may_answer"]:
            context["answer_form"] = _answer_form(goal, round_, context["my_rows"])
    else:
        context.update(_closed_round(answers))
    return context
