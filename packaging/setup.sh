#!/usr/bin/env bash
# Installs what zeshi-desktop needs on a Debian machine with Python 3.11:
# the Debian packages Qt needs (also headless), the CJK font and its fallback
# for rare characters (fonts-droid-fallback: CJK Extension A, e.g. 㛃 and 䶮,
# which WenQuanYi Micro Hei lacks; TrueType, Apache-2.0), poppler for
# rendering PDFs in tests, then a virtual environment in .venv with the app.
#   bash packaging/setup.sh          # the app
#   bash packaging/setup.sh --test   # the app and its test tools, with PostgreSQL (the store tests
#                                    # also run on a throwaway cluster: tests/server/cluster.py)
#   bash packaging/setup.sh --test --bundle   # ... and PyInstaller, for packaging/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test,server]"
if [[ " $* " == *" --bundle "* ]]; then   # alone or after --test: also PyInstaller and binutils (packaging/build.sh)
  extras=${extras:+${extras%]},bundle]}; extras=${extras:-[bundle]}
fi

DEBS=(python3-venv fonts-wqy-microhei fonts-droid-fallback poppler-utils xvfb xauth
      libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
      libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
      libxcb-xfixes0 libxrender1 libxi6 libsm6 libice6 libnss3 libasound2)
[ "${1:-}" = "--test" ] && DEBS+=(postgresql)
[[ " $* " == *" --bundle "* ]] && DEBS+=(binutils strace)

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
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
    # the tests start their own cluster; the default one Debian made is stopped and left to start by hand
    pg_lsclusters --no-header | while read -r version cluster _; do
      $SUDO pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
      echo manual | $SUDO tee "/etc/postgresql/$version/$cluster/start.conf" >/dev/null
    done
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# a .venv made while PySide6 6.12 was allowed holds PySide6_Pdf 6.12, whose QtPdf would shadow the Addons' own
.venv/bin/python -m pip uninstall -y -q PySide6_Pdf 2>/dev/null || true
.venv/bin/python -m pip install -q -e ".${extras}"
echo "zeshi-desktop installed in .venv"
