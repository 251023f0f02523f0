from django import forms

from townhall.analytics.models import Campaign, Metric
from townhall.registry.models import Account


class ObjectiveForm(forms.Form):
    name = forms.CharField(max_length=200, label="Objective")
    metric = forms.ChoiceField(choices=Metric.choices, label="Measured by")
    target = forms.IntegerField(min_value=1)
    period_start = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))
    account = forms.ModelChoiceField(queryset=Account.objects.none(), required=False,
                                     label="Account (leave empty for a unit-wide objective)")
    tracked_url = forms.URLField(required=False, label="Page or document tracked", assume_scheme="https")
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.all(), required=False,
                                      label="Part of a campaign (optional)")
    web_source = forms.ChoiceField(
        required=False, label="Fetch page hits or downloads from",
        choices=[("", "Nowhere (enter or import them)"), ("matomo", "Matomo"), ("plausible", "Plausible")])
    web_site = forms.CharField(required=False, max_length=200,
                               label="Site in that service (Matomo site number or Plausible domain)")

    def __init__(self, *args, accounts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts if accounts is not None else Account.objects.none()


class MeasurementForm(forms.Form):
    day = forms.DateField(label="Day", widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.IntegerField(min_value=0, label="Count for that day")


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file with date,value rows")


class CampaignForm(forms.Form):
    name = forms.CharField(max_length=120, label="Campaign name", help_text="For example “Clearing 2027”.")
    description = forms.CharField(required=False, label="What it is for", widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = forms.DateField(required=False, label="Starts", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(required=False, label="Ends", widget=forms.DateInput(attrs={"type": "date"}))
