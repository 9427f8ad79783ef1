"""Call audio through Qt Multimedia: devices, the pjsua2 bridge, the ringtone.

* :mod:`telephony.audio.call_audio_bridge` – ``CallAudioBridge``: one call's audio
  between pjsua2 (null sound device) and the headset, through an AudioMediaPort.
* :mod:`telephony.audio.device_manager` – ``list_devices()`` and
  ``AudioDeviceManager`` (choice by id and description, hot-plug, headset loss).
* :mod:`telephony.audio.ringtone` – ``Ringtone`` on the ringer device.

Codec priorities (G.722, then G.711 A-law and µ-law, nothing else) are set by the
SIP engine right after ``libInit`` (``telephony/sip_engine.py``); the bridge needs
the conference bridge at 16 kHz mono with 20 ms frames, which the engine configures.

On Linux, Qt Multimedia (ffmpeg backend) reaches PulseAudio through libpulse and
finds the server from ``PULSE_SERVER`` (else the user's default socket); it
connects once per process, at the first use of QtMultimedia. Known Qt 6.10 gap:
its PulseAudio backend neither emits ``audioOutputsChanged``/``audioInputsChanged``
nor drops the device from its lists when a device that is not the default one
disappears (only when the default changes or a device is added), and PulseAudio
moves the call's streams elsewhere without an error. While a call is up the
device manager therefore asks PulseAudio itself every 1.5 s
(:mod:`telephony.audio.pulse_device_probe`), so ``headsetLost`` fires within
about 2 s for any device.

Busy GUI thread: no Python runs on Qt's side of the call audio. The
QAudioSource writes the microphone into an OS pipe (:mod:`telephony.audio.mic_pipe`)
and pjmedia's clock thread writes the far end's audio straight into the
QAudioSink's own buffer (:mod:`telephony.audio.earpiece_feed`); only the port
callbacks need the GIL, and while call audio flows the interpreter's switch
interval is 0.5 ms instead of 5 ms (:mod:`telephony.audio.switch_interval`). See
docs/benchmarks.md for the figures.
"""
