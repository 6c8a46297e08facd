"""Demo data of meetings: a year of the main network's meetings, about two a month.

The meetings, their invitations, replies, status changes and attendance are made through the services
the organiser and the invitees use (:mod:`networks.meetings.services`), and the decisions and action items
through :mod:`networks.meetings.actions`; the agenda items and their minutes are written to the database
directly. Afterwards the timestamps are moved back with ``queryset.update``. Dates are relative to the day
of seeding, so "past", "overdue" and "ahead" hold whenever the demo is loaded.

- past meetings: minutes approved, with decisions linked to the seeded goals and action items that are
  done, dropped, open and overdue; the latest one only held (minutes being written), the one before it
  with its minutes in draft for comments; one cancelled with its reason;
- meetings ahead: planned, with invitations half answered;
- an open time poll ("finding a time") with answers.

The demo's people are fictional: the meeting e-mails are silenced while seeding.
"""

import contextlib
import datetime
import itertools

from django.utils import timezone

from networks.goals.models import Goal
from networks.goals.progress import add_months
from networks.meetings import actions, services
from networks.meetings.minutes import render_minutes
from networks.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Invitee,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Reply,
    SlotAnswer,
    TimePoll,
    TimeSlot,
)
from networks.memberships.models import NetworkRole
from portal.demo_data.people import COORDINATOR_EMAIL, COUNSELLOR_EMAIL, OBSERVER_EMAIL

MAIN_NETWORK = "keski-suomi"
MAIL_HOOKS = ("mail_invited", "mail_updated", "mail_cancelled", "mail_minutes_circulated")
# Months relative to this one: ten behind, two ahead; two meetings in each.
MONTHS = range(-9, 3)
DAYS = (9, 23)
KINDS = itertools.cycle(
    [MeetingKind.NETWORK, MeetingKind.STEERING, MeetingKind.WORKSHOP, MeetingKind.NETWORK, MeetingKind.PEER_FORUM]
)
TITLES = {
    MeetingKind.NETWORK: "Verkostotapaaminen",
    MeetingKind.STEERING: "Ohjausryhmän kokous",
    MeetingKind.WORKSHOP: "Työpaja: ohjauksen palvelupolut",
    MeetingKind.PEER_FORUM: "Ohjaajien vertaisfoorumi",
}
PLACES = ["Gradia, Viitaniementie 1, Jyväskylä", "Jyväskylän kaupunginkirjasto, Vapaudenkatu 39", ""]
ITEMS = [
    ("Ajankohtaista jäsenorganisaatioista", "Kierros: mitä kuuluu kunkin organisaation ohjauspalveluihin."),
    ("Yhteisen ohjauspisteen kokemukset", "Asiakasmäärät ja palaute kuluneelta kaudelta."),
    ("Osaamisen tunnistamisen malli", "Luonnos yhteisestä toimintamallista vapaaseen sivistystyöhön."),
    ("Ohjaajien yhteinen koulutuspäivä", "Ohjelma, ajankohta ja vastuut."),
    ("Työkyvyn tuen asiakkaiden ohjautuminen koulutukseen", "Hyvinvointialueen ja oppilaitosten yhteistyö."),
    ("Kirjastojen ohjauspisteet", "Keski-kirjastojen kokeilun tilannekatsaus."),
    ("Viestintä ja verkkosivut", "Yhteinen viestintäsuunnitelma ja tapahtumakalenteri."),
    ("Rahoitushaku", "ESR+-haun aikataulu ja hakijakumppanit."),
]
MINUTES = (
    "Käytiin läpi asian tilanne. Keskustelussa nostettiin esiin:\n\n"
    "- asiakkaiden ohjautuminen palvelusta toiseen\n- yhteiset lomakkeet ja **tietosuoja**\n\n"
    "Todettiin, että asiaan palataan tarvittaessa."
)
DECISIONS = [
    "Hyväksyttiin yhteisen toimintamallin luonnos jatkovalmisteluun.",
    "Päätettiin järjestää ohjaajien yhteinen koulutuspäivä syksyllä.",
    "Sovittiin, että jäsenorganisaatiot raportoivat asiakasmäärät neljännesvuosittain.",
    "Päätettiin hakea kehittämisrahoitusta yhteishankkeena.",
    "Hyväksyttiin viestintäsuunnitelma esitetyssä muodossa.",
]
TASKS = [
    "Kokoaa organisaatioiden palautteen toimintamallista",
    "Valmistelee koulutuspäivän ohjelmaluonnoksen",
    "Selvittää tilavaihtoehdot ja kustannukset",
    "Päivittää palvelutiedot verkkosivuille",
    "Laatii hankehakemuksen ensimmäisen version",
]
REPLIES = [Reply.YES, Reply.YES, Reply.YES, Reply.MAYBE, Reply.NO]


@contextlib.contextmanager
def no_mail():
    """The fictional people get no e-mail while the demo is seeded."""
    saved = {name: getattr(services, name) for name in MAIL_HOOKS}
    for name in MAIL_HOOKS:
        setattr(services, name, lambda **kwargs: 0)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(services, name, function)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _weekday(day: datetime.date) -> datetime.date:
    """The day itself on a weekday, else the Monday after."""
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


class MeetingSeeder:
    def __init__(self, *, network, people, today):
        self.network = network
        self.today = today
        self.now = timezone.now()
        self.coordinator = people[COORDINATOR_EMAIL]
        self.counsellor = people[COUNSELLOR_EMAIL]
        self.observer = people[OBSERVER_EMAIL]
        self.goals = list(Goal.objects.filter(network=network).order_by("pk"))
        self.organisations = list(services.invitable_organisations(network))
        self.texts = itertools.count()

    def days(self):
        """Every meeting's day, oldest first."""
        for month in MONTHS:
            first = add_months(self.today.replace(day=1), month)
            for day in DAYS:
                yield _weekday(first.replace(day=day))

    def create(self, number: int, day: datetime.date) -> Meeting:
        kind = next(KINDS)
        hour = 9 if kind == MeetingKind.STEERING else 13
        organisations = self.organisations[:4] if kind == MeetingKind.STEERING else self.organisations
        people = [self.coordinator, self.counsellor]
        if kind in (MeetingKind.NETWORK, MeetingKind.WORKSHOP):
            people.append(self.observer)
        place = PLACES[number % len(PLACES)]
        meeting = services.meeting_create(
            network=self.network,
            user=self.coordinator,
            data={
                "kind": kind,
                "title": f"{TITLES[kind]} {day:%-d.%-m.}",
                "description": "Tervetuloa! Asialista ja aiemmat muistiot löytyvät kokouksen sivulta.",
                "starts_at": _at(day, hour),
                "ends_at": _at(day, hour + 2),
                "place": place,
                "online_link": "" if place else "https://meet.example.fi/keski-suomi",
                "chair": self.coordinator,
            },
            organisations=organisations,
            people=people,
        )
        count = 5 + number % 3
        goals = itertools.cycle(self.goals or [None])
        AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meeting,
                position=position,
                title=ITEMS[(number + position) % len(ITEMS)][0],
                description=ITEMS[(number + position) % len(ITEMS)][1],
                presenter=self.coordinator if position % 2 == 0 else self.counsellor,
                planned_minutes=15 + 5 * (position % 3),
                goal=next(goals) if position in (1, 3) else None,
            )
            for position in range(count)
        )
        return meeting

    def reply(self, meeting: Meeting, *, share: float = 1.0) -> None:
        """Replies from the invitees (the first ``share`` of them)."""
        invitees = list(Invitee.objects.filter(meeting=meeting).order_by("pk"))
        for index, invitee in enumerate(invitees[: int(len(invitees) * share)]):
            answer = Reply.YES if invitee.user_id == self.coordinator.pk else REPLIES[index % len(REPLIES)]
            services.reply(meeting=meeting, user=invitee.user, answer=answer)

    def hold(self, meeting: Meeting, status: str, *, overdue: bool) -> None:
        """The meeting took place: attendance, minutes, decisions and action items, and the minutes moved on
        to ``status``. ``overdue``: leave an open action item past its due date."""
        meeting = services.meeting_mark_held(meeting=meeting, user=self.coordinator)
        came = [row.user for row in Invitee.objects.filter(meeting=meeting, reply=Reply.YES).select_related("user")]
        services.attendance_set(meeting=meeting, user=self.coordinator, people=came)
        items = list(meeting.items.order_by("position"))
        if status != MeetingStatus.HELD:
            AgendaItem.objects.filter(meeting=meeting).update(minutes=MINUTES, minutes_html=render_minutes(MINUTES))
        day = timezone.localdate(meeting.starts_at)
        owners = [person for person in came if person.pk != self.coordinator.pk][:3] or [self.coordinator]
        for index, item in enumerate(items[1:3]):
            n = next(self.texts)
            actions.decision_add(
                meeting=meeting, item=item, user=self.coordinator, text=DECISIONS[n % len(DECISIONS)], goal=item.goal
            )
            for person in (self.counsellor, owners[index % len(owners)]):
                actions.action_add(
                    meeting=meeting,
                    item=item,
                    user=self.coordinator,
                    what=TASKS[(n + person.pk) % len(TASKS)],
                    owner=person,
                    due_on=day + datetime.timedelta(days=21 + 14 * index),
                )
        self._settle_actions(meeting, overdue=overdue)
        if status in (MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED):
            services.minutes_circulate(meeting=meeting, user=self.coordinator)
        if status == MeetingStatus.MINUTES_APPROVED:
            services.minutes_approve(meeting=meeting, user=self.coordinator)

    def _settle_actions(self, meeting: Meeting, *, overdue: bool) -> None:
        """Action items due before today are done, or dropped, or (``overdue``) one left open."""
        past_due = list(ActionItem.objects.filter(meeting=meeting, due_on__lt=self.today).order_by("pk"))
        for index, action in enumerate(past_due):
            if overdue and index == 0:
                continue
            if index % 4 == 3:
                actions.action_set_status(
                    action=action, user=self.coordinator, status=ActionStatus.DROPPED, note="Ei enää ajankohtainen."
                )
            else:
                actions.action_set_status(action=action, user=action.owner, status=ActionStatus.DONE)
            ActionItem.objects.filter(pk=action.pk).update(status_changed_at=_at(action.due_on, 15))

    def backdate(self, meeting: Meeting) -> None:
        """Created three weeks before the meeting; the status moved with the meeting's days."""
        start = meeting.starts_at
        changed = {
            MeetingStatus.PLANNED: start - datetime.timedelta(days=21),
            MeetingStatus.CANCELLED: start - datetime.timedelta(days=5),
            MeetingStatus.HELD: start + datetime.timedelta(hours=2),
            MeetingStatus.MINUTES_DRAFT: start + datetime.timedelta(days=3),
            MeetingStatus.MINUTES_APPROVED: start + datetime.timedelta(days=10),
        }[meeting.status]
        changed = min(changed, self.now)
        created = min(start - datetime.timedelta(days=21), self.now)
        fields = {"created_at": created, "status_changed_at": changed, "updated_at": changed}
        if meeting.status == MeetingStatus.MINUTES_APPROVED:
            fields["minutes_approved_at"] = changed
        Meeting.objects.filter(pk=meeting.pk).update(**fields)
        Invitee.objects.filter(meeting=meeting).update(invited_at=created)
        Invitee.objects.filter(meeting=meeting, replied_at__isnull=False).update(
            replied_at=min(created + datetime.timedelta(days=4), self.now)
        )
        recorded = min(start + datetime.timedelta(hours=2), self.now)
        Decision.objects.filter(meeting=meeting).update(recorded_at=recorded)
        ActionItem.objects.filter(meeting=meeting).update(created_at=recorded)

    def carry_unfinished(self, meeting: Meeting, following: Meeting) -> None:
        """One item of ``meeting`` left unfinished and continued at ``following``."""
        item = meeting.items.order_by("-position").first()
        AgendaItem.objects.filter(pk=item.pk).update(unfinished=True)
        AgendaItem.objects.create(
            meeting=following,
            position=following.items.count(),
            title=item.title,
            description=item.description,
            goal=item.goal,
            source_item=item,
            planned_minutes=20,
        )

    def poll(self) -> TimePoll:
        """An open time poll for the spring's strategy day, half answered."""
        poll = TimePoll.objects.create(
            network=self.network,
            kind=MeetingKind.WORKSHOP,
            title="Kevään strategiapäivä",
            description="Koko päivän työpaja verkoston toimintasuunnitelmasta. Valitse sinulle sopivat ajat.",
            place="Jyväskylän kaupunginkirjasto, Vapaudenkatu 39",
            organiser=self.coordinator,
        )
        people = list(
            NetworkRole.objects.filter(network=self.network)
            .select_related("user")
            .order_by("user__last_name", "user__pk")[:12]
        )
        invited = {role.user for role in people} | {self.coordinator, self.counsellor}
        poll.invitees.set(invited)
        poll.organisations.set(self.organisations[:3])
        slots = [
            TimeSlot.objects.create(poll=poll, starts_at=_at(day, 9), ends_at=_at(day, 15))
            for day in (_weekday(self.today + datetime.timedelta(days=offset)) for offset in (24, 31, 38))
        ]
        answers = [SlotAnswer.Answer.YES, SlotAnswer.Answer.IF_NEED_BE, SlotAnswer.Answer.NO]
        for index, person in enumerate(sorted(invited, key=lambda user: user.pk)):
            if person.pk == self.counsellor.pk or index % 3 == 2:
                continue  # the counsellor (and a few others) have not answered yet
            for number, slot in enumerate(slots):
                SlotAnswer.objects.create(slot=slot, user=person, answer=answers[(index + number) % 3])
        return poll


def seed_meetings(*, networks, people, **_ignored) -> None:
    """A year of the main network's meetings in every status (a DEMO_EXTENSIONS hook)."""
    seeder = MeetingSeeder(network=networks[MAIN_NETWORK], people=people, today=timezone.localdate())
    days = list(seeder.days())
    # Meetings before today took place; today's and later ones are ahead.
    past = [day for day in days if day < seeder.today]
    with no_mail():
        meetings = []
        for number, day in enumerate(days):
            meeting = seeder.create(number, day)
            ahead = day not in past
            seeder.reply(meeting, share=0.5 if ahead else 1.0)
            meetings.append(meeting)
        cancelled = meetings[len(past) - 5] if len(past) >= 5 else meetings[-1]
        services.meeting_cancel(
            meeting=cancelled, user=seeder.coordinator, reason="Liian vähän osallistujia: siirretään seuraavaan."
        )
        held = [meeting for meeting in meetings[: len(past)] if meeting.pk != cancelled.pk]
        for index, meeting in enumerate(held):
            if index == len(held) - 3 and index > 0:
                # An item left unfinished at the meeting before continues at this one.
                seeder.carry_unfinished(held[index - 1], meeting)
            if index == len(held) - 1:
                status = MeetingStatus.HELD
            elif index == len(held) - 2:
                status = MeetingStatus.MINUTES_DRAFT
            else:
                status = MeetingStatus.MINUTES_APPROVED
            seeder.hold(meeting, status, overdue=index % 3 == 0)
        for meeting in Meeting.objects.filter(pk__in=[meeting.pk for meeting in meetings]):
            seeder.backdate(meeting)
        seeder.poll()

    statuses = set(Meeting.objects.filter(network=seeder.network).values_list("status", flat=True))
    assert statuses == set(MeetingStatus.values), "the demo must show meetings in every status"
