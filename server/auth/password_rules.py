"""The server's side of ``core.password_policy``: a refused password is a 422
``weak_password`` naming the reason, the same from the API, the CLI and the
demo seed."""

from __future__ import annotations

from core.password_policy import MIN_LENGTH, PasswordProblem, password_problem
from server.services.errors import ServiceError

_MESSAGES = {
    PasswordProblem.TOO_SHORT: f"The password needs at least {MIN_LENGTH} characters.",
    PasswordProblem.TOO_LONG: "The password is too long.",
    PasswordProblem.TOO_COMMON: "This password is among the first ones an attacker tries.",
    PasswordProblem.REPEATED: "The password repeats the same few characters.",
    PasswordProblem.CONTAINS_USERNAME: "The password must not contain the user name.",
}


def require_strong_password(password: str, username: str = "") -> None:
    """Return when ``password`` may be set; 422 ``weak_password`` otherwise."""
    problem = password_problem(password, username)
    if problem is not None:
        raise ServiceError(
            422,
            "weak_password",
            _MESSAGES[problem],
            {"reason": problem.value, "min_length": MIN_LENGTH},
        )
