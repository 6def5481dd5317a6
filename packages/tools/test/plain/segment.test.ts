// Segmentation: the sentence-end choice of docs/plain-language.md, words and placeholders.
import { describe, expect, it } from 'vitest';
import { placeholders, segment } from '../../src/plain/segment.ts';

const sentences = (text: string, locale = 'nb') =>
  segment(text, locale).sentences.map((s) => s.words.map((w) => w.text).join(' '));

describe('segment', () => {
  it('does not end a sentence inside a date, a time or after f.eks. and kl.', () => {
    expect(sentences('Skriv for eksempel 17.05.2015 eller f.eks. 01.01.2020. Kom kl. 10:00 i morgen.')).toEqual([
      'Skriv for eksempel 17.05.2015 eller f.eks 01.01.2020',
      'Kom kl 10:00 i morgen',
    ]);
  });

  it('ends sentences at . ! ? : ; a line break and the end of the item, not at …', () => {
    const s = segment('Ring oss! Hva nå? Husk: ta med papirene; alle sammen\nTakk … og ha det', 'nb').sentences;
    expect(s.map((x) => x.end)).toEqual(['!', '?', ':', ';', 'line', 'item']);
  });

  it('makes one word of a hyphenated compound, a time and a thousands group', () => {
    const words = segment('NAV-kontoret åpner 10:00 og tar 1 250 kroner for e-post.', 'nb').words.map((w) => w.text);
    expect(words).toEqual(['NAV-kontoret', 'åpner', '10:00', 'og', 'tar', '1 250', 'kroner', 'for', 'e-post']);
  });

  it('counts a placeholder as one word without letters, and skips a sentence without words', () => {
    const s = segment('{{item}}: Steg {{current}} av {{total}}.', 'nb');
    expect(s.words.map((w) => [w.text, w.letters, w.placeholder])).toEqual([
      ['{{item}}', 0, true],
      ['Steg', 4, false],
      ['{{current}}', 0, true],
      ['av', 2, false],
      ['{{total}}', 0, true],
    ]);
    expect(s.sentences).toHaveLength(2);
    expect(segment('«»:', 'nb').sentences).toHaveLength(0);
    expect(placeholders('Hei {{ name }}, {{count}} og {{name}}')).toEqual(['count', 'name']);
  });

  it('splits other scripts into words and sentences', () => {
    expect(sentences('ሰላም ዓለም፡ ይህ ነው። ሌላ?', 'ti')).toEqual(['ሰላም ዓለም ይህ ነው', 'ሌላ']);
    expect(sentences('مرحبا بالعالم. كيف حالك؟', 'ar')).toEqual(['مرحبا بالعالم', 'كيف حالك']);
  });
});

describe('abbreviations by language', () => {
  it('ends a nynorsk sentence at «no.» but joins English «No.» to the number after it', () => {
    expect(segment('Du kan søkje no. Vi svarar snart.', 'nn').sentences).toHaveLength(2);
    expect(segment('Call office No. 5 today. We answer soon.', 'en').sentences).toHaveLength(2);
  });
});

describe('segmenting in pieces', () => {
  // ICU sees one line at a time, cut into pieces where it breaks anyway; the cuts must change nothing.
  const texts = [
    'Søk om sosialhjelp. Du må sende inn f.eks. kontoutskrift. Kom kl. 10:00 og ta med 1 250 kroner!\nNAV-kontoret svarer.',
    'Vi har mottatt søknaden din (nr. 12). «Hei.» Hva nå? Husk: ta med papirene; alle sammen …\n\n  \nNytt avsnitt. {{name}} skal sende e-post.',
    'ሰላም ዓለም፡ ይህ ነው። ሌላ? مرحبا بالعالم. كيف حالك؟',
  ];
  it.each(texts)('gives the same words, sentences and paragraphs with small pieces: %s', (text) => {
    const long = Array.from({ length: 30 }, () => text).join(' ');
    for (const piece of [7, 25, 60]) expect(segment(long, 'nb', { piece })).toEqual(segment(long, 'nb'));
  });

  it('ends paragraphs at an empty line, also with Windows line ends', () => {
    expect(segment('En. To.\n\nTre.', 'nb').paragraphs.map((p) => p.sentences.length)).toEqual([2, 1]);
    expect(segment('En. To.\r\n\r\nTre.', 'nb').paragraphs.map((p) => p.sentences.length)).toEqual([2, 1]);
    expect(segment('\nEn.\n \t\nTo.\n', 'nb').paragraphs.map((p) => p.sentences.length)).toEqual([1, 1]);
  });

  it('keeps each sentence’s offset in the text', () => {
    const text = 'Hei.\n\nDu må sende papirene. Takk!';
    for (const s of segment(text, 'nb').sentences) expect(text.slice(s.start).startsWith(s.text)).toBe(true);
  });
});
