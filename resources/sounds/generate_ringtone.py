"""Writes ringtone.wav: a two-tone European-style ring (0.4 s on, 0.2 s off, 0.4 s on, 2 s off).

Generated here rather than copied so the asset's origin is clear. Run:
``python resources/sounds/generate_ringtone.py``. 16 kHz mono 16-bit; the tones
are 440 Hz + 480 Hz at moderate level with 10 ms fades (no clicks).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 16_000
LEVEL = 0.35
FADE_S = 0.01


def burst(seconds: float) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * FADE_S)
    out = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        t = i / RATE
        value = 0.5 * math.sin(2 * math.pi * 440 * t) + 0.5 * math.sin(2 * math.pi * 480 * t)
        out.append(LEVEL * envelope * value)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def main() -> None:
    samples = burst(0.4) + silence(0.2) + burst(0.4) + silence(2.0)
    path = Path(__file__).with_name("ringtone.wav")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
    print(path)


if __name__ == "__main__":
    main()
