#!/usr/bin/env bash
# up.sh - Horizon (Debian's openstack-dashboard, Zed) beside the rig of deploy/openstack-dev, so the
# console's page loads can be timed side by side with Horizon's on the same cloud and data
# (`npm run bench -- page-load` with HORIZON_URL set; docs/benchmarks.md).
#
#   Horizon  http://127.0.0.1:${HORIZON_PORT:-8090}/   (uwsgi: 3 processes x 10 threads, as
#            Debian's Apache site runs it; static files from Debian's offline-compressed tree)
#
# Signs in against OS_AUTH_URL (default: the rig's Keystone). Idempotent; `down` stops it.
# Horizon keeps its session in a signed cookie: Debian's default (a per-process memory cache) would
# lose the session between uwsgi's processes.
set -euo pipefail

PORT=${HORIZON_PORT:-8090}
AUTH_URL=${OS_AUTH_URL:-http://127.0.0.1:5000/v3}
RUN=/var/lib/osdev/horizon
LOGS=/var/log/osdev
PIDFILE=$RUN/uwsgi.pid
SETTINGS=/etc/openstack-dashboard/local_settings.d/_90_cinder_console_bench.py

running() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

stop() {
  if running; then
    kill -INT "$(cat "$PIDFILE")"
    for _ in $(seq 1 50); do running || break; sleep 0.2; done
  fi
  rm -f "$PIDFILE"
}

if [ "${1:-}" = "down" ]; then
  stop
  echo "[horizon] stopped"
  exit 0
fi

if [ ! -e /usr/share/openstack-dashboard/wsgi.py ] || [ ! -x /usr/bin/uwsgi-core ]; then
  echo "[horizon] installing openstack-dashboard and uwsgi"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openstack-dashboard uwsgi-core uwsgi-plugin-python3 >/dev/null
fi

mkdir -p "$RUN" "$LOGS"
cat >"$SETTINGS" <<EOF
# Written by deploy/horizon/up.sh.
OPENSTACK_KEYSTONE_URL = "$AUTH_URL"
OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = "Default"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
# The rig runs cinder-backup; Horizon shows its Backups panel only when told.
OPENSTACK_CINDER_FEATURES = {"enable_backup": True}
EOF

if running; then
  echo "[horizon] already running (pid $(cat "$PIDFILE")): restarting to read the settings"
  stop
fi

# The uwsgi-core binary with a procname of its own: the rig's up.sh and down.sh find Keystone by
# "uwsgi_python3" in a command line, which this one must not match.
/usr/bin/uwsgi-core --plugin python3 --http-socket "127.0.0.1:$PORT" \
  --wsgi-file /usr/share/openstack-dashboard/wsgi.py --chdir /usr/share/openstack-dashboard \
  --master --processes 3 --threads 10 --enable-threads --lazy-apps --die-on-term --need-app \
  --buffer-size 65535 --procname-prefix horizon- \
  --static-map /static=/var/lib/openstack-dashboard/static \
  --static-expires "/var/lib/openstack-dashboard/static/.* 31536000" \
  --pidfile "$PIDFILE" --daemonize "$LOGS/horizon-uwsgi.log"

for _ in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/auth/login/" || true)
  if [ "$code" = 200 ]; then
    echo "[horizon] ready: http://127.0.0.1:$PORT/ (signs in at $AUTH_URL)"
    exit 0
  fi
  sleep 1
done
echo "[horizon] not ready after 120 s; see $LOGS/horizon-uwsgi.log" >&2
exit 1
