// The overview: what needs attention now, grouped by severity, each item a link to the
// screen (and filters) that fixes it. Reads the demo network; changes nothing.
import { apiToken, assert, assertAccessible, COORDINATOR, EDITOR, NETWORK, screenshot, signIn } from '../helpers.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function overviewItems(context, base, email, lang = 'en') {
  const token = await apiToken(context, base, email);
  const response = await context.request.get(`${base}/api/v1/networks/${NETWORK}/overview`, { headers: { Authorization: `Bearer ${token}` }, params: { lang } });
  assert.equal(response.status(), 200);
  return (await response.json()).items;
}

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

export const scenarios = [
  {
    name: 'overview: what needs attention, by severity, each item opens the filtered screen that fixes it',
    viewport: DESKTOP,
    async run({ page, context, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      const items = await overviewItems(context, base, COORDINATOR);
      const attention = page.getByTestId('attention');
      await attention.getByRole('heading', { name: 'Needs attention now' }).waitFor();
      await settled(page);
      // Grouped by severity, each group named in words (not only a colour).
      for (const [severity, words] of [['high', 'Do first'], ['medium', 'Next'], ['low', 'When you can']]) {
        if (items.some((item) => item.severity === severity)) await attention.getByRole('heading', { name: words, level: 3 }).waitFor();
      }
      const capacity = items.find((item) => item.kind === 'capacity_out_of_date');
      assert.ok(capacity, 'the demo has a shelter or crisis centre with capacity out of date');
      const capacityLink = page.getByTestId('attention-link-capacity_out_of_date-high');
      assert.match(await capacityLink.innerText(), new RegExp(`^${capacity.count} shelters? or crisis centres? with capacity out of date$`));
      // Coordinators see what is still to assess; the stage tile is still there.
      await page.getByTestId('attention-link-partners_unassessed-low').waitFor();
      await page.getByRole('heading', { name: 'Partners by engagement stage' }).waitFor();
      await screenshot(page, resultsDir, 'overview-attention-1366');
      await assertAccessible(page, 'overview with what needs attention');

      // Capacity: the services list, filtered in its URL to shelters and crisis centres whose capacity is unknown.
      await capacityLink.click();
      await page.waitForURL(/\/services\?/);
      const url = new URL(page.url());
      assert.deepEqual(url.searchParams.getAll('capacity'), ['unknown']);
      assert.deepEqual(url.searchParams.getAll('type').sort(), ['crisis_centre', 'shelter']);
      await settled(page);
      const rows = page.getByTestId('service-table').locator('tbody tr');
      assert.equal(await rows.count(), capacity.count);
      for (let i = 0; i < capacity.count; i += 1) await rows.nth(i).getByText('Capacity unknown').waitFor();
      await page.getByTestId('service-capacity-filter').waitFor();
      await assertAccessible(page, 'services filtered to capacity out of date');

      // Back to the overview (the back button works), then the most pressing pathway findings.
      await page.goBack();
      await page.getByTestId('attention').getByRole('heading', { name: 'Needs attention now' }).waitFor();
      const findings = items.find((item) => item.kind === 'pathway_findings' && item.severity === 'high');
      assert.ok(findings, 'the demo has high pathway health findings');
      await page.getByTestId('attention-link-pathway_findings-high').click();
      await page.waitForURL(/\/services\/health\?/);
      await settled(page);
      await page.getByTestId('finding-filter').getByRole('link', { name: 'Show all findings' }).waitFor();
      const shown = await page.locator('[data-testid^="finding-"]:not([data-testid="finding-filter"])').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid').slice('finding-'.length)));
      assert.ok(shown.length > 0 && shown.every((kind) => findings.link.filters.kind.includes(kind)), `shown: ${shown}`);
      await screenshot(page, resultsDir, 'overview-pathway-findings-1366');
      await assertAccessible(page, 'pathway health filtered from the overview');
      await page.getByRole('link', { name: 'Show all findings' }).click();
      await page.getByTestId('finding-language_not_served').waitFor();
    },
  },
  {
    name: 'overview in French on a phone: words and plurals in French, a role gap opens the gaps page',
    viewport: DESKTOP,
    async run({ page, context, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      await page.getByRole('combobox', { name: 'Interface language' }).click();
      await page.getByRole('option', { name: 'Français' }).click();
      await page.setViewportSize(PHONE); // the language picker sits in the menu on a phone
      const attention = page.getByTestId('attention');
      await attention.getByRole('heading', { name: 'À traiter maintenant' }).waitFor();
      await settled(page);
      await attention.getByRole('heading', { name: 'En premier', level: 3 }).waitFor();
      const items = await overviewItems(context, base, COORDINATOR, 'fr');
      const roles = items.find((item) => item.kind === 'roles_uncovered' && item.severity === 'high');
      assert.ok(roles);
      const link = page.getByTestId('attention-link-roles_uncovered-high');
      assert.equal(await link.innerText(), `${roles.count} rôles que personne n’assume`);
      await attention.getByText(roles.summary).waitFor(); // the API's own words, in French
      await screenshot(page, resultsDir, 'overview-attention-fr-390');
      await assertAccessible(page, 'overview in French at 390 px');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the overview scrolls sideways by ${overflow} px`);
      await link.click();
      await page.waitForURL(/\/coverage\/gaps/);
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
  {
    name: 'overview: a member who may not read assessments is not told how many partners are unassessed',
    async run({ page, context, base }) {
      await signIn(page, base, EDITOR);
      const items = await overviewItems(context, base, EDITOR);
      assert.ok(items.length > 0 && !items.some((item) => item.kind === 'partners_unassessed'));
      await page.getByTestId('attention').getByRole('heading', { name: 'Needs attention now' }).waitFor();
      await settled(page);
      await page.getByTestId('attention-link-roles_uncovered-high').waitFor();
      assert.equal(await page.getByTestId('attention-link-partners_unassessed-low').count(), 0);
    },
  },
];
