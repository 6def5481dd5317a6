// The user's request for help from a person (docs/users.md N11, N15): whether NAV should get in touch, on
// which channel, and whether an interpreter is needed. Widget-level data, not an answer to a question,
// so it travels beside the answers in the machine's context and in the submission.
import { isRecord } from './answers.ts';
import { LOCALE_CODE } from '../definition/vocabulary.ts';

/** Ways NAV can get in touch with the user. Keep in step with the receiver's check. */
export const CONTACT_CHANNELS = ['phone', 'message', 'video', 'meeting'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface HelpRequest {
  /** The user asked NAV to get in touch ("Jeg vil at NAV kontakter meg"). */
  contact: boolean;
  /** The channel the user prefers; only with contact. */
  channel?: ContactChannel;
  /** The user needs an interpreter. */
  interpreter: boolean;
  /** The interpreter's language (ISO 639 code); only with interpreter. */
  interpreterLanguage?: string;
}

export const NO_HELP_REQUEST: HelpRequest = { contact: false, interpreter: false };

/** An ISO 639-1 or -3 language code, as the interpreter language is sent. */
/** A language as the help request names it (the interpreter's language): a language code. */
export const LANGUAGE_CODE = LOCALE_CODE;

export const isContactChannel = (value: unknown): value is ContactChannel =>
  typeof value === 'string' && (CONTACT_CHANNELS as readonly string[]).includes(value);

/**
 * The request in its one canonical shape: a channel only with contact, a language only with an
 * interpreter, no other keys. Returns null for anything that is not a help request at all.
 */
export function normalizeHelpRequest(value: unknown): HelpRequest | null {
  if (!isRecord(value) || typeof value.contact !== 'boolean' || typeof value.interpreter !== 'boolean') return null;
  const request: HelpRequest = { contact: value.contact, interpreter: value.interpreter };
  if (value.contact && isContactChannel(value.channel)) request.channel = value.channel;
  if (
    value.interpreter &&
    typeof value.interpreterLanguage === 'string' &&
    LANGUAGE_CODE.test(value.interpreterLanguage)
  ) {
    request.interpreterLanguage = value.interpreterLanguage;
  }
  return request;
}

/** Whether the user asked for anything; only then does the request go into the submission. */
export const asksForHelp = (request: HelpRequest): boolean => request.contact || request.interpreter;

/** Why a help request in a submission is wrong, as [relative JSON pointer, code, message]; empty when it is right. */
export function helpRequestErrors(value: unknown): Array<[string, string, string]> {
  if (!isRecord(value)) return [['', 'type', 'help is { contact, channel?, interpreter, interpreterLanguage? }.']];
  const errors: Array<[string, string, string]> = [];
  for (const key of Object.keys(value)) {
    if (!['contact', 'channel', 'interpreter', 'interpreterLanguage'].includes(key))
      errors.push([`/${key}`, 'unknown-key', `help has no field "${key}".`]);
  }
  if (typeof value.contact !== 'boolean') errors.push(['/contact', 'type', 'contact is true or false.']);
  if (typeof value.interpreter !== 'boolean') errors.push(['/interpreter', 'type', 'interpreter is true or false.']);
  if (value.channel !== undefined) {
    if (!isContactChannel(value.channel))
      errors.push(['/channel', 'choice', `channel is one of ${CONTACT_CHANNELS.join(', ')}.`]);
    else if (value.contact !== true)
      errors.push(['/channel', 'not-relevant', 'A channel goes only with contact: true.']);
  }
  if (value.interpreterLanguage !== undefined) {
    if (typeof value.interpreterLanguage !== 'string' || !LANGUAGE_CODE.test(value.interpreterLanguage))
      errors.push(['/interpreterLanguage', 'pattern', 'interpreterLanguage is a language code such as "ar".']);
    else if (value.interpreter !== true)
      errors.push(['/interpreterLanguage', 'not-relevant', 'A language goes only with interpreter: true.']);
  }
  if (errors.length === 0 && value.contact === false && value.interpreter === false) {
    errors.push(['', 'not-relevant', 'Leave help out when the user asked for nothing.']);
  }
  return errors;
}
