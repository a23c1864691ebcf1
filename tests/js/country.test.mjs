// Choosing the reader's region on the device (country.js), under Node's own test runner.
import { test } from 'node:test'
import assert from 'node:assert/strict'

const MODULE = process.env.COUNTRY_MODULE || new URL('../../docs/assets/javascripts/country.js', import.meta.url).href
const { ELSEWHERE, deviceZone, regionFor, regionInHash } = await import(MODULE)

const ZONES = {
  US: ['America/New_York', 'America/Indiana/', 'US/'],
  CA: ['America/Toronto', 'America/St_Johns'],
  GB: ['Europe/London'],
  AU: ['Australia/'],
  IE: ['Europe/Dublin']
}

test('a time zone of one of our regions picks that region', () => {
  assert.equal(regionFor(ZONES, 'Europe/London', 'US'), 'GB')
  assert.equal(regionFor(ZONES, 'America/Toronto', 'US'), 'CA')
  assert.equal(regionFor(ZONES, 'America/St_Johns', 'US'), 'CA')
  assert.equal(regionFor(ZONES, 'Europe/Dublin', 'US'), 'IE')
  assert.equal(regionFor(ZONES, 'America/New_York', 'GB'), 'US')
})

test('a zone ending in / stands for every zone under it, and for nothing else', () => {
  assert.equal(regionFor(ZONES, 'Australia/Sydney', 'US'), 'AU')
  assert.equal(regionFor(ZONES, 'Australia/Lord_Howe', 'US'), 'AU')
  assert.equal(regionFor(ZONES, 'America/Indiana/Indianapolis', 'GB'), 'US')
  assert.equal(regionFor(ZONES, 'Australian/Fake', 'US'), ELSEWHERE)
})

test('a zone of another place gives the worldwide directory', () => {
  for (const zone of ['Asia/Tokyo', 'Europe/Paris', 'America/Mexico_City', 'Pacific/Auckland']) {
    assert.equal(regionFor(ZONES, zone, 'US'), ELSEWHERE, zone)
  }
})

test('a zone that names no place keeps the practice region', () => {
  for (const zone of ['', 'UTC', 'Etc/UTC', 'Etc/GMT+5', 'GMT', undefined]) {
    assert.equal(regionFor(ZONES, zone, 'GB'), 'GB', String(zone))
  }
})

test('a link to a country on Get help now names that country; any other fragment none', () => {
  const codes = ['US', 'GB', ELSEWHERE]
  assert.equal(regionInHash('#crisis-gb', codes), 'GB')
  assert.equal(regionInHash('#region-us', codes), 'US')
  assert.equal(regionInHash('#crisis-directory', codes), ELSEWHERE)
  for (const hash of ['', '#crisis-fr', '#who-to-contact', '#crisis-gbx', '#answers=1.0', null]) {
    assert.equal(regionInHash(hash, codes), null, String(hash))
  }
})

test('the device zone comes from Temporal where the browser has it, from a date format otherwise', (t) => {
  const intlZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const native = Object.getOwnPropertyDescriptor(globalThis, 'Temporal') // a Node that has it
  t.after(() => { delete globalThis.Temporal; if (native) Object.defineProperty(globalThis, 'Temporal', native) })
  delete globalThis.Temporal
  assert.equal(deviceZone(), intlZone)
  const zone = intlZone === 'Pacific/Chatham' ? 'Europe/Dublin' : 'Pacific/Chatham'
  globalThis.Temporal = { Now: { timeZoneId: () => zone } }
  assert.equal(deviceZone(), zone)
  globalThis.Temporal = { Now: { timeZoneId: () => { throw new RangeError('no zone') } } }
  assert.equal(deviceZone(), '')
})
