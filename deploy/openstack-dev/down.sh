#!/usr/bin/env bash
# down.sh - stop what up.sh started, by the PIDs it recorded in
# /var/lib/osdev/run (a pid is only signalled while its /proc cmdline still
# matches the service it was recorded for).  Never pkill/killall.
#   --wipe   also delete all state (databases, volumes, backups, images,
#            keys, logs) so that the next up.sh starts from scratch.
# Installed packages, /etc configs and /usr/local/lib/osdev stay.
set -uo pipefail
STATE=/var/lib/osdev
RUN=$STATE/run
LOGS=/var/log/osdev
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }

# gone PID: true once the process has exited (zombies count as gone: the
# VM's pid 1 does not always reap re-parented daemons)
gone() { [ ! -r "/proc/$1/stat" ] || [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" = Z ]; }

alive() {  # NAME PATTERN -> prints pid if recorded process is alive & matches
  local f="$RUN/$1.pid" pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$2" || return 1
  echo "$pid"
}

# stop GRACE NAME=PATTERN...: TERM all at once, wait up to GRACE s, then KILL
# the recorded process and its direct children (by parent pid).
stop() {
  local grace=$1 spec name pat pid pids="" names="" i left c; shift
  for spec in "$@"; do
    name=${spec%%=*}; pat=${spec#*=}
    if pid=$(alive "$name" "$pat"); then
      kill -TERM "$pid" 2>/dev/null; pids="$pids $pid"; names="$names $name($pid)"
    fi
    rm -f "$RUN/$name.pid"
  done
  [ -z "$pids" ] && return 0
  for i in $(seq 1 $((grace * 5))); do
    left=""; for pid in $pids; do gone "$pid" || left="$left $pid"; done
    pids=$left; [ -z "$pids" ] && break; sleep 0.2
  done
  for pid in $pids; do
    echo "[down] pid $pid ignored TERM for ${grace}s; sending KILL"
    for c in $(awk -v p="$pid" '$4==p {print $1}' /proc/[0-9]*/stat 2>/dev/null); do
      kill -KILL "$c" 2>/dev/null
    done
    kill -KILL "$pid" 2>/dev/null
  done
  echo "[down] stopped$names"
}

stop 30 nova-api=bin/nova-api nova-conductor=bin/nova-conductor \
        nova-scheduler=bin/nova-scheduler nova-compute=bin/nova-compute \
        "placement=osdev-placement\|--http-socket 127.0.0.1:8778" \
        neutron-stub=neutron_stub.py
stop 30 cinder-api=bin/cinder-api cinder-scheduler=bin/cinder-scheduler \
        cinder-volume=bin/cinder-volume cinder-backup=bin/cinder-backup \
        glance-api=bin/glance-api \
        "keystone=osdev-uWSGI master\|uwsgi_python3"
# TERM to the rabbitmq-server wrapper script makes it stop the broker cleanly
stop 30 mariadb=mariadbd rabbitmq=rabbitmq-server
stop 10 rabbitmq-beam=beam.smp
stop 5 epmd=epmd

if [ "${1:-}" = "--wipe" ]; then
  rm -rf "$STATE" "$LOGS"
  echo "[down] wiped $STATE and $LOGS"
fi
echo "[down] done"
