"""One translation function for every user-facing text.

Catalogs live in ``planner/locale/<lang>/LC_MESSAGES/planner.mo`` (gettext). English is the
source language and the fallback. Call :func:`set_language` once at start-up.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "de")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Switch all later texts to ``language`` (``"de"`` or ``"en"``)."""
    global _translation, _language
    _language = language if language in LANGUAGES else "en"
    _translation = gettext.translation(
        "planner", localedir=LOCALE_DIR, languages=[_language], fallback=True
    )


def language() -> str:
    """The language texts are currently produced in."""
    return _language


def _(message: str, /, **values: object) -> str:
    """Translate ``message`` and fill ``{name}`` placeholders from ``values``."""
    text = _translation.gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """Translate a message that depends on a count; ``{count}`` is filled in."""
    text = _translation.ngettext(singular, plural, count)
    return text.format(count=count, **values)
