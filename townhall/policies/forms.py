"""Forms: the first-run set-up, the common policy settings, the full YAML."""

from __future__ import annotations

from django import forms

from townhall.policy.types import FAMILIES, NETWORKS

FAMILY_CHOICES = [
    ("default", "Each rule's own severity"),
    ("block", "Block at most"),
    ("warn", "Warn at most"),
    ("info", "Inform only"),
    ("off", "Off"),
]
FAMILY_WORDS = {
    "privacy": "Privacy", "credentials": "Passwords and keys", "confidential-ip": "Confidential and unpublished work",
    "contentious": "Contentious issues", "abuse": "Abuse", "brand": "Brand", "copyright": "Copyright",
    "platform": "Network limits", "accessibility": "Accessibility", "engagement": "Engagement",
    "personal-use": "Personal use",
}
NETWORK_WORDS = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "linkedin": "LinkedIn",
                 "threads": "Threads", "facebook": "Facebook", "instagram": "Instagram"}
NETWORK_LIMITS = {"max_hashtags": "most hashtags", "max_mentions": "most mentions", "max_links": "most links"}
THRESHOLD_WORDS = {
    "max_hashtags": "Most hashtags in a post",
    "max_mentions": "Most mentions in a post",
    "max_links": "Most links in a post",
    "emoji_wall": "Emoji in a row that count as a wall",
    "token_entropy": "How random a word must look to be treated as a secret (bits per character)",
    "stance_without_topic": "Stance classifier score that flags a post without a topic word (0 to 1)",
}


_AREA = forms.Textarea(attrs={"rows": 2})
_AREA3 = forms.Textarea(attrs={"rows": 3})


def lines(value: str) -> list[str]:
    """One item per line or comma."""
    out = []
    for line in value.replace(",", "\n").splitlines():
        if line.strip():
            out.append(line.strip())
    return out


class InstitutionFields(forms.Form):
    """The institution's names, shared by first-time setup and the settings page, so both ask
    for them in the same words (the pack's ``institution`` block)."""

    name = forms.CharField(
        label="Institution name", max_length=200)
    aliases = forms.CharField(
        label="Other names people use (one per line)", required=False, widget=_AREA)
    domains = forms.CharField(
        label="E-mail domains (one per line, e.g. aston.ac.uk)", required=False, widget=_AREA)
    handles = forms.CharField(
        label="Official handles (one per line, e.g. @astonuniversity)", required=False, widget=_AREA)
    discouraged = forms.CharField(
        label="Names the brand guidelines ask official posts not to use", required=False, widget=_AREA)


class SetupForm(InstitutionFields):
    contacts = forms.CharField(
        label="Phone numbers and addresses the institution publishes (not personal data)", required=False,
        widget=_AREA)
    digital_team_email = forms.EmailField(
        label="Digital team e-mail", required=False)
    governance_name = forms.CharField(
        label="Director of Governance", required=False, max_length=200)
    governance_contact = forms.CharField(
        label="Director of Governance's e-mail or phone", required=False, max_length=200)
    policy_url = forms.URLField(
        label="Link to the full social media policy", required=False, assume_scheme="https")
    brand_url = forms.URLField(
        label="Link to the brand guidelines", required=False, assume_scheme="https")
    concern_howto = forms.CharField(
        label="How staff report a concern", required=False, widget=_AREA)
    breach_consequence = forms.CharField(
        label="What a breach of the policy may lead to (shown to staff)", required=False, widget=_AREA)
    monitoring_notice = forms.CharField(
        label="ICT monitoring notice (shown on the Help page)", required=False, widget=_AREA)

    PROFILE = ("digital_team_email", "governance_name", "governance_contact", "policy_url", "brand_url",
               "concern_howto", "breach_consequence", "monitoring_notice")


def _rule_choices() -> list[tuple[str, str]]:
    """Every risk and personal-use rule as (code, "Its name (its family)"), in code order."""
    from townhall.policy.registry import rules_registry

    return [
        (code, f"{rule.name.replace('-', ' ').capitalize()} ({FAMILY_WORDS[rule.family]})")
        for code, rule in rules_registry().items()
        if rule.family in FAMILY_WORDS
    ]


class SettingsForm(InstitutionFields):
    """The common settings; built from a pack's data and turned back into it."""

    topics = forms.CharField(
        label="Extra divisive topics for this institution (one per line)", required=False, widget=_AREA)
    # Ticked by name, not typed as codes: a governance officer reads "Divisive stance (Contentious
    # topics)", and a mistyped code can no longer slip in unnoticed.
    relaxed = forms.MultipleChoiceField(
        label="Rules that only inform on research and teaching accounts and scholarly posts",
        required=False, widget=forms.CheckboxSelectMultiple)
    parties = forms.CharField(
        label="Parties and candidates whose endorsement still blocks there, besides the built-in list",
        required=False, widget=_AREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relaxed"].choices = _rule_choices()
        for fam in FAMILIES:
            for acct, words in (("official", "official accounts"), ("personal", "personal accounts")):
                self.fields[f"fam__{fam}__{acct}"] = forms.ChoiceField(
                    label=f"{FAMILY_WORDS[fam]} on {words}", choices=FAMILY_CHOICES)
        for net in NETWORKS:
            for key, words in NETWORK_LIMITS.items():
                self.fields[f"net__{net}__{key}"] = forms.IntegerField(
                    label=f"{NETWORK_WORDS[net]}: {words} (empty: as above)", min_value=0, required=False)
        for key, label in THRESHOLD_WORDS.items():
            self.fields[f"thr__{key}"] = forms.FloatField(label=label, min_value=0) if key in (
                "token_entropy", "stance_without_topic") else forms.IntegerField(label=label, min_value=0)

    @classmethod
    def initial_from(cls, data: dict) -> dict:
        inst = data.get("institution", {})
        init = {
            "name": inst.get("name", ""),
            "aliases": "\n".join(inst.get("aliases", [])),
            "domains": "\n".join(inst.get("domains", [])),
            "handles": "\n".join(inst.get("official_handles", [])),
            "discouraged": "\n".join(inst.get("discouraged_names", [])),
            "topics": "\n".join(data.get("topics", {}).get("extra", [])),
            # (a code no rule has any more is dropped rather than making the form refuse to save)
            "relaxed": [c for c in (data.get("academic_freedom") or {}).get("relaxed_rules", ["CON001", "CON002",
                                                                                          "CON003"])
                        if c in dict(_rule_choices())],
            "parties": "\n".join((data.get("academic_freedom") or {}).get("parties", [])),
        }
        from townhall.policy.pack import _DEFAULT_THRESHOLDS

        for fam in FAMILIES:
            for acct in ("official", "personal"):
                init[f"fam__{fam}__{acct}"] = data.get("families", {}).get(fam, {}).get(acct, "default")
        for key in THRESHOLD_WORDS:
            init[f"thr__{key}"] = data.get("thresholds", {}).get(key, _DEFAULT_THRESHOLDS[key])
        for net in NETWORKS:
            for key in NETWORK_LIMITS:
                init[f"net__{net}__{key}"] = (data.get("networks", {}).get(net) or {}).get(key)
        return init

    def apply_to(self, data: dict) -> dict:
        c = self.cleaned_data
        inst = data.setdefault("institution", {})
        inst["name"] = c["name"].strip()
        inst["aliases"] = lines(c["aliases"])
        inst["domains"] = lines(c["domains"])
        inst["official_handles"] = lines(c["handles"])
        inst["discouraged_names"] = lines(c["discouraged"])
        data.setdefault("topics", {})["extra"] = lines(c["topics"])
        academic = data.get("academic_freedom") or {}
        academic["relaxed_rules"] = sorted(c["relaxed"])
        academic["parties"] = lines(c["parties"])
        data["academic_freedom"] = academic
        fams = data.setdefault("families", {})
        for fam in FAMILIES:
            for acct in ("official", "personal"):
                fams.setdefault(fam, {})[acct] = c[f"fam__{fam}__{acct}"]
        thr = data.setdefault("thresholds", {})
        for key in THRESHOLD_WORDS:
            value = c[f"thr__{key}"]
            thr[key] = int(value) if isinstance(value, float) and value.is_integer() and key not in (
                "token_entropy", "stance_without_topic") else value
        nets = data.setdefault("networks", {})
        for net in NETWORKS:
            settings = nets.get(net) or {}
            for key in NETWORK_LIMITS:
                value = c[f"net__{net}__{key}"]
                if value is None:
                    settings.pop(key, None)
                else:
                    settings[key] = value
            if settings:
                nets[net] = settings
            else:
                nets.pop(net, None)
        return data


class YamlForm(forms.Form):
    yaml_text = forms.CharField(
        label="The policy as YAML", widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false"}))


class PublishForm(forms.Form):
    note = forms.CharField(
        label="What changed and why (shown to staff)", widget=_AREA3)
    ack_mode = forms.ChoiceField(
        label="Staff", choices=[("required", "must read and acknowledge it"), ("info", "are told, for information")],
        widget=forms.RadioSelect, initial="required")
    confirm = forms.BooleanField(
        label="Publish even though it would block many past approved posts", required=False)
