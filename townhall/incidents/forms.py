from django import forms

from townhall.incidents.models import Incident


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="What kind of problem is it?", choices=Incident.Kind.choices)
    url = forms.URLField(label="Link to the content (if online)", required=False, assume_scheme="https")
    network = forms.CharField(label="Network or site", required=False, max_length=30)
    description = forms.CharField(
        label="What happened?", widget=forms.Textarea, min_length=10, max_length=5000,
        help_text="Say what you saw and why it matters. Do not paste people's personal details.",
    )


class TriageForm(forms.Form):
    status = forms.ChoiceField(choices=Incident.Status.choices)
    severity = forms.ChoiceField(choices=Incident.Severity.choices)
    resolution = forms.CharField(label="What was done", widget=forms.Textarea, required=False, max_length=5000)
