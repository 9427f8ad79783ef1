"""Server services: the rules applied inside database transactions."""
