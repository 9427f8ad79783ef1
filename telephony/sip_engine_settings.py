"""Settings of the SIP engine itself (transports, timers, logging)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SipEngineSettings:
    """How the engine runs. Ports 0 mean "any free port".

    ``ring_timeout_s``: an unanswered outbound call is cancelled after this long
    (outcome no_answer). ``setup_timeout_s``: a call that got no provisional
    response (no 180/183) after this long is abandoned (outcome failed,
    reason no_response) instead of waiting for SIP timer B (32 s).
    ``max_dials_per_second``: dials beyond this rate fail at once (reason
    too_many_calls). pjsip keeps each ended call's RTP sockets in its I/O queue
    for 500 ms and *aborts the process* when the queue (64 handles) is full, so
    a runaway redial loop must be refused, not passed on.
    ``tls_verify_server`` / ``tls_ca_file``: a PBX reached over TLS must show a
    certificate signed by a CA in ``tls_ca_file`` (empty: the system's CAs, see
    ``telephony.tls_trust``); off only for a lab.
    ``registrar_answer_timeout_s``: a REGISTER the registrar has not answered
    after this long is reported as "registrar not answering" (status failed,
    code 408) while pjsip keeps retransmitting; over UDP its own verdict only
    comes with SIP timer B (32 s). Any answer later replaces that report.
    ``log_file``: pjsip's own log goes there (never to Python, since pjsip logs
    from its media threads too).
    """

    bind_address: str = "0.0.0.0"
    public_address: str = ""
    udp_port: int = 0
    tcp_port: int = 0
    tls_port: int = 0
    enable_tcp: bool = True
    enable_tls: bool = True
    tls_ca_file: str = ""
    tls_verify_server: bool = True
    rtp_port: int = 0
    ring_timeout_s: float = 45.0
    setup_timeout_s: float = 10.0
    registrar_answer_timeout_s: float = 4.0
    shutdown_timeout_s: float = 3.0
    tick_ms: int = 10
    max_calls: int = 8
    max_dials_per_second: int = 15
    user_agent: str = "Hatif"
    log_level: int = 0
    log_file: str = ""
