"""What a hostile client on the LAN does below HTTP libraries: announce or
stream a huge body over a bare socket and see when (and how) the server answers;
and the server process's resident memory, to see what that cost it."""

from __future__ import annotations

import json
import select
import socket
import time
from dataclasses import dataclass
from typing import Any


@dataclass
class RawAnswer:
    status: int
    body: dict[str, Any]
    sent_bytes: int
    seconds: float


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux ``/proc``), in MiB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def send_big_body(
    port: int,
    path: str,
    total_bytes: int,
    *,
    declare_length: bool = True,
    headers: dict[str, str] | None = None,
    chunk: int = 1024 * 1024,
    timeout: float = 120.0,
) -> RawAnswer:
    """POST ``total_bytes`` of ``a`` (declared with Content-Length, or chunked),
    stopping as soon as the server answers; its status and JSON body."""
    started = time.monotonic()
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    lines.append(
        f"Content-Length: {total_bytes}" if declare_length else "Transfer-Encoding: chunked"
    )
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sent = 0
    received = b""
    try:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        block = b"a" * chunk
        while sent < total_bytes:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            size = min(chunk, total_bytes - sent)
            data = block[:size]
            try:
                if declare_length:
                    sock.sendall(data)
                else:
                    sock.sendall(f"{size:x}\r\n".encode() + data + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += size
        else:
            if not declare_length:
                sock.sendall(b"0\r\n\r\n")
        while b"\r\n\r\n" not in received or not _complete(received):
            try:
                part = sock.recv(65536)
            except ConnectionResetError:
                break
            if not part:
                break
            received += part
    finally:
        sock.close()
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    parsed = json.loads(body[: _length(head)] or b"{}") if status else {}
    return RawAnswer(status, parsed, sent, time.monotonic() - started)


def _length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def _complete(received: bytes) -> bool:
    head, _, body = received.partition(b"\r\n\r\n")
    return len(body) >= _length(head)
