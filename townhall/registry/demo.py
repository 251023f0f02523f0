"""Demo registry: eight official accounts across networks and units, one request, one dormant account.

Security checklists vary on purpose (so the scores and reminders have something to show).
No credentials are stored: demo accounts must never post to a real network.
Other apps' demo data look these accounts up by handle; keep the handles stable.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from django.utils import timezone

from townhall.audit.services import record
from townhall.core.models import OrgUnit, User
from townhall.registry.models import Account, AccountRequest

ACCOUNTS: list[dict[str, Any]] = [
    {
        "network": "bluesky",
        "handle": "physics.example.ac.uk",
        "unit": "physics",
        "owners": ["amara", "dana"],
        "display_name": "Physics at Example University",
        "purpose": "research",
        "audiences": ["researchers", "journalists", "prospective_students"],
        "content_plan": "Research stories from the department's groups, seminar announcements, outreach events.",
        "cadence": 4,
        "mfa": True,
        "recovery": "physics-social@example.ac.uk",
        "access": 2,
        "rotated": 40,
        "posted_days_ago": 2,
        "status": "active",
    },
    {
        "network": "bluesky",
        "handle": "example.ac.uk",
        "unit": "comms",
        "owners": ["dana", "eli"],
        "display_name": "Example University",
        "purpose": "communications",
        "audiences": ["general_public", "journalists", "researchers"],
        "content_plan": "Institutional news, research highlights from Schools, open days, statements.",
        "cadence": 10,
        "max_per_day": 4,
        "min_gap": 45,
        "mfa": True,
        "recovery": "socialmedia@example.ac.uk",
        "access": 3,
        "rotated": 60,
        "posted_days_ago": 0,
        "status": "active",
    },
    {
        "network": "mastodon",
        "handle": "@nursing@mastodon.example.ac.uk",
        "unit": "nursing",
        "owners": ["chen", "eli"],
        "display_name": "Nursing, Example University",
        "purpose": "teaching",
        "audiences": ["current_students", "researchers"],
        "service_url": "https://mastodon.example.ac.uk",
        "content_plan": "Placement news, clinical skills tips, research from the School's nursing groups.",
        "cadence": 3,
        "mfa": False,
        "recovery": "chen@example.ac.uk",
        "access": 2,
        "rotated": 120,
        "posted_days_ago": 5,
        "status": "active",
    },
    {
        "network": "linkedin",
        "handle": "example-university",
        "unit": "comms",
        "owners": ["dana", "eli"],
        "display_name": "Example University",
        "purpose": "communications",
        "audiences": ["alumni", "industry", "funders"],
        "content_plan": "Partnerships, knowledge exchange, graduate outcomes, vacancies.",
        "cadence": 5,
        "mfa": True,
        "recovery": "example.uni.social@gmail.com",
        "access": 4,
        "rotated": 30,
        "posted_days_ago": 1,
        "status": "active",
    },
    {
        # Longer than X's 15 characters for new names: an older, grandfathered handle.
        "network": "x",
        "handle": "ExampleUniAlumni",
        "unit": "alumni",
        "owners": ["eli", "ada"],
        "display_name": "Example University Alumni",
        "purpose": "alumni",
        "audiences": ["alumni"],
        "content_plan": "Reunions, alumni stories, mentoring calls, giving days.",
        "cadence": 3,
        "mfa": False,
        "recovery": "",
        "access": 7,
        "rotated": 420,
        "posted_days_ago": 9,
        "status": "active",
    },
    {
        "network": "instagram",
        "handle": "exampleuni_su",
        "unit": "union",
        "owners": ["ben", "dana"],
        "display_name": "Example Students' Union",
        "purpose": "union",
        "audiences": ["current_students", "prospective_students"],
        "content_plan": "Events, elections, welfare and advice services, society highlights.",
        "cadence": 7,
        "mfa": True,
        "recovery": "su-comms@example.ac.uk",
        "access": 3,
        "rotated": 90,
        "posted_days_ago": 1,
        "status": "active",
    },
    {
        "network": "youtube",
        "handle": "ExampleUniLectures",
        "unit": "eps",
        "owners": ["amara", "dana"],
        "display_name": "Example University Public Lectures",
        "purpose": "research",
        "audiences": ["general_public"],
        "content_plan": "Recordings of the public lecture series, one a month in term.",
        "cadence": 1,
        "mfa": True,
        "recovery": "eps-events@example.ac.uk",
        "access": 2,
        "rotated": 300,
        "posted_days_ago": 160,
        "status": "dormant",
    },
    {
        "network": "bluesky",
        "handle": "business.example.ac.uk",
        "unit": "business",
        "owners": ["ben"],
        "display_name": "Example Business School",
        "purpose": "communications",
        "audiences": ["industry", "prospective_students"],
        "content_plan": "Executive education, research on markets and management, alumni in business.",
        "cadence": 3,
        "mfa": False,
        "recovery": "",
        "access": None,
        "rotated": None,
        "posted_days_ago": None,
        "status": "pending",
    },
]


def load(people: dict[str, User]) -> None:
    units = {u.slug: u for u in OrgUnit.objects.all()}
    now = timezone.now()
    today = timezone.localdate()
    for spec in ACCOUNTS:
        posted = spec["posted_days_ago"]
        defaults = {
            "display_name": spec["display_name"],
            "org_unit": units[spec["unit"]],
            "purpose": spec["purpose"],
            "audiences": spec["audiences"],
            "content_plan": spec["content_plan"],
            "cadence_per_week": spec["cadence"],
            "max_per_day": spec.get("max_per_day", 3),
            "min_gap_minutes": spec.get("min_gap", 90),
            "quiet_start": time(21, 0),
            "quiet_end": time(7, 30),
            "service_url": spec.get("service_url", ""),
            "mfa_enabled": spec["mfa"],
            "recovery_email": spec["recovery"],
            "people_with_access": spec["access"],
            "credentials_rotated_on": today - timedelta(days=spec["rotated"]) if spec["rotated"] else None,
            "status": spec["status"],
            "review_date": date(today.year + 1, 1, 31) if spec["status"] != "dormant" else today,
        }
        account = Account.objects.filter(network=spec["network"], handle=spec["handle"]).first()
        created = account is None
        if created:
            from townhall.registry.handles import profile_url

            account = Account(
                network=spec["network"],
                handle=spec["handle"],
                created_by=people["dana"],
                profile_url=profile_url(spec["network"], spec["handle"]),
            )
            account.last_posted_at = now - timedelta(days=posted) if posted is not None else None
            account.status_changed_at = now - timedelta(days=200)
        for name, value in defaults.items():
            setattr(account, name, value)
        account.save()
        account.owners.set([people[name] for name in spec["owners"]])
        if created:
            record("demo", "account.create", account, after={"status": account.status, "handle": account.handle})

    if not AccountRequest.objects.filter(requested_by=people["ben"], network="tiktok").exists():
        req = AccountRequest.objects.create(
            requested_by=people["ben"],
            org_unit=units["marketing"],
            network="tiktok",
            handle="examplemarketing",
            display_name="Marketing at Example",
            purpose="students",
            audiences=["prospective_students"],
            audience_presence="Applicants we meet at open days say they found us on TikTok; UCAS surveys agree.",
            why_not_existing="The main Instagram serves the whole university; we want short course videos.",
            content_plan="Two short videos a week made by student ambassadors: modules, projects, campus life.",
            cadence_per_week=2,
            runners="Ben Clarke with two paid student ambassadors",
            hours_per_week=4,
            used_personally=True,
            personal_experience="Ben has run a personal account for a year.",
        )
        req.co_owners.set([people["amara"]])
        record("demo", "account.request.submit", req, after={"status": req.status})
