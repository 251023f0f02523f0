"""Links in posts become tracked links on submit; the author can keep a link as written; the
composer counts the short link in the length."""

from __future__ import annotations

import pytest

from townhall.links import services as links
from townhall.links.models import Link
from townhall.publishing import services
from townhall.registry.models import Account

LONG = "https://www.example.ac.uk/study/undergraduate/clearing-2027/physics-with-astrophysics?ref=" + "a" * 200


@pytest.fixture
def account(units, make_user):
    owner = make_user("staff", units["physics"], username="owner")
    acc = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"],
                                 status="active", max_per_day=20, min_gap_minutes=0)
    acc.owners.add(owner)
    return acc


def test_submit_turns_links_into_tracked_links_and_keeps_the_chosen_one(account, make_user, units):
    author = make_user("staff", units["physics"])
    text = f"Clearing is open: {LONG}. Reading list: https://library.example.ac.uk/list, see you!"
    post = services.create_post(author, [account.pk], text)
    links.remember_kept(post, ["https://library.example.ac.uk/list", "https://not-in-the-post.example/"])
    services.submit(post, author)
    post.refresh_from_db()
    link = Link.objects.get(post=post)
    assert link.target == LONG and link.network == "bluesky" and link.short_url in post.text
    assert LONG not in post.text and "https://library.example.ac.uk/list," in post.text
    assert "utm_content=post-" in link.destination and "utm_source=bluesky" in link.destination
    # the 300-grapheme Bluesky limit is judged on the short link: no too-long block
    assert not [f for f in post.findings if f["code"] == "PLT001"]


def test_composer_counts_the_short_link(client, account, make_user, units):
    author = make_user("staff", units["physics"])
    client.force_login(author)
    text = f"Clearing: {LONG}"
    from django.urls import reverse

    r = client.post(reverse("publishing:check"), {"text": text, "accounts": [account.pk]})
    body = r.content.decode()
    short_len = len(f"Clearing: {links.preview_text(LONG)}")
    assert f"{short_len} of 300" in body and "Leave" in body
    r = client.post(reverse("publishing:check"), {"text": text, "accounts": [account.pk], "keep_link": LONG})
    assert f"{len(text)} of 300" in r.content.decode()


def test_find_urls_stops_at_sentence_punctuation():
    assert links.find_urls("See https://a.example.ac.uk/x. And (https://b.example.ac.uk/y), ok") == [
        "https://a.example.ac.uk/x", "https://b.example.ac.uk/y"]
    assert links.preview_text("javascript:alert(1) http://localhost/x") == "javascript:alert(1) http://localhost/x"


def test_a_link_with_a_policy_problem_is_never_hidden_behind_a_short_link(account, make_user, units):
    author = make_user("staff", units["physics"])
    leaky = "https://www.example.ac.uk/share?key=ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"
    post = services.create_post(author, [account.pk], f"Results {leaky} and https://www.example.ac.uk/news")
    with pytest.raises(ValueError, match="blocking policy findings"):
        services.submit(post, author)  # the token in the link is still seen and blocks
    post.refresh_from_db()
    assert leaky in post.text and Link.objects.filter(target__contains="ghp_").count() == 0


def test_compose_form_keeps_the_chosen_link(client, account, make_user, units):
    from django.urls import reverse

    author = make_user("staff", units["physics"])
    client.force_login(author)
    client.post(reverse("publishing:compose"), {
        "text": "Two links https://www.example.ac.uk/a and https://www.example.ac.uk/b", "accounts": [account.pk],
        "keep_link": ["https://www.example.ac.uk/b"], "submit": "1", "visibility": "public"})
    link = Link.objects.get()
    assert link.target == "https://www.example.ac.uk/a" and "https://www.example.ac.uk/b" in link.post.text
