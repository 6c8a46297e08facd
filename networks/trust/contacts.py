"""New personal contacts between people of different organisations: who first met whom, when and where.

Two people *meet* over a record of a network:

- a **meeting**: both recorded as attending it (:class:`networks.meetings.models.Attendance`); the day is the
  meeting's start, in the portal's time zone;
- a **joint activity**: both taking part in it with an account (:class:`networks.trust.models.Participant`);
  the day is the activity's ``starts_on``, and only once that day has come (an activity that has not started
  yet has made no contacts);
- an **agreement**: each recorded as signing for a different party of it (``AgreementParty.signed_by``); the
  day is that party's ``signed_on`` (the later of the two signatures).

Only people with accounts count, and only when both came from an organisation and the two organisations differ.
:class:`~networks.trust.models.Acquaintance` keeps one row per pair (the lower user id first) holding their
*earliest* meeting: ordered by day, then meeting before activity before agreement, then the record's id, so the
choice is always the same. When an earlier record appears the row moves to it.

An activity's ``new_pairs`` is the number of rows whose first meeting is that activity. The services call
:func:`contacts_for_activity` when an activity's participants or date change; receivers call
:func:`contacts_for_meeting` when a meeting's attendance is recorded and :func:`contacts_for_agreement` when a party
signs. Each recomputes only the pairs involved (the record's people, and the pairs whose row points to the record).
:func:`contacts_rebuild` recomputes everything, or one network's pairs, in a few set-based statements (demo data,
repairs: ``manage.py contacts_rebuild``; also after signatures are cleared in bulk or a meeting is deleted).
:func:`contacts_for_started_activities` counts the activities whose day has come (the daily job calls it).
Every function takes the day it counts up to (``today``; the portal's date by default).
"""

import datetime

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from networks.meetings.models import Attendance, Meeting
from networks.trust.models import Acquaintance, Activity, Participant
from partners.agreements.models import Agreement, AgreementParty


def _tables() -> dict[str, str]:
    return {
        "acquaintance": Acquaintance._meta.db_table,
        "activity": Activity._meta.db_table,
        "participant": Participant._meta.db_table,
        "attendance": Attendance._meta.db_table,
        "meeting": Meeting._meta.db_table,
        "party": AgreementParty._meta.db_table,
        "agreement": Agreement._meta.db_table,
    }


# Each source gives rows of (person, other, organisation, other_organisation, met_on, source, rank, record,
# network_id, meeting_id, activity_id, agreement_id): one per pair of people who met over one record.
# ``{scope_a}`` / ``{scope_b}`` limit the two people to the pairs being recomputed (or to nobody: nothing).
_MEETINGS = """
SELECT a.user_id, b.user_id, a.organisation_id, b.organisation_id,
       (m.starts_at AT TIME ZONE %(tz)s)::date, 'meeting', 0, m.id, m.network_id, m.id, NULL::bigint, NULL::bigint
FROM {attendance} a
JOIN {attendance} b ON b.meeting_id = a.meeting_id AND a.user_id < b.user_id
JOIN {meeting} m ON m.id = a.meeting_id
{scope}
WHERE a.organisation_id IS NOT NULL AND b.organisation_id IS NOT NULL AND a.organisation_id <> b.organisation_id
"""
_ACTIVITIES = """
SELECT a.user_id, b.user_id, a.organisation_id, b.organisation_id,
       t.starts_on, 'activity', 1, t.id, t.network_id, NULL::bigint, t.id, NULL::bigint
FROM {participant} a
JOIN {participant} b ON b.activity_id = a.activity_id AND a.user_id < b.user_id
JOIN {activity} t ON t.id = a.activity_id
{scope}
WHERE a.organisation_id IS NOT NULL AND b.organisation_id IS NOT NULL AND a.organisation_id <> b.organisation_id
  AND t.starts_on <= %(today)s
"""
_AGREEMENTS = """
SELECT LEAST(a.signed_by_id, b.signed_by_id), GREATEST(a.signed_by_id, b.signed_by_id),
       CASE WHEN a.signed_by_id < b.signed_by_id THEN a.organisation_id ELSE b.organisation_id END,
       CASE WHEN a.signed_by_id < b.signed_by_id THEN b.organisation_id ELSE a.organisation_id END,
       GREATEST(a.signed_on, b.signed_on), 'agreement', 2, g.id, g.network_id, NULL::bigint, NULL::bigint, g.id
FROM {party} a
JOIN {party} b ON b.agreement_id = a.agreement_id AND a.id < b.id
JOIN {agreement} g ON g.id = a.agreement_id
{scope}
WHERE a.signed_by_id IS NOT NULL AND b.signed_by_id IS NOT NULL AND a.signed_by_id <> b.signed_by_id
  AND a.signed_on IS NOT NULL AND b.signed_on IS NOT NULL AND a.organisation_id <> b.organisation_id
"""
_SCOPES = {
    "meetings": "JOIN scope s ON s.person = a.user_id AND s.other = b.user_id",
    "activities": "JOIN scope s ON s.person = a.user_id AND s.other = b.user_id",
    "agreements": (
        "JOIN scope s ON s.person = LEAST(a.signed_by_id, b.signed_by_id)"
        " AND s.other = GREATEST(a.signed_by_id, b.signed_by_id)"
    ),
}
_COLUMNS = (
    "person, other, organisation, other_organisation, met_on, source, rank, record, "
    "network_id, meeting_id, activity_id, agreement_id"
)


def _encounters(scoped: bool) -> str:
    tables = _tables()
    parts = [
        sql.format(scope=_SCOPES[name] if scoped else "", **tables)
        for name, sql in (("meetings", _MEETINGS), ("activities", _ACTIVITIES), ("agreements", _AGREEMENTS))
    ]
    return f"encounters ({_COLUMNS}) AS ({' UNION ALL '.join(parts)})"


def _upsert(*, scope_cte: str, encounters: str, where: str = "") -> str:
    """The statement that writes each pair's earliest meeting (``where`` limits the pairs) and returns the
    activities the written rows point to."""
    return f"""
WITH {scope_cte}{encounters},
best AS (
    SELECT DISTINCT ON (person, other) * FROM encounters {where}
    ORDER BY person, other, met_on, rank, record, organisation, other_organisation
)
INSERT INTO {_tables()["acquaintance"]} AS q
    (person_id, other_id, first_met_on, source, network_id, meeting_id, activity_id, agreement_id,
     organisation_id, other_organisation_id)
SELECT person, other, met_on, source, network_id, meeting_id, activity_id, agreement_id,
       organisation, other_organisation
FROM best
ON CONFLICT (person_id, other_id) DO UPDATE SET
    first_met_on = EXCLUDED.first_met_on, source = EXCLUDED.source, network_id = EXCLUDED.network_id,
    meeting_id = EXCLUDED.meeting_id, activity_id = EXCLUDED.activity_id, agreement_id = EXCLUDED.agreement_id,
    organisation_id = EXCLUDED.organisation_id, other_organisation_id = EXCLUDED.other_organisation_id
RETURNING q.activity_id
"""  # noqa: S608 - table names come from model metadata; every value is a parameter


def _recount(cursor, activity_ids) -> None:
    """Store each of ``activity_ids``' number of pairs that first met there (None: every activity)."""
    tables = _tables()
    sql = f"""
UPDATE {tables["activity"]} t SET new_pairs = (
    SELECT count(*) FROM {tables["acquaintance"]} q WHERE q.activity_id = t.id
)"""  # noqa: S608 - table names come from model metadata; every value is a parameter
    if activity_ids is None:
        cursor.execute(sql)
    elif activity_ids:
        cursor.execute(sql + " WHERE t.id = ANY(%s)", [sorted(activity_ids)])


def _pairs_among(user_ids) -> set[tuple[int, int]]:
    people = sorted(set(user_ids))
    return {(a, b) for index, a in enumerate(people) for b in people[index + 1 :]}


def _params(today: datetime.date | None) -> dict:
    return {"tz": settings.TIME_ZONE, "today": today or timezone.localdate()}


def contacts_update(pairs, *, today: datetime.date | None = None) -> None:
    """Recompute the rows of ``pairs`` (user id pairs, either order) from every record they met over by
    ``today``, and the ``new_pairs`` of the activities those rows pointed to or point to now."""
    pairs = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    if not pairs:
        return
    persons, others = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
    scope_cte = "scope (person, other) AS (SELECT * FROM unnest(%(persons)s::bigint[], %(others)s::bigint[])), "
    params = {"persons": persons, "others": others, **_params(today)}
    table = _tables()["acquaintance"]
    with transaction.atomic(), connection.cursor() as cursor:
        delete = f"""
DELETE FROM {table} q USING unnest(%(persons)s::bigint[], %(others)s::bigint[]) AS s(person, other)
WHERE q.person_id = s.person AND q.other_id = s.other RETURNING q.activity_id
"""  # noqa: S608 - table names come from model metadata; every value is a parameter
        cursor.execute(delete, params)
        touched = {row[0] for row in cursor.fetchall() if row[0] is not None}
        cursor.execute(_upsert(scope_cte=scope_cte, encounters=_encounters(scoped=True)), params)
        touched |= {row[0] for row in cursor.fetchall() if row[0] is not None}
        _recount(cursor, touched)


def _record_pairs(field: str, record_id: int) -> set[tuple[int, int]]:
    """The pairs whose row points to the record now."""
    return set(Acquaintance.objects.filter(**{field: record_id}).values_list("person_id", "other_id"))


def contacts_for_activity(activity_id: int, *, today: datetime.date | None = None) -> None:
    """After the activity's participants or date changed: its participants' pairs and the pairs that first met
    there are recomputed."""
    people = Participant.objects.filter(activity_id=activity_id, user__isnull=False, organisation__isnull=False)
    pairs = _pairs_among(people.values_list("user_id", flat=True)) | _record_pairs("activity_id", activity_id)
    contacts_update(pairs, today=today)


# How many days back the daily job looks for activities that have started (a missed run is made up for).
STARTED_WITHIN_DAYS = 7


def contacts_for_started_activities(*, today: datetime.date | None = None) -> int:
    """Count the contacts of the activities that started within the last :data:`STARTED_WITHIN_DAYS` days up to
    ``today`` (the daily job). Returns the number of activities looked at."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=STARTED_WITHIN_DAYS)
    started = list(Activity.objects.filter(starts_on__gt=since, starts_on__lte=today).values_list("pk", flat=True))
    people = Participant.objects.filter(activity_id__in=started, user__isnull=False, organisation__isnull=False)
    by_activity: dict[int, list[int]] = {}
    for activity_id, user_id in people.values_list("activity_id", "user_id"):
        by_activity.setdefault(activity_id, []).append(user_id)
    pairs = set().union(*(_pairs_among(users) for users in by_activity.values()))
    contacts_update(pairs, today=today)
    return len(started)


def contacts_for_meeting(meeting_id: int) -> None:
    """After the meeting's attendance was recorded: its attendees' pairs and the pairs that first met there."""
    people = Attendance.objects.filter(meeting_id=meeting_id, organisation__isnull=False)
    contacts_update(_pairs_among(people.values_list("user_id", flat=True)) | _record_pairs("meeting_id", meeting_id))


def contacts_for_agreement(agreement_id: int) -> None:
    """After a party of the agreement signed: its signers' pairs and the pairs that first met over it."""
    parties = AgreementParty.objects.filter(agreement_id=agreement_id, signed_by__isnull=False)
    contacts_update(
        _pairs_among(parties.values_list("signed_by_id", flat=True)) | _record_pairs("agreement_id", agreement_id)
    )


def contacts_rebuild(network=None, *, today: datetime.date | None = None) -> int:
    """Recompute every pair's row (``network``: the pairs that met over one of its records or whose row is
    there) as of ``today``, and the activities' ``new_pairs``. Returns the number of rows written."""
    table = _tables()["acquaintance"]
    params = _params(today)
    with transaction.atomic(), connection.cursor() as cursor:
        if network is None:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - table names come from model metadata; every value is a parameter
            cursor.execute(_upsert(scope_cte="", encounters=_encounters(scoped=False)), params)
            written = cursor.rowcount
            _recount(cursor, None)
            return written
        params["network"] = network.pk
        # The network's pairs, from every record they met over (an earlier one may be in another network).
        delete = f"""
WITH {_encounters(scoped=False)},
pairs AS (
    SELECT person, other FROM encounters WHERE network_id = %(network)s
    UNION SELECT person_id, other_id FROM {table} WHERE network_id = %(network)s
)
DELETE FROM {table} q USING pairs p WHERE q.person_id = p.person AND q.other_id = p.other
RETURNING q.activity_id, q.person_id, q.other_id
"""  # noqa: S608 - table names come from model metadata; every value is a parameter
        cursor.execute(delete, params)
        deleted = cursor.fetchall()
        touched = {row[0] for row in deleted if row[0] is not None}
        params["persons"], params["others"] = [row[1] for row in deleted], [row[2] for row in deleted]
        where = (
            "WHERE (person, other) IN (SELECT person, other FROM encounters WHERE network_id = %(network)s) "
            "OR (person, other) IN (SELECT * FROM unnest(%(persons)s::bigint[], %(others)s::bigint[]))"
        )
        cursor.execute(_upsert(scope_cte="", encounters=_encounters(scoped=False), where=where), params)
        written = cursor.rowcount
        touched |= {row[0] for row in cursor.fetchall() if row[0] is not None}
        touched |= set(Activity.objects.filter(network=network).values_list("pk", flat=True))
        _recount(cursor, touched)
        return written
