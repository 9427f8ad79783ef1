"""The Reports tab for leads and admins: date range, report tables, CSV export."""
