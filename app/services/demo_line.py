"""The built-in demo line of ``hatif --demo``: a SIPp customer that answers.

When ``sipp`` (Debian ``sip-tester``) is installed, a SIPp UAS listens on a
free loopback port: it rings for a second, answers, echoes the agent's audio
back (``-rtp_echo``, so the newcomer hears the headset work), and hangs up
after half a minute unless the agent hangs up first. The demo SIP account
dials it directly (no registrar), so every demo customer "answers".
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from app.child_process_lifetime import end_with_parent

log = logging.getLogger(__name__)

TALK_MS = 30_000

# A UAS that answers any number of calls. After the ACK it waits for the
# agent's BYE; if none comes within TALK_MS it sends its own BYE. ACKs from
# pjsua carry no Contact, so the INVITE's Contact/From/To are captured.
_SCENARIO = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="hatif demo line">
  <recv request="INVITE" crlf="true">
    <action>
      <ereg regexp="&lt;(sips?:[^&gt;]*)&gt;" search_in="hdr" header="Contact:"
            assign_to="whole_contact,contact_uri"/>
      <ereg regexp="[^ ].*" search_in="hdr" header="From:" assign_to="caller"/>
      <ereg regexp="[^ ].*" search_in="hdr" header="To:" assign_to="callee"/>
    </action>
  </recv>
  <Reference variables="whole_contact"/>
  <send>
    <![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=[pid]Demo[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Length: 0

    ]]>
  </send>
  <pause milliseconds="1000"/>
  <send retrans="500">
    <![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]Demo[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Type: application/sdp
Content-Length: [len]

v=0
o=demo 1 1 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0 8 101
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-15

    ]]>
  </send>
  <recv request="ACK" crlf="true"/>
  <recv request="BYE" timeout="@TALK_MS@" ontimeout="line_hangs_up"/>
  <send>
    <![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

    ]]>
  </send>
  <nop next="done"/>
  <label id="line_hangs_up"/>
  <send retrans="500">
    <![CDATA[
BYE [$contact_uri] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: [$callee];tag=[pid]Demo[call_number]
To: [$caller]
Call-ID: [call_id]
CSeq: 2 BYE
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Length: 0

    ]]>
  </send>
  <recv response="200" crlf="true"/>
  <label id="done"/>
</scenario>
"""


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _udp_port_busy(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


@dataclass
class DemoLine:
    """A running demo line; ``domain`` is what the demo SIP account dials."""

    process: subprocess.Popen[bytes]
    port: int
    workdir: Path

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)


def start_demo_line(workdir: Path, *, talk_ms: int = TALK_MS) -> DemoLine | None:
    """Start the SIPp demo customer; None (and a log line) when SIPp is missing."""
    sipp = shutil.which("sipp")
    if sipp is None:
        log.warning("sipp is not installed: the demo line is off (apt install sip-tester)")
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    scenario = workdir / "demo_line.xml"
    scenario.write_text(_SCENARIO.replace("@TALK_MS@", str(talk_ms)), encoding="latin-1")
    for _attempt in range(5):
        port, media_port = _free_udp_port(), _free_udp_port()
        screen = (workdir / "demo_line.log").open("wb")
        process = subprocess.Popen(
            [
                sipp,
                "-sf",
                str(scenario),
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "-mi",
                "127.0.0.1",
                "-mp",
                str(media_port),
                "-rtp_echo",
                "-nostdin",
                "-bind_local",
                "-trace_err",
                "-error_file",
                str(workdir / "demo_line_errors.log"),
            ],
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=screen,
            stderr=subprocess.STDOUT,
            preexec_fn=end_with_parent(),  # a killed Hatif must not leave SIPp answering
        )
        screen.close()
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline and process.poll() is None:
            if _udp_port_busy(port):
                log.info("demo line answering on 127.0.0.1:%d", port)
                return DemoLine(process, port, workdir)
            time.sleep(0.05)
        if process.poll() is None:
            process.kill()
            process.wait(5)
    log.warning("the demo line did not start; see %s", workdir / "demo_line.log")
    return None
