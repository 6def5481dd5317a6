// The element's own CSS, as a module of its own: the built widget takes it from here only when the loader made no
// sheet from the form package's start slice (decision 0044), so the main chunk carries none of it.
import { draftStyles } from '../drafts/styles.ts';
import { styles } from './styles.ts';

export const widgetCss = `${styles}\n${draftStyles}`;
