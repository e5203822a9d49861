"""vCard files and folders: an export of Apple Contacts, Google Contacts, Outlook or
Nextcloud (one ``.vcf`` file with many cards), or a folder of them (a vdir as vdirsyncer and
khard keep it, one card per file; subfolders are read too).

The state is the size and modification time of every file (and the version of the reading,
:data:`READER`): an unchanged folder is not parsed again, and a changed one is read whole
(group cards may name members in other files).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from planner.config.schema import Field
from planner.errors import ProviderError
from planner.i18n import _
from providers.addressbooks.base import AddressBookProvider, Changes, ProviderContext
from providers.addressbooks.vcard import contacts_from_vcards
from providers.addressbooks.vcard_text import cards_in

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig

SUFFIXES = (".vcf", ".vcard")
MAX_BYTES = 64 * 1024 * 1024  # a bigger file is no address book
#: How cards are read; part of the state, so that a copy an earlier planner read (before a fix
#: of the reading) is read again although the files did not change. Raise it with each fix.
READER = 3


class VCardProvider(AddressBookProvider):
    """A vCard file or a folder of them.

    Options of an ``[[addressbooks]]`` entry with ``provider = "vcard"``:

    - ``path`` (required): a ``.vcf`` file or a folder of ``.vcf``/``.vcard`` files.
    """

    name: ClassVar[str] = "vcard"
    local: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {"path": Field(str, required=True, path=True)}

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        self.path = Path(str(source.options.get("path", ""))).expanduser()

    def changes(self, state: str = "") -> Changes:
        files = self._files()
        fingerprint = json.dumps({"reader": READER, "files": files}, sort_keys=True)
        if state and state == fingerprint:
            return Changes(complete=False, state=fingerprint)
        where = _("address book '{name}'", name=self.source.name)
        blocks = []
        for name in sorted(files):
            cards = self._cards(Path(name))
            if cards is None:  # not read: asked again on the next run, not taken as read
                files[name] = []
            blocks += cards or []
        contacts = contacts_from_vcards(blocks, where=where, warn=self.context.warn)
        fingerprint = json.dumps({"reader": READER, "files": files}, sort_keys=True)
        return Changes(tuple(contacts), state=fingerprint)

    def _files(self) -> dict[str, list[int]]:
        """Every vCard file with its size and modification time."""
        if self.path.is_file():
            return {str(self.path): _stamp(self.path)}
        if not self.path.is_dir():
            raise ProviderError(
                _(
                    "address book '{name}': {path} is neither a file nor a folder",
                    name=self.source.name,
                    path=self.path,
                ),
                hint=_("check its 'path' in the config"),
            )
        found = {}
        for folder, dirs, names in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in names:
                if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                    path = Path(folder) / name
                    found[str(path)] = _stamp(path)
        return found

    def _cards(self, path: Path) -> list[tuple[str, str, str]] | None:
        """The cards of the file at ``path``; None (said) when it cannot be read."""
        try:
            if path.stat().st_size > MAX_BYTES:
                raise OSError(_("larger than {size} MB", size=MAX_BYTES // 2**20))
            raw = path.read_bytes()
        except OSError as exc:
            self.context.warn(
                _("{path}: cannot be read ({error}); skipped", path=path, error=_reason(exc))
            )
            return None
        return list(cards_in(_decode(raw), str(path)))


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


_CHARSET = re.compile(rb";CHARSET=([\w.:-]+)", re.IGNORECASE)


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM, also UTF-16 with BOM); a file that is not UTF-8 whole is
    read line by line: each line that is UTF-8 as such, the others in the ``CHARSET`` their
    property names, else Windows-1252 (Outlook). Exports put together from several address
    books mix them: one Outlook card must not garble the UTF-8 cards around it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "\n".join(
            _decode_line(line) for line in raw.removeprefix(b"\xef\xbb\xbf").split(b"\n")
        )


def _decode_line(line: bytes) -> str:
    named = _CHARSET.search(line.partition(b":")[0])
    for charset in ("utf-8", named.group(1).decode("ascii") if named else "cp1252"):
        try:
            return line.decode(charset)
        except (LookupError, UnicodeDecodeError):  # a charset Python does not know, or bytes
            continue  # outside it: read as Outlook writes them
    return line.decode("cp1252", errors="replace")


def _reason(exc: Any) -> str:
    return str(getattr(exc, "strerror", None) or exc)
