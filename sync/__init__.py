"""The desktop's side of the protocol: HTTP client, outbox, pull, events, leases."""
