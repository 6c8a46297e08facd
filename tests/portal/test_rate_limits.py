"""Brute force against the sign-in is stopped (allauth's limits, on a real shared cache)."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD


@pytest.mark.django_db
def test_failed_sign_ins_lock_the_account_for_a_while(client, member):
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": member.email, "password": "wrong-password"})
        assert response.status_code == 200
    # After five failures even the right password is refused for now.
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors


@pytest.mark.django_db
def test_many_sign_in_posts_from_one_address_get_429(client, member):
    statuses = [
        client.post(reverse("account_login"), {"login": f"x{i}@example.fi", "password": "x"}).status_code
        for i in range(31)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429, statuses
