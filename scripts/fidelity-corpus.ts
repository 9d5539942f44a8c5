// Import-fidelity measurement (issue 13), not a test: `npm run fidelity [-- --src DIR] [--json FILE]`.
// Builds an extended corpus of letters as other programs write them (Word, LibreOffice, RTF in
// several code pages, plain text in many, e-mail and mailbox variants, HTML, PDFs with CJK and
// custom-encoded fonts, scans and photographs), each with the text it holds, reads every file with
// the letters extractor, and prints per format the share of files read well (at least half the
// reference words come out), the share of right refusals, and how many subjects came out right.
// --src reads with another checkout's src/ (e.g. an older commit's, exported with `git archive`),
// so a figure before a change can be set beside the one after. Takes a few minutes (OCR).
// Under plain Node (not the app's CommonJS bundle, nor Vitest) utif2's exports are not seen by
// tiff-pages.ts's `import * as`, so the TIFF sample is refused here as damaged whatever the src.
import { join, resolve } from 'node:path'
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import iconv from 'iconv-lite'
import { cjkPdf, garbledPdf, greyScanJpeg, htmlWithPreamble, jpegTiff, photographPdf, photographWithoutText, wordprocessingMl2003 } from '../tests/support/fidelity-fixtures'
import { docxLetter, eml, HAS_PDFTOPPM, HAS_SOFFICE, minimalPdf, odtLetter, pdfToImage, scannedPdf, sofficeConvert } from '../tests/support/letter-fixtures'

type ExtractText = typeof import('../src/main/core/letters/extract-text')
type Types = typeof import('../src/main/core/letters/extractors/types')
type Sniff = typeof import('../src/main/core/letters/sniff')
type Infer = typeof import('../src/main/core/letters/infer-metadata')
type Mailbox = typeof import('../src/main/core/letters/mailbox')
type Ocr = typeof import('../src/main/core/letters/extractors/ocr')

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const srcRoot = resolve(argument('--src') ?? join(import.meta.dirname, '..', 'src'))
const load = <T>(path: string): Promise<T> => import(pathToFileURL(join(srcRoot, path)).href) as Promise<T>

interface Sample {
  name: string
  /** The group the figure is reported under (a file format, or "txt cp" for code pages…). */
  group: string
  bytes: Uint8Array | null
  /** The text the file holds; null when it holds none and must be refused. */
  reference: string | null
  /** The subject a person would file it under, when the letter states one. */
  subject?: string
}

// ── the letters ─────────────────────────────────────────────────────────────────────────────────
const ENGLISH = [
  'Department for Levelling Up',
  '2 Marsham Street',
  '14 October 2021',
  'Dear Lord Evans,',
  'Thank you for your letter about the standards expected of local councillors and their conduct.',
  'We have considered each recommendation of the committee and will publish our response shortly.',
  'The department is grateful for the careful work of the committee and of its secretariat.',
  'Yours sincerely,',
  'Kemi Adebayo',
]
const SUBJECT = 'Local government ethical standards'
const WITH_SUBJECT = [...ENGLISH.slice(0, 4), SUBJECT, ...ENGLISH.slice(4)]

const LANGUAGES: Record<string, { text: string; codePages: string[] }> = {
  French: { text: 'Monsieur le Président, nous avons bien reçu votre lettre concernant les normes de conduite. Le ministère a étudié chacune des recommandations. Veuillez agréer nos salutations très distinguées.', codePages: ['windows-1252'] },
  German: { text: 'Sehr geehrter Herr Vorsitzender, für Ihren Brief über die Verhaltensstandards danken wir Ihnen. Das Ministerium hat jede Empfehlung geprüft. Mit freundlichen Grüßen', codePages: ['windows-1252'] },
  Czech: { text: 'Vážený pane předsedo, děkujeme za Váš dopis o standardech chování. Ministerstvo spravedlnosti se každým doporučením podrobně zabývalo. S pozdravem, Jiří Šťastný', codePages: ['windows-1250', 'iso-8859-2'] },
  Polish: { text: 'Szanowny Panie Przewodniczący, dziękujemy za list w sprawie standardów postępowania. Ministerstwo rozważyło każde zalecenie. Z poważaniem, Łukasz Żółkiewski', codePages: ['windows-1250', 'iso-8859-2'] },
  Slovak: { text: 'Vážený pán predseda, ďakujeme za Váš list o štandardoch správania. Ministerstvo sa každým odporúčaním zaoberalo. S pozdravom, Ľubomír Šťastný', codePages: ['windows-1250'] },
  Hungarian: { text: 'Tisztelt Elnök Úr! Köszönjük levelét a magatartási normákról. A minisztérium őszintén üdvözli a bizottság jelentését. Tisztelettel, Kovács Gábor', codePages: ['windows-1250'] },
  Russian: { text: 'Уважаемый господин председатель, благодарим вас за письмо о стандартах поведения. Министерство рассмотрело каждую рекомендацию. С уважением, Министерство юстиции', codePages: ['windows-1251', 'koi8-r', 'cp866'] },
  Japanese: { text: '拝啓 委員会の報告書について、ご意見をいただきありがとうございます。今後とも宜しくお願い申し上げます。敬具 東京都庁', codePages: ['shift_jis', 'euc-jp'] },
  Korean: { text: '위원회 보고서에 대한 의견을 보내 주셔서 감사합니다. 앞으로도 잘 부탁드립니다. 서울특별시 드림', codePages: ['euc-kr'] },
  Chinese: { text: '尊敬的委员会，感谢您对报告的意见。我们将认真考虑这些建议，并在下次会议上讨论。此致 敬礼', codePages: ['gb18030'] },
  'Chinese (traditional)': { text: '尊敬的委員會，感謝您對報告的意見。我們將認真考慮這些建議，並在下次會議上討論。此致 敬禮', codePages: ['big5'] },
  Greek: { text: 'Αξιότιμε κύριε Πρόεδρε, σας ευχαριστούμε για την επιστολή σας σχετικά με τα πρότυπα συμπεριφοράς. Με εκτίμηση, το Υπουργείο Δικαιοσύνης', codePages: ['windows-1253'] },
}

/** RTF font charsets Word writes for each code page. */
const FCHARSET: Record<string, number> = { 'windows-1252': 0, 'windows-1250': 238, 'windows-1251': 204, 'windows-1253': 161, shift_jis: 128, gb18030: 134, big5: 136, 'euc-kr': 129 }
const RTF_CODE_PAGE: Record<string, string> = { shift_jis: 'cp932', gb18030: 'gbk', 'euc-kr': 'cp949' }

function rtfEscaped(text: string, codePage: string): string {
  // Bytes RTF gives a meaning to (\ { }, which are second bytes of some Shift-JIS characters) are escaped as Word does.
  const escaped = (byte: number) => byte >= 0x80 || byte === 0x5c || byte === 0x7b || byte === 0x7d
  return [...iconv.encode(text, RTF_CODE_PAGE[codePage] ?? codePage)].map((byte) => (escaped(byte) ? `\\'${byte.toString(16)}` : byte === 10 ? '\\par\n' : String.fromCharCode(byte))).join('')
}

/** An RTF as Word writes it (font with \fcharset), or with no code page named at all. */
function rtf(text: string, codePage: string, declared: boolean): Uint8Array {
  const font = declared ? `{\\f0\\fnil\\fcharset${FCHARSET[codePage] ?? 0} Font;}` : '{\\f0\\fswiss Arial;}'
  return ascii(`{\\rtf1\\ansi${declared ? '\\ansicpg1252' : ''}\\deff0{\\fonttbl${font}}\\pard\\plain\\f0 ${rtfEscaped(text, codePage)}\\par}`)
}

function rtfWithSubject(lines: string[], subjectIndex: number, control: string): Uint8Array {
  return ascii(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\pard\\plain\\f0 ${lines.map((line, i) => (i === subjectIndex ? `{${control} ${line}}` : line)).join('\\par\n')}\\par}`)
}

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))
const utf8 = (text: string) => new TextEncoder().encode(text)
const mime = (lines: string[], body: Uint8Array) => new Uint8Array(Buffer.concat([Buffer.from([...lines, '', ''].join('\r\n'), 'latin1'), Buffer.from(body)]))
const MAIL_HEAD = ['From: Jo Bloggs <jo@example.org>', 'To: Committee <committee@standards.test>', 'Date: Tue, 10 May 2022 09:14:00 +0100', `Subject: ${SUBJECT}`, 'MIME-Version: 1.0']

async function buildCorpus(): Promise<Sample[]> {
  const samples: Sample[] = []
  const add = (group: string, name: string, bytes: Uint8Array | null, reference: string | null, subject?: string) => samples.push({ group, name, bytes, reference, subject })
  const english = ENGLISH.join('\n')

  // Plain text: Unicode forms, then every language in each of its code pages.
  add('txt', 'utf8.txt', utf8(english), english)
  add('txt', 'utf16le.txt', iconv.encode(english, 'utf-16le', { addBOM: true }), english)
  add('txt', 'utf32be.txt', iconv.encode(english, 'utf-32be', { addBOM: true }), english)
  for (const [language, { text, codePages }] of Object.entries(LANGUAGES)) {
    for (const codePage of codePages) add('txt (code page)', `${language}-${codePage}.txt`, iconv.encode(text, codePage), text)
  }
  add('txt (code page)', 'Czech-short-windows-1250.txt', iconv.encode('Vážený pane předsedo, děkujeme za dopis.', 'windows-1250'), 'Vážený pane předsedo, děkujeme za dopis.')

  // HTML: declared charsets, none, a long preamble, quoting an e-mail.
  const page = (body: string, meta = '') => `<!DOCTYPE html><html><head>${meta}<title>Reply</title></head><body>${body}</body></html>`
  add('html', 'utf8.html', utf8(page(ENGLISH.map((l) => `<p>${l}</p>`).join(''), '<meta charset="utf-8">')), english)
  add('html', 'russian-meta-1251.html', iconv.encode(page(`<p>${LANGUAGES.Russian!.text}</p>`, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), 'windows-1251'), LANGUAGES.Russian!.text)
  add('html', 'czech-no-meta.html', iconv.encode(page(`<p>${LANGUAGES.Czech!.text}</p>`), 'windows-1250'), LANGUAGES.Czech!.text)
  add('html', 'japanese-meta-sjis.html', iconv.encode(page(`<p>${LANGUAGES.Japanese!.text}</p>`, '<meta charset="shift_jis">'), 'shift_jis'), LANGUAGES.Japanese!.text)
  add('html', 'preamble.htm', htmlWithPreamble(ENGLISH.map((l) => `<p>${l}</p>`).join('')), english)
  add('html', 'quoted-email.html', utf8(`From: Jo &lt;jo@example.org&gt;<br>\nSubject: ${SUBJECT}<br>\n<br>\n${ENGLISH.join('<br>\n')}`), english)

  // E-mail: declared and undeclared charsets, transfer encodings, envelopes, forwarded messages.
  add('eml', 'utf8.eml', eml({ from: 'Jo <jo@example.org>', to: 'Committee <c@standards.test>', date: 'Tue, 10 May 2022 09:14:00 +0100', subject: SUBJECT, text: english }), english, SUBJECT)
  add('eml', 'html-only.eml', eml({ from: 'Jo <jo@example.org>', to: 'c@standards.test', date: 'Tue, 10 May 2022 09:14:00 +0100', subject: SUBJECT, html: ENGLISH.map((l) => `<p>${l}</p>`).join('') }), english, SUBJECT)
  add('eml', 'base64-utf8.eml', mime([...MAIL_HEAD, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], ascii(Buffer.from(LANGUAGES.Greek!.text).toString('base64'))), LANGUAGES.Greek!.text, SUBJECT)
  add('eml', 'qp-1252-declared.eml', mime([...MAIL_HEAD, 'Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: quoted-printable'], ascii([...iconv.encode(LANGUAGES.French!.text, 'windows-1252')].map((b) => (b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase()}` : String.fromCharCode(b))).join(''))), LANGUAGES.French!.text, SUBJECT)
  for (const [language, codePage] of [['Russian', 'windows-1251'], ['Czech', 'windows-1250'], ['Polish', 'iso-8859-2'], ['French', 'windows-1252']] as const) {
    add('eml (no charset)', `${language}-${codePage}-undeclared.eml`, mime([...MAIL_HEAD, 'Content-Type: text/plain', 'Content-Transfer-Encoding: 8bit'], iconv.encode(LANGUAGES[language]!.text, codePage)), LANGUAGES[language]!.text, SUBJECT)
  }
  add('eml (no charset)', 'html-koi8-meta-undeclared.eml', mime([...MAIL_HEAD, 'Content-Type: text/html', 'Content-Transfer-Encoding: 8bit'], iconv.encode(page(`<p>${LANGUAGES.Russian!.text}</p>`, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'), 'koi8-r')), LANGUAGES.Russian!.text, SUBJECT)
  const plainMessage = (n: number, body: string) => `From: Jo <jo${n}@example.org>\nTo: c@standards.test\nDate: Tue, 1${n} May 2022 09:14:00 +0100\nSubject: Message ${n}\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`
  add('eml', 'envelope-first.eml', utf8(`From jo1@example.org Tue May 10 09:14:00 2022\n${plainMessage(1, english)}`), english)
  const forwarded = `From: Chair <chair@standards.test>\nTo: c@standards.test\nDate: Tue, 17 May 2022 09:14:00 +0100\nSubject: Fwd: reply\nContent-Type: multipart/mixed; boundary="f1"\n\n--f1\nContent-Type: text/plain; charset=utf-8\n\nForwarded for the committee's papers.\n--f1\nContent-Type: message/rfc822\n\n${plainMessage(2, english)}\n--f1--\n`
  add('eml', 'forwarded.eml', utf8(forwarded), `Forwarded for the committee's papers.\n${english}`)
  add('mbox', 'three.mbox', utf8([1, 2, 3].map((n) => `From jo${n}@example.org Tue May 1${n} 09:14:00 2022\n${plainMessage(n, `${ENGLISH[4 + n]} Message number ${n}.`)}`).join('\n')), [1, 2, 3].map((n) => `${ENGLISH[4 + n]} Message number ${n}.`).join('\n'))

  // Word, OpenDocument, Word 2003 XML; LibreOffice's own .doc, .rtf and .odt where it is installed.
  const docx = await docxLetter(WITH_SUBJECT)
  add('docx', 'plain.docx', docx, WITH_SUBJECT.join('\n'))
  add('docx', 'bold-subject.docx', await docxLetter(WITH_SUBJECT, [4]), WITH_SUBJECT.join('\n'), SUBJECT)
  add('docx', 'underlined-subject.docx', await docxLetter(WITH_SUBJECT, [], [4]), WITH_SUBJECT.join('\n'), SUBJECT)
  add('docx', 'capitals-subject.docx', await docxLetter(WITH_SUBJECT.map((l, i) => (i === 4 ? l.toUpperCase() : l))), WITH_SUBJECT.join('\n'), SUBJECT)
  add('docx', 'czech.docx', await docxLetter([LANGUAGES.Czech!.text]), LANGUAGES.Czech!.text)
  add('odt', 'plain.odt', await odtLetter(WITH_SUBJECT), WITH_SUBJECT.join('\n'))
  add('odt', 'japanese.odt', await odtLetter([LANGUAGES.Japanese!.text]), LANGUAGES.Japanese!.text)
  add('doc', 'word-2003.xml', wordprocessingMl2003(ENGLISH), english)
  if (HAS_SOFFICE) {
    add('doc', 'libreoffice.doc', sofficeConvert('letter.docx', docx, 'doc'), WITH_SUBJECT.join('\n'))
    add('rtf', 'libreoffice-underlined.rtf', sofficeConvert('letter.docx', await docxLetter(WITH_SUBJECT, [], [4]), 'rtf'), WITH_SUBJECT.join('\n'), SUBJECT)
    add('odt', 'libreoffice-underlined.odt', sofficeConvert('letter.docx', await docxLetter(WITH_SUBJECT, [], [4]), 'odt'), WITH_SUBJECT.join('\n'), SUBJECT)
  }

  // RTF: each language in a font with its \fcharset, and Central European with no code page named.
  for (const language of ['French', 'Czech', 'Polish', 'Russian', 'Greek', 'Japanese', 'Chinese', 'Korean']) {
    const codePage = LANGUAGES[language]!.codePages[0]!
    add('rtf', `${language}-fcharset.rtf`, rtf(LANGUAGES[language]!.text, codePage, true), LANGUAGES[language]!.text)
  }
  for (const language of ['Czech', 'Polish', 'Slovak', 'Hungarian']) add('rtf', `${language}-undeclared.rtf`, rtf(LANGUAGES[language]!.text, 'windows-1250', false), LANGUAGES[language]!.text)
  add('rtf', 'underlined-subject.rtf', rtfWithSubject(WITH_SUBJECT, 4, '\\ul'), WITH_SUBJECT.join('\n'), SUBJECT)
  add('rtf', 'bold-subject.rtf', rtfWithSubject(WITH_SUBJECT, 4, '\\b'), WITH_SUBJECT.join('\n'), SUBJECT)

  // PDF: text layers, CJK fonts not embedded, custom encodings (OCR), scans, a photograph.
  add('pdf', 'text.pdf', minimalPdf([WITH_SUBJECT]), WITH_SUBJECT.join('\n'))
  add('pdf', 'dateline-subject.pdf', minimalPdf([['February 10, 2020', 'Dear Chair,', 'ONLINE SAFETY OF CANDIDATES', ...ENGLISH.slice(4)]]), ENGLISH.slice(4).join('\n'), 'Online Safety of Candidates')
  add('pdf', 'cjk-horizontal.pdf', cjkPdf(['拝啓 委員会の皆様', '公職の倫理基準について回答いたします。']), '拝啓 委員会の皆様 公職の倫理基準について回答いたします。')
  add('pdf', 'cjk-vertical.pdf', cjkPdf(['拝啓 委員会の皆様', '公職の倫理基準について回答いたします。'], true), '拝啓 委員会の皆様 公職の倫理基準について回答いたします。')
  add('pdf', 'custom-encoding.pdf', garbledPdf([ENGLISH], 'shifted'), english)
  if (HAS_PDFTOPPM) add('pdf', 'scanned.pdf', scannedPdf(ENGLISH), english)
  add('pdf', 'photograph.pdf', photographPdf(600, 450, [432, 324]), null)

  // Pictures: scans as PNG, JPEG and a JPEG-compressed two-page TIFF; a photograph with no text.
  if (HAS_PDFTOPPM) {
    const pdf = minimalPdf([ENGLISH])
    add('image', 'scan.png', pdfToImage(pdf, 'png'), english)
    add('image', 'scan.jpg', pdfToImage(pdf, 'jpeg'), english)
    add('image', 'fax.tif', jpegTiff([greyScanJpeg(ENGLISH.slice(0, 5))!, greyScanJpeg(ENGLISH.slice(5))!]), english)
  }
  add('image', 'photograph.png', photographWithoutText(600, 450), null)
  return samples
}

// ── scoring ─────────────────────────────────────────────────────────────────────────────────────
/** Words of scripts written with spaces; each Han, kana or Hangul character counts as a word. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{M}\p{N}]+/gu) ?? []
}

/** The share of the reference's words (with their repeats) that the reading gives. */
function share(reference: string, reading: string): number {
  const wanted = words(reference)
  const have = new Map<string, number>()
  for (const word of words(reading)) have.set(word, (have.get(word) ?? 0) + 1)
  let found = 0
  for (const word of wanted) {
    const count = have.get(word) ?? 0
    if (count > 0) {
      found++
      have.set(word, count - 1)
    }
  }
  return wanted.length === 0 ? 0 : found / wanted.length
}

interface Outcome {
  name: string
  group: string
  /** The file holds text (reading it well is right), rather than none (refusing it is). */
  holdsText: boolean
  result: 'read well' | 'read poorly' | 'refused' | 'not built'
  share: number | null
  right: boolean
  subject?: { wanted: string; found: string | null }
  note?: string
}

async function main(): Promise<void> {
  const { extractLetter } = await load<ExtractText>('main/core/letters/extract-text.ts')
  const { DEFAULT_EXTRACT_LIMITS } = await load<Types>('main/core/letters/extractors/types.ts')
  const { sniffFormat } = await load<Sniff>('main/core/letters/sniff.ts')
  const { inferMetadata } = await load<Infer>('main/core/letters/infer-metadata.ts')
  const { splitMailbox } = await load<Mailbox>('main/core/letters/mailbox.ts')
  const { shutdownOcr } = await load<Ocr>('main/core/letters/extractors/ocr.ts')
  const read = async (name: string, bytes: Uint8Array) => {
    const format = sniffFormat(bytes, name)
    return extractLetter({ bytes, format, fileName: name, limits: DEFAULT_EXTRACT_LIMITS })
  }

  const samples = await buildCorpus()
  const outcomes: Outcome[] = []
  for (const sample of samples) {
    if (!sample.bytes) {
      outcomes.push({ name: sample.name, group: sample.group, holdsText: sample.reference !== null, result: 'not built', share: null, right: false, note: 'a tool to build it is missing' })
      continue
    }
    try {
      const messages = sample.name.endsWith('.mbox') ? (splitMailbox(sample.bytes, sample.name) ?? [sample.bytes]) : [sample.bytes]
      const texts: string[] = []
      let subject: string | null = null
      for (const [index, bytes] of messages.entries()) {
        const extraction = await read(messages.length > 1 ? `message-${index + 1}.eml` : sample.name, bytes)
        texts.push(extraction.text)
        // A forwarded message is a letter of its own: its text counts towards the file's.
        for (const attached of extraction.letters) texts.push((await read(attached.name, attached.bytes)).text)
        subject ??= inferMetadata(extraction.text, [], { names: [], domains: [] }, { email: extraction.email, heading: extraction.heading }).subject.value
      }
      // A file with no text that was read gave noise: that is a wrong reading, not a refusal.
      const got = sample.reference === null ? null : share(sample.reference, texts.join('\n'))
      const outcome: Outcome = { name: sample.name, group: sample.group, holdsText: sample.reference !== null, result: got !== null && got >= 0.5 ? 'read well' : 'read poorly', share: got, right: got !== null && got >= 0.5 }
      if (got === null) outcome.note = `read as ${JSON.stringify(texts.join(' ').slice(0, 60))}`
      if (sample.subject) outcome.subject = { wanted: sample.subject, found: subject }
      outcomes.push(outcome)
    } catch (error) {
      outcomes.push({ name: sample.name, group: sample.group, holdsText: sample.reference !== null, result: 'refused', share: null, right: sample.reference === null, note: (error as Error).message })
    }
  }
  await shutdownOcr()
  report(outcomes)
  const json = argument('--json')
  if (json) writeFileSync(json, JSON.stringify(outcomes, null, 2))
}

function report(outcomes: Outcome[]): void {
  const percent = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((100 * n) / of)} %`)
  const groups = [...new Set(outcomes.map((o) => o.group))]
  console.log(`Read with ${srcRoot}\n`)
  // Read well is the issue's measure; "exact" (95 % of words, accents included) shows mojibake
  // that leaves most words of a language written in Latin letters intact.
  const exact = (o: Outcome) => o.share !== null && o.share >= 0.95
  console.log('group               files  read well (≥ 50 % of words)  exact (≥ 95 %)  right refusals')
  for (const group of groups) {
    const all = outcomes.filter((o) => o.group === group)
    const withText = all.filter((o) => o.result !== 'not built' && o.holdsText)
    const refusals = all.filter((o) => !o.holdsText)
    const well = withText.filter((o) => o.right).length
    const exactly = withText.filter(exact).length
    console.log(`${group.padEnd(20)}${String(all.length).padStart(5)}  ${`${well}/${withText.length} ${percent(well, withText.length)}`.padEnd(29)}${`${exactly}/${withText.length}`.padEnd(16)}${refusals.length ? `${refusals.filter((o) => o.right).length}/${refusals.length}` : ''}`)
  }
  const readable = outcomes.filter((o) => o.result !== 'not built' && o.holdsText)
  const well = readable.filter((o) => o.right).length
  console.log(`\nall files with text: ${well}/${readable.length} read well (${percent(well, readable.length)}), ${readable.filter(exact).length} exactly`)
  const refusals = outcomes.filter((o) => !o.holdsText)
  console.log(`files with no text: ${refusals.filter((o) => o.right).length}/${refusals.length} refused`)
  const subjects = outcomes.filter((o) => o.subject)
  const rightSubjects = subjects.filter((o) => o.subject!.found?.toLowerCase() === o.subject!.wanted.toLowerCase())
  console.log(`subjects: ${rightSubjects.length}/${subjects.length} right`)
  console.log('\nmisses:')
  for (const o of outcomes) {
    if (!o.right || (o.holdsText && !exact(o))) console.log(`  ${o.name}: ${o.result}${o.share !== null ? ` (${Math.round(o.share * 100)} % of words)` : ''}${o.note ? ` — ${o.note}` : ''}`)
    if (o.subject && o.subject.found?.toLowerCase() !== o.subject.wanted.toLowerCase()) console.log(`  ${o.name}: subject ${JSON.stringify(o.subject.found)}, wanted ${JSON.stringify(o.subject.wanted)}`)
  }
}

await main()
