// Pictures people can read, the pathway map: node labels never overlap (English and French,
// whose longer names are the hard case), long names are cut with "…" and shown whole in the
// table; switching the health overlay on never moves a node (the layout comes from the graph
// alone, so a fresh page draws it the same way too); on a phone the table stands for the map,
// with no legend.
import { readFileSync } from 'node:fs';

import { assert, assertAccessible, chooseLanguage, collisions, NETWORK, screenshot, signIn } from '../helpers.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const LABEL_CHARS = 24;

const locale = (code) => JSON.parse(readFileSync(new URL(`../../src/locales/${code}/translation.json`, import.meta.url), 'utf8'));

/** The map's hooks once it has drawn for the overlay state asked: label boxes (screen pixels) and node positions (model units). */
async function drawn(page, overlay) {
  const canvas = page.getByTestId('pathway-canvas');
  await page.waitForFunction((state) => document.querySelector('[data-testid="pathway-canvas"]')?.dataset.overlay === state, overlay);
  const { labels, positions } = await canvas.evaluate((el) => ({ labels: JSON.parse(el.dataset.labels), positions: JSON.parse(el.dataset.positions) }));
  return { labels, positions };
}

export const scenarios = [
  {
    name: 'pathway map: labels never overlap, long names cut, the health overlay moves no node (English, French); a phone gets the table without a legend',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      for (const [language, code] of [
        ['English', 'en'],
        ['Français', 'fr'],
      ]) {
        const words = locale(code);
        if (code !== 'en') await chooseLanguage(page, language);
        await page.goto(`${base}/n/${NETWORK}/services/map`);
        await page.getByRole('heading', { name: words.pathwayMap.title, level: 1 }).waitFor();
        const off = await drawn(page, 'off');
        const nodes = Object.keys(off.positions).length;
        assert.ok(nodes > 5, `only ${nodes} services drawn`);
        assert.ok(off.labels.length > nodes / 2, `only ${off.labels.length} of ${nodes} labels drawn`);
        assert.deepEqual(collisions(off.labels), []);
        // Long names are cut to a label's length; the table still has them whole.
        const table = await page.getByTestId('pathway-table').innerText();
        for (const label of off.labels) {
          assert.ok([...label.text].length <= LABEL_CHARS, `label too long: ${label.text}`);
          if (label.text.endsWith('…')) assert.ok(table.includes(label.text.slice(0, -1)), `${label.text} is not the start of a name in the table`);
        }
        // A cut name shows whole on the map while its service is focused in the table.
        const cut = off.labels.find((label) => label.text.endsWith('…'));
        assert.ok(cut, 'no long name in the demo data to cut');
        const link = page.getByTestId('pathway-table').getByRole('link').filter({ hasText: cut.text.slice(0, -1) }).first();
        const full = (await link.innerText()).trim();
        await link.focus();
        await page.waitForFunction((name) => document.querySelector('[data-testid="pathway-canvas"]')?.dataset.peek === name, full);
        await link.blur();
        await page.waitForFunction(() => document.querySelector('[data-testid="pathway-canvas"]')?.dataset.peek === undefined);
        await page.getByTestId('map-legend').waitFor();
        await screenshot(page, resultsDir, `pathway-map-${code}-1366`);

        // The overlay marks findings on the graph as it stands.
        await page.getByRole('switch', { name: words.pathwayMap.highlight }).check();
        await page.getByTestId('map-findings').waitFor();
        const on = await drawn(page, 'on');
        assert.deepEqual(on.positions, off.positions, `nodes moved when the health overlay was switched on (${language})`);
        assert.deepEqual(collisions(on.labels), []);
        assert.ok(on.labels.some((label) => label.text.startsWith('⚠')), 'no service marked with a finding');
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        await assertAccessible(page, `pathway map with findings, ${language}`);
        await screenshot(page, resultsDir, `pathway-map-findings-${code}-1366`);

        // A fresh page (the overlay in the address) draws every node in the same place.
        await page.reload();
        const fresh = await drawn(page, 'on');
        assert.deepEqual(fresh.positions, off.positions, 'a fresh page laid the graph out differently');
        await page.getByRole('switch', { name: words.pathwayMap.highlight }).uncheck();
        assert.deepEqual((await drawn(page, 'off')).positions, off.positions);
      }
      // On a phone: the table, no picture and no legend (the language stays French).
      await page.setViewportSize(PHONE);
      await page.goto(`${base}/n/${NETWORK}/services/map`);
      await page.getByTestId('pathway-table').waitFor();
      assert.equal(await page.getByTestId('pathway-canvas').count(), 0);
      assert.equal(await page.getByTestId('map-legend').count(), 0);
      assert.ok((await page.getByTestId('pathway-table').locator('tbody tr').count()) > 0);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await screenshot(page, resultsDir, 'pathway-map-fr-390');
      await assertAccessible(page, 'pathway map on a phone');
    },
  },
];
