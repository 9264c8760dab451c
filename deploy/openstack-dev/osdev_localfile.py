"""Sparse-file Cinder volume driver for a local development cloud (osdev).

Every volume is a sparse file ``<localfile_volume_dir>/volume-<id>`` and every
snapshot a sparse copy ``snapshot-<id>``.  Connections are of type ``local``
(os-brick LocalConnector: the "device" is the file path), so cinder-backup
can read/write volumes without iSCSI, LVM or device-mapper, none of which
exist in this VM.  Everything above the driver (API, scheduler, volume
manager, backup manager, posix backup driver, quotas, RPC) is stock Cinder.

Images (Glance) are written into and read from the volume files through
the same 'local' connections by the base class (qemu-img convert).

Two backends of this driver (``localfile`` and ``localfile2``, each with its
own directory) make migration between pools real: Cinder's generic,
host-assisted migration copies the file through two 'local' connections.
Files in a backend's directory that Cinder does not know are manageable
(``manage_existing`` renames them into Cinder's naming; ``unmanage`` leaves
them where they are, listed again by ``get_manageable_volumes``).

Not for production: no real block device, no attach to instances.
"""

import math
import os
import time

from oslo_config import cfg
from oslo_log import log as logging

from cinder.common import constants
from cinder import exception
from cinder.volume import configuration
from cinder.volume import driver
from cinder.volume import volume_utils

LOG = logging.getLogger(__name__)

localfile_opts = [
    cfg.StrOpt('localfile_volume_dir',
               default='/var/lib/osdev/cinder/volumes',
               help='Directory holding the sparse volume/snapshot files.'),
    cfg.IntOpt('localfile_capacity_gb',
               default=1000,
               help='Capacity (GiB) reported to the scheduler.'),
]

CONF = cfg.CONF
CONF.register_opts(localfile_opts, group=configuration.SHARED_CONF_GROUP)

GiB = 1024 ** 3


class LocalFileVolumeDriver(driver.VolumeDriver):
    """Volumes as sparse files; 'local' connections; dev/test only."""

    VERSION = '1.0.0'
    CI_WIKI_NAME = 'N/A'

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.configuration.append_config_values(localfile_opts)
        self._dir = self.configuration.safe_get('localfile_volume_dir')
        self._capacity = self.configuration.safe_get('localfile_capacity_gb')
        self.backend_name = (
            self.configuration.safe_get('volume_backend_name') or 'localfile')

    # -- helpers -----------------------------------------------------------
    def _vol_path(self, volume):
        return os.path.join(self._dir, volume.name)

    def _snap_path(self, snapshot):
        return os.path.join(self._dir, snapshot.name)

    @staticmethod
    def _resize(path, size_gb):
        with open(path, 'r+b') as f:
            f.truncate(int(size_gb) * GiB)

    def _copy(self, src, dst):
        if not os.path.exists(src):
            raise exception.VolumeBackendAPIException(
                data='source file %s is missing' % src)
        tmp = dst + '.part'
        self._execute('cp', '--sparse=always', src, tmp)
        os.replace(tmp, dst)

    # -- setup -------------------------------------------------------------
    def do_setup(self, context):
        os.makedirs(self._dir, exist_ok=True)

    def check_for_setup_error(self):
        if not os.access(self._dir, os.W_OK):
            raise exception.VolumeBackendAPIException(
                data='%s is not writable' % self._dir)

    # -- volumes -----------------------------------------------------------
    def create_volume(self, volume):
        path = self._vol_path(volume)
        with open(path, 'wb') as f:
            f.truncate(int(volume.size) * GiB)
        LOG.info('localfile: created %s (%s GiB)', path, volume.size)

    def delete_volume(self, volume):
        # A real backend's delete takes a while (LVM wipes, arrays answer slowly); an unlink does
        # not. A volume whose metadata asks for it (osdev_delete_seconds, at most 30) stays in
        # `deleting` that long, so a test can act on a delete in progress as it can on a real cloud.
        # Cinder's volume service runs under eventlet: the sleep yields to its other work.
        hold = (volume.metadata or {}).get('osdev_delete_seconds')
        if hold:
            time.sleep(min(float(hold), 30))
        try:
            os.unlink(self._vol_path(volume))
        except FileNotFoundError:
            pass

    def extend_volume(self, volume, new_size):
        self._resize(self._vol_path(volume), new_size)

    def create_cloned_volume(self, volume, src_vref):
        path = self._vol_path(volume)
        self._copy(self._vol_path(src_vref), path)
        self._resize(path, volume.size)

    def copy_image_to_volume(self, context, volume, image_service, image_id):
        # The base class writes the image through the 'local' connection,
        # i.e. "qemu-img convert -O raw IMAGE <backing file>", and qemu-img
        # recreates the target at the image's virtual size (64 MiB for the
        # seed image).  Grow the file back to the volume's size, as Cinder's
        # file-based drivers (NFS & co.) do with resize_image.
        super().copy_image_to_volume(context, volume, image_service, image_id)
        self._resize(self._vol_path(volume), volume.size)

    def retype(self, context, volume, new_type, diff, host):
        # One pool, no type-specific placement: every retype is a no-op.
        return True, None

    # -- snapshots ---------------------------------------------------------
    def create_snapshot(self, snapshot):
        self._copy(self._vol_path(snapshot.volume), self._snap_path(snapshot))

    def delete_snapshot(self, snapshot):
        try:
            os.unlink(self._snap_path(snapshot))
        except FileNotFoundError:
            pass

    def create_volume_from_snapshot(self, volume, snapshot):
        path = self._vol_path(volume)
        self._copy(self._snap_path(snapshot), path)
        self._resize(path, volume.size)

    def revert_to_snapshot(self, context, volume, snapshot):
        path = self._vol_path(volume)
        self._copy(self._snap_path(snapshot), path)
        self._resize(path, volume.size)

    # -- export / connection ----------------------------------------------
    def ensure_export(self, context, volume):
        pass

    def create_export(self, context, volume, connector):
        pass

    def remove_export(self, context, volume):
        pass

    def create_export_snapshot(self, context, snapshot, connector):
        pass

    def remove_export_snapshot(self, context, snapshot):
        pass

    def initialize_connection(self, volume, connector):
        return {'driver_volume_type': 'local',
                'data': {'device_path': self._vol_path(volume)}}

    def terminate_connection(self, volume, connector, **kwargs):
        pass

    def initialize_connection_snapshot(self, snapshot, connector, **kwargs):
        return {'driver_volume_type': 'local',
                'data': {'device_path': self._snap_path(snapshot)}}

    def terminate_connection_snapshot(self, snapshot, connector, **kwargs):
        pass

    # -- manage / unmanage -------------------------------------------------
    def _existing_path(self, existing_ref):
        name = (existing_ref or {}).get('source-name')
        if not name or os.sep in name or name.startswith('.'):
            raise exception.ManageExistingInvalidReference(
                existing_ref=existing_ref,
                reason='name a file of the backend as source-name')
        path = os.path.join(self._dir, name)
        if not os.path.isfile(path):
            raise exception.ManageExistingInvalidReference(
                existing_ref=existing_ref,
                reason='%s is not on backend %s' % (name, self.backend_name))
        return path

    def _size_gb(self, path):
        return max(int(math.ceil(os.path.getsize(path) / float(GiB))), 1)

    def manage_existing_get_size(self, volume, existing_ref):
        return self._size_gb(self._existing_path(existing_ref))

    def manage_existing(self, volume, existing_ref):
        path = self._existing_path(existing_ref)
        target = self._vol_path(volume)
        if path != target:
            os.replace(path, target)
        # Cinder's size is whole GiB: grow the file to it.
        self._resize(target, self._size_gb(target))
        return None

    def unmanage(self, volume):
        # The file stays, under the name Cinder gave it: manageable again.
        pass

    def manage_existing_snapshot_get_size(self, snapshot, existing_ref):
        return self._size_gb(self._existing_path(existing_ref))

    def manage_existing_snapshot(self, snapshot, existing_ref):
        path = self._existing_path(existing_ref)
        target = self._snap_path(snapshot)
        if path != target:
            os.replace(path, target)
        return None

    def unmanage_snapshot(self, snapshot):
        pass

    def _manageable(self, prefix, known, sort_keys, sort_dirs, marker, limit,
                    offset, snapshots=False):
        entries = []
        try:
            names = sorted(os.listdir(self._dir))
        except OSError:
            names = []
        for name in names:
            path = os.path.join(self._dir, name)
            if name.endswith('.part') or not os.path.isfile(path):
                continue
            is_snapshot = name.startswith('snapshot-')
            if is_snapshot != snapshots:
                continue
            cinder_id = known.get(name)
            entry = {
                'reference': {'source-name': name},
                'size': self._size_gb(path),
                'safe_to_manage': cinder_id is None,
                'reason_not_safe': 'already managed' if cinder_id else None,
                'cinder_id': cinder_id,
                'extra_info': None,
            }
            if snapshots:
                entry['source_reference'] = {}
            entries.append(entry)
        return volume_utils.paginate_entries_list(
            entries, marker, limit, offset, sort_keys, sort_dirs)

    def get_manageable_volumes(self, cinder_volumes, marker, limit, offset,
                               sort_keys, sort_dirs):
        known = {v.name: v.id for v in cinder_volumes}
        return self._manageable('volume-', known, sort_keys, sort_dirs,
                                marker, limit, offset)

    def get_manageable_snapshots(self, cinder_snapshots, marker, limit, offset,
                                 sort_keys, sort_dirs):
        known = {s.name: s.id for s in cinder_snapshots}
        return self._manageable('snapshot-', known, sort_keys, sort_dirs,
                                marker, limit, offset, snapshots=True)

    # -- stats -------------------------------------------------------------
    def get_pool(self, volume):
        return self.backend_name

    def _update_volume_stats(self):
        allocated = 0
        try:
            for name in os.listdir(self._dir):
                if name.startswith('volume-') and not name.endswith('.part'):
                    allocated += os.path.getsize(os.path.join(self._dir, name))
        except OSError:
            pass
        allocated_gb = allocated // GiB
        pool = {
            'pool_name': self.backend_name,
            'total_capacity_gb': self._capacity,
            'free_capacity_gb': max(self._capacity - allocated_gb, 0),
            'provisioned_capacity_gb': allocated_gb,
            'reserved_percentage': 0,
            'max_over_subscription_ratio': 1.0,
            'thin_provisioning_support': False,
            'thick_provisioning_support': True,
            'QoS_support': False,
            'multiattach': True,
            'replication_enabled': False,
            'consistencygroup_support': False,
            'consistent_group_snapshot_enabled': False,
            'online_extend_support': True,
            'backend_state': 'up',
            'location_info': 'LocalFileVolumeDriver:%s:%s' % (
                self.host, self._dir),
        }
        self._stats = {
            'volume_backend_name': self.backend_name,
            'vendor_name': 'Open Source',
            'driver_version': self.VERSION,
            'storage_protocol': constants.FILE,
            'sparse_copy_volume': True,
            'pools': [pool],
        }
