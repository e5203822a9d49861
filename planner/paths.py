"""Where the planner keeps its files, and how it reads and writes files at all. Environment
variables override the platform defaults, so tests and scripted runs never touch a real home
directory.

- ``PLANNER_CONFIG``: the config file (default: ``<user config dir>/config.toml``)
- ``PLANNER_DATA_DIR``: state database, tokens, caches (default: the user data dir)

Every file the planner reads from a path a user gave goes through :func:`read_input` (regular
files only, never a FIFO, device or folder; at most a size limit), and every file it writes
through :func:`write_atomic` (complete or untouched; never through a symlink, never over a
device, FIFO or folder; a new file never writable by others, whatever the umask). Both fail
with :class:`RefusedPath`, an :class:`OSError` whose ``strerror`` says why in one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

APP = "planner"
MiB = 1024 * 1024
INPUT_LIMIT = 256 * MiB  # a calendar export, a config, a saved mail: never bigger than this
NEW_FILE_MODE = 0o644  # limited further by the umask; group and others never write


class RefusedPath(OSError):
    """A path the planner will not read or write as asked (``strerror`` says why)."""


def config_path() -> Path:
    """The config file to use when none is given on the command line."""
    if env := os.environ.get("PLANNER_CONFIG"):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def data_location() -> Path:
    """Where the directory for state is (not created here)."""
    if env := os.environ.get("PLANNER_DATA_DIR"):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP))


def data_dir() -> Path:
    """The directory for state; created on first use with mode 0700."""
    path = data_location()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    except OSError as exc:  # a file where the folder should be, no permission, read-only disk
        from planner.errors import UsageError
        from planner.i18n import _

        raise UsageError(
            _(
                "{path}: cannot create the state database folder ({error})",
                path=path,
                error=exc.strerror or exc,
            ),
            hint=_("make it a writable folder, or set PLANNER_DATA_DIR to one"),
        ) from None
    return path


def kind_of(mode: int) -> str:
    """What a file is, in words, from its ``st_mode``."""
    from planner.i18n import _

    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISLNK(mode):
        return _("a symbolic link")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def read_input(path: Path | str, limit: int = INPUT_LIMIT) -> bytes:
    """The bytes of the regular file at ``path`` (a symlink to one will do).

    Raises :class:`RefusedPath` for a folder, FIFO, device or socket (opened without blocking,
    so a FIFO never hangs the run) and for a file larger than ``limit`` bytes; other
    :class:`OSError` as ``open`` raises them.
    """
    from planner.i18n import _

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = kind_of(info.st_mode)
            raise RefusedPath(errno.EINVAL, _("{what}, not a file", what=what), str(path))
        if info.st_size > limit:
            raise RefusedPath(errno.EFBIG, _too_large(limit), str(path))
        chunks, size = [], 0
        while chunk := os.read(fd, min(limit + 1 - size, 16 * MiB) or 1):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise RefusedPath(errno.EFBIG, _too_large(limit), str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text_input(path: Path | str, limit: int = INPUT_LIMIT) -> str:
    """The UTF-8 text of the file at ``path`` (as :func:`read_input` reads it), without the
    byte order mark that Windows editors (Notepad) put in front: a config or TOML file saved
    there reads as anywhere else. Raises :class:`UnicodeDecodeError` for other encodings."""
    return read_input(path, limit).decode("utf-8-sig")


def check_input(path: Path | str) -> None:
    """Raise :class:`RefusedPath` unless ``path`` is a regular file (or a symlink to one)."""
    from planner.i18n import _

    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        what = kind_of(info.st_mode)
        raise RefusedPath(errno.EINVAL, _("{what}, not a file", what=what), str(path))


def _too_large(limit: int) -> str:
    from planner.i18n import _

    return _("larger than {size} MB", size=max(1, limit // MiB))


def check_output(path: Path) -> os.stat_result | None:
    """The state of the regular file at ``path`` (None when there is none yet).

    Raises :class:`RefusedPath` for a symlink (neither it nor its target is replaced: name the
    target itself), a folder, a device, a FIFO or a socket.
    """
    from planner.i18n import _

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISREG(info.st_mode):
        return info
    what = kind_of(info.st_mode)
    if stat.S_ISLNK(info.st_mode):
        message = _("{what}; planner replaces no link and writes through none (name the "
                    "file it points to)", what=what)  # fmt: skip
    else:
        message = _("{what}; planner writes regular files only", what=what)
    raise RefusedPath(errno.EEXIST, message, str(path))


def write_atomic(path: Path, data: str | bytes, *, private: bool = False) -> None:
    """Write a file so that it is either complete or untouched (see :func:`check_output`).

    A new file gets mode 0644 limited by the umask (``private``: 0600); a file replaced keeps
    its mode, except that a ``private`` one is always 0600.
    """
    before = check_output(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o777)
    if private:
        mode = 0o600
    elif before is not None:
        mode = stat.S_IMODE(before.st_mode)
    else:
        mode = NEW_FILE_MODE & ~_umask()
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        check_output(path)  # still no link or device where the file goes
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_secret(path: Path, data: str) -> None:
    """Write a secret file atomically, readable by the owner only (mode 0600)."""
    write_atomic(path, data, private=True)


def secret_key(path: Path) -> bytes:
    """A secret of this install kept in ``path`` (32 random bytes as hex, mode 0600), made on
    first use; a key file others can read is replaced, since anything signed with it could
    have been forged."""
    import secrets

    if (key := _kept_key(path)) is not None:
        return key
    key = secrets.token_bytes(32)
    write_secret(path, key.hex() + "\n")
    return key


def _kept_key(path: Path) -> bytes | None:
    """The key in ``path`` when it is there, private and long enough; None otherwise."""
    try:
        if path.stat().st_mode & 0o077:
            return None
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):  # missing, unreadable or damaged: a new one is made
        return None
    return key if len(key) >= 32 else None


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
