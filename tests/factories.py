"""factory_boy factories for every model the tests need."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from networks.goals.models import Goal, GoalRevision, Indicator, Measurement
from networks.meetings.minutes import render_minutes
from networks.meetings.models import ActionItem, AgendaItem, Decision, Meeting
from networks.memberships.models import Membership, MembershipLevel, Network, NetworkRole
from networks.trust.models import Activity, Participant, SurveyResponse, SurveyRound, TrustRating
from partners.agreements.models import Agreement, AgreementParty, Commitment
from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.accounts.models import Invitation, User
from portal.lib.access import MembershipStatus, Role

PASSWORD = "Testi-salasana-2026"
_PASSWORD_HASH = None


def _password_hash():
    global _PASSWORD_HASH  # noqa: PLW0603 - hashed once per test run
    if _PASSWORD_HASH is None:
        _PASSWORD_HASH = make_password(PASSWORD)
    return _PASSWORD_HASH


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.fi")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    password = factory.LazyFunction(_password_hash)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    slug = factory.Sequence(lambda n: f"organisaatio-{n}")
    kind = Organisation.Kind.OTHER


class ExpertiseAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertiseArea

    name = factory.Sequence(lambda n: f"Osaamisalue {n}")
    slug = factory.Sequence(lambda n: f"osaamisalue-{n}")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    primary = True


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Verkosto {n}")
    slug = factory.Sequence(lambda n: f"verkosto-{n}")
    require_mfa_for_coordinators = False


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    level = MembershipLevel.COOPERATION
    status = MembershipStatus.ACTIVE


class NetworkRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkRole

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.fi")
    organisation = factory.SubFactory(OrganisationFactory)


class GuidanceServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuidanceService

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Ohjauspalvelu {n}")
    level = GuidanceService.Level.GUIDANCE
    channels = factory.LazyFunction(lambda: ["face_to_face"])
    languages = factory.LazyFunction(lambda: ["fi"])
    regions = factory.LazyFunction(lambda: ["keski-suomi"])


class AgreementFactory(factory.django.DjangoModelFactory):
    """A draft agreement; pass ``network``. Parties are added with :class:`AgreementPartyFactory`."""

    class Meta:
        model = Agreement

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Yhteistyösopimus {n}")
    kind = Agreement.Kind.COOPERATION
    purpose = "Yhteinen aikuisohjauksen palvelu."


class AgreementPartyFactory(factory.django.DjangoModelFactory):
    """A party; its organisation should be an established member of the agreement's network."""

    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    party = factory.SubFactory(AgreementPartyFactory)
    agreement = factory.LazyAttribute(lambda o: o.party.agreement)
    kind = Commitment.Kind.STAFF_TIME
    description = "Ohjaajan työaikaa"
    amount = 10
    unit = "h/kk"


class GoalFactory(factory.django.DjangoModelFactory):
    """A proposed goal; pass ``network``. Its first revision is created with it (as goal_create does)."""

    class Meta:
        model = Goal
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Yhteinen tavoite {n}")
    description = "Ohjaus on saavutettavaa kaikille aikuisille."
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2027, 12, 31)
    quality_area = Goal.Area.SERVICE_PROVISION

    @factory.post_generation
    def first_revision(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy passes the object
        if create:
            GoalRevision.objects.create(
                goal=obj,
                number=obj.revision,
                title=obj.title,
                description=obj.description,
                rationale=obj.rationale,
                period_start=obj.period_start,
                period_end=obj.period_end,
            )


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An increasing indicator from 10 (2026-01-01) to 30 (2026-12-31)."""

    class Meta:
        model = Indicator

    goal = factory.SubFactory(GoalFactory)
    name = factory.Sequence(lambda n: f"Mittari {n}")
    unit = "henkilöä"
    direction = Indicator.Direction.INCREASE
    baseline_value = 10
    baseline_date = datetime.date(2026, 1, 1)
    target_value = 30
    target_date = datetime.date(2026, 12, 31)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = datetime.date(2026, 7, 1)
    value = 20


class MeetingFactory(factory.django.DjangoModelFactory):
    """A planned meeting a week from now, 13–15 Helsinki time; pass ``network`` and ``organiser``."""

    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Verkostotapaaminen {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=7)).replace(hour=13, minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda obj: obj.starts_at + datetime.timedelta(hours=2))
    place = "Jyväskylän kaupunginkirjasto"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Asiakohta {n}")
    planned_minutes = 15
    minutes = ""
    # Stored with the text, as the minutes services do.
    minutes_html = factory.LazyAttribute(lambda item: str(render_minutes(item.minutes)))


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    item = factory.SubFactory(AgendaItemFactory)
    meeting = factory.LazyAttribute(lambda obj: obj.item.meeting)
    network = factory.LazyAttribute(lambda obj: obj.item.meeting.network)
    decided_on = factory.LazyAttribute(lambda obj: timezone.localdate(obj.item.meeting.starts_at))
    text = "Päätettiin jatkaa yhteistyötä."


class ActionItemFactory(factory.django.DjangoModelFactory):
    """An open action item due in two weeks; pass ``item`` and ``owner``."""

    class Meta:
        model = ActionItem

    item = factory.SubFactory(AgendaItemFactory)
    meeting = factory.LazyAttribute(lambda obj: obj.item.meeting)
    network = factory.LazyAttribute(lambda obj: obj.item.meeting.network)
    what = factory.Sequence(lambda n: f"Tehtävä {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class ActivityFactory(factory.django.DjangoModelFactory):
    """A joint training a month ago; pass ``network``."""

    class Meta:
        model = Activity

    network = factory.SubFactory(NetworkFactory)
    kind = Activity.Kind.JOINT_TRAINING
    title = factory.Sequence(lambda n: f"Yhteinen koulutus {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    hours = 3
    place = "Jyväskylän kaupunginkirjasto"


class ParticipantFactory(factory.django.DjangoModelFactory):
    """A participant with an account; pass ``activity``, ``user`` and ``organisation``."""

    class Meta:
        model = Participant

    activity = factory.SubFactory(ActivityFactory)
    user = factory.SubFactory(UserFactory)


class SurveyRoundFactory(factory.django.DjangoModelFactory):
    """An open trust survey of this year, due in two weeks; pass ``network``. The organisations asked are not
    set: pass ``organisations=[...]`` (or open the round with the service, which asks the active members)."""

    class Meta:
        model = SurveyRound
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    kind = SurveyRound.Kind.TRUST
    title = factory.Sequence(lambda n: f"Luottamuskysely {n}")
    period_start = factory.LazyFunction(lambda: timezone.localdate().replace(month=1, day=1))
    period_end = factory.LazyFunction(lambda: timezone.localdate().replace(month=12, day=31))
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy passes the object
        if create and extracted:
            obj.organisations.set(extracted)


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    """A draft response; pass ``round``, ``organisation`` and ``answered_by``."""

    class Meta:
        model = SurveyResponse

    round = factory.SubFactory(SurveyRoundFactory)


class TrustRatingFactory(factory.django.DjangoModelFactory):
    """Cooperation rated 3 throughout; pass ``response`` and ``about``."""

    class Meta:
        model = TrustRating

    relationship = 2
    reliability = 3
    openness = 3
    mission_support = 3
    influence = 3
    involvement = 3
    resources = 3
