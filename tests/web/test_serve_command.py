"""``planner serve`` itself, as a separate process behind a reverse proxy: what it refuses to
start without, and that the requests a proxy forwards (README's nginx: the base URL's path as
it is, ``Host``, ``X-Forwarded-For``, ``X-Forwarded-Proto``) work: the page under the path,
a choice from the public origin, and rate limits per visitor rather than per proxy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.flows.offer_tokens import link_token, offer_key
from planner.flows.offers import PICKED, Offers
from planner.paths import data_dir
from tests.flows.offer_world import LENA, config, offer_to, state
from tests.providers.radicale_server import free_port
from tests.web.server import form_code, request

pytestmark = pytest.mark.slow
PUBLIC = "https://meet.example.com"


def test_serve_without_a_base_url_says_what_to_set(isolated_home):
    config(isolated_home)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2, result.output
    assert "[serve] base_url is not set" in result.output and "Traceback" not in result.output


def test_behind_a_reverse_proxy_the_page_works_and_limits_each_visitor(isolated_home):
    port = free_port()
    cfg = config(isolated_home, smtp_port=free_port(), extra=(
        f'[serve]\nbase_url = "{PUBLIC}/planner/"\nport = {port}\n'
        "client_requests_per_minute = 3\n"))  # fmt: skip
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=2)
    token = link_token(offer_key(data_dir()), offer)
    local = f"http://127.0.0.1:{port}/planner/o/{token}"
    process = subprocess.Popen([sys.executable, "-m", "planner", "serve"], env=os.environ.copy(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        _wait(port, process)

        def proxied(visitor: str, **kwargs):
            headers = {"Host": "meet.example.com", "X-Forwarded-For": visitor,
                       "X-Forwarded-Proto": "https", **kwargs.pop("headers", {})}  # fmt: skip
            return request(local + kwargs.pop("tail", ""), headers=headers, **kwargs)

        page = proxied("203.0.113.7")
        assert page.status == 200 and f'action="{PUBLIC}/planner/o/{token}/accept"' in page.body
        assert page.headers["strict-transport-security"].startswith("max-age=")
        assert "server" not in page.headers  # nothing about the software behind
        assert [proxied("203.0.113.7").status for _ in range(3)] == [200, 200, 429]
        assert proxied("198.51.100.4").status == 200  # another visitor is not turned away
        form = {"option": "2", "form": form_code(page.body)}
        chosen = proxied("198.51.100.4", method="POST", form=form, tail="/accept",
                         headers={"Origin": PUBLIC, "Sec-Fetch-Site": "same-origin"})  # fmt: skip
        assert chosen.status == 200 and "Thank you" in chosen.body, chosen.body[-500:]
        assert Offers(store).get(offer.id).status == PICKED
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
        store.close()
    assert token not in (out + err).decode("utf-8", "replace")  # no access log with the link


def _wait(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.communicate()[1].decode())
        try:
            if request(f"http://127.0.0.1:{port}/robots.txt").status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("planner serve did not start")


def test_a_port_in_use_is_one_clear_error(isolated_home):
    """Another program on the port: one line that says so and what to do, not "serving …"
    followed by uvicorn's own error."""
    import socket

    port = free_port()
    config(isolated_home, smtp_port=free_port(),
           extra=f'[serve]\nbase_url = "{PUBLIC}/planner/"\nport = {port}\n')  # fmt: skip
    with socket.create_server(("127.0.0.1", port)):
        result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert f"cannot serve on 127.0.0.1:{port}" in lines[0] and "--port" in lines[0]
    assert "serving the offer pages" not in result.output and "Traceback" not in result.output
