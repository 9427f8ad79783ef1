"""Call audio through Qt Multimedia: devices, the pjsua2 bridge, the ringtone, codecs."""
