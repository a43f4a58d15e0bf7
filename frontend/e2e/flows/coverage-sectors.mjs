// The coverage matrix's partner columns grouped by sector, the filtered sector first; the gaps
// page worst first (nobody covers, only planned, in progress), naming who is already on a role,
// and offering no withdrawn or dormant partner. In English and Spanish. Read-only: the
// commitment dialog is opened, never saved.
import { apiToken, assert, assertAccessible, NETWORK, screenshot, signIn } from '../helpers.mjs';

const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

const WORDS = {
  en: { sector: 'Sector', health: 'Health', gaps: 'Gaps', add: 'Add a commitment', partner: /^Partner/, matrix: /^Coverage matrix/, holders: 'Already taking it on:' },
  es: { sector: 'Sector', health: 'Salud', gaps: 'Brechas', add: 'Añadir un compromiso', partner: /^Socio/, matrix: /^Matriz de cobertura/, holders: 'Ya las están asumiendo:' },
};

async function api(context, base, path, params = {}) {
  const token = await apiToken(context, base);
  const response = await context.request.get(`${base}/api/v1/networks/${NETWORK}/${path}`, { headers: { Authorization: `Bearer ${token}` }, params });
  assert.equal(response.status(), 200, `${path}: ${response.status()}`);
  return response.json();
}

/** Partners that have stepped away: never to be offered a role. */
async function steppedAway(context, base) {
  const names = [];
  for (const stage of ['withdrawn', 'dormant']) {
    const body = await api(context, base, 'partners', { stage, limit: 100 });
    names.push(...body.items.map((p) => p.name));
  }
  assert.ok(names.length >= 2, `the demo has withdrawn and dormant partners (found ${names.join(', ')})`);
  return names;
}

async function useLanguage(page, base, lang) {
  await page.evaluate((value) => localStorage.setItem('accord.language', value), lang);
  await page.goto(`${base}/n/${NETWORK}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function checkMatrix(page, base, lang) {
  const w = WORDS[lang];
  await page.goto(`${base}/n/${NETWORK}/coverage`);
  const matrix = page.getByRole('region', { name: w.matrix });
  await matrix.waitFor();
  // Filter the roles to the health sector through the filter itself.
  await page.getByRole('combobox', { name: w.sector }).click();
  await page.getByRole('option', { name: w.health, exact: true }).click();
  await page.keyboard.press('Escape');
  await page.waitForURL(/coverage\?sector=health/);
  await matrix.locator('tr[data-role-code^="health."]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('tbody tr[data-role-code]:not([data-role-code^="health."])'));

  const layout = await matrix.evaluate((el) => ({
    groups: [...el.querySelectorAll('thead tr.coverage-groups th[data-sector]')].map((th) => ({ sector: th.dataset.sector, text: th.textContent.trim(), span: th.colSpan })),
    columns: [...el.querySelectorAll('thead tr.coverage-partners th[data-sector]')].map((th) => th.dataset.sector),
  }));
  assert.ok(layout.groups.length >= 1, 'a sector header row above the partners');
  assert.equal(layout.groups[0].sector, 'health', `first column group: ${JSON.stringify(layout.groups)}`);
  assert.equal(layout.groups[0].text, w.health, 'the group is named in the interface language');
  // The groups span the columns exactly, and each partner sits under its own sector's header.
  const spanned = layout.groups.flatMap((g) => Array(g.span).fill(g.sector));
  assert.deepEqual(spanned, layout.columns);
  assert.equal(new Set(layout.groups.map((g) => g.sector)).size, layout.groups.length, 'one group per sector');
  // The partners' header row sticks just below the sector row when the box scrolls.
  await matrix.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForFunction((testid) => document.querySelector(`[data-testid="${testid}"]`).scrollTop > 0, 'coverage-matrix');
  const stuck = await matrix.evaluate((el) => {
    const group = el.querySelector('thead tr.coverage-groups th[data-sector]').getBoundingClientRect();
    const partner = el.querySelector('thead tr.coverage-partners th').getBoundingClientRect();
    return { box: el.getBoundingClientRect().top, groupTop: group.top, groupBottom: group.bottom, partnerTop: partner.top };
  });
  assert.ok(Math.abs(stuck.groupTop - stuck.box) <= 2, `sector row at ${stuck.groupTop}, box at ${stuck.box}`);
  assert.ok(Math.abs(stuck.partnerTop - stuck.groupBottom) <= 2, `partner row at ${stuck.partnerTop}, sector row ends at ${stuck.groupBottom}`);
  await matrix.evaluate((el) => {
    el.scrollTop = 0;
  });
}

async function checkGaps(page, context, base, lang, away) {
  const w = WORDS[lang];
  const api_gaps = await api(context, base, 'coverage/gaps', { lang });
  const roleGaps = api_gaps.items.filter((g) => g.kind === 'role_not_in_place');
  const inProgress = roleGaps.find((g) => g.coverage === 'in_progress');
  assert.ok(inProgress, 'the demo has a role only in progress');
  assert.ok(roleGaps.some((g) => g.coverage === null) && roleGaps.some((g) => g.coverage === 'planned'), 'the demo has roles nobody covers and roles only planned');
  for (const name of away) assert.ok(!api_gaps.candidates.some((c) => c.name === name), `the API offers ${name}`);

  await page.goto(`${base}/n/${NETWORK}/coverage/gaps`);
  await page.getByTestId('gaps-nobody').waitFor();
  const order = await page.evaluate(() => [...document.querySelectorAll('section[data-testid^="gaps-"]')].map((s) => s.dataset.testid));
  assert.deepEqual(order.slice(0, 3), ['gaps-nobody', 'gaps-planned', 'gaps-in_progress'], `sections: ${order.join(', ')}`);

  // The role in progress names the partner already on it, with a link to it.
  const row = page.getByTestId('gaps-in_progress').locator(`li[data-role-id="${inProgress.role_id}"]`);
  const holder = inProgress.holders.find((h) => h.status === 'in_progress');
  assert.ok(holder);
  await row.getByTestId('gap-holders').getByText(w.holders).waitFor();
  assert.equal(await row.getByRole('link', { name: holder.partner_name, exact: true }).count(), 1, `${holder.partner_name} named on ${inProgress.role_title}`);

  // Adding a commitment to a role nobody covers offers no withdrawn or dormant partner.
  const nobody = page.getByTestId('gaps-nobody').locator('li').first();
  await nobody.getByRole('button', { name: w.add, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: w.add });
  await dialog.waitFor();
  await dialog.getByRole('combobox', { name: w.partner }).click();
  const options = page.getByRole('option');
  await options.first().waitFor();
  const offered = await options.allTextContents();
  assert.ok(offered.length > 3, `partners offered: ${offered.length}`);
  for (const name of away) assert.ok(!offered.includes(name), `${name} is offered though withdrawn or dormant`);
  await page.keyboard.press('Escape');
  return { dialog };
}

function scenario(lang) {
  return [
    {
      name: `coverage sectors (${lang}): health roles put health partners first under a sector header row; gaps worst first, holders named, no withdrawn or dormant candidate`,
      viewport: LAPTOP,
      async run({ page, context, base, resultsDir }) {
        await signIn(page, base);
        if (lang !== 'en') await useLanguage(page, base, lang);
        const away = await steppedAway(context, base);
        await checkMatrix(page, base, lang);
        await screenshot(page, resultsDir, `coverage-sectors-matrix-${lang}-1366`);
        await assertAccessible(page, `coverage matrix by sector (${lang})`);
        const { dialog } = await checkGaps(page, context, base, lang, away);
        await assertAccessible(page, `the commitment dialog from a gap (${lang})`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        await screenshot(page, resultsDir, `coverage-sectors-gaps-${lang}-1366`);
        await assertAccessible(page, `coverage gaps (${lang})`);
      },
    },
    {
      name: `coverage sectors (${lang}): the gaps page and the health roles on a phone`,
      viewport: PHONE,
      async run({ page, context, base, resultsDir }) {
        await signIn(page, base);
        if (lang !== 'en') await useLanguage(page, base, lang);
        const away = await steppedAway(context, base);
        await page.goto(`${base}/n/${NETWORK}/coverage?sector=health`);
        await page.getByTestId('coverage-list').waitFor();
        await screenshot(page, resultsDir, `coverage-sectors-matrix-${lang}-390`);
        await assertAccessible(page, `health roles on a phone (${lang})`);
        const { dialog } = await checkGaps(page, context, base, lang, away);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
        assert.ok(widths.doc <= widths.win, `document ${widths.doc} px wide in a ${widths.win} px window`);
        await screenshot(page, resultsDir, `coverage-sectors-gaps-${lang}-390`);
        await assertAccessible(page, `coverage gaps on a phone (${lang})`);
      },
    },
  ];
}

export const scenarios = [...scenario('en'), ...scenario('es')];
