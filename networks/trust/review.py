"""A closed health check's reds and ambers, put on the agenda of a draft review meeting in one click.

The meeting is made with the meetings domain's own services (:func:`networks.meetings.services.meeting_create`
with the asked organisations invited, :func:`networks.meetings.agenda.item_add` for each item), so it is a
valid planned meeting like any other: the coordinator edits its time, place and agenda afterwards. It starts
two weeks ahead (the next weekday from then) at 13–15 local time. One agenda item per aspect rated red or
amber, the aspects with reds first; each item's description carries the counts and the comments, without
names. The round remembers its meeting (``SurveyRound.review_meeting``): a second click leads to it.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.meetings.agenda import TITLE_LENGTH, item_add
from networks.meetings.models import Meeting, MeetingKind
from networks.meetings.services import invitable_organisations, meeting_create
from networks.trust.health import aspect_rows
from networks.trust.models import HealthColour, RoundResult, RoundStatus, SurveyKind, SurveyRound
from portal.lib.errors import DomainError

# How far ahead the draft meeting is put, and its hours (local time).
LEAD_DAYS = 14
STARTS = datetime.time(13, 0)
ENDS = datetime.time(15, 0)
# An agenda item's description holds at most this much (the model's limit).
DESCRIPTION_LENGTH = 5000


def review_aspects(result: RoundResult | None) -> list[dict]:
    """The aspects rated red or amber at least once, those with reds first (most reds first), then by
    ambers, then in the aspects' own order."""
    rows = [row for row in aspect_rows(result) if row["red"] or row["amber"]]
    order = {row["aspect"]: number for number, row in enumerate(rows)}
    return sorted(rows, key=lambda row: (0 if row["red"] else 1, -row["red"], -row["amber"], order[row["aspect"]]))


def default_times(today: datetime.date | None = None) -> tuple[datetime.datetime, datetime.datetime]:
    """Two weeks ahead (moved on to a Monday from a weekend), 13–15 local time."""
    day = (today or timezone.localdate()) + datetime.timedelta(days=LEAD_DAYS)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.datetime.combine(day, STARTS), zone),
        timezone.make_aware(datetime.datetime.combine(day, ENDS), zone),
    )


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def item_description(row: dict, *, detailed: bool = True) -> str:
    """The counts of one aspect and its comments (no names), in the active language; without ``detailed``, only
    where to read them (the meeting is seen by more people than the check's results may be)."""
    if not detailed:
        return _("The counts and comments are on the health check's page, for those who may see them.")
    lines = [
        _("Red %(red)s, amber %(amber)s, green %(green)s (of %(total)s answers).")
        % {"red": row["red"], "amber": row["amber"], "green": row["green"], "total": row["total"]}
    ]
    if row["comments"]:
        lines += ["", _("Comments:")]
        lines += [
            f"– {HealthColour(comment['colour']).label}: {comment['text']}"
            for comment in row["comments"]
            if comment.get("colour") in HealthColour.values
        ]
    return _clip("\n".join(lines), DESCRIPTION_LENGTH)


def _subject(round_: SurveyRound) -> str:
    return round_.agreement.title if round_.agreement_id else round_.network.name


def review_meeting_create(*, round_: SurveyRound, user) -> tuple[Meeting, bool]:
    """The closed health check's draft review meeting, made now (``True``) or the one made before (``False``).

    Refused while the check is open, or when every aspect was rated green."""
    with transaction.atomic():
        locked = (
            SurveyRound.objects.select_for_update(of=("self",))
            .select_related("network", "agreement", "review_meeting")
            .get(pk=round_.pk)
        )
        if locked.kind != SurveyKind.HEALTH or locked.status != RoundStatus.CLOSED:
            raise DomainError(_("A review meeting is made from a closed health check."))
        existing = locked.review_meeting
        if existing is not None and not existing.is_cancelled:
            return existing, False
        result = RoundResult.objects.filter(round=locked).first()
        aspects = review_aspects(result)
        # The network's people see the meeting: its agenda carries the counts and comments only when they may
        # all see the check's results (a check of the whole network, answered by at least the threshold).
        detailed = not locked.agreement_id and result.responded >= result.threshold
        if not aspects:
            raise DomainError(_("Every aspect was rated green: there is nothing to review."))
        starts_at, ends_at = default_times()
        data = {
            "kind": MeetingKind.NETWORK,
            "title": _clip(_("Partnership review meeting: %(subject)s") % {"subject": _subject(locked)}, TITLE_LENGTH),
            "description": _(
                "A review of the partnership health check “%(title)s”: the aspects rated red or amber, the reds first."
            )
            % {"title": locked.title},
            "starts_at": starts_at,
            "ends_at": ends_at,
        }
        organisations = invitable_organisations(locked.network).filter(pk__in=locked.organisations.values("pk"))
        meeting = meeting_create(network=locked.network, user=user, data=data, organisations=organisations)
        for row in aspects:
            item_add(
                meeting=meeting,
                user=user,
                data={
                    "title": _clip(row["label"], TITLE_LENGTH),
                    "description": item_description(row, detailed=detailed),
                },
            )
        locked.review_meeting = meeting
        locked.save(update_fields=["review_meeting", "updated_at"])
    return meeting, True
