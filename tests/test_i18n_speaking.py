"""A block that speaks another language holds for its own thread or task only: two pages served
at once in different languages never mix them, and the process's language stays as it was."""

from __future__ import annotations

import asyncio
import threading

from planner import i18n
from planner.i18n import _

MESSAGE = "the server's name does not resolve"
GERMAN = "der Name des Servers lässt sich nicht auflösen"


def test_two_threads_speaking_different_languages_at_once_keep_their_own():
    i18n.set_language("en")
    both_inside = threading.Barrier(2, timeout=10)
    said: dict[str, list[str]] = {"de": [], "en": []}

    def page(lang: str) -> None:
        with i18n.speaking(lang):
            both_inside.wait()  # the other thread has switched too before anything is said
            for _round in range(200):
                said[lang].append(_(MESSAGE))
            said[lang].append(i18n.language())

    threads = [threading.Thread(target=page, args=(lang,)) for lang in ("de", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(said["de"]) == {GERMAN, "de"}
    assert set(said["en"]) == {MESSAGE, "en"}
    assert i18n.language() == "en" and _(MESSAGE) == MESSAGE


def test_tasks_speak_their_own_language_and_the_process_default_returns():
    i18n.set_language("de")

    async def task(lang: str, gate: asyncio.Event) -> tuple[str, str]:
        with i18n.speaking(lang):
            await gate.wait()
            return i18n.language(), _(MESSAGE)

    async def both() -> list[tuple[str, str]]:
        gate = asyncio.Event()
        running = [asyncio.create_task(task(lang, gate)) for lang in ("en", "de", "fr")]
        await asyncio.sleep(0)
        gate.set()
        return await asyncio.gather(*running)

    try:
        assert asyncio.run(both()) == [("en", MESSAGE), ("de", GERMAN), ("en", MESSAGE)]
        assert i18n.language() == "de" and _(MESSAGE) == GERMAN
    finally:
        i18n.set_language("en")
