// The host's contact details (docs/users.md N15, N16): how a person at the office can be reached. Given as
// the `contact` property (an object) or attribute (JSON). Everything is optional; what is malformed
// is left out rather than shown half right, and only http(s) links are kept (never javascript:).
// docs/decisions/0011-contact.md describes the format.
import { CONTACT_CHANNELS, LANGUAGE_CODE, type ContactChannel } from '../../src/engine/help.ts';

export interface ContactConfig {
  /** The office's name, e.g. "NAV Grünerløkka". */
  office?: string;
  /** A phone line, with its opening hours as the host writes them ("09–15"). */
  phone?: { number: string; hours?: string };
  /** Where to write a message to the office. */
  message?: { url: string };
  /** Video meetings: where to book one, and when. */
  video?: { url?: string; hours?: string };
  /** Meeting at the office. */
  meeting?: { address: string; hours?: string };
  /** Where to get the paper form. */
  paper?: { url?: string };
  /** More about privacy: the service's own privacy page. */
  privacy?: { url: string };
  /** Languages offered for an interpreter, ISO 639 codes; the default list is DEFAULT_INTERPRETER_LANGUAGES. */
  interpreterLanguages?: string[];
}

/** What a host may give: the config, with a string for the one thing that matters (a number, a URL, an address). */
export interface ContactInput {
  office?: string;
  phone?: string | { number: string; hours?: string };
  message?: string | { url: string };
  video?: true | string | { url?: string; hours?: string };
  meeting?: string | { address: string; hours?: string };
  paper?: true | string | { url?: string };
  privacy?: string | { url: string };
  interpreterLanguages?: string[];
}

/** Languages NAV offices most often book interpreters for (the widget's languages, and more). */
export const DEFAULT_INTERPRETER_LANGUAGES = [
  'ar',
  'so',
  'ti',
  'uk',
  'pl',
  'se',
  'fa',
  'lt',
  'prs',
  'ps',
  'ku',
  'ru',
  'tr',
  'ur',
  'sw',
  'am',
  'th',
  'vi',
  'es',
  'fr',
  'en',
] as const;

const MAX_TEXT = 200;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed.length <= MAX_TEXT ? trimmed : undefined;
}

/** An absolute http(s) URL, resolved against the page; anything else is dropped. */
export function safeUrl(value: unknown, base?: string): string | undefined {
  const candidate = text(value);
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate, base ?? globalThis.location?.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A tel: link for a phone number as people write it ("55 55 33 33", "+47 55 55 33 33"). */
export function telLink(number: string): string | undefined {
  const digits = number.replace(/[\s().-]/g, '');
  return /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : undefined;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const withHours = <T extends object>(value: T, hours: unknown): T => {
  const h = text(hours);
  return h ? { ...value, hours: h } : value;
};

/** The config from a property value or a JSON attribute; an unreadable one gives {}. */
export function parseContact(value: unknown, base?: string): ContactConfig {
  let source = value;
  if (typeof value === 'string') {
    try {
      source = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const input = record(source);
  if (!input) return {};
  const config: ContactConfig = {};

  const office = text(input.office);
  if (office) config.office = office;

  const phone = record(input.phone) ?? (typeof input.phone === 'string' ? { number: input.phone } : undefined);
  const number = text(phone?.number);
  if (number && telLink(number)) config.phone = withHours({ number }, phone?.hours);

  const message = safeUrl(record(input.message)?.url ?? input.message, base);
  if (message) config.message = { url: message };

  const video =
    record(input.video) ??
    (typeof input.video === 'string' ? { url: input.video } : input.video === true ? {} : undefined);
  if (video) {
    const url = safeUrl(video.url, base);
    if (url || video.url === undefined) config.video = withHours(url ? { url } : {}, video.hours);
  }

  const meeting = record(input.meeting) ?? (typeof input.meeting === 'string' ? { address: input.meeting } : undefined);
  const address = text(meeting?.address);
  if (address) config.meeting = withHours({ address }, meeting?.hours);

  const paper =
    record(input.paper) ??
    (typeof input.paper === 'string' ? { url: input.paper } : input.paper === true ? {} : undefined);
  if (paper) {
    const url = safeUrl(paper.url, base);
    config.paper = url ? { url } : {};
  }

  const privacy = safeUrl(record(input.privacy)?.url ?? input.privacy, base);
  if (privacy) config.privacy = { url: privacy };

  if (Array.isArray(input.interpreterLanguages)) {
    const languages = [
      ...new Set(input.interpreterLanguages.filter((l): l is string => typeof l === 'string' && LANGUAGE_CODE.test(l))),
    ];
    if (languages.length > 0) config.interpreterLanguages = languages;
  }
  return config;
}

/**
 * Channels the user can ask NAV to use. NAV can always phone or write; video and a meeting only
 * where the office offers them.
 */
export function contactChannels(config: ContactConfig): ContactChannel[] {
  return CONTACT_CHANNELS.filter(
    (channel) => channel === 'phone' || channel === 'message' || config[channel] !== undefined,
  );
}
