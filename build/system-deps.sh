#!/usr/bin/env sh
# System libraries Hearth's Qt needs on Debian/Ubuntu, and the tools of the real-display test lane.
#   build/system-deps.sh          install what is missing (as root, or with passwordless sudo)
#   build/system-deps.sh --check  only list what is missing; exit 1 if anything is
# Qt 6.5+ cannot open a window under X11 without libxcb-cursor0 and its companions (libxcb-icccm4,
# libxcb-keysyms1, ...): without them Hearth aborts at launch with "could not load the Qt platform
# plugin xcb". The offscreen test lane needs only the first group, and age (the standard tool that must open
# a sealed data archive, checked by tests/test_archive.py). icu-devtools, binutils and gcc rebuild Qt's ICU data
# for the bundle (build/icu_data.py, tested by tests/test_bundle_icu.py).
set -u
check_only=0; [ "${1:-}" = "--check" ] && check_only=1

have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

pkgs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fontconfig fonts-dejavu-core
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
      libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0
      xvfb openbox make age icu-devtools binutils gcc"

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-based system; install Qt's xcb libraries (libxcb-cursor0 and companions), Xvfb and openbox yourself." >&2
  exit 0
fi
missing=""
for p in $pkgs; do have_deb "$p" || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
if [ $check_only -eq 1 ]; then echo "missing system packages:$missing"; exit 1; fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else
  echo "system-deps: missing$missing; install them (apt-get install$missing) to run every test lane." >&2
  exit 0
fi
echo "Installing system packages:$missing"
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
