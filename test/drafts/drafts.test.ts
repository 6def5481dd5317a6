// Drafts in Node: what a draft holds and never holds, how a draft of another form version comes back,
// the stores (web storage given as a fake Storage, the server store against a real HTTP server), and the
// debounced, retrying autosave with a fake clock.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { Autosave, type SaveStatus } from '../../src/drafts/autosave.ts';
import { draftOf, newest, storableAnswers, type Draft } from '../../src/drafts/draft.ts';
import { restoreDraft } from '../../src/drafts/restore-draft.ts';
import { keepValid } from '../../src/drafts/keep-valid.ts';
import { draftKey, MemoryDraftStore, WebStorageDraftStore, type DraftStore } from '../../src/drafts/stores.ts';
import { ServerDraftStore } from '../../src/drafts/server-store.ts';
import { parseDraft, readDraft, UnreadableDraft } from '../../src/drafts/parse-draft.ts';
import { createWizardMachine } from '../../src/engine/create-machine.ts';
import { examplePackage } from '../helpers/form-packages.ts';

const T0 = new Date('2026-03-03T09:42:00.000Z');
const DAY = 86_400_000;

/** A Storage like the browser's, in memory; `full` makes every write fail as a full quota does. */
class FakeStorage implements Storage {
  #items = new Map<string, string>();
  full = false;
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.set(key, value);
  }
}

async function stotteDraft(overrides: Partial<Draft> = {}): Promise<Draft> {
  const formPackage = await examplePackage('stotte');
  const actor = createActor(createWizardMachine(formPackage, { now: () => T0 }), { input: {} }).start();
  actor.send({ type: 'ANSWER', field: 'arbeid', value: ['deltid'] });
  actor.send({ type: 'ANSWER', field: 'inntekt', value: '9 500' });
  actor.send({ type: 'ANSWER', field: 'adresse', value: { street: 'Storgata 1', postcode: '0155', city: 'Oslo' } });
  actor.send({ type: 'MARK_UNSURE', field: 'konto', unsure: true });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'SET_VARIANT', variant: 'plain' });
  const draft = draftOf(formPackage.definition, actor.getSnapshot().context, {
    review: false,
    savedAt: T0,
    remember: false,
  });
  return { ...draft, ...overrides };
}

describe('a draft', () => {
  it('holds answers, flags, place, language and variant, and survives JSON', async () => {
    const draft = await stotteDraft();
    expect(draft).toMatchObject({
      format: 1,
      form: { id: 'stotte', version: '1.0.0' },
      step: 'husstand',
      visited: ['situasjon'],
      unsure: ['konto'],
      locale: 'nb',
      variant: 'plain',
      review: false,
      savedAt: T0.toISOString(),
      startedAt: T0.toISOString(),
      remember: false,
      answers: { arbeid: ['deltid'], inntekt: 9500 },
    });
    expect(Object.keys(draft.answeredIn).sort()).toEqual(['adresse', 'arbeid', 'inntekt']);
    expect(parseDraft(JSON.stringify(draft), 'stotte')).toEqual(draft);
  });

  it('never holds a file that only the browser has, not even its name; a file the receiver holds (ref) stays', async () => {
    const { definition } = await examplePackage('stotte');
    const answers = {
      dokumenter: {
        husleiekontrakt: {
          status: 'uploaded',
          files: [{ name: 'kontrakt-kari.pdf', size: 2048, type: 'application/pdf' }],
        },
        lonnsslipp: {
          status: 'uploaded',
          files: [
            { name: 'a.pdf', size: 1, type: 'application/pdf', ref: 'r-1' },
            { name: 'b.pdf', size: 1, type: 'application/pdf' },
          ],
        },
        kontoutskrift: { status: 'missing', reason: 'Banken svarer ikke.' },
      },
    };
    const stored = storableAnswers(definition, answers);
    expect(stored).toEqual({
      dokumenter: {
        husleiekontrakt: { status: 'uploaded' },
        lonnsslipp: { status: 'uploaded', files: [{ name: 'a.pdf', size: 1, type: 'application/pdf', ref: 'r-1' }] },
        kontoutskrift: { status: 'missing', reason: 'Banken svarer ikke.' },
      },
    });
    expect(JSON.stringify(stored)).not.toContain('kontrakt-kari.pdf');
    expect(answers.dokumenter.husleiekontrakt.files).toHaveLength(1);
  });

  it('is refused when it is another form, broken, or not a draft at all', async () => {
    const draft = await stotteDraft();
    expect(parseDraft(JSON.stringify(draft), 'kontakt')).toBeNull();
    expect(parseDraft('{"format":1', 'stotte')).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, format: 2 }), 'stotte')).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, answers: [] }), 'stotte')).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, savedAt: 'yesterday' }), 'stotte')).toBeNull();
    expect(parseDraft(null, 'stotte')).toBeNull();
  });

  it('comes back to the same place in the machine', async () => {
    const formPackage = await examplePackage('stotte');
    const draft = await stotteDraft();
    const restored = restoreDraft(formPackage, draft);
    expect(restored).toMatchObject({ review: false, reanswer: [], chooseFilesAgain: [] });
    const { context } = createActor(createWizardMachine(formPackage), { input: restored.input }).start().getSnapshot();
    expect({
      step: context.step,
      visited: context.visited,
      unsure: context.unsure,
      variant: context.variant,
      answers: context.answers,
      startedAt: context.startedAt,
    }).toEqual({
      step: draft.step,
      visited: draft.visited,
      unsure: draft.unsure,
      variant: 'plain',
      answers: draft.answers,
      startedAt: T0.toISOString(),
    });
  });

  it('from an older form version keeps what still validates, names what must be answered again, and goes back to it', async () => {
    const formPackage = await examplePackage('kontakt');
    const draft = parseDraft(
      {
        format: 1,
        form: { id: 'kontakt', version: '0.9.0' },
        answers: { navn: 'Kari Nordmann', telefon: '123', fjernet: 'x', tema: 'bolig', kanal: 'brevdue' },
        unsure: [],
        answeredIn: {},
        step: 'samtykke',
        visited: ['om-deg', 'henvendelse'],
        review: true,
        locale: 'nb',
        variant: 'standard',
        startedAt: T0.toISOString(),
        savedAt: T0.toISOString(),
        remember: true,
        submissionId: 'old-id-123',
      },
      'kontakt',
    )!;
    expect(() => restoreDraft(formPackage, draft)).toThrow();
    const restored = restoreDraft(formPackage, draft, {}, keepValid);
    expect(restored.input.answers).toEqual({ navn: 'Kari Nordmann', tema: 'bolig' });
    expect(restored.reanswer).toEqual(['telefon', 'kanal']);
    expect(restored.input.step).toBe('om-deg');
    expect(restored.review).toBe(false);
    // The old version's id is not reused, but it may have arrived: it is an earlier id now.
    expect(restored.input.tried).toBeUndefined();
    expect(restored.input.earlierIds).toEqual(['old-id-123']);
  });

  it('asks for files again after a restore', async () => {
    const formPackage = await examplePackage('stotte');
    const draft = await stotteDraft({
      answers: {
        bosituasjon: 'leier',
        dokumenter: { husleiekontrakt: { status: 'uploaded' }, kontoutskrift: { status: 'later' } },
      },
    });
    expect(restoreDraft(formPackage, draft).chooseFilesAgain).toEqual(['husleiekontrakt']);
  });

  it('newest picks by the time it was saved', async () => {
    const a = await stotteDraft({ savedAt: '2026-03-01T00:00:00.000Z' });
    const b = await stotteDraft({ savedAt: '2026-03-02T00:00:00.000Z' });
    expect(newest([a, null, b])).toBe(b);
    expect(newest([null, null])).toBeNull();
  });
});

describe('the web storage stores', () => {
  it('keep one draft per form under klarskjema:<form>, and a device draft expires', async () => {
    const storage = new FakeStorage();
    let now = T0;
    const device = new WebStorageDraftStore('device', 'stotte', () => storage, {
      read: readDraft,
      expiryDays: 14,
      now: () => now,
    });
    const draft = await stotteDraft();
    await device.save(draft);
    expect(storage.getItem(draftKey('stotte'))).toContain('"expiresAt":"2026-03-17T09:42:00.000Z"');
    now = new Date(T0.getTime() + 14 * DAY - 1);
    expect((await device.load())?.answers).toEqual(draft.answers);
    now = new Date(T0.getTime() + 14 * DAY);
    expect(await device.load()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('write before save() returns (what a pagehide needs), report a full quota, and keep a draft they cannot read', async () => {
    const storage = new FakeStorage();
    const session = new WebStorageDraftStore('session', 'stotte', () => storage, { read: readDraft });
    void session.save(await stotteDraft());
    expect(storage.length).toBe(1);
    storage.full = true;
    await expect(session.save(await stotteDraft())).rejects.toThrow(/quota/);
    storage.setItem = () => undefined;
    storage.full = false;
    // Not "no draft": something this widget cannot read (a newer format, a broken copy) is reported and left as it is.
    for (const stored of [
      '{"format":1,',
      JSON.stringify({ ...(await stotteDraft()), format: 2 }),
      '<!doctype html><title>Logg inn</title>',
    ]) {
      const broken = new FakeStorage();
      broken.setItem(draftKey('stotte'), stored);
      await expect(
        new WebStorageDraftStore('device', 'stotte', () => broken, { read: readDraft }).load(),
      ).rejects.toBeInstanceOf(UnreadableDraft);
      expect(broken.getItem(draftKey('stotte'))).toBe(stored);
    }
    const blocked = new WebStorageDraftStore(
      'session',
      'stotte',
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      { read: readDraft },
    );
    await expect(blocked.load()).rejects.toThrow(/insecure/);
  });
});

describe('the server store', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it("GETs, PUTs and DELETEs the host's URL, and treats 404 as no draft and 5xx as a failure", async () => {
    const kept = new Map<string, string>();
    let failing = false;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (failing) {
          response.writeHead(503).end();
          return;
        }
        const key = request.url ?? '';
        if (request.method === 'PUT') {
          expect(request.headers['content-type']).toBe('application/json');
          kept.set(key, Buffer.concat(chunks).toString());
          response.writeHead(204).end();
          return;
        }
        if (request.method === 'DELETE') {
          kept.delete(key);
          response.writeHead(204).end();
          return;
        }
        const body = kept.get(key);
        if (body === undefined) response.writeHead(404).end();
        else response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const store = new ServerDraftStore(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/drafts/stotte`,
      'stotte',
    );
    expect(await store.load()).toBeNull();
    const draft = await stotteDraft();
    await store.save(draft);
    expect(await store.load()).toEqual(draft);
    failing = true;
    await expect(store.save(draft)).rejects.toThrow(/503/);
    await expect(store.load()).rejects.toThrow(/503/);
    failing = false;
    await store.clear();
    expect(await store.load()).toBeNull();
    // A 200 that is not a draft this widget can read: unreadable, not "none" (which would let a new draft overwrite it).
    for (const body of [
      '<!doctype html><p>Innlogget</p>',
      JSON.stringify({ ...draft, format: 2 }),
      JSON.stringify({ ...draft, variant: 'easy-read' }),
      '',
    ]) {
      kept.set('/drafts/stotte', body);
      await expect(store.load()).rejects.toBeInstanceOf(UnreadableDraft);
    }
  });
});

describe('autosave', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const store = (kind: DraftStore['kind'], fail: () => boolean) => {
    const saved: Draft[] = [];
    const inner = new MemoryDraftStore();
    return {
      saved,
      store: {
        kind,
        load: () => inner.load(),
        clear: () => inner.clear(),
        save: (draft: Draft) => (fail() ? Promise.reject(new Error('down')) : (saved.push(draft), Promise.resolve())),
      } satisfies DraftStore,
    };
  };

  it('saves once the user pauses, at the latest after maxWait while typing, and not when nothing changed', async () => {
    vi.useFakeTimers();
    const target = store('session', () => false);
    const statuses: SaveStatus[] = [];
    const autosave = new Autosave({
      stores: () => [target.store],
      onStatus: (s) => statuses.push(s),
      delayMs: 500,
      maxWaitMs: 3000,
      now: () => T0,
    });
    const base = await stotteDraft();
    for (let i = 0; i < 10; i++) {
      autosave.schedule({ ...base, answers: { ...base.answers, inntekt: i } });
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(target.saved.length).toBe(1);
    expect(target.saved[0]!.answers.inntekt).toBeLessThan(9);
    await vi.advanceTimersByTimeAsync(600);
    expect(target.saved.at(-1)!.answers.inntekt).toBe(9);
    const count = target.saved.length;
    autosave.schedule({ ...base, answers: { ...base.answers, inntekt: 9 }, savedAt: '2026-03-04T00:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(target.saved.length).toBe(count);
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: T0, stores: ['session'] });
  });

  it('reports a failed save, tries again with backoff, and reports when it worked', async () => {
    vi.useFakeTimers();
    let down = true;
    const target = store('server', () => down);
    const statuses: SaveStatus[] = [];
    const autosave = new Autosave({
      stores: () => [target.store],
      onStatus: (s) => statuses.push(s),
      delayMs: 100,
      retryMs: 1000,
    });
    autosave.schedule(await stotteDraft());
    await vi.advanceTimersByTimeAsync(150);
    expect(statuses.map((s) => s.state)).toEqual(['failed']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.map((s) => s.state)).toEqual(['failed', 'failed']);
    down = false;
    // The second wait is twice the first: the next try is at 100 + 1000 + 2000 ms.
    await vi.advanceTimersByTimeAsync(1900);
    expect(statuses.at(-1)!.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(100);
    expect(statuses.at(-1)!.state).toBe('saved');
    expect(target.saved).toHaveLength(1);
  });

  it('flush saves at once; after stop nothing is saved', async () => {
    const target = store('session', () => false);
    const autosave = new Autosave({ stores: () => [target.store], onStatus: () => {} });
    autosave.schedule(await stotteDraft());
    await autosave.flush();
    expect(target.saved).toHaveLength(1);
    autosave.schedule(await stotteDraft({ step: 'husleie' }));
    autosave.stop();
    await autosave.flush();
    expect(target.saved).toHaveLength(1);
  });
});
