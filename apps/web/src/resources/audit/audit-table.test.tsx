import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, expect, it } from 'vitest';
import i18n from '../../lib/i18n';
import type { AuditEntry } from './api';
import { AuditTable } from './audit-table';
import { standInForLayout } from '../../test-support/jsdom-layout';

standInForLayout();

const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((container) => container.remove()));

function entry(requestId: string, action: string, outcome?: string): AuditEntry {
  return {
    time: '2026-12-04T17:00:00.000Z',
    user: { id: 'u', name: 'demo' },
    project: { id: 'p', name: 'demo' },
    region: 'RegionOne',
    action,
    target: { kind: 'volume', id: 'v1' },
    result: 'success',
    status: 202,
    requestId,
    ...(outcome ? { outcome } : {}),
  };
}

async function renderIn(language: string, entries: AuditEntry[]): Promise<HTMLElement> {
  await i18n.changeLanguage(language);
  const container = document.body.appendChild(document.createElement('div'));
  containers.push(container);
  await act(async () =>
    createRoot(container).render(
      <QueryClientProvider client={new QueryClient()}>
        <MantineProvider>
          <MemoryRouter>
            <AuditTable entries={entries} label="Audit" />
          </MemoryRouter>
        </MantineProvider>
      </QueryClientProvider>,
    ),
  );
  return container;
}

it("shows an asynchronous action's outcome next to Cinder's answer, in both languages", async () => {
  const entries = [
    entry('req-1', 'volume.os-extend', 'error_extending'),
    entry('req-2', 'volume.create', 'pending'),
    entry('req-3', 'volume.delete', 'deleted'),
    entry('req-4', 'volume.update'),
  ];
  const english = await renderIn('en', entries);
  const labels = [...english.querySelectorAll('[data-outcome]')].map((badge) => badge.getAttribute('aria-label'));
  expect(labels).toEqual([expect.stringMatching(/^Outcome: .*extend/i), 'Outcome: Pending', 'Outcome: Deleted']);
  expect(english.querySelector('[data-outcome="error_extending"]')?.textContent).toMatch(/^Then: /);

  const chinese = await renderIn('zh-CN', entries);
  expect(chinese.querySelector('[data-outcome="pending"]')?.getAttribute('aria-label')).toBe('最终结果：进行中');
});
