/** A Cinder API version: `3.60` is `{ major: 3, minor: 60 }`. */
export interface Microversion {
  major: number;
  minor: number;
}

/** `3.60` as a Microversion; undefined for anything that is not `<major>.<minor>`. */
export function parseMicroversion(text: string | null | undefined): Microversion | undefined {
  const match = text ? /^\s*(\d+)\.(\d+)\s*$/.exec(text) : null;
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Below zero when `a` is older than `b`, zero when the same, above zero when newer. */
export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major - b.major || a.minor - b.minor;
}

/** Whether microversion `3.<minor>` or later is in use (never on v2 or with none). */
export function supportsMinor(microversion: string | null | undefined, minor: number): boolean {
  const version = parseMicroversion(microversion);
  return version?.major === 3 && version.minor >= minor;
}
