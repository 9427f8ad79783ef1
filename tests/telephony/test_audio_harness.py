"""An echo call for audio tests and bench/audio.py: pjsua2 on the null device calling SIPp.

SIPp answers as a UAS with G.722/G.711 SDP and ``-rtp_echo`` sends every RTP packet
back, so whatever the bridge feeds pjsua comes back to the bridge ~one RTP round
trip later. The endpoint is minimal on purpose (threadCnt 0, polled from the test
thread); the real engine lives in telephony/ and has its own tests.
No tests in this module: it is imported by the audio tests and the benchmark.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pjsua2 as pj

from telephony.audio.call_audio_bridge import CallAudioBridge
from telephony.audio.codec_setup import configure_codecs

_SDP_ANSWER = """v=0
o=echo 53655765 {version} IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP {payloads}
a=rtpmap:9 G722/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:0 PCMU/8000
a=ptime:20
"""

_OK_WITH_SDP = """  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]{to_tag}
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:echo@[local_ip]:[local_port];transport=[transport]>
Content-Type: application/sdp
Content-Length: [len]

{sdp}]]></send>
"""

# Answers with three codecs; pjsua then re-INVITEs to lock one (lockCodecEnabled),
# so the scenario accepts any number of re-INVITEs before the caller's BYE.
ECHO_UAS_SCENARIO = (
    """<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="hatif echo uas">
  <recv request="INVITE" crlf="true"/>
"""
    + _OK_WITH_SDP.format(
        to_tag=";tag=[pid]SIPpTag01[call_number]",
        sdp=_SDP_ANSWER.format(version=1, payloads="9 8 0"),
    )
    + """  <recv request="ACK" crlf="true"/>
  <label id="talking"/>
  <recv request="INVITE" optional="true" next="reinvite"/>
  <recv request="BYE" next="bye"/>
  <label id="reinvite"/>
"""
    + _OK_WITH_SDP.format(to_tag="", sdp=_SDP_ANSWER.format(version=2, payloads="9"))
    + """  <recv request="ACK" next="talking"/>
  <label id="bye"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
</scenario>
"""
)


def missing_sip_binaries() -> list[str]:
    return [name for name in ("sipp",) if shutil.which(name) is None]


def free_udp_port(even_pair: bool = False) -> int:
    """A free UDP port (with the next one free too when ``even_pair``: RTP + RTCP)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if not even_pair:
            return port
        if port % 2 or port > 65000:
            continue
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as rtcp:
                rtcp.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no free UDP port pair")


class SippEchoPeer:
    """SIPp answering one call and echoing its RTP until the caller hangs up."""

    def __init__(self, work_dir: Path) -> None:
        self.work_dir = work_dir
        self.sip_port = free_udp_port()
        self.media_port = free_udp_port(even_pair=True)
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        return f"sip:echo@127.0.0.1:{self.sip_port}"

    def start(self) -> None:
        scenario = self.work_dir / "echo_uas.xml"
        scenario.write_text(ECHO_UAS_SCENARIO)
        self._process = subprocess.Popen(
            [
                "sipp", "-sf", str(scenario), "-i", "127.0.0.1", "-p", str(self.sip_port),
                "-mi", "127.0.0.1", "-mp", str(self.media_port), "-rtp_echo",
                "-m", "1", "-nostdin", "-timeout", "300s", "-trace_err",
            ],
            cwd=self.work_dir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


class EchoCallEndpoint:
    """A minimal pjsua2 endpoint (null audio device) for placing one echo call at a time."""

    def __init__(self) -> None:
        self.endpoint = pj.Endpoint()
        self.endpoint.libCreate()
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = False
        config.logConfig.level = 1
        config.logConfig.consoleLevel = 1
        self.endpoint.libInit(config)
        transport = pj.TransportConfig()
        transport.port = 0
        transport.boundAddress = "127.0.0.1"
        self.endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        self.endpoint.libStart()
        self.endpoint.audDevManager().setNullDev()
        self.codecs = configure_codecs(self.endpoint)
        account_config = pj.AccountConfig()
        account_config.idUri = "sip:agent@127.0.0.1"
        self.account = pj.Account()
        self.account.create(account_config, True)

    def pump(self, seconds: float, until: Callable[[], bool] | None = None) -> bool:
        """Run pjsua's events for up to ``seconds``; True as soon as ``until()`` holds."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.endpoint.libHandleEvents(10)
            if until is not None and until():
                return True
        return until() if until is not None else True

    def destroy(self) -> None:
        self.account.shutdown()
        del self.account
        self.endpoint.libDestroy()
        del self.endpoint


class EchoCall(pj.Call):
    """A call whose audio goes through a CallAudioBridge once the media is active."""

    def __init__(self, account: pj.Account, bridge: CallAudioBridge) -> None:
        super().__init__(account)
        self.bridge = bridge
        self.confirmed = False
        self.disconnected = False
        self.codec = ""

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802
        state = self.getInfo().state
        self.confirmed = self.confirmed or state == pj.PJSIP_INV_STATE_CONFIRMED
        if state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self.disconnected = True
            self.bridge.stop()

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        info = self.getInfo()
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                self.bridge.start(self.getAudioMedia(index))
                self.codec = self.getStreamInfo(index).codecName

    def hang_up(self) -> None:
        if not self.disconnected:
            self.hangup(pj.CallOpParam(True))
