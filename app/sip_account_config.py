"""The provisioned ``sip.*`` / ``dial.*`` settings as telephony's SipAccountSettings."""

from __future__ import annotations

from app import settings_schema as schema
from app.settings_loader import EffectiveSettings
from telephony.dial_plan import DialFormat, DialPlan
from telephony.sip_account_settings import SipAccountSettings, SipTransport, SrtpMode
from telephony.sip_engine_settings import SipEngineSettings


def _host_of(address: str) -> str:
    """``sip:pbx.example.ma:5060;transport=tcp`` → ``pbx.example.ma:5060``."""
    text = address.strip()
    for scheme in ("sips:", "sip:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme):]
    text = text.split(";", 1)[0]
    return text.rsplit("@", 1)[-1]


def _as_uri(address: str, params: str) -> str | None:
    if not address:
        return None
    if address.lower().startswith(("sip:", "sips:")):
        return address
    return f"sip:{address}{params}"


def sip_domain(settings: EffectiveSettings) -> str:
    """The account's domain: ``sip.domain``, else the registrar's host."""
    return settings[schema.SIP_DOMAIN] or _host_of(settings[schema.SIP_REGISTRAR])


def is_sip_configured(settings: EffectiveSettings) -> bool:
    return bool(settings[schema.SIP_USER] and sip_domain(settings))


def sip_account_from_settings(settings: EffectiveSettings) -> SipAccountSettings:
    """The SIP account IT provisioned (the password stays in the keyring)."""
    transport = SipTransport(settings[schema.SIP_TRANSPORT])
    params = "" if transport is SipTransport.UDP else f";transport={transport.value}"
    return SipAccountSettings(
        user=settings[schema.SIP_USER],
        domain=sip_domain(settings),
        registrar=_as_uri(settings[schema.SIP_REGISTRAR], params),
        outbound_proxy=_as_uri(settings[schema.SIP_PROXY], params),
        auth_user=settings[schema.SIP_AUTH_USER] or None,
        display_name=settings[schema.SIP_DISPLAY_NAME],
        transport=transport,
        srtp=SrtpMode(settings[schema.SIP_SRTP]),
        register=settings[schema.SIP_REGISTER],
        realm=settings[schema.SIP_REALM] or "*",
        keepalive_s=settings[schema.SIP_KEEPALIVE],
        registration_timeout_s=settings[schema.SIP_REGISTRATION_INTERVAL],
        media_address=settings[schema.SIP_MEDIA_ADDRESS],
        dial_plan=DialPlan(
            dial_format=DialFormat(settings[schema.DIAL_NUMBER_FORMAT]),
            prefix=settings[schema.DIAL_OUTSIDE_PREFIX],
            region=settings[schema.PHONE_DEFAULT_REGION],
        ),
    )


def sip_engine_settings_from_settings(settings: EffectiveSettings,
                                      bind_address: str = "0.0.0.0") -> SipEngineSettings:
    """Engine settings for the agent's softphone: ``sip.local_port`` pins the local
    SIP port (UDP and TCP; TLS on the port after it) for PBXs/firewalls that need it.

    The self-test does not use this: it must run while the window holds that port.
    """
    port = settings[schema.SIP_LOCAL_PORT]
    return SipEngineSettings(bind_address=bind_address, udp_port=port, tcp_port=port,
                             tls_port=port + 1 if port else 0,
                             tls_verify_server=settings[schema.SIP_TLS_VERIFY_SERVER],
                             tls_ca_file=settings[schema.SIP_TLS_CA_FILE])
