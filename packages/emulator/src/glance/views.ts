import type { ImageRecord } from './state.js';

function glanceTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An image as Glance v2 renders it: fixed fields plus its custom properties at top level. */
export function imageView(image: ImageRecord) {
  return {
    ...image.properties,
    id: image.id,
    name: image.name,
    status: image.status,
    visibility: image.visibility,
    protected: image.protected,
    os_hidden: false,
    owner: image.owner,
    disk_format: image.diskFormat,
    container_format: image.containerFormat,
    size: image.size,
    virtual_size: image.size,
    min_disk: image.minDisk,
    min_ram: image.minRam,
    checksum: image.checksum,
    os_hash_algo: image.checksum ? 'sha512' : null,
    os_hash_value: image.checksum ? image.checksum.repeat(4) : null,
    tags: [],
    created_at: glanceTime(image.createdAt),
    updated_at: glanceTime(image.updatedAt),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
}
