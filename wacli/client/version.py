"""Which WhatsApp Web version to announce, and looking up the current one after a 405.

The server refuses a login whose version it considers too old (connect failure 405,
client_outdated). A wacli installed once and run from cron would meet that some day, so
after a 405 the client asks WhatsApp Web itself which revision it serves now: the web
client's service-worker script (``https://web.whatsapp.com/sw.js``, as Baileys reads it;
whatsmeow reads the page) embeds its build data, where ``"client_revision":NNN`` appears,
its quotes JSON-escaped inside a JS string literal. The version is then ``2.3000.NNN``.

The version learnt is kept in the store (account setting ``wa_version``) so later runs
announce it from the start. What is announced:

1. ``WACLI_WA_VERSION`` when set (no look-up ever replaces it);
2. else the stored version when it is newer than the built-in one;
3. else the built-in one (``payload.WA_WEB_VERSION``).

``WACLI_VERSION_URL`` points the look-up elsewhere (the sandbox's ``version_url``). The
fetch is HTTPS only, verified like media: against ``WACLI_MEDIA_CA`` when set, else the
system trust store.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from wacli.client.errors import ClientError
from wacli.client.payload import VERSION_ENV, VersionError, parse_version

DEFAULT_VERSION_URL = "https://web.whatsapp.com/sw.js"
VERSION_URL_ENV = "WACLI_VERSION_URL"
MEDIA_CA_ENV = "WACLI_MEDIA_CA"
LOOKUP_TIMEOUT = 20.0
MAX_SCRIPT_BYTES = 16 * 1024 * 1024

# What a desktop Chrome on Linux sends when the address is typed in: the server answers
# a bare HTTP client differently (or not at all).
BROWSER_HEADERS = {
    "User-Agent": (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    ),
    "Accept": "*/*",
    "Accept-Language": "en-US,en;q=0.9",
    "Sec-Fetch-Dest": "empty",
    "Sec-Fetch-Mode": "cors",
    "Sec-Fetch-Site": "none",
}

# The revision as the script carries it: "client_revision":N, or \"client_revision\":N
# inside a JSON string literal.
_REVISION = re.compile(r'\\?"client_revision\\?"\s*:\s*(\d{1,20})(?!\d)')

Version = tuple[int, int, int]


class VersionLookupError(ClientError):
    """The current WhatsApp Web version could not be found out."""


def parse_revision(text: str) -> Version:
    """``(2, 3000, N)`` from the first ``client_revision`` in a page or script."""
    match = _REVISION.search(text)
    if match is None:
        raise VersionLookupError("the answer names no client_revision")
    revision = int(match.group(1))
    if not 0 < revision < 2**32:
        raise VersionLookupError(f"client_revision {revision} is out of range")
    return 2, 3000, revision


def version_url(environ: Mapping[str, str] | None = None) -> str:
    return (os.environ if environ is None else environ).get(VERSION_URL_ENV) or DEFAULT_VERSION_URL


def overridden(environ: Mapping[str, str] | None = None) -> bool:
    """Whether WACLI_WA_VERSION chooses the version (then nothing else does)."""
    return bool((os.environ if environ is None else environ).get(VERSION_ENV))


def stored_version(text: str | None) -> Version | None:
    """The store's ``wa_version`` setting; None when absent or unreadable."""
    if not text:
        return None
    try:
        return parse_version(text)
    except VersionError:
        return None


def announced_version(
    configured: Version, stored: str | None, environ: Mapping[str, str] | None = None
) -> Version:
    """The version to announce: ``configured`` (WACLI_WA_VERSION, or the built-in one) unless
    the override is unset and the store holds a newer one."""
    if overridden(environ):
        return configured
    learnt = stored_version(stored)
    return learnt if learnt is not None and learnt > configured else configured


async def fetch_current_version(
    url: str | None = None,
    *,
    ca_file: str | None = None,
    timeout: float = LOOKUP_TIMEOUT,
    environ: Mapping[str, str] | None = None,
) -> Version:
    """Ask WhatsApp Web (or ``url``) for the version it serves now.

    Raises VersionLookupError for an answer without a usable revision, and the http
    module's typed errors (a ConnectError, RequestTimeout or RefusedError) otherwise.
    """
    from wacli.client import http  # only after a 405: every login needs the rest

    env = os.environ if environ is None else environ
    url = url or version_url(env)
    ca_file = ca_file or env.get(MEDIA_CA_ENV) or None
    response = await http.request(
        "GET",
        url,
        headers=BROWSER_HEADERS,
        context=http.tls_context(ca_file),
        timeout=timeout,
        max_response=MAX_SCRIPT_BYTES,
    )
    try:
        return parse_revision(response.body.decode("utf-8", "replace"))
    except VersionLookupError as exc:
        raise VersionLookupError(f"{url}: {exc}") from None
