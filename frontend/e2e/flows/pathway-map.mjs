// Pictures people can read, the pathway map: node labels never overlap (English and French,
// whose longer names are the hard case), long names are cut with "…" and shown whole in the
// table; switching the health overlay on never moves a node (the layout comes from the graph
// alone, so a fresh page draws it the same way too); on a phone the table stands for the map,
// with no legend.
//
// Then the referrals overlay (issue #14): each pathway's referrals of the year on its line and
// in the table, a total hidden for privacy drawn as such (never a number), the selected
// pathway's figures, the statistics loading apart from the map (a failure retried), the link
// to the statistics screen. Its records live in a network of their own, so the demo network's
// figures stay as the referrals flow expects them (a few referrals, all hidden).
import { readFileSync } from 'node:fs';

import { assert, assertAccessible, chooseLanguage, collisions, NETWORK, PASSWORD, screenshot, signIn } from '../helpers.mjs';

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
  {
    name: 'pathway map: the referrals overlay puts each pathway’s referrals on its line and in the table, a small count hidden (never a number), without moving a node; a phone gets the column',
    viewport: DESKTOP,
    async run({ page, base, resultsDir }) {
      const lake = await seedReferralNetwork(base);
      const year = new Date().getUTCFullYear();
      await page.goto(`${base}/signin`);
      await page.getByLabel(/^E-mail/).fill(LAKE_COORDINATOR);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(new RegExp(`/n/${LAKE}`));
      await page.goto(`${base}/n/${LAKE}/services/map`);
      const off = await drawn(page, 'off');
      assert.equal(Object.keys(off.positions).length, 4);
      const before = await edges(page, 'off');
      assert.ok(Object.values(before).every((edge) => edge.label === ''), `labels before the overlay: ${JSON.stringify(before)}`);

      // The statistics fail first: the map stays drawn and says so, and Try again brings them.
      const stats = /\/api\/v1\/networks\/[^/]+\/referrals\/stats\b/;
      await page.route(stats, (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }) }));
      await page.getByRole('switch', { name: 'Show referrals' }).check();
      await page.waitForURL(/referrals=show/);
      const section = page.getByTestId('map-referrals');
      await section.getByRole('heading', { name: `Referrals in ${year}` }).waitFor();
      await section.getByRole('alert').waitFor({ timeout: 20_000 });
      assert.ok((await drawn(page, 'off')).labels.length > 0, 'the map is still drawn while the statistics fail');
      assert.equal(await page.getByTestId('pathway-canvas').getAttribute('data-referrals'), 'off');
      await page.unroute(stats);
      await section.getByRole('button', { name: 'Try again' }).click();

      const on = await edges(page, 'on');
      const after = await drawn(page, 'off');
      assert.deepEqual(after.positions, off.positions, 'nodes moved when the referrals overlay was switched on');
      // The figures on the lines and the services' names all readable: none drawn over another.
      const lineLabels = Object.values(on).flatMap((edge) => (edge.box ? [edge.box] : []));
      assert.equal(lineLabels.length, 3);
      assert.deepEqual(collisions([...after.labels, ...lineLabels]), []);
      assert.equal(after.labels.length, 4, 'every service keeps its name on the map');
      assert.deepEqual({ ...on[lake.busy], box: undefined }, { label: '10', suppressed: false, width: 8, box: undefined }, `the busy pathway: ${JSON.stringify(on[lake.busy])}`);
      for (const quiet of [lake.quiet, lake.quieter]) {
        assert.equal(on[quiet].label, 'hidden', `a few referrals show as hidden: ${JSON.stringify(on[quiet])}`);
        assert.equal(on[quiet].suppressed, true);
        assert.equal(on[quiet].width, 2, 'a hidden total is not drawn by its size');
      }
      assert.equal(on[lake.unused].label, '', 'a pathway without referrals has no label');
      const legend = page.getByTestId('map-legend');
      await legend.getByText(`referrals sent along it in ${year}, rounded to a multiple of 5`, { exact: false }).waitFor();
      // The network's own threshold, not the default.
      await legend.getByTestId('map-legend-hidden').getByText('“hidden” in grey italics on a line: fewer than 5 referrals', { exact: false }).waitFor();
      await section.getByText('counts below 5 are hidden', { exact: false }).waitFor();

      // The table has the same figures, for those who do not read the picture.
      const table = page.getByTestId('pathway-table');
      await table.getByRole('columnheader', { name: `Referrals ${year}` }).waitFor();
      // The row of the pathway from the helpline to this service (its second column).
      const totalOf = (to) => table.locator('tbody tr').filter({ has: page.locator('td:nth-child(2)').getByRole('link', { name: to, exact: true }) }).getByTestId('pathway-referrals-total');
      assert.equal(await seen(totalOf('Emergency clinic')), '10');
      for (const to of ['Sexual health clinic', 'Maternity ward']) {
        await totalOf(to).getByTestId('stat-suppressed').waitFor();
        assert.doesNotMatch(await seen(totalOf(to)), /\d/, `${to}: a hidden count shows no number`);
        assert.match(await totalOf(to).getByTestId('stat-suppressed').textContent(), /Fewer than 5 referrals/);
      }
      assert.equal(await seen(totalOf('Refuge helpline')), '—');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await assertAccessible(page, 'pathway map with referrals');
      await screenshot(page, resultsDir, 'pathway-map-referrals-1366');

      // The quiet pathway's details: its figures hidden as such, a zero as 0, nothing to compute from as a dash.
      await page.getByRole('button', { name: 'Details of the pathway from Refuge helpline to Sexual health clinic' }).click();
      const details = page.getByTestId('pathway-referrals');
      await details.getByRole('heading', { name: `Referrals in ${year}` }).waitFor();
      const fact = (label) => details.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
      for (const label of ['Referrals sent', 'Time to receive (median)']) {
        await fact(label).getByTestId('stat-suppressed').waitFor();
        assert.doesNotMatch(await seen(fact(label)), /\d/, `${label} shows no number`);
      }
      assert.equal(await seen(fact('Accepted')), '0');
      await fact('Acceptance rate').getByTestId('stat-unknown').waitFor();
      await screenshot(page, resultsDir, 'pathway-map-referrals-details-1366');
      // The busy one's total, and the way to the full statistics for the year.
      await page.getByRole('button', { name: 'Details of the pathway from Refuge helpline to Emergency clinic' }).click();
      await fact('Referrals sent').getByTestId('stat-value').waitFor();
      assert.equal(await seen(fact('Referrals sent')), '10');
      await details.getByRole('link', { name: `Statistics by pathway, ${year}` }).click();
      await page.waitForURL(new RegExp(`/n/${LAKE}/referrals/statistics\\?group_by=pathway&period=year&year=${year}$`));
      const row = page.getByTestId('stats-row').filter({ hasText: 'Refuge helpline → Emergency clinic' });
      assert.equal(await seen(row.getByRole('cell').first()), '10');

      // Back: the overlay is on again from the address alone. Then off: no labels, no node moved.
      await page.goBack();
      await edges(page, 'on');
      await page.getByRole('switch', { name: 'Show referrals' }).uncheck();
      const cleared = await edges(page, 'off');
      assert.ok(Object.values(cleared).every((edge) => edge.label === '' && edge.width === 2));
      assert.deepEqual((await drawn(page, 'off')).positions, off.positions);
      assert.equal(await table.getByRole('columnheader', { name: `Referrals ${year}` }).count(), 0);

      // On a phone the table carries the figures (and the explanation is beside it, not in a legend).
      await page.setViewportSize(PHONE);
      await page.goto(`${base}/n/${LAKE}/services/map?referrals=show&year=${year}`);
      await table.getByRole('columnheader', { name: `Referrals ${year}` }).waitFor();
      assert.equal(await page.getByTestId('pathway-canvas').count(), 0);
      assert.equal(await seen(totalOf('Emergency clinic')), '10');
      await totalOf('Maternity ward').getByTestId('stat-suppressed').waitFor();
      await section.getByText('in the table’s Referrals column', { exact: false }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await assertAccessible(page, 'pathway map with referrals on a phone');
      await screenshot(page, resultsDir, 'pathway-map-referrals-390');
    },
  },
];

// --- the referrals overlay's own network ---------------------------------------------------

const LAKE = 'lakeside-referral-map';
const LAKE_COORDINATOR = 'map.coordinator@lakeside.example';

/** The API through Node's fetch (set-up outside the browser). */
async function call(base, token, method, path, body, headers = {}) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const answer = { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : null };
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return answer;
}

async function tokenFor(base, email) {
  const response = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', body: new URLSearchParams({ username: email, password: PASSWORD }) });
  assert.equal(response.status, 200, `sign-in of ${email}`);
  return (await response.json()).access_token;
}

/** A member of the network: an account from the platform admin, invited and joined. */
async function join(base, admin, email, fullName, role, partnerIds = []) {
  await call(base, admin, 'POST', '/users', { email, full_name: fullName, password: PASSWORD });
  const invited = await call(base, admin, 'POST', `/networks/${LAKE}/invitations`, { email, role, partner_ids: partnerIds });
  const token = await tokenFor(base, email);
  await call(base, token, 'POST', '/invitations/accept', { token: invited.body.token });
  return token;
}

/**
 * A refuge's helpline refers to three services of a health centre: 8 referrals to the
 * emergency clinic, 3 to the sexual health clinic (one of them received), 2 to the maternity
 * ward; a fourth pathway, back to the helpline, carries none. With the network's threshold at 5
 * the clinic's total is published (rounded to 10), the other two are hidden (each protects the
 * other: the centre's total less the clinic's gives only their sum).
 */
async function seedReferralNetwork(base) {
  const admin = await tokenFor(base, 'admin@riverside.example');
  await call(base, admin, 'POST', '/networks', { slug: LAKE, name: 'Lakeside referral network', level: 'local', disclosure_threshold: 5 });
  const coordinator = await join(base, admin, LAKE_COORDINATOR, 'Lena Lakeside', 'coordinator');
  const net = (path) => `/networks/${LAKE}${path}`;
  const refuge = (await call(base, coordinator, 'POST', net('/partners'), { name: 'Lakeside Women’s Refuge', sector: 'specialist_ngo', stage: 'active' })).body;
  const health = (await call(base, coordinator, 'POST', net('/partners'), { name: 'Lakeside Health Centre', sector: 'health', stage: 'active' })).body;
  const service = async (partner, type, name) => (await call(base, coordinator, 'POST', net('/services'), { partner_id: partner.id, type, name, status: 'active' })).body;
  const helpline = await service(refuge, 'hotline', 'Refuge helpline');
  const clinic = await service(health, 'medical_care', 'Emergency clinic');
  const sexualHealth = await service(health, 'sexual_reproductive_health', 'Sexual health clinic');
  const maternity = await service(health, 'medical_care', 'Maternity ward');
  const pathway = async (from, to, needs) =>
    (await call(base, coordinator, 'POST', net('/pathways'), { from_service_id: from.id, to_service_id: to.id, needs, consent_required: false, channel: 'phone', status: 'active' })).body;
  const busy = await pathway(helpline, clinic, ['medical_treatment']);
  const quiet = await pathway(helpline, sexualHealth, ['medical_treatment']);
  const quieter = await pathway(helpline, maternity, ['medical_treatment']);
  const unused = await pathway(clinic, helpline, ['immediate_safety']);

  const sender = await join(base, admin, 'map.sender@lakeside.example', 'Sam Sender', 'partner_editor', [refuge.id]);
  const receiver = await join(base, admin, 'map.receiver@lakeside.example', 'Rita Receiver', 'partner_editor', [health.id]);
  const send = (along, reference) => call(base, sender, 'POST', net('/referrals'), { pathway_id: along.id, needs: ['medical_treatment'], urgency: 'routine', consent_given: true, sender_reference: reference });
  for (let i = 1; i <= 8; i += 1) await send(busy, `LAKE-C-${i}`);
  const first = await send(quiet, 'LAKE-S-1');
  for (let i = 2; i <= 3; i += 1) await send(quiet, `LAKE-S-${i}`);
  for (let i = 1; i <= 2; i += 1) await send(quieter, `LAKE-M-${i}`);
  await call(base, receiver, 'PATCH', net(`/referrals/${first.body.id}`), { status: 'received' }, { 'If-Match': first.etag });

  // What the map is to show, as the API publishes it to any member.
  const published = (await call(base, coordinator, 'GET', net('/referrals/stats?group_by=pathway&period=year'))).body;
  const total = (id) => published.rows.find((row) => row.group.kind === 'pathway' && row.group.id === id)?.counts.total;
  assert.deepEqual(total(busy.id), { value: 10, suppressed: false }, JSON.stringify(published.rows));
  assert.deepEqual(total(quiet.id), { value: null, suppressed: true });
  assert.deepEqual(total(quieter.id), { value: null, suppressed: true });
  assert.equal(total(unused.id), undefined);
  return { busy: busy.id, quiet: quiet.id, quieter: quieter.id, unused: unused.id };
}

/** Each line's label, whether its total is hidden, and its width, once the referrals overlay is in the state asked. */
async function edges(page, referrals) {
  await page.waitForFunction((state) => document.querySelector('[data-testid="pathway-canvas"]')?.dataset.referrals === state, referrals);
  return page.getByTestId('pathway-canvas').evaluate((el) => JSON.parse(el.dataset.edges));
}

/** The text a sighted reader sees in an element (what is only read to screen readers left out). */
async function seen(locator) {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.visually-hidden').forEach((unseen) => unseen.remove());
    return copy.textContent.trim();
  });
}
