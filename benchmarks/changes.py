"""A calendar that changes a little, for ``bench_week.py``: one event edited between runs, and
the calendar served at a URL with an ETag that does not change.

- :class:`Editor` changes the title of one single meeting in the week shown, a different text
  each time (the file's size and content change, as when a calendar app saves an edit);
- :class:`Served` serves the calendar from a local HTTP server on 127.0.0.1 that honours
  If-None-Match (304, no body) and counts the requests and the body bytes it sent.
"""

from __future__ import annotations

import re
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_EVENT = re.compile(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", re.DOTALL)
_START = re.compile(rb"^DTSTART[^:\r\n]*:(\d{8})", re.MULTILINE)


class Editor:
    """Edits one meeting of ``path`` in the week of ``monday``, one edit per call."""

    def __init__(self, path: Path, monday: date) -> None:
        self.path = path
        data = path.read_bytes()
        week = {(monday + timedelta(days=d)).strftime("%Y%m%d").encode() for d in range(5)}
        for match in _EVENT.finditer(data):
            block = match.group(0)
            start = _START.search(block)
            if (
                start
                and start.group(1) in week
                and b"RRULE" not in block
                and b"RECURRENCE-ID" not in block
            ):
                self.span = match.span()
                break
        else:
            raise SystemExit(f"{path}: no single meeting in the week of {monday}")
        self.count = 0

    def edit(self) -> None:
        self.count += 1
        data = self.path.read_bytes()
        lo, hi = self.span
        block = re.sub(
            rb"SUMMARY:[^\r]*",
            b"SUMMARY:Edited meeting, version %d" % self.count,
            data[lo:hi],
            count=1,
        )
        self.path.write_bytes(data[:lo] + block + data[hi:])
        self.span = (lo, lo + len(block))


class Served:
    """``data`` at ``http://127.0.0.1:<port>/work.ics`` with a fixed ETag."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.etag = '"bench-v1"'
        self.requests = 0
        self.not_modified = 0
        self.body_bytes = 0
        served = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                served.requests += 1
                if self.headers.get("If-None-Match") == served.etag:
                    served.not_modified += 1
                    self.send_response(304)
                    self.send_header("ETag", served.etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar")
                self.send_header("Content-Length", str(len(served.data)))
                self.send_header("ETag", served.etag)
                self.end_headers()
                self.wfile.write(served.data)
                served.body_bytes += len(served.data)

            def log_message(self, *args: object) -> None:
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/work.ics"

    def counts(self) -> tuple[int, int, int]:
        """Requests, 304 answers and body bytes sent so far."""
        return self.requests, self.not_modified, self.body_bytes

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
