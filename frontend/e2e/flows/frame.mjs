// The frame: an unknown address inside the app keeps the sidebar, header and Quick exit;
// Quick exit replaces the page and signs out; the sign-in page logs no console error.
import { apiToken, assert, assertAccessible, chooseLanguage, interceptNeutralSite, NETWORK, NEUTRAL, screenshot, signIn } from '../helpers.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
export const scenarios = [
  {
    name: 'frame: the sign-in page asks for a session without any console error (204, not 401)',
    viewport: PHONE,
    async run({ page, base, resultsDir }) {
      const errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const refresh = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/refresh'));
      await page.goto(`${base}/n/${NETWORK}/partners`);
      assert.equal((await refresh).status(), 204);
      await page.waitForURL(/\/signin/);
      await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(errors, []);
      await screenshot(page, resultsDir, 'frame-signin-390');
    },
  },
  {
    name: 'frame: an unknown page inside the app keeps the sidebar, header and Quick exit, and links to the overview',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/no-such-page`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await page.getByRole('button', { name: 'Quick exit' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Partners', exact: true }).waitFor();
      await screenshot(page, resultsDir, 'frame-not-found-1366');
      await assertAccessible(page, 'not found inside the app');
      await page.getByRole('link', { name: 'Back to the overview' }).click();
      await page.waitForURL(new RegExp(`/n/${NETWORK}$`));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Outside any network too.
      await page.goto(`${base}/no-such`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await page.getByRole('button', { name: 'Quick exit' }).waitFor();
      await page.getByRole('link', { name: 'Back to the overview' }).click();
      await page.waitForURL(new RegExp(`/n/${NETWORK}$`));
    },
  },
  {
    name: 'frame: in French on a phone, the not-found page is in French with Quick exit at hand',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await chooseLanguage(page, 'Français');
      await page.setViewportSize(PHONE);
      await page.goto(`${base}/n/${NETWORK}/partners/not-a-page/at-all`);
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
      await page.getByRole('button', { name: 'Sortie rapide' }).waitFor();
      await page.getByRole('link', { name: 'Retour à la vue d\'ensemble' }).waitFor();
      await screenshot(page, resultsDir, 'frame-not-found-fr-390');
      await assertAccessible(page, 'not found in French at 390 px');
    },
  },
  {
    name: 'frame: quick exit (in Spanish) signs out before leaving and replaces the page: Back shows no data',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      const hits = await interceptNeutralSite(page);
      await signIn(page, base);
      await chooseLanguage(page, 'Español');
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      await screenshot(page, resultsDir, 'frame-quick-exit-es-1366');
      const logout = page.waitForRequest((request) => request.url().endsWith('/api/v1/auth/logout') && request.method() === 'POST');
      await page.getByRole('button', { name: 'Salida rápida' }).click();
      await logout;
      await page.waitForURL(NEUTRAL);
      assert.equal(hits.length, 1);
      // The partners page was replaced, not left behind: Back never shows it again.
      await page.goBack().catch(() => undefined);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      assert.ok(!page.url().endsWith(`/n/${NETWORK}/partners`), `back went to ${page.url()}`);
      assert.equal(await page.getByTestId('partner-table').count(), 0);
      // The session is over on the server: the app asks to sign in again.
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.waitForURL(/\/signin/);
      await page.setViewportSize(PHONE);
      await page.getByRole('button', { name: 'Salida rápida' }).waitFor();
      await screenshot(page, resultsDir, 'frame-after-quick-exit-es-390');
    },
  },
  {
    name: "frame: a partner's page lists its services and the pathways they send and receive (English, then French on a phone)",
    viewport: DESKTOP,
    async run({ page, context, base, resultsDir }) {
      await signIn(page, base);
      const token = await apiToken(context, base);
      const auth = { headers: { Authorization: `Bearer ${token}` }, params: { limit: 200 } };
      const partners = (await (await context.request.get(`${base}/api/v1/networks/${NETWORK}/partners`, auth)).json()).items;
      const unit = partners.find((p) => p.name === 'South District Family Support Unit');
      await page.goto(`${base}/n/${NETWORK}/partners/${unit.id}`);
      const panel = page.getByTestId('partner-services');
      await panel.getByRole('link', { name: 'Family Support Unit desk', exact: true }).waitFor();
      const pathways = panel.getByRole('link', { name: /^Family Support Unit desk → / });
      assert.ok((await pathways.count()) > 0, 'the desk sends no pathway on the partner page');
      await panel.getByText(/^Refers to · /).first().waitFor();
      await screenshot(page, resultsDir, 'frame-partner-services-1366');
      await assertAccessible(page, 'partner page with its services');
      // A partner with no service says so, and what the route finder does meanwhile.
      const serving = new Set(
        (await (await context.request.get(`${base}/api/v1/networks/${NETWORK}/services`, auth)).json()).items.map((s) => s.partner_id),
      );
      const without = partners.find((p) => !serving.has(p.id));
      assert.ok(without, 'the demo has a partner without services');
      await page.goto(`${base}/n/${NETWORK}/partners/${without.id}`);
      await panel.getByText(/has no services recorded yet/).waitFor();
      await panel.getByText(/No pathway leads from or to/).waitFor();
      await chooseLanguage(page, 'Français');
      await page.setViewportSize(PHONE);
      await page.goto(`${base}/n/${NETWORK}/partners/${unit.id}`);
      await panel.getByRole('heading', { name: 'Services' }).waitFor();
      await panel.getByRole('heading', { name: 'Parcours' }).waitFor();
      await panel.getByText(/^Oriente vers · /).first().waitFor();
      await screenshot(page, resultsDir, 'frame-partner-services-fr-390');
      await assertAccessible(page, 'partner page with its services, French');
    },
  },
];
