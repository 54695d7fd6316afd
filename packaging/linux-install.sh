#!/bin/sh
# Install Monitor for this user from the unpacked tarball (no root, nothing outside your home):
#   ./install.sh            copy to ~/.local/opt/monitor, add the menu entry, the icons and ~/.local/bin/monitor
#   ./install.sh --remove   undo that (your vaults in ~/.local/share/Monitor are left alone)
set -eu
APP_ID=org.monitor.Monitor
HERE=$(dirname "$(readlink -f "$0")")
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=$HOME/.local/opt/monitor
BIN=$HOME/.local/bin

remove() {
  rm -rf "$DEST"
  rm -f "$BIN/monitor" "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
  find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
}

if [ "${1:-}" = "--remove" ]; then
  remove
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
  echo "Monitor removed (vaults in $DATA/Monitor were not touched)"
  exit 0
fi
remove
mkdir -p "$DEST" "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/icons"
cp -a "$HERE/usr/lib/monitor/." "$DEST/"
ln -s "$DEST/monitor" "$BIN/monitor"
sed "s|^Exec=monitor|Exec=$DEST/monitor|" "$HERE/usr/share/applications/$APP_ID.desktop" \
  > "$DATA/applications/$APP_ID.desktop"
cp "$HERE/usr/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp -r "$HERE/usr/share/icons/hicolor" "$DATA/icons/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "Monitor installed in $DEST; start it from the menu or run: monitor"
