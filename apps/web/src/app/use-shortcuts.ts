import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ShortcutHelp } from '../components/shortcuts-dialog';

/** `g` then one of these keys goes to that page. */
const GO_TO = [
  { key: 'o', to: '/overview', labelKey: 'nav.overview' },
  { key: 'v', to: '/volumes', labelKey: 'nav.volumes' },
  { key: 's', to: '/snapshots', labelKey: 'nav.snapshots' },
  { key: 'b', to: '/backups', labelKey: 'nav.backups' },
  { key: 't', to: '/volume-types', labelKey: 'nav.volumeTypes' },
] as const;

/** How long after `g` the second key still counts as part of the sequence. */
const SEQUENCE_MS = 1500;

/** Keys pressed in a dialog, menu or list box belong to it, not to the page behind. */
function inOverlay(event: KeyboardEvent): boolean {
  return (
    event.target instanceof Element && event.target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null
  );
}

/**
 * The app's keyboard shortcuts: `/` focuses the page's search field, `?` opens the list of
 * shortcuts, `g` then a letter goes to a page. None fires while typing in a field (useHotkeys
 * ignores inputs, text areas and selects), and `/` is left to the browser (Firefox's quick find)
 * on pages without a search field. Returns what the help dialog lists.
 */
export function useShortcuts(openHelp: () => void): ShortcutHelp[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goPressedAt = useRef(0);

  const focusSearch = (event: KeyboardEvent) => {
    if (inOverlay(event)) return;
    const input = document.querySelector<HTMLInputElement>('main [data-search-input]');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  };
  const help = (event: KeyboardEvent) => {
    if (!inOverlay(event)) openHelp();
  };
  const goTo = (to: string) => (event: KeyboardEvent) => {
    if (inOverlay(event) || Date.now() - goPressedAt.current > SEQUENCE_MS) return;
    goPressedAt.current = 0;
    event.preventDefault();
    void navigate(to);
  };

  useHotkeys([
    ['/', focusSearch, { preventDefault: false }],
    // Layouts where `/` needs Shift (German: Shift+7) still report the key as `/`.
    ['shift+/', focusSearch, { preventDefault: false }],
    // `?` is Shift+/ on US layouts and a key of its own on others.
    ['shift+?', help],
    ['?', help],
    [
      'g',
      (event) => {
        if (!inOverlay(event)) goPressedAt.current = Date.now();
      },
      { preventDefault: false },
    ],
    ...GO_TO.map(({ key, to }): HotkeyItem => [key, goTo(to), { preventDefault: false }]),
  ]);

  return [
    { keys: ['/'], description: t('shell.shortcuts.focusSearch') },
    { keys: ['?'], description: t('shell.shortcuts.showHelp') },
    ...GO_TO.map(({ key, labelKey }) => ({
      keys: ['g', key],
      description: t('shell.shortcuts.goTo', { page: t(labelKey) }),
    })),
  ];
}
