"""Places as a reader wants them: a video link by its service ("Zoom"), an address by the
venue's name, and never a conference password or token.

A calendar's location field holds anything: a join link with ``?pwd=…``, a venue with its full
address, a Graph list of rooms, an address in capitals from a travel agent. The week table and
the day views show :func:`short_place` (a column of 80-column tables); the HTML page and the
Markdown show :func:`shown_place` (the address kept, links by their service). Both drop every
secret: :func:`without_secrets` is the one place that knows what a secret looks like.
"""

from __future__ import annotations

import re

#: Query parameters that carry a secret in a join or booking link (lower case).
SECRET_PARAMETERS = frozenset({
    "pwd", "pw", "pass", "passwd", "password", "passcode", "pin", "token", "tk", "key",
    "secret", "sig", "signature", "auth", "access_token", "id_token", "code", "otp", "ticket",
})  # fmt: skip
#: "Passcode: 123456" in text (German, English, French), up to the end of the word.
_SECRET_TEXT_RE = re.compile(
    r"(?P<label>\b(?:(?:passcode|password|passwort|kenncode|kennwort|zugangscode|access code|"
    r"mot de passe|code secret)\b\s*[:=]?|(?:pwd|pin|code)\s*[:=])\s*)(?P<value>[^\s,;]+)",
    re.IGNORECASE,
)
URL_RE = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"'\])|]+", re.IGNORECASE)
#: A street line: "250 GATEWAY BLVD", "12 rue de Rivoli", "An der Alster 72-79".
_STREET_RE = re.compile(r"^\d+[a-z]?\s|\s\d+\s?[a-z]?(?:\s*[-–/]\s*\d+[a-z]?)?$", re.IGNORECASE)
_DETAILS_RE = re.compile(r"\s*\((?P<inner>[^()]*,[^()]*)\)\s*$")  # "Venue (street, city)"
MASK = "…"


def service(url: str) -> str:
    """The tool of a join link ("Zoom", "Microsoft Teams"), or the link's host ("example.org")."""
    from planner.judge.tools import LINK_RE, tool_of_link

    found = LINK_RE.search(url)
    if found:
        return tool_of_link(found).name
    host_and_path = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    return re.split(r"[/?#:]", host_and_path, maxsplit=1)[0].lower()


def without_secrets(text: str) -> str:
    """``text`` with the secret values of its links (``?pwd=…``, tokens, signatures) and of
    "Passcode: …" phrases replaced by "…"; everything else stays as written."""
    if not text:
        return text
    text = URL_RE.sub(lambda m: _clean_url(m.group(0)), text)
    return _SECRET_TEXT_RE.sub(lambda m: m.group("label") + MASK, text)


def _clean_url(url: str) -> str:
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return service(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in SECRET_PARAMETERS]  # fmt: skip
    fragment = "" if "=" in parts.fragment else parts.fragment
    return urlunsplit(parts._replace(query=urlencode(kept), fragment=fragment))


def shown_place(location: str) -> str:
    """The location on one line, each link replaced by its service unless the words beside it
    name that service already ("Zoom https://zoom.us/j/…" is "Zoom", not "Zoom Zoom"),
    without secrets."""
    lines = [line.strip(" ,;") for line in location.replace("\r", "").split("\n")]
    text = ", ".join(line for line in lines if line)
    named = _Named(_words_beside_links(text))
    text = URL_RE.sub(lambda m: "" if service(m.group(0)) in named else service(m.group(0)),
                      text)  # fmt: skip
    text = re.sub(r"\(\s*\)|\[\s*\]|<\s*>", " ", text)  # "Zoom (link)": no "()" left
    text = re.sub(r"\s*([,;])(?:\s*[,;:])+", r"\1", text)  # "Zoom, , Büro"
    text = " ".join(without_secrets(text).split()).strip(" ,;:/-–|·")
    alone = re.fullmatch(r"\(([^()]*)\)", text)  # "(Zoom)" once its link is gone
    return alone.group(1) if alone else text


def short_place(location: str) -> str:
    """A short useful form for a column: links by their service, an address by its venue's
    name (or its street and town when it has no name), without secrets; a service the words
    name already is not said again."""
    first = next((ln.strip() for ln in location.replace("\r", "").split("\n") if ln.strip()), "")
    services = list(dict.fromkeys(service(m.group(0)) for m in URL_RE.finditer(first)))
    rest = _words_beside_links(first)
    place = _venue(_named_service(rest)) if re.search(r"\w", rest) else ""
    named = _Named(rest)
    services = [s for s in services if s not in named and s.casefold() not in place.casefold()]
    return " · ".join(filter(None, [place, *services]))


def _words_beside_links(text: str) -> str:
    """``text`` without its links and secret phrases ("Passcode: …"), trimmed."""
    rest = _SECRET_TEXT_RE.sub(" ", URL_RE.sub(" ", text))
    return " ".join(rest.split()).strip(" ,;:/-–|·")


class _Named:
    """The services ``words`` name: by their name ("Zoom", "Google Meet") or by a word of
    their own ("Teams", "Teams-Besprechung" for Microsoft Teams)."""

    def __init__(self, words: str) -> None:
        from planner.judge.tools import tool_named

        self.words = words.casefold()
        tools = [tool_named(words), *(tool_named(w) for w in words.split())]
        self.names = {tool.name.casefold() for tool in tools if tool is not None}

    def __contains__(self, name: object) -> bool:
        folded = str(name).casefold()
        return folded in self.names or folded in self.words


def _named_service(text: str) -> str:
    """ "Microsoft Teams-Besprechung", "Réunion Zoom" → the tool's name alone."""
    from planner.judge.tools import PHONE, tool_named

    tool = tool_named(text)
    return tool.name if tool is not None and tool.kind != PHONE else text


def _venue(text: str) -> str:
    """ "Restaurant Spatenhaus, Residenzstraße 12, 80333 München" → "Restaurant Spatenhaus";
    "Lichtenbergstraße 8, 85748 Garching" → "Lichtenbergstraße 8, Garching"."""
    details = _DETAILS_RE.search(text)
    if details and details.start() > 0:
        text = text[: details.start()]
    from planner.people.postal import is_country, town_of

    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2 or not _STREET_RE.search(parts[0]):
        return parts[0] if parts else text
    town = town_of(text) or next(
        (p for p in parts[1:] if not re.search(r"\d", p) and not is_country(p)), ""
    )
    return f"{parts[0]}, {town}" if town else parts[0]
