"""The institution's policy in the database: setup, drafts, publishing, immutability, rollback,
impact preview, acknowledgements, the `townhall policy` contract and `check --policy`."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from townhall.policies import selectors, services
from townhall.policies.models import Acknowledgement, ImmutableVersionError, PolicyVersion
from townhall.policy.pack import DEFAULT_PACK_PATH, PackError

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(make_user):
    return make_user("admin", username="ada")


@pytest.fixture
def gov(make_user):
    return make_user("governance", username="gwen")


@pytest.fixture
def aston(admin):
    return services.setup_institution(
        admin, names=["Aston University", "Aston Uni", "the University"], domains=["aston.ac.uk"],
        handles=["@astonuniversity"], discouraged=["Aston Uni"],
        digital_team_email="digital@aston.ac.uk", governance_name="Dr Jane Roe",
    )


def _edited(text: str, **changes: dict) -> str:
    """``text`` (pack YAML) with sections updated, e.g. thresholds={"max_hashtags": 5}."""
    data = yaml.safe_load(text)
    for section, values in changes.items():
        target = data.setdefault(section, {}) or {}
        data[section] = target
        for key, value in values.items():
            if isinstance(value, dict) and isinstance(target.get(key), dict):
                target[key] = {**target[key], **value}
            else:
                target[key] = value
    return yaml.safe_dump(data, sort_keys=False)


def _policy(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_err = sys.stderr
    sys.stderr = err
    try:
        call_command("policy", *args, stdout=out)
        code = 0
    except SystemExit as exc:
        code = int(exc.code)
    finally:
        sys.stderr = old_err
    return code, out.getvalue(), err.getvalue()


def test_setup_publishes_version_one_with_the_institutions_names(aston):
    v = selectors.current_version()
    assert v.number == 1 and v.is_published
    pack, number = selectors.current_pack()
    assert number == 1 and pack.name == "Aston University"
    from townhall.web import policy_bridge

    found = policy_bridge.check("Posting on behalf of Aston University: all exams are cancelled tomorrow",
                                account="personal")
    assert any(f["code"] == "BRD001" and f["severity"] == "block" for f in found)
    found = policy_bridge.check("Great day at Aston Uni open day, come and see us!")
    assert any(f["code"] == "BRD004" for f in found)


def test_only_admins_set_up_the_institution(make_user):
    with pytest.raises(PermissionDenied):
        services.setup_institution(make_user("governance"), names=["X University"], domains=[], handles=[])


def test_published_version_cannot_be_edited_or_deleted(aston):
    v = selectors.current_version()
    v.yaml_text = v.yaml_text.replace("Aston University", "Evil University")
    with pytest.raises(ImmutableVersionError):
        v.save()
    with pytest.raises(ImmutableVersionError):
        PolicyVersion.objects.get(pk=v.pk).delete()
    assert "Aston University" in PolicyVersion.objects.get(pk=v.pk).yaml_text


def test_invalid_or_corrupt_pack_never_becomes_current(aston, gov):
    with pytest.raises(PackError):
        services.save_draft(gov, "institution:\n  name: X\nfamilies:\n  privacy: {official: blok}\n")
    assert selectors.draft() is None
    # Even a draft corrupted behind the services' back is refused at publishing.
    d = services.save_draft(gov, selectors.current_version().yaml_text)
    PolicyVersion.objects.filter(pk=d.pk).update(yaml_text="institution: [not, a, mapping")
    with pytest.raises(ValidationError):
        services.publish(gov, note="broken", confirm=True)
    assert selectors.current_version().number == 1


def test_publish_needs_a_note_and_rollback_makes_a_new_version(aston, gov):
    text = _edited(selectors.current_version().yaml_text, thresholds={"max_hashtags": 5})
    services.save_draft(gov, text)
    with pytest.raises(ValidationError):
        services.publish(gov, note="  ")
    v2 = services.publish(gov, note="More hashtags", confirm=True)
    assert v2.number == 2 and selectors.current_pack()[1] == 2
    assert any(c.startswith("Most hashtags: ") and c.endswith(" → 5") for c in selectors.changes(v2))
    v3 = services.rollback(gov, 1)
    assert v3.number == 3 and v3.yaml_text == selectors.version(1).yaml_text and v3.rolled_back_from == 1
    from townhall.audit.models import AuditEntry

    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {"policy.publish", "policy.rollback"}


def test_staff_may_not_publish(aston, make_user):
    with pytest.raises(PermissionDenied):
        services.save_draft(make_user("staff"), selectors.current_version().yaml_text)


def test_acknowledgement_required_and_reported(aston, gov, make_user, units):
    sam = make_user("staff", units["physics"], username="sam")
    services.save_draft(gov, _edited(selectors.current_version().yaml_text, thresholds={"emoji_wall": 5}))
    v = services.publish(gov, note="Fewer emoji", ack_mode="required", confirm=True)
    assert selectors.pending_ack(sam) == v
    assert services.remind_unacknowledged() >= 1
    assert services.remind_unacknowledged() == 0  # at most weekly
    services.acknowledge(sam, v)
    assert selectors.pending_ack(sam) is None
    report = {row["unit"]: row for row in selectors.ack_report(v)}
    assert report["Physics"]["done"] == 1
    assert Acknowledgement.objects.filter(version=v, user=sam).count() == 1


def test_impact_preview_finds_newly_blocked_posts_and_examples(aston, gov):
    from townhall.publishing.models import Post

    Post.objects.create(created_by=gov, text="Our new logo I made for the department, what do you think?",
                        status=Post.Status.PUBLISHED)
    text = _edited(selectors.current_version().yaml_text, rules={"BRD003": {"severity": "block"}})
    d = services.save_draft(gov, text)
    result = services.impact(d)
    assert result.checked == 1 and result.per_rule["BRD003"]["block"] == 1
    assert result.blocked_share == 1.0
    assert any(c.code == "BRD003" and c.after == "block" for c in result.example_changes)
    with pytest.raises(services.NeedsConfirmation):
        services.publish(gov, note="Stricter logos")
    assert services.publish(gov, note="Stricter logos", confirm=True).number == 2


# --- the command-line contract -----------------------------------------------------------------


def test_cli_import_invalid_exits_2_with_file_line_key(aston, gov, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("institution:\n  name: Aston University\nthresholds:\n  max_hashtags: -1\n")
    code, _out, err = _policy("import", str(bad), "--as", "gwen")
    assert code == 2
    assert err.strip() == f"{bad}:4: thresholds.max_hashtags: -1 is less than the minimum of 0"
    assert selectors.draft() is None


def test_cli_export_import_publish_diff(aston, gov, tmp_path):
    code, exported, _ = _policy("export")
    assert code == 0 and "Aston University" in exported
    f = tmp_path / "p.yaml"
    f.write_text(_edited(exported, families={"contentious": {"official": "warn"}}))
    code, _, err = _policy("import", str(f), "--as", "gwen")
    assert code == 0, err
    code, out, _ = _policy("diff")
    assert code == 0 and "CON001 on official accounts: block → warn" in out
    code, out, _ = _policy("publish", "--note", "Contentious warns", "--as", "gwen", "--yes")
    assert code == 0 and out.strip().splitlines()[-1] == "2"
    code, out, _ = _policy("diff", "1", "2")
    assert "CON001 on official accounts: block → warn" in out and "-    official: default" in out
    code, out, _ = _policy("export", "--version", "1")
    assert code == 0
    assert out == selectors.version(1).yaml_text
    code, _, err = _policy("publish", "--note", "nothing", "--as", "gwen")
    assert code == 2 and "no draft" in err


def test_check_policy_current_and_number_inside_an_instance(aston, gov):
    from townhall.cli import _instance_resolver
    from townhall.policy.cli import main

    text = "Great day at Aston Uni, come and see us!"
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", text, "--policy", "current", "--format", "json"], out, err,
                resolver=_instance_resolver(["check", "--policy", "current"])) == 0
    assert "BRD004" in out.getvalue()
    out = io.StringIO()
    resolver = _instance_resolver(["check", "--policy", "7"])
    assert main(["check", text, "--policy", "7"], out, err, resolver=resolver) == 2
    assert "no such published policy version" in err.getvalue()


def test_check_policy_current_outside_an_instance_is_a_usage_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TOWNHALL_DATA_DIR",
                                                            "DJANGO_SETTINGS_MODULE")}
    from townhall.policy.cli import main

    err = io.StringIO()
    assert main(["check", "hello", "--policy", "current"], io.StringIO(), err) == 2
    assert "need a Townhall instance" in err.getvalue()
    r = subprocess.run([sys.executable, "-m", "townhall", "check", "Hello", "--policy", str(DEFAULT_PACK_PATH)],
                       env=env, capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert r.returncode == 0, r.stderr


def test_check_inside_an_instance_uses_the_current_version_by_default(aston, monkeypatch):
    from townhall.cli import _instance_resolver
    from townhall.policy.cli import main

    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "townhall.settings")
    resolver = _instance_resolver(["check", "x"])
    assert resolver is not None
    out = io.StringIO()
    main(["check", "Great day at Aston Uni, come and see us!"], out, io.StringIO(), resolver=resolver)
    assert "BRD004" in out.getvalue()
    # A pack file never needs the database.
    assert _instance_resolver(["check", "x", "--policy", str(DEFAULT_PACK_PATH)]) is None


def test_for_information_versions_are_shown_once(aston, gov, make_user):
    sam = make_user("staff", username="sam")
    assert selectors.notice(sam) is None  # version 1, the set-up, is not announced
    services.save_draft(gov, _edited(selectors.current_version().yaml_text, thresholds={"emoji_wall": 7}))
    v = services.publish(gov, note="More emoji allowed", ack_mode="info", confirm=True)
    assert selectors.pending_ack(sam) is None and selectors.notice(sam) == v
    services.acknowledge(sam, v)
    assert selectors.notice(sam) is None


def test_demo_configures_example_university(make_user):
    from townhall.policies import demo

    demo.load({"ada": make_user("admin", username="ada")})
    inst = selectors.institution()
    assert inst.name == "Example University" and "disciplinary action" in inst.breach_consequence
    pack, number = selectors.current_pack()
    assert number == 1 and pack.name == "Example University"
    from townhall.policy.pack import default_pack

    assert pack.data["institution"]["public_contacts"] == default_pack().data["institution"]["public_contacts"]
    demo.load({"ada": None})  # idempotent
    assert selectors.published().count() == 1


def test_review_2026_12_06_rollback_keeps_an_unpublished_draft_and_publish_pins_the_reviewed_one(make_user):
    """A rollback overwrote a colleague's unpublished draft; publish took whatever the draft was
    by then, so someone else's text went out under the reviewer's name, its impact unchecked."""
    import yaml
    from django.core.exceptions import ValidationError

    from townhall.policies import selectors, services

    services.setup_institution(make_user("admin", username="ada"), names=["Aston University"],
                               domains=["aston.ac.uk"], handles=["@astonuniversity"], governance_name="Dr Jane Roe")
    gov = make_user("governance")
    data = yaml.safe_load(selectors.current_version().yaml_text)
    data.setdefault("thresholds", {})["max_hashtags"] = 5
    services.save_draft(gov, yaml.safe_dump(data, sort_keys=False))
    reviewed = selectors.draft().sha256
    data["thresholds"]["max_hashtags"] = 7
    work = yaml.safe_dump(data, sort_keys=False)
    services.save_draft(gov, work)  # a colleague saves over it meanwhile
    with pytest.raises(ValidationError, match="changed since you reviewed it"):
        services.publish(gov, note="v2", confirm=True, expected_sha256=reviewed)
    with pytest.raises(ValidationError, match="unpublished draft"):
        services.rollback(gov, 1)
    assert selectors.draft().yaml_text == work and selectors.current_version().number == 1
    services.publish(gov, note="v2", confirm=True, expected_sha256=selectors.draft().sha256)
    assert services.rollback(gov, 1).number == 3
