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
