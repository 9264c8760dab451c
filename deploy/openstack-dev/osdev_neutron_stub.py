#!/usr/bin/python3
"""A stand-in for Neutron on the osdev rig: empty ports and security groups.

Nova has no "no network service" mode: showing or listing servers asks
Neutron for the servers' ports and security groups.  This rig has no Neutron
(servers are created with "networks": "none"), so this answers those reads
with empty lists, and every other call with 404, on 127.0.0.1:9696.  It never
pretends a write succeeded.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EMPTY = {'/v2.0/ports': 'ports', '/v2.0/security-groups': 'security_groups',
         '/v2.0/floatingips': 'floatingips', '/v2.0/networks': 'networks',
         '/v2.0/subnets': 'subnets', '/v2.0/extensions': 'extensions'}


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def _send(self, code, body):
        raw = json.dumps(body).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = self.path.split('?', 1)[0].rstrip('/')
        if path in ('', '/v2.0'):
            return self._send(200, {'versions': [{'id': 'v2.0', 'status': 'CURRENT', 'links': [
                {'rel': 'self', 'href': 'http://127.0.0.1:9696/v2.0/'}]}]})
        key = EMPTY.get(path)
        if key:
            return self._send(200, {key: []})
        return self._send(404, {'NeutronError': {'type': 'HTTPNotFound', 'message': 'osdev stub: no %s' % path, 'detail': ''}})

    def _refuse(self):
        self._send(404, {'NeutronError': {'type': 'HTTPNotFound', 'message': 'osdev stub is read-only', 'detail': ''}})

    do_POST = do_PUT = do_DELETE = _refuse  # noqa: N815

    def log_message(self, fmt, *args):
        sys.stderr.write('%s %s\n' % (self.log_date_time_string(), fmt % args))


if __name__ == '__main__':
    ThreadingHTTPServer(('127.0.0.1', 9696), Handler).serve_forever()
