// "Les opp": reads a question, its hint and its options aloud with the browser's own speech synthesis
// (docs/plain-language.md "In the product"; docs/users.md: some applicants can barely read). The button appears
// only where the browser has a voice for the form's language: a Norwegian text read by an English voice
// helps nobody. Voices often arrive late (Chromium fills getVoices() after `voiceschanged`), so widgets
// re-render when the list changes. Nothing is sent anywhere: speechSynthesis runs in the browser or the OS.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Texts } from '../../src/browser/i18n.ts';

/** Voice languages that can read a locale, best first. Bokmål and nynorsk voices read both (and «no» is either). */
const VOICE_LANGUAGES: Record<string, readonly string[]> = {
  nb: ['nb', 'no', 'nn'],
  nn: ['nn', 'no', 'nb'],
};

const synthesis = (): SpeechSynthesis | undefined =>
  typeof globalThis.speechSynthesis === 'object' &&
  globalThis.speechSynthesis !== null &&
  typeof SpeechSynthesisUtterance === 'function'
    ? globalThis.speechSynthesis
    : undefined;

const primary = (lang: string): string => lang.toLowerCase().replace('_', '-').split('-')[0]!;

/** The voice that reads this locale best, if the browser has one. */
export function voiceFor(locale: string): SpeechSynthesisVoice | undefined {
  const synth = synthesis();
  if (!synth) return undefined;
  const voices = synth.getVoices();
  for (const language of VOICE_LANGUAGES[primary(locale)] ?? [primary(locale)]) {
    const matching = voices.filter((voice) => primary(voice.lang) === language);
    // A voice on the device works offline and sends no text to a speech service.
    const found = matching.find((voice) => voice.localService) ?? matching[0];
    if (found) return found;
  }
  return undefined;
}

/** What is being read, by the key of its button; one at a time on the whole page, as speechSynthesis is one queue. */
let speaking: string | null = null;
const hosts = new Set<ReactiveControllerHost>();
const updateAll = () => hosts.forEach((host) => host.requestUpdate());

function stop(): void {
  speaking = null;
  synthesis()?.cancel();
  updateAll();
}

function speak(key: string, text: string, locale: string): void {
  const synth = synthesis();
  const voice = voiceFor(locale);
  if (!synth || !voice) return;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  const done = () => {
    if (speaking !== key) return;
    speaking = null;
    updateAll();
  };
  utterance.addEventListener('end', done);
  utterance.addEventListener('error', done);
  speaking = key;
  synth.speak(utterance);
  updateAll();
}

/** Re-renders its host when the voices change or reading starts or stops; stops reading when the host leaves. */
export class ReadAloudController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onVoices = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    synthesis()?.addEventListener?.('voiceschanged', this.#onVoices);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    synthesis()?.removeEventListener?.('voiceschanged', this.#onVoices);
    if (speaking !== null && hosts.size === 0) stop();
  }
}

/**
 * A button that reads `parts` (the question, its hint, its options) aloud, or stops reading; nothing where
 * the browser has no voice for the locale. `key` tells buttons apart (the field's element id).
 */
export function readAloudButton(
  texts: Texts,
  key: string,
  parts: () => readonly string[],
): TemplateResult | typeof nothing {
  if (!voiceFor(texts.locale)) return nothing;
  const reading = speaking === key;
  const question = parts()[0] ?? '';
  return html`<button type="button" class="button button--link read-aloud" part="read-aloud" data-read-aloud=${key}
    @click=${() =>
      reading
        ? stop()
        : speak(
            key,
            parts()
              .map((p) => p.trim())
              .filter(Boolean)
              .map(sentence)
              .join(' '),
            texts.locale,
          )}
    >${texts.t(reading ? 'widget:readAloud.stop' : 'widget:readAloud.read')}<span class="visually-hidden">: ${question}</span></button>`;
}

/** A pause between the parts: a label or an option has no full stop of its own. */
const sentence = (text: string): string => (/[.!?:;…]$/.test(text) ? text : `${text}.`);

export const readAloudStyles = css`
  .read-aloud { display: inline-block; margin-block-end: calc(var(--_space) / 2); font-size: 1rem; }
  .read-aloud::before { content: '▶\\FE0E' / ''; display: inline-block; margin-inline-end: 0.375rem; text-decoration: none; }
  @media print { .read-aloud { display: none; } }
`;
