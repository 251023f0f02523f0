"""Which targets a short link may redirect to, and how a visitor's request is classified.

Plain functions with no database access, so the redirect path stays fast and the rules are easy
to test on their own.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

MAX_URL = 2048
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


class UnsafeTarget(ValueError):
    """The address cannot be a link target; the message says why in words."""


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"


def _host(raw: str) -> str:
    """The host in ASCII (punycode), refusing look-alike tricks."""
    if not raw:
        raise UnsafeTarget("The address has no host name.")
    if raw.startswith("["):
        try:
            ip = ipaddress.IPv6Address(raw.strip("[]"))
        except ValueError:
            raise UnsafeTarget("The address has a malformed IPv6 host.") from None
        if not ip.is_global:
            raise UnsafeTarget("Links may not point at private or local addresses.")
        return f"[{ip.compressed}]"
    if unicodedata.normalize("NFKC", raw) != raw:
        # Full-width letters, the ideographic full stop and friends: shown as one host, resolved as another.
        raise UnsafeTarget("The host name uses look-alike characters; type it in plain letters.")
    host = raw.lower().rstrip(".")
    try:
        ip4 = ipaddress.IPv4Address(host)
    except ValueError:
        ip4 = None
    if ip4 is not None:
        if not ip4.is_global:
            raise UnsafeTarget("Links may not point at private or local addresses.")
        return host
    labels = host.split(".")
    if len(labels) < 2 or host in ("localhost",) or host.endswith((".localhost", ".local", ".internal")):
        raise UnsafeTarget("The address needs a public host name such as www.example.ac.uk.")
    out = []
    for label in labels:
        if label.startswith("xn--"):
            try:
                uni = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                raise UnsafeTarget("The host name has an invalid international label.") from None
        else:
            uni = label
        if any(ord(c) > 127 for c in uni):
            scripts = {_script(c) for c in uni if c.isalpha()}
            if len(scripts) > 1:
                raise UnsafeTarget(
                    "The host name mixes alphabets (a classic look-alike trick, e.g. a Cyrillic 'а' in 'apple')."
                )
            try:
                label = uni.encode("idna").decode("ascii")
            except UnicodeError:
                raise UnsafeTarget("The host name has characters that cannot be used in an address.") from None
        if not _LABEL.match(label):
            raise UnsafeTarget("The host name has characters that cannot be used in an address.")
        out.append(label)
    if out[-1].isdigit() or out[-1].startswith("0x"):
        raise UnsafeTarget("Numeric host names are not allowed; use the site's name.")
    return ".".join(out)


def safe_target(url: str) -> str:
    """The normalised http(s) address, or UnsafeTarget saying why it cannot be a target.

    Refuses what open redirects are abused with: other schemes (javascript:, data:, file:),
    scheme-relative ``//evil``, backslashes, user names in the address (``https://good@evil``),
    control and invisible characters, look-alike international host names, private addresses
    and over-long addresses."""
    if not isinstance(url, str) or not url.strip():
        raise UnsafeTarget("Give the address to link to.")
    url = url.strip()
    if len(url) > MAX_URL:
        raise UnsafeTarget(f"The address is longer than {MAX_URL} characters.")
    if _CONTROL.search(url):
        raise UnsafeTarget("The address contains spaces, control or invisible characters.")
    if "\\" in url:
        raise UnsafeTarget("The address contains a backslash, which browsers read differently.")
    lower = url.lower()
    if not (lower.startswith("http://") or lower.startswith("https://")):
        raise UnsafeTarget("Only web addresses starting with http:// or https:// can be linked.")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeTarget("Only web addresses starting with http:// or https:// can be linked.")
    netloc = parts.netloc
    if "@" in netloc:
        raise UnsafeTarget("The address has a user name before the host (https://name@host), a disguise trick.")
    if not netloc or netloc.startswith(("/", ":")):
        raise UnsafeTarget("The address has no host name.")
    host_raw, port = netloc, ""
    if netloc.startswith("["):
        end = netloc.find("]")
        if end < 0:
            raise UnsafeTarget("The address has a malformed IPv6 host.")
        host_raw, rest = netloc[: end + 1], netloc[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                raise UnsafeTarget("The address has a malformed host.")
            port = rest[1:]
    elif ":" in netloc:
        host_raw, port = netloc.rsplit(":", 1)
    if port and (not port.isdigit() or not 0 < int(port) < 65536):
        raise UnsafeTarget("The address has an invalid port.")
    host = _host(host_raw)
    netloc = f"{host}:{int(port)}" if port else host
    path = parts.path or "/"
    if path.startswith("//"):
        raise UnsafeTarget("The address path starts with //, which some browsers read as another host.")
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, parts.fragment))


# --- Classifying a click without keeping anything personal ------------------------------------

_BOT = re.compile(
    r"cardyb|bluesky|mastodon/|pleroma|akkoma|misskey|twitterbot|facebookexternalhit|facebot|meta-externalagent|"
    r"linkedinbot|slackbot|slack-imgproxy|discordbot|telegrambot|whatsapp|skypeuripreview|redditbot|"
    r"embedly|iframely|googlebot|bingbot|yandex|baiduspider|duckduckbot|applebot|petalbot|semrush|ahrefs|"
    r"mj12bot|dotbot|gptbot|claudebot|ccbot|bytespider|headlesschrome|python-requests|python-urllib|"
    r"curl/|wget/|go-http-client|okhttp|java/|libwww|httpclient|\bbot\b|bot/|crawler|spider|preview|fetcher|scrapy",
    re.IGNORECASE,
)


def is_bot(user_agent: str, method: str = "GET") -> bool:
    """Crawlers and link-preview fetchers (the networks' card crawlers) are counted apart.

    An empty user agent and HEAD requests are counted as bots too: browsers send both a user agent
    and GET when a person follows a link."""
    if method == "HEAD" or not user_agent.strip():
        return True
    return bool(_BOT.search(user_agent))


_REFERRERS = (
    ("bluesky", ("bsky.app", "bsky.social", "deck.blue", "graysky.app")),
    ("x", ("t.co", "x.com", "twitter.com")),
    ("facebook", ("facebook.com", "fb.com", "fb.me", "messenger.com")),
    ("instagram", ("instagram.com", "l.instagram.com")),
    ("linkedin", ("linkedin.com", "lnkd.in")),
    ("threads", ("threads.net", "threads.com")),
    ("search", ("google.com", "google.co.uk", "bing.com", "duckduckgo.com", "ecosia.org", "yahoo.com")),
)


def referrer_network(referer: str) -> str:
    """The referring network in one word (bluesky, mastodon, x, …, other, none); the address itself
    is never stored."""
    if not referer:
        return "none"
    try:
        host = (urlsplit(referer).hostname or "").lower()
    except ValueError:
        return "other"
    if not host:
        return "other"
    for name, hosts in _REFERRERS:
        for h in hosts:
            if host == h or host.endswith("." + h):
                return name
    if "mastodon" in host or host.startswith(("social.", "toot.", "masto.")) or ".social" in host:
        return "mastodon"
    return "other"


def device_class(user_agent: str) -> str:
    if not user_agent:
        return "unknown"
    ua = user_agent.lower()
    if "ipad" in ua or "tablet" in ua:
        return "tablet"
    if "mobi" in ua or "iphone" in ua or "android" in ua:
        return "mobile"
    return "desktop"
