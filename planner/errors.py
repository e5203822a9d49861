"""Errors the library raises. Each message says what went wrong, where, and what to do next.

The CLI turns any :class:`PlannerError` into one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

QUOTE_LIMIT = 80  # characters of the user's input an error message quotes


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The user's input as an error message quotes it: at most ``limit`` characters, "…" for
    the rest (a 50,000-character place name is not echoed back whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PlannerError(Exception):
    """Base of all errors meant for the user. ``str(error)`` is the whole message."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(PlannerError):
    """The configuration is missing or invalid. ``problems`` lists every problem found."""

    exit_code = 2

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        joined = "; ".join(problems)
        super().__init__(f"{path}: {joined}")


class CalendarReadError(PlannerError):
    """A calendar source could not be read or parsed."""

    def __init__(
        self, source: str, message: str, *, line: int | None = None, hint: str = ""
    ) -> None:
        self.source = source
        self.line = line
        self.detail = message  # what went wrong, without the source and the hint
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}", hint=hint)


class ProviderError(PlannerError):
    """A calendar service failed or refused a request."""


class AuthError(ProviderError):
    """Sign-in is missing, expired or revoked."""


class NotSupportedError(PlannerError):
    """The provider cannot do this (e.g. write, or query free/busy)."""


class NotOursError(PlannerError):
    """A write would replace an event the planner did not create: nothing was written."""


class UsageError(PlannerError):
    """The request itself is contradictory or incomplete."""

    exit_code = 2


class ProviderNotFound(PlannerError):
    """No provider is installed under that name, or its dependencies are missing."""
