// Issue #13, items 1 and 5: capacity that cannot mislead a referral (a contradictory post is
// refused with the reason; the beds-tonight board, sorted and printable) and a route started
// from an agency with no service of its own (contacts, "no way to reach", exclusion reasons).
// These scenarios change no data: every post they try is refused.

import { COORDINATOR, NETWORK, apiToken, assert, assertAccessible, screenshot, signIn } from '../helpers.mjs';

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function service(context, base, token, name) {
  const response = await context.request.get(`${base}/api/v1/networks/${NETWORK}/services`, { headers: { Authorization: `Bearer ${token}` }, params: { q: name } });
  const found = (await response.json()).items.find((s) => s.name === name);
  assert.ok(found, `no service ${name}`);
  return found;
}

async function toFrench(page) {
  await page.getByRole('combobox', { name: 'Interface language' }).click();
  await page.getByRole('option', { name: 'Français' }).click();
}

async function noPageOverflow(page, where) {
  // Let the layout settle after a resize or a language change (animated controls), then measure.
  await page.waitForFunction(() => document.documentElement.scrollWidth - document.documentElement.clientWidth <= 1, null, { timeout: 3000 }).catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const widest = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(-6)
      .map((el) => `${el.tagName}.${el.className} ${el.textContent.slice(0, 40)}`),
  );
  assert.ok(overflow <= 1, `${where}: the page scrolls sideways by ${overflow}px: ${widest.join(' | ')}`);
}

export const scenarios = [
  {
    name: 'capacity: a contradictory post is refused with the reason next to the field (en, fr)',
    viewport: WIDE,
    async run({ page, context, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      const token = await apiToken(context, base, COORDINATOR);
      const refuge = await service(context, base, token, 'Refugio Luna');
      // The API refuses it whatever the client does, with the reason on the field, in the language asked.
      const refused = await context.request.post(`${base}/api/v1/networks/${NETWORK}/services/${refuge.id}/capacity`, {
        headers: { Authorization: `Bearer ${token}` },
        params: { lang: 'fr' },
        data: { status: 'accepting', beds_free: 0 },
      });
      assert.equal(refused.status(), 422);
      const problem = await refused.json();
      assert.equal(problem.errors[0].field, 'body.beds_free');
      assert.match(problem.errors[0].message, /0 lit libre se contredit/);

      await page.goto(`${base}/n/${NETWORK}/services/${refuge.id}`);
      const form = page.getByTestId('capacity-form');
      await form.getByRole('combobox', { name: /^Capacity now/ }).click();
      await page.getByRole('option', { name: 'Accepting' }).click();
      await form.getByLabel(/^Beds free/).fill('0');
      // Said as the user types, next to the field, before anything is sent.
      await form.getByText('Accepting with 0 beds free contradicts itself', { exact: false }).waitFor();
      await form.getByLabel(/^Beds in all/).fill('12');
      await form.getByLabel(/^Beds free/).fill('13');
      await form.getByText('13 beds free is more than the 12 beds in all.').waitFor();
      assert.equal(await form.getByLabel(/^Beds free/).getAttribute('aria-invalid'), 'true');
      await form.getByRole('button', { name: 'Post capacity' }).click();
      // Nothing was posted: the refuge still shows its last post.
      await page.getByTestId('service-capacity').getByText('Accepting').waitFor();
      await screenshot(page, resultsDir, 'capacity-refused-1366');
      await assertAccessible(page, 'capacity form with a refusal');
      await toFrench(page);
      await form.getByText("13 lits libres, c'est plus que les 12 lits au total.").waitFor();
      await page.setViewportSize(PHONE);
      await form.getByLabel(/^Lits libres/).scrollIntoViewIfNeeded();
      await screenshot(page, resultsDir, 'capacity-refused-fr-390');
      await assertAccessible(page, 'capacity form in French on a phone');
    },
  },
  {
    name: 'beds tonight: who can take someone now first, with the front door, printable (en, es)',
    viewport: WIDE,
    async run({ page, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      await page.getByRole('link', { name: 'Beds tonight' }).first().click();
      await page.getByRole('heading', { name: 'Beds tonight', level: 1 }).waitFor();
      const rows = page.getByTestId('board-table').getByTestId('board-row');
      await rows.first().waitFor();
      // The refuge posted two beds two hours ago; the crisis centre's post is three days old: unknown.
      const names = await rows.locator('td:first-child a').allTextContents();
      assert.deepEqual(names.slice(0, 2), ['Refugio Luna', 'Crisis centre']);
      assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.room)), ['beds_free', 'unknown']);
      await rows.nth(0).getByRole('link', { name: '+1 555 0150' }).waitFor();
      await rows.nth(0).getByText('2 beds free').waitFor();
      await rows.nth(1).getByText('No way to reach it is recorded').waitFor();
      await rows.nth(1).getByText(/out of date|days ago/i).first().waitFor();
      // No confidential address on the board.
      assert.equal(await page.getByText('Address held by the refuge').count(), 0);
      await noPageOverflow(page, 'beds tonight');
      await screenshot(page, resultsDir, 'beds-tonight-1366');
      await assertAccessible(page, 'beds tonight');

      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.mantine-AppShell-navbar').isVisible(), false);
      assert.equal(await page.getByRole('button', { name: 'Print the board' }).isVisible(), false);
      const header = page.getByTestId('print-header');
      assert.equal(await header.isVisible(), true);
      await header.getByText('Riverside Coordinated Community Response').waitFor();
      await header.getByText(/^Printed /).waitFor();
      await page.screenshot({ path: `${resultsDir}/beds-tonight-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await header.isVisible(), false);

      await page.getByRole('combobox', { name: 'Interface language' }).click();
      await page.getByRole('option', { name: 'Español' }).click();
      await page.getByRole('heading', { name: 'Camas esta noche', level: 1 }).waitFor();
      await page.setViewportSize(PHONE);
      const cards = page.getByTestId('board-card');
      await cards.first().getByText('Refugio Luna').waitFor();
      await cards.nth(1).getByText('No consta ninguna forma de contacto').waitFor();
      await noPageOverflow(page, 'beds tonight on a phone');
      await screenshot(page, resultsDir, 'beds-tonight-es-390');
      await assertAccessible(page, 'beds tonight in Spanish on a phone');
      // On paper, even from a phone, the board is its table.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByTestId('board-table').isVisible(), true);
      await page.emulateMedia({ media: 'screen' });
    },
  },
  {
    name: 'route finder from a partner with no service (police): front doors, contacts, exclusion reasons (en, fr)',
    viewport: WIDE,
    async run({ page, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      await page.goto(`${base}/n/${NETWORK}/services/routes`);
      await page.getByText('Choose an entry point and the needs').waitFor();
      await page.getByText('From a partner').click();
      await page.getByRole('combobox', { name: /^Entry point/ }).click();
      await page.getByRole('option', { name: 'Riverside Police Domestic Abuse Unit' }).click();
      await page.getByRole('combobox', { name: /^Needs/ }).click();
      await page.getByRole('option', { name: 'Emergency shelter' }).click();
      await page.getByRole('option', { name: 'Interpretation' }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Needs to be open 24/7').check();
      await page.getByRole('button', { name: 'Find routes' }).click();
      await page.waitForURL(/entry_kind=partner/);
      await page.getByTestId('route-entry-note').getByText('Riverside Police Domestic Abuse Unit has no service of its own recorded', { exact: false }).waitFor();

      const shelter = page.getByTestId('need-emergency_shelter');
      const routes = shelter.getByTestId('route');
      await routes.first().waitFor();
      // Room first: the refuge with beds before the crisis centre nobody knows about.
      assert.equal(await routes.nth(0).getByRole('link', { name: 'Refugio Luna' }).count(), 1);
      await routes.nth(0).getByTestId('route-contact').getByRole('link', { name: '+1 555 0150' }).waitFor();
      await routes.nth(0).getByText('Can take someone now').waitFor();
      const crisis = routes.filter({ has: page.getByRole('link', { name: 'Crisis centre', exact: true }) });
      await crisis.getByTestId('route-no-contact').getByText('No way to reach this service is recorded', { exact: false }).waitFor();

      const interpretation = page.getByTestId('need-interpretation');
      const excluded = interpretation.getByTestId('route-excluded');
      await excluded.getByText('Acompañamiento e interpretación').waitFor();
      await excluded.getByText('Not open 24/7.', { exact: false }).waitFor();
      await screenshot(page, resultsDir, 'route-finder-partner-1366');
      await assertAccessible(page, 'route finder from a partner');

      await page.emulateMedia({ media: 'print' });
      const header = page.getByTestId('print-header');
      await header.getByText('Riverside Coordinated Community Response').waitFor();
      await header.getByText(/^Printed /).waitFor();
      const question = await header.getByTestId('print-question').textContent();
      assert.match(question, /Riverside Police Domestic Abuse Unit/);
      assert.match(question, /Emergency shelter, Interpretation/);
      assert.match(question, /open 24\/7/);
      assert.equal(await page.getByTestId('route-form').isVisible(), false);
      await page.screenshot({ path: `${resultsDir}/route-finder-partner-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      await toFrench(page);
      await page.getByTestId('route-entry-note').getByText("n'a aucun service enregistré", { exact: false }).waitFor();
      await excluded.getByText('Pas ouvert 24 h/24, 7 j/7.', { exact: false }).waitFor();
      await crisis.getByText("Aucun moyen de joindre ce service n'est enregistré", { exact: false }).waitFor();
      await page.setViewportSize(PHONE);
      await noPageOverflow(page, 'route finder on a phone');
      await screenshot(page, resultsDir, 'route-finder-partner-fr-390');
      await assertAccessible(page, 'route finder from a partner in French on a phone');
    },
  },
];
