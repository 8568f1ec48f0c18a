#!/usr/bin/env bash
# Cold or warm start of the console, timed from its own log.
#
#   docs/benchmarks/coldstart.sh HOME
#
# Needs DISPLAY (an X server such as `Xvfb :91`), xdotool, and the console built (app/target/backroom-app.jar,
# e.g. `mvn -B -q -DskipTests -pl app -am package`). An empty or missing HOME is a first launch (the embedded sandbox
# seeds the demo retailer); run it again on the same HOME for a warm relaunch. The script presses Enter on the
# sign-in (the demo clerk) as soon as the window shows, prints the times from launch, and stops the console it
# started (by its PID) on exit. EXPECT_HELD (default 901, the demo retailer's held invoices) is the size of the
# full queue to wait for; BACKROOM_JAVA_OPTS as for ./backroom.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/app/target/backroom-app.jar"
home=${1:?usage: coldstart.sh HOME}
expected=${EXPECT_HELD:-901}
: "${DISPLAY:?set DISPLAY to an X server, e.g. Xvfb :91}"
[ -f "$jar" ] || { echo "build the console first: mvn -B -q -DskipTests -pl app -am package" >&2; exit 1; }
command -v xdotool >/dev/null || { echo "needs xdotool" >&2; exit 1; }

mkdir -p "$home"
log="$home/logs/backroom.log"
rm -f "$log"
start=$(date +%s.%N)
java ${BACKROOM_JAVA_OPTS:--Xmx448m} -jar "$jar" --home "$home" > "$home/coldstart.out" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT

since() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) - float(sys.argv[2])))" "$1" "$2"; }
wait_for() { # pattern, timeout in seconds
  local end=$(( $(date +%s) + ${2:-120} ))
  until grep -qE -- "$1" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the console exited; see $home/coldstart.out" >&2; exit 1; }
    [ "$(date +%s)" -lt "$end" ] || { echo "timed out waiting for: $1" >&2; return 1; }
    sleep 0.05
  done
}

wait_for "Main window shown"
t_window=$(date +%s.%N)
win=""
until [ -n "$win" ]; do win=$(xdotool search --pid "$pid" --name "Backroom" 2>/dev/null | head -1 || true); sleep 0.05; done
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key --window "$win" Return
wait_for "Signed in as"
t_signed=$(date +%s.%N)
wait_for "Queue loaded: [1-9]"
t_queue=$(date +%s.%N)
ranked=""
if wait_for "re-ranked by the prioritiser" 60; then ranked=$(date +%s.%N); fi
full=""
end=$(( $(date +%s) + 180 ))
while [ "$(date +%s)" -lt "$end" ]; do
  n=$(grep -oE "Queue loaded: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+$" || echo 0)
  if [ "${n:-0}" -ge "$expected" ]; then full=$(date +%s.%N); break; fi
  sleep 0.2
done
echo "window shown          $(since "$t_window" "$start") s"
echo "signed in (usable)    $(since "$t_signed" "$start") s"
echo "first ranked queue    $(since "$t_queue" "$start") s  ($(since "$t_queue" "$t_signed") s after sign-in)"
[ -n "$ranked" ] && echo "learned ranking       $(since "$ranked" "$start") s  ($(since "$ranked" "$t_signed") s after sign-in)"
if [ -n "$full" ]; then
  echo "full queue ($expected)    $(since "$full" "$start") s  ($(since "$full" "$t_signed") s after sign-in)"
else
  echo "full queue: last load had ${n:-0} of $expected held invoices after 180 s"
fi
echo "RSS                   $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
