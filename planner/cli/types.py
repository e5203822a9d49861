"""Click parameter types with the checks click leaves out: finite numbers only."""

from __future__ import annotations

import math
from typing import Any

import click


class FiniteFloatRange(click.FloatRange):
    """A :class:`click.FloatRange` that also refuses ``nan`` and ``inf`` (click lets NaN pass,
    as every comparison with it is false)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.FLOAT.convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return super().convert(number, param, ctx)


class EmailAddress(click.ParamType):
    """An e-mail address, or ``Name <address>``, checked by the one rule planner has for
    addresses (:func:`planner.people.addresses.is_email`); given back as typed.

    A value that is none is a :class:`planner.errors.UsageError` naming the option, so it
    reads as every other error of planner (one line, exit status 2)."""

    name = "email"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value).strip()
        if not is_address(text):
            from planner.errors import UsageError
            from planner.i18n import _

            option = param.opts[0] if param is not None and param.opts else "EMAIL"
            if param is not None and not param.opts:  # an argument: its metavar
                option = param.human_readable_name
            raise UsageError(
                _("{option} '{value}' is not an e-mail address", option=option, value=text),
                hint=_("give an address such as anna@example.com"),
            )
        return text


def is_address(text: str) -> bool:
    """``anna@example.com`` or ``Anna Muster <anna@example.com>``."""
    from planner.people.addresses import is_email

    if text.endswith(">") and "<" in text:
        text = text[text.rindex("<") + 1 : -1].strip()
    return is_email(text.removeprefix("mailto:"))


EMAIL = EmailAddress()
