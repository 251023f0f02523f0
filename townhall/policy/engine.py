"""``check()``: run every applicable rule over a post and resolve severities from the pack."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from townhall.policy import academic
from townhall.policy.compiled import CompiledPack
from townhall.policy.doc import Doc
from townhall.policy.fold import fold, span_back
from townhall.policy.pack import Pack, cap, default_pack
from townhall.policy.registry import rules_registry
from townhall.policy.types import RISK_FAMILIES, SEVERITY_RANK, Context, Finding

_DEFAULT_CONTEXT = Context()
_STANCE_RULE = "CON003"  # the rule that reads the stance classifier (rules/contentious.py)
_LEARNED_MODULE = "townhall.policy.rules.learned"  # the learned family rules (learned.analyse)
# What an image's description can put at risk: the same families as the words of the post.
# Quality advice (accessibility, engagement, platform) is about the post as a whole, not its alt text.
_ALT_FAMILIES = RISK_FAMILIES | {"personal-use"}
# Families whose rules read the post as written even when `fold` undid disguised letters: they
# advise on what the network counts and what a screen reader meets, not on what the words say.
_AS_WRITTEN = frozenset({"platform", "accessibility", "engagement"})


def check(text: str, ctx: Context | None = None, pack: Pack | None = None) -> list[Finding]:
    """All findings for ``text`` published in ``ctx`` under ``pack`` (default pack if None).

    Findings are ordered by severity (block first), then position. Spans are character
    offsets into ``text`` and always lie within it.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    ctx = ctx or _DEFAULT_CONTEXT
    folded, where = fold(text)
    return _check_doc(Doc(text, ctx), pack or default_pack(), None if where is None else (Doc(folded, ctx), where))


def _check_doc(doc: Doc, pack: Pack, folded: tuple[Doc, list[int]] | None = None) -> list[Finding]:
    """``check`` of a post already wrapped in its Doc (``check_many`` fills some of its views
    first, for a whole chunk at once).

    ``folded``: the post as a reader sees it (`fold.fold`) and the map back, when disguised
    letters made it differ from ``doc``. The risk and personal-use rules read it, and their
    spans are moved back into the post as written; the quality rules (length, hashtags, emoji,
    capitals) read the post as written, since that is what the network counts and shows.
    """
    text, ctx = doc.text, doc.ctx
    cp = pack.compiled()
    n = len(text)
    findings: list[Finding] = []
    for rule, severity in cp.plan(ctx.account, ctx.network):
        reads, where = (folded if folded is not None and rule.family not in _AS_WRITTEN else (doc, None))
        m = len(reads.text)
        for hit in rule.detector(reads, cp):
            s, e = max(0, min(hit[0], m)), max(0, min(hit[1], m))
            if e < s:
                s, e = e, s
            if where is not None:
                s, e = span_back((s, e), where, n)
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
    """``check`` for many posts (listening, ``--input`` files, the benchmark), with the same
    findings: each chunk's posts are wrapped in their Docs first, the classifiers and the learned
    family model score the whole chunk in a few batch calls (``ml/batch.py``,
    ``learned.analyse_many``) and the scores are left where ``check`` looks for them (the abuse
    cache, the Docs' views), then every post is checked as usual."""
    pack = pack or default_pack()
    cp = pack.compiled()
    out: list[list[Finding]] = []
    for i in range(0, len(texts), chunk):
        part = texts[i : i + chunk]
        for t in part:
            if not isinstance(t, str):
                raise TypeError("text must be a str")
        docs = [Doc(t, (ctx[i + j] if isinstance(ctx, list) else ctx) or _DEFAULT_CONTEXT) for j, t in enumerate(part)]
        folds: list[tuple[Doc, list[int]] | None] = []
        for d in docs:
            folded, where = fold(d.text)
            folds.append(None if where is None else (Doc(folded, d.ctx), where))
        with _gc_paused():
            _prime([f[0] if f is not None else d for d, f in zip(docs, folds, strict=True)], cp)
            out += [_check_doc(d, pack, f) for d, f in zip(docs, folds, strict=True)]
    return out


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while one chunk is checked, and let it run again
    after (only if it was on).

    Why: checking a post builds thousands of short-lived tuples, lists and dicts (match spans,
    token tuples, feature dicts), nearly all freed by reference counting; yet every 2,000 of
    them start a young-generation collection that walks whatever is still alive, and the word
    caches that grow during a batch push older generations into full collections. On the
    benchmark's posts that walking was about a tenth of check_many's CPU time (in one process,
    chunks alternately with the collector on and off: 1,100 against 1,004 us/post). Nothing
    the rules build needs the collector: a chunk's garbage with cycles, if any, waits for the
    first collection after the chunk, and how long it waits is bounded by the chunk's size."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _prime(docs: list[Doc], cp: CompiledPack) -> None:
    """Score a chunk's posts with the classifiers the rules of their plans will ask for."""
    from townhall.policy import learned, mlbridge

    # per (account, network): whether its plan runs CON003, and any of the learned family rules
    plans: dict[tuple[str, str], tuple[bool, bool]] = {}
    for d in docs:
        key = (d.ctx.account, d.ctx.network)
        if key not in plans:
            plan = cp.plan(*key)
            plans[key] = (
                any(r.code == _STANCE_RULE for r, _sev in plan),
                any(getattr(r.detector, "__module__", "") == _LEARNED_MODULE for r, _sev in plan),
            )
    # CON003's own gate (it asks the classifier only about these posts); a post it lets through
    # that is not primed here is simply scored when it asks
    from townhall.policy.rules import contentious

    stance_docs = [
        d for d in docs
        if plans[(d.ctx.account, d.ctx.network)][0] and d.text.strip()
        and (contentious._topic_hits(d, cp) or contentious.STANCE_GATE.search(d.masked) is not None or "#" in d.text)
    ]
    if mlbridge.available():
        got = mlbridge.prime([d.text for d in docs], stance_for=[d.text for d in stance_docs])
        for d in stance_docs:
            p = got.get(d.text)
            if p is not None:
                d.__dict__["stance_probability"] = p
    learned_docs = [d for d in docs if plans[(d.ctx.account, d.ctx.network)][1]]
    learned.analyse_many(learned_docs, cp)


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
