// The self-assessment inside an iframe on the practice's own site. Links leave the frame (each
// link of the block says target="_top"; this also catches links added later), except links within
// the page. The host page is told a height its iframe can take, but only when the host's origin is
// in `embed_origins`, which the template writes in this script's `data-embed-origins`.
//
// What the frame tells its host must not depend on the reader's answers: a height that changed
// with a "Yes" to the safety question, or with the result, would tell the host page (and any
// script on it) the answer. So the height is sent once the questionnaire is ready and again only
// when the frame's width changes, and it is the height of the tallest layout the questionnaire can
// take (measured on a hidden copy, see `tallest`), whatever the reader has answered.

const longest = (texts) => texts.reduce((a, b) => (b.length > a.length ? b : a), '')

/**
 * Lays out each state a questionnaire can take, in turn: each step with its error summary, its
 * crisis alert and the longest notice; each result with its crisis lines, every reason it can
 * give, the longest answers, the share box and the longest notice.
 */
function * layouts (sa) {
  for (let i = 0; i < sa.steps.length; i++) {
    sa.restart(false)
    sa.showStep(i, false)
    sa.showErrors(sa.inStep(i))
    if (sa.alert) sa.alert.hidden = false
    sa.placePanel()
    sa.showNotice(longest(sa.notices))
    yield
  }
  const answers = sa.questions.map((q) => {
    const labels = q.radios.map((radio) => radio.closest('label').textContent)
    return labels.indexOf(longest(labels))
  })
  // The total with its longest band in words, two digits wide.
  const bands = [...sa.root.querySelectorAll('[data-sa-part="total"] [data-band]')].map((p) => p.textContent)
  const total = sa.model.total && { total: 10, band: bands.indexOf(longest(bands)) }
  for (const result of sa.results) {
    const winner = result.dataset.result
    sa.layoutResult(winner, sa.model.rules.map((r, i) => (r.result === winner ? i : -1)).filter((i) => i >= 0), answers, total)
    sa.part('share').hidden = false
    sa.part('share-status').textContent = sa.text.copy
    sa.showNotice(longest(sa.notices))
    yield
  }
}

/**
 * The height of the tallest state the questionnaire `sa` can take, measured on a hidden copy with
 * every part that opens closed: the reader's answers and layout are neither read nor touched.
 */
export function tallest (sa) {
  const copy = sa.root.cloneNode(true)
  copy.classList.add('sa--measure')
  copy.setAttribute('aria-hidden', 'true')
  copy.inert = true
  copy.style.width = `${sa.root.getBoundingClientRect().width}px`
  // Closed, but for the crisis help's own country, which the page shows open (first in its list).
  for (const details of copy.querySelectorAll('details')) details.open = details.matches('.crisis-help > details:first-child')
  sa.root.after(copy)
  try {
    const states = layouts(new sa.constructor(copy).bind(sa.model))
    let most = 0
    while (!states.next().done) most = Math.max(most, copy.getBoundingClientRect().height)
    return most
  } finally {
    copy.remove()
  }
}

export class Embed {
  constructor (script) {
    this.allowed = JSON.parse(script.dataset.embedOrigins || '[]')
    this.last = 0
    this.width = -1
  }

  init () {
    if (window.parent === window) return this
    // Capture phase: runs before Material's instant navigation, which skips links with a target.
    document.addEventListener('click', (event) => this.target(event.target.closest && event.target.closest('a[href]')), true)
    for (const form of document.forms) form.target = '_self'
    this.host = this.hostOrigin()
    this.content = document.querySelector('.md-content')
    if (this.host && this.content) {
      this.whenReady(() => {
        this.report()
        // A new frame height (the host fitting it) fires `resize` too; only a new width matters.
        window.addEventListener('resize', () => requestAnimationFrame(() => this.report()))
      })
    }
    return this
  }

  /** A link within this page stays in the frame (Material writes it as a full address); others leave. */
  target (link) {
    if (!link || link.getAttribute('target')) return
    const url = new URL(link.href, location.href)
    link.target = url.hash && url.origin + url.pathname + url.search === location.origin + location.pathname + location.search ? '_self' : '_top'
  }

  /** The framing page's origin, if it is an allowed one (with one allowed origin, that one). */
  hostOrigin () {
    const ancestor = (location.ancestorOrigins && location.ancestorOrigins[0]) ||
      (document.referrer && new URL(document.referrer).origin)
    return ancestor ? this.allowed.find((origin) => origin === ancestor) : (this.allowed.length === 1 && this.allowed[0])
  }

  /**
   * Start once the questionnaire is enhanced (its steps hidden): the questionnaire's script marks
   * its root `sa--js` and fires `self-assessment:ready` when done.
   */
  whenReady (start) {
    if (document.querySelector('.sa--js') || !document.querySelector('[data-module="self-assessment"]')) start()
    else document.addEventListener('self-assessment:ready', start, { once: true })
  }

  /** The page's height with the questionnaire in its tallest layout, plus a small margin. */
  height () {
    const root = document.querySelector('[data-module="self-assessment"]')
    const bottom = this.content.getBoundingClientRect().bottom + window.scrollY
    const questionnaire = root && root.selfAssessment
    const grow = questionnaire ? tallest(questionnaire) - root.getBoundingClientRect().height : 0
    return Math.ceil(bottom + grow + 24)
  }

  /** Tell the host the height for the frame's width, once per width. */
  report () {
    const width = window.innerWidth // the frame's own width, whether or not its page scrolls
    if (width === this.width) return
    this.width = width
    const height = this.height()
    if (height !== this.last) window.parent.postMessage({ type: 'self-assessment:height', height: (this.last = height) }, this.host)
  }
}

const script = document.querySelector('script[data-embed-origins]')
if (script) new Embed(script).init()
