import {
  applicationCredentialListSchema,
  createdApplicationCredentialSchema,
  totpRegistrationSchema,
  totpStatusSchema,
  type CreateApplicationCredential,
} from '@cinder-console/cinder';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '../../lib/api-client';

const PATH = '/api/identity/application-credentials';

/** The signed-in user's own application credentials (never their secrets). */
export const applicationCredentialQueries = {
  all: () => ['identity', 'application-credentials'] as const,
  list: () =>
    queryOptions({
      queryKey: applicationCredentialQueries.all(),
      queryFn: ({ signal }) => apiJson(PATH, applicationCredentialListSchema, { signal }),
      select: (body) => body.applicationCredentials,
    }),
};

/** Creates a credential; the answer carries its secret, shown once and never cached. */
export function useCreateApplicationCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplicationCredential) =>
      apiJson(PATH, createdApplicationCredentialSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationCredentialQueries.all() }),
  });
}

export function useDeleteApplicationCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`${PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationCredentialQueries.all() }),
  });
}

const TOTP_PATH = '/api/identity/totp';

/** Whether the user has a TOTP secret with Keystone. */
export const totpQueries = {
  status: () =>
    queryOptions({
      queryKey: ['identity', 'totp'] as const,
      queryFn: ({ signal }) => apiJson(TOTP_PATH, totpStatusSchema, { signal }),
    }),
};

/** Registers a new TOTP secret; the answer (secret, QR code) is shown once and never cached. */
export function useRegisterTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(TOTP_PATH, totpRegistrationSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpQueries.status().queryKey }),
  });
}
