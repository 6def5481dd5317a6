// The journey the README's framework examples (React, Vue) promise, in one place: the host hears
// klar-ready, hands over the prefill as an object, and sends through its own endpoint to a receipt.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FormDefinition } from '../../src/definition/types.ts';
import { answers } from './answers.ts';
import { runApplication, settle } from './drive.ts';
import type { Watched } from './harness.ts';

/**
 * Opens the example at `origin`, fills in the kontakt form from `dist`, and checks what the host and the user
 * got: the host's endpoint answers with `reference`.
 */
export async function hostExampleToReceipt(
  watched: Watched,
  origin: string,
  dist: string,
  reference: string,
): Promise<void> {
  const { page } = watched;
  const sent: unknown[] = [];
  await page.route('**/api/applications', async (route) => {
    sent.push(JSON.parse(route.request().postData() ?? 'null'));
    await route.fulfill({
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify({ reference: reference }),
    });
  });
  await page.goto(`${origin}/index.html`);
  const widget = { page, selector: 'klar-skjema' };

  // onklar-ready / @klar-ready ran the framework's state update.
  await page.getByRole('status').filter({ hasText: 'Skjemaet er klart.' }).waitFor();
  // prefill arrived as an object: the register's name is shown to confirm, not "[object Object]".
  expect(await page.evaluate(() => document.querySelector('klar-skjema')!.getAttribute('prefill'))).toBeNull();
  expect(await page.locator('klar-skjema .prefill-value').first().textContent()).toContain('Kari Nordmann');

  const definition = JSON.parse(await readFile(join(dist, 'forms/kontakt/form.json'), 'utf8')) as FormDefinition;
  const { navn: _fromRegister, ...ownAnswers } = answers.kontakt!['om-deg']!;
  await runApplication(
    widget,
    definition,
    { ...answers.kontakt!, 'om-deg': ownAnswers },
    {
      onErrors: async () => {
        await page.locator('klar-skjema input[name="ks-navn-prefill"][value="yes"]').check();
        await settle(widget);
      },
    },
  );

  expect(sent).toHaveLength(1);
  expect(JSON.stringify(sent[0])).toContain('Kari Nordmann');
  expect(await page.locator('klar-skjema').evaluate((element) => element.shadowRoot!.textContent)).toContain(reference);
  expect(await watched.violations()).toEqual([]);
  expect(watched.problems).toEqual([]);
}
