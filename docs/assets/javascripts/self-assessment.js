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

/**
 * The rules whose reasons the result shows: every true rule giving the same result as the first
 * true one; the fallback (no condition) only when it gave the result, never beside another reason.
 */
export function reasons (model, scores) {
  const hits = model.rules.map((r, i) => (holds(r.when, scores) ? i : -1)).filter((i) => i >= 0)
  const winner = model.rules[hits[0]].result
  return hits.filter((i) => model.rules[i].result === winner && (model.rules[i].when || i === hits[0]))
}

/** The total shown with the result (the PHQ-4) and the index of its band, or null. */
export function totalBand (model, scores) {
  if (!model.total) return null
  const total = model.total.scales.reduce((sum, scale) => sum + scores[scale], 0)
  return { total, band: model.total.bands.findIndex(([from, to]) => from <= total && total <= to) }
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

/** A message of the page's words (`data-sa-text`, written by the block in the page's language)
 * with its `%(name)s` filled in. */
export function fill (message, values = {}) {
  return String(message).replace(/%\((\w+)\)s/g, (all, name) => (name in values ? String(values[name]) : all))
}

// What the script may tell the reader, from the page's words (the embed measures the longest).
const NOTICES = ['version', 'newer', 'invalid', 'opened', 'cleared']

/**
 * Enhance one questionnaire, then fire `self-assessment:ready` on it (the embed waits for it to
 * report its height). Safe to call again on the same element. Throws if the questionnaire cannot
 * be enhanced (the loader then shows the plain form).
 */
export function init (root) {
  if (!root || root.saReady) return
  root.saReady = true
  try {
    root.selfAssessment = new SelfAssessment(root).init()
  } finally {
    root.dispatchEvent(new CustomEvent('self-assessment:ready', { bubbles: true }))
  }
}

/**
 * One questionnaire. The block names every element the script uses in `data-sa-part`, or marks it
 * with what it holds (`data-step`, `data-sa-question`, `data-result`, `data-rule`), and a step or a
 * result names its heading in `aria-labelledby`: ids and classes are decided in one place, the block.
 */
export class SelfAssessment {
  constructor (root) {
    this.root = root
    this.current = 0
    this.text = JSON.parse(root.dataset.saText || '{}') // the page's words for the script
  }

  /** Every notice it may show, in the page's language (the embed measures the longest). */
  get notices () { return NOTICES.map((key) => this.text[key]) }

  /** The element the block named `name` (or null), and every one of them. */
  part (name) { return this.root.querySelector(`[data-sa-part="${name}"]`) }
  all (selector) { return [...this.root.querySelectorAll(selector)] }
  /** The heading a step or a result is labelled by. */
  heading (section) { return this.root.querySelector(`[id="${section.getAttribute('aria-labelledby')}"]`) }

  /** Throws on a model it cannot read: the plain form and the scoring guide still work. */
  init () {
    this.bind(JSON.parse(this.root.dataset.model))
    this.root.classList.add('sa--js')
    this.part('guide').open = false
    this.root.addEventListener('click', (event) => this.onClick(event))
    this.form.addEventListener('change', (event) => this.onChange(event))
    this.restart(false)
    this.openLink(decode(location.hash, this.model))
    return this
  }

  /** Find the parts of the questionnaire (in the page, or in a copy the embed measures). */
  bind (model) {
    this.model = model
    this.form = this.part('form')
    this.steps = this.all('[data-step]')
    this.results = this.all('[data-result]')
    this.alert = this.part('alert') // none when no answer is marked as a crisis answer
    this.lines = this.part('result-lines') // where the crisis panel goes in the results that show it
    this.panel = this.part('panel')
    this.later = [this.part('outcome-title'), this.part('mine'), this.part('tools'), ...this.results, this.lines,
      this.part('total'), this.part('finders')].filter(Boolean)
    this.questions = this.model.questions.map((q) => {
      const fieldset = this.root.querySelector(`[data-sa-question="${q.id}"]`)
      return { fieldset, radios: [...fieldset.querySelectorAll('input[type="radio"]')] }
    })
    return this
  }

  /** The option index chosen for a question, or -1. */
  answer (q) { return q.radios.findIndex((radio) => radio.checked) }
  answers () { return this.questions.map((q) => this.answer(q)) }

  /** Start from a share link in the address, or say why it could not be used. */
  openLink (found) {
    this.opened = found.error !== 'none' // the page was opened with a share link in its address
    if (found.answers) {
      this.questions.forEach((q, i) => { q.radios[found.answers[i]].checked = true })
      this.updateAlert()
      this.showResult(found.answers)
      this.tell('opened') // someone else's answers must not look like the reader's own
    } else if (this.opened) this.tell(found.error)
  }

  tell (key) {
    this.showNotice(this.text[key]).focus()
  }

  showNotice (text) {
    const notice = this.part('notice')
    notice.textContent = text
    notice.hidden = false
    return notice
  }

  showStep (index, focus) {
    this.current = index
    this.steps.forEach((step, i) => { step.hidden = i !== index })
    this.part('step-label').textContent = fill(this.text.step, { step: index + 1, steps: this.steps.length })
    this.part('progress-bar').value = index + 1
    const last = index === this.steps.length - 1
    this.button('back').hidden = index === 0
    this.button('next').hidden = last
    this.button('result').hidden = !last
    if (focus) this.heading(this.steps[index]).focus()
  }

  button (action) { return this.root.querySelector(`[data-action="${action}"]`) }

  mark (q, missing) {
    q.fieldset.classList.toggle('sa-q--error', missing)
    q.fieldset.querySelector('[data-sa-part="question-error"]').hidden = !missing
  }

  /** Whether every one of `questions` has an answer; if not, the error summary says which. */
  check (questions) {
    const missing = questions.filter((q) => this.answer(q) < 0)
    const errors = this.showErrors(missing)
    if (missing.length) errors.focus()
    return missing.length === 0
  }

  /** The error summary listing `missing` (hidden when it is empty), and each one marked. */
  showErrors (missing) {
    this.questions.forEach((q) => this.mark(q, missing.includes(q)))
    this.part('errors-list').replaceChildren(...missing.map((q) => {
      const link = document.createElement('a')
      link.href = `#${q.fieldset.id}`
      link.textContent = fill(this.text.choose, { number: this.questions.indexOf(q) + 1 })
      const item = document.createElement('li')
      item.append(link)
      return item
    }))
    const errors = this.part('errors')
    errors.hidden = missing.length === 0
    return errors
  }

  inStep (index) { return this.questions.filter((q) => this.steps[index].contains(q.fieldset)) }

  showResult (answers) {
    const scores = score(this.model, answers)
    const hits = reasons(this.model, scores)
    const title = this.layoutResult(this.model.rules[hits[0]].result, hits, answers, totalBand(this.model, scores))
    // Its title at the top of the screen, below the sticky header (its scroll-margin), then focus.
    title.scrollIntoView({ block: 'start' })
    title.focus({ preventScroll: true })
  }

  /**
   * Shows result `winner` with the reasons of rules `hits`, the answers given and the total
   * (`shown`: {total, band} or null); returns its title.
   */
  layoutResult (winner, hits, answers, shown) {
    for (const el of this.later) el.hidden = false
    const result = this.results.find((el) => el.dataset.result === winner)
    for (const el of this.results) el.hidden = el !== result
    const title = this.heading(result)
    const summary = [...result.querySelectorAll('.sa-summary')].pop() || title
    this.placeLines(winner, result.dataset.crisisAfter === 'summary' ? summary : title)
    this.placeTotal(shown, this.lines && !this.lines.hidden && this.lines.previousElementSibling === summary ? this.lines : summary)
    this.placeFinders(result)
    for (const li of this.all('[data-rule]')) li.hidden = !hits.includes(Number(li.dataset.rule))
    this.listAnswers(answers)
    this.steps.forEach((step) => { step.hidden = true })
    this.part('progress').hidden = true
    this.part('nav').hidden = true
    this.part('errors').hidden = true
    this.part('notice').hidden = true // a notice about a link or a clearing is old news once there is a result
    this.root.classList.add('sa--done')
    this.placePanel()
    return title
  }

  /**
   * The short crisis help, in the results that show it, right after `at` (the title or the
   * summary): the strip from above the questions moves there (and back when the reader starts again).
   */
  placeLines (winner, at) {
    if (!this.lines) return
    this.lines.hidden = !this.lines.dataset.results.split(' ').includes(winner)
    at.after(this.lines)
    const strip = this.part('strip')
    if (strip && !this.lines.hidden) this.lines.append(strip)
    else if (strip) this.homeStrip()
  }

  /** The strip back at its place above the questions. */
  homeStrip () {
    const strip = this.part('strip')
    if (strip && strip.parentNode !== this.root) this.part('notice').before(strip)
  }

  /** The total and its band in words, right after `at`. */
  placeTotal (shown, at) {
    const total = this.part('total')
    if (!total) return
    total.hidden = !shown
    if (!shown) return
    this.part('total-value').textContent = String(shown.total)
    for (const p of total.querySelectorAll('[data-band]')) p.hidden = Number(p.dataset.band) !== shown.band
    at.after(total)
  }

  /** The therapist finders (the reader's region's), in the shown result's place for them, if it has one. */
  placeFinders (result) {
    const finders = this.part('finders')
    if (!finders) return
    const slot = result.querySelector('[data-sa-finders]')
    finders.hidden = !slot
    if (slot) slot.append(finders)
  }

  /** One crisis panel, where it is needed: under a crisis answer, or at its place last. */
  placePanel () {
    if (!this.panel) return
    const done = this.root.classList.contains('sa--done')
    const slot = !done && this.alert && !this.alert.hidden && this.part('alert-lines')
    const home = slot || this.root
    if (this.panel.parentNode !== home) home.append(this.panel)
  }

  listAnswers (answers) {
    this.part('mine-list').replaceChildren(...this.questions.map((q, i) => {
      const item = document.createElement('li')
      const chosen = document.createElement('strong')
      chosen.textContent = q.radios[answers[i]].closest('label').textContent.trim()
      item.append(q.fieldset.querySelector('legend').textContent.replace(/^\d+\.\s*/, '') + ' ', chosen)
      return item
    }))
  }

  restart (focus) {
    this.root.classList.remove('sa--done')
    this.homeStrip()
    for (const el of this.later) el.hidden = true
    this.part('progress').hidden = false
    this.part('nav').hidden = false
    this.part('share').hidden = true
    this.showStep(0, focus)
    this.placePanel()
  }

  /** Crisis help opens the moment a crisis answer is chosen, before any button. */
  updateAlert () {
    if (this.alert) this.alert.hidden = !this.form.querySelector('input[data-crisis]:checked')
    this.placePanel()
  }

  clear () {
    this.form.reset()
    this.questions.forEach((q) => this.mark(q, false))
    this.part('errors').hidden = true
    this.updateAlert()
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search)
    this.restart(!this.opened)
    if (this.opened) this.tell('cleared')
  }

  share () {
    // This page's address, or on the embed (noindex) the main page's, from its hidden link.
    const url = (this.part('share-page') || location).href.split('#')[0] + encode(this.model, this.answers())
    const input = this.part('share-url')
    input.value = url
    this.part('share').hidden = false
    input.select()
    // No clipboard (or no permission, as in a frame): the reader copies the selected link.
    Promise.resolve().then(() => navigator.clipboard.writeText(url))
      .then(() => this.text.copied, () => this.text.copy)
      .then((text) => { this.part('share-status').textContent = text })
  }

  act (action) {
    switch (action) {
      case 'next': return this.check(this.inStep(this.current)) && this.showStep(this.current + 1, true)
      case 'back': this.part('errors').hidden = true; return this.showStep(this.current - 1, true)
      case 'result': return this.check(this.questions) && this.showResult(this.answers())
      case 'change': return this.restart(true)
      case 'print': return window.print()
      case 'clear': return this.clear()
      case 'share': return this.share()
    }
  }

  onClick (event) {
    const button = event.target.closest('[data-action]')
    if (button) this.act(button.dataset.action)
    const link = event.target.closest('[data-sa-part="errors-list"] a')
    if (link) { // GOV.UK error summary: go to the question's first answer without changing the URL
      event.preventDefault()
      const q = this.questions.find((x) => `#${x.fieldset.id}` === link.getAttribute('href'))
      if (q) q.radios[0].focus()
    }
  }

  onChange (event) {
    const q = this.questions.find((x) => x.radios.includes(event.target))
    if (q) this.mark(q, false)
    this.updateAlert()
  }
}
