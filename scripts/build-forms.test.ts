// `npm run build:forms` lists what it built in index.json: every definition in schemas/forms/, by id, with its
// nb title. The demo's list and the browser tests read that file, so a form dropped into the folder is found
// without a code change.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/node/paths.ts';
import { buildForms, FORM_INDEX, type FormIndexEntry } from './build-forms.ts';

describe('build-forms', () => {
  it('writes index.json with every form in schemas/forms/ and its nb title, beside the packages', async () => {
    const out = await mkdtemp(join(tmpdir(), 'klarskjema-forms-'));
    await buildForms(out);
    const index = JSON.parse(await readFile(join(out, FORM_INDEX), 'utf8')) as FormIndexEntry[];
    const files = (await readdir(resolve(packageRoot, 'schemas/forms'))).filter((name) => name.endsWith('.json'));
    expect(index.map((entry) => entry.id)).toEqual(files.map((name) => name.replace(/\.json$/, '')).sort());
    for (const entry of index) {
      const texts = JSON.parse(await readFile(resolve(packageRoot, 'locales/nb', `${entry.id}.json`), 'utf8')) as {
        title: string;
      };
      expect(entry.title).toBe(texts.title);
      expect((await readdir(join(out, entry.id))).sort()).toContain('form.json');
    }
  }, 300_000);
});
