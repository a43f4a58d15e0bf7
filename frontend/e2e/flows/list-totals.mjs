// Every list people browse says how many it holds, numbers in the interface language's own
// way; the role catalogue reads as words, never codes. Reads the demo network only.
import { assert, assertAccessible, NETWORK, screenshot, signIn } from '../helpers.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

export const scenarios = [
  {
    name: 'list totals: members, roles and contacts say how many; the catalogue shows role names, no codes',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/members`);
      await page.getByTestId('member-table').waitFor();
      const members = Number((await page.getByTestId('member-total').innerText()).match(/^(\d+) members?$/)[1]);
      const rows = await page.getByTestId('member-table').locator('tbody tr').count();
      assert.equal(members, rows, 'the total matches the members listed');
      await screenshot(page, resultsDir, 'list-totals-members-1366');

      await page.goto(`${base}/n/${NETWORK}/coverage/roles`);
      await page.getByTestId('roles-total').waitFor();
      const roles = Number((await page.getByTestId('roles-total').innerText()).match(/^([\d,]+) roles?$/)[1].replace(/,/g, ''));
      assert.ok(roles > 50, `the shipped catalogue's roles are counted (${roles})`);
      const catalogue = await page.locator('main').innerText();
      assert.doesNotMatch(catalogue, /\b[a-z_]+\.[a-z_]+\b/, 'no role code such as health.routine_enquiry is shown');
      await assertAccessible(page, 'role catalogue with its total');
      await screenshot(page, resultsDir, 'list-totals-roles-1366');

      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      await page.getByTestId('partner-table').locator('tbody tr a').first().click();
      const contacts = page.locator('#contacts-title');
      await contacts.waitFor();
      const title = await contacts.innerText();
      const listed = await page.locator('section[aria-labelledby="contacts-title"] tbody tr').count();
      if (listed > 0) assert.match(title, new RegExp(`\\(${listed} contacts?\\)`), `the contacts' title counts them: ${title}`);
    },
  },
  {
    name: 'list totals in French on a phone: members and roles counted with French words',
    viewport: PHONE,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.evaluate(() => localStorage.setItem('accord.language', 'fr'));
      await page.goto(`${base}/n/${NETWORK}/members`);
      await page.getByTestId('member-total').getByText(/^\d+ membres?$/).waitFor();
      await page.goto(`${base}/n/${NETWORK}/coverage/roles`);
      await page.getByTestId('roles-total').getByText(/^\d+ rôles?$/).waitFor();
      await assertAccessible(page, 'role catalogue in French on a phone');
      await screenshot(page, resultsDir, 'list-totals-roles-fr-390');
    },
  },
];
