"""Tools are not places: the conferencing, messaging and telephony tools people name in an event,
as data.

Each :class:`Tool` has the host names of its join links and the names people write for it in
German, English and French ("Microsoft Teams-Besprechung", "Réunion Microsoft Teams", "Signal",
"Téléphone"). A tool named in the location, or its link anywhere, makes an event virtual (video)
or a phone call, never in person; see :mod:`planner.judge.zones` (the location's tool parts) and
:mod:`planner.judge.mode`.

``kind`` is ``video``, ``phone`` or ``messenger``; a messenger call is a phone call unless the
words say video ("WhatsApp-Video", "FaceTime" is video by nature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planner.judge.anchored import Anchored
from planner.judge.kept_regex import compiled

VIDEO, PHONE, MESSENGER = "video", "phone", "messenger"


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    kind: str
    hosts: str = ""  # regex of the host names of its join links
    names: tuple[str, ...] = ()  # how people write it (matched whole, case-insensitive)


TOOLS: tuple[Tool, ...] = (
    Tool("Zoom", VIDEO, r"zoom\.us|zoom\.com|zoomgov\.com",
         ("zoom", "zoom meeting", "zoom-meeting", "zoom call", "zoom-call", "réunion zoom")),
    Tool("Microsoft Teams", VIDEO, r"teams\.microsoft\.com|teams\.live\.com|teams\.microsoft\.us",
         ("microsoft teams", "microsoft teams meeting", "microsoft teams-besprechung",
          "microsoft teams besprechung", "réunion microsoft teams", "réunion teams", "ms teams",
          "teams", "teams meeting", "teams-meeting", "teams-besprechung", "teams call",
          "teams-call", "teams-termin")),
    Tool("Google Meet", VIDEO, r"meet\.google\.com|hangouts\.google\.com|g\.co/meet",
         ("google meet", "meet", "google hangouts", "hangouts")),
    Tool("Webex", VIDEO, r"webex\.com|webex\.ca", ("webex", "webex meeting", "cisco webex")),
    Tool("GoTo Meeting", VIDEO,
         r"gotomeeting\.com|gotomeet\.me|meet\.goto\.com|gotowebinar\.com",
         ("gotomeeting", "goto meeting", "gotowebinar")),
    Tool("Whereby", VIDEO, r"whereby\.com|appear\.in", ("whereby",)),
    Tool("Jitsi", VIDEO, r"meet\.jit\.si|8x8\.vc|jitsi\.[a-z0-9.-]+", ("jitsi", "jitsi meet")),
    Tool("Skype", VIDEO, r"join\.skype\.com|skype\.com/join|meet\.lync\.com|lync\.com",
         ("skype", "skype meeting", "skype-besprechung", "réunion skype", "skype for business",
          "skype entreprise", "lync")),
    Tool("BlueJeans", VIDEO, r"bluejeans\.com|bjn\.vc", ("bluejeans", "blue jeans")),
    Tool("Amazon Chime", VIDEO, r"chime\.aws", ("amazon chime", "chime")),
    Tool("RingCentral", VIDEO,
         r"meetings\.ringcentral\.com|video\.ringcentral\.com|ringcentral\.com/join",
         ("ringcentral",)),
    Tool("Zoho Meeting", VIDEO, r"meeting\.zoho\.(?:com|eu|in|com\.au)", ("zoho meeting",)),
    Tool("Slack huddle", VIDEO, r"app\.slack\.com/huddle", ("slack huddle", "huddle")),
    Tool("Discord", VIDEO, r"discord\.gg|discord\.com/channels", ("discord",)),
    Tool("Lifesize", VIDEO, r"lifesizecloud\.com|lifesize\.com/join", ("lifesize",)),
    Tool("Vimeo", VIDEO, r"vimeo\.com/event", ()),
    Tool("Livestorm", VIDEO, r"livestorm\.co", ("livestorm",)),
    Tool("BigBlueButton", VIDEO, r"bbb\.[a-z0-9-]+\.[a-z.]+|[a-z0-9-]*bigbluebutton\.[a-z.]+",
         ("bigbluebutton", "bbb", "bbb-raum", "bbb raum")),
    Tool("Visio", VIDEO, r"visio[a-z0-9-]*\.[a-z0-9.-]+\.[a-z]{2,}|rendez-vous\.renater\.fr",
         ("visio", "visioconférence", "visioconference", "en visio")),
    Tool("Wire", VIDEO, r"wire\.com/call", ()),
    Tool("Teamviewer Meeting", VIDEO, r"go\.teamviewer\.com", ("teamviewer meeting",)),
    Tool("ClickMeeting", VIDEO, r"clickmeeting\.com", ("clickmeeting",)),
    Tool("Pexip", VIDEO, r"pexip\.me|[a-z0-9-]+\.pexip\.[a-z.]+", ("pexip",)),
    Tool("alfaview", VIDEO, r"alfaview\.(?:com|net)", ("alfaview",)),
    Tool("edudip", VIDEO, r"edudip\.com", ("edudip",)),
    Tool("DFNconf", VIDEO, r"meet\.dfn\.de|conf\.dfn\.de", ("dfnconf",)),
    Tool("Riverside", VIDEO, r"riverside\.fm", ()),
    Tool("StreamYard", VIDEO, r"streamyard\.com", ()),
    Tool("Hopin", VIDEO, r"hopin\.(?:com|to)", ("hopin",)),
    Tool("Gather", VIDEO, r"gather\.town|app\.gather\.town", ("gather town",)),
    Tool("Nextcloud Talk", VIDEO, "", ("nextcloud talk", "talk-raum")),
    Tool("Element", VIDEO, r"call\.element\.io", ("element call",)),
    Tool("Tixeo", VIDEO, r"[a-z0-9-]+\.tixeo\.com", ("tixeo",)),
    Tool("JioMeet", VIDEO, r"jiomeet\.jio\.com", ("jiomeet",)),
    Tool("Lark", VIDEO, r"vc\.larksuite\.com|vc\.feishu\.cn",
         ("lark meeting", "lark video meeting")),
    Tool("VooV Meeting", VIDEO, r"voovmeeting\.com|meeting\.tencent\.com", ("voov meeting",)),
    Tool("FaceTime", VIDEO, r"facetime\.apple\.com", ("facetime",)),
    Tool("WhatsApp", MESSENGER, r"call\.whatsapp\.com|chat\.whatsapp\.com", ("whatsapp",)),
    Tool("Signal", MESSENGER, r"signal\.group", ("signal", "signal call", "signal-call")),
    Tool("Threema", MESSENGER, r"threema\.id", ("threema",)),
    Tool("Telegram", MESSENGER, r"t\.me", ("telegram",)),
    Tool("Viber", MESSENGER, "", ("viber",)),
    Tool("WeChat", MESSENGER, "", ("wechat",)),
    Tool("iMessage", MESSENGER, "", ("imessage",)),
    Tool("phone", PHONE, "",
         ("telefon", "telefonat", "telefonisch", "tel", "tel.", "handy", "mobil", "mobile",
          "phone", "cell", "cellphone", "call", "anruf", "telefonkonferenz", "telko",
          "einwahl", "dial-in", "dial in", "conference call", "conf call", "téléphone",
          "telephone", "tél", "tél.", "portable", "appel", "appel téléphonique",
          "conférence téléphonique", "audio", "festnetz",
          # Italian, Spanish, Dutch
          "telefono", "teléfono", "telefoon", "telefonico", "telefónico", "per telefono",
          "por teléfono", "telefonisch overleg", "cellulare", "móvil", "movil", "mobiel",
          "gsm", "chiamata", "telefonata", "llamada", "llamada telefónica",
          "telefoongesprek")),
    Tool("online", VIDEO, "",
         ("online", "virtuell", "virtual", "remote", "video", "videocall", "video call",
          "videokonferenz", "home office", "homeoffice", "web", "en ligne", "à distance",
          "distanciel", "télétravail",
          # Italian, Spanish, Dutch
          "da remoto", "in remoto", "en remoto", "remoto", "a distanza", "a distancia",
          "en línea", "en linea", "op afstand", "videochiamata", "videoconferenza",
          "videollamada", "videoconferencia", "videobellen", "videogesprek",
          "videovergadering", "smart working", "teletrabajo", "thuiswerken")),
)  # fmt: skip

#: Words that turn a messenger call into a video call ("WhatsApp-Video", "Signal vidéo").
VIDEO_WORDS: tuple[str, ...] = ("video", "vidéo", "videocall", "videoanruf", "facetime")


def _host_group(index: int, tool: Tool) -> str:
    return f"(?P<t{index}>{tool.hosts})"


_HOSTS = "|".join(_host_group(i, t) for i, t in enumerate(TOOLS) if t.hosts)
_LINK = compiled(rf"(?<![\w@.-])(?:[a-z0-9-]+\.)*(?:{_HOSTS})(?![\w-])", re.IGNORECASE)
#: A join link of a known tool anywhere in a text ("zoom.us/j/…" also without a scheme). Every
#: host begins with letters, digits or hyphens and a dot: a link starts only there (the first
#: class is ``[a-z0-9-]`` as ``re.IGNORECASE`` reads it, Kelvin sign and long s included).
LINK_RE = Anchored(_LINK, r"[-0-9A-Za-zİıſ\u212a](?<![\w@.-].)(?i:[a-z0-9-]*)\.", needs=".")


def tool_of_link(match: re.Match[str]) -> Tool:
    """The tool a :data:`LINK_RE` match names."""
    return TOOLS[int((match.lastgroup or "t0")[1:])]


def _phrase(text: str) -> str:
    return " ".join(re.split(r"[\s\-–_/:()\[\],;]+", text.casefold())).strip()


@lru_cache(maxsize=1)
def _names() -> dict[str, Tool]:
    table: dict[str, Tool] = {}
    for tool in TOOLS:
        for name in tool.names:
            table.setdefault(_phrase(name), tool)
    return table


def tool_named(text: str) -> Tool | None:
    """The tool ``text`` consists of ("Microsoft Teams-Besprechung", "Signal", "Téléphone"),
    allowing the words around it that only say how ("Online (Zoom)", "per WhatsApp", "Anruf
    via Signal", "Handy"); None when the text says more than a tool."""
    words = _phrase(text).split()
    while words and words[0] in _FILLERS:
        words = words[1:]
    names = _names()
    phrase = " ".join(words)
    if phrase in names:
        return names[phrase]
    found = [names.get(w) for w in words]
    tools = [t for t in found if t is not None]
    rest = [w for w, t in zip(words, found, strict=True) if t is None and w not in _FILLERS]
    if tools and not rest:
        named = [t for t in tools if t.name not in ("online", "phone")]
        return named[0] if named else tools[0]
    return None


_FILLERS = frozenset(
    "per via über mit by over on par en sur avec with call anruf appel meeting besprechung "
    "réunion conversation unterhaltung raum room salle".split()
)


def is_video_call(tool: Tool, text: str) -> bool:
    """Whether naming ``tool`` in ``text`` means a video call (else a phone call)."""
    if tool.kind == VIDEO:
        return True
    if tool.kind == PHONE:
        return False
    low = text.casefold()
    return any(word in low for word in VIDEO_WORDS)
