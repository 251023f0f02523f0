"""Issue 10, item 10: /admin/ for a signed-in person without admin access says no, once."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("role", ["staff", "governance"])
def test_signed_in_non_staff_get_a_refusal_not_a_loop(verified_client, make_user, role):
    client = verified_client(make_user(role))
    response = client.get("/admin/", follow=True)
    assert len(response.redirect_chain) <= 1
    assert response.status_code == 403
    assert "No access to the administration site" in response.content.decode()


def test_staff_with_admin_access_still_reach_the_admin(verified_client, make_user):
    client = verified_client(make_user("admin", is_staff=True, is_superuser=True))
    assert client.get("/admin/").status_code == 200


def test_anonymous_visitors_get_the_sign_in_page(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200 and "Sign in to Townhall" in response.content.decode()
