"""E-mail copies of notifications: configuration, who gets one, sent by the worker after commit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction

from townhall import config
from townhall.incidents import services as incidents


def test_no_smtp_url_means_no_email(monkeypatch):
    monkeypatch.delenv("TOWNHALL_SMTP_URL", raising=False)
    settings = config.email()
    assert settings["TOWNHALL_EMAIL_NOTIFICATIONS"] is False
    assert settings["MAILERS"] is None


def test_smtp_url_is_read_into_django_settings(monkeypatch):
    monkeypatch.setenv("TOWNHALL_SMTP_URL", "smtp://townhall%40example.ac.uk:p%40ss@mail.example.ac.uk:587?tls=1")
    monkeypatch.setenv("TOWNHALL_EMAIL_FROM", "Townhall <townhall@example.ac.uk>")
    s = config.email()
    o = s["MAILERS"]["default"]["OPTIONS"]
    assert (o["host"], o["port"], o["use_tls"], o["use_ssl"]) == ("mail.example.ac.uk", 587, True, False)
    assert (o["username"], o["password"]) == ("townhall@example.ac.uk", "p@ss")
    assert s["DEFAULT_FROM_EMAIL"] == "Townhall <townhall@example.ac.uk>"
    monkeypatch.setenv("TOWNHALL_SMTP_URL", "smtps://mail.example.ac.uk")
    o = config.email()["MAILERS"]["default"]["OPTIONS"]
    assert (o["port"], o["use_ssl"], o["use_tls"]) == (465, True, False)


@pytest.mark.parametrize("bad", ["mail.example.ac.uk", "http://mail.example.ac.uk", "smtp://", "smtp://h:port"])
def test_a_bad_smtp_url_is_one_clear_sentence(monkeypatch, bad):
    monkeypatch.setenv("TOWNHALL_SMTP_URL", bad)
    with pytest.raises(ImproperlyConfigured, match="TOWNHALL_SMTP_URL"):
        config.email()


def test_a_bad_base_url_is_refused(monkeypatch):
    monkeypatch.setenv("TOWNHALL_BASE_URL", "townhall.example.ac.uk")
    with pytest.raises(ImproperlyConfigured, match="TOWNHALL_BASE_URL"):
        config.base_url()



@pytest.mark.django_db(transaction=True)
def test_a_new_incident_emails_each_governance_officer_separately(email_on, make_user):
    reporter = make_user("staff", email="reporter@example.ac.uk")
    gwen = make_user("governance", email="gwen@example.ac.uk")
    make_user("governance", email="")  # no address: in-app only
    make_user("governance", email="quiet@example.ac.uk", notify_by_email=False)
    make_user("admin", email="ada@example.ac.uk")
    make_user("digital", email="dana@example.ac.uk")  # not governance
    incident = incidents.report(reporter, kind="impersonation",
                                description="An account pretends to be our admissions office.")
    assert mail.outbox == []  # sent by the worker, never inside the request
    call_command("worker", burst=True, no_schedule=True, interval=0)
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.ac.uk", "gwen@example.ac.uk"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)
    message = next(m for m in mail.outbox if m.to == [gwen.email])
    assert message.subject.startswith(f"[Townhall] New incident #{incident.pk}: Impersonation")
    assert f"https://townhall.example.ac.uk/incidents/{incident.pk}/" in message.body
    assert "admissions office" in message.body


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_for_an_action_that_rolled_back(email_on, make_user):
    reporter = make_user("staff")
    make_user("governance", email="gwen@example.ac.uk")
    with pytest.raises(RuntimeError), transaction.atomic():
        incidents.report(reporter, kind="impersonation", description="An account pretends to be us, again.")
        raise RuntimeError("the surrounding action failed")
    call_command("worker", burst=True, no_schedule=True, interval=0)
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_reporter_hears_how_the_report_ended(email_on, make_user):
    reporter = make_user("staff", email="reporter@example.ac.uk")
    gwen = make_user("governance")
    incident = incidents.report(reporter, kind="harassment", description="Abusive replies under our open day post.")
    incidents.triage(gwen, incident, status="closed", resolution="Reported to the network; the replies are gone.")
    call_command("worker", burst=True, no_schedule=True, interval=0)
    [message] = mail.outbox
    assert message.to == ["reporter@example.ac.uk"] and "is closed" in message.subject
    assert "the replies are gone" in message.body


@pytest.mark.django_db(transaction=True)
def test_publishing_notifications_are_emailed_too(email_on, units, make_user):
    from townhall.publishing import services as publishing
    from townhall.registry.models import Account

    author = make_user("staff", units["physics"], email="author@example.ac.uk")
    owner = make_user("staff", units["physics"], email="owner@example.ac.uk")
    account = Account.objects.create(network="mastodon", handle="@physics@mastodon.example", status="active",
                                     org_unit=units["physics"])
    account.owners.add(owner)
    post = publishing.create_post(author, [account], "Open day on Saturday: come and see the lab!")
    publishing.submit(post, author)
    call_command("worker", burst=True, no_schedule=True, interval=0)
    assert [m.to for m in mail.outbox] == [["owner@example.ac.uk"]]
    assert "asks you to approve" in mail.outbox[0].subject
    assert f"/posts/{post.pk}/" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_mail_goes_out_through_a_real_smtp_server(settings, make_user, monkeypatch):
    """TOWNHALL_SMTP_URL -> MAILERS -> Django's SMTP backend -> an SMTP server on loopback."""
    import socket

    from aiosmtpd.controller import Controller

    from townhall.core.mail import send_now

    class Inbox:
        def __init__(self):
            self.envelopes = []

        async def handle_DATA(self, server, session, envelope):
            self.envelopes.append(envelope)
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setenv("TOWNHALL_SMTP_URL", f"smtp://127.0.0.1:{port}")
        settings.MAILERS = config.email()["MAILERS"]
        settings.DEFAULT_FROM_EMAIL = "townhall@example.ac.uk"
        settings.TOWNHALL_BASE_URL = "https://townhall.example.ac.uk"
        gwen = make_user("governance", email="gwen@example.ac.uk")
        assert send_now([gwen.pk], "New incident #7", "Someone impersonates us.", "/incidents/7/") == 1
    finally:
        controller.stop()
    [envelope] = inbox.envelopes
    assert envelope.mail_from == "townhall@example.ac.uk" and envelope.rcpt_tos == ["gwen@example.ac.uk"]
    body = envelope.content.decode()
    assert "Subject: [Townhall] New incident #7" in body and "https://townhall.example.ac.uk/incidents/7/" in body
