import { lazy } from 'react';

/**
 * The colour scheme and language controls, loaded beside the page rather than before it: their
 * menu, select and popover code (floating-ui among it) is a tenth of a first page's JavaScript, and
 * the page's content needs none of it. Render them inside a `Suspense`.
 */
export const ThemeToggle = lazy(async () => ({ default: (await import('./theme-toggle')).ThemeToggle }));
export const LanguagePicker = lazy(async () => ({ default: (await import('./language-picker')).LanguagePicker }));
