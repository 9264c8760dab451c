#!/usr/bin/env bash
# up.sh - install (if missing) and start a local OpenStack Keystone + Cinder
# (api, scheduler, volume, backup) + Glance (api) + Placement + Nova (api,
# conductor, scheduler, compute with the fake virt driver) on 127.0.0.1.
# Debian 12 (bookworm), root, no systemd.  Idempotent: a second run only
# checks and prints.  Works from any cwd (finds its siblings via readlink).
#
#   Keystone  http://127.0.0.1:5000/v3       (uwsgi, MariaDB, fernet)
#   Cinder    http://127.0.0.1:8776/v3/...   (MariaDB, RabbitMQ RPC,
#             sparse-file volume driver, posix backup driver)
#   Glance    http://127.0.0.1:9292          (eventlet, MariaDB, file store;
#             seed image "cirros-tiny", public)
#   Placement http://127.0.0.1:8778          (uwsgi, MariaDB)
#   Nova      http://127.0.0.1:8774/v2.1     (fake virt driver, no Neutron;
#             servers osdev-web, osdev-db in demo, osdev-alt in alt_demo;
#             see nova.sh)
#   RabbitMQ  127.0.0.1:5672 (guest/guest), epmd 127.0.0.1:4369
#   MariaDB   unix socket /var/lib/osdev/run/mysqld.sock only (no TCP)
#
# State /var/lib/osdev, logs /var/log/osdev, pids /var/lib/osdev/run.
# Env knobs: OSDEV_{ADMIN,DEMO,ALT_DEMO,READER,CINDER,GLANCE,NOVA,PLACEMENT}_PASSWORD
#            (each defaults to the user name), OSDEV_DEBUG=1 for debug
#            logging, OSDEV_TIMEOUT (seconds to wait for readiness, default
#            120), OSDEV_CINDER_LEGACY_POLICY=1 to let Cinder also accept its
#            deprecated pre-Xena policy rules (see [oslo_policy] below).
# --install-only installs the packages and stops there.
set -euo pipefail

HERE="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
PY=/usr/bin/python3            # never the pyenv/venv python on PATH
STATE=/var/lib/osdev
RUN=$STATE/run
LOGS=/var/log/osdev
LIB=/usr/local/lib/osdev
KS_URL=http://127.0.0.1:5000/v3
CINDER_BASE=http://127.0.0.1:8776
GLANCE_URL=http://127.0.0.1:9292
ADMIN_PW=${OSDEV_ADMIN_PASSWORD:-admin}
DEMO_PW=${OSDEV_DEMO_PASSWORD:-demo}
ALT_DEMO_PW=${OSDEV_ALT_DEMO_PASSWORD:-alt_demo}
READER_PW=${OSDEV_READER_PASSWORD:-reader}
CINDER_PW=${OSDEV_CINDER_PASSWORD:-cinder}
GLANCE_PW=${OSDEV_GLANCE_PASSWORD:-glance}
NOVA_PW=${OSDEV_NOVA_PASSWORD:-nova}
PLACEMENT_PW=${OSDEV_PLACEMENT_PASSWORD:-placement}
DEBUG=$([ "${OSDEV_DEBUG:-0}" = 1 ] && echo True || echo False)
# Cinder policy: Zed's role-based defaults unless OSDEV_CINDER_LEGACY_POLICY=1
NEW_DEFAULTS=$([ "${OSDEV_CINDER_LEGACY_POLICY:-0}" = 1 ] && echo False || echo True)
TIMEOUT=${OSDEV_TIMEOUT:-120}
T0=$(date +%s)

log() { printf '[up %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '[up] ERROR: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root"

mkdir -p "$STATE" "$RUN" "$LOGS" "$LIB/bin" "$LIB/python"

# ---------------------------------------------------------------- packages
PKGS="python3-keystone python3-cinder python3-keystonemiddleware python3-pymysql
      rabbitmq-server mariadb-server-core mariadb-client-core
      uwsgi-core uwsgi-plugin-python3 dmidecode sudo curl
      python3-openstackclient python3-cinderclient
      glance-api qemu-utils python3-nova python3-placement"
# (python3-keystone already depends on python3-openstackclient in Debian)
# glance-api: Debian's Glance (glance.cmd.api eventlet server, glance-manage
#   and the paste/policy files come with it and glance-common).
# qemu-utils: qemu-img, which Cinder runs to write images into volumes and to
#   convert volumes into images; up.sh also uses it to make the seed image.
# python3-nova, python3-placement: Nova and Placement code only (no init
#   scripts, no debconf); nova.sh runs them like the cinder services.
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  log "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    apt-get update -q >"$LOGS/apt.log" 2>&1
  fi
  # glance-common/glance-api ask (debconf) whether to set up a database,
  # keystone credentials, rabbit and catalog endpoints themselves.  up.sh
  # does all of that, so answer "no" (also the defaults, but be explicit).
  printf '%s\n' 'glance-common glance/configure_db boolean false' \
    'glance-common glance/configure_ksat boolean false' \
    'glance-common glance/configure_rabbit boolean false' \
    'glance-api glance/configure_api-endpoint boolean false' \
    | debconf-set-selections || true
  # keep package maintainer scripts from starting a system-wide rabbitmq
  # (or glance-api via its init script)
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d; own_policy=1
  fi
  rc=0
  apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io \
    $missing >>"$LOGS/apt.log" 2>&1 || rc=$?
  if [ $rc != 0 ]; then   # stale package lists? refresh once and retry
    log "apt-get install failed (rc=$rc); running apt-get update and retrying"
    apt-get update -q >>"$LOGS/apt.log" 2>&1 || true
    rc=0
    apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io \
      $missing >>"$LOGS/apt.log" 2>&1 || rc=$?
  fi
  [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || die "apt-get install failed (rc=$rc), see $LOGS/apt.log"
  log "packages installed"
fi
# --install-only: the packages and nothing else, so that CI can install in the foreground and
# start the services beside its first test steps (.ci/run).
if [ "${1:-}" = --install-only ]; then log "packages ready (--install-only)"; exit 0; fi

# ------------------------------------------------------------ helpers
# gone PID: true once the process has exited (zombies count as gone: the
# VM's pid 1 does not always reap re-parented daemons)
gone() { [ ! -r "/proc/$1/stat" ] || [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" = Z ]; }
# is_running NAME PATTERN: pid file exists, process alive, cmdline matches
is_running() {
  local f="$RUN/$1.pid" pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$2"
}
# start NAME PATTERN CMD...: start CMD detached (own session), record its pid
start() {
  local name=$1 pat=$2; shift 2
  if is_running "$name" "$pat"; then return 0; fi
  setsid "$@" >>"$LOGS/$name.out" 2>&1 </dev/null &
  echo $! > "$RUN/$name.pid"
  log "started $name (pid $!)"
}
# stop NAME=PATTERN...: TERM all recorded pids at once, wait, KILL leftovers
stop() {
  local spec name pat pid pids="" i
  for spec in "$@"; do
    name=${spec%%=*}; pat=${spec#*=}
    if is_running "$name" "$pat"; then
      pid=$(cat "$RUN/$name.pid"); kill -TERM "$pid" 2>/dev/null || true
      pids="$pids $pid"
    fi
    rm -f "$RUN/$name.pid"
  done
  for i in $(seq 1 100); do
    local left=""
    for pid in $pids; do gone "$pid" || left="$left $pid"; done
    pids=$left; [ -z "$pids" ] && return 0; sleep 0.2
  done
  for pid in $pids; do kill -KILL "$pid" 2>/dev/null || true; done
}
# port_free PORT NAME PATTERN: die if PORT is taken by something that is not
# our recorded NAME process (avoids talking to a foreign service)
port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && ! is_running "$2" "$3"; then
    die "port $1 is already in use by another process; $2 cannot start"
  fi
}
# put DEST < CONTENT: (re)write DEST only if different; returns 0 if changed
put() {
  local tmp; tmp=$(mktemp)
  cat > "$tmp"
  if [ -f "$1" ] && cmp -s "$tmp" "$1"; then rm -f "$tmp"; return 1; fi
  mkdir -p "$(dirname "$1")"; mv "$tmp" "$1"; chmod 0644 "$1"; return 0
}
wait_http() {  # URL EXPECTED_CODE_REGEX NAME PIDNAME PATTERN
  local i code
  for i in $(seq 1 $((TIMEOUT * 4))); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true)
    if echo "$code" | grep -Eq "$2"; then return 0; fi
    is_running "$4" "$5" || die "$3 exited during startup; see $LOGS/$4*"
    sleep 0.25
  done
  die "$3 did not answer at $1 (last HTTP code $code); see $LOGS"
}

# ------------------------------------------------------------ files
KS_CHANGED=0; CINDER_CHANGED=0; GLANCE_CHANGED=0
put "$LIB/python/osdev_localfile.py" < "$HERE/osdev_localfile.py" && CINDER_CHANGED=1 || true
put "$LIB/python/osdev_compat.py" < "$HERE/osdev_compat.py" && CINDER_CHANGED=1 || true
cp "$HERE/osdev_keystone_setup.py" "$LIB/keystone_setup.py"
cp "$HERE/osdev_glance_seed.py" "$LIB/glance_seed.py"

for svc in api scheduler volume backup manage; do
  put "$LIB/bin/cinder-$svc" <<EOF && CINDER_CHANGED=1 || true
#!$PY
# osdev launcher for cinder.cmd.$svc (python3-cinder ships no scripts)
import sys
sys.path.insert(0, '$LIB/python')
from cinder.cmd.$svc import main
import osdev_compat  # noqa: F401  after the monkey-patching import above
sys.exit(main())
EOF
  chmod 0755 "$LIB/bin/cinder-$svc"
done

# Cinder runs privileged helpers as "sudo cinder-rootwrap CONF CMD...".
# python3-cinder does not ship cinder-rootwrap; we already are root, so a
# pass-through shim is enough (used by os-brick/privsep during backups).
if [ ! -e /usr/bin/cinder-rootwrap ]; then
  put /usr/local/bin/cinder-rootwrap <<'EOF' || true
#!/bin/sh
# osdev pass-through shim: cinder-rootwrap CONFIG CMD [ARGS...] -> CMD ARGS
shift
exec "$@"
EOF
  chmod 0755 /usr/local/bin/cinder-rootwrap
fi

put /etc/keystone/keystone.conf <<EOF && KS_CHANGED=1 || true
# written by osdev up.sh
[DEFAULT]
log_file = $LOGS/keystone.log
use_stderr = false
debug = $DEBUG
[database]
connection = mysql+pymysql://keystone:keystone@localhost/keystone?unix_socket=$RUN/mysqld.sock&charset=utf8
[identity]
# cheap bcrypt so that token requests stay fast in tests
password_hash_rounds = 4
[auth]
# Keystone's default methods plus totp, for MFA rules (password + totp) and auth receipts
methods = external,password,token,oauth1,mapped,application_credential,totp
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $STATE/keystone/fernet-keys
[fernet_receipts]
key_repository = $STATE/keystone/fernet-keys
[credential]
key_repository = $STATE/keystone/credential-keys
EOF

put /etc/cinder/cinder.conf <<EOF && CINDER_CHANGED=1 || true
# written by osdev up.sh
[DEFAULT]
host = osdev
my_ip = 127.0.0.1
state_path = $STATE/cinder
debug = $DEBUG
use_stderr = false
transport_url = rabbit://guest:guest@127.0.0.1:5672/
auth_strategy = keystone
# image service: fixed URL rather than a catalog lookup, so that Cinder talks
# to our Glance even if someone edits the catalog
glance_api_servers = $GLANCE_URL
glance_request_timeout = 60
# where image <-> volume conversions stage their temporary files
image_conversion_dir = $STATE/cinder/conversion
api_paste_config = /etc/cinder/api-paste.ini
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
enabled_backends = localfile,localfile2
default_volume_type = __DEFAULT__
storage_availability_zone = nova
default_availability_zone = nova
backup_driver = cinder.backup.drivers.posix.PosixBackupDriver
backup_posix_path = $STATE/cinder/backups
rootwrap_config = /etc/cinder/rootwrap.conf
resource_query_filters_file = /etc/cinder/resource_filters.json

[localfile]
volume_driver = osdev_localfile.LocalFileVolumeDriver
volume_backend_name = localfile
localfile_volume_dir = $STATE/cinder/volumes
localfile_capacity_gb = 1000

# A second backend (its own directory) so that migration between pools is real.
[localfile2]
volume_driver = osdev_localfile.LocalFileVolumeDriver
volume_backend_name = localfile2
localfile_volume_dir = $STATE/cinder/volumes2
localfile_capacity_gb = 500

[database]
connection = mysql+pymysql://cinder:cinder@localhost/cinder?unix_socket=$RUN/mysqld.sock&charset=utf8

[keystone_authtoken]
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
username = cinder
password = $CINDER_PW
project_name = service
user_domain_name = Default
project_domain_name = Default
service_token_roles_required = true

[oslo_policy]
# Zed's own role-based defaults (admin / member / reader, project scope), the
# rules the console's emulator models: a reader-only token may look but not
# change anything (403).  Zed ships with this False, which ORs in the
# deprecated pre-Xena rules, under which any user of a project, even a
# reader-only one, may create, update and delete volumes.
enforce_new_defaults = $NEW_DEFAULTS
enforce_scope = False

[oslo_concurrency]
lock_path = $STATE/cinder/lock

[coordination]
backend_url = file://$STATE/cinder/coordination

[oslo_messaging_notifications]
# volume.*, snapshot.*, backup.* start/end events on exchange "openstack",
# topic notifications.info, for the console's live relay (OS_NOTIFICATIONS_URL).
# Needs osdev_compat.py (loaded by the launchers above) with Debian's oslo.messaging.
driver = messagingv2
topics = notifications
EOF

put /etc/cinder/api-paste.ini <<'EOF' && CINDER_CHANGED=1 || true
# copy of cinder 21.x etc/cinder/api-paste.ini (python3-cinder ships none)
[composite:osapi_volume]
use = call:cinder.api:root_app_factory
/: apiversions
/healthcheck: healthcheck
/v3: openstack_volume_api_v3

[composite:openstack_volume_api_v3]
use = call:cinder.api.middleware.auth:pipeline_factory
noauth = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler noauth apiv3
noauth_include_project_id = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler noauth_include_project_id apiv3
keystone = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler authtoken keystonecontext apiv3
keystone_nolimit = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler authtoken keystonecontext apiv3

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = cinder

[filter:faultwrap]
paste.filter_factory = cinder.api.middleware.fault:FaultWrapper.factory

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:noauth]
paste.filter_factory = cinder.api.middleware.auth:NoAuthMiddleware.factory

[filter:noauth_include_project_id]
paste.filter_factory = cinder.api.middleware.auth:NoAuthMiddlewareIncludeProjectID.factory

[filter:sizelimit]
paste.filter_factory = oslo_middleware.sizelimit:RequestBodySizeLimiter.factory

[app:apiv3]
paste.app_factory = cinder.api.v3.router:APIRouter.factory

[pipeline:apiversions]
pipeline = request_id cors http_proxy_to_wsgi faultwrap osvolumeversionapp

[app:osvolumeversionapp]
paste.app_factory = cinder.api.versions:Versions.factory

[pipeline:healthcheck]
pipeline = request_id healthcheckapp

[app:healthcheckapp]
paste.app_factory = oslo_middleware:Healthcheck.app_factory
backends = disable_by_file
disable_by_file_path = /etc/cinder/healthcheck_disable

[filter:keystonecontext]
paste.filter_factory = cinder.api.middleware.auth:CinderKeystoneContext.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory

[filter:request_id]
paste.filter_factory = cinder.api.middleware.request_id:RequestId.factory
EOF

# list-filter whitelist used by the API from microversion 3.34 on; without
# it every filter (?name=, ?status=...) is rejected with 400.  Copy of
# cinder 21.x etc/cinder/resource_filters.json (python3-cinder ships none).
put /etc/cinder/resource_filters.json <<'EOF' && CINDER_CHANGED=1 || true
{
    "volume": ["name", "status", "metadata",
               "bootable", "migration_status", "availability_zone",
               "group_id", "size", "created_at", "updated_at",
               "consumes_quota"],
    "backup": ["name", "status", "volume_id"],
    "snapshot": ["name", "status", "volume_id", "metadata",
                 "availability_zone", "consumes_quota"],
    "group": ["name"],
    "group_snapshot": ["name", "status", "group_id"],
    "attachment": ["volume_id", "status", "instance_id", "attach_status"],
    "message": ["resource_uuid", "resource_type", "event_id",
                "request_id", "message_level"],
    "pool": ["name", "volume_type"],
    "volume_type": ["is_public", "extra_specs"]
}
EOF

# Glance: the legacy single-store config ([glance_store] stores/default_store)
# is the simplest one that Zed still honours (it logs a deprecation warning
# at start); images are plain files named by image id.  The default
# [image_format] lists already allow raw/qcow2 and bare.
put /etc/glance/glance-api.conf <<EOF && GLANCE_CHANGED=1 || true
# written by osdev up.sh
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
# one eventlet worker process (the master forks it); enough for dev/test
workers = 1
log_file = $LOGS/glance-api.log
use_stderr = false
debug = $DEBUG
# interoperable image import stages uploads here (the default is /tmp)
node_staging_uri = file://$STATE/glance/staging
image_cache_dir = $STATE/glance/image-cache

[database]
connection = mysql+pymysql://glance:glance@localhost/glance?unix_socket=$RUN/mysqld.sock&charset=utf8

[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $STATE/glance/images/

[keystone_authtoken]
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
username = glance
password = $GLANCE_PW
project_name = service
user_domain_name = Default
project_domain_name = Default
service_token_roles_required = true

[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini

[oslo_concurrency]
lock_path = $STATE/glance/lock
EOF
# Debian ships the stock paste pipeline in glance-common; use that one.
put /etc/glance/glance-api-paste.ini < /usr/share/glance-common/glance-api-paste.ini \
  && GLANCE_CHANGED=1 || true

mkdir -p "$STATE/keystone" "$STATE/cinder"/{volumes,backups,lock,coordination,conversion} \
         "$STATE/glance"/{images,staging,image-cache,lock} "$STATE/rabbitmq"

# ------------------------------------------------------------ mariadb
# private instance: own datadir, unix socket only (--skip-networking)
SQL=(mariadb --no-defaults -S "$RUN/mysqld.sock" -uroot)
if [ ! -d "$STATE/mysql/mysql" ]; then
  log "initializing mariadb datadir"
  rm -rf "$STATE/mysql" "$STATE/keystone/.initialized" "$STATE/cinder/.db-version" \
         "$STATE/glance/.db-version"
  mariadb-install-db --no-defaults --datadir="$STATE/mysql" --user=root \
    --skip-test-db --auth-root-authentication-method=socket \
    >>"$LOGS/mariadb-install.out" 2>&1 || die "mariadb-install-db failed"
fi
start mariadb mariadbd /usr/sbin/mariadbd --no-defaults --user=root \
  --datadir="$STATE/mysql" --skip-networking --socket="$RUN/mysqld.sock" \
  --pid-file="$RUN/mariadbd-self.pid" --log-error="$LOGS/mariadb.err" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
  --max-connections=1000 --innodb-buffer-pool-size=128M --skip-log-bin \
  --innodb-flush-log-at-trx-commit=2 --skip-name-resolve
for i in $(seq 1 $((TIMEOUT * 10))); do
  "${SQL[@]}" -e 'select 1' >/dev/null 2>&1 && break
  is_running mariadb mariadbd || die "mariadbd died, see $LOGS/mariadb.err"
  sleep 0.1
done
"${SQL[@]}" <<'EOF' || die "could not create databases"
CREATE DATABASE IF NOT EXISTS keystone;
CREATE DATABASE IF NOT EXISTS cinder;
CREATE DATABASE IF NOT EXISTS glance;
CREATE USER IF NOT EXISTS 'keystone'@'localhost' IDENTIFIED BY 'keystone';
CREATE USER IF NOT EXISTS 'cinder'@'localhost' IDENTIFIED BY 'cinder';
CREATE USER IF NOT EXISTS 'glance'@'localhost' IDENTIFIED BY 'glance';
GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'localhost';
GRANT ALL PRIVILEGES ON cinder.* TO 'cinder'@'localhost';
GRANT ALL PRIVILEGES ON glance.* TO 'glance'@'localhost';
EOF

# ------------------------------------------------------------ rabbitmq
RMQ_ENV=(env HOME="$STATE/rabbitmq" RABBITMQ_NODENAME=osdev@localhost
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=5672
  RABBITMQ_DIST_PORT=25672 ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=4369
  RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia"
  RABBITMQ_LOG_BASE="$LOGS/rabbitmq"
  RABBITMQ_PID_FILE="$RUN/rabbitmq-beam.pid"
  RABBITMQ_CONFIG_FILE="$STATE/rabbitmq/rabbitmq.conf"
  RABBITMQ_CONF_ENV_FILE="$STATE/rabbitmq/rabbitmq-env.conf"
  RABBITMQ_ENABLED_PLUGINS_FILE="$STATE/rabbitmq/enabled_plugins"
  "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}")
printf 'listeners.tcp.default = 127.0.0.1:5672\nloopback_users.guest = true\n' \
  > "$STATE/rabbitmq/rabbitmq.conf"
: > "$STATE/rabbitmq/rabbitmq-env.conf"
echo '[].' > "$STATE/rabbitmq/enabled_plugins"

port_free 5672 rabbitmq rabbitmq-server
port_free 5000 keystone "osdev-uWSGI master\\|uwsgi_python3"
port_free 8776 cinder-api bin/cinder-api
port_free 9292 glance-api bin/glance-api
RMQ_STARTED=0
if ! is_running rabbitmq rabbitmq-server; then
  # our own epmd (so that down.sh can stop it by pid); skip if one listens
  if ! is_running epmd epmd && ! (exec 3<>/dev/tcp/127.0.0.1/4369) 2>/dev/null; then
    start epmd epmd "${RMQ_ENV[@]}" /usr/bin/epmd -address 127.0.0.1 -port 4369
  fi
  start rabbitmq rabbitmq-server "${RMQ_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server
  RMQ_STARTED=1
fi

# ------------------------------------------------------------ cinder db
CM=("$LIB/bin/cinder-manage" --config-file /etc/cinder/cinder.conf)
CINDER_VER=$(dpkg-query -W -f='${Version}' python3-cinder)
if [ "$(cat "$STATE/cinder/.db-version" 2>/dev/null)" != "$CINDER_VER" ]; then
  log "syncing cinder database ($CINDER_VER)"
  ( "${CM[@]}" db sync >>"$LOGS/cinder-manage.out" 2>&1 &&
    echo "$CINDER_VER" > "$STATE/cinder/.db-version" ) &
  cdbpid=$!
else
  cdbpid=""
fi

# ------------------------------------------------------------ glance db
# glance-manage reads glance-api.conf; its own log goes to a separate file
GLANCE_VER=$(dpkg-query -W -f='${Version}' python3-glance)
if [ "$(cat "$STATE/glance/.db-version" 2>/dev/null)" != "$GLANCE_VER" ]; then
  log "syncing glance database ($GLANCE_VER)"
  ( glance-manage --config-file /etc/glance/glance-api.conf \
      --log-file "$LOGS/glance-manage.log" db_sync >>"$LOGS/glance-manage.out" 2>&1 &&
    echo "$GLANCE_VER" > "$STATE/glance/.db-version" ) &
  gdbpid=$!
else
  gdbpid=""
fi

# ------------------------------------------------------------ keystone
KM=(keystone-manage --config-file /etc/keystone/keystone.conf)
if [ ! -s "$STATE/keystone/.initialized" ]; then
  log "initializing keystone database"
  "${SQL[@]}" -e 'DROP DATABASE IF EXISTS keystone; CREATE DATABASE keystone;'
  ( "${KM[@]}" fernet_setup --keystone-user root --keystone-group root &&
    "${KM[@]}" credential_setup --keystone-user root --keystone-group root
  ) >>"$LOGS/keystone-manage.out" 2>&1 &
  kpid=$!
  "${KM[@]}" db_sync >>"$LOGS/keystone-manage.out" 2>&1
  "${KM[@]}" bootstrap --bootstrap-password "$ADMIN_PW" \
      --bootstrap-username admin --bootstrap-project-name admin \
      --bootstrap-role-name admin --bootstrap-service-name keystone \
      --bootstrap-region-id RegionOne \
      --bootstrap-admin-url "$KS_URL/" --bootstrap-internal-url "$KS_URL/" \
      --bootstrap-public-url "$KS_URL/" >>"$LOGS/keystone-manage.out" 2>&1
  wait $kpid || die "keystone fernet/credential setup failed"
  echo "$(date -u +%FT%TZ)" > "$STATE/keystone/.initialized"
fi

# uwsgi's --http-socket closes the TCP connection after every response but
# says nothing; clients that reuse keep-alive connections (python-requests,
# node's agent) then race the FIN and get ECONNRESET now and then.  Saying
# "Connection: close" explicitly makes every client open a fresh connection.
UWSGI=(/usr/bin/uwsgi_python3 --plugin python3
  --http-socket 127.0.0.1:5000 --wsgi-file /usr/bin/keystone-wsgi-public
  --master --processes 2 --threads 4 --enable-threads --lazy-apps
  --die-on-term --need-app --buffer-size 65535 --procname-prefix osdev-
  --add-header "Connection: close" --logto "$LOGS/keystone-uwsgi.log")
echo "${UWSGI[*]}" | put "$STATE/keystone/uwsgi.cmdline" && KS_CHANGED=1 || true
KS_PAT="osdev-uWSGI master\\|uwsgi_python3"
if [ $KS_CHANGED = 1 ]; then stop "keystone=$KS_PAT"; fi
start keystone "$KS_PAT" "${UWSGI[@]}"

if [ -n "$cdbpid" ]; then wait $cdbpid || die "cinder db sync failed, see $LOGS/cinder-manage.out"; fi
if [ -n "$gdbpid" ]; then wait $gdbpid || die "glance db sync failed, see $LOGS/glance-manage.*"; fi

# glance-api: Debian's eventlet entry point (/usr/bin/glance-api ->
# glance.cmd.api), like cinder-api; no uwsgi, no systemd
GLANCE_PAT=bin/glance-api
if [ $GLANCE_CHANGED = 1 ]; then stop "glance-api=$GLANCE_PAT"; fi
start glance-api "$GLANCE_PAT" /usr/bin/glance-api \
  --config-file /etc/glance/glance-api.conf

# cinder services may start before rabbitmq is ready (oslo.messaging retries)
CINDER_SVCS="api scheduler volume backup"
if [ $CINDER_CHANGED = 1 ]; then
  log "cinder files changed: (re)starting cinder services"
  stop cinder-api=bin/cinder-api cinder-scheduler=bin/cinder-scheduler \
       cinder-volume=bin/cinder-volume cinder-backup=bin/cinder-backup
fi
for s in $CINDER_SVCS; do
  start "cinder-$s" "bin/cinder-$s" env PYTHONPATH="$LIB/python" \
    "$LIB/bin/cinder-$s" --config-file /etc/cinder/cinder.conf \
    --log-file "$LOGS/cinder-$s.log"
done


wait_http "$KS_URL/" '^200$' keystone keystone "$KS_PAT"
log "keystone ready"
export OSDEV_ADMIN_PASSWORD="$ADMIN_PW" OSDEV_DEMO_PASSWORD="$DEMO_PW" \
  OSDEV_ALT_DEMO_PASSWORD="$ALT_DEMO_PW" OSDEV_READER_PASSWORD="$READER_PW" \
  OSDEV_CINDER_PASSWORD="$CINDER_PW" OSDEV_GLANCE_PASSWORD="$GLANCE_PW" \
  OSDEV_NOVA_PASSWORD="$NOVA_PW" OSDEV_PLACEMENT_PASSWORD="$PLACEMENT_PW" \
  OSDEV_IDS_FILE="$STATE/ids.json"
$PY "$LIB/keystone_setup.py" | sed 's/^/[up] /' || die "keystone setup failed"

# ------------------------------------------------------------ glance image
wait_http "$GLANCE_URL/versions" '^200$' glance-api glance-api "$GLANCE_PAT"
log "glance ready"
# The seed image: a 64 MiB (virtual) qcow2 that holds a marker string at
# offset 0 and nothing else (no internet here, so no real CirrOS).  It does
# not boot; it exists so that image -> volume and volume -> image work.
IMG=$STATE/glance/cirros-tiny.qcow2
if [ ! -s "$IMG" ]; then
  raw=$(mktemp "$STATE/glance/seed.XXXXXX")
  printf 'OSDEV cirros-tiny seed image\n' > "$raw"
  truncate -s 64M "$raw"
  qemu-img convert -q -f raw -O qcow2 "$raw" "$IMG.part" && mv "$IMG.part" "$IMG"
  rm -f "$raw"
fi
$PY "$LIB/glance_seed.py" "$IMG" | sed 's/^/[up] /' \
  || die "could not upload the seed image, see $LOGS/glance-api.log"

# rabbitmq boots slowly (~10-15 s); keystone and glance do not need it, so
# their setup above ran while it booted.  The cinder services do need it.
if [ $RMQ_STARTED = 1 ]; then
  "${RMQ_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n osdev@localhost -q \
      wait --timeout "$TIMEOUT" "$RUN/rabbitmq-beam.pid" >>"$LOGS/rabbitmq.out" 2>&1 \
    || die "rabbitmq did not start, see $LOGS/rabbitmq.out and $LOGS/rabbitmq/"
  log "rabbitmq ready"
fi
# Cinder's notifications also fill a queue named after their topic, which
# nothing here reads (the console binds a private queue of its own): keep it
# short rather than let it grow for as long as the rig runs.
"${RMQ_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n osdev@localhost -q \
    set_policy --apply-to queues notifications-cap '^notifications\.' \
    '{"max-length":1000}' >>"$LOGS/rabbitmq.out" 2>&1 \
  || log "could not cap the notifications queues (see $LOGS/rabbitmq.out)"

wait_http "$CINDER_BASE/" '^(200|300)$' cinder-api cinder-api bin/cinder-api
log "cinder-api answers; waiting for scheduler/volume/backup and pool stats"

# readiness: all services up and the scheduler knows the pool
$PY - "$TIMEOUT" "$ADMIN_PW" <<'EOF' || die "cinder services not ready, see /var/log/osdev/cinder-*.log"
import json, sys, time, urllib.request
timeout, pw = int(sys.argv[1]), sys.argv[2]
def req(method, url, body=None, token=None):
    r = urllib.request.Request(url, method=method,
        data=json.dumps(body).encode() if body else None,
        headers={'Content-Type': 'application/json', **({'X-Auth-Token': token} if token else {})})
    with urllib.request.urlopen(r, timeout=10) as resp:
        return resp.headers, json.loads(resp.read() or b'null')
h, b = req('POST', 'http://127.0.0.1:5000/v3/auth/tokens', {'auth': {
    'identity': {'methods': ['password'], 'password': {'user': {
        'name': 'admin', 'domain': {'id': 'default'}, 'password': pw}}},
    'scope': {'project': {'name': 'admin', 'domain': {'id': 'default'}}}}})
tok, pid = h['X-Subject-Token'], b['token']['project']['id']
base = 'http://127.0.0.1:8776/v3/%s' % pid
deadline = time.time() + timeout
state = None
while time.time() < deadline:
    try:
        _, s = req('GET', base + '/os-services', token=tok)
        up = {x['binary'] for x in s['services'] if x['state'] == 'up' and x['status'] == 'enabled'}
        _, p = req('GET', base + '/scheduler-stats/get_pools', token=tok)
        state = (sorted(up), len(p['pools']))
        # Both backends report a pool (localfile, localfile2).
        if {'cinder-scheduler', 'cinder-volume', 'cinder-backup'} <= up and len(p['pools']) >= 2:
            sys.exit(0)
    except Exception as e:  # api still warming up
        state = repr(e)
    time.sleep(0.5)
print('not ready: %s' % (state,), file=sys.stderr)
sys.exit(1)
EOF
log "cinder ready"

# ------------------------------------------------------------ nova
# shellcheck source=nova.sh
. "$HERE/nova.sh"

# ------------------------------------------------------------ client config
# user -> password and project (reader works in project demo)
pw_of() { case $1 in admin) echo "$ADMIN_PW" ;; demo) echo "$DEMO_PW" ;;
  alt_demo) echo "$ALT_DEMO_PW" ;; reader) echo "$READER_PW" ;; esac; }
project_of() { case $1 in reader) echo demo ;; *) echo "$1" ;; esac; }
USERS="admin demo alt_demo reader"
for who in $USERS; do
  put "$STATE/openrc.$who" <<EOF || true
export OS_AUTH_URL=$KS_URL
export OS_IDENTITY_API_VERSION=3
export OS_AUTH_TYPE=password
export OS_USERNAME=$who
export OS_PASSWORD=$(pw_of "$who")
export OS_PROJECT_NAME=$(project_of "$who")
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export OS_INTERFACE=public
export OS_VOLUME_API_VERSION=3
export OS_IMAGE_API_VERSION=2
export OS_COMPUTE_API_VERSION=2.79
EOF
done
if [ ! -e /etc/openstack/clouds.yaml ] || grep -q 'written by osdev' /etc/openstack/clouds.yaml; then
  put /etc/openstack/clouds.yaml <<EOF || true
# written by osdev up.sh
clouds:
$(for who in $USERS; do
  printf '  osdev-%s:\n    auth:\n      auth_url: %s\n      username: %s\n      password: %s\n      project_name: %s\n      user_domain_name: Default\n      project_domain_name: Default\n    region_name: RegionOne\n    identity_api_version: 3\n    volume_api_version: 3\n    image_api_version: 2\n' \
    "$who" "$KS_URL" "$who" "$(pw_of "$who")" "$(project_of "$who")"
done)
EOF
fi

cat <<EOF

OpenStack (osdev) is up in $(( $(date +%s) - T0 ))s
  Keystone v3   $KS_URL        (uwsgi, pid $(cat $RUN/keystone.pid))
  Cinder v3     $CINDER_BASE/v3/{project_id}   (api pid $(cat $RUN/cinder-api.pid))
  Glance v2     $GLANCE_URL          (api pid $(cat $RUN/glance-api.pid); image cirros-tiny)
  Nova v2.1     $NOVA_URL   (api pid $(cat $RUN/nova-api.pid); fake driver, flavor osdev.nano)
  Placement     $PLACEMENT_URL          (uwsgi, pid $(cat $RUN/placement.pid))
  RabbitMQ      amqp://guest:guest@127.0.0.1:5672/
  Credentials (domain Default):
    admin    / $ADMIN_PW   project admin    (role admin)
    demo     / $DEMO_PW    project demo     (roles member, reader)
    alt_demo / $ALT_DEMO_PW  project alt_demo (roles member, reader)
    reader   / $READER_PW   project demo     (role reader)
    cinder   / $CINDER_PW  glance / $GLANCE_PW  nova / $NOVA_PW  placement / $PLACEMENT_PW
             project service (service users)
  Env:      source $STATE/openrc.demo   (or openrc.admin / .alt_demo / .reader)
  CLI:      openstack --os-cloud osdev-demo volume list
  IDs:      $STATE/ids.json
  Logs:     $LOGS     State: $STATE     Stop: $HERE/down.sh
EOF
