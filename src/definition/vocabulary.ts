// Words the whole project shares, each declared once: the widget, the engine, the tools and the receiver
// import them from here (docs/decisions/0004 for the variants; 0006 for locales).

/** Every text has a standard wording and may have a plain one (the i18next context `plain`). */
export const TEXT_VARIANTS = ['standard', 'plain'] as const;
export type TextVariant = (typeof TEXT_VARIANTS)[number];
export const isTextVariant = (value: unknown): value is TextVariant => value === 'standard' || value === 'plain';

/** A locale as forms, locale folders and the widget name it: a two- or three-letter language code (nb, se, ti). */
export const LOCALE_CODE = /^[a-z]{2,3}$/;
/** A locale as a submission may carry it: the language code, perhaps with a region or script (nb-NO). */
export const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
