#!/usr/bin/python3
"""Idempotently create the osdev projects/users/roles/services/endpoints.

Talks to Keystone's REST API only (stdlib, no clients).  Configuration comes
from environment variables set by up.sh.  Prints nothing on success except a
one-line summary of what had to be created.

The seed matches the console's embedded emulator (packages/emulator, keystone
identity store): domain Default, users admin/demo/alt_demo/reader whose
passwords default to their user names, plus the service users cinder,
glance, nova and placement that keystonemiddleware needs.
"""
import json
import os
import sys
import urllib.error
import urllib.request

KS = os.environ.get('OSDEV_KEYSTONE_URL', 'http://127.0.0.1:5000/v3')
CINDER = os.environ.get('OSDEV_CINDER_URL', 'http://127.0.0.1:8776/v3/%(project_id)s')
GLANCE = os.environ.get('OSDEV_GLANCE_URL', 'http://127.0.0.1:9292')
NOVA = os.environ.get('OSDEV_NOVA_URL', 'http://127.0.0.1:8774/v2.1')
PLACEMENT = os.environ.get('OSDEV_PLACEMENT_URL', 'http://127.0.0.1:8778')
NEUTRON_STUB = os.environ.get('OSDEV_NETWORK_URL', 'http://127.0.0.1:9696')
REGION = os.environ.get('OSDEV_REGION', 'RegionOne')
ADMIN_PW = os.environ['OSDEV_ADMIN_PASSWORD']
DEMO_PW = os.environ['OSDEV_DEMO_PASSWORD']
ALT_DEMO_PW = os.environ['OSDEV_ALT_DEMO_PASSWORD']
READER_PW = os.environ['OSDEV_READER_PASSWORD']
CINDER_PW = os.environ['OSDEV_CINDER_PASSWORD']
GLANCE_PW = os.environ['OSDEV_GLANCE_PASSWORD']
NOVA_PW = os.environ.get('OSDEV_NOVA_PASSWORD', 'nova')
PLACEMENT_PW = os.environ.get('OSDEV_PLACEMENT_PASSWORD', 'placement')

created = []


def call(method, path, body=None, token=None, ok=(200, 201, 204)):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(KS + path, data=data, method=method)
    req.add_header('Content-Type', 'application/json')
    req.add_header('Accept', 'application/json')
    if token:
        req.add_header('X-Auth-Token', token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, dict(r.headers), (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        if e.code in ok:
            return e.code, dict(e.headers), (json.loads(raw) if raw else None)
        raise SystemExit('keystone %s %s -> %s %s' % (method, path, e.code,
                                                     raw[:500]))


def admin_token():
    body = {'auth': {'identity': {'methods': ['password'], 'password': {
        'user': {'name': 'admin', 'domain': {'id': 'default'},
                 'password': ADMIN_PW}}},
        'scope': {'project': {'name': 'admin', 'domain': {'id': 'default'}}}}}
    _, headers, _ = call('POST', '/auth/tokens', body)
    return headers['X-Subject-Token']


def find(token, coll, **query):
    qs = '&'.join('%s=%s' % kv for kv in query.items())
    _, _, body = call('GET', '/%s?%s' % (coll, qs), token=token)
    items = body[coll]
    return items[0] if items else None


def ensure(token, coll, key, match, attrs):
    item = find(token, coll, **match)
    if item:
        return item
    _, _, body = call('POST', '/' + coll, {key: attrs}, token=token)
    created.append('%s:%s' % (key, attrs.get('name') or attrs.get('type')))
    return body[key]


def main():
    tok = admin_token()
    roles = {r: ensure(tok, 'roles', 'role', {'name': r}, {'name': r})['id']
             for r in ('admin', 'member', 'reader', 'service')}
    # admin project and user come from keystone-manage bootstrap
    projects = {'admin': find(tok, 'projects', name='admin',
                              domain_id='default')['id']}
    users = {'admin': find(tok, 'users', name='admin',
                           domain_id='default')['id']}
    for name, desc in (('service', 'Service users'),
                       ('demo', 'Demo project (member role for user demo)'),
                       ('alt_demo', 'Second tenant for isolation tests'),
                       ('demo_staging', 'Second project of user demo, for project switching')):
        projects[name] = ensure(
            tok, 'projects', 'project', {'name': name, 'domain_id': 'default'},
            {'name': name, 'domain_id': 'default', 'description': desc,
             'enabled': True})['id']

    for name, pw, proj in (('demo', DEMO_PW, 'demo'),
                           ('alt_demo', ALT_DEMO_PW, 'alt_demo'),
                           ('reader', READER_PW, 'demo'),
                           ('cinder', CINDER_PW, 'service'),
                           ('glance', GLANCE_PW, 'service'),
                           ('nova', NOVA_PW, 'service'),
                           ('placement', PLACEMENT_PW, 'service')):
        u = ensure(tok, 'users', 'user', {'name': name, 'domain_id': 'default'},
                   {'name': name, 'domain_id': 'default', 'password': pw,
                    'default_project_id': projects[proj], 'enabled': True})
        users[name] = u['id']
        # keep the password in sync with the environment, but only touch it
        # when it differs: a password change revokes the user's tokens
        st, _, _ = call('POST', '/auth/tokens', {'auth': {'identity': {
            'methods': ['password'], 'password': {'user': {
                'id': u['id'], 'password': pw}}}}}, ok=(201, 401))
        if st == 401:
            call('PATCH', '/users/%s' % u['id'], {'user': {'password': pw}},
                 token=tok)
            created.append('password:%s' % name)

    grants = [('demo', 'demo', 'member'), ('demo', 'demo', 'reader'),
              ('demo', 'demo_staging', 'member'), ('demo', 'demo_staging', 'reader'),
              ('alt_demo', 'alt_demo', 'member'),
              ('alt_demo', 'alt_demo', 'reader'),
              ('reader', 'demo', 'reader'),
              ('cinder', 'service', 'admin'), ('cinder', 'service', 'service'),
              ('glance', 'service', 'admin'), ('glance', 'service', 'service'),
              ('nova', 'service', 'admin'), ('nova', 'service', 'service'),
              ('placement', 'service', 'admin'),
              ('placement', 'service', 'service')]
    for user, proj, role in grants:
        call('PUT', '/projects/%s/users/%s/roles/%s' % (
            projects[proj], users[user], roles[role]), token=tok)

    for stype, sname, desc, url in (
            ('volumev3', 'cinderv3', 'Cinder Volume Service V3', CINDER),
            ('block-storage', 'cinder', 'Cinder Block Storage', CINDER),
            ('image', 'glance', 'Glance Image Service', GLANCE),
            ('compute', 'nova', 'Nova Compute Service', NOVA),
            ('placement', 'placement', 'Placement API', PLACEMENT),
            # read-only stand-in (osdev_neutron_stub.py) that Nova asks for
            # the servers' ports and security groups
            ('network', 'neutron', 'osdev Neutron stub', NEUTRON_STUB)):
        svc = ensure(tok, 'services', 'service', {'type': stype},
                     {'type': stype, 'name': sname, 'description': desc,
                      'enabled': True})
        _, _, body = call('GET', '/endpoints?service_id=%s' % svc['id'],
                          token=tok)
        have = {e['interface']: e for e in body['endpoints']}
        for iface in ('public', 'internal', 'admin'):
            ep = have.get(iface)
            if ep and ep['url'] == url and ep.get('region_id') == REGION:
                continue
            if ep:
                call('DELETE', '/endpoints/%s' % ep['id'], token=tok)
            call('POST', '/endpoints', {'endpoint': {
                'service_id': svc['id'], 'interface': iface, 'url': url,
                'region_id': REGION, 'enabled': True}}, token=tok)
            created.append('endpoint:%s/%s' % (stype, iface))

    out = {'projects': projects, 'users': users, 'roles': roles,
           'created': created}
    path = os.environ.get('OSDEV_IDS_FILE')
    if path:
        # keep keys other steps added (the seed image id from up.sh)
        try:
            with open(path) as f:
                old = json.load(f)
        except (OSError, ValueError):
            old = {}
        old.update(out)
        with open(path + '.tmp', 'w') as f:
            json.dump(old, f, indent=1)
        os.replace(path + '.tmp', path)
    print('keystone resources ok%s' % (
        (' (created: %s)' % ', '.join(created)) if created else ''))


if __name__ == '__main__':
    sys.exit(main())
