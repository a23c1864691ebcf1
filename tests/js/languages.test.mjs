// The language switch after Material's instant navigation: its links follow the page shown.
// The header stays as it was after an instant navigation, so the script points each language's
// link at the new page's path below that language's folder.
import { test } from 'node:test'
import assert from 'node:assert/strict'

/** The switch as the header writes it on /learn/es/faq/ (links relative to that page). */
function header () {
  const link = (root, href, current) => ({
    dataset: { languageRoot: root },
    href: new URL(href, 'https://site.example/learn/es/faq/').href,
    hasAttribute: (name) => name === 'aria-current' && current,
    addEventListener: (type, fn) => { if (type === 'click') clicked.push(fn) }
  })
  return [link('../../', '../../faq/', false), link('../', './', true)]
}

const clicked = []
const links = header()
let subscribed = null
globalThis.location = { href: 'https://site.example/learn/es/faq/' }
globalThis.document = { querySelectorAll: () => links }
globalThis.window = { document$: { subscribe: (fn) => { subscribed = fn } } }
const { follow } = await import('../../docs/assets/javascripts/languages.js')

test('after an instant navigation, each language links to the new page and the same section', () => {
  assert.equal(typeof subscribed, 'function') // it follows every page Material shows
  globalThis.location.href = 'https://site.example/learn/es/therapy/#who-provides-therapy'
  subscribed()
  assert.deepEqual(links.map((link) => link.href),
    ['https://site.example/learn/therapy/#who-provides-therapy', 'https://site.example/learn/es/therapy/#who-provides-therapy'])
})

test('choosing a language keeps the self-assessment\'s answers in the address', () => {
  globalThis.location.href = 'https://site.example/learn/es/self-assessment/'
  subscribed()
  globalThis.location.href = 'https://site.example/learn/es/self-assessment/#answers=3.01210'  // restored later on the page
  assert.equal(clicked.length, links.length)
  clicked[0]()
  assert.equal(links[0].href, 'https://site.example/learn/self-assessment/#answers=3.01210')
})

test('the home page of the language maps to the other home page', () => {
  follow('https://site.example/learn/es/')
  assert.deepEqual(links.map((link) => link.href), ['https://site.example/learn/', 'https://site.example/learn/es/'])
})

test('a page outside this language\'s folder leaves the links alone', () => {
  follow('https://site.example/learn/es/coaching/')
  const before = links.map((link) => link.href)
  follow('https://other.example/x/')
  assert.deepEqual(links.map((link) => link.href), before)
})
