export type AnswerValue = unknown;
/** Answers by field id. A group's answer is an array of items, each answers by item field id. */
export type Answers = Record<string, AnswerValue>;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON pointer token escaping (RFC 6901). */
export const pointerToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointer = (...tokens: Array<string | number>): string => tokens.map((t) => `/${pointerToken(t)}`).join('');
