"""Who may do what in trust-building: the rules in one place.

Seeing an activity or a survey round at all is its queryset's ``visible_to`` (the network's people: a
role in the network; outsiders get 404). Beyond that:

- an activity's ``edit`` and ``delete`` and its participant list (``manage``): the network's coordinators
  and the person who recorded it, while they take part in the network; recording one is the network's
  ``take_part`` (coordinators and members; observers only read);
- ``reflect`` on an activity: a participant with an account, once the activity has started;
- a round's ``manage`` (open, close, cancel, follow the response rate, read pair-level results): the
  network's coordinators;
- ``answer`` a round (a trust survey or a health check): the representative or deputy of an organisation the
  round asks, in an established membership of the network, who takes part in the network (coordinators and
  members; observers only read), while the round is open (for that organisation only: :attr:`answers_for`);
- ``see_results`` of a closed round: the network's people, each at the level the privacy thresholds allow
  (network level: everyone once at least the threshold of organisations answered; organisation level: that
  organisation's representative and deputy, and the coordinators; pair level, who rated whom how: the
  coordinators' *role* only, with no administrator's bypass; see :mod:`networks.trust.results`); a health
  check's answers (``see_answers``): the coordinators, and the asked parties of an agreement's check or the
  network's people for a check of the whole network, once at least the threshold answered.
"""

from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from portal.lib.access import ESTABLISHED, NetworkObjectAccess


def represented_organisations(user, network_id) -> frozenset[int]:
    """The organisations the person speaks for in the network: established memberships they are the
    representative or deputy of."""
    from networks.memberships.models import Membership

    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        Membership.objects.filter(network_id=network_id, status__in=ESTABLISHED)
        .filter(Q(representative=user) | Q(deputy=user))
        .values_list("organisation_id", flat=True)
    )


class ActivityAccess(NetworkObjectAccess):
    def may_manage(self) -> bool:
        return self.is_coordinator or (self.takes_part and self.is_user(self.obj.created_by_id))

    def may_edit(self) -> bool:
        return self.may_manage()

    def may_delete(self) -> bool:
        return self.may_manage()

    def when_reflect(self) -> bool:
        return self.obj.starts_on <= timezone.localdate()

    def may_reflect(self) -> bool:
        return self.role is not None and self.obj.participants.filter(user=self.user).exists()

    def may_see_contacts(self) -> bool:
        """Who met whom for the first time: the network's coordinators only."""
        return self.is_coordinator


class RoundAccess(NetworkObjectAccess):
    @cached_property
    def answers_for(self) -> frozenset[int]:
        """The organisations the person may answer for in this round."""
        speaks_for = represented_organisations(self.user, self.obj.network_id)
        if not speaks_for:
            return frozenset()
        asked = self.obj.organisations.filter(pk__in=speaks_for).values_list("pk", flat=True)
        return frozenset(asked)

    def may_manage(self) -> bool:
        return self.is_coordinator

    def when_answer(self) -> bool:
        return self.obj.is_open

    def may_answer(self) -> bool:
        """Trust surveys and health checks alike: observers only read, even when they speak for an organisation."""
        return self.takes_part and bool(self.answers_for)

    def when_close(self) -> bool:
        return self.obj.is_open

    def may_close(self) -> bool:
        return self.is_coordinator

    def when_cancel(self) -> bool:
        return self.obj.is_open

    def may_cancel(self) -> bool:
        return self.is_coordinator

    def when_see_results(self) -> bool:
        return self.obj.status == "closed"

    def may_see_results(self) -> bool:
        return self.role is not None

    def when_see_answers(self) -> bool:
        return self.obj.status == "closed"

    def may_see_answers(self) -> bool:
        """A closed health check's counts and comments: the coordinators; for a check of one agreement otherwise
        only the representatives and deputies of the organisations it asks; for a check of the whole network
        the network's people. Below the round's threshold only the coordinators see them (the page's rule)."""
        if self.is_coordinator:
            return True
        if self.obj.agreement_id is not None:
            return self.role is not None and bool(self.answers_for)
        return self.role is not None
