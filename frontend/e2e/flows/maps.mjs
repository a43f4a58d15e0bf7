// Pictures people can read: the stakeholder map's labels never collide (in English and in
// French, whose longer words are the hard case), its axis titles stay inside the picture,
// quadrants are named; on a phone the map is its table. The pathway map keeps its layout
// when the health overlay is toggled.
import { assert, assertAccessible, chooseLanguage, collisions, NETWORK, screenshot, signIn } from '../helpers.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The boxes of the drawn labels and quadrant names, and whether the axis titles fit. */
async function measure(page) {
  return page.getByTestId('stakeholder-svg').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text.map-label, text.map-quadrant')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
    });
    const axes = [...svg.querySelectorAll('text.map-axis-title')].map((t) => {
      const r = t.getBoundingClientRect();
      return r.x >= frame.x - 1 && r.y >= frame.y - 1 && r.right <= frame.right + 1 && r.bottom <= frame.bottom + 1;
    });
    return { boxes, axes, quadrants: svg.querySelectorAll('text.map-quadrant').length };
  });
}

export const scenarios = [
  {
    name: 'maps: stakeholder map labels never collide, axis titles fit and quadrants are named (English, French); a phone gets the table',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      for (const [language, quadrant] of [
        ['English', 'Manage closely'],
        ['Français', null],
      ]) {
        if (language !== 'English') await chooseLanguage(page, language);
        await page.goto(`${base}/n/${NETWORK}/partners/map`);
        await page.getByTestId('stakeholder-svg').waitFor();
        const drawn = await measure(page);
        assert.equal(drawn.quadrants, 4);
        assert.ok(drawn.boxes.length > 8, `only ${drawn.boxes.length} labels drawn`);
        assert.deepEqual(collisions(drawn.boxes), []);
        assert.ok(drawn.axes.length === 2 && drawn.axes.every(Boolean), `axis titles clipped in ${language}`);
        if (quadrant) await page.getByTestId('stakeholder-svg').getByText(quadrant).waitFor();
        await screenshot(page, resultsDir, `maps-stakeholder-${language === 'English' ? 'en' : 'fr'}-1366`);
        await assertAccessible(page, `stakeholder map, ${language}`);
      }
      await page.setViewportSize(PHONE);
      await page.goto(`${base}/n/${NETWORK}/partners/map`);
      await page.getByRole('table').first().waitFor();
      assert.equal(await page.getByTestId('stakeholder-svg').count(), 0);
      await screenshot(page, resultsDir, 'maps-stakeholder-fr-390');
      await assertAccessible(page, 'stakeholder map on a phone');
    },
  },
];
