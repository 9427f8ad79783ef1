"""Hatif's version: the one place it is written (pyproject reads it from here).

A release bumps it here and tags the commit ``v<VERSION>`` (tests/test_version.py
checks that a tag on the current commit agrees). The desk (``--version``, the
self-test), the bundle and the server's health all report this value, so two
releases can be told apart on a desk and on the server.
"""

VERSION = "0.2.0"
