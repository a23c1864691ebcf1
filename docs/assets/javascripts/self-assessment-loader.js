// Loads the self-assessment script only on a page that has the questionnaire, on first load and
// after Material's instant navigation (document$ emits for every page shown).
const run = () => {
  const root = document.querySelector('[data-module="self-assessment"]')
  if (root) import('./self-assessment.js').then((module) => module.init(root))
}
if (window.document$) window.document$.subscribe(run)
else run()
