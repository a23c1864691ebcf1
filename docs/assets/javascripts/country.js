// Help for the reader's own country. The page holds every region's help; without this script it
// shows the practice's region first, with every other one a tap away. This script picks the
// reader's likely region on the device, from the browser's time zone, among the regions the page
// holds (their zones are in the chooser's data-zones), and shows that region's help: a reader in
// none of them gets the worldwide directory first. A tap on a country in a chooser shows that one.
// Nothing is sent and nothing is stored: a new page guesses again.

export const ELSEWHERE = 'elsewhere'

/** Whether a time zone says nothing of where the reader is (UTC, Etc/GMT+5, none). */
const placeless = (zone) => !zone || /^(UTC|GMT|Etc\/|Universal|Zulu)/.test(zone)

/**
 * The region for time zone `zone`: the one whose zones list it (a zone ending in / stands for
 * every zone under it), ELSEWHERE for a zone of another place, or `fallback` (the practice's
 * region) for a zone that names no place.
 */
export function regionFor (zones, zone, fallback) {
  if (placeless(zone)) return fallback
  for (const [code, list] of Object.entries(zones)) {
    if (list.some((z) => (z.endsWith('/') ? zone.startsWith(z) : zone === z))) return code
  }
  return ELSEWHERE
}

/**
 * The reader's time zone, or '' if the browser does not say. Temporal answers at once; a browser
 * without it is asked through a date format, whose first use loads the locale's patterns (tens of
 * milliseconds on a slow phone).
 */
export function deviceZone () {
  try {
    const now = globalThis.Temporal?.Now
    if (now?.timeZoneId) return now.timeZoneId() || ''
    return Intl.DateTimeFormat().resolvedOptions().timeZone || ''
  } catch {
    return ''
  }
}

/** The region a link into Get help now names (#help-gb, #crisis-gb, #region-gb, #crisis-directory), or null. */
export function regionInHash (hash, codes) {
  const m = /^#(?:help|crisis|region)-([a-z]{2})$/.exec(hash || '')
  if (m && codes.includes(m[1].toUpperCase())) return m[1].toUpperCase()
  return hash === '#crisis-directory' ? ELSEWHERE : null
}

/**
 * Show region `code` everywhere on the page: its short help and finders (every other region's
 * hidden), its folded entry open and first (the directory first for ELSEWHERE), and in each
 * chooser every country but this one.
 */
export function show (doc, code) {
  for (const el of doc.querySelectorAll('[data-region]:not(details)')) el.hidden = el.dataset.region !== code
  for (const help of doc.querySelectorAll('.crisis-help')) {
    const entries = [...help.querySelectorAll(':scope > details[data-region]')]
    const directory = help.querySelector(':scope > [data-directory]')
    const mine = entries.find((d) => d.dataset.region === code)
    for (const d of entries) d.open = d === mine
    const first = mine || directory
    if (first && entries[0] && first !== entries[0]) help.insertBefore(first, entries[0])
    if (!mine && directory && entries.length) help.append(...entries.filter((d) => d.parentNode === help))
  }
  for (const chooser of doc.querySelectorAll('[data-zones]')) {
    chooser.dataset.shown = code
    for (const link of chooser.querySelectorAll('[data-choose]')) link.parentElement.hidden = link.dataset.choose === code
  }
}

let picked = null // a country the reader tapped: kept in memory only, while Material's instant navigation keeps the page

/** Choose the reader's region on this page, and let a chooser change it in one tap. */
export function init (doc) {
  const chooser = doc.querySelector('[data-zones]')
  if (!chooser || chooser.dataset.ready) return
  for (const c of doc.querySelectorAll('[data-zones]')) c.dataset.ready = 'true'
  const zones = JSON.parse(chooser.dataset.zones)
  const codes = [...chooser.querySelectorAll('[data-choose]')].map((a) => a.dataset.choose)
  const fallback = chooser.dataset.shown
  const code = regionInHash(doc.location.hash, codes) || (codes.includes(picked) && picked) ||
    regionFor(zones, deviceZone(), fallback)
  if (code !== fallback) show(doc, code)
  if (doc.countryListening) return
  doc.countryListening = true
  doc.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href*="#help-"], a[href*="#crisis-"], a[href*="#region-"], [data-choose]')
    const all = [...doc.querySelectorAll('[data-choose]')].map((a) => a.dataset.choose)
    const chosen = link && (link.dataset.choose || regionInHash(new URL(link.href).hash, all))
    if (!chosen) return
    show(doc, chosen)
    if (!link.dataset.choose) return // a link to a country's entry: it opens, and the browser goes there
    // A chooser changes the help in place, on any page, and says which country it now shows.
    picked = chosen
    event.preventDefault()
    link.closest('.crisis-strip').querySelector('.crisis-strip__title').focus()
  })
}
