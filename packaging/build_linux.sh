#!/usr/bin/env bash
# Build Monitor for Linux from this checkout:
#   dist/monitor/                              the PyInstaller one-folder app (dist/monitor/monitor)
#   dist/Monitor.AppDir/                       AppImage-style folder: AppRun, .desktop, icon, usr/...
#   dist/monitor-VERSION-linux-ARCH.tar.gz     the AppDir as a tarball, with install.sh for a per-user install
# Usage: packaging/build_linux.sh            (PYTHON=python3.12 to choose the interpreter)
# It freezes a regular (not editable) install made in build/pack-venv, so the bundle holds exactly
# what `pip install .` installs. With appimagetool on PATH: appimagetool dist/Monitor.AppDir
set -euo pipefail
cd "$(dirname "$0")/.."
TOP=$PWD
APP_ID=org.monitor.Monitor
VENV=build/pack-venv
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' monitor/__init__.py)
ARCH=$(uname -m)

start=$(date +%s)
[ -x "$VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$VENV"
"$VENV/bin/pip" install -q '.[build]'                       # dependencies (a no-op when present)
"$VENV/bin/pip" install -q --no-deps --force-reinstall .    # this checkout's code, freshly
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/monitor.spec

APPDIR=dist/Monitor.AppDir
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/bin" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/metainfo" \
  "$APPDIR/usr/share/icons"
cp -a dist/monitor "$APPDIR/usr/lib/monitor"
ln -s ../lib/monitor/monitor "$APPDIR/usr/bin/monitor"
cp packaging/$APP_ID.desktop "$APPDIR/usr/share/applications/"
cp packaging/$APP_ID.metainfo.xml "$APPDIR/usr/share/metainfo/"
cp -r packaging/icons/hicolor "$APPDIR/usr/share/icons/"
cp packaging/$APP_ID.desktop "$APPDIR/$APP_ID.desktop"
cp packaging/icons/hicolor/256x256/apps/$APP_ID.png "$APPDIR/$APP_ID.png"
ln -s $APP_ID.png "$APPDIR/.DirIcon"
cat > "$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
# Start Monitor from this folder: no arguments open the window, anything else is the command line.
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/usr/lib/monitor/monitor" "$@"
APPRUN
cp packaging/linux-install.sh "$APPDIR/install.sh"
chmod 755 "$APPDIR/AppRun" "$APPDIR/install.sh"

# The tarball: one top-level folder, files in a stable order with neutral owners and the commit's time.
NAME=monitor-$VERSION-linux-$ARCH
STAMP=$(git log -1 --format=%ct 2>/dev/null || date +%s)
rm -f "dist/$NAME.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$STAMP" \
  --transform "s|^Monitor.AppDir|$NAME|" -C dist -czf "dist/$NAME.tar.gz" Monitor.AppDir

# The oldest glibc the bundle runs on is the newest symbol version any of its files asks for
# (the build machine's libraries come along): build on the oldest distribution you support.
glibc=unknown
if command -v objdump >/dev/null 2>&1; then
  glibc=$(find dist/monitor -type f \( -name '*.so*' -o -name monitor \) -exec objdump -T {} + 2>/dev/null |
          grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -1 | sed 's/GLIBC_//')
fi
seconds=$(( $(date +%s) - start ))
bundle=$(du -sb dist/monitor | cut -f1)
tarball=$(stat -c %s "dist/$NAME.tar.gz")
echo "built in ${seconds} s: dist/monitor $(( bundle / 1000000 )) MB ($bundle bytes)," \
     "dist/$NAME.tar.gz $(( tarball / 1000000 )) MB, dist/Monitor.AppDir; needs glibc >= $glibc"
