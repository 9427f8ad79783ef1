"""Reports for leads and admins: per agent × hour slot figures, outcome
distribution, cancel reasons, CSV export and the wallboard's live extras.

``report_facts`` reads the server's tables into plain facts; the
``*_report`` modules compute figures from facts only (no SQL), so the same
arithmetic is checked against hand-computed fixtures; ``router`` serves them.
"""
