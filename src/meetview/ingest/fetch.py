"""Fetching http(s) URLs: timeout, User-Agent, redirects kept to http/https, size limit, one-line errors."""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from meetview import __version__
from meetview.ingest.core import Document
from meetview.ingest.errors import IngestError

DEFAULT_TIMEOUT = 20.0  # seconds without a byte from the server
TOTAL_TIME_FACTOR = 4  # a whole download may take this many timeouts (a server dripping bytes)
MAX_REDIRECTS = 5
USER_AGENT = f"meetview/{__version__} (news article importer; Python urllib)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
)
# Content types that are never articles: refused before the body is downloaded.
_NOT_TEXT = (
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/pdf",
    "application/zip",
    "application/octet-stream",
)
_CHUNK = 64 * 1024


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise IngestError(f"redirected to a {scheme or 'non-web'} URL, refused: {newurl[:200]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Only what http(s) needs: no file:// or ftp:// handlers, so no redirect can reach local files.
    handlers = [
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _Redirects(),
    ]
    opener = urllib.request.OpenerDirector()
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def _reason(error: BaseException, timeout: float) -> str:
    if isinstance(error, TimeoutError | socket.timeout):
        return f"timed out (no answer within {timeout:g} s)"
    if isinstance(error, ConnectionRefusedError):
        return "cannot connect: connection refused"
    if isinstance(error, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(error, socket.gaierror):
        return "cannot resolve the host name (no network, or no such host)"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({error.verify_message or error})"
    if isinstance(error, ssl.SSLError):
        return f"TLS error ({error.reason or error})"
    if isinstance(error, http.client.HTTPException):
        return f"broken HTTP response ({type(error).__name__})"
    if isinstance(error, OSError) and error.strerror:
        return f"network error: {error.strerror}"
    return f"network error: {error}"


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Document:
    """GET an http(s) URL. The Document keeps the final URL (after redirects) and the Content-Type."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise IngestError("not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    deadline = time.monotonic() + timeout * TOTAL_TIME_FACTOR
    try:
        with _opener().open(request, timeout=timeout) as response:
            ctype = response.headers.get("Content-Type")
            if ctype and ctype.split(";", 1)[0].strip().lower().startswith(_NOT_TEXT):
                raise IngestError(f"not an article (content type {ctype.split(';', 1)[0].strip()})")
            length = response.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise IngestError(f"too large ({int(length):,} bytes; the limit is {max_bytes:,})")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise IngestError(f"too large (over {max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise IngestError(f"download too slow (over {timeout * TOTAL_TIME_FACTOR:g} s)")
            return Document(source=url, data=b"".join(chunks), content_type=ctype, url=response.geturl())
    except IngestError:
        raise
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:
            if "not allowed" in str(e.reason):  # urllib refuses redirects to other schemes itself
                raise IngestError(f"redirected to a non-web URL, refused: {str(e.filename)[:200]}") from e
            raise IngestError(f"HTTP {e.code}: too many redirects or a redirect loop") from e
        raise IngestError(f"HTTP {e.code} {e.reason}".rstrip()) from e
    except urllib.error.URLError as e:
        reason = e.reason if isinstance(e.reason, BaseException) else None
        raise IngestError(_reason(reason, timeout) if reason else f"cannot fetch: {e.reason}") from e
    except (OSError, http.client.HTTPException, ValueError) as e:
        raise IngestError(_reason(e, timeout)) from e
