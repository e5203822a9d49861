"""Where saved answers lie, read with limits: .ics and .eml files, folders of them, Maildir
folders and mbox files.

Each calendar part found comes out as a :class:`Part`: its bytes, where it was read, and the
sender of the mail that carried it (``None`` for a bare .ics file: no envelope). Nothing here
can hang, exhaust memory or stop the run: only regular files are read (a FIFO, device or
socket is a problem line, never opened for a blocking read), a file or message above its size
limit is skipped, a MIME structure with too many parts or nested too deeply is skipped, a
folder is searched to a bounded depth and never twice (symlink loops), and an mbox is read line
by line in bounded pieces. Every skip is one problem line naming the file (and the message).
"""

from __future__ import annotations

import email
import email.errors
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.utils import getaddresses
from pathlib import Path

from planner.i18n import _
from planner.paths import MiB, check_input, read_input

CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar")
#: Outlook's own format (winmail.dat): an answer sent in it carries no iCalendar part
TNEF_TYPES = ("application/ms-tnef", "application/vnd.ms-tnef")
TNEF_ANSWER = b"IPM.Schedule.Meeting.Resp"  # the MAPI message class of a meeting response
MAIL_SUFFIXES = (".eml", ".msg.txt")
FILE_LIMIT = 64 * MiB  # one .ics or .eml file
MESSAGE_LIMIT = 64 * MiB  # one message of a Maildir or mbox (attachments included)
MAX_PARTS = 256  # MIME parts of one message
MAX_DEPTH = 16  # MIME nesting (real mail: 3 to 6)
FOLDER_DEPTH = 32
LINE_LIMIT = MiB  # an mbox is read in lines of at most this many bytes
_DMARC_FAIL = re.compile(r"\bdmarc\s*=\s*fail\b", re.IGNORECASE)

# what the standard library's e-mail parser raises on hostile input
MESSAGE_ERRORS = (
    email.errors.MessageError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    UnicodeError,
    RecursionError,
    OverflowError,
)


@dataclass(frozen=True, slots=True)
class Part:
    """One calendar object, where it was read, and who sent the mail that carried it.

    ``sender`` is the mail's From address (``""`` when it has none or several), ``None`` for a
    bare .ics file; ``authenticated`` is False when the receiving server recorded a failed
    DMARC check for the mail; ``proposal_in_text``: the mail's subject or text says another
    time was proposed (:func:`says_proposed`)."""

    data: bytes
    where: str
    sender: str | None = None
    authenticated: bool = True
    proposal_in_text: bool = False


class Reader:
    """Reads paths; hands every calendar part to ``emit`` and every problem to ``problem``."""

    def __init__(
        self,
        emit: Callable[[Part], None],
        problem: Callable[[str], None],
        *,
        on_message: Callable[[Message, str], None] | None = None,
        marks: tuple[bytes, ...] = (),
    ) -> None:
        """``on_message`` also sees every e-mail that holds a calendar or one of ``marks``
        (lower-case bytes of its raw text), parsed, with where it was read."""
        self.emit = emit
        self.problem = problem
        self.on_message = on_message
        self.marks = marks
        self.files = 0
        self._seen: set[tuple[int, int]] = set()

    def read(self, path: Path, depth: int = 0) -> None:
        """An .ics or .eml file, an mbox file, a Maildir, or a folder (searched for .ics and
        .eml files and Maildirs)."""
        try:
            info = path.stat()
        except FileNotFoundError:
            self.problem(_("{path}: no such file or folder", path=path))
            return
        except OSError as exc:
            self.problem(_("{path}: cannot read: {error}", path=path, error=exc.strerror or exc))
            return
        if path.is_dir():
            if (info.st_dev, info.st_ino) in self._seen:
                return  # a folder reached twice (a symlink loop): read once
            self._seen.add((info.st_dev, info.st_ino))
            if _is_maildir(path):
                self._maildir(path)
            elif depth >= FOLDER_DEPTH:
                self.problem(_("{path}: folders nested too deeply; not searched", path=path))
            else:
                self._folder(path, depth)
        elif _is_mbox(path):
            self._mbox(path)
        else:
            self._file(path)

    def _folder(self, path: Path, depth: int) -> None:
        try:
            children = sorted(path.iterdir())
        except OSError as exc:
            self.problem(_("{path}: cannot read: {error}", path=path, error=exc.strerror or exc))
            return
        for child in children:
            if child.is_dir() or child.name.lower().endswith((".ics", *MAIL_SUFFIXES)):
                self.read(child, depth + 1)

    def _file(self, path: Path) -> None:
        try:
            data = read_input(path, FILE_LIMIT)
        except OSError as exc:
            self.problem(_("{path}: cannot read: {error}", path=path, error=exc.strerror or exc))
            return
        self.files += 1
        if data.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
            self.emit(Part(data, str(path)))
        else:
            self.message(data, str(path))

    def _maildir(self, path: Path) -> None:
        """The messages in ``new`` and ``cur`` (as ``mailbox.Maildir`` lists them), by name."""
        names: list[tuple[str, Path]] = []
        for sub in ("new", "cur"):
            try:
                names += [(f.name, f) for f in (path / sub).iterdir() if f.name[:1] != "."]
            except OSError as exc:
                self.problem(_("{path}: cannot read: {error}", path=path / sub,
                               error=exc.strerror or exc))  # fmt: skip
        for name, file in sorted(names):
            key = name.partition(":")[0]
            try:
                data = read_input(file, MESSAGE_LIMIT)
            except OSError as exc:
                self.problem(_("{path}: message {key}: {error}", path=path, key=key,
                               error=exc.strerror or exc))  # fmt: skip
                continue
            self.files += 1
            self.message(data, f"{path}#{key}")

    def _mbox(self, path: Path) -> None:
        try:
            with path.open("rb") as handle:
                for key, data in _mbox_messages(handle):
                    self.files += 1
                    if data is None:
                        self.problem(_("{path}: message {key}: larger than {size} MB; not read",
                                       path=path, key=key, size=MESSAGE_LIMIT // MiB))  # fmt: skip
                    else:
                        self.message(data, f"{path}#{key}")
        except OSError as exc:
            self.problem(_("{path}: cannot read: {error}", path=path, error=exc.strerror or exc))

    def message(self, data: bytes, where: str) -> None:
        """The calendar parts of one e-mail; a message that cannot be read is one problem."""
        if not _may_hold_calendar(data, self.marks):
            return  # most mail does not: skip parsing it
        if len(re.findall(rb"(?im)^content-type\s*:", data)) > MAX_PARTS:
            self.problem(_("{where}: more than {count} MIME parts; not read", where=where,
                           count=MAX_PARTS))  # fmt: skip
            return
        try:
            parsed = email.message_from_bytes(data, policy=policy.default)
            found = list(_calendar_parts(parsed, _sender(parsed), _authenticated(parsed), 0))
        except _TooDeep:
            self.problem(_("{where}: MIME parts nested more than {depth} deep; not read",
                           where=where, depth=MAX_DEPTH))  # fmt: skip
            return
        except MESSAGE_ERRORS as exc:
            self.problem(_("{where}: not a readable e-mail ({error})", where=where,
                           error=type(exc).__name__))  # fmt: skip
            return
        if self.on_message is not None:
            self.on_message(parsed, where)
        proposed = bool(found) and says_proposed(parsed)
        for data_part, sender, authenticated in found:
            self.emit(Part(data_part, where, sender, authenticated, proposed))
        if not found and _has_tnef(parsed):
            self.problem(_("{where}: the mail from {sender} ('{subject}') carries its calendar "
                           "part only in Outlook's winmail.dat (TNEF), which planner cannot "
                           "read; not recorded. Ask them to answer again with Outlook set to "
                           "send to you in Internet format (HTML or plain text)", where=where,
                           sender=_sender(parsed) or "?",
                           subject=str(parsed.get("Subject", "")).strip()[:200]))  # fmt: skip


class _TooDeep(Exception):
    pass


#: how a mail says that its sender proposed another time, where its calendar part does not
#: (Google Calendar's "propose a new time" to an organizer outside Google: a REPLY, the time in
#: the text). Only the English wording is known from real mail; see ``says_proposed``.
PROPOSED_WORDS = re.compile(
    r"\bproposed\s+(?:a\s+)?new\s+time\b|\bnew\s+time\s+proposed\b", re.IGNORECASE
)
TEXT_LIMIT = 64 * 1024  # characters of a mail's text looked at for those words


def says_proposed(message: Message) -> bool:
    """Whether the subject or the plain text of ``message`` says another time was proposed
    (:data:`PROPOSED_WORDS`)."""
    if PROPOSED_WORDS.search(str(message.get("Subject", ""))[:1000]):
        return True
    for part in message.walk():
        if part.get_content_type() != "text/plain" or part.get_filename():
            continue
        try:
            text = part.get_content()  # type: ignore[attr-defined]
        except MESSAGE_ERRORS:
            continue
        if isinstance(text, str) and PROPOSED_WORDS.search(text[:TEXT_LIMIT]):
            return True
    return False


def _calendar_parts(
    message: Message, sender: str, authenticated: bool, depth: int
) -> Iterator[tuple[bytes, str, bool]]:
    """Every calendar part with the sender of the (innermost) message carrying it: a reply
    forwarded as an attachment (message/rfc822) is its own sender's."""
    if depth > MAX_DEPTH:
        raise _TooDeep
    if message.get_content_type() == "message/rfc822" and message.is_multipart():
        for inner in message.get_payload():  # type: ignore[union-attr]
            yield from _calendar_parts(inner, _sender(inner), _authenticated(inner), depth + 1)
        return
    if message.is_multipart():
        for part in message.get_payload():  # type: ignore[union-attr]
            yield from _calendar_parts(part, sender, authenticated, depth + 1)
        return
    name = (message.get_filename() or "").lower()
    if message.get_content_type() in CALENDAR_TYPES or name.endswith(".ics"):
        payload = message.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            yield _utf8(payload, message.get_content_charset()), sender, authenticated


def _utf8(payload: bytes, charset: str | None) -> bytes:
    """A calendar part's bytes in UTF-8, the one encoding iCalendar has (RFC 5545 §3.1.4):
    a part that declares another charset (Outlook's windows-1252, ISO-8859-1) is converted;
    bytes that are UTF-8 already, or a charset Python does not know, stay as they are."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8", "us-ascii"):
        return payload
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return payload.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            return payload
    return payload  # declared otherwise, but UTF-8 already: a mislabelled part


def _has_tnef(message: Message) -> bool:
    """Whether ``message`` is an answer to a meeting in Outlook's TNEF (winmail.dat): its
    TNEF part names a meeting response's message class (``IPM.Schedule.Meeting.Resp.Pos``,
    ``.Neg``, ``.Tent``); other mail in TNEF is not an answer and not a problem."""
    for part in message.walk():
        name = (part.get_filename() or "").lower()
        if part.get_content_type() in TNEF_TYPES or name == "winmail.dat":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and TNEF_ANSWER in payload:
                return True
    return False


def _sender(message: Message) -> str:
    """The one address in From, lower case; "" when there is none, more than one, or what
    stands there is no address (a From written as one encoded word, address and all)."""
    raw = [str(value) for value in message.get_all("From") or ()]
    found = [addr for _name, addr in getaddresses(raw) if "@" in addr]
    if len(found) != 1 or re.search(r"[\s<>\"]", found[0].strip()):
        return ""
    return found[0].strip().lower()


def _authenticated(message: Message) -> bool:
    """False when the topmost Authentication-Results (the receiving server's own, RFC 8601)
    records a failed DMARC check: the From address is forged. Only ever a downgrade."""
    results = message.get_all("Authentication-Results") or ()
    return not (results and _DMARC_FAIL.search(str(results[0])))


def _may_hold_calendar(data: bytes, marks: tuple[bytes, ...] = ()) -> bool:
    """A cheap test on the raw message: a calendar part names its type or its file, or Outlook's
    TNEF part (which may hold one) does (or the message holds one of ``marks``)."""
    lowered = data.lower()
    found = (b"calendar", b"/ics", b".ics", b"ms-tnef", b"winmail.dat", *marks)
    return any(mark in lowered for mark in found)


def _is_maildir(path: Path) -> bool:
    return all((path / name).is_dir() for name in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    """A regular file starting with an mbox "From " line (never opened unless regular)."""
    try:
        check_input(path)
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


def _mbox_messages(handle: object) -> Iterator[tuple[int, bytes | None]]:
    """``(key, message)`` for every message of an mbox (keys count from 0 as ``mailbox.mbox``
    has them); ``None`` for a message above :data:`MESSAGE_LIMIT`. Lines are read in pieces of
    at most :data:`LINE_LIMIT`, so a file without line breaks never fills the memory."""
    key, lines, size, at_start = -1, [], 0, True
    read = handle.readline  # type: ignore[attr-defined]
    while piece := read(LINE_LIMIT):
        starts = at_start and piece.startswith(b"From ")
        at_start = piece.endswith(b"\n")
        if starts:
            if key >= 0:
                yield key, b"".join(lines) if size <= MESSAGE_LIMIT else None
            key, lines, size = key + 1, [], 0
            continue
        if key < 0:
            continue  # text before the first message
        size += len(piece)
        if size <= MESSAGE_LIMIT:
            lines.append(piece)
        else:
            lines = []
    if key >= 0:
        yield key, b"".join(lines) if size <= MESSAGE_LIMIT else None
