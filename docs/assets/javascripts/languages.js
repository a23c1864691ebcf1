// The language switch after Material's instant navigation: the header stays as it was, so its links
// are pointed at the new page in each language. Every language has the same pages at the same paths
// below its own folder, so the new page's path below this language's folder is all it takes.
const links = [...document.querySelectorAll('[data-languages] a[data-language-root]')]
const roots = links.map((link) => new URL(link.dataset.languageRoot, location.href).href)
const current = links.findIndex((link) => link.hasAttribute('aria-current'))

export function follow (here = location.href) {
  const page = here.split('#')[0].split('?')[0]
  if (current < 0 || !page.startsWith(roots[current])) return
  const path = page.slice(roots[current].length)
  links.forEach((link, i) => { link.href = roots[i] + path })
}

if (window.document$) window.document$.subscribe(() => follow())
