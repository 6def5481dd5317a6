// Norwegian identity numbers. The national identity number is checked by NAV's own validator
// (@navikt/fnrvalidator: both control digits, the 2032 rule for the first one, and the birth date inside the
// number), so the widget, the receiver and NAV's other services agree on which numbers exist.
import { idnr } from '@navikt/fnrvalidator';

/**
 * The kinds of number a person may give: fødselsnummer, D-nummer (first digit + 4) and H-nummer (third digit
 * + 4, the synthetic numbers of NAV's test environments), and a D-nummer that is also an H-nummer.
 * Tenor's test numbers (third digit + 8) are refused: they belong to Skatteetaten's test data only.
 */
const ACCEPTED = new Set<string>(['fnr', 'dnr', 'hnr', 'dnr-and-hnr']);

/** Norwegian national identity number (fødselsnummer, D-nummer, H-nummer): 11 digits, a real date, two control digits. */
export function isNationalId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const result = idnr(value);
  return result.status === 'valid' && ACCEPTED.has(result.type);
}

const ORGANISATION_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Norwegian organisation number (Enhetsregisteret): 9 digits starting with 8 or 9, the last a mod-11 control
 * digit. No maintained library checks only this, and the rule is eight weights.
 */
export function isOrganisationNumber(value: string): boolean {
  if (!/^[89]\d{8}$/.test(value)) return false;
  const sum = ORGANISATION_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  const control = (11 - (sum % 11)) % 11;
  return control !== 10 && control === Number(value[8]);
}
