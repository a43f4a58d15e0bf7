// Every main screen at a laptop's size and a phone's, one screenshot of each for review: the
// page has its title, nothing is still loading, and the page itself never scrolls sideways
// (wide content such as the coverage matrix scrolls inside its own box).
import { apiToken, assert, findPartner, NETWORK, screenshot, signIn } from '../helpers.mjs';

const SIZES = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

const SCREENS = [
  ['overview', ''],
  ['partners', '/partners'],
  ['partner', null],
  ['services', '/services'],
  ['route-finder', '/services/routes'],
  ['pathway-health', '/services/health'],
  ['beds-tonight', '/services/beds'],
  ['referrals', '/referrals'],
  ['coverage-matrix', '/coverage'],
  ['coverage-gaps', '/coverage/gaps'],
  ['members', '/members'],
  ['areas', '/areas'],
];

export const scenarios = [
  {
    name: 'screens: every main screen at 1366 and 390 wide has its title, finishes loading and never scrolls sideways',
    viewport: SIZES[0],
    async run({ page, context, base, resultsDir }) {
      await signIn(page, base);
      const token = await apiToken(context, base);
      const partner = await findPartner(context, base, token, { q: 'probation' });
      const overflowing = [];
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const [name, path] of SCREENS) {
          await page.goto(`${base}/n/${NETWORK}${path ?? `/partners/${partner.id}`}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.mantine-Loader-root'));
          const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (wide > 1) overflowing.push(`${name} at ${size.width}: ${wide} px too wide`);
          await screenshot(page, resultsDir, `screen-${name}-${size.width}`);
        }
      }
      assert.deepEqual(overflowing, []);
    },
  },
];
