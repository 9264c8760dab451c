#!/usr/bin/env bash
# smoke.sh - quick check that the osdev rig works end to end (see smoke.py):
# demo logs in, lists volumes, makes a bootable volume from cirros-tiny,
# uploads it to a new image, deletes both.  Exit 0 = OK, 1 = surprise.
# Uses Debian's /usr/bin/python3 (stdlib only), never a venv python on PATH.
set -euo pipefail
HERE="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
exec /usr/bin/python3 "$HERE/smoke.py" "$@"
