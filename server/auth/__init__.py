"""Authentication (passwords, tokens, rate limit) and authorisation of requests."""
