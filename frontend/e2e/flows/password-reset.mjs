// A one-time password-reset link (issue #13, item 7): a coordinator issues it on the members
// page, the member sets a new password with it in a fresh browser, once.
import { assert, assertAccessible, chooseLanguage, NETWORK, PASSWORD, screenshot, signIn, VIEWER } from '../helpers.mjs';

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const NEW_PASSWORD = 'a-new-password-for-vic';

async function issueLink(page, base) {
  await page.goto(`${base}/n/${NETWORK}/members`);
  const row = page.getByTestId('member-table').getByRole('row').filter({ hasText: VIEWER });
  await row.getByRole('button', { name: /^Reset password link for/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('reset-link').waitFor();
  await dialog.getByText(/It expires in 24 hours/).waitFor();
  const link = await dialog.getByTestId('reset-link-value').inputValue();
  assert.match(link, /\/reset-password#token=[A-Za-z0-9_-]+$/);
  return link;
}

async function redeem(page, link, password, label, submit) {
  await page.goto(link);
  await page.getByLabel(label).fill(password);
  await page.getByRole('button', { name: submit }).click();
}

export const scenarios = [
  {
    name: 'password reset: a coordinator issues a one-time link; the member sets a new password with it once, in French, and signs in',
    viewport: WIDE,
    async run({ page, base, resultsDir, browser }) {
      await signIn(page, base);
      const link = await issueLink(page, base);
      await page.waitForTimeout(400);
      await screenshot(page, resultsDir, 'password-reset-link-1366');
      await assertAccessible(page, 'reset link dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

      const member = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
      const phone = await member.newPage();
      try {
        await phone.goto(link);
        await chooseLanguage(phone, 'Français');
        await phone.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
        await screenshot(phone, resultsDir, 'password-reset-form-fr-390');
        await assertAccessible(phone, 'reset form (fr)');
        await redeem(phone, link, NEW_PASSWORD, /^Nouveau mot de passe/, 'Enregistrer le nouveau mot de passe');
        await phone.waitForURL(/\/signin/);
        await chooseLanguage(phone, 'English');
        await signIn(phone, base, VIEWER, NEW_PASSWORD);

        // The link is spent.
        const again = await member.newPage();
        await redeem(again, link, 'yet-another-password', /^New password/, 'Set the new password');
        await again.getByTestId('reset-problem').getByText(/no longer works/).waitFor();
        await screenshot(again, resultsDir, 'password-reset-used-390');
        await assertAccessible(again, 'reset link used');
      } finally {
        await member.close();
      }

      // Other scenarios sign in as the viewer: a second link puts the demo password back.
      const restore = await issueLink(page, base);
      const back = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
      try {
        const wide = await back.newPage();
        await redeem(wide, restore, PASSWORD, /^New password/, 'Set the new password');
        await wide.waitForURL(/\/signin/);
        await screenshot(wide, resultsDir, 'password-reset-done-1366');
      } finally {
        await back.close();
      }
    },
  },
];
