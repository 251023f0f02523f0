from django import forms
from django.contrib.auth.forms import AuthenticationForm

from townhall.core import services


class ThrottledLoginForm(AuthenticationForm):
    """Refuses further attempts once a user name or address has failed too often."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
    }

    def clean(self):
        username = self.data.get("username", "")
        ip = services.client_ip(self.request) if self.request else None
        if services.login_locked(username, ip):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            services.record_login_failure(username, ip)
            raise
        services.clear_login_failures(username)
        return cleaned


class OTPForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
