# nova.sh - sourced by up.sh once Keystone, Glance, RabbitMQ and Cinder are
# ready: Placement (uwsgi, :8778) and Nova (api :8774, conductor, scheduler,
# compute with the fake virt driver) from Debian's python3-nova and
# python3-placement, so that "server add volume" runs against real Nova and
# Cinder.  Only adds processes: nothing here restarts Keystone, Cinder,
# Glance, MariaDB or RabbitMQ.  Uses up.sh's helpers (put, start, stop,
# wait_http, log, die) and variables.
#
# The fake driver boots nothing: a server goes ACTIVE at once and a volume
# attach is Nova's real flow (reserve, attachment create/update with the fake
# driver's connector, Cinder's initialize_connection, complete) minus the
# hypervisor.  No Neutron here: servers are created with "networks": "none"
# (microversion 2.37).  Nova still asks Neutron for a server's ports and
# security groups when it shows one: osdev_neutron_stub.py (:9696, catalog
# type "network") answers those reads with empty lists.  Deleting a server
# would ask Neutron to unbind ports; the seeded servers are kept.

NOVA_URL=http://127.0.0.1:8774/v2.1
PLACEMENT_URL=http://127.0.0.1:8778
DB="mysql+pymysql://nova:nova@localhost/%s?unix_socket=$RUN/mysqld.sock&charset=utf8"
NOVA_CHANGED=0; PLACEMENT_CHANGED=0
mkdir -p "$STATE/nova"/{instances,lock} "$STATE/placement"

"${SQL[@]}" <<'EOF' || die "could not create the nova/placement databases"
CREATE DATABASE IF NOT EXISTS nova_api;
CREATE DATABASE IF NOT EXISTS nova;
CREATE DATABASE IF NOT EXISTS nova_cell0;
CREATE DATABASE IF NOT EXISTS placement;
CREATE USER IF NOT EXISTS 'nova'@'localhost' IDENTIFIED BY 'nova';
CREATE USER IF NOT EXISTS 'placement'@'localhost' IDENTIFIED BY 'placement';
GRANT ALL PRIVILEGES ON nova_api.* TO 'nova'@'localhost';
GRANT ALL PRIVILEGES ON nova.* TO 'nova'@'localhost';
GRANT ALL PRIVILEGES ON nova_cell0.* TO 'nova'@'localhost';
GRANT ALL PRIVILEGES ON placement.* TO 'placement'@'localhost';
EOF

# python3-nova ships no scripts: one launcher per service, like cinder's
for svc in api conductor scheduler compute manage; do
  put "$LIB/bin/nova-$svc" <<EOF && NOVA_CHANGED=1 || true
#!$PY
# osdev launcher for nova.cmd.$svc (python3-nova ships no scripts)
import sys
from nova.cmd.$svc import main
sys.exit(main())
EOF
  chmod 0755 "$LIB/bin/nova-$svc"
done

ks_section() {  # USER PASSWORD: keystoneauth password options
  printf 'auth_url = %s\nauth_type = password\nusername = %s\npassword = %s\n' "$KS_URL" "$1" "$2"
  printf 'project_name = service\nuser_domain_name = Default\nproject_domain_name = Default\n'
}

put /etc/placement/placement.conf <<EOF && PLACEMENT_CHANGED=1 || true
# written by osdev up.sh
[DEFAULT]
debug = $DEBUG
log_file = $LOGS/placement.log
use_stderr = false
[placement_database]
connection = mysql+pymysql://placement:placement@localhost/placement?unix_socket=$RUN/mysqld.sock&charset=utf8
[api]
auth_strategy = keystone
[keystone_authtoken]
www_authenticate_uri = $KS_URL
$(ks_section placement "$PLACEMENT_PW")
EOF

put /etc/nova/nova.conf <<EOF && NOVA_CHANGED=1 || true
# written by osdev up.sh
[DEFAULT]
host = osdev
my_ip = 127.0.0.1
state_path = $STATE/nova
instances_path = $STATE/nova/instances
debug = $DEBUG
use_stderr = false
transport_url = rabbit://guest:guest@127.0.0.1:5672/
compute_driver = fake.FakeDriver
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[conductor]
workers = 1
[scheduler]
workers = 1
# the compute host is mapped into cell1 by the scheduler itself
discover_hosts_in_cells_interval = 10
[api_database]
connection = $(printf "$DB" nova_api)
[database]
connection = $(printf "$DB" nova)
[keystone_authtoken]
www_authenticate_uri = $KS_URL
$(ks_section nova "$NOVA_PW")
[placement]
region_name = RegionOne
valid_interfaces = public
$(ks_section nova "$NOVA_PW")
[glance]
api_servers = $GLANCE_URL
[cinder]
# Nova calls Cinder with the user's token, from the catalog
catalog_info = volumev3::publicURL
os_region_name = RegionOne
$(ks_section nova "$NOVA_PW")
[neutron]
region_name = RegionOne
valid_interfaces = public
$(ks_section nova "$NOVA_PW")
[service_user]
# Cinder (since the OSSN-0092 fix in Zed's packages) deletes an attachment that
# Nova made only when the request carries a service token with the service
# role: without it every detach ends in ConflictNovaUsingAttachment (409) and
# the volume stays detaching.
send_service_user_token = true
$(ks_section nova "$NOVA_PW")
[oslo_concurrency]
lock_path = $STATE/nova/lock
EOF

# copy of nova 26.x etc/nova/api-paste.ini, OpenStack API part only
put /etc/nova/api-paste.ini <<'EOF' && NOVA_CHANGED=1 || true
[composite:osapi_compute]
use = call:nova.api.openstack.urlmap:urlmap_factory
/: oscomputeversions
/v2: oscomputeversion_legacy_v2
/v2.1: oscomputeversion_v2
/v2/+: openstack_compute_api_v21_legacy_v2_compatible
/v2.1/+: openstack_compute_api_v21

[composite:openstack_compute_api_v21]
use = call:nova.api.auth:pipeline_factory_v21
keystone = cors http_proxy_to_wsgi compute_req_id faultwrap request_log sizelimit osprofiler authtoken keystonecontext osapi_compute_app_v21

[composite:openstack_compute_api_v21_legacy_v2_compatible]
use = call:nova.api.auth:pipeline_factory_v21
keystone = cors http_proxy_to_wsgi compute_req_id faultwrap request_log sizelimit osprofiler authtoken keystonecontext legacy_v2_compatible osapi_compute_app_v21

[filter:request_log]
paste.filter_factory = nova.api.openstack.requestlog:RequestLog.factory

[filter:compute_req_id]
paste.filter_factory = nova.api.compute_req_id:ComputeReqIdMiddleware.factory

[filter:faultwrap]
paste.filter_factory = nova.api.openstack:FaultWrapper.factory

[filter:osprofiler]
paste.filter_factory = nova.profiler:WsgiMiddleware.factory

[filter:sizelimit]
paste.filter_factory = oslo_middleware:RequestBodySizeLimiter.factory

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory

[filter:legacy_v2_compatible]
paste.filter_factory = nova.api.openstack:LegacyV2CompatibleWrapper.factory

[app:osapi_compute_app_v21]
paste.app_factory = nova.api.openstack.compute:APIRouterV21.factory

[pipeline:oscomputeversions]
pipeline = cors faultwrap request_log http_proxy_to_wsgi oscomputeversionapp

[pipeline:oscomputeversion_v2]
pipeline = cors compute_req_id faultwrap request_log http_proxy_to_wsgi oscomputeversionapp_v2

[pipeline:oscomputeversion_legacy_v2]
pipeline = cors compute_req_id faultwrap request_log http_proxy_to_wsgi legacy_v2_compatible oscomputeversionapp_v2

[app:oscomputeversionapp]
paste.app_factory = nova.api.openstack.compute.versions:Versions.factory

[app:oscomputeversionapp_v2]
paste.app_factory = nova.api.openstack.compute.versions:VersionsV2.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = nova

[filter:keystonecontext]
paste.filter_factory = nova.api.auth:NovaKeystoneContext.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
EOF

port_free 8774 nova-api bin/nova-api
port_free 9696 neutron-stub neutron_stub.py
port_free 8778 placement "osdev-placement\\|--http-socket 127.0.0.1:8778"

# ---- databases (once per package version)
PLACEMENT_VER=$(dpkg-query -W -f='${Version}' python3-placement)
if [ "$(cat "$STATE/placement/.db-version" 2>/dev/null)" != "$PLACEMENT_VER" ]; then
  log "syncing placement database ($PLACEMENT_VER)"
  placement-manage db sync >>"$LOGS/placement-manage.out" 2>&1 \
    || die "placement db sync failed, see $LOGS/placement-manage.out"
  echo "$PLACEMENT_VER" > "$STATE/placement/.db-version"
fi
NM=("$LIB/bin/nova-manage" --config-file /etc/nova/nova.conf)
NOVA_VER=$(dpkg-query -W -f='${Version}' python3-nova)
if [ "$(cat "$STATE/nova/.db-version" 2>/dev/null)" != "$NOVA_VER" ]; then
  log "syncing nova databases and cells ($NOVA_VER)"
  {
    "${NM[@]}" api_db sync &&
    "${NM[@]}" cell_v2 map_cell0 --database_connection "$(printf "$DB" nova_cell0)" &&
    { "${NM[@]}" cell_v2 list_cells | grep -q ' cell1 ' ||
      "${NM[@]}" cell_v2 create_cell --name cell1; } &&
    "${NM[@]}" db sync
  } >>"$LOGS/nova-manage.out" 2>&1 || die "nova db sync failed, see $LOGS/nova-manage.out"
  echo "$NOVA_VER" > "$STATE/nova/.db-version"
fi

# ---- processes
PL_PAT="osdev-placement\\|--http-socket 127.0.0.1:8778"
PLACEMENT_UWSGI=(/usr/bin/uwsgi_python3 --plugin python3
  --http-socket 127.0.0.1:8778 --wsgi-file /usr/bin/placement-api
  --master --processes 1 --threads 4 --enable-threads --lazy-apps
  --die-on-term --need-app --buffer-size 65535 --procname-prefix osdev-placement-
  --add-header "Connection: close" --logto "$LOGS/placement-uwsgi.log")
if [ $PLACEMENT_CHANGED = 1 ]; then stop "placement=$PL_PAT"; fi
start placement "$PL_PAT" "${PLACEMENT_UWSGI[@]}"

put "$LIB/neutron_stub.py" < "$HERE/osdev_neutron_stub.py" && stop neutron-stub=neutron_stub.py || true
start neutron-stub neutron_stub.py $PY "$LIB/neutron_stub.py"

NOVA_SVCS="api conductor scheduler compute"
# the files the running services were started with: a run that wrote new
# files but died before restarting the services still restarts them next time
NOVA_SUM=$(cat "$LIB"/bin/nova-* /etc/nova/nova.conf /etc/nova/api-paste.ini | md5sum | cut -d' ' -f1)
[ "$(cat "$STATE/nova/.started-with" 2>/dev/null)" = "$NOVA_SUM" ] || NOVA_CHANGED=1
if [ $NOVA_CHANGED = 1 ]; then
  log "nova files changed: (re)starting nova services"
  stop nova-api=bin/nova-api nova-conductor=bin/nova-conductor \
       nova-scheduler=bin/nova-scheduler nova-compute=bin/nova-compute
fi
for s in $NOVA_SVCS; do
  start "nova-$s" "bin/nova-$s" "$LIB/bin/nova-$s" \
    --config-file /etc/nova/nova.conf --log-file "$LOGS/nova-$s.log"
done
wait_http "$PLACEMENT_URL/" '^200$' placement placement "$PL_PAT"
wait_http "$NOVA_URL/" '^200$' nova-api nova-api bin/nova-api
echo "$NOVA_SUM" > "$STATE/nova/.started-with"
log "nova-api answers; seeding a flavor and one server per project"

# servers per project (waits for the compute host to be mapped and ACTIVE)
$PY "$HERE/osdev_nova_seed.py" "$TIMEOUT" | sed 's/^/[up] /' \
  || die "nova seed failed, see $LOGS/nova-*.log"
log "nova ready"
