#!/usr/bin/python3
"""Quick smoke check of the osdev rig (Keystone + Cinder + Glance).

    /usr/bin/python3 smoke.py [--disk-format qcow2|raw] [--timeout SECONDS]

As user demo: log in, check the catalog, list volumes, create a 1 GiB volume
from the public image ``cirros-tiny`` and wait for ``available`` with
``bootable: "true"``, upload that volume to a new image with
``os-volume_upload_image`` and wait until Glance says ``active``, then delete
the image and the volume.  Cleanup runs even after a failure.  Exit status 0
only if every step did what real OpenStack should do; 1 on any surprise.

Stdlib only.  Endpoints come from the Keystone catalog (public interface).
Env: OSDEV_KEYSTONE_URL (default http://127.0.0.1:5000/v3),
     OSDEV_DEMO_PASSWORD (default demo), OSDEV_IMAGE_NAME (cirros-tiny).
"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request

KS = os.environ.get('OSDEV_KEYSTONE_URL', 'http://127.0.0.1:5000/v3')
DEMO_PW = os.environ.get('OSDEV_DEMO_PASSWORD', 'demo')
IMAGE_NAME = os.environ.get('OSDEV_IMAGE_NAME', 'cirros-tiny')
VOLDIR = '/var/lib/osdev/cinder/volumes'
MARKER = b'OSDEV cirros-tiny seed image\n'
MICROVERSION = 'volume 3.70'
T0 = time.time()


class Surprise(Exception):
    pass


def say(msg):
    print('[smoke %5.1fs] %s' % (time.time() - T0, msg), flush=True)


def call(method, url, body=None, token=None, expect=(200,), headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header('Accept', 'application/json')
    if data is not None:
        req.add_header('Content-Type', 'application/json')
    if token:
        req.add_header('X-Auth-Token', token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status, hdrs, raw = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, e.headers, e.read()
    if status not in expect:
        raise Surprise('%s %s -> HTTP %s (expected %s): %s' % (
            method, url, status, '/'.join(map(str, expect)),
            raw[:400].decode('utf-8', 'replace')))
    try:
        doc = json.loads(raw) if raw else None
    except ValueError:
        doc = None
    return status, hdrs, doc


def wait_for(what, fetch, done, failed, timeout):
    """Poll fetch() until done(obj); Surprise if failed(obj) or timeout."""
    deadline = time.time() + timeout
    seen = []
    while True:
        obj = fetch()
        state = obj.get('status') if isinstance(obj, dict) else obj
        if not seen or seen[-1] != state:
            seen.append(state)
        if done(obj):
            say('%s: %s' % (what, ' -> '.join(map(str, seen))))
            return obj
        if failed(obj):
            raise Surprise('%s failed: %s' % (what, ' -> '.join(map(str, seen))))
        if time.time() > deadline:
            raise Surprise('%s: timeout after %ss (%s)' % (
                what, timeout, ' -> '.join(map(str, seen))))
        time.sleep(0.5)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--disk-format', default='qcow2', choices=('qcow2', 'raw'),
                    help='disk format for os-volume_upload_image (qcow2 keeps '
                         'the uploaded image small)')
    ap.add_argument('--timeout', type=int, default=180,
                    help='seconds to wait for each state change')
    args = ap.parse_args()

    # -- log in as demo, find the endpoints in the catalog ----------------
    _, h, body = call('POST', KS + '/auth/tokens', {'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': 'demo', 'domain': {'name': 'Default'},
            'password': DEMO_PW}}},
        'scope': {'project': {'name': 'demo', 'domain': {'name': 'Default'}}}}},
        expect=(201,))
    tok = h['X-Subject-Token']
    project = body['token']['project']['id']
    catalog = {s['type']: s for s in body['token']['catalog']}
    missing = {'identity', 'volumev3', 'block-storage', 'image'} - set(catalog)
    if missing:
        raise Surprise('catalog lacks %s' % sorted(missing))

    def public(stype):
        for ep in catalog[stype]['endpoints']:
            if ep['interface'] == 'public' and ep['region_id'] == 'RegionOne':
                return ep['url'].rstrip('/')
        raise Surprise('no public RegionOne endpoint for %s' % stype)

    cinder, glance = public('volumev3'), public('image')
    say('logged in as demo (project %s); cinder %s, glance %s' % (
        project, cinder, glance))
    mv = {'OpenStack-API-Version': MICROVERSION}

    _, _, body = call('GET', cinder + '/volumes/detail', token=tok, headers=mv)
    say('demo has %d volume(s)' % len(body['volumes']))

    _, _, body = call('GET', glance + '/v2/images?name=' + IMAGE_NAME,
                      token=tok)
    images = [i for i in body['images'] if i['status'] == 'active']
    if len(images) != 1:
        raise Surprise('expected one active image %r, found %s' % (
            IMAGE_NAME, [(i['id'], i['status']) for i in body['images']]))
    image = images[0]
    if image['visibility'] != 'public':
        raise Surprise('%s is %s, not public' % (IMAGE_NAME,
                                                   image['visibility']))
    say('image %s = %s (%s, %s bytes)' % (IMAGE_NAME, image['id'],
                                          image['disk_format'], image['size']))

    made_volume = made_image = None
    failure = None
    try:
        # -- image -> bootable volume ------------------------------------
        name = 'smoke-%d' % int(time.time())
        _, _, body = call('POST', cinder + '/volumes', {'volume': {
            'size': 1, 'name': name, 'imageRef': image['id']}},
            token=tok, headers=mv, expect=(202,))
        made_volume = body['volume']['id']
        say('creating volume %s from %s' % (made_volume, IMAGE_NAME))

        def get_volume():
            return call('GET', cinder + '/volumes/' + made_volume, token=tok,
                        headers=mv)[2]['volume']
        vol = wait_for('volume %s' % made_volume, get_volume,
                       lambda v: v['status'] == 'available',
                       lambda v: v['status'].startswith('error'), args.timeout)
        if vol['bootable'] != 'true':
            raise Surprise('bootable is %r, expected "true"' % vol['bootable'])
        meta = vol.get('volume_image_metadata') or {}
        if meta.get('image_id') != image['id']:
            raise Surprise('volume_image_metadata.image_id is %r' %
                           meta.get('image_id'))
        # Same machine as the rig? Then prove the image data really landed
        # in the volume's backing file (the seed image starts with a marker).
        path = os.path.join(VOLDIR, 'volume-' + made_volume)
        if os.access(path, os.R_OK):
            with open(path, 'rb') as f:
                if f.read(len(MARKER)) != MARKER:
                    raise Surprise('%s does not start with the image data'
                                   % path)
            if os.path.getsize(path) != vol['size'] * 1024 ** 3:
                raise Surprise('%s is %d bytes, not %d GiB' % (
                    path, os.path.getsize(path), vol['size']))
            say('volume is bootable, image data present in %s' % path)
        else:
            say('volume is bootable (backing file not readable here)')

        # -- volume -> image ---------------------------------------------
        _, _, body = call(
            'POST', cinder + '/volumes/%s/action' % made_volume,
            {'os-volume_upload_image': {
                'image_name': name + '-image', 'force': False,
                'disk_format': args.disk_format, 'container_format': 'bare',
                'visibility': 'private', 'protected': False}},
            token=tok, headers=mv, expect=(202,))
        made_image = body['os-volume_upload_image']['image_id']
        say('uploading volume to image %s (%s)' % (made_image,
                                                   args.disk_format))

        def get_image():
            return call('GET', glance + '/v2/images/' + made_image,
                        token=tok)[2]
        img = wait_for('image %s' % made_image, get_image,
                       lambda i: i['status'] == 'active',
                       lambda i: i['status'] in ('killed', 'deleted'),
                       args.timeout)
        if img['owner'] != project or img['disk_format'] != args.disk_format \
                or not img.get('size'):
            raise Surprise('unexpected image: owner %s format %s size %s' % (
                img['owner'], img['disk_format'], img.get('size')))
        # the volume goes back to available once the upload is done
        wait_for('volume %s after upload' % made_volume, get_volume,
                 lambda v: v['status'] == 'available',
                 lambda v: v['status'].startswith('error'), args.timeout)
        say('image %s active (%s bytes)' % (made_image, img['size']))
    except Exception as e:  # remember it, clean up, then re-raise
        failure = e

    # -- cleanup (also after a failure) -----------------------------------
    problems = []
    if made_image:
        try:
            call('DELETE', glance + '/v2/images/' + made_image, token=tok,
                 expect=(204, 404))
            say('deleted image %s' % made_image)
        except Surprise as e:
            problems.append(str(e))
    if made_volume:
        try:
            # a volume still uploading/creating cannot be deleted yet
            wait_for('volume %s before delete' % made_volume,
                     lambda: call('GET', cinder + '/volumes/' + made_volume,
                                  token=tok, headers=mv)[2]['volume'],
                     lambda v: v['status'] in ('available', 'error'),
                     lambda v: False, args.timeout)
            call('DELETE', cinder + '/volumes/' + made_volume, token=tok,
                 headers=mv, expect=(202,))
            wait_for('delete volume %s' % made_volume,
                     lambda: call('GET', cinder + '/volumes/' + made_volume,
                                  token=tok, headers=mv,
                                  expect=(200, 404))[0],
                     lambda st: st == 404, lambda st: False, args.timeout)
        except Surprise as e:
            problems.append(str(e))
    if failure is not None:
        for p in problems:
            say('cleanup problem: %s' % p)
        raise failure
    if problems:
        raise Surprise('cleanup: ' + '; '.join(problems))


if __name__ == '__main__':
    try:
        main()
    except Surprise as e:
        say('FAIL: %s' % e)
        sys.exit(1)
    except Exception as e:  # connection refused, bad JSON, ...
        say('FAIL: %r' % e)
        sys.exit(1)
    say('OK')
