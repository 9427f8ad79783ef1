"""``python -m telephony``: the IT diagnostic, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.fixtures.sip_peers import KamailioLauncher, SippLauncher

pytestmark = [pytest.mark.sip]


def run_cli(*args: str, stdin: str = "", timeout_s: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "telephony", *args],
        input=stdin, capture_output=True, text=True, timeout=timeout_s,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
            # The suite's private PulseAudio, when one runs, for `devices`.
            **{k: v for k, v in os.environ.items() if k.startswith("PULSE_")},
        },
    )


def journal_of(result: subprocess.CompletedProcess) -> dict:
    start = result.stdout.index("{")
    return json.loads(result.stdout[start:])


def test_call_a_uri_and_print_the_journal_entry(sipp: SippLauncher) -> None:
    peer = sipp.start("uas_answer_agent_hangup", {"RING_MS": 300})
    result = run_cli("call", peer.uri(), "--hangup-after", "0.5", "--bind", "127.0.0.1", "--json")
    assert result.returncode == 0, result.stderr
    entry = journal_of(result)
    assert entry["outcome"] == "answered"
    assert entry["sip_code"] == 200
    assert abs(entry["talk_seconds"] - 0.5) <= 0.3
    assert peer.wait() == 0, peer.errors()


def test_registered_call_through_a_proxy_with_the_password_on_stdin(
    sipp: SippLauncher, kamailio: KamailioLauncher
) -> None:
    peer = sipp.start("uas_reject_after_ringing", {"RING_MS": 200, "CODE": 486,
                                                   "REASON": "Busy Here"})
    server = kamailio.start({"agent9": "pa55"}, peer_port=peer.port)
    result = run_cli(
        "call", "0612345678", "--registrar", f"sip:{server.domain}", "--user", "agent9",
        "--proxy", f"sip:{server.domain};lr", "--password-stdin", "--bind", "127.0.0.1",
        "--json", stdin="pa55\n",
    )
    assert result.returncode == 2, result.stderr
    entry = journal_of(result)
    assert entry["outcome"] == "busy" and entry["sip_code"] == 486
    assert entry["number"] == "+212612345678"
    assert "pa55" not in result.stdout + result.stderr
    assert peer.wait() == 0, peer.errors()


def test_tls_info_names_the_bundled_openssl() -> None:
    result = run_cli("tls-info", "--json")
    assert result.returncode == 0, result.stderr
    info = journal_of(result)
    assert info["versions"][-1] == "TLSv1.2"  # the wheel's OpenSSL 1.0.2 has no TLS 1.3
    assert any("GCM" in cipher for cipher in info["ciphers"])


def test_devices_lists_audio_inputs_and_outputs() -> None:
    result = run_cli("devices", "--json")
    assert result.returncode == 0, result.stderr
    devices = json.loads(result.stdout[result.stdout.index("[") :])
    assert all({"id", "description", "is_input", "is_output"} <= set(d) for d in devices)
    if "PULSE_SERVER" in os.environ:  # the suite's PulseAudio has a virtual headset
        assert any(d["is_input"] for d in devices) and any(d["is_output"] for d in devices)
