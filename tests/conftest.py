"""Suite-wide fixtures. Real parts live in tests/fixtures/, one file per part."""

pytest_plugins = [
    "tests.fixtures.keyring_backend",
    "tests.fixtures.postgres",
    "tests.fixtures.server_process",
    "tests.fixtures.sip_peers",
    "tests.fixtures.baresip_phone",
    "tests.fixtures.pulse_audio",
    "tests.fixtures.tls_proxy",
]
