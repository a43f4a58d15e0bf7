// Words, not codes (issue #13, item 2): areas from the network's gazetteer and languages
// by name, typed in the interface language; the API keeps the codes.
import { assert, assertAccessible, chooseLanguage, NETWORK, screenshot, signIn } from '../helpers.mjs';

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function quiet(page) {
  // Notifications fade out; axe would measure them mid-fade.
  await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, { timeout: 10_000 });
}

/** Types into a picker and chooses the option it offers. */
async function pick(page, combobox, typed, option) {
  await combobox.click();
  await combobox.fill(typed);
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
  await page.keyboard.press('Escape');
}

export const scenarios = [
  {
    name: 'words: a coordinator nests a district in the gazetteer, picks it by name on a partner, and the region filter finds it',
    viewport: WIDE,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.getByRole('link', { name: 'Areas', exact: true }).click();
      await page.getByRole('heading', { name: 'Areas', level: 1 }).waitFor();
      const table = page.getByTestId('area-table');
      await table.getByTestId('area-row-north-district').getByText('In Greater Riverside').waitFor();
      // Search matches the names in every language: the Spanish name finds the district.
      await page.getByTestId('area-search').fill('Distrito Norte');
      await table.getByTestId('area-row-north-district').waitFor();
      assert.equal(await table.getByTestId('area-row-old-town').count(), 0);
      await page.getByTestId('area-search').fill('');

      // A new district inside the city.
      await page.getByRole('button', { name: 'Add an area inside Greater Riverside' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name in English/).fill('Harbour District');
      await dialog.getByLabel(/^Name in French/).fill('Quartier du Port');
      await dialog.getByLabel(/^Name in Spanish/).fill('Distrito del Puerto');
      assert.equal(await dialog.getByLabel(/^Code/).inputValue(), 'harbour-district');
      assert.match(await dialog.getByRole('combobox', { name: /^Inside/ }).inputValue(), /Greater Riverside/);
      await page.waitForTimeout(400);
      await assertAccessible(page, 'area form');
      await dialog.getByRole('button', { name: 'Add an area' }).click();
      await table.getByTestId('area-row-harbour-district').getByText('In Greater Riverside').waitFor();
      await table.getByTestId('area-row-harbour-district').getByText('Quartier du Port · Distrito del Puerto').waitFor();
      await quiet(page);
      await screenshot(page, resultsDir, 'words-areas-1366');
      await assertAccessible(page, 'areas');

      // A partner in the new district, picked by typing its name.
      await page.goto(`${base}/n/${NETWORK}/partners/new`);
      await page.getByTestId('partner-form').waitFor();
      await page.getByLabel(/^Name/).first().fill('Harbour Women’s Centre');
      await page.getByRole('combobox', { name: /^Sector/ }).click();
      await page.getByRole('option', { name: 'Specialist NGO' }).click();
      await pick(page, page.getByRole('combobox', { name: /^Areas/ }), 'Harbour', /^Harbour District/);
      await pick(page, page.getByRole('combobox', { name: /^Languages/ }), 'Spanish', 'Spanish');
      await assertAccessible(page, 'partner form with pickers');
      await page.getByRole('button', { name: 'Add partner' }).click();
      await page.getByRole('heading', { name: /Harbour Women’s Centre/ }).waitFor();
      await page.getByText('Harbour District', { exact: true }).waitFor();
      await page.getByText('Spanish', { exact: true }).waitFor();

      // The directory filtered by the city (a region) finds the district's partner.
      await page.goto(`${base}/n/${NETWORK}/partners`);
      await page.getByTestId('partner-table').waitFor();
      await pick(page, page.getByRole('combobox', { name: /^Area/ }), 'Greater', /^Greater Riverside/);
      await page.waitForURL(/area=greater-riverside/);
      const directory = page.getByTestId('partner-table');
      await directory.getByRole('link', { name: 'Harbour Women’s Centre' }).waitFor();
      // Area names, not codes, in the list.
      await directory.getByText('Harbour District').first().waitFor();
      assert.equal(await directory.getByText('harbour-district').count(), 0);
      await screenshot(page, resultsDir, 'words-directory-region-1366');
      await assertAccessible(page, 'directory filtered by a region');

      await page.setViewportSize(PHONE);
      await page.goto(`${base}/n/${NETWORK}/areas`);
      await page.getByTestId('area-list').getByText('Harbour District', { exact: true }).waitFor();
      await screenshot(page, resultsDir, 'words-areas-390');
      await assertAccessible(page, 'areas on a phone');
    },
  },
  {
    name: 'words: a service form takes "Spanish" in English and "espagnol" in French, and the service page names the language',
    viewport: WIDE,
    async run({ page, base, resultsDir }) {
      await signIn(page, base);
      await page.goto(`${base}/n/${NETWORK}/services/new`);
      await page.getByRole('heading', { name: 'Add a service', level: 1 }).waitFor();
      const form = page.getByTestId('service-form');
      await page.getByRole('combobox', { name: /^Partner/ }).click();
      await page.getByRole('option', { name: 'Riverside Gender Equality Unit' }).click();
      await page.getByRole('combobox', { name: /^Type/ }).click();
      await page.getByRole('option', { name: 'Helpline', exact: true }).click();
      await form.getByLabel(/^Service name/).fill('Port advice line');
      await pick(page, page.getByRole('combobox', { name: /^Languages/ }), 'Spanish', 'Spanish');
      await pick(page, page.getByRole('combobox', { name: /^Areas/ }), 'Old', /^Old Town/);
      await assertAccessible(page, 'service form with pickers');
      await form.getByRole('button', { name: 'Add service' }).click();
      await page.getByRole('heading', { name: 'Port advice line', level: 1 }).waitFor();
      await page.getByText('Spanish', { exact: true }).waitFor();
      await page.getByText('Old Town', { exact: true }).waitFor();

      // In French: another service, its language typed as "espagnol".
      await chooseLanguage(page, 'Français');
      await page.getByText('Espagnol', { exact: true }).waitFor();
      await page.getByText('Vieille Ville', { exact: true }).waitFor();
      await page.goto(`${base}/n/${NETWORK}/services/new`);
      await page.getByRole('heading', { name: 'Ajouter un service', level: 1 }).waitFor();
      const french = page.getByTestId('service-form');
      await page.getByRole('combobox', { name: /^Partenaire/ }).click();
      await page.getByRole('option', { name: 'Riverside Gender Equality Unit' }).click();
      await page.getByRole('combobox', { name: /^Type/ }).click();
      await page.getByRole('option', { name: "Ligne d'écoute", exact: true }).click();
      await french.getByLabel(/^Nom du service/).fill('Ligne du port');
      await pick(page, page.getByRole('combobox', { name: /^Langues/ }), 'espagnol', 'Espagnol');
      await pick(page, page.getByRole('combobox', { name: /^Zones/ }), 'vieille', /^Vieille Ville/);
      await assertAccessible(page, 'service form in French');
      await french.getByRole('button', { name: 'Ajouter le service' }).click();
      await page.getByRole('heading', { name: 'Ligne du port', level: 1 }).waitFor();
      await page.getByText('Espagnol', { exact: true }).waitFor();
      await page.getByText('Vieille Ville', { exact: true }).waitFor();
      await quiet(page);
      await screenshot(page, resultsDir, 'words-service-fr-1366');
      await assertAccessible(page, 'service page in French');
      await page.setViewportSize(PHONE);
      await screenshot(page, resultsDir, 'words-service-fr-390');
      await assertAccessible(page, 'service page in French on a phone');
      // Back in English, the same record reads in English.
      await page.setViewportSize(WIDE);
      await chooseLanguage(page, 'English');
      await page.getByText('Spanish', { exact: true }).waitFor();
      await page.getByText('Old Town', { exact: true }).waitFor();
    },
  },
];
