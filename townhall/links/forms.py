from django import forms

from townhall.analytics.models import Campaign
from townhall.registry.models import Account


class LinkForm(forms.Form):
    url = forms.CharField(max_length=4096, label="Web address to link to")
    account = forms.ModelChoiceField(queryset=Account.objects.none(), required=False,
                                     label="Account that will post it (optional)")
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), required=False, label="Campaign (optional)")
    expires_on = forms.DateField(required=False, label="Stops working after (optional)",
                                 widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, accounts=None, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts if accounts is not None else Account.objects.none()
        self.fields["campaign"].queryset = campaigns if campaigns is not None else Campaign.objects.none()


class ExpiryForm(forms.Form):
    expires_on = forms.DateField(required=False, label="Stops working after (leave empty: never)",
                                 widget=forms.DateInput(attrs={"type": "date"}))
