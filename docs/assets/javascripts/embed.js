// The self-assessment inside an iframe on the practice's own site. Links leave the frame (the
// page's <base target="_top">), except links within the page; the host page is told the content
// height so its iframe can fit it, but only when the host's origin is in `embed_origins`.
(() => {
  const allowed = JSON.parse(document.querySelector('script[data-embed-origins]').dataset.embedOrigins || '[]')
  if (window.parent === window) return

  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href]')
    // Capture phase: runs before Material's instant navigation, which skips links with a target.
    if (link && !link.getAttribute('target')) link.target = link.getAttribute('href').startsWith('#') ? '_self' : '_top'
  }, true)
  for (const form of document.forms) form.target = '_self'

  const ancestor = (location.ancestorOrigins && location.ancestorOrigins[0]) ||
    (document.referrer && new URL(document.referrer).origin)
  const host = ancestor ? allowed.find((origin) => origin === ancestor) : (allowed.length === 1 && allowed[0])
  const content = document.querySelector('.md-content')
  if (!host || !content) return

  let last = 0
  const report = () => {
    const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + 24)
    if (height !== last) window.parent.postMessage({ type: 'self-assessment:height', height: (last = height) }, host)
  }
  // The first height only once the questionnaire is enhanced (its steps hidden), then only changes:
  // the script marks the root `sa--js` and fires `self-assessment:ready` when it is done.
  const start = () => new ResizeObserver(report).observe(content)
  if (document.querySelector('.sa--js') || !document.querySelector('[data-module="self-assessment"]')) start()
  else document.addEventListener('self-assessment:ready', start, { once: true })
})()
