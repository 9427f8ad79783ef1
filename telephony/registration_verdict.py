"""Pure mapping of a registrar's answer to a registration state and a sentence."""

from __future__ import annotations

from telephony.sip_events import RegistrationState, RegistrationStatus


def registration_state_for(code: int, reason: str, expires_s: int, user: str) -> RegistrationState:
    """Registration state after a REGISTER transaction finished with ``code``."""
    text = f"{code} {reason}".strip()
    if 200 <= code < 300:
        if expires_s > 0:
            return RegistrationState(
                RegistrationStatus.REGISTERED,
                code,
                reason,
                expires_s,
                f"Registered as {user} for {expires_s} s.",
            )
        return RegistrationState(
            RegistrationStatus.UNREGISTERED, code, reason, 0, f"{user} is unregistered."
        )
    if code in (401, 403, 407):
        message = (
            f"The telephony server refused the user name or password of {user} ({text})."
        )
    elif code == 408:
        message = f"The registrar did not respond ({text})."
    elif code in (502, 503, 504):
        message = f"The registrar cannot be reached ({text})."
    elif code == 404:
        message = f"The registrar does not know the user {user} ({text})."
    else:
        message = f"Registration failed ({text})."
    return RegistrationState(RegistrationStatus.FAILED, code, reason, 0, message)


def registrar_silent_state(waited_s: float) -> RegistrationState:
    """Registration state while a REGISTER has gone unanswered for ``waited_s``.

    pjsip keeps retransmitting (over UDP its own verdict only comes after 32 s),
    so the message says the phone is still trying; any answer replaces this state.
    """
    return RegistrationState(
        RegistrationStatus.FAILED,
        408,
        "Registrar not answering",
        0,
        f"The registrar is not answering (no reply after {waited_s:.0f} s); still trying.",
    )
