#!/usr/bin/python3
"""Idempotently upload the seed image ``cirros-tiny`` (public) to Glance.

    osdev_glance_seed.py IMAGE_FILE

Talks to Keystone and Glance over REST (stdlib only), as admin: only an admin
may create public images.  If an active image with that name and the same
content already exists nothing happens; an earlier seed that never became
active (an upload that was cut short) or has other content is deleted and
the image is uploaded again.  The image id is added to ids.json
(key ``images``).  Configuration comes from environment variables set by
up.sh.  Prints a one-line summary.
"""
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request

KS = os.environ.get('OSDEV_KEYSTONE_URL', 'http://127.0.0.1:5000/v3')
GLANCE = os.environ.get('OSDEV_GLANCE_URL', 'http://127.0.0.1:9292')
ADMIN_PW = os.environ['OSDEV_ADMIN_PASSWORD']
NAME = os.environ.get('OSDEV_IMAGE_NAME', 'cirros-tiny')


def call(method, url, body=None, token=None, ok=(200, 201, 204),
         ctype='application/json', raw=None):
    data = raw if raw is not None else (
        json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header('Content-Type', ctype)
    req.add_header('Accept', 'application/json')
    if token:
        req.add_header('X-Auth-Token', token)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            out = r.read()
            return r.status, dict(r.headers), (json.loads(out) if out else None)
    except urllib.error.HTTPError as e:
        out = e.read()
        if e.code in ok:
            return e.code, dict(e.headers), None
        raise SystemExit('%s %s -> %s %s' % (method, url, e.code, out[:500]))


def main():
    path = sys.argv[1]
    with open(path, 'rb') as f:
        data = f.read()
    _, h, _ = call('POST', KS + '/auth/tokens', {'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': 'admin', 'domain': {'id': 'default'},
            'password': ADMIN_PW}}},
        'scope': {'project': {'name': 'admin',
                              'domain': {'id': 'default'}}}}})
    tok = h['X-Subject-Token']

    # Ours = active and the same bytes (md5 checksum) as IMAGE_FILE.  Other
    # images we made (property osdev_seed) that are not ours -- an upload cut
    # short, an older seed -- are deleted; anybody else's image of the same
    # name is left alone but reported, since it makes the name ambiguous.
    md5 = hashlib.md5(data).hexdigest()
    _, _, body = call('GET', GLANCE + '/v2/images?name=%s' % NAME, token=tok)
    image = None
    for im in body['images']:
        if image is None and im['status'] == 'active' \
                and im.get('checksum') == md5:
            image = im
        elif im.get('osdev_seed') == 'true':
            call('DELETE', GLANCE + '/v2/images/' + im['id'], token=tok,
                 ok=(204, 404))
            print('deleted stale seed image %s (%s)' % (im['id'],
                                                         im['status']))
        else:
            print('WARNING: another image named %s exists: %s (owner %s)' % (
                NAME, im['id'], im.get('owner')))
    action = 'present'
    if image is None:
        fmt = os.environ.get('OSDEV_IMAGE_FORMAT', 'qcow2')
        _, _, image = call('POST', GLANCE + '/v2/images', {
            'name': NAME, 'visibility': 'public', 'disk_format': fmt,
            'container_format': 'bare', 'min_disk': 0, 'min_ram': 0,
            'os_distro': 'cirros', 'osdev_seed': 'true'}, token=tok)
        call('PUT', GLANCE + '/v2/images/%s/file' % image['id'], token=tok,
             ctype='application/octet-stream', raw=data)
        deadline = time.time() + 60
        while image['status'] != 'active':
            if time.time() > deadline or image['status'] in ('killed',
                                                             'deleted'):
                raise SystemExit('image %s stuck in %s' % (image['id'],
                                                          image['status']))
            time.sleep(0.5)
            _, _, image = call('GET', GLANCE + '/v2/images/' + image['id'],
                               token=tok)
        if image.get('checksum') != md5:
            raise SystemExit('image %s checksum mismatch' % image['id'])
        action = 'uploaded'

    ids = os.environ.get('OSDEV_IDS_FILE')
    if ids:
        try:
            with open(ids) as f:
                doc = json.load(f)
        except (OSError, ValueError):
            doc = {}
        doc.setdefault('images', {})[NAME] = image['id']
        with open(ids + '.tmp', 'w') as f:
            json.dump(doc, f, indent=1)
        os.replace(ids + '.tmp', ids)
    print('image %s %s (%s, %s bytes, %s)' % (
        NAME, action, image['id'], image.get('size'), image['disk_format']))


if __name__ == '__main__':
    sys.exit(main())
