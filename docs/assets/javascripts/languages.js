// The language switch after Material's instant navigation: the header stays as it was, so its links
// are pointed at the new page in each language. Every language has the same pages at the same paths
// below its own folder, and the same anchors on them, so the new page's path below this language's
// folder, and the part after # (a section, or the self-assessment's answers), is all it takes.
const links = [...document.querySelectorAll('[data-languages] a[data-language-root]')]
const roots = links.map((link) => new URL(link.dataset.languageRoot, location.href).href)
const current = links.findIndex((link) => link.hasAttribute('aria-current'))

export function follow (here = location.href) {
  const [address, hash = ''] = here.split(/#(.*)/s)
  const page = address.split('?')[0]
  if (current < 0 || !page.startsWith(roots[current])) return
  const path = page.slice(roots[current].length)
  links.forEach((link, i) => { link.href = roots[i] + path + (hash ? '#' + hash : '') })
}

if (window.document$) window.document$.subscribe(() => follow())
// The address's part after # changes on the page (a section, answers restored or cleared): the
// links follow it at the moment the reader chooses a language.
links.forEach((link) => link.addEventListener('click', () => follow()))
