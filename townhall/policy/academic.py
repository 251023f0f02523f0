"""Academic freedom: on research and teaching accounts, and on posts marked scholarly,
contentious *topics* only inform, because the guidance upholds the freedom to disseminate
research and to discuss contrary views. Party-political endorsement and campaigning is not
scholarship, so it keeps its full severity (the pack's ``academic_freedom.still_apply``:
``party-political`` for endorsing a party or candidate, ``campaigning`` for a slogan, a call to
vote against or to lobby, or a call on others to join a boycott).

Which rules are relaxed, to what, and for which account types is pack configuration
(``academic_freedom`` in the YAML); this module only applies it to a list of findings.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import regex

from townhall.policy.types import SEVERITY_RANK, Context, Finding

if TYPE_CHECKING:
    from townhall.policy.compiled import CompiledPack

DEFAULTS = {
    "accounts": ["research"],
    "relaxed_rules": ["CON001", "CON002", "CON003"],
    "severity": "info",
    "still_apply": ["party-political", "campaigning"],
    "parties": [],
}

# Parties and candidates as they are endorsed (UK first, then the names most often seen in the
# institution's timelines). A pack adds its own under academic_freedom.parties.
_PARTIES = (
    r"labour(?:\s+party)?|the\s+conservatives?|conservatives?(?:\s+party)?|tories|tory|lib\s+dems?|"
    r"liberal\s+democrats?|reform(?:\s+uk)?|the\s+snp|snp|plaid(?:\s+cymru)?|the\s+greens|green\s+party|greens|"
    r"ukip|sinn\s+f[eé]in|the\s+dup|dup|alliance\s+party|democrats|republicans|the\s+gop|gop|"
    r"starmer|sunak|farage|badenoch|corbyn|davey|trump|biden|harris|kamala"
)
_ENDORSE = (
    r"vote|voting|vote\s+for|votes\s+for|back|backing|support|supporting|endorse|endorsing|endorses|"
    r"elect|re-elect|reelect|campaign\s+for|campaigning\s+for|canvass\s+for|canvassing\s+for|donate\s+to|"
    r"join|joining|stand\s+with|get\s+behind"
)
# "how people vote for X" describes behaviour (research); "vote for X" urges it (campaigning).
_DESCRIPTIVE = r"(?<!\b(?:how|why|whether|who|when|people|voters|students|electors|they|many|most|who\s+did)\s)"


def partisan_re(extra: list[str]) -> regex.Pattern[str]:
    parties = _PARTIES + "".join("|" + regex.escape(p.lower()) for p in extra if p.strip())
    return regex.compile(
        rf"(?<![\w]){_DESCRIPTIVE}(?:{_ENDORSE})\s+(?:for\s+|the\s+)?(?:{parties})(?![\w])"
        rf"|(?<![\w])(?:{parties})\s+(?:deserves?\s+your\s+vote|deserves?\s+to\s+win|must\s+win|for\s+government|"
        rf"for\s+(?:prime\s+minister|pm|president)|gets?\s+my\s+vote|all\s+the\s+way|in\s+government\s+now)(?![\w])"
        rf"|(?<![\w])(?:vote|elect)\s+(?:{parties})\s+(?:on|this|next|in)\b",
        regex.IGNORECASE,
    )


def applies(ctx: Context, cp: CompiledPack) -> bool:
    """True when the post is scholarly: a research account, or a post marked scholarly."""
    return ctx.scholarly or ctx.account in cp.academic["accounts"]


def apply(text: str, findings: list[Finding], cp: CompiledPack, plan_severity: dict[str, str]) -> list[Finding]:
    """Relax the pack's academic-freedom rules, except for party-political endorsement."""
    conf = cp.academic
    relaxed = set(conf["relaxed_rules"])
    to = conf["severity"]
    partisan = None
    if "party-political" in conf["still_apply"]:
        partisan = cp.partisan_re.search(text)
    campaign = None
    if partisan is None and "campaigning" in conf["still_apply"] and any(f.code == "CON001" for f in findings):
        # imported here, not at the top: loading townhall.policy must not import the rule modules
        # (data/build_patterns.py records their patterns from a registry set up first)
        from townhall.policy.rules.contentious import campaign_span

        campaign = campaign_span(text)
    out: list[Finding] = []
    for f in findings:
        if f.code not in relaxed:
            out.append(f)
            continue
        if partisan is not None and f.code == "CON001":
            continue  # replaced by the endorsement finding below
        if campaign is not None and f.code == "CON001":
            out.append(dataclasses.replace(
                f, message=f"{f.message} It campaigns (a slogan, a call to vote or lobby, or a call on others to "
                "join in): academic freedom does not cover this."))
            continue
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK[to]:
            f = dataclasses.replace(
                f, severity=to, message=f"{f.message} Scholarly post: this informs only (academic freedom)."
            )
        out.append(f)
    if partisan is not None and "CON001" in plan_severity:
        out.append(
            Finding(
                code="CON001",
                family="contentious",
                severity=plan_severity["CON001"],
                message="Endorses or campaigns for a party or candidate: academic freedom does not cover this.",
                clause=cp.con001_clause,
                span=(partisan.start(), partisan.end()),
                fix="Remove the endorsement; discuss the evidence, not whom to vote for.",
                name="divisive-stance",
            )
        )
    return out
