// Loads the self-assessment script only on a page that has the questionnaire (and the country
// script only on a page with crisis help), on first load and
// after Material's instant navigation (document$ emits for every page shown). If it cannot start,
// the page shows the plain form: the head's `sa-enhancing` class (overrides/self-assessment.html)
// no longer hides the steps after the first.
const plainForm = () => document.documentElement.classList.remove('sa-enhancing')
const run = () => {
  const root = document.querySelector('[data-module="self-assessment"]')
  if (root) import('./self-assessment.js').then((module) => module.init(root)).catch(plainForm)
  // Help for the reader's own country, where the page has a country chooser (country.js).
  if (document.querySelector('[data-zones]')) import('./country.js').then((module) => module.init(document))
}
if (window.document$) window.document$.subscribe(run)
else run()
