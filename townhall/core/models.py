"""People and the organisation they belong to.

Roles are deliberately few and global (staff, digital team, governance, admin); the
finer, object-level scopes (owner of an account, reviewer for a School) come from
relations: `Account.owners` in the registry and `User.review_units` here.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class OrgUnit(models.Model):
    """A School, department or professional service; units nest (department in School)."""

    class Kind(models.TextChoices):
        SCHOOL = "school", "School"
        DEPARTMENT = "department", "Department"
        SERVICE = "service", "Professional service"
        UNION = "union", "Students' union"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def lineage(self) -> list[OrgUnit]:
        """This unit and its ancestors, nearest first: a School reviewer covers its departments."""
        chain, unit, seen = [], self, set()
        while unit is not None and unit.pk not in seen:
            chain.append(unit)
            seen.add(unit.pk)
            unit = unit.parent
        return chain


class User(AbstractUser):
    class Role(models.TextChoices):
        STAFF = "staff", "Staff (author)"
        DIGITAL = "digital", "Digital team"
        GOVERNANCE = "governance", "Governance officer"
        ADMIN = "admin", "Administrator"

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.STAFF)
    org_unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    review_units = models.ManyToManyField(
        OrgUnit,
        blank=True,
        related_name="reviewers",
        help_text="Units (and the units below them) whose posts this person may approve.",
    )
    time_zone = models.CharField(max_length=64, default="Europe/London")
    notify_by_email = models.BooleanField(
        default=True, help_text="Also send notifications to this person's e-mail address (when e-mail is set up)."
    )

    @property
    def effective_role(self) -> str:
        return self.Role.ADMIN if self.is_superuser else self.role

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.effective_role in roles

    @property
    def mfa_required(self) -> bool:
        """The role needs a second factor, or the person may use the Django admin (is_staff or
        is_superuser), whatever their role: the admin reaches every table."""
        from django.conf import settings

        if not self.is_active:
            return False
        return self.is_staff or self.is_superuser or self.effective_role in settings.TOWNHALL_MFA_ROLES

    def reviews(self, unit: OrgUnit | None) -> bool:
        if unit is None:
            return False
        mine = set(self.review_units.values_list("pk", flat=True))
        return any(u.pk in mine for u in unit.lineage())

    @property
    def label(self) -> str:
        return self.get_full_name() or self.username

    def set_password(self, raw_password: str | None) -> None:
        """Remember that the password changed, so ``save`` revokes the API tokens minted under the
        old one, whichever way it was set (the settings page, the admin, ``manage.py
        changepassword``, the shell): a token must not outlive the credential it was issued on."""
        super().set_password(raw_password)
        self._password_changed = True

    # What decides `mfa_required`: a save that touches none of these cannot change it.
    _MFA_FIELDS = frozenset({"role", "is_staff", "is_superuser", "is_active"})

    def save(self, *args, **kwargs) -> None:
        changed = getattr(self, "_password_changed", False) and self.pk is not None
        promoted = self._newly_needs_second_factor(kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        if changed or promoted:
            from townhall.core.actor import current_actor

            actor = current_actor()
        if changed:
            self._password_changed = False
            from townhall.core.services import revoke_tokens

            self.tokens_revoked = revoke_tokens(actor, self, "password changed")
        if promoted:
            from townhall.core import mfa

            mfa.forget_untrusted_devices(actor, self)

    def _newly_needs_second_factor(self, update_fields: Any) -> bool:
        """This save gives the person a role (or admin access) that requires a second factor they
        did not need before. Why it matters: a device enrolled while none was required was set up
        from a password-only session without an enrolment code, so it proves nothing about who holds
        it (someone with a stolen password may have enrolled it); see `mfa.forget_untrusted_devices`."""
        if self.pk is None or (update_fields is not None and not self._MFA_FIELDS & set(update_fields)):
            return False
        before = type(self).objects.filter(pk=self.pk).only(*self._MFA_FIELDS).first()
        return before is not None and not before.mfa_required and self.mfa_required


class LoginFailure(models.Model):
    """One failed sign-in, under the normalised name (services.username_key); kept for the
    throttling window only (pruned periodically)."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)


class KnownSignIn(models.Model):
    """A user name (throttling key) and an address it signed in from successfully, recently.

    Failures by others (a campus NAT, a botnet on the name) do not slow this pair down; kept
    30 days after the last sign-in, then pruned.
    """

    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField()
    last_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["username", "ip"], name="known_sign_in_unique")]


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the key is shown once at creation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)
    second_factor = models.BooleanField(
        default=False,
        help_text="Issued from a session that had passed the second factor. A token without it stops "
        "working while its owner needs a second factor (e.g. after a promotion).",
    )

    def __str__(self) -> str:
        return f"API token “{self.name}” of {self.user.label if self.user_id else 'nobody'}"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(
        cls, user: User, name: str, days: int | None = 90, *, second_factor: bool = True
    ) -> tuple[ApiToken, str]:
        """A new token and its key (shown once). The web page passes `second_factor` as whether
        its session passed the second factor; other callers (shell, tests) act as the operator."""
        key = "th_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=key[:10],
            key_hash=cls.hash_key(key),
            expires_at=timezone.now() + timedelta(days=days) if days else None,
            second_factor=second_factor,
        )
        return token, key

    @property
    def is_valid(self) -> bool:
        return not self.revoked and (self.expires_at is None or self.expires_at > timezone.now())


class PeriodicState(models.Model):
    """When each periodic task was last enqueued; shared by all workers so none doubles up."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)


class WorkerHeartbeat(models.Model):
    """A running `townhall worker`: renewed every quarter of its lease while it lives.

    A RUNNING task whose worker's row has expired (or is gone) was abandoned by a worker that
    died (SIGKILL, out of memory, the machine lost power) and is taken over (core.worker)."""

    worker_id = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.IntegerField(null=True, blank=True)


class TaskStep(models.Model):
    """A step of a task that must not be done twice if the task is run again (an e-mail to one
    person): written after the step, keyed by the task result's id (core.worker.once)."""

    task_id = models.UUIDField()
    step = models.CharField(max_length=200)
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_id", "step"], name="core_taskstep_once")]


class SecondFactorThrottle(models.Model):
    """Wrong one-time codes per person, across every device and every place a code is typed.

    One row per person, locked while a code is checked: it carries the exponential back-off
    and serialises concurrent checks (two confirmations racing with the same code).
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True, related_name="mfa_throttle")
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)


class EnrolmentCode(models.Model):
    """A one-time code an administrator hands a person out of band (in person, by phone) so that
    their *first* authenticator app can be set up from a password-only session.

    Without it first enrolment is trust-on-first-use: whoever holds the password and gets to
    the setup page first owns the account's second factor. Only a keyed hash is stored (the
    code is shown once, to the administrator who issued it); a code is good once, for one
    person, until `expires_at`.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolment_codes")
    digest = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Enrolment code for {self.user.label if self.user_id else 'nobody'}"
