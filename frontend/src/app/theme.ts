import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Calm and plain: a deep teal, soft neutrals, no alarm red for status. Shades chosen so
// text and filled buttons keep at least 4.5:1 contrast (checked by the axe scan).
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 6 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { variant: 'light', radius: 'sm' }, styles: {
        root: { textTransform: 'none', fontWeight: 600, height: 'auto', minHeight: 20, paddingBlock: 2, maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
      },
    },
    Anchor: { defaultProps: { underline: 'hover' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    // Mantine's dimmed grey is below 4.5:1 on white; a darker one keeps secondary text readable.
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    // Messages next to fields must stay readable (5:1), without an alarm-bright red.
    '--mantine-color-error': t.colors.red[9],
    // Mantine's darkest orange is 4.3:1 on white, short of 4.5:1 for the small warnings
    // written in it ("review overdue"); one shade darker keeps the same hue.
    '--mantine-color-orange-9': '#b8400d',
    // Hovered filled buttons get darker, not lighter, so their white label keeps 4.5:1.
    '--mantine-primary-color-filled-hover': '#066649',
  },
  dark: {},
});
