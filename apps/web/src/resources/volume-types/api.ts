import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';
import { adminKeyRoots } from '../../lib/query-keys';

// The shared package has only the member's view of a type; the admin fields live here until it grows them.
const adminTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_public: z.boolean().optional(),
  extra_specs: z.record(z.string(), z.string()).optional(),
  qos_specs_id: z.string().nullable().optional(),
});
export type AdminVolumeType = z.infer<typeof adminTypeSchema>;
const typeListSchema = z.object({ volume_types: z.array(adminTypeSchema) });
const typeBodySchema = z.object({ volume_type: adminTypeSchema });
const accessSchema = z.object({
  volume_type_access: z.array(z.looseObject({ volume_type_id: z.string(), project_id: z.string() })),
});
const encryptionSchema = z.looseObject({
  encryption_id: z.string().optional(),
  provider: z.string().nullable().optional(),
  cipher: z.string().nullable().optional(),
  key_size: z.number().nullable().optional(),
  control_location: z.string().nullable().optional(),
});
export type TypeEncryption = z.infer<typeof encryptionSchema>;
const defaultTypesSchema = z.object({
  default_types: z.array(z.looseObject({ project_id: z.string(), volume_type_id: z.string() })),
});

const typePath = (id: string) => `/api/cinder/types/${encodeURIComponent(id)}`;

const VOLUME_TYPES = adminKeyRoots.volumeTypes;

/** Volume types as an admin sees them: every type, public or private, with its QoS link. */
export const volumeTypeQueries = {
  all: () => VOLUME_TYPES,
  list: () =>
    queryOptions({
      queryKey: [...VOLUME_TYPES, 'admin-list'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/types?is_public=none', typeListSchema, { signal }),
      select: (body) => body.volume_types,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...VOLUME_TYPES, 'detail', id] as const,
      queryFn: ({ signal }) => apiJson(typePath(id), typeBodySchema, { signal }),
      select: (body) => body.volume_type,
    }),
  /** The type a volume gets when none is named; members may ask too. */
  defaultType: () =>
    queryOptions({
      queryKey: [...VOLUME_TYPES, 'default'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/types/default', typeBodySchema, { signal }),
      select: (body) => body.volume_type,
      staleTime: 60_000,
      retry: false,
    }),
  access: (id: string) =>
    queryOptions({
      queryKey: [...VOLUME_TYPES, 'access', id] as const,
      queryFn: ({ signal }) => apiJson(`${typePath(id)}/os-volume-type-access`, accessSchema, { signal }),
      select: (body) => body.volume_type_access.map((entry) => entry.project_id),
    }),
  /** `{}` when the type is not encrypted; a 404 means the cloud does not offer encryption types. */
  encryption: (id: string) =>
    queryOptions({
      queryKey: [...VOLUME_TYPES, 'encryption', id] as const,
      queryFn: ({ signal }) => apiJson(`${typePath(id)}/encryption`, encryptionSchema, { signal }),
      retry: false,
    }),
  projectDefaults: () =>
    queryOptions({
      queryKey: [...VOLUME_TYPES, 'project-defaults'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/default-types', defaultTypesSchema, { signal }),
      select: (body) => body.default_types,
    }),
};

/** What an admin sets of a type's encryption; `keySize` null leaves the cipher's default. */
export interface EncryptionInput {
  provider: string;
  cipher: string | null;
  keySize: number | null;
  controlLocation: 'front-end' | 'back-end';
}
const encryptionBody = (input: EncryptionInput) => ({
  encryption: {
    provider: input.provider,
    cipher: input.cipher,
    key_size: input.keySize,
    control_location: input.controlLocation,
  },
});

export interface TypeInput {
  name: string;
  description: string;
  isPublic: boolean;
}

export const volumeTypeCalls = {
  create: (input: TypeInput & { extraSpecs?: Record<string, string> }) =>
    apiJson('/api/cinder/types', typeBodySchema, {
      method: 'POST',
      body: {
        volume_type: {
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
          'os-volume-type-access:is_public': input.isPublic,
          ...(input.extraSpecs ? { extra_specs: input.extraSpecs } : {}),
        },
      },
    }),
  update: (id: string, input: TypeInput) =>
    apiJson(typePath(id), typeBodySchema, {
      method: 'PUT',
      body: { volume_type: { name: input.name, description: input.description, is_public: input.isPublic } },
    }),
  remove: (id: string) => apiVoid(typePath(id), { method: 'DELETE' }),
  setSpecs: (id: string, specs: Record<string, string>) =>
    apiVoid(`${typePath(id)}/extra_specs`, { method: 'POST', body: { extra_specs: specs } }),
  removeSpec: (id: string, key: string) =>
    apiVoid(`${typePath(id)}/extra_specs/${encodeURIComponent(key)}`, { method: 'DELETE' }),
  addAccess: (id: string, project: string) =>
    apiVoid(`${typePath(id)}/action`, { method: 'POST', body: { addProjectAccess: { project } } }),
  removeAccess: (id: string, project: string) =>
    apiVoid(`${typePath(id)}/action`, { method: 'POST', body: { removeProjectAccess: { project } } }),
  createEncryption: (id: string, input: EncryptionInput) =>
    apiVoid(`${typePath(id)}/encryption`, { method: 'POST', body: encryptionBody(input) }),
  /** Cinder ignores the encryption id in the path (a type has one encryption), but the route needs one. */
  updateEncryption: (id: string, encryptionId: string, input: EncryptionInput) =>
    apiVoid(`${typePath(id)}/encryption/${encodeURIComponent(encryptionId)}`, {
      method: 'PUT',
      body: encryptionBody(input),
    }),
  removeEncryption: (id: string, encryptionId: string) =>
    apiVoid(`${typePath(id)}/encryption/${encodeURIComponent(encryptionId)}`, { method: 'DELETE' }),
  setProjectDefault: (project: string, typeName: string) =>
    apiVoid(`/api/cinder/default-types/${encodeURIComponent(project)}`, {
      method: 'PUT',
      body: { default_type: { volume_type: typeName } },
    }),
  unsetProjectDefault: (project: string) =>
    apiVoid(`/api/cinder/default-types/${encodeURIComponent(project)}`, { method: 'DELETE' }),
};

/** Encryption providers and ciphers Cinder and Nova's encryptors know, offered as suggestions. */
export const ENCRYPTION_PROVIDERS = ['luks', 'plain'] as const;
export const ENCRYPTION_CIPHERS = ['aes-xts-plain64', 'aes-cbc-essiv:sha256'] as const;

/** Extra spec keys worth suggesting, with the value they usually take. */
export const COMMON_SPECS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'volume_backend_name', value: '' },
  { key: 'multiattach', value: '<is> True' },
  { key: 'replication_enabled', value: '<is> True' },
  { key: 'RESKEY:availability_zones', value: '' },
  { key: 'capabilities:thin_provisioning_support', value: '<is> True' },
  { key: 'capabilities:compression_support', value: '<is> True' },
  { key: 'provisioning:type', value: 'thin' },
];
