"""Risk in an image's description is as public as risk in the words (found by a blind set of
posts whose phone number, slur or leaked name sat only in the alt text)."""

from __future__ import annotations

from townhall.policy import Context, ImageRef, check

TEXT = "Lovely afternoon at the open day, thanks to everyone who came along!"


def _alt(alts: list[str], account: str = "official") -> list:
    return check(TEXT, Context("bluesky", account, images=[ImageRef(alt=a) for a in alts]))


def test_a_phone_number_in_the_alt_text_is_a_privacy_finding_naming_the_image():
    found = _alt(["Our stand in the foyer", "Whiteboard reading: call Priya Shah on 07700 900123 about her visa"])
    privacy = [f for f in found if f.family == "privacy" and f.severity in ("block", "warn")]
    assert privacy, found
    f = privacy[0]
    assert f.extra["image"] == 2 and f.message.startswith("In the description of image 2:")
    alt = "Whiteboard reading: call Priya Shah on 07700 900123 about her visa"
    s, e = f.extra["alt_span"]
    assert 0 <= s < e <= len(alt)
    assert f.span == (0, 0) and f.to_dict()["image"] == 2


def test_the_same_post_without_the_image_is_clean_and_a_plain_description_adds_nothing():
    assert not [f for f in check(TEXT, Context("bluesky", "official")) if f.severity != "info"
                and f.family not in ("accessibility", "engagement", "platform")]
    plain = _alt(["Three students smiling at the chemistry stand, holding a model of a molecule"])
    assert not [f for f in plain if "image" in f.extra]


def test_quality_advice_is_not_repeated_for_the_description():
    found = _alt(["LOOK AT THIS AMAZING STAND!!! #openday #openday #openday"])
    assert not [f for f in found if "image" in f.extra and f.family in ("accessibility", "engagement", "platform")]


def test_abuse_in_the_alt_text_is_found_and_findings_of_the_text_stay_as_they_were():
    text = "Call Felix on 07700 900123"
    bare = check(text, Context("x", "personal"))
    image = ImageRef(alt="caption: the union rep is a spineless worm")
    with_alt = check(text, Context("x", "personal", images=[image]))
    assert [f for f in with_alt if "image" not in f.extra] == bare
    assert any(f.family == "abuse" and f.extra.get("image") == 1 for f in with_alt)


def test_blank_descriptions_are_skipped():
    assert not [f for f in _alt(["", "   "]) if "image" in f.extra]
