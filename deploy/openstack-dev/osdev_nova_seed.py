#!/usr/bin/python3
"""Seed Nova on the osdev rig: a tiny flavor and servers per project.

Idempotent (finds by name before creating).  Waits for the fake compute
host to be mapped (the scheduler's periodic discover_hosts) and for every
seeded server to be ACTIVE.  Records the server ids in ids.json under
"servers": {project: {name: id}}.  Stdlib only, like osdev_keystone_setup.py.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request

KS = 'http://127.0.0.1:5000/v3'
NOVA = 'http://127.0.0.1:8774/v2.1'
GLANCE = 'http://127.0.0.1:9292'
FLAVOR = 'osdev.nano'
# project -> (user, password env var, server names)
SEED = {'demo': ('demo', 'OSDEV_DEMO_PASSWORD', ['osdev-web', 'osdev-db']),
        'alt_demo': ('alt_demo', 'OSDEV_ALT_DEMO_PASSWORD', ['osdev-alt'])}


def call(method, url, body=None, token=None, ok=(200, 201, 202, 204)):
    req = urllib.request.Request(url, method=method,
                                 data=json.dumps(body).encode() if body else None)
    req.add_header('Content-Type', 'application/json')
    # 2.37: "networks": "none" (no Neutron on this rig)
    req.add_header('OpenStack-API-Version', 'compute 2.37')
    if token:
        req.add_header('X-Auth-Token', token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, r.headers, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        if e.code in ok:
            return e.code, e.headers, None
        raise SystemExit('%s %s -> %s %s' % (method, url, e.code, raw[:400]))


def token(user, password, project):
    _, h, _ = call('POST', KS + '/auth/tokens', {'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': user, 'domain': {'id': 'default'}, 'password': password}}},
        'scope': {'project': {'name': project, 'domain': {'id': 'default'}}}}})
    return h['X-Subject-Token']


def ensure_flavor(admin):
    _, _, b = call('GET', NOVA + '/flavors', token=admin)
    for f in b['flavors']:
        if f['name'] == FLAVOR:
            return f['id']
    _, _, b = call('POST', NOVA + '/flavors', {'flavor': {
        'name': FLAVOR, 'ram': 64, 'vcpus': 1, 'disk': 1,
        'os-flavor-access:is_public': True}}, token=admin)
    return b['flavor']['id']


def image_id(tok):
    _, _, b = call('GET', GLANCE + '/v2/images?name=cirros-tiny', token=tok)
    if not b['images']:
        raise SystemExit('seed image cirros-tiny not found in Glance')
    return b['images'][0]['id']


def wait_hypervisor(admin, deadline):
    while time.time() < deadline:
        _, _, b = call('GET', NOVA + '/os-hypervisors', token=admin)
        if b['hypervisors']:
            return
        time.sleep(1)
    raise SystemExit('no nova-compute hypervisor registered in time')


def ensure_servers(tok, names, flavor, image, deadline):
    _, _, b = call('GET', NOVA + '/servers/detail', token=tok)
    have = {s['name']: s for s in b['servers']}
    for name in names:
        s = have.get(name)
        if s and s['status'] == 'ERROR':
            raise SystemExit('seeded server %s is in ERROR' % name)
        if not s:
            _, _, c = call('POST', NOVA + '/servers', {'server': {
                'name': name, 'imageRef': image, 'flavorRef': flavor,
                'networks': 'none'}}, token=tok)
            have[name] = c['server']
    ids = {n: have[n]['id'] for n in names}
    while time.time() < deadline:
        states = {n: call('GET', '%s/servers/%s' % (NOVA, i), token=tok)[2]
                  ['server']['status'] for n, i in ids.items()}
        if 'ERROR' in states.values():
            raise SystemExit('server went to ERROR: %s' % states)
        if set(states.values()) == {'ACTIVE'}:
            return ids
        time.sleep(1)
    raise SystemExit('servers not ACTIVE in time: %s' % states)


def main():
    deadline = time.time() + int(sys.argv[1] if len(sys.argv) > 1 else 120)
    admin = token('admin', os.environ['OSDEV_ADMIN_PASSWORD'], 'admin')
    wait_hypervisor(admin, deadline)
    flavor = ensure_flavor(admin)
    image = image_id(admin)
    servers = {}
    for project, (user, pw_env, names) in SEED.items():
        tok = token(user, os.environ[pw_env], project)
        servers[project] = ensure_servers(tok, names, flavor, image, deadline)
    path = os.environ.get('OSDEV_IDS_FILE')
    if path:
        with open(path) as f:
            ids = json.load(f)
        ids['servers'] = servers
        ids['flavor'] = flavor
        with open(path + '.tmp', 'w') as f:
            json.dump(ids, f, indent=1)
        os.replace(path + '.tmp', path)
    print('nova servers ok: %s' % ', '.join(
        '%s/%s' % (p, n) for p, s in servers.items() for n in s))


if __name__ == '__main__':
    sys.exit(main())
