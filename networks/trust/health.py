"""Partnership health checks: each party of an agreement (or each member) rates the partnership's
good-practice aspects red, amber or green; the counts per aspect; the reds and ambers become a draft review
meeting (:mod:`networks.trust.review`).

A coordinator opens a health check (:func:`health_open`) of one agreement of the network (its parties that
are established members are asked) or of the whole network (its active member organisations); their
representatives and deputies are told by e-mail. Each asked organisation's representative or deputy saves a
draft, resumes it and submits it (:func:`health_answer`), and may submit again until the check closes; the
response's ``updated_at`` is the version its form carries, so a save from a stale form is refused. Closing is
the generic :func:`networks.trust.results.round_close`, which calls :func:`health_compute`.

**Figures.** ``RoundResult.figures`` of a closed health check::

    {"aspects": [
        {"aspect": "goals", "red": 1, "amber": 0, "green": 2,
         "comments": [{"colour": "red", "text": "…"}, …]},
        …                                   # every HealthAspect, in its order
    ]}

Only submitted responses count. Comments carry no names nor organisations; within an aspect they are in a
stable order that does not follow the organisations (sorted by a hash of the round and the text).
"""

import datetime
import hashlib

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.memberships.models import Membership, Network
from networks.trust.access import RoundAccess
from networks.trust.models import (
    HealthAspect,
    HealthColour,
    HealthRating,
    RoundResult,
    RoundStatus,
    SurveyKind,
    SurveyResponse,
    SurveyRound,
)
from partners.agreements.models import IN_FORCE, Agreement
from partners.directory.models import Organisation
from portal.lib.access import ESTABLISHED, MembershipStatus
from portal.lib.errors import DomainError, StaleEditError, validated
from portal.lib.mail import mailable_people, send_personal_mail

COLOURS = (HealthColour.RED, HealthColour.AMBER, HealthColour.GREEN)
COMMENT_LENGTH = 1000


def health_url(round_: SurveyRound) -> str:
    return reverse("trust:health_detail", kwargs={"pk": round_.pk})


# --- the figures ---------------------------------------------------------------------------------------


def _comment_order(round_id: int, text: str) -> str:
    return hashlib.sha256(f"{round_id}:{text}".encode()).hexdigest()


def health_compute(round_: SurveyRound, result: RoundResult) -> None:
    """The health check's figures of a round being closed: per aspect, the reds, ambers and greens of the
    submitted responses, and their comments without names (shape: see the module)."""
    figures = {aspect: {"aspect": aspect, **dict.fromkeys(COLOURS, 0), "comments": []} for aspect in HealthAspect}
    ratings = HealthRating.objects.filter(response__round=round_, response__submitted_at__isnull=False).values_list(
        "aspect", "colour", "comment"
    )
    for aspect, colour, comment in ratings:
        if aspect not in figures or colour not in COLOURS:
            continue
        figures[aspect][colour] += 1
        if comment.strip():
            figures[aspect]["comments"].append({"colour": colour, "text": comment.strip()})
    for row in figures.values():
        row["comments"].sort(key=lambda comment: _comment_order(round_.pk, comment["text"]))
    result.figures = {"aspects": [{**row, "aspect": str(row["aspect"])} for row in figures.values()]}
    result.save(update_fields=["figures"])


def aspect_rows(result: RoundResult | None) -> list[dict]:
    """The stored figures with each aspect's label, total and shares (for the page's table and bar)."""
    if result is None:
        return []
    rows = []
    for row in result.figures.get("aspects", []):
        if row.get("aspect") not in HealthAspect.values:
            continue
        total = sum(row.get(colour, 0) for colour in COLOURS)
        rows.append({**row, "label": HealthAspect(row["aspect"]).label, "total": total, "shares": _shares(row, total)})
    return rows


def _shares(row: dict, total: int) -> list[dict]:
    """Each colour's count, its share of the answers (%) and where its part of a stacked bar starts."""
    shares, offset = [], 0.0
    for colour in COLOURS:
        count = row.get(colour, 0)
        percent = round(100 * count / total, 1) if total else 0.0
        label = HealthColour(colour).label
        shares.append({"colour": colour, "label": label, "count": count, "percent": percent, "offset": offset})
        offset = round(offset + percent, 1)
    return shares


# --- opening -------------------------------------------------------------------------------------------


def asked_organisations(network: Network, agreement: Agreement | None = None):
    """Who a health check asks: the agreement's parties that are established members of the network, or
    (without an agreement) the network's active member organisations; by name."""
    if agreement is not None:
        members = Membership.objects.filter(network=network, status__in=ESTABLISHED)
        organisations = Organisation.objects.filter(
            pk__in=agreement.parties.values("organisation"), memberships__in=members
        )
    else:
        members = Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE)
        organisations = Organisation.objects.filter(memberships__in=members)
    return organisations.distinct().order_by("name", "pk")


def health_agreements(network: Network):
    """The agreements a health check can be of: the network's agreements in force."""
    return Agreement.objects.filter(network=network, status__in=IN_FORCE).order_by("title", "pk")


def health_open(
    *,
    network: Network,
    user,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    deadline: datetime.date,
    agreement: Agreement | None = None,
) -> SurveyRound:
    """Open a health check of ``agreement`` (or of the whole network) and ask its organisations' people."""
    if agreement is not None and agreement.network_id != network.pk:
        raise DomainError({"agreement": _("Choose one of the network's agreements.")})
    if deadline < timezone.localdate():
        raise DomainError({"deadline": _("The deadline must not be in the past.")})
    with transaction.atomic():
        organisations = list(asked_organisations(network, agreement))
        if not organisations:
            raise DomainError(_("There is no member organisation to ask."))
        round_ = SurveyRound(
            network=network,
            kind=SurveyKind.HEALTH,
            agreement=agreement,
            title=title,
            period_start=period_start,
            period_end=period_end,
            deadline=deadline,
            opened_by=user,
        )
        validated(round_, exclude=["network", "agreement", "opened_by"])
        round_.save()
        round_.organisations.set(organisations)
        mail_health_opened(round_=round_)
    return round_


def representatives(round_: SurveyRound):
    """The representatives and deputies of the organisations the round asks (established memberships)."""
    memberships = Membership.objects.filter(
        network_id=round_.network_id, status__in=ESTABLISHED, organisation__in=round_.organisations.values("pk")
    )
    return mailable_people().filter(
        Q(pk__in=memberships.values("representative")) | Q(pk__in=memberships.values("deputy"))
    )


def mail_health_opened(*, round_: SurveyRound) -> int:
    """The asked organisations' representatives and deputies are asked to answer by the deadline."""
    link = settings.SITE_URL + reverse("trust:health_answer", kwargs={"pk": round_.pk})
    return send_personal_mail(
        template_prefix="networks/trust/health/email/opened",
        recipients=representatives(round_),
        context={"round": round_, "network": round_.network, "agreement": round_.agreement, "link": link},
        network=round_.network_id,
    )


def mail_health_reminder(*, round_: SurveyRound, today: datetime.date | None = None) -> int:
    """The deadline is near: the asked organisations that have not submitted (drafts too) are reminded, with
    the check named and a link to its answer page (the daily job sends it once: :mod:`networks.trust.reminders`)."""
    from networks.trust.mail import respondents, submitted_organisations

    link = settings.SITE_URL + reverse("trust:health_answer", kwargs={"pk": round_.pk})
    return send_personal_mail(
        template_prefix="networks/trust/health/email/reminder",
        recipients=respondents(round_, exclude_organisations=submitted_organisations(round_)),
        context={"round": round_, "network": round_.network, "agreement": round_.agreement, "link": link},
        network=round_.network_id,
    )


def health_cancel(*, round_: SurveyRound, user) -> SurveyRound:
    """Cancel an open health check: its answers are kept but no results are computed."""
    with transaction.atomic():
        locked = SurveyRound.objects.select_for_update().get(pk=round_.pk)
        if locked.status != RoundStatus.OPEN:
            raise DomainError(_("The health check is no longer open."))
        locked.status = RoundStatus.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
    return locked


# --- answering -----------------------------------------------------------------------------------------


def _check_ratings(ratings: dict, submit: bool) -> dict:
    """``{aspect: (colour or "", comment)}`` checked: a known colour, a comment only with a colour, and every
    aspect rated when submitting."""
    errors = {}
    checked = {}
    for aspect in HealthAspect.values:
        colour, comment = ratings.get(aspect, ("", ""))
        comment = (comment or "").strip()
        if (colour and colour not in HealthColour.values) or (not colour and (submit or comment)):
            errors[f"{aspect}_colour"] = _("Choose red, amber or green.")
        elif len(comment) > COMMENT_LENGTH:
            errors[f"{aspect}_comment"] = _("Write at most %(count)s characters.") % {"count": COMMENT_LENGTH}
        elif colour:
            checked[aspect] = (colour, comment)
    if errors:
        raise DomainError(errors)
    return checked


def health_answer(
    *, round_: SurveyRound, organisation: Organisation, user, ratings: dict, submit: bool, version=None
) -> SurveyResponse:
    """Save ``organisation``'s answer (``ratings``: ``{aspect: (colour, comment)}``) as a draft or submit it.

    ``version`` is the response's ``updated_at`` when the form was opened (None: the form was opened before
    there was a response); a save from a stale form raises :class:`StaleEditError` and saves nothing. Refused
    unless the check is open and ``user`` speaks for ``organisation`` in it; a submitted answer is changed only
    by submitting again."""
    checked = _check_ratings(ratings, submit)
    with transaction.atomic():
        locked = SurveyRound.objects.select_for_update().select_related("network").get(pk=round_.pk)
        if locked.kind != SurveyKind.HEALTH or locked.status != RoundStatus.OPEN:
            raise DomainError(_("The health check is closed: answers can no longer be changed."))
        access = RoundAccess(locked, user)
        if not access.takes_part or organisation.pk not in access.answers_for:
            raise DomainError(_("You can answer only for an organisation you represent in this health check."))
        response = SurveyResponse.objects.select_for_update().filter(round=locked, organisation=organisation).first()
        if response is not None and response.updated_at != version:
            raise StaleEditError(
                _(
                    "Someone else saved this organisation's answer while you were answering. Nothing has been "
                    "saved: your answers are still in the form below. Check them and save again to replace the "
                    "other answer."
                ),
                current_version=response.updated_at,
            )
        if response is None:
            response = SurveyResponse(round=locked, organisation=organisation)
        elif response.is_submitted and not submit:
            raise DomainError(_("The answer has been submitted: submit the changes to replace it."))
        response.answered_by = user
        if submit:
            response.submitted_at = timezone.now()
        response.save()
        response.health_ratings.all().delete()
        HealthRating.objects.bulk_create(
            HealthRating(response=response, aspect=aspect, colour=colour, comment=comment)
            for aspect, (colour, comment) in checked.items()
        )
    return response
