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
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"   # as ./backroom
java ${BACKROOM_JAVA_OPTS:--Xmx448m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m} -jar "$jar" --home "$home" > "$home/coldstart.out" 2>&1 &
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
win=""
# the main window (JavaFX also opens helper windows of the same process): the one titled "Backroom <version>"
until [ -n "$win" ]; do win=$(xdotool search --name "^Backroom [0-9]" 2>/dev/null | head -1 || true); sleep 0.05; done
xdotool windowfocus "$win" 2>/dev/null || true
xdotool key Return
wait_for "Signed in as"
wait_for "Queue loaded: [1-9]"
wait_for "re-ranked by the prioritiser" 90 || true
end=$(( $(date +%s) + 180 ))
until grep -oE "Queue loaded: [0-9]+" "$log" | grep -oE "[0-9]+$" | awk -v e="$expected" '$1 >= e {f=1} END {exit !f}'; do
  [ "$(date +%s)" -lt "$end" ] || break
  sleep 0.2
done
rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
# Every time is read from the log's own timestamps, relative to the launch.
python3 - "$log" "$start" "$expected" "$rss" <<'PY'
import re, sys, datetime
log, start, expected, rss = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def at(line):
    t = datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
    return t.timestamp() - start
first = {}
full = None
for line in open(log, encoding="utf-8", errors="replace"):
    for key, pat in [("window", "Main window shown"), ("signed", "Signed in as"), ("queue", r"Queue loaded: [1-9]"),
                     ("ranked", "re-ranked by the prioritiser")]:
        if key not in first and re.search(pat, line):
            first[key] = at(line)
    m = re.search(r"Queue loaded: (\d+)", line)
    if full is None and m and int(m.group(1)) >= expected:
        full = at(line)
def show(name, key, value=None):
    v = first.get(key) if value is None else value
    s = first.get("signed")
    print("%-22s %s" % (name, "not reached" if v is None else "%.2f s%s" % (v, "" if key in ("window", "signed") or s is None else "  (%.2f s after sign-in)" % (v - s))))
show("window shown", "window")
show("signed in", "signed")
show("first ranked queue", "queue")
show("learned ranking", "ranked")
show("full queue (%d)" % expected, "full", full)
print("%-22s %s MB" % ("RSS at the end", rss))
PY
