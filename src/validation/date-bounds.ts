/**
 * The dates a date answer may take (ISO dates compare as strings). Wide enough for the birth date of
 * anyone alive and for any date a plan reaches; outside it is a typing slip (0990 for 1990, 20255).
 * Step validation says so with its own code (date.range), so the format stays "a real calendar date".
 */
export const DATE_BOUNDS = { min: '1900-01-01', max: '2100-12-31' } as const;
