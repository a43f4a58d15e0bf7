import {
  apiToken,
  assert,
  assertAccessible,
  assertNeutralTitle,
  COORDINATOR,
  EDITOR,
  findPartner,
  NETWORK,
  PASSWORD,
  screenshot,
  signIn,
  interceptNeutralSite,
  NEUTRAL,
  VIEWER,
} from './helpers.mjs';

export const scenarios = [
  {
    name: 'sign-in screen is calm, accessible and neutral',
    async run({ page, base, resultsDir }) {
      await page.goto(`${base}/`);
      await page.waitForURL(/\/signin/);
      await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
      await assertNeutralTitle(page);
      await page.getByRole('button', { name: 'Quick exit' }).waitFor();
      await screenshot(page, resultsDir, 'signin-1280');
      await assertAccessible(page, 'sign-in');
      // A wrong password is told plainly, and the e-mail is kept.
      await page.getByLabel(/^E-mail/).fill(COORDINATOR);
      await page.getByLabel(/^Password/).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The e-mail or password is not right').waitFor();
      assert.equal(await page.getByLabel(/^E-mail/).inputValue(), COORDINATOR);
    },
  },
  {
    name: 'sign in, overview tile links to the filtered directory, session survives reload',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.getByRole('heading', { name: 'Partners by engagement stage' }).waitFor();
      await assertNeutralTitle(page);
      await screenshot(page, resultsDir, 'overview-1280');
      await assertAccessible(page, 'overview');
      // Reload: the token was only in memory, the refresh cookie brings the session back.
      await page.reload();
      await page.getByRole('heading', { name: 'Partners by engagement stage' }).waitFor();
      assert.match(page.url(), new RegExp(`/n/${NETWORK}$`));
      // Each stage row opens the directory filtered on that stage.
      await page.getByRole('link', { name: /^Active: \d+/ }).click();
      await page.waitForURL(/\/partners\?stage=active$/);
      await page.getByTestId('partner-table').waitFor();
      const stages = await page.getByTestId('partner-table').locator('tbody tr td:nth-child(3)').allInnerTexts();
      assert.ok(stages.length > 0 && stages.every((s) => s.trim() === 'Active'), `stages: ${stages}`);
    },
  },
  {
    name: 'directory: filters live in the URL, search, sort and paging',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.getByRole('link', { name: 'Partners', exact: true }).click();
      await page.getByTestId('partner-table').waitFor();
      // 32 partners, 25 a page: there is a next page, and previous brings us back.
      await page.getByText(/^\d+ partners · page 1: 25 shown$/).waitFor();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText(/^\d+ partners · page 2: \d+ shown$/).waitFor();
      assert.match(page.url(), /cursor=/);
      await page.getByRole('button', { name: 'Previous' }).click();
      await page.getByText(/^\d+ partners · page 1: 25 shown$/).waitFor();
      // Filter by sector with the select.
      await page.getByRole('combobox', { name: 'Sector' }).click();
      await page.getByRole('option', { name: 'Health' }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/sector=health/);
      await page.getByText(/^\d+ partners? · page 1: \d+ shown$/).waitFor();
      const sectors = await page.getByTestId('partner-table').locator('tbody tr td:nth-child(2)').allInnerTexts();
      assert.ok(sectors.length > 0 && sectors.every((s) => s.trim() === 'Health'), `sectors: ${sectors}`);
      // Text search is debounced into the URL too.
      await page.getByTestId('partner-search').fill('hospital');
      await page.waitForURL(/q=hospital/);
      await page.getByTestId('partner-table').getByRole('link', { name: 'Riverside General Hospital Emergency Department' }).waitFor();
      await screenshot(page, resultsDir, 'directory-filtered-1280');
      // The filtered view is a shareable link: a fresh page opens it the same.
      const url = page.url();
      const shared = await page.context().newPage();
      await shared.goto(url);
      await shared.getByTestId('partner-table').getByRole('link', { name: 'Riverside General Hospital Emergency Department' }).waitFor();
      assert.equal(await shared.getByTestId('partner-search').inputValue(), 'hospital');
      await shared.close();
      // Sort by name descending with the column header.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.waitForURL(/\/partners$/);
      await page.getByRole('button', { name: 'Sort by Name' }).click();
      await page.waitForURL(/sort=-name/);
      await page.waitForFunction(() => {
        const first = document.querySelector('[data-testid="partner-table"] tbody tr td a');
        return first && !first.textContent.startsWith('Asociaci');
      });
      const names = await page.getByTestId('partner-table').locator('tbody tr td:first-child a').allInnerTexts();
      const sorted = [...names].sort((a, b) => b.localeCompare(a));
      assert.deepEqual(names, sorted);
      // An empty result says what to do next.
      await page.goto(`${base}/n/${NETWORK}/partners?q=zzzz-nothing-matches`);
      await page.getByText('No partners to show').waitFor();
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      await screenshot(page, resultsDir, 'directory-1280');
      await assertAccessible(page, 'directory');
    },
  },
  {
    name: 'partner page: move the stage with a note',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners?stage=identified`);
      await page.getByTestId('partner-table').locator('tbody tr td a').first().click();
      await page.getByRole('heading', { name: 'Engagement' }).waitFor();
      await page.getByTestId('current-stage').getByText('Identified').waitFor();
      await page.getByRole('combobox', { name: /^Move to stage/ }).click();
      await page.getByRole('option', { name: 'Approached' }).click();
      await page.getByLabel(/^Note/).fill('Letter sent to the director.');
      await page.getByRole('button', { name: 'Move stage' }).click();
      await page.getByTestId('current-stage').getByText('Approached').waitFor();
      await page.getByTestId('stage-history').getByText('Identified → Approached').waitFor();
      await page.getByTestId('stage-history').getByText('Letter sent to the director.').waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-loading]'));
      await assertNeutralTitle(page);
      await screenshot(page, resultsDir, 'partner-1280');
      await assertAccessible(page, 'partner page');
    },
  },
  {
    name: 'assessment: validation next to the field, then saved',
    async run({ page, base }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners?q=hospital`);
      await page.getByRole('link', { name: 'Riverside General Hospital Emergency Department' }).click();
      const influence = page.getByRole('textbox', { name: /^Influence/ });
      await influence.fill('6');
      await page.getByText('Enter a whole number from 1 to 5, or leave it empty.').waitFor();
      assert.equal(await influence.getAttribute('aria-invalid'), 'true');
      await page.getByRole('button', { name: 'Save assessment' }).click();
      // Still not saved, and what was typed is still there.
      assert.equal(await influence.inputValue(), '6');
      await influence.fill('4');
      await page.getByLabel(/^Risks/).fill('Staff turnover in the emergency department.');
      await page.getByRole('button', { name: 'Save assessment' }).click();
      await page.getByText('Assessment saved.').waitFor();
      await page.getByText(/^Last assessed/).waitFor();
      await page.reload();
      assert.equal(await page.getByRole('textbox', { name: /^Influence/ }).inputValue(), '4');
    },
  },
  {
    name: 'edit partner: the API’s problem details appear next to the field, nothing typed is lost',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners?q=hospital`);
      await page.getByRole('link', { name: 'Riverside General Hospital Emergency Department' }).click();
      await page.getByRole('link', { name: 'Edit partner' }).click();
      await page.getByTestId('partner-form').waitFor();
      await page.getByLabel(/^Acronym/).fill('RGH');
      await page.getByTestId('field-website').fill('not a web address');
      await page.getByRole('button', { name: 'Save' }).click();
      // The API answers 422 with errors[{field: "body.website"}]: shown at the website field.
      const websiteError = page.locator('[data-testid="field-website"]').locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]').locator('.mantine-InputWrapper-error');
      await websiteError.waitFor();
      assert.match(await websiteError.innerText(), /URL/i);
      assert.equal(await page.getByLabel(/^Acronym/).inputValue(), 'RGH');
      assert.equal(await page.getByTestId('field-website').inputValue(), 'not a web address');
      await screenshot(page, resultsDir, 'partner-edit-error-1280');
      await assertAccessible(page, 'edit partner form');
      await page.getByTestId('field-website').fill('https://hospital.example.org');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Changes saved.').waitFor();
      await page.getByRole('link', { name: 'https://hospital.example.org' }).waitFor();
    },
  },
  {
    name: 'a stale edit (412) says someone else changed the record and reloads it',
    async run({ page, context, base }) {
      await signIn(page, base);
      const token = await apiToken(context, base);
      const partner = await findPartner(context, base, token, { q: 'probation' });
      await page.goto(`${base}/n/${NETWORK}/partners/${partner.id}/edit`);
      await page.getByTestId('partner-form').waitFor();
      // Someone else saves first, through the API.
      const current = await context.request.get(`${base}/api/v1/networks/${NETWORK}/partners/${partner.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const changed = await context.request.patch(`${base}/api/v1/networks/${NETWORK}/partners/${partner.id}`, {
        headers: { Authorization: `Bearer ${token}`, 'If-Match': current.headers().etag },
        data: { acronym: 'RPS-NEW' },
      });
      assert.equal(changed.status(), 200);
      await page.getByLabel(/^Acronym/).fill('MINE');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Someone else changed this record').waitFor();
      await page.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="conflict-alert"]') === null);
      assert.equal(await page.getByLabel(/^Acronym/).inputValue(), 'RPS-NEW');
    },
  },
  {
    name: 'coordinator creates a partner and manages its contacts',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByRole('link', { name: 'Add a partner' }).click();
      await page.getByTestId('partner-form').waitFor();
      await page.getByRole('button', { name: 'Add partner' }).click();
      await page.getByText('This field is required.').first().waitFor();
      await page.getByLabel(/^Name/).fill('Northside Youth Club');
      await page.getByRole('combobox', { name: /^Sector/ }).click();
      await page.getByRole('option', { name: 'Youth services' }).click();
      await screenshot(page, resultsDir, 'partner-new-1280');
      await assertAccessible(page, 'new partner form');
      await page.getByRole('button', { name: 'Add partner' }).click();
      await page.getByRole('heading', { name: /Northside Youth Club/ }).waitFor();
      await page.getByText('No contacts yet').waitFor();
      await page.getByRole('button', { name: 'Add a contact' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill('Sam Organiser');
      await dialog.getByLabel(/^Phone/).fill('call me');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('Use digits, spaces and + ( ) . / - only.').waitFor();
      await dialog.getByLabel(/^Phone/).fill('+44 20 7946 0000');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('cell', { name: 'Sam Organiser', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Remove Sam Organiser' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await page.getByText('No contacts yet').waitFor();
    },
  },
  {
    name: 'stakeholder map: points open their partner, unassessed listed beside',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.getByRole('link', { name: 'Stakeholder map' }).first().click();
      await page.getByTestId('stakeholder-chart').locator('[data-partner-id]').first().waitFor();
      await page.getByTestId('unassessed-list').waitFor();
      await screenshot(page, resultsDir, 'stakeholder-map-1280');
      await assertAccessible(page, 'stakeholder map');
      const point = page.getByTestId('stakeholder-chart').locator('[data-partner-id]').first();
      const id = await point.getAttribute('data-partner-id');
      await point.click();
      await page.waitForURL(new RegExp(`/partners/${id}$`));
      await page.getByRole('heading', { name: 'Stakeholder assessment' }).waitFor();
    },
  },
  {
    name: 'partner editor edits their own partner only; viewer reads',
    async run({ page, context, base }) {
      await signIn(page, base, EDITOR);
      const token = await apiToken(context, base, EDITOR);
      const me = await (await context.request.get(`${base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).json();
      const own = me.memberships[0].partner_ids[0];
      await page.goto(`${base}/n/${NETWORK}/partners/${own}`);
      await page.getByRole('link', { name: 'Edit partner' }).waitFor();
      await page.getByRole('button', { name: 'Add a contact' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Move stage' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Save assessment' }).count(), 0);
      // Assessments are the coordinators' unless the network shares them: the panel says so.
      await page.getByTestId('assessment-coordinators-only').waitFor();
      await page.goto(`${base}/n/${NETWORK}/partners/map`);
      await page.getByText('The map is for coordinators').waitFor();
      await page.goto(`${base}/n/${NETWORK}`);
      await page.getByTestId('stage-counts').waitFor();
      await page.getByTestId('assessment-coordinators-only').waitFor();
      const other = await findPartner(context, base, token, { q: 'police' });
      assert.notEqual(other.id, own);
      await page.goto(`${base}/n/${NETWORK}/partners/${other.id}`);
      await page.getByRole('heading', { name: 'Engagement' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Edit partner' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Add a partner' }).count(), 0);
    },
  },
  {
    name: 'services and route finder: find a route for a need, printable',
    async run({ page, base, resultsDir }) {
      await signIn(page, base, VIEWER);
      await page.getByRole('link', { name: 'Services', exact: true }).click();
      await page.getByTestId('service-table').getByRole('link', { name: 'Refugio Luna' }).click();
      await page.getByTestId('service-capacity').getByText('Accepting').waitFor();
      // A viewer does not see the refuge's address: the page says to use the front door.
      await page.getByTestId('confidential-location').getByText('Address confidential, use the front door contact.').waitFor();
      await page.getByRole('link', { name: 'Route finder' }).first().click();
      await page.getByText('Choose an entry point and the needs').waitFor();
      await page.getByRole('combobox', { name: /^Entry point/ }).click();
      await page.getByRole('option', { name: /^24\/7 helpline/ }).click();
      await page.getByRole('combobox', { name: /^Needs/ }).click();
      await page.getByRole('option', { name: 'Emergency shelter' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Find routes' }).click();
      await page.waitForURL(/need=emergency_shelter/);
      const result = page.getByTestId('need-emergency_shelter');
      await result.getByTestId('route').getByRole('link', { name: 'Refugio Luna' }).waitFor();
      await result.getByText('Consent needed').waitFor();
      await page.getByRole('button', { name: 'Print' }).waitFor();
      await screenshot(page, resultsDir, 'route-finder-1280');
      await assertAccessible(page, 'route finder');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByTestId('route-form').isVisible(), false);
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('link', { name: 'Pathway health' }).first().click();
      await page.getByRole('heading', { name: 'Pathway health', level: 1 }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await assertAccessible(page, 'pathway health');
    },
  },
  {
    name: 'pathway map: graph, text alternative and need filter',
    async run({ page, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      await page.getByRole('link', { name: 'Pathway map' }).first().click();
      await page.getByRole('heading', { name: 'Pathway map', level: 1 }).waitFor();
      const canvas = page.getByTestId('pathway-canvas');
      await canvas.locator('canvas').first().waitFor();
      const rows = page.getByTestId('pathway-table').locator('tbody tr');
      await rows.first().waitFor();
      const before = await rows.count();
      assert.ok(before > 0);
      await page.getByRole('combobox', { name: 'Need', exact: true }).click();
      await page.getByRole('option', { name: 'Emergency shelter' }).click();
      await page.waitForURL(/need=emergency_shelter/);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="pathway-table"] tbody tr').length < n, before);
      assert.ok((await rows.count()) > 0);
      await rows.first().getByRole('button', { name: /^Details of the pathway/ }).click();
      await page.getByTestId('pathway-details').getByText('Consent needed').waitFor();
      await page.getByRole('switch', { name: 'Highlight health findings' }).check();
      await page.getByTestId('map-findings').waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await assertAccessible(page, 'pathway map');
      await screenshot(page, resultsDir, 'pathway-map-1280');
    },
  },
  {
    name: 'an ended session returns to sign-in with a message',
    async run({ page, context, base }) {
      await signIn(page, base, VIEWER);
      await page.getByRole('link', { name: 'Partners', exact: true }).click();
      await page.getByTestId('partner-table').waitFor();
      // The password changes elsewhere: the access token and the refresh cookie both lapse.
      const token = await apiToken(context, base, VIEWER);
      const changed = await context.request.post(`${base}/api/v1/auth/me/password`, {
        headers: { Authorization: `Bearer ${token}` },
        data: { current_password: PASSWORD, new_password: 'a-new-passphrase-2026' },
      });
      assert.equal(changed.status(), 204, await changed.text());
      // The next request (a partner not loaded yet) answers 401, and so does the refresh.
      const partnerLink = page.getByTestId('partner-table').locator('tbody tr td a').nth(3);
      const partnerPath = new URL(await partnerLink.evaluate((a) => a.href)).pathname;
      await partnerLink.click();
      await page.waitForURL(/\/signin\?redirect=/);
      await page.getByText('Your session has ended, please sign in again.').waitFor();
      // Signing in again returns to the page that was asked for.
      await page.getByLabel(/^E-mail/).fill(VIEWER);
      await page.getByLabel(/^Password/).fill('a-new-passphrase-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === partnerPath);
      await page.getByRole('heading', { name: 'Engagement' }).waitFor();
    },
  },
  {
    name: 'language: Spanish everywhere, remembered after reload',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      await page.getByRole('combobox', { name: 'Interface language' }).click();
      await page.getByRole('option', { name: 'Español' }).click();
      await page.getByRole('heading', { name: 'Socios', level: 1 }).waitFor();
      await page.getByRole('columnheader', { name: 'Etapa' }).waitFor();
      await page.getByTestId('partner-table').getByText('Activo').first().waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
      await page.reload();
      await page.getByRole('heading', { name: 'Socios', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Salida rápida' }).waitFor();
      await assertNeutralTitle(page);
      await screenshot(page, resultsDir, 'directory-es-1280');
      await assertAccessible(page, 'directory in Spanish');
      await page.goto(`${base}/n/${NETWORK}`);
      await page.getByRole('heading', { name: 'Socios por etapa de relación' }).waitFor();
      await page.getByTestId('stage-counts').getByText('Acuerdo firmado').waitFor();
    },
  },
  {
    name: 'quick exit: Escape three times leaves for a neutral site and ends the session',
    async run({ page, base }) {
      const hits = await interceptNeutralSite(page);
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForURL(NEUTRAL);
      assert.equal(hits.length, 1);
      // Back in the dashboard: no session any more (the refresh cookie was removed).
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.waitForURL(/\/signin/);
      await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    },
  },
  {
    name: 'quick exit button on every page',
    async run({ page, base }) {
      const hits = await interceptNeutralSite(page);
      await signIn(page, base);
      await page.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL(NEUTRAL);
      assert.equal(hits.length, 1);
      await page.goto(`${base}/`);
      await page.waitForURL(/\/signin/);
    },
  },
  {
    name: 'coverage: assign a role from the gaps view, and the matrix cell changes',
    async run({ page, context, base, resultsDir }) {
      await signIn(page, base);
      const housing = await findPartner(context, base, await apiToken(context, base), { q: 'Riverside Housing' });
      await page.getByRole('link', { name: 'Coverage', exact: true }).click();
      await page.getByTestId('coverage-matrix').waitFor();
      await page.getByTestId('coverage-legend').getByText('In progress').waitFor();
      await assertNeutralTitle(page);
      await screenshot(page, resultsDir, 'coverage-matrix-1280');
      // Filters live in the URL.
      await page.getByRole('combobox', { name: 'Sector' }).click();
      await page.getByRole('option', { name: 'Housing' }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/coverage\?sector=housing/);
      await page.getByTestId('coverage-matrix').locator('tr[data-role-code^="housing."]').first().waitFor();
      await assertAccessible(page, 'coverage matrix');
      // Housing has no role in place: the gaps view lists them, nobody-covers first, each with "Add a commitment".
      await page.getByRole('navigation', { name: 'Coverage' }).getByRole('link', { name: 'Gaps' }).click();
      await page.waitForURL(/coverage\/gaps\?sector=housing/);
      await page.getByTestId('gaps-nobody').waitFor();
      await screenshot(page, resultsDir, 'coverage-gaps-1280');
      await assertAccessible(page, 'coverage gaps');
      const gap = page.getByTestId('gaps-nobody').locator('li').first();
      const roleId = await gap.getAttribute('data-role-id');
      assert.ok(roleId);
      await gap.getByRole('button', { name: 'Add a commitment' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /^Partner/ }).click();
      await page.getByRole('option', { name: /Riverside Housing/ }).first().click();
      await dialog.getByRole('combobox', { name: /^Status/ }).click();
      await page.getByRole('option', { name: 'In place' }).click();
      await dialog.getByLabel(/^Evidence/).fill('Named housing lead since October.');
      await dialog.getByRole('button', { name: 'Add a commitment' }).click();
      await page.getByText('Commitment saved.').waitFor();
      // The gap is gone from the list (the lists were refetched)…
      await page.waitForFunction((id) => !document.querySelector(`section[data-testid^="gaps-"] li[data-role-id="${id}"]`), roleId);
      // …and the matrix (same filters) shows the cell in place.
      await page.getByRole('navigation', { name: 'Coverage' }).getByRole('link', { name: 'Role matrix' }).click();
      await page.waitForURL(/coverage\?sector=housing/);
      const cell = page.getByTestId('coverage-matrix').locator(`tr[data-role-id="${roleId}"] td[data-partner-id="${housing.id}"]`);
      await page.getByTestId('coverage-matrix').locator(`tr[data-role-id="${roleId}"] td[data-partner-id="${housing.id}"][data-status="in_place"]`).waitFor();
      // The CSV export downloads the current view.
      const download = page.waitForEvent('download');
      await page.getByTestId('coverage-csv').click();
      assert.match((await download).suggestedFilename(), /^coverage.*\.csv$/);
      // The cell opens its commitment for editing.
      await cell.getByRole('button').click();
      await page.getByRole('dialog').getByLabel(/^Evidence/).waitFor();
      assert.equal(await page.getByRole('dialog').getByLabel(/^Evidence/).inputValue(), 'Named housing lead since October.');
      await page.keyboard.press('Escape');
      // The partner page's Roles card lists it.
      await page.goto(`${base}/n/${NETWORK}/partners/${housing.id}`);
      await page.getByTestId('partner-roles').locator('tr', { hasText: 'In place' }).first().waitFor();
    },
  },
  {
    name: 'role catalogue: browse by sector in the UI language, add and retire a role',
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/coverage/roles?sector=media`);
      await page.getByTestId('roles-table-media').waitFor();
      await screenshot(page, resultsDir, 'coverage-roles-1280');
      await assertAccessible(page, 'role catalogue');
      await page.getByRole('button', { name: 'Add a role' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /^Sector/ }).click();
      await page.getByRole('option', { name: 'Media', exact: true }).click();
      await dialog.getByLabel(/^Title in English/).fill('Publish a monthly helpline notice');
      await dialog.getByLabel(/^Title in Français/).fill("Publier chaque mois l'avis de la ligne d'écoute");
      await dialog.getByRole('button', { name: 'Add a role' }).click();
      await page.getByText('Role added.').waitFor();
      await page.getByText('Publish a monthly helpline notice').waitFor();
      await page.getByRole('button', { name: 'Retire Publish a monthly helpline notice' }).click();
      await page.getByText('Role retired.').waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Publish a monthly helpline notice'));
      // In French, the role list is in French (lang is sent to the API).
      await page.getByRole('checkbox', { name: 'Show retired roles' }).check();
      await page.waitForURL(/retired=include/);
      await page.getByRole('combobox', { name: 'Interface language' }).click();
      await page.getByRole('option', { name: 'Français' }).click();
      await page.getByText("Publier chaque mois l'avis de la ligne d'écoute").waitFor();
      await page.getByRole('heading', { name: 'Catalogue des rôles', level: 1 }).waitFor();
    },
  },
  {
    name: 'small screens (375 px): every main screen readable and accessible',
    viewport: { width: 375, height: 812 },
    async run({ page, context, base, resultsDir }) {
      await page.goto(`${base}/signin`);
      await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
      await screenshot(page, resultsDir, 'signin-375');
      await signIn(page, base);
      await screenshot(page, resultsDir, 'overview-375');
      await assertAccessible(page, 'overview at 375 px');
      await page.getByRole('button', { name: 'Open or close the menu' }).click();
      await page.getByRole('link', { name: 'Partners', exact: true }).click();
      await page.getByText(/page 1: 25 shown/).waitFor();
      await screenshot(page, resultsDir, 'directory-375');
      await assertAccessible(page, 'directory at 375 px');
      const token = await apiToken(context, base);
      const partner = await findPartner(context, base, token, { q: 'Acogida' });
      await page.goto(`${base}/n/${NETWORK}/partners/${partner.id}`);
      await page.getByRole('heading', { name: 'Engagement' }).waitFor();
      await screenshot(page, resultsDir, 'partner-375');
      await assertAccessible(page, 'partner at 375 px');
      await page.goto(`${base}/n/${NETWORK}/partners/map`);
      await page.getByTestId('unassessed-list').waitFor();
      await screenshot(page, resultsDir, 'stakeholder-map-375');
      await assertAccessible(page, 'map at 375 px');
      // At 600 px and below the matrix becomes a list of roles.
      await page.goto(`${base}/n/${NETWORK}/coverage?sector=housing`);
      await page.getByTestId('coverage-list').waitFor();
      assert.equal(await page.getByTestId('coverage-matrix').count(), 0);
      await screenshot(page, resultsDir, 'coverage-list-375');
      await assertAccessible(page, 'coverage at 375 px');
    },
  },
  {
    name: 'coordinator creates a service, adds a pathway from it, and finds it on the map and in the route finder',
    async run({ page, base, resultsDir }) {
      await signIn(page, base, COORDINATOR);
      await page.getByRole('link', { name: 'Services', exact: true }).click();
      await page.getByTestId('service-table').waitFor();
      await page.getByRole('link', { name: 'Add a service' }).click();
      await page.getByRole('heading', { name: 'Add a service', level: 1 }).waitFor();
      const form = page.getByTestId('service-form');
      // Required fields are checked before anything is sent.
      await form.getByRole('button', { name: 'Add service' }).click();
      await form.getByText('This field is required.').first().waitFor();
      await page.getByRole('combobox', { name: /^Partner/ }).click();
      await page.getByRole('option', { name: 'Riverside Gender Equality Unit' }).click();
      await page.getByRole('combobox', { name: /^Type/ }).click();
      await page.getByRole('option', { name: 'Helpline', exact: true }).click();
      await form.getByLabel(/^Service name/).fill('Northside night line');
      await form.getByRole('checkbox', { name: /^Entry point/ }).check();
      await form.getByRole('button', { name: 'Add opening hours' }).click();
      await form.getByLabel('Opens').first().waitFor();
      await form.getByRole('switch', { name: 'Open 24/7' }).check();
      await form.getByLabel('Front door phone').fill('+1 555 0199');
      await assertAccessible(page, 'service form');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, resultsDir, 'service-form-1280');
      await form.getByRole('button', { name: 'Add service' }).click();
      await page.getByRole('heading', { name: 'Northside night line', level: 1 }).waitFor();
      const serviceId = page.url().split('/services/')[1];
      assert.match(serviceId, /^[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Delete service' }).waitFor();
      await page.getByTestId('service-pathways').getByText('This service refers nowhere yet.', { exact: false }).waitFor();
      // A location: the confidential flag is explained where it is set.
      await page.getByRole('button', { name: 'Add a location' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/Only coordinators and this partner's editors will see it/).waitFor();
      await dialog.getByLabel(/^Name/).fill('Call centre');
      await dialog.getByLabel('Area').fill('north-district');
      // Let the dialog's fade-in end: axe measures colours as they are drawn.
      await page.waitForTimeout(500);
      await assertAccessible(page, 'location form');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Location saved.').waitFor();
      await page.getByText('Call centre').waitFor();
      // A pathway from it to the refuge, for emergency shelter.
      await page.getByRole('link', { name: 'Add pathway from this service' }).click();
      await page.getByRole('heading', { name: 'Add a pathway', level: 1 }).waitFor();
      const pathwayForm = page.getByTestId('pathway-form');
      assert.match(await page.getByRole('combobox', { name: /^From service/ }).inputValue(), /^Northside night line/);
      await page.getByRole('combobox', { name: /^To service/ }).click();
      await page.getByRole('option', { name: /^Refugio Luna/ }).click();
      await page.getByRole('combobox', { name: /^Needs/ }).click();
      await page.getByRole('option', { name: 'Emergency shelter' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: /^Channel/ }).click();
      await page.getByRole('option', { name: 'phone', exact: true }).click();
      await pathwayForm.getByLabel(/^Expected response/).fill('15');
      await page.getByRole('combobox', { name: /^Status/ }).click();
      await page.getByRole('option', { name: 'Active', exact: true }).click();
      // The "Location saved." notice fades out meanwhile; axe measures it mid-fade otherwise.
      await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, { timeout: 10_000 });
      await assertAccessible(page, 'pathway form');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, resultsDir, 'pathway-form-1280');
      await pathwayForm.getByRole('button', { name: 'Add pathway' }).click();
      await page.getByRole('heading', { name: 'Northside night line → Refugio Luna', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Edit pathway' }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, { timeout: 10_000 });
      await assertAccessible(page, 'pathway page');
      // The same pathway again: the API's 409 is shown at the field, and the form stays filled.
      await page.goto(`${base}/n/${NETWORK}/services/pathways/new?from=${serviceId}`);
      await page.getByRole('combobox', { name: /^To service/ }).click();
      await page.getByRole('option', { name: /^Refugio Luna/ }).click();
      await page.getByRole('combobox', { name: /^Needs/ }).click();
      await page.getByRole('option', { name: 'Legal advice' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: /^Channel/ }).click();
      await page.getByRole('option', { name: 'phone', exact: true }).click();
      await page.getByTestId('pathway-form').getByRole('button', { name: 'Add pathway' }).click();
      await page.getByText('There is already a pathway between these two services', { exact: false }).waitFor();
      assert.match(await page.getByRole('combobox', { name: /^To service/ }).inputValue(), /^Refugio Luna/);
      // …with a link to the pathway that is already there, to change its needs instead.
      await page.getByTestId('existing-pathway').click();
      await page.getByRole('heading', { name: 'Northside night line → Refugio Luna', level: 1 }).waitFor();
      // On the pathway map, with its sector in the legend and the table.
      await page.goto(`${base}/n/${NETWORK}/services/map`);
      await page.getByTestId('pathway-canvas').locator('canvas').first().waitFor();
      await page.getByTestId('map-legend-sectors').getByText('Local government').waitFor();
      const row = page.getByTestId('pathway-table').locator('tbody tr', { hasText: 'Northside night line' });
      await row.getByText('Local government → Specialist NGO').waitFor();
      await row.getByRole('button', { name: /^Details of the pathway/ }).click();
      await page.getByTestId('pathway-details').getByRole('link', { name: 'Open pathway' }).click();
      await page.getByRole('heading', { name: 'Northside night line → Refugio Luna', level: 1 }).waitFor();
      // The route finder uses it.
      await page.goto(`${base}/n/${NETWORK}/services/routes?entry_kind=service&entry=${serviceId}&need=emergency_shelter`);
      const result = page.getByTestId('need-emergency_shelter');
      await result.getByTestId('route').getByRole('link', { name: 'Refugio Luna' }).waitFor();
      await result.getByText(/Northside night line/).first().waitFor();
      await result.getByText('Active pathway agreed for this need.', { exact: false }).first().waitFor();
    },
  },
  {
    name: 'route finder and pathway health follow the interface language (French)',
    async run({ page, context, base }) {
      // (The viewer's password was changed by the ended-session scenario: sign in as the coordinator.)
      await signIn(page, base, COORDINATOR);
      const token = await apiToken(context, base, COORDINATOR);
      const response = await context.request.get(`${base}/api/v1/networks/${NETWORK}/services`, { headers: { Authorization: `Bearer ${token}` }, params: { q: 'helpline' } });
      const helpline = (await response.json()).items.find((s) => s.name === '24/7 helpline');
      assert.ok(helpline);
      await page.goto(`${base}/n/${NETWORK}/services/routes?entry_kind=service&entry=${helpline.id}&need=emergency_shelter`);
      const result = page.getByTestId('need-emergency_shelter');
      await result.getByText('Its type of service meets this need.', { exact: false }).first().waitFor();
      await page.getByRole('combobox', { name: 'Interface language' }).click();
      await page.getByRole('option', { name: 'Français' }).click();
      await page.getByRole('heading', { name: "Recherche d'itinéraire", level: 1 }).waitFor();
      await result.getByText('Son type de service répond à ce besoin.').first().waitFor();
      await result.getByText('Parcours actif convenu pour ce besoin.', { exact: false }).first().waitFor();
      assert.equal(await result.getByText('Its type of service meets this need.', { exact: false }).count(), 0);
      await assertAccessible(page, 'route finder in French');
      await page.getByRole('link', { name: 'État des parcours' }).first().click();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await page.getByTestId('finding-unreachable_service').getByText("n'est joignable depuis aucun point d'entrée", { exact: false }).first().waitFor();
    },
  },
  {
    name: 'partner editor sees service actions for their own partner only',
    async run({ page, context, base }) {
      await signIn(page, base, EDITOR);
      const token = await apiToken(context, base, EDITOR);
      const list = await (await context.request.get(`${base}/api/v1/networks/${NETWORK}/services`, { headers: { Authorization: `Bearer ${token}` }, params: { limit: 200 } })).json();
      const me = await (await context.request.get(`${base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).json();
      const own = list.items.find((s) => me.memberships[0].partner_ids.includes(s.partner_id));
      const other = list.items.find((s) => !me.memberships[0].partner_ids.includes(s.partner_id));
      assert.ok(own && other);
      await page.goto(`${base}/n/${NETWORK}/services/${own.id}`);
      await page.getByRole('link', { name: 'Edit service' }).waitFor();
      await page.getByRole('link', { name: 'Add pathway from this service' }).waitFor();
      await page.getByRole('button', { name: 'Post capacity' }).waitFor();
      await page.goto(`${base}/n/${NETWORK}/services/${other.id}`);
      await page.getByRole('heading', { name: other.name, level: 1 }).waitFor();
      await page.getByTestId('service-pathways').waitFor();
      assert.equal(await page.getByRole('link', { name: 'Edit service' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Delete service' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Add pathway from this service' }).count(), 0);
    },
  },
  {
    name: 'a coordinator invites someone by a one-time link, who signs in, accepts and sees the network',
    async run({ page, base, browser, resultsDir }) {
      // The account comes from the platform admin, as always (set-up through the API, in a
      // context of its own so that the admin's sign-in cookie stays out of this browser).
      const setup = await browser.newContext();
      try {
        const adminToken = await apiToken(setup, base, 'admin@riverside.example');
        const made = await setup.request.post(`${base}/api/v1/users`, {
          headers: { Authorization: `Bearer ${adminToken}` },
          data: { email: 'newcomer@riverside.example', full_name: 'Nadia Newcomer', password: PASSWORD },
        });
        assert.equal(made.status(), 201);
      } finally {
        await setup.close();
      }

      await signIn(page, base, COORDINATOR);
      await page.getByRole('link', { name: 'Members', exact: true }).click();
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
      await page.getByTestId('member-table').getByText('Victor Viewer').waitFor();
      const form = page.getByTestId('invite-form');
      await form.getByLabel(/^E-mail/).fill('Newcomer@riverside.example');
      await form.getByRole('button', { name: 'Create invitation' }).click();
      const shown = page.getByTestId('invitation-link');
      await shown.getByRole('button', { name: 'Copy link' }).waitFor();
      const link = await shown.getByTestId('invitation-link-value').inputValue();
      // The token rides in the fragment: never in a path or query a server would log.
      assert.match(link, new RegExp(`^${base}/invitations/accept#token=[A-Za-z0-9_-]{20,}$`));
      await screenshot(page, resultsDir, 'members-invitation-link-1280');
      await assertAccessible(page, 'members with a new invitation link');
      await page.getByTestId('pending-invitations').getByText('newcomer@riverside.example').waitFor();
      // Shown once: after Done, the form is back and the link is gone from the page.
      await shown.getByRole('button', { name: 'Done' }).click();
      await form.getByLabel(/^E-mail/).waitFor();
      assert.equal(await page.getByTestId('invitation-link').count(), 0);

      // The invitee, in their own browser, opens the link, signs in there and joins.
      const theirs = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      try {
        const invitee = await theirs.newPage();
        const requested = [];
        invitee.on('request', (request) => requested.push(request.url()));
        await invitee.goto(link);
        await invitee.getByRole('heading', { name: 'Join a network', level: 1 }).waitFor();
        await assertNeutralTitle(invitee);
        await invitee.getByLabel(/^E-mail/).fill('newcomer@riverside.example');
        await invitee.getByLabel(/^Password/).fill(PASSWORD);
        await invitee.getByRole('button', { name: 'Sign in' }).click();
        await invitee.getByText('Signed in as Nadia Newcomer', { exact: false }).waitFor();
        await assertAccessible(invitee, 'accept invitation');
        await invitee.getByRole('button', { name: 'Join the network' }).click();
        await invitee.waitForURL(new RegExp(`/n/${NETWORK}/?$`));
        await invitee.getByRole('heading', { name: 'Partners by engagement stage' }).waitFor();
        assert.ok(requested.every((url) => !url.includes('token=')), `token sent in a URL: ${requested.filter((u) => u.includes('token='))}`);
        // The link is spent.
        await invitee.goto(link);
        await invitee.getByRole('button', { name: 'Join the network' }).click();
        await invitee.getByTestId('invitation-problem').getByText('can no longer be used', { exact: false }).waitFor();
      } finally {
        await theirs.close();
      }

      // The coordinator sees the newcomer among the members, and no longer as pending.
      await page.reload();
      await page.getByTestId('member-table').getByText('Nadia Newcomer').waitFor();
      await page.getByText('No pending invitations.').waitFor();
    },
  },
];
