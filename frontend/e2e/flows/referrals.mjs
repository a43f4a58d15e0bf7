// Referrals (issue #14) in the built app: the shelter's editor sends a referral along an
// agreed pathway (consent asked, a name refused as its reference), the crisis centre's
// editor sees it in Received and marks it received, accepts it and completes it (a stale
// revoke on the way answers 412 and reloads), and the shelter sees it completed in Sent; a
// coordinator sees it without the reference, a viewer a calm explanation. Then a referral
// declined and referred onward, the inbox on a 320 px phone in French, and the overview's
// "waiting past their time" item opening the inbox filtered on it.
//
// Records of its own: the crisis centre's editor is invited here (the demo has one partner
// editor, the shelter's); a referral made overdue goes along a pathway with a one-minute
// response time that this file creates, and removes again once it has been looked at. Every
// referral it sends ends closed (completed, declined or revoked), so the overview is left
// as it found it.

import { assert, assertAccessible, assertNeutralTitle, chooseLanguage, COORDINATOR, EDITOR, NETWORK, PASSWORD, screenshot, signIn, VIEWER } from '../helpers.mjs';

const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 320, height: 720 };
const RECEIVER = 'crisis.editor@riverside.example';
const RECEIVER_NAME = 'Rhea Reception';
const SHELTER = 'Casa de Acogida Luna';
const CRISIS_CENTRE = "Riverside Women's Crisis Centre";

/** The API through Node's fetch: set-up and clean-up outside any browser context (they outlive one scenario). */
async function call(base, token, method, path, body, headers = {}) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : null };
}

async function tokenFor(base, email) {
  const response = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', body: new URLSearchParams({ username: email, password: PASSWORD }) });
  assert.equal(response.status, 200, `sign-in of ${email}`);
  return (await response.json()).access_token;
}

const net = (path) => `/networks/${NETWORK}${path}`;

async function serviceNamed(base, token, name) {
  const found = (await call(base, token, 'GET', net(`/services?q=${encodeURIComponent(name)}`))).body.items.find((s) => s.name === name);
  assert.ok(found, `no service ${name}`);
  return found;
}

// The crisis centre's editor: an account from the platform admin, invited by the coordinator, joined by accepting.
let receiverReady = null;
function ensureReceiver(base) {
  receiverReady ??= (async () => {
    const admin = await tokenFor(base, 'admin@riverside.example');
    const made = await call(base, admin, 'POST', '/users', { email: RECEIVER, full_name: RECEIVER_NAME, password: PASSWORD });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const coordinator = await tokenFor(base, COORDINATOR);
    const crisis = await serviceNamed(base, coordinator, 'Counselling service');
    assert.equal(crisis.partner_name, CRISIS_CENTRE);
    const invited = await call(base, coordinator, 'POST', net('/invitations'), { email: RECEIVER, role: 'partner_editor', partner_ids: [crisis.partner_id] });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const receiver = await tokenFor(base, RECEIVER);
    const joined = await call(base, receiver, 'POST', '/invitations/accept', { token: invited.body.token });
    assert.ok(joined.status === 200 || joined.status === 201, JSON.stringify(joined.body));
    return { crisisPartnerId: crisis.partner_id };
  })();
  return receiverReady;
}

// A referral past its answer time: along a pathway agreed with a one-minute response (made
// here, removed after), marked received at once so that the expiry sweep leaves it waiting.
let overdueReady = null;
function ensureOverdueReferral(base) {
  overdueReady ??= (async () => {
    await ensureReceiver(base);
    const coordinator = await tokenFor(base, COORDINATOR);
    const refuge = await serviceNamed(base, coordinator, 'Refugio Luna');
    const crisis = await serviceNamed(base, coordinator, 'Crisis centre');
    const pathway = await call(base, coordinator, 'POST', net('/pathways'), {
      from_service_id: refuge.id,
      to_service_id: crisis.id,
      needs: ['immediate_safety'],
      consent_required: false,
      channel: 'phone',
      expected_response_minutes: 1,
      status: 'active',
    });
    assert.equal(pathway.status, 201, JSON.stringify(pathway.body));
    const sender = await tokenFor(base, EDITOR);
    const sent = await call(base, sender, 'POST', net('/referrals'), { pathway_id: pathway.body.id, needs: ['immediate_safety'], urgency: 'immediate', consent_given: false, sender_reference: 'E2E-LATE-1' });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const receiver = await tokenFor(base, RECEIVER);
    const received = await call(base, receiver, 'PATCH', net(`/referrals/${sent.body.id}`), { status: 'received' }, { 'If-Match': sent.etag });
    assert.equal(received.status, 200, JSON.stringify(received.body));
    return { referral: received.body, pathwayId: pathway.body.id };
  })();
  return overdueReady;
}

async function quiet(page) {
  // Notifications fade out; axe would measure them mid-fade.
  await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, { timeout: 10_000 });
}

async function noPageOverflow(page, where) {
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

async function signedIn(browser, base, email, viewport = WIDE) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, base, email);
  return { context, page };
}

async function openInbox(page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Referrals', exact: true }).click();
  await page.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
}

/** The inbox row (wide screen) of the referral with this reference. */
const rowWith = (page, text) => page.getByTestId('referral-table').getByTestId('referral-row').filter({ hasText: text });

export const scenarios = [
  {
    name: 'referrals: the shelter sends along a pathway (consent asked, a name refused), the crisis centre receives, accepts and completes it, the shelter sees it completed; coordinator and viewer',
    viewport: WIDE,
    async run({ page, base, browser, resultsDir }) {
      await ensureReceiver(base);
      // The shelter's editor: nothing received yet, and what to do about it.
      await signIn(page, base, EDITOR);
      await openInbox(page);
      await assertNeutralTitle(page);
      await page.getByText('No referrals received yet').waitFor();
      await page.getByTestId('referral-direction').getByText('Sent', { exact: true }).click();
      await page.waitForURL(/\/referrals\?direction=sent$/);
      await page.getByText('No referrals sent yet').waitFor();
      // The late referral's minute starts now, not when its scenario comes (awaited there).
      ensureOverdueReferral(base).catch(() => {});
      await assertAccessible(page, 'empty referrals inbox');
      await page.goBack();
      await page.waitForURL(/\/referrals$/);
      await page.getByText('No referrals received yet').waitFor();

      await page.getByRole('main').getByRole('link', { name: 'Send a referral' }).first().click();
      await page.getByRole('heading', { name: 'Send a referral', level: 1 }).waitFor();
      const form = page.getByTestId('send-referral-form');
      // The shelter has one service: it is the sender already.
      assert.equal(await form.getByRole('combobox', { name: /^Sending service/ }).inputValue(), 'Refugio Luna');
      const pathway = form.getByRole('radio', { name: `Counselling service — ${CRISIS_CENTRE}` });
      await pathway.waitFor();
      await form.getByText('For: Psychosocial support · no agreed response time (due by urgency) · asks for consent').waitFor();
      await form.getByRole('radio', { name: 'Straight to a service (off-pathway)' }).waitFor();
      await pathway.check();
      // Only the pathway's own need is offered; being the only one, it is chosen.
      const needs = form.getByTestId('referral-needs').getByRole('checkbox');
      assert.equal(await needs.count(), 1);
      assert.equal(await form.getByRole('checkbox', { name: 'Psychosocial support' }).isChecked(), true);
      await form.getByRole('radio', { name: 'Same day' }).check();
      await form.getByText('This pathway asks for her consent', { exact: false }).waitFor();
      await form.getByLabel(/^Your reference/).fill('Maria Lopez');
      await screenshot(page, resultsDir, 'referral-send-1366');
      await assertAccessible(page, 'send a referral');

      // Without consent nothing is sent: said next to the checkbox.
      await form.getByRole('button', { name: 'Send referral' }).click();
      await form.getByText('Her consent is needed for this referral: ask her first.').waitFor();
      assert.match(page.url(), /\/referrals\/new$/);
      await form.getByRole('checkbox', { name: /informed consent/ }).check();
      // A name as the reference: the API refuses it, its message shows at the field, and nothing typed is lost.
      await form.getByRole('button', { name: 'Send referral' }).click();
      await form.getByText('Looks like a name. Use your case system', { exact: false }).waitFor();
      assert.equal(await form.getByLabel(/^Your reference/).getAttribute('aria-invalid'), 'true');
      assert.equal(await form.getByLabel(/^Your reference/).inputValue(), 'Maria Lopez');
      assert.equal(await pathway.isChecked(), true);
      assert.equal(await form.getByRole('checkbox', { name: /informed consent/ }).isChecked(), true);
      assert.equal(await form.getByRole('radio', { name: 'Same day' }).isChecked(), true);
      await form.getByLabel(/^Your reference/).fill('DV-2026-0042');
      await form.getByRole('button', { name: 'Send referral' }).click();
      await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
      const referralUrl = page.url();
      await page.getByText(`Referral sent to Counselling service (${CRISIS_CENTRE}).`).waitFor();
      await page.getByTestId('referral-status').getByText('Sent').waitFor();
      await page.getByTestId('referral-to').getByText('Counselling service').waitFor();
      await page.getByTestId('referral-to').getByText(CRISIS_CENTRE).waitFor();
      await page.getByTestId('referral-reference').getByText('DV-2026-0042').waitFor();
      await page.getByTestId('referral-timeline').getByText('Waiting to be received').waitFor();
      // The sender may only revoke it.
      await page.getByTestId('referral-action-revoke').waitFor();
      assert.equal(await page.getByTestId('referral-action-receive').count(), 0);
      await assertNeutralTitle(page);
      await quiet(page);
      await screenshot(page, resultsDir, 'referral-sent-1366');
      await assertAccessible(page, 'a referral just sent');

      // The crisis centre's editor, in a browser of their own: it is in Received.
      const receiver = await signedIn(browser, base, RECEIVER);
      try {
        const them = receiver.page;
        await openInbox(them);
        const row = rowWith(them, 'DV-2026-0042');
        await row.getByText('Refugio Luna').waitFor();
        await row.getByText(SHELTER).waitFor();
        await row.getByText('Psychosocial support').waitFor();
        await row.getByText('Same day').waitFor();
        await row.getByText('Sent', { exact: true }).waitFor();
        await screenshot(them, resultsDir, 'referrals-received-1366');
        await assertAccessible(them, 'referrals received');
        await row.getByTestId('referral-link').click();
        await them.waitForURL(referralUrl);
        await them.getByTestId('referral-action-receive').click();
        await them.getByTestId('referral-status').getByText('Received').waitFor();
        await them.getByTestId('referral-timeline').getByText('Marked received').waitFor();

        // The shelter's page still shows version 1: revoking from it is refused as stale (412), and Reload shows the news.
        await page.getByTestId('referral-action-revoke').click();
        await page.getByRole('dialog').getByRole('button', { name: 'Revoke referral' }).click();
        await page.getByTestId('conflict-alert').waitFor();
        await page.getByTestId('conflict-alert').getByRole('button', { name: 'Reload' }).click();
        await page.getByTestId('referral-status').getByText('Received').waitFor();
        assert.equal(await page.getByTestId('conflict-alert').count(), 0);

        await them.getByTestId('referral-action-accept').click();
        await them.getByTestId('referral-status').getByText('Accepted').waitFor();
        await them.getByTestId('referral-action-complete').click();
        await them.getByTestId('referral-status').getByText('Completed').waitFor();
        const steps = await them.getByTestId('referral-timeline').locator('[data-step]').evaluateAll((items) => items.map((item) => item.dataset.step));
        assert.deepEqual(steps, ['sent', 'received', 'accepted', 'completed']);
        // Closed: nothing more to do.
        assert.equal(await them.getByTestId('referral-actions').count(), 0);
        await quiet(them);
        await screenshot(them, resultsDir, 'referral-completed-1366');
        await assertAccessible(them, 'a completed referral');
      } finally {
        await receiver.context.close();
      }

      // The shelter sees it completed in Sent.
      await openInbox(page);
      await page.getByTestId('referral-direction').getByText('Sent', { exact: true }).click();
      await page.waitForURL(/direction=sent/);
      const sentRow = rowWith(page, 'DV-2026-0042');
      await sentRow.getByText('Completed').waitFor();
      await sentRow.getByText('Counselling service').waitFor();
      await sentRow.getByText(CRISIS_CENTRE).waitFor();
      // The status filter narrows it, in the URL too.
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Declined' }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/status=declined/);
      await page.getByText('No referrals match these filters').waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).first().click();
      await page.waitForURL((url) => !url.search.includes('status='));
      await sentRow.waitFor();

      // A coordinator sees every referral, without the sender's reference, and moves none.
      const coordinator = await signedIn(browser, base, COORDINATOR);
      try {
        const them = coordinator.page;
        await openInbox(them);
        const row = them.getByTestId('referral-row').filter({ hasText: 'Counselling service' }).filter({ hasText: 'Refugio Luna' });
        await row.first().getByText('Completed').waitFor();
        assert.equal(await them.getByRole('columnheader', { name: "Sender's reference" }).count(), 0);
        assert.equal(await them.getByText('DV-2026-0042').count(), 0);
        assert.equal(await them.getByTestId('referral-direction').count(), 0);
        // Choosing a partner offers what it received or sent, in the URL; Back undoes it.
        await them.getByRole('combobox', { name: /^Partner/ }).click();
        await them.getByRole('option', { name: SHELTER }).click();
        await them.keyboard.press('Escape');
        await them.waitForURL(/partner_id=/);
        await them.getByTestId('referral-direction').getByText('Sent', { exact: true }).click();
        await them.waitForURL(/direction=sent/);
        // What the shelter sent: the receiving end is named.
        const sentByShelter = them.getByTestId('referral-row').filter({ hasText: 'Counselling service' });
        await sentByShelter.first().getByText(CRISIS_CENTRE).waitFor();
        await them.getByTestId('referral-direction').getByText('Received', { exact: true }).click();
        await them.waitForURL(/direction=received/);
        await them.getByText('No referrals match these filters').waitFor();
        await them.goBack();
        await them.waitForURL(/direction=sent/);
        await sentByShelter.first().waitFor();
        await them.goBack();
        await them.waitForURL((url) => !url.search.includes('direction='));
        await row.first().waitFor();
        await screenshot(them, resultsDir, 'referrals-coordinator-1366');
        await assertAccessible(them, 'referrals for a coordinator');
        await row.first().getByTestId('referral-link').click();
        await them.getByTestId('referral-status').getByText('Completed').waitFor();
        assert.equal(await them.getByTestId('referral-reference').count(), 0);
        assert.equal(await them.getByTestId('referral-actions').count(), 0);
      } finally {
        await coordinator.context.close();
      }

      // A viewer sees statistics only: a calm word, not an error.
      const viewer = await signedIn(browser, base, VIEWER);
      try {
        await openInbox(viewer.page);
        await viewer.page.getByTestId('referrals-viewer-notice').getByText('Referrals are seen by the partners involved').waitFor();
        assert.equal(await viewer.page.getByRole('alert').count(), 0);
        assert.equal(await viewer.page.getByRole('link', { name: 'Send a referral' }).count(), 0);
        await assertAccessible(viewer.page, 'referrals for a viewer');
      } finally {
        await viewer.context.close();
      }

      // Meanwhile a referral starts to run late, for the overview's scenario below.
      void ensureOverdueReferral(base).catch(() => undefined);
    },
  },
  {
    name: 'referrals: declined as referred onward, the next referral sent and linked both ways, then revoked by its sender',
    viewport: WIDE,
    async run({ page, base }) {
      await ensureReceiver(base);
      const sender = await tokenFor(base, EDITOR);
      const coordinator = await tokenFor(base, COORDINATOR);
      const refuge = await serviceNamed(base, coordinator, 'Refugio Luna');
      const along = (await call(base, coordinator, 'GET', net(`/pathways?service_id=${refuge.id}&status=active`))).body.items.find((p) => p.to_service.name === 'Counselling service');
      const sent = await call(base, sender, 'POST', net('/referrals'), { pathway_id: along.id, needs: ['psychosocial_support'], urgency: 'routine', consent_given: true, sender_reference: 'DV-2026-0043' });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));

      await signIn(page, base, RECEIVER);
      await page.goto(`${base}/n/${NETWORK}/referrals/${sent.body.id}`);
      await page.getByTestId('referral-action-receive').click();
      await page.getByTestId('referral-status').getByText('Received').waitFor();
      await page.getByTestId('referral-action-decline').click();
      const decline = page.getByTestId('decline-form');
      // A reason is required before anything is sent.
      await decline.getByRole('button', { name: 'Decline referral' }).click();
      await decline.getByText('Choose the reason.').waitFor();
      await decline.getByRole('combobox', { name: /^Reason for declining/ }).click();
      await page.getByRole('option', { name: 'Referred onward to another service' }).click();
      await decline.getByRole('button', { name: 'Decline and refer onward' }).click();
      await decline.getByText('Choose the service it goes to next.').waitFor();
      await decline.getByRole('combobox', { name: /^Onward service/ }).click();
      await page.getByRole('option', { name: "Legal advice clinic — Riverside Women's Legal Advice Centre" }).click();
      await assertAccessible(page, 'declining a referral');
      await decline.getByRole('button', { name: 'Decline and refer onward' }).click();
      await page.getByTestId('referral-status').getByText('Declined').waitFor();
      await page.getByTestId('referral-timeline').getByText('Reason: Referred onward to another service').waitFor();
      // The crisis centre sent the next one: it may open it, and from it come back.
      await page.getByTestId('onward-referral').click();
      await page.getByTestId('referral-to').getByText('Legal advice clinic').waitFor();
      await page.getByTestId('referral-from').getByText('Counselling service').waitFor();
      await page.getByTestId('referral-needs').getByText('Psychosocial support').waitFor();
      await page.getByText('Straight to the service (off-pathway)').waitFor();
      await page.getByTestId('previous-referral').waitFor();
      // Its sender revokes it (asked first).
      await page.getByTestId('referral-action-revoke').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Revoke referral' }).click();
      await page.getByTestId('referral-status').getByText('Revoked').waitFor();
      await page.getByTestId('referral-timeline').getByText('Revoked by the sender').waitFor();
      await page.getByTestId('previous-referral').click();
      await page.getByTestId('referral-status').getByText('Declined').waitFor();

      // The shelter sees it declined, and that it went on (not where: that is between the crisis centre and the next service).
      const shelter = await tokenFor(base, EDITOR);
      const seen = await call(base, shelter, 'GET', net(`/referrals/${sent.body.id}`));
      assert.equal(seen.body.status, 'declined');
      assert.equal((await call(base, shelter, 'GET', net(`/referrals/${seen.body.onward_referral_id}`))).status, 404);
    },
  },
  {
    name: 'referrals: the inbox and a referral on a 320 px phone, in French',
    viewport: NARROW,
    async run({ page, base, resultsDir }) {
      await ensureReceiver(base);
      await page.setViewportSize(WIDE);
      await signIn(page, base, RECEIVER);
      await chooseLanguage(page, 'Français');
      await page.setViewportSize(NARROW);
      await page.goto(`${base}/n/${NETWORK}/referrals?status=completed`);
      await page.getByRole('heading', { name: 'Orientations', level: 1 }).waitFor();
      const card = page.getByTestId('referral-card').filter({ hasText: 'DV-2026-0042' });
      await card.getByText('Terminée').waitFor();
      await card.getByText('Soutien psychosocial').waitFor();
      assert.equal(await page.getByTestId('referral-table').isVisible(), false);
      await noPageOverflow(page, 'the inbox at 320 px');
      await assertNeutralTitle(page);
      await screenshot(page, resultsDir, 'referrals-received-fr-320');
      await assertAccessible(page, 'the inbox in French at 320 px');
      await card.getByTestId('referral-link').click();
      await page.getByTestId('referral-timeline').getByText('Marquée reçue').waitFor();
      await noPageOverflow(page, 'a referral at 320 px');
      await screenshot(page, resultsDir, 'referral-fr-320');
      await assertAccessible(page, 'a referral in French at 320 px');
      // The form too, on the phone, in French (as the shelter's editor would see it).
      await page.goto(`${base}/n/${NETWORK}/referrals/new`);
      await page.getByRole('heading', { name: 'Envoyer une orientation', level: 1 }).waitFor();
      await page.getByText('Rien ici ne l’identifie').waitFor();
      await noPageOverflow(page, 'the form at 320 px');
      await screenshot(page, resultsDir, 'referral-send-fr-320');
    },
  },
  {
    name: 'referrals: the overview’s referrals waiting past their time open the inbox filtered on them (coordinator, sender)',
    viewport: WIDE,
    async run({ page, base, resultsDir }) {
      const { referral, pathwayId } = await ensureOverdueReferral(base);
      // Due a minute after it was sent.
      const wait = new Date(referral.due_at).getTime() - Date.now() + 1500;
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      try {
        await signIn(page, base, COORDINATOR);
        const link = page.getByTestId('attention-link-referrals_overdue-high');
        await link.getByText(`1 referral to ${CRISIS_CENTRE} waiting past its time`).waitFor();
        await link.click();
        await page.waitForURL(/\/referrals\?/);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('direction'), 'received');
        assert.equal(url.searchParams.get('overdue'), 'true');
        assert.equal(url.searchParams.getAll('partner_id').length, 1);
        const row = page.getByTestId('referral-row');
        await row.first().getByTestId('overdue-badge').waitFor();
        assert.equal(await row.count(), 1);
        await row.getByText('Refugio Luna').waitFor();
        assert.equal(await page.getByRole('switch', { name: /^Overdue only/ }).isChecked(), true);
        await screenshot(page, resultsDir, 'referrals-overdue-coordinator-1366');
        await assertAccessible(page, 'overdue referrals');

        // The shelter sent it: its overview leads to what it sent that runs late.
        await page.getByTestId('user-menu').click();
        await page.getByTestId('sign-out').click();
        await page.waitForURL(/\/signin/);
        await signIn(page, base, EDITOR);
        await page.getByTestId('attention-link-referrals_overdue-high').click();
        await page.waitForURL(/direction=sent/);
        await rowWith(page, 'E2E-LATE-1').getByTestId('overdue-badge').waitFor();
      } finally {
        // Closed and its pathway gone: the overview as it was.
        const receiver = await tokenFor(base, RECEIVER);
        const current = await call(base, receiver, 'GET', net(`/referrals/${referral.id}`));
        const declined = await call(base, receiver, 'PATCH', net(`/referrals/${referral.id}`), { status: 'declined', decline_reason: 'no_capacity' }, { 'If-Match': current.etag });
        assert.equal(declined.status, 200, JSON.stringify(declined.body));
        const coordinator = await tokenFor(base, COORDINATOR);
        const pathway = await call(base, coordinator, 'GET', net(`/pathways/${pathwayId}`));
        const removed = await call(base, coordinator, 'DELETE', net(`/pathways/${pathwayId}`), null, { 'If-Match': pathway.etag });
        assert.equal(removed.status, 204, JSON.stringify(removed.body));
      }
    },
  },
  {
    name: 'referrals: statistics — a viewer sees the flow’s few referrals hidden, the shelter’s editor its own exact figures',
    viewport: WIDE,
    async run({ page, base, browser, resultsDir }) {
      await ensureOverdueReferral(base);
      const coordinator = await tokenFor(base, COORDINATOR);
      const shelter = await serviceNamed(base, coordinator, 'Refugio Luna');
      const editorToken = await tokenFor(base, EDITOR);
      const exact = await call(base, editorToken, 'GET', net(`/referrals/stats?period=year&partner_id=${shelter.partner_id}`));
      assert.equal(exact.status, 200, JSON.stringify(exact.body));
      const exactTotal = exact.body.rows.find((r) => r.group.kind === 'total').counts.total.value;
      assert.ok(exactTotal >= 1 && exactTotal < 10, `the flow's referrals: ${exactTotal}`);

      // The viewer: from the inbox's explanation to the statistics, every figure of the flow's few referrals hidden.
      const viewer = await signedIn(browser, base, VIEWER);
      try {
        await openInbox(viewer.page);
        await viewer.page.getByTestId('referrals-viewer-notice').getByRole('link', { name: 'See the referral statistics' }).click();
        await viewer.page.getByRole('heading', { name: 'Referral statistics', level: 1 }).waitFor();
        await viewer.page.getByRole('combobox', { name: 'Period' }).click();
        await viewer.page.getByRole('option', { name: 'Whole year' }).click();
        await viewer.page.waitForURL(/\/referrals\/statistics\?period=year$/);
        await viewer.page.getByTestId('stats-legend').getByText('rounded to a multiple of 5', { exact: false }).waitFor();
        // The month's table stays while the year's loads: the year's has one column.
        await viewer.page.getByTestId('stats-table').getByRole('columnheader', { name: String(exact.body.year), exact: true }).waitFor();
        assert.equal(await viewer.page.getByTestId('stats-table').getByRole('columnheader').count(), 2);
        const total = viewer.page.getByTestId('stats-row').filter({ hasText: 'All referrals' });
        await total.getByTestId('stat-suppressed').waitFor();
        const cell = total.getByRole('cell').first();
        // No number where the count is hidden (the explanation read to screen readers aside).
        const shown = (await cell.innerText()).replace(/Fewer than 10 referrals[^]*?recognised\./, '');
        assert.doesNotMatch(shown, /\d/, `a hidden count shows no number: ${shown}`);
        assert.equal(await total.getByTestId('stat-value').count(), 0);
        assert.match(await total.getByTestId('stat-suppressed').textContent(), /Fewer than 10 referrals/);
        // Its breakdown opens by keyboard, in rows of their own.
        await total.getByRole('button', { name: 'All referrals' }).focus();
        await viewer.page.keyboard.press('Enter');
        assert.equal(await total.getByRole('button', { name: 'All referrals' }).getAttribute('aria-expanded'), 'true');
        await viewer.page.getByTestId('stats-detail').filter({ hasText: 'Acceptance rate' }).waitFor();
        await assertNeutralTitle(viewer.page);
        await assertAccessible(viewer.page, 'referral statistics (viewer)');
        await viewer.page.setViewportSize(NARROW);
        await noPageOverflow(viewer.page, 'statistics at 320 px');
        await screenshot(viewer.page, resultsDir, 'referral-stats-viewer-320');
      } finally {
        await viewer.context.close();
      }

      // The shelter's editor, choosing its own figures: exact counts, nothing hidden.
      await signIn(page, base, EDITOR);
      await openInbox(page);
      await page.getByRole('main').getByRole('link', { name: 'Statistics' }).click();
      await page.getByRole('heading', { name: 'Referral statistics', level: 1 }).waitFor();
      await page.goto(`${base}/n/${NETWORK}/referrals/statistics?period=year`);
      await page.getByRole('combobox', { name: 'Whose figures' }).click();
      await page.getByRole('option', { name: `${SHELTER}: own exact figures` }).click();
      await page.waitForURL(new RegExp(`partner_id=${shelter.partner_id}`));
      await page.getByTestId('stats-legend').getByText('exact counts', { exact: false }).waitFor();
      await page.getByTestId('stats-table').getByRole('columnheader', { name: String(exact.body.year), exact: true }).waitFor();
      const own = page.getByTestId('stats-row').filter({ hasText: 'All referrals' });
      await own.getByTestId('stat-value').getByText(String(exactTotal), { exact: true }).waitFor();
      assert.equal(await page.getByTestId('stat-suppressed').count(), 0);
      await screenshot(page, resultsDir, 'referral-stats-own-1366');
      await assertAccessible(page, 'referral statistics (own figures)');
    },
  },
];
