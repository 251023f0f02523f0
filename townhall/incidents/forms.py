from django import forms

from townhall.incidents.models import Incident


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="What kind of problem is it?", choices=Incident.Kind.choices)
    url = forms.URLField(label="Link to the content (if online)", required=False, assume_scheme="https",
                         max_length=Incident._meta.get_field("url").max_length)
    network = forms.CharField(label="Network or site", required=False, max_length=30)
    description = forms.CharField(
        label="What happened?", widget=forms.Textarea, min_length=10, max_length=5000,
        help_text="Say what you saw and why it matters. Do not paste people's personal details.",
    )
    withhold_name = forms.BooleanField(
        label="Do not show my name to the people who handle this report (the governance team still sees it)",
        required=False,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(EvidenceField, self).clean(f, initial) for f in files]


class TriageForm(forms.Form):
    status = forms.ChoiceField(choices=Incident.Status.choices)
    severity = forms.ChoiceField(choices=Incident.Severity.choices)
    resolution = forms.CharField(label="What was done", widget=forms.Textarea, required=False, max_length=5000)


ReportForm.base_fields["evidence"] = EvidenceField(
    label="Screenshots or PDF files (optional, up to 10 MB each)", required=False,
)
