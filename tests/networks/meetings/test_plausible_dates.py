"""A time-poll slot in year 9999 was accepted (and picking it made a meeting in 9999). Now the
poll page refuses it, saying the allowed years in the person's language, and nothing is saved."""

import pytest
from django.urls import reverse

from networks.meetings.models import Meeting, TimePoll, TimeSlot
from tests.networks.meetings.test_polls import _form_data

pytestmark = pytest.mark.django_db

MESSAGES = {
    "en": "Give a date between 1900 and 2199.",
    "fi": "Anna päivämäärä vuosien 1900 ja 2199 väliltä.",
    "sv": "Ange ett datum mellan åren 1900 och 2199.",
}


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_a_poll_slot_in_year_9999_is_refused(client_for, network, member, language):
    url = reverse("meetings:poll_create", kwargs={"slug": network.slug})
    response = client_for(member).post(
        url, _form_data(**{"slots-1-date": "9999-06-01"}), headers={"accept-language": language}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert MESSAGES[language] in content
    assert "Syksyn tapaaminen" in content  # the input is kept
    assert not TimePoll.objects.exists() and not TimeSlot.objects.exists() and not Meeting.objects.exists()
