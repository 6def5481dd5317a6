// The per-string rules: every text item in every locale, standard texts and own plain texts.
import { sentenceLimits, type PlainConfig } from '../config.ts';
import type { Segmented } from '../segment.ts';
import { findAbbreviations } from './abbreviations.ts';
import { languageOf, type RawFinding, type TextItem } from './context.ts';
import { findNominalisations } from './nominalisation.ts';
import { findPassives } from './passive.ts';
import { findReaderAddress } from './reader-address.ts';
import { findStiffWords } from './stiff-words.ts';
import { findBrokenPlaceholders, findImpossibleDates, findLeftovers } from './template.ts';

const SENTENCE_PREVIEW_WORDS = 12;

/** The data-backed Norwegian rules use bokmål or nynorsk lists. */
export function norwegianOf(locale: string, config: PlainConfig): 'nb' | 'nn' | undefined {
  const language = languageOf(locale);
  if (!config.norwegianLocales.includes(language)) return undefined;
  return language === 'nn' ? 'nn' : 'nb';
}

function preview(segmented: Segmented, text: string, wordCount: number): string {
  if (wordCount <= SENTENCE_PREVIEW_WORDS) return text;
  const words = text.split(/\s+/);
  return `${words.slice(0, SENTENCE_PREVIEW_WORDS).join(' ')} …`;
}

/** Sentence and paragraph length, one question per label, template faults: for every language. */
export function structuralRules(item: TextItem, segmented: Segmented, config: PlainConfig): RawFinding[] {
  const out: RawFinding[] = [];
  const language = languageOf(item.locale);
  const limits = sentenceLimits(config, language, item.variant);
  for (const sentence of segmented.sentences) {
    const count = sentence.words.length;
    const over =
      limits.error !== undefined && count > limits.error
        ? 'error'
        : limits.warn !== undefined && count > limits.warn
          ? 'warning'
          : undefined;
    if (over === undefined) continue;
    out.push({
      rule: 'sentence-length',
      severity: over,
      words: [],
      params: {
        count,
        limit: over === 'error' ? limits.error! : limits.warn!,
        sentence: preview(segmented, sentence.text, count),
      },
      value: count,
      limit: over === 'error' ? limits.error! : limits.warn!,
    });
  }
  const paragraphLimit = config.paragraphSentences[item.variant].warn;
  if (paragraphLimit !== undefined) {
    for (const paragraph of segmented.paragraphs) {
      const count = paragraph.sentences.length;
      if (count > paragraphLimit)
        out.push({
          rule: 'paragraph-length',
          severity: 'warning',
          words: [],
          params: { count, limit: paragraphLimit },
          value: count,
          limit: paragraphLimit,
        });
    }
  }
  if (item.role === 'question' || item.role === 'title') {
    const count = (item.text.match(/[?\u061F\u1367]/g) ?? []).length;
    if (count > 1)
      out.push({ rule: 'one-question', severity: 'warning', words: [], params: { count }, value: count, limit: 1 });
  }
  for (const leftover of findLeftovers(item.text)) out.push({ rule: 'leftover', severity: 'error', words: [leftover] });
  for (const broken of findBrokenPlaceholders(item.text)) {
    out.push({
      rule: 'placeholder-mismatch',
      severity: 'error',
      words: [broken],
      context: 'broken',
      params: { example: '{{name}}' },
    });
  }
  for (const date of findImpossibleDates(item.text, language))
    out.push({ rule: 'impossible-date', severity: 'error', words: [date] });
  return out;
}

/** «må sendes» → «du må sende» (context modal); «å sendes» → «å sende» (context infinitive). */
const l10nInfinitive = (modal: string): 'modal' | 'infinitive' => (modal === 'å' ? 'infinitive' : 'modal');

/** Passive, nominalisation, stiff words, reader address, abbreviations: bokmål and nynorsk. */
export function norwegianRules(item: TextItem, segmented: Segmented, config: PlainConfig): RawFinding[] {
  const norwegian = norwegianOf(item.locale, config);
  if (norwegian === undefined) return [];
  const out: RawFinding[] = [];
  for (const sentence of segmented.sentences) {
    for (const hit of findPassives(segmented, sentence, norwegian)) {
      const context =
        hit.active === undefined ? 'noActive' : hit.modal === undefined ? undefined : l10nInfinitive(hit.modal);
      out.push({
        rule: 'passive',
        severity: 'warning',
        words: hit.words,
        ...(context === undefined ? {} : { context }),
        params: { active: hit.active ?? '', modal: hit.modal ?? '' },
      });
    }
    for (const hit of findNominalisations(segmented, sentence, norwegian)) {
      out.push({
        rule: 'nominalisation',
        severity: 'warning',
        words: hit.words,
        ...(hit.verb === undefined ? { context: 'noVerb' } : {}),
        params: { verb: hit.verb ?? '' },
      });
    }
  }
  for (const hit of findStiffWords(segmented, norwegian)) {
    out.push({
      rule: 'stiff-word',
      severity: hit.severity,
      words: hit.words,
      alternatives: hit.alternatives,
      params: { source: hit.source },
    });
  }
  for (const hit of findReaderAddress(segmented, norwegian, item.role)) {
    out.push({
      rule: 'reader-address',
      severity: 'warning',
      words: hit.words,
      ...(hit.kind === 'thirdPerson' ? {} : { context: hit.kind }),
      params: { instead: hit.instead },
    });
  }
  for (const hit of findAbbreviations(segmented, norwegian)) {
    out.push({
      rule: 'abbreviation',
      severity: hit.kind === 'dotted' ? 'info' : 'warning',
      words: hit.words,
      ...(hit.kind === 'dotted' ? { context: 'dotted' } : {}),
      params: { expansion: hit.expansion ?? '' },
    });
  }
  return out;
}
