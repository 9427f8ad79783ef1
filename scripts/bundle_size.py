"""What the PyInstaller bundle is made of: its size by part, largest first.

    .venv/bin/python scripts/bundle_size.py [dist/hatif] [--top 25] [--tar] [--json PATH]

Groups the files of the onedir folder into the parts build.spec decides about (Qt
libraries, Qt plugins, PySide6 bindings, ICU, pjsua2, Python, system libraries, ...),
prints a table, the largest single files, and with ``--tar`` the size of the folder as
a ``.tar.gz`` (what a desk downloads). ``--json`` writes the same figures.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tarfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

MB = 1_000_000

# (part, test on the path relative to _internal), first match wins.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ICU (Qt's copy, trimmed by build.spec)", ("PySide6/Qt/lib/libicu",)),
    ("Qt libraries", ("PySide6/Qt/lib/",)),
    ("Qt plugins", ("PySide6/Qt/plugins/",)),
    ("Qt translations", ("PySide6/Qt/translations/",)),
    ("PySide6/shiboken6 bindings", ("PySide6/", "shiboken6/", "libpyside6", "libshiboken6")),
    ("pjsua2 and its wheel's libraries", ("pjsua2/", "pjsua2_python.libs/")),
    ("cryptography (Secret Service keyring)", ("cryptography/",)),
    ("pycryptodome (encrypted keyring file)", ("Crypto/",)),
    ("pydantic-core", ("pydantic_core/",)),
    ("Python runtime", ("libpython", "python3", "base_library.zip")),
    ("OpenSSL 3 (Python's ssl, hashlib)", ("libcrypto.so", "libssl.so")),
    ("X11/xcb client libraries", ("libxcb", "libxkbcommon", "libX")),
    ("Hatif resources", ("resources/",)),
)


def part_of(relative: str) -> str:
    for part, prefixes in PARTS:
        if relative.startswith(prefixes):
            return part
    if "/" not in relative and ".so" in relative:
        return "other system libraries"
    return "other Python packages and data"


@dataclass
class BundleSize:
    """The figures of one bundle folder."""

    folder: Path
    parts: Counter[str] = field(default_factory=Counter)
    files: list[tuple[int, str]] = field(default_factory=list)  # (bytes, path), largest first
    tar_gz_bytes: int | None = None

    @property
    def unpacked_bytes(self) -> int:
        return sum(self.parts.values())

    def as_json(self, top: int) -> dict[str, object]:
        return {"folder": str(self.folder), "unpacked_bytes": self.unpacked_bytes,
                "tar_gz_bytes": self.tar_gz_bytes, "parts": dict(self.parts.most_common()),
                "largest_files": [{"path": p, "bytes": s} for s, p in self.files[:top]]}


def measure(folder: Path) -> BundleSize:
    internal = folder / "_internal"
    result = BundleSize(folder)
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        size = path.stat().st_size
        if path.parent == folder:
            part = "executable (bootloader + Python archive)"
        else:
            part = part_of(path.relative_to(internal).as_posix())
        result.parts[part] += size
        result.files.append((size, path.relative_to(folder).as_posix()))
    result.files.sort(reverse=True)
    return result


class _ByteCounter(io.RawIOBase):
    """A write-only sink that keeps the count of bytes, not the bytes."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        size = memoryview(data).nbytes
        self.count += size
        return size


def gzipped_size(folder: Path) -> int:
    # Counted, not kept: the archive of a whole bundle is tens of MB.
    sink = _ByteCounter()
    with tarfile.open(fileobj=sink, mode="w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=folder.name)
    return sink.count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Size of the Hatif bundle by part.")
    parser.add_argument("folder", nargs="?", default="dist/hatif", type=Path)
    parser.add_argument("--top", type=int, default=20, help="largest files to list")
    parser.add_argument("--tar", action="store_true", help="also measure the .tar.gz")
    parser.add_argument("--json", metavar="PATH", type=Path, help="write the figures")
    args = parser.parse_args(argv)
    if not (args.folder / "_internal").is_dir():
        print(f"{args.folder} is not a onedir bundle (make bundle builds dist/hatif)",
              file=sys.stderr)
        return 2
    size = measure(args.folder)
    if args.tar:
        size.tar_gz_bytes = gzipped_size(args.folder)
    print(f"{'part':<45} {'MB':>8}")
    for part, part_bytes in size.parts.most_common():
        print(f"{part:<45} {part_bytes / MB:8.1f}")
    print(f"{'total unpacked':<45} {size.unpacked_bytes / MB:8.1f}")
    if size.tar_gz_bytes is not None:
        print(f"{'as .tar.gz (gzip -6)':<45} {size.tar_gz_bytes / MB:8.1f}")
    print(f"\nlargest files:\n{'MB':>8}  path")
    for file_bytes, path in size.files[:args.top]:
        print(f"{file_bytes / MB:8.2f}  {path}")
    if args.json:
        args.json.write_text(json.dumps(size.as_json(args.top), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
