"""SIP softphone on pjsua2, audio bridge to Qt Multimedia, messaging launchers."""
