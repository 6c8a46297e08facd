"""English pages and messages write dates, times and numbers as people in Finland read them: 22 Dec 2026 or
22.12.2026, a 24-hour clock (14:30), never the American 12/22/2026 or 2:30 p.m."""

import datetime
import zoneinfo

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation

from networks.meetings import services

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture
def december_meeting(network, coordinator, organisation, django_capture_on_commit_callbacks):
    start = datetime.datetime(2026, 12, 22, 14, 30, tzinfo=HELSINKI)
    with django_capture_on_commit_callbacks(execute=True):
        return services.meeting_create(
            network=network,
            user=coordinator,
            data={"title": "Joulutapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
            organisations=[organisation],
        )


def test_an_english_meeting_page_has_a_day_first_date_and_a_24_hour_clock(client_for, member, december_meeting):
    url = reverse("meetings:meeting_detail", kwargs={"pk": december_meeting.pk})
    page = client_for(member).get(url, headers={"accept-language": "en"}).text
    assert '<html lang="en">' in page
    assert "Tuesday 22.12.2026 14:30</time>–<time" in page and ">16:30</time>" in page
    for american in ("12/22/2026", "Dec. 22", "2:30 p.m.", "p.m."):
        assert american not in page


def test_an_english_invitation_says_22_dec_2026_14_30(december_meeting):
    with translation.override("en"):
        when = render_to_string("networks/meetings/email/when.txt", {"meeting": december_meeting})
    assert when.startswith("When: 22 Dec 2026 14:30 – 16:30")


def test_english_numbers_group_thousands_with_a_space():
    with translation.override("en"):
        assert formats.number_format(12345.5, decimal_pos=1, use_l10n=True, force_grouping=True) == "12\xa0345.5"
        assert formats.date_format(datetime.date(2026, 12, 22)) == "22 Dec 2026"
        assert formats.time_format(datetime.time(14, 30)) == "14:30"
