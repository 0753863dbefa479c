"""The WhatsApp Web version: reading client_revision from the look-up's answer, and which
version a client announces (WACLI_WA_VERSION, the one learnt after a 405, the built-in)."""

from __future__ import annotations

import pytest

from wacli.client.payload import WA_WEB_VERSION
from wacli.client.version import (
    DEFAULT_VERSION_URL,
    VERSION_URL_ENV,
    VersionLookupError,
    announced_version,
    parse_revision,
    version_url,
)
from wacli.sandbox.client_version import service_worker


@pytest.mark.parametrize(
    "text",
    [
        # inside a JSON string literal, as the service worker carries it
        r'self.__swData=JSON.parse(/*BTDS*/"{\"dynamic_data\":{\"SiteData\":'
        r'{\"server_revision\":1,\"client_revision\":1045649999,\"x\":2}}}");',
        # plain JSON, as in the page's inline data
        '{"SiteData":{"client_revision":1045649999,"push_phase":"C3"}}',
        # whitespace after the colon
        '"client_revision" :  1045649999',
    ],
)
def test_the_revision_is_found_escaped_or_not(text: str) -> None:
    assert parse_revision(text) == (2, 3000, 1045649999)


def test_the_first_revision_counts() -> None:
    assert parse_revision('"client_revision":7, "client_revision":8') == (2, 3000, 7)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<html>no data here</html>",
        '"client_revision":"1045649999"',  # a string, not a number
        '"server_revision":1045649999',
        '"client_revision":0',
        '"client_revision":4294967296',  # does not fit AppVersion.tertiary (uint32)
        '"client_revision":12345678901234',
    ],
)
def test_answers_without_a_usable_revision_are_refused(text: str) -> None:
    with pytest.raises(VersionLookupError):
        parse_revision(text)


def test_the_sandbox_script_is_read_like_the_real_one() -> None:
    script = service_worker(1045650001).decode()
    assert '\\"client_revision\\":1045650001' in script  # the escaped form
    assert parse_revision(script) == (2, 3000, 1045650001)


BUILT_IN = WA_WEB_VERSION
NEWER = (2, 3000, BUILT_IN[2] + 10)
OLDER = (2, 3000, BUILT_IN[2] - 10)


def text(version: tuple[int, int, int]) -> str:
    return ".".join(map(str, version))


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, BUILT_IN),
        (text(NEWER), NEWER),  # learnt after a 405: announced from now on
        (text(OLDER), BUILT_IN),  # a newer wacli's own version wins over an old learnt one
        (text(BUILT_IN), BUILT_IN),
        ("not a version", BUILT_IN),
        ("", BUILT_IN),
    ],
)
def test_the_stored_version_counts_when_newer(
    stored: str | None, expected: tuple[int, int, int]
) -> None:
    assert announced_version(BUILT_IN, stored, {}) == expected


def test_the_environment_override_beats_the_stored_version() -> None:
    chosen = (2, 3000, 5)  # what WACLI_WA_VERSION said (the CLI parsed it into the Endpoint)
    env = {"WACLI_WA_VERSION": "2.3000.5"}
    assert announced_version(chosen, text(NEWER), env) == chosen
    assert announced_version(chosen, text(NEWER), {"WACLI_WA_VERSION": ""}) == NEWER


def test_the_lookup_url_is_overridable() -> None:
    assert version_url({}) == DEFAULT_VERSION_URL == "https://web.whatsapp.com/sw.js"
    assert version_url({VERSION_URL_ENV: "https://127.0.0.1:9/sw.js"}) == (
        "https://127.0.0.1:9/sw.js"
    )
