#!/usr/bin/env bash
# Measures the installer numbers reported in docs/benchmarks/installer.md:
#   build times (app-image, app-image + .deb), app-image and .deb sizes, and the time from launch
#   to the first window under Xvfb, for the packaged launcher and, as the baseline measured in the
#   same run, 'java -jar app/target/backroom-app.jar' on the system JDK.
# Needs: Maven, a JDK with jpackage, Xvfb, xwininfo (x11-utils), libgtk-3-0, dpkg-deb and fakeroot.
#   apt-get install -y xvfb x11-utils libgtk-3-0 fakeroot
# Usage: installer/measure.sh [runs]      (default 5 launches each; SKIP_BUILD=1 reuses the built app-image and .deb)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
cd "$root"
for tool in Xvfb xwininfo mvn; do command -v "$tool" >/dev/null || { echo "measure.sh needs $tool" >&2; exit 2; }; done

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "## Build (offline Maven, upstream modules already compiled once, tests skipped; load $(cut -d' ' -f1-3 /proc/loadavg))"
  mvn -B -q -o -DskipTests -pl installer -am package >/dev/null   # warm-up: compiles everything once
  t=$(date +%s%N); mvn -B -q -o -DskipTests -pl installer -am package | grep 'installer\]'; app_image_ms=$(ms_since "$t")
  t=$(date +%s%N); mvn -B -q -o -DskipTests -Pdeb -pl installer -am package | grep 'installer\]'; deb_ms=$(ms_since "$t")
  echo "app-image build: ${app_image_ms} ms; app-image + .deb build: ${deb_ms} ms"
fi

image=installer/target/jpackage/Backroom
deb=$(ls installer/target/jpackage/backroom_*.deb 2>/dev/null || true)
echo
echo "## Sizes (bytes)"
echo "app-image:          $(du -sb "$image" | cut -f1)"
echo "  runtime:          $(du -sb "$image/lib/runtime" | cut -f1)"
echo "  application jars: $(du -sb "$image/lib/app" | cut -f1)"
[ -z "$deb" ] || echo ".deb:               $(stat -c %s "$deb")"
echo "runtime modules:    $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release" | wc -w)"

# A free display for Xvfb.
display=
for n in $(seq 90 120); do [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
scratch="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 50); do DISPLAY=$display xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done

# Milliseconds from starting "$@" until a viewable top-level window titled 'Backroom <version>' exists.
first_window_ms() {
  local home="$1"; shift
  local start id pid elapsed=
  start=$(date +%s%N)
  DISPLAY=$display BACKROOM_HOME="$home" "$@" >"$scratch/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 3000); do
    id=$(DISPLAY=$display xwininfo -root -tree 2>/dev/null | awk '/"Backroom [0-9]/ {print $1; exit}')
    if [ -n "$id" ] && DISPLAY=$display xwininfo -id "$id" 2>/dev/null | grep -q IsViewable; then
      elapsed=$(ms_since "$start"); break
    fi
    sleep 0.01
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  [ -n "$elapsed" ] || { cat "$scratch/app.log" >&2; echo "no window within 30 s" >&2; return 1; }
  echo "$elapsed"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

packaged=("$image/bin/Backroom")
baseline=(java -jar app/target/backroom-app.jar)
echo
echo "## Launch to first window under Xvfb ($runs runs each, alternating; load average $(cut -d' ' -f1-3 /proc/loadavg))"
first_packaged=$(first_window_ms "$scratch/home-packaged" "${packaged[@]}")   # new home: creates the sandbox
first_baseline=$(first_window_ms "$scratch/home-baseline" "${baseline[@]}")
p=(); b=()
for _ in $(seq "$runs"); do
  p+=("$(first_window_ms "$scratch/home-packaged" "${packaged[@]}")")
  b+=("$(first_window_ms "$scratch/home-baseline" "${baseline[@]}")")
done
mp=$(printf '%s\n' "${p[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
echo "packaged launcher:  first launch (new home) ${first_packaged} ms; later launches median ${mp} ms (${p[*]})"
echo "java -jar baseline: first launch (new home) ${first_baseline} ms; later launches median ${mb} ms (${b[*]})"
echo "packaged / baseline (medians): $(awk -v a="$mp" -v b="$mb" 'BEGIN {printf "%.2f", a / b}')"
