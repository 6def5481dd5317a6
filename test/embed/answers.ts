// The example forms' answers as a user types them (test/helpers/full-answers.ts).
export { fullAnswers as answers } from '../helpers/full-answers.ts';
