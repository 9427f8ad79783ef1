"""The team lead's wallboard window: agent tiles, queue, leases, charts, alerts."""
