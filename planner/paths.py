"""Where the planner keeps its files. Environment variables override the platform defaults,
so tests and scripted runs never touch a real home directory.

- ``PLANNER_CONFIG``: the config file (default: ``<user config dir>/config.toml``)
- ``PLANNER_DATA_DIR``: state database, tokens, caches (default: the user data dir)
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "planner"


def config_path() -> Path:
    """The config file to use when none is given on the command line."""
    if env := os.environ.get("PLANNER_CONFIG"):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def data_dir() -> Path:
    """The directory for state; created on first use with mode 0700."""
    if env := os.environ.get("PLANNER_DATA_DIR"):
        path = Path(env).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP))
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
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


def write_secret(path: Path, data: str) -> None:
    """Write a secret file atomically, readable by the owner only (mode 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that it is either complete or untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    mode = "wb" if isinstance(data, bytes) else "w"
    kwargs = {} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}
    with open(tmp, mode, **kwargs) as handle:
        handle.write(data)
    os.replace(tmp, path)


def secret_key(path: Path) -> bytes:
    """A secret of this install kept in ``path`` (32 random bytes as hex, mode 0600), made on
    first use; a key file others can read is replaced, since anything signed with it could
    have been forged."""
    import secrets

    try:
        if path.stat().st_mode & 0o077 == 0:
            key = bytes.fromhex(path.read_text(encoding="ascii").strip())
            if len(key) >= 32:
                return key
    except (OSError, ValueError):
        pass  # missing or unreadable: a new one below
    key = secrets.token_bytes(32)
    write_secret(path, key.hex() + "\n")
    return key
