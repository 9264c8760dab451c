import { z } from 'zod';

/** A server as `GET /servers` (Nova 2.1) lists it: enough to name it. */
export const serverSummarySchema = z.object({ id: z.string(), name: z.string() }).passthrough();

export const serverListSchema = z.object({ servers: z.array(serverSummarySchema) }).passthrough();

/** nova/block_device.py `match_device`: the device names Nova accepts (`/dev/vdb`, `/dev/sdc`, `/dev/xvdd`). */
export const DEVICE_NAME_PATTERN = /^\/dev\/x?[a-z]?d?[a-z]+[0-9]*$/;

/**
 * `POST /servers/{id}/os-volume_attachments` at 2.1: the volume, and optionally the device name
 * (a hint: hypervisors such as libvirt choose their own).
 */
export const volumeAttachRequestSchema = z
  .object({
    volumeAttachment: z
      .object({
        volumeId: z.string().uuid({ message: 'must be a volume id (UUID)' }),
        device: z
          .string()
          .regex(DEVICE_NAME_PATTERN, { message: 'must be a device path such as /dev/vdb' })
          .nullable()
          .optional(),
      })
      .strict(),
  })
  .strict();
export type VolumeAttachRequest = z.infer<typeof volumeAttachRequestSchema>;
