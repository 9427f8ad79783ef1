"""The one PCM format the bridge speaks on both sides: 16 kHz, mono, signed 16-bit.

pjsua2's conference bridge runs at 16 kHz with 20 ms frames by default
(``MediaConfig.clockRate`` / ``audioFramePtime``); the bridge's port uses the same
format so pjmedia never resamples between the port and the bridge.
"""

from __future__ import annotations

from PySide6.QtMultimedia import QAudioFormat

SAMPLE_RATE_HZ = 16_000
CHANNELS = 1
BYTES_PER_SAMPLE = 2
FRAME_MS = 20
FRAME_SAMPLES = SAMPLE_RATE_HZ * FRAME_MS // 1000
FRAME_BYTES = FRAME_SAMPLES * CHANNELS * BYTES_PER_SAMPLE


def bytes_for_ms(milliseconds: int, sample_rate_hz: int = SAMPLE_RATE_HZ) -> int:
    """Size in bytes of ``milliseconds`` of mono 16-bit audio (always whole samples)."""
    return sample_rate_hz * milliseconds // 1000 * CHANNELS * BYTES_PER_SAMPLE


def qt_pcm_format(sample_rate_hz: int = SAMPLE_RATE_HZ) -> QAudioFormat:
    """The QAudioFormat for the bridge's PCM (mono Int16)."""
    fmt = QAudioFormat()
    fmt.setSampleRate(sample_rate_hz)
    fmt.setChannelCount(CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt
