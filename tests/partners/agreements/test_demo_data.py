"""``manage.py seed_demo`` gives the main network agreements in every state, with a renewal chain and history."""

from io import StringIO

import pytest
from django.core.management import call_command


def _seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_has_agreements_in_every_state_with_a_renewal_chain_and_history():
    from pghistory.models import MiddlewareEvents

    from partners.agreements.models import Agreement, AgreementStatus

    _seed()
    main = Agreement.objects.filter(network__slug="keski-suomi")
    assert set(main.values_list("status", flat=True)) == set(AgreementStatus.values)
    renewed = main.get(version=2)
    assert renewed.renewal_of.status == AgreementStatus.EXPIRED
    assert renewed.amendments.count() == 1
    assert all(party.signed_on for party in renewed.parties.all())
    assert main.get(status=AgreementStatus.NEGOTIATION).parties.filter(signed_on__isnull=True).count() == 2
    events = MiddlewareEvents.objects.references(renewed)
    assert events.filter(user__email="koordinaattori@verkosto.example.fi").exists()
