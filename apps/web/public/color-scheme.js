/* global matchMedia, document */
// Sets the colour scheme before the first paint, so a dark-mode user sees no light flash. A file of
// its own, not an inline script: the CSP allows scripts from this origin only. Mantine keeps the
// choice under this key; "auto" (or nothing yet) follows the system.
try {
  const chosen = localStorage.getItem('mantine-color-scheme-value');
  const scheme =
    chosen === 'light' || chosen === 'dark'
      ? chosen
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
} catch {
  // Storage blocked: Mantine decides once it starts.
}
