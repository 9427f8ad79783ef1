"""Settings of the agent's SIP account, as IT provisions them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from telephony.dial_plan import DialPlan


class SipTransport(StrEnum):
    """Transport for signalling to the registrar / proxy."""

    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


class SrtpMode(StrEnum):
    """Whether media is encrypted (SDES SRTP)."""

    DISABLED = "disabled"
    OPTIONAL = "optional"
    MANDATORY = "mandatory"


@dataclass(frozen=True)
class SipAccountSettings:
    """One SIP account. The password is not here: it lives in the OS keyring.

    ``domain`` is the SIP domain (host[:port]) used in the account URI and for
    dialled numbers. ``registrar`` defaults to ``sip:<domain>``; set
    ``register=False`` to dial straight at a peer or trunk without registering.
    ``outbound_proxy`` routes every request through that proxy (loose routing).
    """

    user: str
    domain: str
    registrar: str | None = None
    outbound_proxy: str | None = None
    auth_user: str | None = None
    realm: str = "*"
    display_name: str = ""
    transport: SipTransport = SipTransport.UDP
    srtp: SrtpMode = SrtpMode.DISABLED
    register: bool = True
    registration_timeout_s: int = 300
    registration_retry_s: int = 30
    keepalive_s: int = 15
    # The address the SDP offers for audio (NAT public address, VPN address); empty:
    # the address of the interface the media socket is bound to.
    media_address: str = ""
    dial_plan: DialPlan = field(default_factory=DialPlan)

    @property
    def uri_params(self) -> str:
        """URI parameters that pin the transport (none for UDP)."""
        return "" if self.transport is SipTransport.UDP else f";transport={self.transport.value}"

    @property
    def account_uri(self) -> str:
        uri = f"sip:{self.user}@{self.domain}"
        return f'"{self.display_name}" <{uri}>' if self.display_name else uri

    @property
    def registrar_uri(self) -> str:
        return self.registrar or f"sip:{self.domain}{self.uri_params}"
