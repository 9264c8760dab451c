/**
 * The cloud this tab is about, when the console offers several (BFF `OS_CLOUDS`). Each tab keeps
 * its own, so two tabs can show two clouds side by side; it lives in `sessionStorage`, which is the
 * tab's and survives its reloads. Every API call names it (`X-Console-Cloud`), and the BFF answers
 * with that cloud's session.
 */
import { ApiError } from './api-error';

const STORAGE_KEY = 'cinder-console.cloud';
const HEADER = 'X-Console-Cloud';

function stored(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    // Storage refused (privacy settings): the tab follows the browser's last chosen cloud.
    return undefined;
  }
}

let current = stored();

export function tabCloud(): string | undefined {
  return current;
}

export function setTabCloud(name: string | undefined): void {
  current = name;
  try {
    if (name) sessionStorage.setItem(STORAGE_KEY, name);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // As above: kept for this page only.
  }
}

/** The header that names the tab's cloud, or none. */
export function cloudHeader(): Record<string, string> {
  return current ? { [HEADER]: current } : {};
}

/** The same for an address (an event stream cannot send headers). */
export function cloudParam(): Record<string, string> {
  return current ? { cloud: current } : {};
}

/**
 * Makes the browser's default cloud (the one pages open on) this tab's, then loads `to`: a whole
 * new page, so nothing of the other cloud (cache, event stream, CSRF token) stays in memory.
 */
export async function openCloud(name: string, to = '/'): Promise<void> {
  await makeDefault(name);
  window.location.assign(to);
}

async function makeDefault(name: string): Promise<void> {
  setTabCloud(name);
  const response = await fetch('/api/clouds/current', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...cloudHeader() },
    credentials: 'same-origin',
    body: JSON.stringify({ cloud: name }),
  });
  if (!response.ok) throw await ApiError.fromResponse(response);
}

/**
 * Reconciles the tab's cloud with the one the page was served for (its bootstrap). The page is the
 * browser's default cloud's; a tab on another cloud (say, reloaded after another tab signed in
 * elsewhere) asks for its own cloud's page instead. Resolves false when a reload is under way.
 */
export async function settleTabCloud(pageCloud: string | undefined, served: boolean): Promise<boolean> {
  if (!served) return true;
  // A console that offers one cloud has no name for it: a name kept from before would be refused.
  if (pageCloud === undefined || current === undefined) {
    setTabCloud(pageCloud);
    return true;
  }
  if (current === pageCloud) return true;
  try {
    await makeDefault(current);
    window.location.reload();
    return false;
  } catch {
    // The cloud is gone from the console's list: the page's cloud it is.
    setTabCloud(pageCloud);
    return true;
  }
}
