"""The world of the news tests: helpers to post an item through the pages."""

import pytest
from django.urls import reverse


def list_url(network) -> str:
    return reverse("news:news_list", kwargs={"slug": network.slug})


def create_url(network) -> str:
    return reverse("news:news_create", kwargs={"slug": network.slug})


def detail_url(item) -> str:
    return reverse("news:news_detail", kwargs={"uuid": item.uuid})


def item_data(**changes) -> dict:
    data = {
        "title_fi": "Syksyn koulutuspäivä",
        "body_fi": "Verkoston ohjaajat kokoontuvat Gradiaan 12.10.",
        "title_sv": "",
        "body_sv": "",
        "title_en": "",
        "body_en": "",
    }
    return data | changes


@pytest.fixture
def members_post(network):
    network.members_may_post_news = True
    network.save(update_fields=["members_may_post_news"])
    return network
