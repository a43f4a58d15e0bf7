import assert from 'node:assert/strict';

import { AxeBuilder } from '@axe-core/playwright';

export const PASSWORD = 'riverside-demo-2026';
export const COORDINATOR = 'coordinator@riverside.example';
export const EDITOR = 'shelter.editor@riverside.example';
export const VIEWER = 'viewer@riverside.example';
export const NETWORK = 'riverside-ccr';

export async function signIn(page, base, email = COORDINATOR, password = PASSWORD) {
  await page.goto(`${base}/signin`);
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/n/${NETWORK}`));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** The tab title is neutral whatever the screen. */
export async function assertNeutralTitle(page) {
  assert.equal(await page.title(), 'Accord');
}

export async function screenshot(page, resultsDir, name) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: `${resultsDir}/${name}.png`, fullPage: true });
}

/** No serious or critical axe finding on the current screen. */
export async function assertAccessible(page, name) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const details = bad
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 220)}`).join('\n      ')}`)
      .join('\n    ');
    throw new Error(`axe found ${bad.length} serious/critical violation(s) on ${name}:\n    ${details}`);
  }
}

/** A bearer token for test set-up through the API itself (never through the SPA). */
export async function apiToken(context, base, email = COORDINATOR, password = PASSWORD) {
  const response = await context.request.post(`${base}/api/v1/auth/token`, { form: { username: email, password } });
  assert.equal(response.status(), 200);
  return (await response.json()).access_token;
}

export async function findPartner(context, base, token, query) {
  const response = await context.request.get(`${base}/api/v1/networks/${NETWORK}/partners`, {
    headers: { Authorization: `Bearer ${token}` },
    params: query,
  });
  assert.equal(response.status(), 200);
  const body = await response.json();
  assert.ok(body.items.length > 0, `no partner for ${JSON.stringify(query)}`);
  return body.items[0];
}

/** Chooses the interface language with the switcher in the header (named in any of the three). */
export async function chooseLanguage(page, option) {
  await page.getByRole('combobox', { name: /^(Interface language|Langue de l’interface|Langue de l'interface|Idioma de la interfaz)$/ }).first().click();
  await page.getByRole('option', { name: option }).click();
}

export const NEUTRAL = /^https:\/\/www\.wikipedia\.org\/?$/;

/** The neutral site is never fetched: the request is answered here, and recorded. */
export async function interceptNeutralSite(page) {
  const hits = [];
  await page.route(/^https:\/\/www\.wikipedia\.org\/.*/, (route) => {
    hits.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Wikipedia</title><p>Neutral</p>' });
  });
  return hits;
}

export { assert };

/** The pairs of drawn label boxes ({x, y, width, height, text}, or w and h) that overlap. */
export function collisions(boxes) {
  const width = (box) => box.width ?? box.w;
  const height = (box) => box.height ?? box.h;
  const found = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x < b.x + width(b) - 0.5 && b.x < a.x + width(a) - 0.5 && a.y < b.y + height(b) - 0.5 && b.y < a.y + height(a) - 0.5) {
        found.push(`${a.text} × ${b.text}`);
      }
    }
  }
  return found;
}
