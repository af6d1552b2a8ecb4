#!/usr/bin/env bash
# Installs what zeshi-desktop needs on a Debian machine with Python 3.11:
# the Debian packages Qt needs (also headless), the CJK font and its fallback
# for rare characters (fonts-droid-fallback: CJK Extension A, e.g. 㛃 and 䶮,
# which WenQuanYi Micro Hei lacks; TrueType, Apache-2.0), poppler for
# rendering PDFs in tests, then a virtual environment in .venv with the app.
#   bash packaging/setup.sh          # the app
#   bash packaging/setup.sh --test   # the app and its test tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

DEBS=(python3-venv fonts-wqy-microhei fonts-droid-fallback poppler-utils xvfb xauth
      libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
      libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
      libxcb-xfixes0 libxrender1 libxi6 libsm6 libice6 libnss3 libasound2)

missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
echo "zeshi-desktop installed in .venv"
