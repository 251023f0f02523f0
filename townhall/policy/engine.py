"""``check()``: run every applicable rule over a post and resolve severities from the pack."""

from __future__ import annotations

from dataclasses import replace

from townhall.policy import academic
from townhall.policy.doc import Doc
from townhall.policy.pack import Pack, cap, default_pack
from townhall.policy.registry import rules_registry
from townhall.policy.types import RISK_FAMILIES, SEVERITY_RANK, Context, Finding

_DEFAULT_CONTEXT = Context()
_STANCE_RULE = "CON003"  # the rule that reads the stance classifier (rules/contentious.py)
# What an image's description can put at risk: the same families as the words of the post.
# Quality advice (accessibility, engagement, platform) is about the post as a whole, not its alt text.
_ALT_FAMILIES = RISK_FAMILIES | {"personal-use"}


def check(text: str, ctx: Context | None = None, pack: Pack | None = None) -> list[Finding]:
    """All findings for ``text`` published in ``ctx`` under ``pack`` (default pack if None).

    Findings are ordered by severity (block first), then position. Spans are character
    offsets into ``text`` and always lie within it.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    ctx = ctx or _DEFAULT_CONTEXT
    pack = pack or default_pack()
    cp = pack.compiled()
    doc = Doc(text, ctx)
    n = len(text)
    findings: list[Finding] = []
    for rule, severity in cp.plan(ctx.account, ctx.network):
        for hit in rule.detector(doc, cp):
            s, e = max(0, min(hit[0], n)), max(0, min(hit[1], n))
            if e < s:
                s, e = e, s
            sev = severity
            # a detector may lower (never raise) its severity for this hit: (s, e, msg, fix, "info")
            if len(hit) > 4 and SEVERITY_RANK[hit[4]] < SEVERITY_RANK[sev]:  # type: ignore[misc]
                sev = hit[4]  # type: ignore[misc]
            findings.append(
                Finding(
                    code=rule.code,
                    family=rule.family,
                    severity=sev,
                    message=hit[2],
                    clause=rule.clause,
                    span=(s, e),
                    fix=hit[3] if len(hit) > 3 else rule.fix,  # type: ignore[misc]
                    name=rule.name,
                )
            )
    if academic.applies(ctx, cp):
        plan = {r.code: sev for r, sev in cp.plan(ctx.account, ctx.network)}
        findings = academic.apply(text, findings, cp, plan)
    if ctx.images:
        findings += _alt_text_findings(ctx, pack)
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.span[0], f.code))
    return findings


def _alt_text_findings(ctx: Context, pack: Pack) -> list[Finding]:
    """Risk findings in the images' descriptions: alt text is published with the post and read
    by screen readers and scrapers, so a phone number or a slur there is as public as in the
    words. Each is checked as a text of its own in the same context; the finding names the image
    (``extra["image"]``, counted from 1, and ``extra["alt_span"]`` within its description) and its
    span in the post is empty, since the words are not in the post's text."""
    out: list[Finding] = []
    bare = replace(ctx, images=())
    for k, image in enumerate(ctx.images, 1):
        alt = image.alt
        if not alt or not alt.strip():
            continue
        for f in check(alt, bare, pack):
            if f.family not in _ALT_FAMILIES:
                continue
            out.append(replace(f, message=f"In the description of image {k}: {f.message}", span=(0, 0),
                               extra={**f.extra, "image": k, "alt_span": f.span}))
    return out


def check_many(
    texts: list[str], ctx: Context | list[Context] | None = None, pack: Pack | None = None, chunk: int = 512
) -> list[list[Finding]]:
    """``check`` for many posts (listening, ``--input`` files, the benchmark): the classifiers
    score each chunk in one batch call, then every post is checked as usual."""
    from townhall.policy import learned, mlbridge

    cp = (pack or default_pack()).compiled()
    out: list[list[Finding]] = []
    for i in range(0, len(texts), chunk):
        part = texts[i : i + chunk]
        ctxs = [(ctx[i + j] if isinstance(ctx, list) else ctx) or _DEFAULT_CONTEXT for j in range(len(part))]
        plans = {(c.account, c.network) for c in ctxs}
        codes = {r.code for a, n in plans for r, _sev in cp.plan(a, n)}
        # the stance classifier is scored for every post of the chunk (cheaper than working out
        # which ones CON003 will ask about), but only where CON003 runs at all
        mlbridge.prime(part, stance=_STANCE_RULE in codes)
        learned.prime(part, [c.account for c in ctxs], cp)
        for j, t in enumerate(part):
            out.append(check(t, ctxs[j], pack))
    # the primed scores of the last chunk are not kept beyond the call
    mlbridge.forget_primed()
    learned.prime([], [], cp)
    return out


def plan_for(pack: Pack, account: str, network: str) -> list[tuple[object, str]]:
    """(rule, effective severity) for every rule enabled in this context, in code order."""
    out = []
    # Research and teaching accounts are official accounts for which rules apply.
    applies_as = "official" if account == "research" else account
    for code, r in rules_registry().items():
        if applies_as not in r.accounts:
            continue
        setting = pack.rule_setting(code, network)
        if setting.get("enabled") is False:
            continue
        sev = setting.get("severity", r.severity)
        sev = cap(sev, pack.family_setting(r.family, account, network))
        if sev == "off":
            continue
        out.append((r, sev))
    return out
