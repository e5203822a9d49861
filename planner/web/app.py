"""``planner serve``: the offer pages as a small Starlette application, for uvicorn behind the
user's own reverse proxy (which holds the TLS certificate).

Routes, under the path of ``[serve] base_url``:

- ``GET  …/o/TOKEN``: the counterpart's page (their options only, no e-mail address of anybody);
- ``GET  …/o/TOKEN/``: back to the link without the slash, under ``base_url`` (Starlette's own
  redirect would trust the request's Host header);
- ``GET  …/o/TOKEN/option-N.ics``: an option as .ics;
- ``POST …/o/TOKEN/accept`` (``option``, ``form``): choose an option: the calendars are read
  again, a time no longer free is refused, the meeting is written into the user's calendar
  and the invitation sent (:func:`planner.flows.offer_booking.pick_and_book`);
- ``POST …/o/TOKEN/none`` (``day``, ``start``, ``end``, ``note``, ``form``): none fits;
- ``GET  …/robots.txt``: nothing to index.

The link's token is signed, expires with the offer and is bound to its state
(:mod:`planner.flows.offer_tokens`); changes need the page's form code and a request from the
page's own origin (:mod:`planner.web.guard`); every request counts against per-client and
per-link limits. State lives in the state database only.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from planner.config import Config
from planner.errors import UsageError
from planner.flows.offers import Offer, Offers
from planner.i18n import _
from planner.store import open_store
from planner.web import guard

FORM_LIMIT = 4096  # bytes of a form: the largest has a day, two times and a 500-character note
TOKEN = re.compile(r"^[A-Za-z0-9_.\-]{20,400}$")


@dataclass(frozen=True)
class ServeSettings:
    """How the app runs: its config, and clocks that tests may set."""

    config: Config
    now: Callable[[], datetime] | None = None
    seconds: Callable[[], float] | None = None


def create_app(settings: ServeSettings) -> Any:
    """The ASGI application (Starlette, imported here: ``planner[serve]``)."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    from planner.flows.offer_tokens import offer_key
    from planner.paths import data_dir
    from planner.render.offer import style_hash

    app = _App(settings, offer_key(data_dir()))
    prefix = urlsplit(settings.config["serve"]["base_url"]).path.rstrip("/")
    routes = [
        Route(f"{prefix}/robots.txt", app.robots, methods=["GET"]),
        Route(f"{prefix}/o/{{token}}", app.page, methods=["GET"]),
        Route(f"{prefix}/o/{{token}}/", app.slash, methods=["GET"]),
        Route(f"{prefix}/o/{{token}}/option-{{number:int}}.ics", app.calendar, methods=["GET"]),
        Route(f"{prefix}/o/{{token}}/accept", app.accept, methods=["POST"]),
        Route(f"{prefix}/o/{{token}}/none", app.none_fits, methods=["POST"]),
    ]
    if prefix:
        routes.append(Route("/robots.txt", app.robots, methods=["GET"]))
    https = settings.config["serve"]["base_url"].startswith("https:")
    web = Starlette(routes=routes)
    web.router.redirect_slashes = False  # it would build the Location from the Host header
    return guard.HeadersMiddleware(web, guard.security_headers(style_hash(), https))


class _App:
    def __init__(self, settings: ServeSettings, key: bytes) -> None:
        self.settings = settings
        self.config = settings.config
        self.key = key
        self.base = self.config["serve"]["base_url"].rstrip("/")
        self.origin = guard.origin_of(self.base)
        self.limits = guard.Limits(
            self.config["serve"]["client_requests_per_minute"],
            self.config["serve"]["link_requests_per_hour"],
        )

    # -- the routes ---------------------------------------------------------------------------
    async def robots(self, request: Any) -> Any:
        from starlette.responses import PlainTextResponse

        return PlainTextResponse(guard.ROBOTS)

    async def page(self, request: Any) -> Any:
        return await self._run(request, self._page)

    async def slash(self, request: Any) -> Any:
        return await self._run(request, self._slash)

    async def calendar(self, request: Any) -> Any:
        return await self._run(request, self._calendar)

    async def accept(self, request: Any) -> Any:
        return await self._run(request, self._accept, change=True)

    async def none_fits(self, request: Any) -> Any:
        return await self._run(request, self._none_fits, change=True)

    # -- one request --------------------------------------------------------------------------
    async def _run(self, request: Any, handler: Callable[..., Any], change: bool = False) -> Any:
        """Limits, the link, and for a change the origin and the form; then ``handler`` in a
        worker thread (it reads calendars and sends mail)."""
        from starlette.concurrency import run_in_threadpool

        form: dict[str, str] = {}
        if change:
            body = await request.body()
            if len(body) > FORM_LIMIT:
                return self._message(413, _("Too much"), _("This request is too large."))
            form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v}
        token = str(request.path_params.get("token", ""))
        client = request.client.host if request.client else "?"
        headers = {k.lower(): v for k, v in request.headers.items()}
        params = {k: v for k, v in request.path_params.items() if k != "token"}
        return await run_in_threadpool(self._guarded, handler, token, client, headers, form,
                                       params, change)  # fmt: skip

    def _guarded(self, handler: Callable[..., Any], token: str, client: str,
                 headers: dict[str, str], form: dict[str, str], params: dict[str, Any],
                 change: bool) -> Any:  # fmt: skip
        from planner.invite.text import language

        store = open_store()
        try:
            with language(self.config.user["language"]):
                return self._checked(store, handler, token, client, headers, form, params,
                                     change)  # fmt: skip
        finally:
            store.close()

    def _checked(self, store: Any, handler: Callable[..., Any], token: str, client: str,
                 headers: dict[str, str], form: dict[str, str], params: dict[str, Any],
                 change: bool) -> Any:  # fmt: skip
        from planner.flows.offer_tokens import check_link, form_code_valid
        from planner.invite.text import language

        limiter = guard.Limiter(store, self.settings.seconds or _seconds)
        wait = limiter.hit(f"client:{client}", self.limits.per_client_minute, 60)
        if wait:
            return self._busy(wait)
        now = self._now()
        check = (check_link(self.key, token, Offers(store).get, now, self.settings.seconds)
                 if TOKEN.match(token) else None)  # fmt: skip
        if check is None or check.offer is None:
            if limiter.hit(f"bad:{client}", guard.BAD_LINKS_PER_HOUR, 3600):
                return self._busy(3600)
            return self._message(404, _("Link not valid"),
                                 _("This link is not valid. Please use the link from your "
                                   "e-mail as it is."))  # fmt: skip
        wait = limiter.hit(f"link:{check.offer.id}", self.limits.per_link_hour, 3600)
        if wait:
            return self._busy(wait)
        with language(check.offer.language):  # the page, its notices: the offer's language
            if check.problem:
                return self._dead(check.offer, check.problem)
            if change and not guard.same_origin(headers, self.origin):
                return self._message(403, _("Not allowed"),
                                     _("This form was sent from another site."))  # fmt: skip
            if change and not form_code_valid(self.key, token, form.get("form", "")):
                return self._message(403, _("Not allowed"),
                                     _("Please open the link from your e-mail again and "
                                       "choose there."))  # fmt: skip
            return handler(store, check.offer, token, now, form=form, **params)

    # -- handlers (in a worker thread, with their own store) ----------------------------------
    def _page(self, store: Any, offer: Offer, token: str, now: datetime, **_params: Any) -> Any:
        return self._offer_page(offer, token, now)

    def _slash(self, store: Any, offer: Offer, token: str, now: datetime, **_params: Any) -> Any:
        """A link with a slash added (by a mail client, a hand) leads to the page: at
        ``[serve] base_url``, never at the host a request names."""
        from starlette.responses import RedirectResponse

        return RedirectResponse(f"{self.base}/o/{token}", status_code=307)

    def _calendar(self, store: Any, offer: Offer, token: str, now: datetime, *, number: int,
                  **_params: Any) -> Any:  # fmt: skip
        from starlette.responses import Response

        from planner.render.offer_text import option_ics

        option = offer.option(number)
        if option is None or option not in offer.pickable(now):
            return self._message(404, _("Not found"), _("This option is not offered."))
        disposition = f'attachment; filename="option-{number}.ics"'
        return Response(option_ics(offer, option), media_type="text/calendar; charset=utf-8",
                        headers={"content-disposition": disposition})  # fmt: skip

    def _accept(self, store: Any, offer: Offer, token: str, now: datetime, *,
                form: dict[str, str], **_params: Any) -> Any:  # fmt: skip
        from planner.flows import offer_booking as booking
        from planner.flows.offers import pick_label

        try:
            number = int(form.get("option", ""))
        except ValueError:
            number = -1
        option = offer.option(number)
        if option is None or option not in offer.pickable(now):
            return self._offer_page(
                offer,
                token,
                now,
                _("That option cannot be chosen (any more); please choose another."),
                409,
            )
        outcome = booking.pick_and_book(self.config, store, offer, number, now=now,
                                        source=_("offer page"))  # fmt: skip
        if outcome.result == booking.TAKEN:
            return self._offer_page(
                outcome.offer,
                token,
                now,
                _("Sorry, that time is no longer free. Please choose another one."),
                409,
            )
        if outcome.result == booking.ANSWERED:
            return self._dead(outcome.offer, "used", 409)
        choice = pick_label(outcome.offer, at_place=True)
        if outcome.result == booking.BOOKED:
            done = _("Thank you! {choice} it is: the invitation is on its way to you.",
                     choice=choice)  # fmt: skip
        else:
            done = _("Thank you! Your choice, {choice}, is noted; {host} will confirm it by "
                     "e-mail.", choice=choice, host=offer.organizer)  # fmt: skip
        return self._offer_page(outcome.offer, token, now, done, 200, done=True)

    def _none_fits(self, store: Any, offer: Offer, token: str, now: datetime, *,
                   form: dict[str, str], **_params: Any) -> Any:  # fmt: skip
        from planner.flows.offer_booking import none_fits

        proposed = _range(form, offer, now)
        if isinstance(proposed, str):  # what is wrong with the range
            return self._offer_page(offer, token, now, proposed, 400)
        note = " ".join(form.get("note", "").split())[:500]
        done = none_fits(store, offer, now=now, source=_("offer page"), proposed=proposed,
                         comment=note)  # fmt: skip
        if done is None:
            return self._dead(Offers(store).get(offer.id) or offer, "used", 409)
        thanks = _("Thank you! {host} will get back to you about that time.",
                   host=offer.organizer)  # fmt: skip
        return self._offer_page(done, token, now, thanks, 200, done=True)

    # -- answers ------------------------------------------------------------------------------
    def _offer_page(self, offer: Offer, token: str, now: datetime, notice: str = "",
                    status: int = 200, *, done: bool = False) -> Any:  # fmt: skip
        from starlette.responses import HTMLResponse

        from planner.flows.offer_tokens import form_code
        from planner.render.offer import ServedPage, offer_page

        actions = ServedPage(f"{self.base}/o/{token}", form_code(self.key, token))
        open_now = offer.pickable(now)
        page = offer_page(offer, actions, notice=notice, done=done,
                          pickable=lambda option: option in open_now)  # fmt: skip
        return HTMLResponse(page, status_code=status)

    def _dead(self, offer: Offer, problem: str, status: int = 410) -> Any:
        if problem == "used":
            text = _used(offer)
        elif problem == "outdated":
            text = _("This offer has changed since this link was made. Please use the link "
                     "from {host}'s latest e-mail.", host=offer.organizer)  # fmt: skip
        else:
            text = _("This offer has expired. Please ask {host} for new times.",
                     host=offer.organizer)  # fmt: skip
        return self._message(status, _("Link no longer valid"), text)

    def _message(self, status: int, title: str, text: str) -> Any:
        """A short page in the language of the texts (the offer's, else the user's)."""
        from starlette.responses import HTMLResponse

        from planner.i18n import language
        from planner.render.offer import message_page

        page = message_page(title, text, language())
        return HTMLResponse(page, status_code=status)

    def _busy(self, wait: int) -> Any:
        response = self._message(429, _("Too many requests"),
                                 _("Please wait a little and try again."))  # fmt: skip
        response.headers["retry-after"] = str(wait)
        return response

    def _now(self) -> datetime:
        return self.settings.now() if self.settings.now else datetime.now(UTC)


def _seconds() -> float:
    import time as clock

    return clock.time()


def _range(form: dict[str, str], offer: Offer, now: datetime) -> tuple[datetime, datetime] | str:
    """The time range of a "none fits" form, in the counterpart's zone; else what is wrong
    with it: not a day and two times, ending before it starts, passed, more than a year ahead."""
    from planner.ical.wallclock import settle

    try:
        day = date.fromisoformat(form.get("day", "").strip())
        start = time.fromisoformat(form.get("start", "").strip())
        end = time.fromisoformat(form.get("end", "").strip())
    except ValueError:
        return _("Please give a day, a start time and an end time.")
    first, _note = settle(datetime.combine(day, start, tzinfo=offer.tz))
    last, _note = settle(datetime.combine(day, end, tzinfo=offer.tz))
    if last <= first:
        return _("The end time is not after the start time: please give the time range again.")
    if first <= now:
        return _("Please give a day and a time range that has not passed yet.")
    if first > now + timedelta(days=366):
        return _("Please give a time within the next year.")
    return first.astimezone(UTC), last.astimezone(UTC)


def serve(
    config_path: Path | None, config: Config, announce: Callable[[], None] | None = None
) -> None:
    """Run the app with uvicorn on ``[serve] host`` and ``port`` until interrupted; the
    address is taken first, so a port in use is one clear error (``announce`` says what is
    served only once it is listening)."""
    import uvicorn

    from planner.i18n import set_language

    set_language(config.user["language"])
    app = create_app(ServeSettings(config))
    serve_config = config["serve"]
    listening = _listen(serve_config["host"], int(serve_config["port"]))
    settings = uvicorn.Config(
        app,
        proxy_headers=True,
        forwarded_allow_ips=",".join(serve_config["trusted_proxies"]) or "127.0.0.1",
        server_header=False,
        access_log=False,  # a link's token is in its path: it stays out of logs
        log_level="warning",
    )
    if announce is not None:
        announce()
    uvicorn.Server(settings).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host``:``port``, or a clear error (in use, not this host's)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        raise UsageError(
            _(
                "cannot serve on {host}:{port}: {error}",
                host=host,
                port=port,
                error=exc.strerror or exc,
            ),
            hint=_("choose another with --port or [serve] port, or stop what uses it"),
        ) from None


def _used(offer: Offer) -> str:
    """Why a link of an offer that is no longer open leads nowhere, as its status says: a
    withdrawn offer has no invitation to look for, and whoever picked is told what they
    picked."""
    from planner.flows.offers import NONE_FITS, PICKED, REPLACED, WITHDRAWN

    host = offer.organizer
    if offer.status == WITHDRAWN:
        return _("{host} has withdrawn this offer. Please write to {host} if you still want "
                 "to meet.", host=host)  # fmt: skip
    if offer.status == REPLACED:
        return _("{host} has sent newer times since. Please use the link from {host}'s latest "
                 "e-mail.", host=host)  # fmt: skip
    if offer.status == NONE_FITS:
        return _("The answer that none of the times fits has been sent already; {host} will "
                 "get back to you.", host=host)  # fmt: skip
    if offer.status == PICKED and offer.picked:
        return _("Option {number} has been chosen already; {host} has been told. Please check "
                 "your e-mail for the invitation.", number=offer.picked, host=host)  # fmt: skip
    return _("This offer has been answered already. Please check your e-mail for the "
             "invitation, or write to {host}.", host=host)  # fmt: skip
