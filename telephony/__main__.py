"""Entry point of ``python -m telephony`` (see telephony.diagnostic_cli)."""

import sys

from telephony.diagnostic_cli import main

sys.exit(main())
