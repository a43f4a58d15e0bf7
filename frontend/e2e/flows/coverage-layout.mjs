// The coverage matrix on a laptop: it scrolls inside its own box with its headers in view, and
// the page itself never overflows sideways. Read-only: changes no data.
import { assert, assertAccessible, NETWORK, screenshot, signIn } from '../helpers.mjs';

const LONG_NAME = 'Asociación Vecinal Puerto Ribera'; // no acronym: the header shows the name itself

export const scenarios = [
  {
    name: 'coverage layout: the matrix scrolls in its own box at 1366×900, headers stay, names are cut but whole for screen readers',
    viewport: { width: 1366, height: 900 },
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/coverage`);
      const matrix = page.getByRole('region', { name: /^Coverage matrix/ });
      await matrix.waitFor();
      assert.equal(await matrix.getAttribute('tabindex'), '0', 'the scroll box is reachable from the keyboard');
      assert.equal(await matrix.getAttribute('data-testid'), 'coverage-matrix');

      // No page overflow: the document is no wider than the window.
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
      assert.ok(widths.doc <= widths.win, `document ${widths.doc} px wide in a ${widths.win} px window`);
      // The box itself is bounded by the window and does scroll.
      const box = await matrix.evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), sh: el.scrollHeight, ch: el.clientHeight, sw: el.scrollWidth, cw: el.clientWidth }));
      assert.ok(box.right <= widths.win, `matrix box ends at ${box.right} px`);
      assert.ok(box.height <= 900, `matrix box is ${box.height} px high`);
      assert.ok(box.sh > box.ch, 'the matrix scrolls down inside its box');
      await screenshot(page, resultsDir, 'coverage-layout-1366');

      // Scroll the box down and right: the partner header row and the role column stay in view.
      await matrix.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        el.scrollLeft = el.scrollWidth;
      });
      await page.waitForFunction((testid) => document.querySelector(`[data-testid="${testid}"]`).scrollTop > 0, 'coverage-matrix');
      const after = await matrix.evaluate((el) => {
        const container = el.getBoundingClientRect();
        // Sticky applies to the header cells (not the row): the last partner's, in view once scrolled right.
        const head = el.querySelector('thead th:last-child').getBoundingClientRect();
        const rowHead = el.querySelector('tbody tr[data-role-id] th').getBoundingClientRect();
        return { scrollTop: el.scrollTop, container: container.toJSON(), head: head.toJSON(), rowHead: rowHead.toJSON() };
      });
      assert.ok(after.scrollTop > 0);
      assert.ok(after.head.top >= after.container.top - 1 && after.head.top <= after.container.top + 2, `header row top ${after.head.top} vs box top ${after.container.top}`);
      assert.ok(after.head.bottom <= after.container.bottom);
      assert.ok(await page.getByRole('columnheader', { name: 'Role', exact: true }).isVisible());
      assert.ok(Math.abs(after.rowHead.left - after.container.left) <= 2, `role column left ${after.rowHead.left} vs box left ${after.container.left}`);
      // Scrolling the box never moved the page sideways.
      assert.equal(await page.evaluate(() => window.scrollX), 0);

      // A long partner name is cut on screen (one line, ellipsis) yet whole in its title and accessible name.
      const header = matrix.locator('thead th').filter({ has: page.getByRole('link', { name: LONG_NAME, exact: true }) });
      assert.equal(await header.count(), 1, `one column header for ${LONG_NAME}`);
      assert.equal(await header.getAttribute('title'), LONG_NAME);
      const link = header.getByRole('link', { name: LONG_NAME, exact: true });
      const cut = await link.evaluate((el) => {
        const style = getComputedStyle(el);
        return { whiteSpace: style.whiteSpace, textOverflow: style.textOverflow, clipped: el.scrollWidth > el.clientWidth, lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight || '16')) };
      });
      assert.equal(cut.whiteSpace, 'nowrap', 'the name never breaks mid-word');
      assert.equal(cut.textOverflow, 'ellipsis');
      assert.ok(cut.clipped, 'the long name is cut with an ellipsis');
      assert.equal(await link.getAttribute('title'), LONG_NAME);

      // Keyboard: focus reaches the scroll box, and the arrow keys scroll it.
      await matrix.evaluate((el) => {
        el.scrollTop = 0;
        el.scrollLeft = 0;
      });
      await matrix.focus();
      await page.keyboard.press('PageDown');
      await page.waitForFunction((testid) => document.querySelector(`[data-testid="${testid}"]`).scrollTop > 0, 'coverage-matrix');
      await assertAccessible(page, 'coverage matrix at 1366×900');
    },
  },
  {
    name: 'coverage layout: no sideways page overflow at 390×844',
    viewport: { width: 390, height: 844 },
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/coverage`);
      await page.getByTestId('coverage-list').waitFor();
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
      assert.ok(widths.doc <= widths.win, `document ${widths.doc} px wide in a ${widths.win} px window`);
      await screenshot(page, resultsDir, 'coverage-layout-390');
      await assertAccessible(page, 'coverage at 390×844');
    },
  },
];
