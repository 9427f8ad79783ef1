"""The team lead's wallboard: its state, built from the server's snapshot and
then kept current by live events, plus the alerts the lead configured.

Qt-free data (``wallboard_state``, ``alerts``) lives beside the QtCore service
(``wallboard_service``) that the window in ``ui/wallboard`` observes.
"""
