"""URLs against a local HTTP server: pages, feeds, errors, redirects, timeouts, size limits."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_helpers import fixture_path

from meetview.ingest import IngestError, discover, load, parse
from meetview.ingest.fetch import USER_AGENT

PAGE = fixture_path("page.html").read_bytes()
FEED = fixture_path("feed_rss.xml").read_bytes()
RUSSIAN = "Министр иностранных дел встретился с коллегой из Турции в Анкаре.\n"

seen_agents: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output quiet
        pass

    def send(self, code: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first
            self.wfile.write(body)

    def do_GET(self):
        seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/news/article":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/feed":
            self.send(200, FEED, "application/rss+xml")
        elif path == "/plain":
            self.send(
                200, ("Ministers meet in Ankara\n\n" + RUSSIAN).encode("koi8_r"), "text/plain; charset=koi8-r"
            )
        elif path == "/missing":
            self.send(404, b"<h1>Not here</h1>", "text/html")
        elif path == "/error":
            self.send(500, b"oops", "text/plain")
        elif path == "/moved":
            self.send(302, b"", "text/html", {"Location": "/news/article"})
        elif path == "/loop":
            self.send(302, b"", "text/html", {"Location": "/loop"})
        elif path == "/to-file":
            self.send(302, b"", "text/html", {"Location": "file:///etc/passwd"})
        elif path == "/slow":
            time.sleep(3)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send(200, PAGE, "text/html")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/big":
            self.send(200, b"a" * 5000, "text/plain")
        elif path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"a" * 5000)
        else:
            self.send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def test_article_page(server):
    url = f"{server}/news/article"
    assert list(discover([url])) == [url]
    doc = load(url)
    assert doc.url == url and doc.content_type.startswith("text/html")
    (a,) = parse(doc)
    assert a.source == url
    assert a.kind == "url"
    assert a.title == "Nordic ministers meet Ukrainian counterpart in Helsinki"
    assert a.published == "2024-02-14"
    assert a.url == "https://ledger.example.com/world/2024/02/14/nordic-ministers-helsinki"  # canonical
    assert "met their Ukrainian counterpart in Helsinki" in a.text
    assert "LATEST NEWS" not in a.text
    assert seen_agents[-1] == USER_AGENT


def test_feed_url_gives_entries(server):
    entries = parse(load(f"{server}/feed"))
    assert [e.kind for e in entries] == ["feed-entry", "feed-entry"]
    assert entries[0].source == f"{server}/feed#harbour-1001"
    assert entries[0].title == "Dutch and Belgian ministers meet in Antwerp"


def test_plain_text_url_with_declared_charset(server):
    (a,) = parse(load(f"{server}/plain"))
    assert RUSSIAN.strip() in a.text
    assert a.url == f"{server}/plain"


def test_redirect_is_followed_and_final_url_kept(server):
    doc = load(f"{server}/moved")
    assert doc.url == f"{server}/news/article"
    assert doc.source == f"{server}/moved"
    (a,) = parse(doc)
    assert a.source == f"{server}/moved" and a.kind == "url"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/loop", "redirect"),
        ("/to-file", "redirected to a non-web URL, refused: file:///etc/passwd"),
        ("/image", "not an article (content type image/png)"),
        ("/big", "too large (5,000 bytes; the limit is 1,000)"),
        ("/big-undeclared", "too large (over 1,000 bytes)"),
    ],
)
def test_http_errors_are_one_line_reasons(server, path, message):
    with pytest.raises(IngestError) as info:
        load(f"{server}{path}", max_bytes=1000)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_timeout(server):
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"timed out \(no answer within 0.5 s\)"):
        load(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_connection_refused():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # nothing listens on the port now
    with pytest.raises(IngestError, match="connection refused"):
        load(f"http://127.0.0.1:{port}/article", timeout=2)


def test_bad_urls():
    with pytest.raises(IngestError, match=r"not an http\(s\) URL"):
        load("http:///no-host")
