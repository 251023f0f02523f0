"""Forms for the registry pages. Validation of meaning lives in services; these check shape."""

from __future__ import annotations

from django import forms

from townhall.core.models import OrgUnit, User
from townhall.registry.models import PLAN_AND_SECURITY_FIELDS, Account, AccountRequest, Audience, Network, Purpose
from townhall.registry.services import HANDOVER_CHECKLIST


class FilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=100)
    network = forms.ChoiceField(label="Network", required=False, choices=[("", "Any network"), *Network.choices])
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Account.Status.choices])
    unit = forms.ChoiceField(label="School or department", required=False, choices=[])
    purpose = forms.ChoiceField(label="Purpose", required=False, choices=[("", "Any purpose"), *Purpose.choices])
    mine = forms.BooleanField(label="Only accounts I own", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "Any unit")] + [(u.slug, u.name) for u in OrgUnit.objects.all()]


def _people():
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.label} ({obj.username})"


class AccountRequestForm(forms.ModelForm):
    """The guided request: each question is one the digital team needs answered to advise."""

    audiences = forms.MultipleChoiceField(
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Who is the account for?",
        help_text="Tick every audience; the networks they use are suggested below.",
    )
    co_owners = PersonChoice(
        queryset=User.objects.none(),
        required=False,
        label="Co-owners",
        help_text=(
            "Every account needs at least two named owners before it goes live. "
            "On a computer, hold Ctrl (⌘ on a Mac) to pick several; on a phone, tap each."
        ),
    )

    class Meta:
        model = AccountRequest
        fields = [
            "org_unit",
            "purpose",
            "audiences",
            "audience_presence",
            "network",
            "handle",
            "display_name",
            "why_not_existing",
            "content_plan",
            "cadence_per_week",
            "runners",
            "co_owners",
            "hours_per_week",
            "used_personally",
            "personal_experience",
        ]
        labels = {
            "org_unit": "Which School or department will own it?",
            "purpose": "What is it for?",
            "audience_presence": "Where is that audience already, and how do you know?",
            "network": "Which network?",
            "handle": "Handle you would like (if you know)",
            "display_name": "Display name",
            "why_not_existing": "Why will the existing institutional accounts not do?",
            "content_plan": "Content plan: what will you post, and where will it come from?",
            "cadence_per_week": "Posts per week you will commit to",
            "runners": "Who will run it day to day?",
            "hours_per_week": "Hours a week the account will get",
            "used_personally": "I have used this network personally first",
            "personal_experience": "Tell us about that experience",
        }
        widgets = {
            "audience_presence": forms.Textarea(attrs={"rows": 3}),
            "why_not_existing": forms.Textarea(attrs={"rows": 3}),
            "content_plan": forms.Textarea(attrs={"rows": 4}),
            "runners": forms.Textarea(attrs={"rows": 2}),
            "personal_experience": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = _people()
        if user is not None:
            people = people.exclude(pk=user.pk)
            if not self.instance.pk and user.org_unit_id:
                self.fields["org_unit"].initial = user.org_unit_id
        self.fields["co_owners"].queryset = people


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[("approve", "Approve"), ("changes", "Ask for changes"), ("decline", "Decline")],
    )
    reason = forms.CharField(
        label="Reason (sent to the requester)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when asking for changes or declining.",
    )


class AccountEditForm(forms.ModelForm):
    audiences = forms.MultipleChoiceField(
        choices=Audience.choices, widget=forms.CheckboxSelectMultiple, required=False, label="Audiences"
    )
    owners = PersonChoice(queryset=User.objects.none(), label="Owners", help_text="At least two for an active account.")

    class Meta:
        model = Account
        fields = ["display_name", "profile_url", "org_unit", "purpose", *PLAN_AND_SECURITY_FIELDS]
        widgets = {
            "content_plan": forms.Textarea(attrs={"rows": 4}),
            "quiet_start": forms.TimeInput(attrs={"type": "time"}),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}),
            "review_date": forms.DateInput(attrs={"type": "date"}),
            "credentials_rotated_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = _people()
        if self.instance.pk:
            self.fields["owners"].initial = list(self.instance.owners.values_list("pk", flat=True))


class ArchiveForm(forms.Form):
    reason = forms.CharField(label="Why is it closing?", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    successor = forms.ModelChoiceField(
        queryset=Account.objects.none(),
        required=False,
        label="Account followers should go to instead",
        empty_label="No other account",
    )

    def __init__(self, *args, account=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Account.objects.exclude(status=Account.Status.ARCHIVED)
        if account is not None:
            qs = qs.exclude(pk=account.pk)
        self.fields["successor"].queryset = qs
        for code, label in HANDOVER_CHECKLIST:
            self.fields[f"handover_{code}"] = forms.BooleanField(label=label, required=False)

    def handover(self) -> dict[str, bool]:
        return {code: bool(self.cleaned_data.get(f"handover_{code}")) for code, _ in HANDOVER_CHECKLIST}

    def handover_fields(self):
        return [self[f"handover_{code}"] for code, _ in HANDOVER_CHECKLIST]


class ConnectForm(forms.Form):
    network = forms.ChoiceField(label="Network", choices=[("bluesky", "Bluesky"), ("mastodon", "Mastodon")])
    handle = forms.CharField(
        label="Handle",
        max_length=300,
        help_text="Bluesky: physics.example.ac.uk. Mastodon: @name@server.example.",
    )
    secret = forms.CharField(
        label="App password or access token",
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Create an app password in the network's settings; Townhall keeps it encrypted and never shows it.",
    )
    kind = forms.ChoiceField(
        label="Kind",
        choices=[("app_password", "App password"), ("oauth_token", "Access token")],
        initial="app_password",
    )
    service_url = forms.URLField(label="Server address (optional)", required=False)
    org_unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.all(), required=False, label="Owning School or department (new accounts)"
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="Same columns as the export.")
    dry_run = forms.BooleanField(label="Check only, do not save", required=False, initial=True)
