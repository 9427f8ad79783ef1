#!/usr/bin/env bash
# Installs (as root) or reports (otherwise) the Debian packages Hatif needs.
# Usage: scripts/system_packages.sh run|test
set -uo pipefail
PURPOSE="${1:-test}"

# Qt's xcb/offscreen platform plugins and Qt Multimedia need these at run time.
RUNTIME_PKGS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
    libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-randr0
    libxcb-shape0 libxcb-xkb1 libfontconfig1 libdbus-1-3 libpulse0 libasound2
    fonts-dejavu-core fonts-noto-core)
# The suite runs against real peers: SIPp, Kamailio, PostgreSQL, PulseAudio, Xvfb.
TEST_PKGS=(sip-tester kamailio kamailio-tls-modules postgresql pulseaudio pulseaudio-utils
    sox xvfb xauth openssl baresip procps iproute2
    icu-devtools binutils gcc gnome-keyring dbus-daemon dbus-bin nginx)
# icu-devtools/binutils/gcc: the bundle build trims Qt's ICU data to fr/ar/en.
# gnome-keyring + dbus-run-session (dbus-bin): a real Secret Service for the keyring tests;
# nginx: the desk against the server behind the guide's TLS reverse proxy.

PKGS=("${RUNTIME_PKGS[@]}")
if [ "$PURPOSE" = "test" ]; then PKGS+=("${TEST_PKGS[@]}"); fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "hatif: not a Debian system; make sure the equivalents of these are installed: ${PKGS[*]}" >&2
    exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ]; then
    echo "hatif: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # kamailio's and postgresql's packages would start system services; we start our own.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    rc=$?
    rm -f /usr/sbin/policy-rc.d
    exit $rc
fi

echo "hatif: these Debian packages are missing: ${missing[*]}" >&2
echo "hatif: install them with: sudo apt-get install ${missing[*]}" >&2
echo "hatif: tests that need them are skipped with the reason." >&2
exit 0
