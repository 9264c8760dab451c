import { setNonce } from 'get-nonce';

/**
 * The nonce the BFF put in this page's Content-Security-Policy, read from
 * `<meta name="csp-nonce">`. Mantine stamps it on the `<style>` tags it injects (CSS variables),
 * which lets the policy forbid every other inline style. Under the Vite dev server the
 * placeholder is never replaced and no policy is sent, so the value is harmless.
 */
export function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}

/**
 * Gives the nonce to `get-nonce`, which react-remove-scroll (Mantine's modal and menu scroll lock)
 * reads when it injects its `<style>` tag; without it the policy blocks that tag.
 */
export function shareStyleNonce(): void {
  setNonce(styleNonce());
}
