import { createTheme, mergeMantineTheme, DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accessibleColors, contrast, MIN_CONTRAST } from './accessible-colors';

const theme = mergeMantineTheme(DEFAULT_THEME, createTheme({ primaryColor: 'orange' }));
const { light, dark } = accessibleColors(theme);

describe('accessible colours', () => {
  it('put white text on every filled colour at AA contrast or better', () => {
    for (const name of Object.keys(theme.colors)) {
      expect(contrast(light[`--mantine-color-${name}-filled`]!, theme.white), name).toBeGreaterThanOrEqual(
        MIN_CONTRAST,
      );
      expect(contrast(dark[`--mantine-color-${name}-filled`]!, theme.white), name).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it('make light-variant text readable on its tint and its hover tint', () => {
    for (const [name, shades] of Object.entries(theme.colors)) {
      const text = light[`--mantine-color-${name}-light-color`]!;
      expect(contrast(text, shades[1]!), name).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrast(text, shades[2]!), name).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it('make links and dimmed text readable in both schemes', () => {
    expect(contrast(light['--mantine-color-anchor']!, theme.white)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(light['--mantine-color-dimmed']!, theme.colors.gray[1])).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(dark['--mantine-color-dimmed']!, theme.colors.dark[7])).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });
});
