import { darken, lighten, luminance, type CSSVariablesResolver, type MantineTheme } from '@mantine/core';

/** WCAG AA asks 4.5:1 for body text; a little more absorbs rounding in the browser's blending. */
export const MIN_CONTRAST = 4.6;

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `color` darkened (or lightened) in small steps until text in it reads on `background`. */
function untilReadable(color: string, background: string, shift: typeof darken): string {
  for (let amount = 0; amount <= 1; amount += 0.02) {
    const candidate = shift(color, amount);
    if (contrast(candidate, background) >= MIN_CONTRAST) return candidate;
  }
  return shift(color, 1);
}

/**
 * Mantine's default palette puts text below WCAG AA contrast in many places: orange-6 links and
 * buttons on white (2.6:1), light badges (teal-9 on teal-1, 4.2:1), dimmed text (gray-6, 3.3:1;
 * dark-2 on dark-7, 4.3:1). This keeps the palette and its look, and darkens (in the dark scheme,
 * lightens) only the shades used for text and behind white text, just enough to reach 4.6:1.
 */
export const accessibleColors: CSSVariablesResolver = (theme: MantineTheme) => {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (!Array.isArray(shades)) continue;
    // White text on a filled background, in both schemes.
    const filled = untilReadable(shades[6]!, theme.white, darken);
    // Coloured text on the light variant's tint, and on its hover tint (the darker of the two).
    const onTint = untilReadable(shades[9]!, shades[2]!, darken);
    Object.assign(light, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.12),
      [`--mantine-color-${name}-outline`]: filled,
      [`--mantine-color-${name}-text`]: filled,
      [`--mantine-color-${name}-light-color`]: onTint,
    });
    Object.assign(dark, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.12),
    });
  }
  const primary = theme.colors[theme.primaryColor]!;
  const gray = theme.colors.gray!;
  const darkShades = theme.colors.dark!;
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-primary-color-contrast': theme.white,
      '--mantine-color-anchor': untilReadable(primary[7]!, gray[1]!, darken),
      '--mantine-color-dimmed': untilReadable(gray[6]!, gray[1]!, darken),
      '--mantine-color-error': untilReadable(theme.colors.red![6]!, theme.white, darken),
      // A picker's placeholder is text in the page (axe checks it), unlike an input's placeholder attribute.
      '--mantine-color-placeholder': untilReadable(gray[5]!, theme.white, darken),
    },
    dark: {
      ...dark,
      '--mantine-primary-color-contrast': theme.white,
      '--mantine-color-dimmed': untilReadable(darkShades[2]!, darkShades[5]!, lighten),
      '--mantine-color-placeholder': untilReadable(darkShades[3]!, darkShades[6]!, lighten),
    },
  };
};
