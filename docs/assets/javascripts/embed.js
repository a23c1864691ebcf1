// The self-assessment inside an iframe on the practice's own site. Links leave the frame (the
// page's <base target="_top">), except links within the page; the host page is told the content
// height so its iframe can fit it, but only when the host's origin is in `embed_origins`, which
// the template writes in this script's `data-embed-origins`.

export class Embed {
  constructor (script) {
    this.allowed = JSON.parse(script.dataset.embedOrigins || '[]')
    this.last = 0
  }

  init () {
    if (window.parent === window) return this
    // Capture phase: runs before Material's instant navigation, which skips links with a target.
    document.addEventListener('click', (event) => this.target(event.target.closest && event.target.closest('a[href]')), true)
    for (const form of document.forms) form.target = '_self'
    this.host = this.hostOrigin()
    this.content = document.querySelector('.md-content')
    if (this.host && this.content) this.whenReady(() => new ResizeObserver(() => this.report()).observe(this.content))
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
   * The first height only once the questionnaire is enhanced (its steps hidden), then only changes:
   * the questionnaire's script marks its root `sa--js` and fires `self-assessment:ready` when done.
   */
  whenReady (start) {
    if (document.querySelector('.sa--js') || !document.querySelector('[data-module="self-assessment"]')) start()
    else document.addEventListener('self-assessment:ready', start, { once: true })
  }

  report () {
    const height = Math.ceil(this.content.getBoundingClientRect().bottom + window.scrollY + 24)
    if (height !== this.last) window.parent.postMessage({ type: 'self-assessment:height', height: (this.last = height) }, this.host)
  }
}

const script = document.querySelector('script[data-embed-origins]')
if (script) new Embed(script).init()
