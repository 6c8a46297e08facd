"""An organisation's answer to a trust survey: saved as a draft, resumed, submitted, changed until the deadline.

The representative or deputy of an organisation the round asks rates, for every other organisation asked,
the relationship between the two (none … integration); for those they work with (cooperation or closer) also
trust (reliability, openness to discussion, support of the shared mission) and value (influence, level of
involvement, resource contribution), each 1–4. A draft keeps whatever was given; submitting needs a
relationship for every organisation and all six ratings for those worked with. The response's ``updated_at``
is the version the form carries: when the representative and the deputy save at once, the later save is
refused and its input kept in the form. Writes are a few bulk statements whatever the network's size.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from networks.trust.access import represented_organisations
from networks.trust.models import SurveyResponse, SurveyRound, TrustRating
from networks.trust.models.surveys import TRUST_FIELDS, VALUE_FIELDS, WORKING_TOGETHER
from partners.directory.models import Organisation
from portal.lib.errors import DomainError, StaleEditError

SCORE_FIELDS = TRUST_FIELDS + VALUE_FIELDS
# The version of a form opened before the organisation had saved anything.
NEW = "new"
STALE_EDIT = gettext_lazy(
    "Another person of your organisation saved the answer while you were filling it in. Your changes have not "
    "been saved: they are still in the form below. Open the survey in another tab to see the saved answer, then "
    "save again to replace it."
)


@dataclass
class RatingInput:
    """What the form says of one other organisation (None: not answered)."""

    relationship: int | None = None
    scores: dict = field(default_factory=dict)
    comment: str = ""

    @property
    def works_together(self) -> bool:
        return self.relationship in WORKING_TOGETHER

    def cleaned(self) -> "RatingInput":
        """Trust and value only where the organisations work together; elsewhere they are cleared."""
        scores = {name: self.scores.get(name) for name in SCORE_FIELDS} if self.works_together else {}
        return RatingInput(self.relationship, scores, (self.comment or "").strip()[:1000])

    def missing_scores(self) -> list[str]:
        return [name for name in SCORE_FIELDS if self.works_together and not self.scores.get(name)]


def answering_organisations(round_: SurveyRound, user) -> list[Organisation]:
    """The organisations ``user`` may answer for in the round, by name."""
    ids = round_.access(user).answers_for
    return list(Organisation.objects.filter(pk__in=ids).order_by("name", "pk").only("pk", "name", "slug"))


def rated_organisations(round_: SurveyRound, organisation_id: int) -> list[Organisation]:
    """The other organisations the round asks: those the answer rates, by name. One query."""
    return list(round_.organisations.exclude(pk=organisation_id).order_by("name", "pk").only("pk", "name", "slug"))


def saved_answer(round_: SurveyRound, organisation_id: int) -> tuple[SurveyResponse | None, dict[int, TrustRating]]:
    """The organisation's response in the round (None: nothing saved) and its ratings by organisation rated."""
    response = SurveyResponse.objects.filter(round=round_, organisation_id=organisation_id).first()
    if response is None:
        return None, {}
    return response, {rating.about_id: rating for rating in TrustRating.objects.filter(response=response)}


def completeness_errors(answers: dict[int, RatingInput], rated_ids) -> dict[int, str]:
    """For submitting: what is missing, by organisation rated."""
    errors = {}
    for about_id in rated_ids:
        answer = answers.get(about_id)
        if answer is None or answer.relationship is None:
            errors[about_id] = _("Choose the relationship.")
        elif answer.missing_scores():
            errors[about_id] = _("You work with this organisation: answer all six questions of trust and value.")
    return errors


def _check_may_answer(round_: SurveyRound, organisation_id: int, user, today: datetime.date) -> None:
    if not round_.is_open:
        raise DomainError(_("The survey is no longer open."))
    if round_.deadline < today:
        raise DomainError(_("The deadline for answering has passed."))
    if not round_.access(user).takes_part:  # observers only read, even when they speak for an organisation
        raise DomainError(_("You do not answer for this organisation in this survey."))
    if organisation_id not in represented_organisations(user, round_.network_id) or not (
        round_.organisations.filter(pk=organisation_id).exists()
    ):
        raise DomainError(_("You do not answer for this organisation in this survey."))


def _locked_response(round_, organisation_id, user, version) -> SurveyResponse:
    """The organisation's response, locked for the write (made now if there is none), its version checked."""
    response = SurveyResponse.objects.select_for_update().filter(round=round_, organisation_id=organisation_id).first()
    if response is None:
        if version not in (None, NEW):
            raise StaleEditError(STALE_EDIT)
        response, _created = SurveyResponse.objects.get_or_create(
            round=round_, organisation_id=organisation_id, defaults={"answered_by": user}
        )
        if not _created and version == NEW:  # the other one's first save came in between
            raise StaleEditError(STALE_EDIT, current_version=response.updated_at)
        return response
    if version == NEW:
        raise StaleEditError(STALE_EDIT, current_version=response.updated_at)
    if version is not None and response.updated_at != version:
        raise StaleEditError(STALE_EDIT, current_version=response.updated_at)
    return response


def _write_ratings(response: SurveyResponse, answers: dict[int, RatingInput], rated_ids: set[int]) -> None:
    """Bring the response's ratings to ``answers``: one read, then a bulk insert, update and delete."""
    existing = {rating.about_id: rating for rating in TrustRating.objects.filter(response=response)}
    create, update = [], []
    for about_id, answer in answers.items():
        if about_id not in rated_ids or answer.relationship is None:
            continue
        clean = answer.cleaned()
        values = {"relationship": clean.relationship, "comment": clean.comment}
        values.update({name: clean.scores.get(name) for name in SCORE_FIELDS})
        rating = existing.get(about_id)
        if rating is None:
            create.append(TrustRating(response=response, about_id=about_id, **values))
        elif any(getattr(rating, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(rating, name, value)
            update.append(rating)
    keep = {about_id for about_id, answer in answers.items() if answer.relationship is not None}
    gone = [rating.pk for about_id, rating in existing.items() if about_id not in keep or about_id not in rated_ids]
    if gone:
        TrustRating.objects.filter(pk__in=gone).delete()
    TrustRating.objects.bulk_create(create)
    TrustRating.objects.bulk_update(update, ["relationship", "comment", *SCORE_FIELDS])


def response_save(
    *,
    round_: SurveyRound,
    organisation_id: int,
    user,
    answers: dict[int, RatingInput],
    submit: bool,
    version=None,
    today: datetime.date | None = None,
) -> SurveyResponse:
    """Save ``user``'s answer for the organisation: a draft as it is, or submitted when complete.

    A response once submitted stays submitted: saving it again submits the changes (so it must be complete).
    ``version`` is the response's ``updated_at`` when the form was opened (:data:`NEW`: nothing was saved
    then); a save from a stale form is refused (:class:`~portal.lib.errors.StaleEditError`), nothing written.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        round_ = SurveyRound.objects.select_for_update().get(pk=round_.pk)
        _check_may_answer(round_, organisation_id, user, today)
        response = _locked_response(round_, organisation_id, user, version)
        rated_ids = set(round_.organisations.exclude(pk=organisation_id).values_list("pk", flat=True))
        submit = submit or response.is_submitted
        if submit and (errors := completeness_errors(answers, rated_ids)):
            message = ngettext(
                "The answer is not complete: %(count)s organisation still needs an answer.",
                "The answer is not complete: %(count)s organisations still need an answer.",
                len(errors),
            )
            raise DomainError(message % {"count": len(errors)})
        _write_ratings(response, answers, rated_ids)
        response.answered_by = user
        if submit:
            response.submitted_at = timezone.now()
        response.save(update_fields=["answered_by", "submitted_at", "updated_at"])
    return response
