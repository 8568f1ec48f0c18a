#!/bin/bash
# usage: coldstart.sh HOME  -- launches the console under Xvfb :97, signs in as soon as the window shows, prints timings
H=$1; export DISPLAY=:97
pkill -f backroom-app.jar; sleep 1
rm -f $H/logs/backroom.log; start=$(date +%s.%N)
java ${JOPTS:-} -jar /work/main/app/target/backroom-app.jar --home $H > /tmp/cold.out 2>&1 &
until grep -q "Main window shown" $H/logs/backroom.log 2>/dev/null; do sleep 0.05; done
t_win=$(date +%s.%N)
sleep 0.3
W=$(xdotool search --name "Backroom" | head -1); xdotool windowactivate --sync $W 2>/dev/null; xdotool key --window $W Return
t_signin=$(date +%s.%N)
until grep -q "Queue loaded" $H/logs/backroom.log; do sleep 0.05; done
t_queue=$(date +%s.%N)
until grep -q "re-ranked by the prioritiser" $H/logs/backroom.log; do sleep 0.05; done
t_rank=$(date +%s.%N)
python3 -c "s=$start; print('window %.2f s, queue %.2f s (%.2f after sign-in), learned ranking %.2f s' % ($t_win-s, $t_queue-s, $t_queue-$t_signin, $t_rank-s))"
grep -E "Main window shown|Queue loaded|Model advice|re-ranked|Local models loaded in" $H/logs/backroom.log | sed 's/.*INFO *//' | cut -c1-150
ps -o rss= -p $(pgrep -f backroom-app.jar) | awk '{printf "RSS %.0f MB\n", $1/1024}'
