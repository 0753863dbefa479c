import random

import pytest

from wacli.cli.app import exit_code_for
from wacli.cli.exit_codes import ExitCode
from wacli.client import errors, http
from wacli.client.backoff import backoff_delays


def test_backoff_grows_with_jitter_and_stays_capped() -> None:
    delays = backoff_delays(initial=1, maximum=30, rng=random.Random(7))
    first = [next(delays) for _ in range(12)]
    assert 0.5 <= first[0] <= 1
    assert 1 <= first[1] <= 2 and 2 <= first[2] <= 4
    assert all(15 <= d <= 30 for d in first[6:])
    assert len(set(first)) == len(first)  # jittered, not in step


@pytest.mark.parametrize(
    "exc,code",
    [
        (errors.NotPairedError("x"), ExitCode.NOT_PAIRED),
        (errors.CertificateError("x"), ExitCode.CANNOT_CONNECT),
        (errors.ConnectError("x"), ExitCode.CANNOT_CONNECT),
        (errors.RequestTimeout("x"), ExitCode.TIMED_OUT),
        (errors.RefusedError("x", 406), ExitCode.REFUSED),
        (http.HttpError("response over 1048576 bytes"), ExitCode.REFUSED),
        (http.HttpConnectError("x"), ExitCode.CANNOT_CONNECT),
        (http.HttpTimeout("x"), ExitCode.TIMED_OUT),
        (RuntimeError("x"), ExitCode.UNEXPECTED),
    ],
)
def test_client_failures_map_to_documented_exit_codes(exc: Exception, code: ExitCode) -> None:
    assert exit_code_for(exc) == code
