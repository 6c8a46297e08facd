"""People's accounts: nobody signs up on their own, one account per address (in any case), no address too long."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from portal.accounts.models import User
from tests import factories

NEW_PASSWORD = "Vahva-salasana-2026"


@pytest.mark.django_db
def test_open_signup_is_closed(client):
    response = client.post(reverse("account_signup"), {"email": "x@example.fi", "password1": NEW_PASSWORD})
    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.django_db
def test_user_email_is_unique_case_insensitively(member):
    with pytest.raises(IntegrityError):
        factories.UserFactory(email=member.email.upper())


@pytest.mark.django_db
def test_a_too_long_address_is_a_form_error(client, member):
    long_email = "a" * 250 + "@example.fi"
    client.force_login(member)
    response = client.post(reverse("account_email"), {"action_add": "", "email": long_email})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
