// Search ignores accents and case; lists say how many match; dates in the interface
// language. Reads the demo network only.
import { assert, assertAccessible, NETWORK, screenshot, signIn } from '../helpers.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function search(page, text) {
  const box = page.getByTestId('partner-search');
  await box.fill(text);
  await page.waitForURL(/q=/);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

export const scenarios = [
  {
    name: 'search: "asociacion" finds the partners named Asociación, and the directory says how many match',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      const summary = page.getByTestId('result-summary');
      const all = Number((await summary.innerText()).match(/^(\d+) partners/)[1]);
      assert.ok(all > 25, `the demo directory has more than one page (${all})`);
      await search(page, 'asociacion');
      await page.getByRole('link', { name: 'Asociación de Mujeres Migrantes de Ribera' }).waitFor();
      await page.getByRole('link', { name: 'Asociación Vecinal Puerto Ribera' }).waitFor();
      await page.getByRole('link', { name: 'Mujeres con Voz - Asociación de Mujeres con Discapacidad de Ribera' }).waitFor();
      await summary.getByText('3 partners · page 1: 3 shown').waitFor();
      // Upper case, and an accent where the name has none, find the same.
      await search(page, 'ASOCIACIÓN VECINAL');
      await summary.getByText('1 partner · page 1: 1 shown').waitFor();
      await assertAccessible(page, 'directory searched without accents');
      await screenshot(page, resultsDir, 'search-accents-1366');
      await page.goto(`${base}/n/${NETWORK}/services`);
      await page.getByTestId('service-table').waitFor();
      assert.match(await page.getByTestId('result-summary').innerText(), /^\d+ services · page 1: \d+ shown$/);
    },
  },
  {
    name: 'search and totals in French on a phone',
    viewport: PHONE,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.evaluate(() => localStorage.setItem('accord.language', 'fr'));
      await page.goto(`${base}/n/${NETWORK}/partners?q=mujeres`);
      await page.getByRole('link', { name: 'Asociación de Mujeres Migrantes de Ribera' }).first().waitFor();
      await page.getByTestId('result-summary').getByText(/^\d+ partenaires? · page 1 : \d+ affichés?$/).waitFor();
      await assertAccessible(page, 'directory in French on a phone');
      await screenshot(page, resultsDir, 'search-totals-fr-390');
    },
  },
  {
    name: 'dates in French: a date field types and shows jj/mm/aaaa, pathway health writes days in words',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.evaluate(() => localStorage.setItem('accord.language', 'fr'));
      await page.goto(`${base}/n/${NETWORK}/coverage`);
      const asOf = page.getByTestId('coverage-as-of');
      assert.equal(await asOf.getAttribute('placeholder'), 'jj/mm/aaaa');
      await asOf.fill('25/12/2026');
      await asOf.blur();
      await page.waitForURL(/as_of=2026-12-25/);
      assert.equal(await asOf.inputValue(), '25/12/2026');
      await screenshot(page, resultsDir, 'dates-fr-coverage-1366');
      await page.goto(`${base}/n/${NETWORK}/services/health`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const text = await page.locator('main').innerText();
      // The demo's pathway overdue for review: its day in French words, never ISO.
      assert.match(text, /était prévue le \d{1,2} [a-zéû]+ \d{4}\./);
      assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, 'no ISO date on the pathway health page');
      await assertAccessible(page, 'pathway health in French');
    },
  },
];
