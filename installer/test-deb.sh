#!/usr/bin/env bash
# Installs the Backroom .deb on this Debian/Ubuntu machine, checks it, removes it and checks that
# nothing is left. Run as root (or through sudo) after building the package:
#
#   mvn -B -pl installer -am verify -Pdeb
#   sudo installer/test-deb.sh [path/to/backroom_*.deb]
#
# It never touches the invoking user's ~/.backroom: the self-check runs with a throw-away home,
# once as root and once as the unprivileged user 'nobody' (who cannot write to /opt/backroom).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deb="${1:-}"
if [ -z "$deb" ]; then
  deb="$(ls "$here"/target/jpackage/backroom_*.deb 2>/dev/null | head -1 || true)"
fi
[ -n "$deb" ] && [ -f "$deb" ] || { echo "No .deb found; build it with: mvn -B -pl installer -am verify -Pdeb" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "Run as root (apt-get install needs it): sudo $0 $*" >&2; exit 2; }

pkg=backroom
install_dir=/opt/backroom
launcher="$install_dir/bin/Backroom"
desktop=/usr/share/applications/backroom-Backroom.desktop
scratch="$(mktemp -d)"
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

if dpkg -s "$pkg" >/dev/null 2>&1; then
  step "removing the Backroom already installed"
  apt-get purge -y "$pkg" >/dev/null
fi

step "installing $(basename "$deb") ($(du -h "$deb" | cut -f1))"
cp "$deb" "$scratch/"   # apt-get reads local packages as the _apt user; a world-readable copy avoids its warning
start=$(date +%s%N)
DEBIAN_FRONTEND=noninteractive apt-get install -y "$scratch/$(basename "$deb")"
echo "installed in $(( ($(date +%s%N) - start) / 1000000 )) ms"
dpkg -s "$pkg" | grep -q '^Status: install ok installed' || fail "dpkg does not report $pkg as installed"
dpkg -s "$pkg" | grep '^Depends:' | grep -q 'libgtk-3-0' || fail "the package does not declare libgtk-3-0"
ok "installed, declares libgtk-3-0"

step "desktop entry and icon"
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -f "$desktop" ] || fail "no desktop entry at $desktop"
grep -qx "Exec=$launcher" "$desktop" || fail "the desktop entry does not start $launcher"
grep -qx 'Type=Application' "$desktop" || fail "the desktop entry is not an application"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$icon" ] || fail "the desktop entry's icon '$icon' does not exist"
[ "$(head -c 8 "$icon" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "the icon $icon is not a PNG"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
ok "$desktop -> $icon"

[ "$(readlink -f "$(command -v backroom)")" = "$launcher" ] || fail "'backroom' on the PATH does not start $launcher"
ok "backroom on the PATH -> $launcher"

step "self-check of the installed console, no display"
( cd "$install_dir" && find . -printf '%p %s %T@\n' | sort ) > "$scratch/before.txt"
run_check() { # user, home
  local user="$1" home="$2"
  mkdir -p "$home"; chown "$user" "$home"
  # user.home comes from the password database, not $HOME: point it at the throw-away home.
  runuser -u "$user" -- env -u DISPLAY -u WAYLAND_DISPLAY -u BACKROOM_HOME -u BACKROOM_SERVER \
      HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" backroom --self-check 2>&1 | tee "$scratch/check.txt" \
      || fail "the self-check as $user exited with an error"
  grep -Eq 'status:[[:space:]]+UP' "$scratch/check.txt" || fail "the self-check as $user did not report UP"
  [ -f "$home/.backroom/logs/backroom.log" ] || fail "no log in $home/.backroom/logs: user data went elsewhere"
  ok "self-check as $user passed, data in $home/.backroom"
}
run_check root "$scratch/root-home"
run_check nobody "$scratch/nobody-home"
( cd "$install_dir" && find . -printf '%p %s %T@\n' | sort ) > "$scratch/after.txt"
diff -u "$scratch/before.txt" "$scratch/after.txt" || fail "running the console changed files in $install_dir"
ok "nothing written inside $install_dir"

step "removing and purging"
apt-get remove -y "$pkg"
[ ! -e "$desktop" ] || fail "the desktop entry is still there after remove"
[ ! -e /usr/bin/backroom ] && [ ! -L /usr/bin/backroom ] || fail "/usr/bin/backroom is still there after remove"
apt-get purge -y "$pkg"
dpkg -s "$pkg" >/dev/null 2>&1 && fail "dpkg still knows $pkg after purge"
if [ -e "$install_dir" ]; then
  find "$install_dir" | head -20
  fail "$install_dir is still there after purge"
fi
ok "removed: no $install_dir, no desktop entry, no /usr/bin/backroom, package purged"
echo
echo "PASS: $(basename "$deb") installs, self-checks without a display, keeps user data out of $install_dir and uninstalls cleanly."
