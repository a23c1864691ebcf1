// The self-assessment's scoring and share-link decoder, under Node's own test runner.
// Python writes the test vectors from data/self-assessment.yml (every reachable set of totals,
// so every rule boundary); this file checks that the browser code gives the same result for each.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The module under test: the source, or the copy named by SA_MODULE (the minified file the built
// site serves; tests/test_own_assets.py runs this file against it).
const MODULE = process.env.SA_MODULE
  ? pathToFileURL(process.env.SA_MODULE).href
  : new URL('../../docs/assets/javascripts/self-assessment.js', import.meta.url).href
const { decode, encode, holds, resultFor, score } = await import(MODULE)

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PYTHON = process.env.PYTHON || (existsSync(join(ROOT, '.venv/bin/python')) ? join(ROOT, '.venv/bin/python') : 'python3')

function loadVectors () {
  const dir = mkdtempSync(join(tmpdir(), 'sa-vectors-'))
  try {
    const out = join(dir, 'vectors.json')
    execFileSync(PYTHON, ['-m', 'microsite.self_assessment.vectors', out, join(ROOT, 'data/self-assessment.yml')], { cwd: ROOT })
    return JSON.parse(readFileSync(out, 'utf-8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const { model, vectors } = loadVectors()

// The totals of every scale for one set of answers, as a key.
const totalsKey = (answers) => JSON.stringify(Object.values(score(model, answers)))

test('the vectors reach every rule: for each, some vector is decided by it', () => {
  const firstRule = (answers) => {
    const scores = score(model, answers)
    return model.rules.findIndex((r) => holds(r.when, scores))
  }
  const reached = new Set(vectors.map((v) => firstRule(v.answers)))
  const missed = model.rules.map((_, i) => i).filter((i) => !reached.has(i))
  assert.deepEqual(missed, [], 'rules no vector reaches')
})

test('one vector for each reachable set of totals, counted here from the questionnaire', () => {
  // Every set of totals the answers can give, built question by question (without score(), which
  // is under test).
  let reachable = new Set([JSON.stringify(model.scales.map(() => 0))])
  for (const q of model.questions) {
    const next = new Set()
    for (const key of reachable) {
      for (const points of q.options) {
        next.add(JSON.stringify(JSON.parse(key).map((total, s) => total + (points[model.scales[s]] || 0))))
      }
    }
    reachable = next
  }
  const keys = vectors.map((v) => totalsKey(v.answers))
  assert.equal(new Set(keys).size, vectors.length, 'two vectors give the same totals')
  assert.deepEqual(new Set(keys), reachable)
  const combinations = model.questions.reduce((n, q) => n * q.options.length, 1)
  assert.ok(vectors.length <= combinations)
})

test('JavaScript gives the result Python expects for every vector', () => {
  const wrong = vectors.filter((v) => resultFor(model, v.answers) !== v.result)
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${vectors.length} differ`)
})

test('score adds the points of each chosen option', () => {
  const answers = model.questions.map(() => 0)
  const totals = score(model, answers)
  assert.deepEqual(Object.keys(totals), model.scales)
  for (const scale of model.scales) {
    const expected = model.questions.reduce((sum, q) => sum + (q.options[0][scale] || 0), 0)
    assert.equal(totals[scale], expected, scale)
  }
})

test('conditions: comparisons, sums, differences, all, any and the fallback', () => {
  const s = { a: 3, b: 1 }
  assert.equal(holds({ scale: 'a', op: '>=', value: 3 }, s), true)
  assert.equal(holds({ scale: 'a', op: '>', value: 3 }, s), false)
  assert.equal(holds({ scale: 'a', op: '<=', value: 2 }, s), false)
  assert.equal(holds({ scale: 'b', op: '<', value: 2 }, s), true)
  assert.equal(holds({ scale: 'b', op: '==', value: 1 }, s), true)
  assert.equal(holds({ scale: 'a', minus: 'b', op: '>=', value: 2 }, s), true)
  assert.equal(holds({ scale: 'a', minus: 'b', op: '>=', value: 3 }, s), false)
  assert.equal(holds({ scale: 'a', plus: 'b', op: '>=', value: 4 }, s), true)
  assert.equal(holds({ scale: 'a', plus: 'b', op: '>=', value: 5 }, s), false)
  assert.equal(holds({ all: [{ scale: 'a', op: '>=', value: 3 }, { scale: 'b', op: '>=', value: 2 }] }, s), false)
  assert.equal(holds({ any: [{ scale: 'a', op: '>=', value: 4 }, { scale: 'b', op: '>=', value: 1 }] }, s), true)
  assert.equal(holds(undefined, s), true)
})

test('a share link round-trips', () => {
  for (const v of vectors.slice(0, 200)) assert.deepEqual(decode(encode(model, v.answers), model), { answers: v.answers })
})

test('the decoder names an older and a newer version and refuses bad links', () => {
  const digits = model.questions.map(() => '0').join('')
  assert.deepEqual(decode('', model), { error: 'none' })
  assert.deepEqual(decode(`#answers=${model.version - 1}.${digits}`, model), { error: 'version' })
  assert.deepEqual(decode(`#answers=0.${digits}`, model), { error: 'version' })
  assert.deepEqual(decode(`#answers=${model.version + 1}.${digits}`, model), { error: 'newer' })
  assert.deepEqual(decode(`answers=${model.version + 1}.${digits}`, model), { error: 'newer' })
  assert.deepEqual(decode(`#answers=999.${digits}`, model), { error: 'newer' })
  assert.deepEqual(decode(`#answers=${model.version + 1}.x`, model), { error: 'invalid' }) // unreadable first
  assert.deepEqual(decode(`#answers=${model.version}.${digits}0`, model), { error: 'invalid' })
  assert.deepEqual(decode(`#answers=${model.version}.${digits.slice(1)}`, model), { error: 'invalid' })
  assert.deepEqual(decode(`#answers=${model.version}.9${digits.slice(1)}`, model), { error: 'invalid' })
  assert.deepEqual(decode('#answers=<script>alert(1)</script>', model), { error: 'invalid' })
  assert.deepEqual(decode('#answers=' + 'x'.repeat(20000), model), { error: 'invalid' })
  assert.deepEqual(decode('#answers=', model), { error: 'invalid' })
  assert.deepEqual(decode(null, model), { error: 'none' })
})

test('only a share link is decoded: any other fragment is an ordinary anchor, left alone', () => {
  const digits = model.questions.map(() => '0').join('')
  for (const hash of ['#', '#results', '#before-you-start', '#sa-q-aim', '#anything', '#%%%', '#%3Cimg%20src=x%3E',
    '#' + 'x'.repeat(20000), `#answer=${model.version}.${digits}`, `#Answers=${model.version}.${digits}`,
    `#x-answers=${model.version}.${digits}`, `# answers=${model.version}.${digits}`]) {
    assert.deepEqual(decode(hash, model), { error: 'none' }, hash.slice(0, 40))
  }
})

// A small seeded generator, so a failure can be repeated.
function random (seed) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
}

test('10,000 random and hostile fragments: never throws, never accepts an out-of-range answer', () => {
  const rand = random(20261127)
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const n = model.questions.length
  const pieces = ['#', 'answers=', `${model.version}.`, '0', '1', '2', '3', '9', '.', '-', '%00', '%3C', '<script>', '"', "'", '\u0000', '\u202e', '😀', 'é', ' ', '\n', '=', '&', 'answers=1.', '1e3', '0x1', 'NaN', '-1']
  const cases = []
  for (let i = 0; i < 10000; i++) {
    const kind = i % 4
    if (kind === 0) { // random characters of any kind
      cases.push(Array.from({ length: Math.floor(rand() * 40) }, () => String.fromCharCode(Math.floor(rand() * 0xffff))).join(''))
    } else if (kind === 1) { // hostile pieces glued together
      cases.push(Array.from({ length: Math.floor(rand() * 12) }, () => pick(pieces)).join(''))
    } else if (kind === 2) { // well-formed shape: lengths around the right one, digits just in or out of range
      const len = rand() < 0.5 ? n : n + Math.floor(rand() * 5) - 2
      cases.push(`#answers=${model.version}.` + Array.from({ length: Math.max(len, 0) },
        (_, q) => Math.floor(rand() * ((model.questions[q] ? model.questions[q].options.length : 9) + 1))).join(''))
    } else { // very long
      cases.push('#answers=1.' + '0'.repeat(n + Math.floor(rand() * 30000)))
    }
  }
  let accepted = 0
  for (const hash of cases) {
    let out
    assert.doesNotThrow(() => { out = decode(hash, model) }, JSON.stringify(hash).slice(0, 80))
    if (out.answers) {
      accepted++
      assert.equal(out.answers.length, n)
      out.answers.forEach((a, i) => assert.ok(Number.isInteger(a) && a >= 0 && a < model.questions[i].options.length, hash))
    } else {
      assert.ok(['none', 'version', 'newer', 'invalid'].includes(out.error), hash)
      if (out.error === 'none') assert.ok(!/^#?answers=/.test(hash), hash) // a share link is never ignored
    }
  }
  assert.ok(accepted > 0, 'no valid link among the generated ones: the generator is broken')
})
