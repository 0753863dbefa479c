"""Which proxy the environment names for a destination (wacli.client.proxy.proxy_for):
the variables' precedence, NO_PROXY's forms, credentials, and the settings refused."""

import pytest

from wacli.client.proxy import Proxy, ProxyError, proxy_for

VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_tls_destinations_use_https_proxy_plain_ones_http_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://secure.example:3128")
    monkeypatch.setenv("HTTP_PROXY", "plain.example:8080")  # a bare host:port is http://
    assert proxy_for("web.whatsapp.com", 443, tls=True) == Proxy(
        "secure.example", 3128, None, "http://secure.example:3128"
    )
    assert proxy_for("127.0.0.1", 5000, tls=False) == Proxy(
        "plain.example", 8080, None, "http://plain.example:8080"
    )


def test_lower_case_wins_and_all_proxy_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://every.example")
    found = proxy_for("mmg.whatsapp.net", 443, tls=True)
    assert found is not None and (found.host, found.port) == ("every.example", 80)
    monkeypatch.setenv("HTTPS_PROXY", "http://upper.example:1")
    monkeypatch.setenv("https_proxy", "http://lower.example:2")
    found = proxy_for("mmg.whatsapp.net", 443, tls=True)
    assert found is not None and found.host == "lower.example"


@pytest.mark.parametrize(
    ("no_proxy", "host", "port", "straight"),
    [
        ("whatsapp.com", "web.whatsapp.com", 443, True),
        (".whatsapp.com", "web.whatsapp.com", 443, True),
        ("whatsapp.com", "whatsapp.com", 443, True),
        ("app.com", "whatsapp.com", 443, False),  # a suffix, not a whole label
        ("*", "anything.example", 443, True),
        ("web.whatsapp.com:443", "web.whatsapp.com", 443, True),
        ("web.whatsapp.com:8443", "web.whatsapp.com", 443, False),
        ("[::1]:5000, other", "::1", 5000, True),
        ("::1", "::1", 5000, True),
        ("10.0.0.1,localhost", "localhost", 80, True),
        ("", "web.whatsapp.com", 443, False),
    ],
)
def test_no_proxy(
    monkeypatch: pytest.MonkeyPatch, no_proxy: str, host: str, port: int, straight: bool
) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    assert (proxy_for(host, port, tls=True) is None) is straight


def test_credentials_become_basic_authorization_and_are_never_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://me%40home:s3cr%3At@proxy.example:3128")
    found = proxy_for("web.whatsapp.com", 443, tls=True)
    assert found is not None
    assert found.authorization == "Basic bWVAaG9tZTpzM2NyOnQ="  # me@home:s3cr:t
    assert found.shown == "http://proxy.example:3128"


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("socks5h://proxy.example:1080", "names a socks5h:// proxy"),
        ("https://proxy.example:443", "names a https:// proxy"),
        ("http://proxy.example:99999", "is not a proxy URL"),
        ("http://:3128", "is not a proxy URL"),
    ],
)
def test_unusable_settings_are_refused_in_words(
    monkeypatch: pytest.MonkeyPatch, value: str, said: str
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", value)
    with pytest.raises(ProxyError, match=said) as refused:
        proxy_for("web.whatsapp.com", 443, tls=True)
    assert refused.value.args[0].startswith("HTTPS_PROXY ")
