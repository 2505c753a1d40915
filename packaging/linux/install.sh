#!/bin/sh
# Install Uppdrag for the current user (no root): ~/.local/opt/uppdrag, a command in ~/.local/bin,
# the menu entry, the icon and the .uppdrag file type. Run it again to update; ./install.sh --uninstall
# removes it all (the user's data folder ~/.local/share/Uppdrag is left alone).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local/opt/uppdrag
BIN=$HOME/.local/bin
APPS=$DATA/applications
MIME=$DATA/mime
ICONS=$DATA/icons/hicolor

have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
  have update-mime-database && update-mime-database "$MIME" >/dev/null 2>&1 || true
  have update-desktop-database && update-desktop-database "$APPS" >/dev/null 2>&1 || true
  have gtk-update-icon-cache && gtk-update-icon-cache -q -t "$ICONS" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--uninstall" ]; then
  if have xdg-desktop-menu; then xdg-desktop-menu uninstall --mode user uppdrag.desktop 2>/dev/null || true; fi
  if have xdg-mime; then xdg-mime uninstall --mode user "$HERE/uppdrag-mime.xml" 2>/dev/null || true; fi
  rm -rf "$PREFIX"
  rm -f "$BIN/uppdrag" "$APPS/uppdrag.desktop" "$MIME/packages/uppdrag-mime.xml"
  find "$ICONS" \( -name uppdrag.png -o -name uppdrag.svg -o -name 'application-x-uppdrag.*' \) -delete 2>/dev/null || true
  refresh
  echo "Uppdrag är avinstallerat. Dina filer i $DATA/Uppdrag finns kvar."
  exit 0
fi

echo "Installerar Uppdrag i $PREFIX"
rm -rf "$PREFIX.new"
mkdir -p "$PREFIX.new" "$BIN" "$APPS" "$MIME/packages" "$ICONS"
cp -R "$HERE/uppdrag/." "$PREFIX.new/"
cp "$HERE/install.sh" "$HERE/uppdrag-mime.xml" "$HERE/uppdrag.desktop" "$PREFIX.new/"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/uppdrag" "$BIN/uppdrag"

# Icons: the app and its file type, every size, in the user's hicolor theme.
cp -R "$HERE/icons/hicolor/." "$ICONS/"

# The menu entry runs the installed program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=.*|Exec=\"$PREFIX/uppdrag\" %f|" -e "s|^TryExec=.*|TryExec=$PREFIX/uppdrag|" \
  "$HERE/uppdrag.desktop" > "$PREFIX/uppdrag.desktop"

if have xdg-mime; then
  xdg-mime install --mode user --novendor "$HERE/uppdrag-mime.xml"
else
  cp "$HERE/uppdrag-mime.xml" "$MIME/packages/uppdrag-mime.xml"
fi
if have xdg-desktop-menu; then
  xdg-desktop-menu install --mode user --novendor "$PREFIX/uppdrag.desktop"
else
  cp "$PREFIX/uppdrag.desktop" "$APPS/uppdrag.desktop"
fi
if have xdg-mime; then
  xdg-mime default uppdrag.desktop application/x-uppdrag || true
fi
refresh

echo "Klart. Starta Uppdrag från programmenyn, med \"uppdrag\" i en terminal eller genom att öppna en .uppdrag-fil."
case ":$PATH:" in *":$BIN:"*) ;; *) echo "Obs: $BIN finns inte i PATH; lägg till den för kommandot uppdrag." ;; esac
