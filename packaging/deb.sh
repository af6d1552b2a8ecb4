#!/usr/bin/env bash
# Builds dist/zeshi-desktop_<version>_<arch>.deb from the one-folder bundle dist/zeshi-desktop (packaging/build.sh
# runs it after PyInstaller). The package installs the bundle under /opt/zeshi-desktop, puts `zeshi` and
# `zeshi-desktop` on the PATH as /usr/bin symlinks, and adds a menu entry (Chinese and English) with the icon in
# the hicolor theme; no maintainer scripts, so `dpkg -r zeshi-desktop` leaves nothing behind (the icon cache and
# the menu are refreshed by the desktop's own dpkg triggers).
#
# Depends is worked out from the bundle itself: every shared library a bundled binary loads that the bundle does
# not carry (the C library, OpenGL/EGL, libxcb — what Qt's xcb plugin needs from the system), mapped to its
# Debian package with `dpkg -S`, libc6 at the newest symbol version any binary uses; then xkb-data and
# fontconfig-config, the data the bundled libxkbcommon and fontconfig read from the system; and the CJK fallback
# font's package when the bundle was built without it.
#   bash packaging/deb.sh [BUNDLE_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=$(realpath "${1:-dist/zeshi-desktop}")
[ -x "$bundle/zeshi" ] && [ -x "$bundle/zeshi-desktop" ] || { echo "deb.sh: no bundle in $bundle (run packaging/build.sh)" >&2; exit 2; }
for tool in dpkg-deb dpkg ldd readelf; do
  command -v "$tool" >/dev/null || { echo "deb.sh: $tool is needed (Debian: dpkg, libc-bin, binutils)" >&2; exit 2; }
done

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' zeshi_desktop/__init__.py)
arch=$(dpkg --print-architecture)
stage=build/deb/zeshi-desktop_${version}_${arch}
deb=dist/zeshi-desktop_${version}_${arch}.deb

# --- what the bundle needs from the system ------------------------------------------------------------------------
mapfile -d '' binaries < <(find "$bundle" -type f \( -name '*.so' -o -name '*.so.*' -o -path "$bundle/zeshi" -o -path "$bundle/zeshi-desktop" \) -print0)
outside=$(printf '%s\0' "${binaries[@]}" | LD_LIBRARY_PATH="$bundle/_internal" xargs -0 -n 50 ldd 2>/dev/null \
          | awk -v inside="$bundle/" '$2 == "=>" && $3 ~ /^\// && index($3, inside) != 1 {print $3}' | sort -u)
missing=$(printf '%s\0' "${binaries[@]}" | LD_LIBRARY_PATH="$bundle/_internal" xargs -0 -n 50 ldd 2>/dev/null \
          | awk '$2 == "=>" && $3 == "not" {print $1}' | sort -u | tr '\n' ' ')
[ -z "$missing" ] || echo "deb.sh: not found on this machine, so not in Depends: $missing" >&2

packages=()
for lib in $outside; do
  owner=""
  for candidate in "$lib" "$(realpath "$lib")" "/usr$lib" "${lib#/usr}"; do
    owner=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$owner" ] && break
  done
  if [ -z "$owner" ]; then echo "deb.sh: $lib belongs to no Debian package; left out of Depends" >&2; continue; fi
  packages+=("$owner")
done
glibc=$(printf '%s\0' "${binaries[@]}" | xargs -0 -n 50 readelf -V --wide 2>/dev/null \
        | grep -o 'Name: GLIBC_[0-9.]*' | sed 's/Name: GLIBC_//' | sort -uV | tail -1)
packages+=(xkb-data fontconfig-config)
[ -f "$bundle/_internal/resources/fonts/DroidSansFallbackFull.ttf" ] || packages+=(fonts-droid-fallback)
depends=""
for pkg in $(printf '%s\n' "${packages[@]}" | sort -u); do
  entry=$pkg
  [ "$pkg" = libc6 ] && [ -n "$glibc" ] && entry="libc6 (>= $glibc)"
  depends+="${depends:+, }$entry"
done

# --- the tree ---------------------------------------------------------------------------------------------------------
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/doc/zeshi-desktop"
cp -al "$bundle" "$stage/opt/zeshi-desktop" 2>/dev/null || cp -a "$bundle" "$stage/opt/zeshi-desktop"
ln -s /opt/zeshi-desktop/zeshi "$stage/usr/bin/zeshi"
ln -s /opt/zeshi-desktop/zeshi-desktop "$stage/usr/bin/zeshi-desktop"
install -m 644 packaging/deb/zeshi-desktop.desktop "$stage/usr/share/applications/zeshi-desktop.desktop"
for size in 16 24 32 48 64 128 256; do
  install -D -m 644 "resources/icons/zeshi-$size.png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/zeshi-desktop.png"
done
install -D -m 644 resources/icons/zeshi.svg "$stage/usr/share/icons/hicolor/scalable/apps/zeshi-desktop.svg"
install -m 644 packaging/deb/copyright "$stage/usr/share/doc/zeshi-desktop/copyright"

installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: zeshi-desktop
Version: $version
Architecture: $arch
Maintainer: The zeshi-desktop project <zeshi-desktop@example.invalid>
Installed-Size: $installed_kb
Depends: $depends
Section: misc
Priority: optional
Description: 责师评审 — scoring and ranking the review of responsible planners
 The desktop program (zeshi-desktop) and command line (zeshi) for the panels
 of the annual review of Beijing's responsible planners (责任规划师): score
 every annex on a laptop, rank units and districts, print signature-ready
 sheets, and hand a year's data between offices as Excel packages, offline.
 A self-contained bundle (Python, Qt and the CJK fonts included) under
 /opt/zeshi-desktop.
EOF
chmod 755 "$stage/DEBIAN"
chmod 644 "$stage/DEBIAN/control"

mkdir -p dist
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "deb: $deb, $(du -m "$deb" | cut -f1) MB, installs $((installed_kb / 1024)) MB under /opt/zeshi-desktop"
echo "deb: Depends: $depends"
