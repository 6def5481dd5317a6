// The SurveyJS page's own script, as a host writes it: fetch the survey, render it, and switch its language
// from the page's menu (SurveyJS has no language menu of its own). Globals from the UMD builds.
/* global Survey, SurveyUI */
fetch('sosialhjelp.json')
  .then((response) => response.json())
  .then((json) => {
    const survey = new Survey.Model(json);
    const language = document.getElementById('language');
    language.addEventListener('change', () => {
      survey.locale = language.value;
    });
    SurveyUI.renderSurvey(survey, document.getElementById('survey'));
  });
