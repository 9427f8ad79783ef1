"""Builds the pjsua2 configuration objects the engine needs, from our settings.

Kept apart from the engine so the engine reads as call handling, and so each
pjsip choice (threading, codecs, TLS, media ports) is stated once with its why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pjsua2 as pj

from telephony.sip_account_settings import SipAccountSettings, SipTransport, SrtpMode
from telephony.sip_engine_settings import SipEngineSettings
from telephony.tls_capabilities import RECOMMENDED_TLS_CIPHERS
from telephony.tls_trust import resolve_tls_trust

_SRTP_BY_MODE = {
    SrtpMode.DISABLED: pj.PJMEDIA_SRTP_DISABLED,
    SrtpMode.OPTIONAL: pj.PJMEDIA_SRTP_OPTIONAL,
    SrtpMode.MANDATORY: pj.PJMEDIA_SRTP_MANDATORY,
}

# G.722 (16 kHz wideband) first, then G.711; everything else off.
CODEC_PRIORITIES = {"G722/16000/1": 255, "PCMA/8000/1": 254, "PCMU/8000/1": 253}


def endpoint_config(settings: SipEngineSettings) -> pj.EpConfig:
    """pjsua2 runs without worker threads; callbacks come from libHandleEvents."""
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.uaConfig.maxCalls = settings.max_calls
    config.uaConfig.userAgent = settings.user_agent
    config.logConfig.level = settings.log_level
    # pjsip logs from its media threads too: never into Python, only to a file.
    config.logConfig.consoleLevel = 0
    if settings.log_file:
        config.logConfig.filename = settings.log_file
    # 16 kHz mono conference bridge; the audio bridge resamples to devices.
    config.medConfig.clockRate = 16000
    config.medConfig.sndClockRate = 16000
    config.medConfig.channelCount = 1
    config.medConfig.threadCnt = 1
    return config


def apply_codec_priorities(endpoint: pj.Endpoint) -> None:
    for codec in endpoint.codecEnum2():
        endpoint.codecSetPriority(codec.codecId, CODEC_PRIORITIES.get(codec.codecId, 0))


@dataclass
class Transports:
    """Transport ids by kind, and why a wanted transport could not be created."""

    ids: dict[SipTransport, int] = field(default_factory=dict)
    errors: dict[SipTransport, str] = field(default_factory=dict)


def create_transports(endpoint: pj.Endpoint, settings: SipEngineSettings) -> Transports:
    """UDP always; TCP and TLS when enabled. Port 0 lets the kernel choose."""
    wanted = [(SipTransport.UDP, pj.PJSIP_TRANSPORT_UDP, settings.udp_port)]
    if settings.enable_tcp:
        wanted.append((SipTransport.TCP, pj.PJSIP_TRANSPORT_TCP, settings.tcp_port))
    if settings.enable_tls:
        wanted.append((SipTransport.TLS, pj.PJSIP_TRANSPORT_TLS, settings.tls_port))
    transports = Transports()
    for kind, pj_type, port in wanted:
        config = pj.TransportConfig()
        config.port = port
        config.boundAddress = settings.bind_address
        if settings.public_address:
            config.publicAddress = settings.public_address
        if kind is SipTransport.TLS:
            # The wheel's OpenSSL stops at TLS 1.2 (see docs/telephony.md).
            config.tlsConfig.method = pj.PJSIP_TLSV1_2_METHOD
            trust = resolve_tls_trust(settings.tls_verify_server, settings.tls_ca_file)
            config.tlsConfig.CaListFile = trust.ca_file
            config.tlsConfig.verifyServer = trust.verify
            ciphers = pj.IntVector()
            for cipher in RECOMMENDED_TLS_CIPHERS.values():
                ciphers.append(cipher)
            config.tlsConfig.ciphers = ciphers
        try:
            transports.ids[kind] = endpoint.transportCreate(pj_type, config)
        except pj.Error as error:
            transports.errors[kind] = error.info()
    return transports


def _apply_media_config(
    config: pj.AccountConfig, srtp: SrtpMode, settings: SipEngineSettings
) -> None:
    config.mediaConfig.srtpUse = _SRTP_BY_MODE[srtp]
    config.mediaConfig.srtpSecureSignaling = 0
    # No re-INVITE to "lock" one codec when the answer lists several: many
    # PBXs and SIPp scenarios treat it as an unexpected request.
    config.mediaConfig.lockCodecEnabled = False
    config.mediaConfig.transportConfig.port = settings.rtp_port
    if settings.bind_address != "0.0.0.0":
        config.mediaConfig.transportConfig.boundAddress = settings.bind_address


def local_account_config(settings: SipEngineSettings) -> pj.AccountConfig:
    """Account without registrar, used for SIP URIs when none is configured."""
    config = pj.AccountConfig()
    host = settings.bind_address
    config.idUri = f"sip:hatif@{'127.0.0.1' if host == '0.0.0.0' else host}"
    _apply_media_config(config, SrtpMode.DISABLED, settings)
    return config


def account_config(
    account: SipAccountSettings, password: str, settings: SipEngineSettings
) -> pj.AccountConfig:
    """Registration, digest credentials, proxy, keep-alive and media of one account."""
    config = pj.AccountConfig()
    config.idUri = account.account_uri
    config.regConfig.registerOnAdd = account.register
    if account.register:
        config.regConfig.registrarUri = account.registrar_uri
        config.regConfig.timeoutSec = account.registration_timeout_s
        config.regConfig.retryIntervalSec = account.registration_retry_s
        config.regConfig.firstRetryIntervalSec = account.registration_retry_s
    if account.outbound_proxy:
        config.sipConfig.proxies.append(account.outbound_proxy)
    config.sipConfig.authCreds.append(
        pj.AuthCredInfo("digest", account.realm, account.auth_user or account.user, 0, password)
    )
    # Not pinned with sipConfig.transportId: a pinned transport cannot follow a
    # Record-Route of another transport, and pjsip aborts on the ACK then.
    # The registrar, proxy and dialled URIs carry ;transport= instead.
    config.natConfig.udpKaIntervalSec = account.keepalive_s
    _apply_media_config(config, account.srtp, settings)
    if account.media_address:
        config.mediaConfig.transportConfig.publicAddress = account.media_address
    return config
