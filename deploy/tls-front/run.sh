#!/usr/bin/env bash
# Runs Debian's nginx as a TLS front for a BFF, in the foreground, with a self-signed CA made on
# first use: run.sh WORKDIR LISTEN BFF, e.g. run.sh /tmp/front 127.0.0.1:8443 127.0.0.1:8080.
# WORKDIR receives ca.crt (what clients trust), the server's certificate for localhost and
# 127.0.0.1, the generated nginx.conf, logs and nginx's temporary files.
# Needs nginx and openssl (sudo apt-get install -y nginx-light openssl, or nginx).
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 WORKDIR LISTEN BFF   (e.g. /tmp/front 127.0.0.1:8443 127.0.0.1:8080)" >&2
  exit 2
fi
workdir=$(realpath -m "$1")
listen=$2
bff=$3
here=$(dirname "$(realpath "$0")")
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
mkdir -p "$workdir/tmp"

if [ ! -s "$workdir/server.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Cinder console test CA" \
    -keyout "$workdir/ca.key" -out "$workdir/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$workdir/server.key" -out "$workdir/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
    >"$workdir/server.ext"
  openssl x509 -req -in "$workdir/server.csr" -CA "$workdir/ca.crt" -CAkey "$workdir/ca.key" -CAcreateserial \
    -days 30 -extfile "$workdir/server.ext" -out "$workdir/server.crt" 2>/dev/null
fi

# As root, nginx would hand its workers to `nobody`, who cannot use a private work directory.
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user root;"; fi
sed -e "s|@WORKDIR@|$workdir|g" -e "s|@LISTEN@|$listen|g" -e "s|@BFF@|$bff|g" -e "s|@USER_LINE@|$user_line|" \
  "$here/nginx.conf.template" >"$workdir/nginx.conf"
exec "$nginx" -e "$workdir/error.log" -p "$workdir" -c "$workdir/nginx.conf" -g 'daemon off;'
