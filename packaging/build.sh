#!/usr/bin/env bash
# Builds the one-folder app dist/zeshi-desktop/ (both programs, `zeshi-desktop` and `zeshi`) with PyInstaller from
# packaging/zeshi.spec, prints its size and its start-up beside the virtualenv's, then builds the .deb
# (packaging/deb.sh). Needs the virtualenv with the bundle tools: `bash packaging/setup.sh --bundle`.
#   bash packaging/build.sh              # bundle, size, start-up, .deb
#   bash packaging/build.sh --no-bench   # without the start-up measurement (the bundle test in CI)
#   bash packaging/build.sh --no-deb     # the bundle alone (also what a machine without dpkg gets)
set -euo pipefail
cd "$(dirname "$0")/.."

bench=1
deb=1
for arg in "$@"; do
  case "$arg" in
    --no-bench) bench=0 ;;
    --no-deb) deb=0 ;;
    *) echo "build.sh: unknown option $arg (--no-bench, --no-deb)" >&2; exit 2 ;;
  esac
done

PY=.venv/bin/python
if ! "$PY" -c "import PyInstaller, _pyinstaller_hooks_contrib" 2>/dev/null; then
  echo "build.sh: PyInstaller is not installed in .venv; run: bash packaging/setup.sh --bundle" >&2
  exit 2
fi

started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/zeshi.spec
built=$(date +%s)

bundle=dist/zeshi-desktop
bytes=$(du -sb "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "bundle: $bundle, $((bytes / 1000000)) MB ($((bytes / 1048576)) MiB) unpacked, $files files, built in $((built - started)) s"

if [ "$bench" = 1 ]; then
  "$PY" packaging/startup.py "$bundle"
fi

if [ "$deb" = 1 ]; then
  if command -v dpkg-deb >/dev/null; then
    bash packaging/deb.sh "$bundle"
  else
    echo "build.sh: no dpkg-deb on this machine; the .deb is not built"
  fi
fi
echo "build.sh: done in $(( $(date +%s) - started )) s"
