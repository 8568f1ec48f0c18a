#!/usr/bin/env bash
# Memory soak: the console (with its embedded sandbox) triaging invoices from the keyboard for a while, RSS every minute.
#
#   docs/benchmarks/soak.sh HOME MINUTES [SECONDS_PER_DECISION]
#
# Needs DISPLAY (an X server such as `Xvfb :91`), xdotool and the built console (see coldstart.sh). Signs in as the
# demo clerk, then loops: next invoice (J), and one decision in turn: credit memo (C), hold with a note (H + note +
# Enter), route to the PO's buyer (B + Enter), release (R; above the clerk's limit it is explained, not sent).
# Prints "minute, RSS MB, heap used MB, decision keys sent, decisions queued (the console's own count)" once a minute,
# as CSV, and stops the console it started by PID.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/app/target/backroom-app.jar"
home=${1:?usage: soak.sh HOME MINUTES [SECONDS_PER_DECISION]}
minutes=${2:?usage: soak.sh HOME MINUTES [SECONDS_PER_DECISION]}
every=${3:-7}
: "${DISPLAY:?set DISPLAY to an X server, e.g. Xvfb :91}"
mkdir -p "$home"
log="$home/logs/backroom.log"
rm -f "$log"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"   # as ./backroom
java ${BACKROOM_JAVA_OPTS:--Xmx448m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m} -jar "$jar" --home "$home" > "$home/soak.out" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT
until grep -q "Main window shown" "$log" 2>/dev/null; do kill -0 "$pid"; sleep 0.1; done
win=""
# the main window (JavaFX also opens helper windows of the same process): the one titled "Backroom <version>"
until [ -n "$win" ]; do win=$(xdotool search --name "^Backroom [0-9]" 2>/dev/null | head -1 || true); sleep 0.1; done
key() { xdotool windowfocus "$win" 2>/dev/null || true; xdotool key "$@"; }
# A dialog is its own window and, with no window manager, does not get the keyboard by itself: give it the focus.
dialog() {
  local d="" end=$(( $(date +%s) + 5 ))
  while [ -z "$d" ] && [ "$(date +%s)" -lt "$end" ]; do d=$(xdotool search --name "^$1\$" 2>/dev/null | head -1 || true); sleep 0.2; done
  [ -n "$d" ] && xdotool windowfocus "$d" 2>/dev/null && sleep 0.3
}
key Return
until grep -q "Queue loaded: [1-9]" "$log" 2>/dev/null; do kill -0 "$pid"; sleep 0.2; done
sleep 5
heap() { jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K","",v); printf "%d", v/1024; exit}}'; }
echo "minute,rss_mb,heap_used_mb,keys,decisions"
queued() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from outbox').fetchone()[0])" "$home/console.db" 2>/dev/null || echo "?"; }
decisions=0
started=$(date +%s)
next_report=$started
step=0
while [ $(( $(date +%s) - started )) -lt $(( minutes * 60 )) ]; do
  now=$(date +%s)
  if [ "$now" -ge "$next_report" ]; then
    echo "$(( (now - started) / 60 )),$(( $(ps -o rss= -p "$pid") / 1024 )),$(heap),$decisions,$(queued)"
    next_report=$(( next_report + 60 ))
  fi
  key j
  sleep 1.5
  case $(( step % 4 )) in
    0) key c ;;
    1) key h; dialog "Hold with note" && { xdotool type --delay 20 "soak: waiting for the buyer"; xdotool key Return; } ;;
    2) key b; dialog "Route to buyer" && xdotool key Return ;;
    3) key r ;;
  esac
  step=$(( step + 1 ))
  decisions=$(( decisions + 1 ))
  sleep "$every"
done
echo "$(( ( $(date +%s) - started) / 60 )),$(( $(ps -o rss= -p "$pid") / 1024 )),$(heap),$decisions,$(queued)"
