"""API fuzzing: schemathesis over every operation of /api/openapi.json, as an admin and as staff.

Each operation gets a bounded, derandomised hypothesis run (so CI is stable and short) through
the WSGI application in-process. Checks: no server error, every response matches the schema the
API publishes (body and status code). Each operation runs inside a savepoint that is rolled back,
so destructive calls (DELETE, withdraw, revoke) cannot starve the operations after them; a small
fixed data set (one of each object, created before the savepoints) gives the generated ids
something real to hit now and then.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.db import transaction

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    response_schema_conformance,
    status_code_conformance,
)

# Examples per operation and per role; TOWNHALL_FUZZ_EXAMPLES raises it for a longer local run.
EXAMPLES = int(os.environ.get("TOWNHALL_FUZZ_EXAMPLES", "10"))
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@dataclass
class Report:
    cases: int = 0
    failed_cases: int = 0
    # (operation, failure title) -> the first report of it, with the curl line to reproduce
    failures: dict[tuple[str, str], str] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)


def _seed(make_user, units) -> tuple[dict[str, str], dict[str, int]]:
    """One object of each kind (tokens for both roles, ids by path parameter) for the generated calls."""
    from datetime import date, timedelta

    from django.utils import timezone

    from townhall.analytics.models import Objective
    from townhall.core.models import ApiToken
    from townhall.inbox.models import Conversation
    from townhall.incidents.models import Incident
    from townhall.listening.models import Mention, NeverStore, SavedSearch
    from townhall.publishing.models import Delivery, Post
    from townhall.registry.models import Account, AccountRequest

    admin = make_user("admin", units["physics"], username="fuzzadmin")
    staff = make_user("staff", units["physics"], username="fuzzstaff")
    now = timezone.now()
    account = Account.objects.create(
        network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"], status="active"
    )
    account.owners.add(staff)
    post = Post.objects.create(created_by=staff, org_unit=units["physics"], text="Open day on Saturday.")
    Delivery.objects.create(post=post, account=account)
    request = AccountRequest.objects.create(
        requested_by=staff, org_unit=units["physics"], network="mastodon", purpose="communications",
        audiences=["students"], audience_presence="Our students read Mastodon.", why_not_existing="None fit.",
        content_plan="Weekly news.", runners="Two of us.", hours_per_week=2,
    )
    search = SavedSearch.objects.create(name="Physics", query='"physics"', created_by=admin)
    mention = Mention.objects.create(
        network="bluesky", remote_id="at://example/1", author_handle="someone.example", text="Is the lab open?",
        created_at=now, expires_at=now + timedelta(days=30), text_hash="0" * 32, is_question=True,
    )
    conversation = Conversation.objects.create(account=account, mention=mention, received_at=now, is_question=True)
    never = NeverStore.objects.create(user=staff, handle="someone.example")
    incident = Incident.objects.create(kind="other", description="Something odd happened here.", created_by=staff)
    objective = Objective.objects.create(
        name="Open day sign-ups", metric="applications", target=100, org_unit=units["physics"],
        period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
    )
    tokens = {"admin": ApiToken.issue(admin, "fuzz")[1], "staff": ApiToken.issue(staff, "fuzz")[1]}
    ids = {
        "account_id": account.pk, "request_id": request.pk, "search_id": search.pk, "entry_id": never.pk,
        "incident_id": incident.pk, "objective_id": objective.pk,
        "/api/posts/": post.pk, "/api/inbox/": conversation.pk,  # both call their id `pk`
    }
    return tokens, ids


def _real_ids(operation, ids: dict[str, int]) -> dict[str, int] | None:
    """Path parameters pointing at the seeded objects, so generated calls also reach real ones."""
    names = [p.name for p in operation.path_parameters]
    if not names:
        return None
    found = {}
    for name in names:
        prefixes = (k for k in ids if k.startswith("/") and operation.path.startswith(k))
        key = name if name in ids else next(prefixes, None)
        if key is None:
            return None
        found[name] = ids[key]
    return found


def _load_schema():
    from django.core.wsgi import get_wsgi_application

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    return schema


@pytest.fixture
def keep_connection():
    """Like Django's test client: the WSGI app must not close the test's connection after a request
    (on PostgreSQL that would end the transaction the test and its savepoints live in)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _fuzz(schema, token: str, ids: dict[str, int], report: Report) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    for result in schema.get_all_operations():
        run = _runner(result.ok(), headers, ids, report)
        with transaction.atomic():
            run()
            transaction.set_rollback(True)


def _runner(operation, headers: dict[str, str], ids: dict[str, int], report: Report):
    """A hypothesis test for one operation (a function, so each closure binds its own operation)."""
    strategies = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
    real = _real_ids(operation, ids)
    if real:
        strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=real))

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    # Valid requests (with NUL characters, huge numbers, long strings), invalid ones (wrong types,
    # missing fields, a JSON array for an object) and valid ones on the seeded objects, in one stream.
    @given(case=st.one_of(*strategies))
    def run(case):
        report.cases += 1
        try:
            response = case.call(headers=headers)
            report.statuses[response.status_code] += 1
            case.validate_response(response, checks=CHECKS, headers=headers)
            if case.meta.generation.mode.is_positive and response.status_code == 422:
                # The schema says the request is valid and the server's own validation says not:
                # one of them is wrong (400 is fine: a rule of the service, in words).
                raise AssertionError(f"Valid data refused with 422: {response.text[:500]}")
        except (Exception, BaseExceptionGroup) as exc:  # failed checks come as a group
            report.failed_cases += 1
            label = f"{operation.method.upper()} {operation.path}"
            for sub in getattr(exc, "exceptions", None) or [exc]:
                title = getattr(sub, "title", None) or type(sub).__name__
                report.failures.setdefault((label, title), f"{label}: {str(exc).strip()[:2000]}")

    return run


@pytest.mark.parametrize("role", ["admin", "staff"])
def test_every_operation_survives_fuzzing(role, make_user, units, settings, keep_connection):
    settings.ALLOWED_HOSTS = ["*"]
    tokens, ids = _seed(make_user, units)
    schema = _load_schema()
    report = Report()
    _fuzz(schema, tokens[role], ids, report)
    print(f"\nschemathesis ({role}): {report.cases} cases, {report.failed_cases} failing, "
          f"{len(report.failures)} distinct failures, statuses {dict(sorted(report.statuses.items()))}")
    for label, title in sorted(report.failures):
        print(f"  FAILURE {label}: {title}")
    assert report.cases > 0
    assert not report.failures, "\n\n".join(report.failures.values())
