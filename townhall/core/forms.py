import math
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from townhall.core import services
from townhall.core.models import User

# Offered in the settings page: every IANA zone with a region, sorted (not the legacy aliases).
TIME_ZONES = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))


class ThrottledLoginForm(AuthenticationForm):
    """Asks for a growing wait after repeated failures (see services.login_wait); while it runs
    the password is not checked at all, so the answer says nothing about it."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": "Too many failed sign-in attempts. Wait %(wait)s, then try again.",
    }

    def clean(self):
        username = self.data.get("username", "")
        ip = services.client_ip(self.request) if self.request else None
        # Counted as a failure before the password is checked, so requests sent together cannot
        # all pass the wait (services.reserve_login_attempt); a success forgets it.
        wait = services.reserve_login_attempt(username, ip)
        if wait:
            words = f"{wait} seconds" if wait < 120 else f"{math.ceil(wait / 60)} minutes"
            raise forms.ValidationError(self.error_messages["locked"], code="locked", params={"wait": words})
        cleaned = super().clean()
        services.record_login_success(username, ip)
        return cleaned


class OTPForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class EnrolForm(OTPForm):
    """Enrolment: the new app's code, and (when a device exists) a code from the current one."""

    current_token = forms.CharField(
        label="Six-digit code from the authenticator app you use now",
        min_length=6,
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, replacing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].label = "Six-digit code from the new authenticator app"
        if replacing:
            self.fields["current_token"].required = True
        else:
            del self.fields["current_token"]


class EnrolmentCodeForm(forms.Form):
    """The code an administrator gave the person for setting up their first authenticator app."""

    code = forms.CharField(
        label="Enrolment code from your administrator",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class SettingsForm(forms.ModelForm):
    """What people may change about themselves. Role, unit and scopes are the admins' to set."""

    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=[(z, z.replace("_", " ")) for z in TIME_ZONES],
        help_text="Times you type when scheduling are read in this zone, and the calendar shows it.",
    )

    class Meta:
        model = User
        fields = ["email", "time_zone", "notify_by_email"]
        labels = {"email": "E-mail address", "notify_by_email": "Send me an e-mail copy of my notifications"}
        help_texts = {"email": "Your work address: Townhall sends notifications and nothing else to it."}
