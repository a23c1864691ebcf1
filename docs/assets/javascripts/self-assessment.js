// The self-assessment in the browser: one step at a time, scoring, the result, a share link.
// The page already holds every question and result; this only shows and hides them. Scoring reads
// the model in the root's data-model attribute (points per option, rules in order). Nothing leaves the device.

const OPS = {
  '>=': (a, b) => a >= b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '<': (a, b) => a < b, '==': (a, b) => a === b
}
const MAX_HASH = 200 // longer than any real link: refuse before looking inside

/** Points per scale for one option index per question. */
export function score (model, answers) {
  const totals = Object.fromEntries(model.scales.map((s) => [s, 0]))
  model.questions.forEach((q, i) => {
    for (const [scale, points] of Object.entries(q.options[answers[i]])) totals[scale] += points
  })
  return totals
}

/** Whether a rule's condition is true; no condition is always true (the fallback). */
export function holds (c, scores) {
  if (!c) return true
  if (c.all) return c.all.every((x) => holds(x, scores))
  if (c.any) return c.any.some((x) => holds(x, scores))
  return OPS[c.op](scores[c.scale] + (c.plus ? scores[c.plus] : 0) - (c.minus ? scores[c.minus] : 0), c.value)
}

/** The result id for a full set of answers: the first rule that holds wins. */
export function resultFor (model, answers) {
  const scores = score(model, answers)
  return model.rules.find((r) => holds(r.when, scores)).result
}

/** The share fragment: `#answers=<version>.<one digit per question>`. */
export const encode = (model, answers) => `#answers=${model.version}.${answers.join('')}`

/**
 * Read a share fragment strictly. Returns {answers} or {error}: 'none' (not a share link: any other
 * fragment is an ordinary anchor, left alone), 'version' (older questions), 'newer' or 'invalid'. Never throws.
 */
export function decode (hash, model) {
  if (typeof hash !== 'string' || !/^#?answers=/.test(hash)) return { error: 'none' }
  if (hash.length > MAX_HASH) return { error: 'invalid' }
  const m = /^#?answers=([0-9]{1,3})\.([0-9]+)$/.exec(hash)
  if (!m) return { error: 'invalid' }
  const version = Number(m[1])
  if (version !== model.version) return { error: version > model.version ? 'newer' : 'version' }
  const answers = [...m[2]].map(Number)
  const fits = answers.length === model.questions.length &&
    answers.every((a, i) => a < model.questions[i].options.length)
  return fits ? { answers } : { error: 'invalid' }
}

const NOTICES = {
  version: 'This link to saved answers was made for an older version of these questions, so we could not use it. You can answer the questions again below.',
  newer: 'This link to saved answers was made for a newer version of these questions, so we could not use it. Reload the page to get the newest version, or answer the questions below.',
  invalid: 'This link to saved answers could not be read, so nothing was filled in. You can answer the questions below.',
  // Script cannot edit other entries of the browser's history: say so where the reader looks.
  cleared: 'Your answers are cleared from this page and its address. Your browser\'s history may still list the link you opened. You can delete it there.'
}

/**
 * Enhance one questionnaire, once its styles are in, then fire `self-assessment:ready` on it (the
 * embed waits for it to report its height). Safe to call again on the same element.
 */
export function init (root) {
  if (!root || root.saReady) return
  root.saReady = true
  return addStyles().then(() => {
    enhance(root)
    root.dispatchEvent(new CustomEvent('self-assessment:ready', { bubbles: true }))
  })
}

function enhance (root) {
  let model
  try {
    model = JSON.parse(root.dataset.model)
  } catch {
    return // the plain form and the scoring guide still work
  }
  const $ = (s) => root.querySelector(s)
  const $$ = (s) => [...root.querySelectorAll(s)]
  const form = $('.sa-form')
  const steps = $$('.sa-step')
  const errors = $('.sa-errors')
  const alert = $('.sa-alert')
  const notice = $('.sa-notice')
  const share = $('.sa-share')
  const lines = $('.sa-result-crisis') // the crisis lines, for the results that show them
  const later = [$('#sa-outcome-title'), $('.sa-mine'), $('.sa-tools'), ...$$('.sa-result'), lines].filter(Boolean)
  const group = (q) => form.elements.namedItem(q.id)
  const fieldset = (q) => root.querySelector(`#sa-q-${q.id}`)
  const radios = (q) => fieldset(q).querySelectorAll('input[type="radio"]')
  const answer = (q) => (group(q).value === '' ? -1 : Number(group(q).value))
  const found = decode(location.hash, model)
  const opened = found.error !== 'none' // the page was opened with a share link in its address
  const tell = (key) => {
    notice.textContent = NOTICES[key]
    notice.hidden = false
    notice.focus()
  }
  let current = 0

  root.classList.add('sa--js')
  $('.sa-guide').open = false

  function show (index, focus) {
    current = index
    steps.forEach((step, i) => { step.hidden = i !== index })
    $('#sa-step-label').textContent = `Step ${index + 1} of ${steps.length}`
    $('.sa-progress progress').value = index + 1
    const last = index === steps.length - 1
    $('[data-action="back"]').hidden = index === 0
    $('[data-action="next"]').hidden = last
    $('[data-action="result"]').hidden = !last
    if (focus) steps[index].querySelector('h2').focus()
  }

  function mark (q, missing) {
    fieldset(q).classList.toggle('sa-q--error', missing)
    $(`#sa-q-${q.id}-error`).hidden = !missing
  }

  function check (questions) {
    const missing = questions.filter((q) => answer(q) < 0)
    model.questions.forEach((q) => mark(q, missing.includes(q)))
    const list = $('.sa-errors__list')
    list.replaceChildren(...missing.map((q) => {
      const link = document.createElement('a')
      link.href = `#sa-q-${q.id}`
      link.textContent = `Choose an answer to question ${model.questions.indexOf(q) + 1}`
      const item = document.createElement('li')
      item.append(link)
      return item
    }))
    errors.hidden = missing.length === 0
    if (missing.length) errors.focus()
    return missing.length === 0
  }

  const inStep = (i) => model.questions.filter((q) => steps[i].contains(fieldset(q)))

  function showResult (answers) {
    const scores = score(model, answers)
    const hits = model.rules.map((r, i) => (holds(r.when, scores) ? i : -1)).filter((i) => i >= 0)
    const winner = model.rules[hits[0]].result
    for (const el of later) el.hidden = false
    for (const el of $$('.sa-result')) el.hidden = el.dataset.result !== winner
    if (lines) {
      lines.hidden = !lines.dataset.results.split(' ').includes(winner)
      $(`#sa-result-${winner}-title`).after(lines)
    }
    for (const li of $$('.sa-why li')) li.hidden = !hits.includes(Number(li.dataset.rule))
    $('.sa-mine__list').replaceChildren(...model.questions.map((q, i) => {
      const item = document.createElement('li')
      const chosen = document.createElement('strong')
      chosen.textContent = radios(q)[answers[i]].closest('label').textContent.trim()
      item.append(fieldset(q).querySelector('legend').textContent.replace(/^\d+\.\s*/, '') + ' ', chosen)
      return item
    }))
    steps.forEach((step) => { step.hidden = true })
    for (const el of $$('.sa-progress, .sa-nav')) el.hidden = true
    errors.hidden = true
    notice.hidden = true // a notice about a link or a clearing is old news once there is a result
    root.classList.add('sa--done')
    $(`#sa-result-${winner}-title`).focus()
  }

  function restart (focus) {
    root.classList.remove('sa--done')
    for (const el of later) el.hidden = true
    for (const el of $$('.sa-progress, .sa-nav')) el.hidden = false
    share.hidden = true
    show(0, focus)
  }

  const actions = {
    next: () => check(inStep(current)) && show(current + 1, true),
    back: () => { errors.hidden = true; show(current - 1, true) },
    result: () => check(model.questions) && showResult(model.questions.map(answer)),
    change: () => restart(true),
    print: () => window.print(),
    clear: () => {
      form.reset()
      model.questions.forEach((q) => mark(q, false))
      errors.hidden = true
      alert.hidden = true
      if (location.hash) history.replaceState(history.state, '', location.pathname + location.search)
      restart(!opened)
      if (opened) tell('cleared')
    },
    share: () => {
      // This page's address, or on the embed (noindex) the main page's, from its hidden link.
      const url = ($('.sa-share-page') || location).href.split('#')[0] + encode(model, model.questions.map(answer))
      const input = $('#sa-share-url')
      input.value = url
      share.hidden = false
      input.select()
      // No clipboard (or no permission, as in a frame): the reader copies the selected link.
      Promise.resolve().then(() => navigator.clipboard.writeText(url))
        .then(() => 'Link copied.', () => 'Select the link above and copy it.')
        .then((text) => { $('.sa-share-status').textContent = text })
    }
  }

  root.addEventListener('click', (event) => {
    const button = event.target.closest('[data-action]')
    if (button && actions[button.dataset.action]) actions[button.dataset.action]()
    const link = event.target.closest('.sa-errors__list a')
    if (link) { // GOV.UK error summary: go to the question's first answer without changing the URL
      event.preventDefault()
      const input = root.querySelector(`${link.getAttribute('href')} input`)
      if (input) input.focus()
    }
  })
  form.addEventListener('change', (event) => {
    const q = model.questions.find((x) => x.id === event.target.name)
    if (q) mark(q, false)
    alert.hidden = !form.querySelector('input[data-crisis]:checked')
  })

  restart(false)
  if (found.answers) {
    model.questions.forEach((q, i) => { radios(q)[found.answers[i]].checked = true })
    alert.hidden = !form.querySelector('input[data-crisis]:checked')
    showResult(found.answers)
  } else if (opened) tell(found.error)
}

// A page with the questionnaire links these styles in its head; reached by instant navigation
// from another page, it has not, so the script adds them. Until they are in, the reader sees the
// plain form (Material's button styles would otherwise show hidden buttons).
function addStyles () {
  let link = document.getElementById('sa-styles')
  if (!link) {
    link = document.createElement('link')
    link.id = 'sa-styles'
    link.rel = 'stylesheet'
    link.href = new URL('../stylesheets/self-assessment.css', import.meta.url).href
    document.head.append(link)
  }
  if (link.sheet) return Promise.resolve()
  return new Promise((resolve) => {
    link.addEventListener('load', resolve)
    link.addEventListener('error', resolve) // without the styles the steps still work
  })
}
