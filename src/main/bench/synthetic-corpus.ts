// Writes a seeded, realistic corpus of stakeholder letters for the benchmarks: .txt (some in
// windows-1252 or UTF-16), .eml, .docx and text .pdf, with 2 % exact and 3 % near duplicates,
// varied senders, dates and lengths. Only the generator is kept in the repository.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { textPdf } from './minimal-pdf'
import { seededRandom, type Random } from './prng'

export interface Sender {
  name: string
  domain: string | null
}

export type CorpusFormat = 'txt' | 'eml' | 'docx' | 'pdf'

export interface CorpusFile {
  file: string
  format: CorpusFormat
  text: string
  kind: 'original' | 'exact-duplicate' | 'near-duplicate'
}

export interface CorpusOptions {
  letters: number
  seed: number
  senders: Sender[]
  /** Share of each format; the rest are .txt. */
  mix?: Partial<Record<CorpusFormat, number>>
}

const TOPICS = [
  'the intimidation of candidates and campaigners',
  'the safety of candidates at local elections',
  'transparency data on reported content',
  'the time taken to remove abusive posts',
  'tools for users to report credible threats to the police',
  'our code of conduct for members',
  'the disciplinary process for breaches of the code',
  'joint guidance for candidates on criminal offences',
  'training for officers who police elections',
  'the Editors’ Code of Practice and harassment',
  'a statutory duty of care for online platforms',
  'home addresses on ballot papers',
  'digital imprints on campaign material',
  'support for candidates who face abuse',
  'the electoral sanction for intimidation',
]
const OPENINGS = [
  'Thank you for your letter of {date} asking for an update on {topic}.',
  'I am writing in response to the Committee’s request for information about {topic}.',
  'Further to our meeting, I set out below our progress on {topic}.',
  'We welcome the opportunity to update the Committee on {topic}.',
]
const BODY = [
  'Since our last letter we have reviewed our approach to {topic} and made several changes.',
  'We accepted recommendation {n} in principle and have now put it into effect.',
  'Our policy team has consulted widely, and a revised framework will be published in {month} {year}.',
  'We do not consider that recommendation {n} should be implemented in full, for the reasons below.',
  'The number of reports we received rose by {pct} per cent over the year, and we responded to most within {hours} hours.',
  'We have trained {count} staff and volunteers, and the materials are now part of our induction.',
  'We will publish figures on complaints and their outcomes in our annual report for {year}.',
  'The guidance was refreshed ahead of the polls in May {year} and shared with every candidate.',
  'We remain concerned that abuse directed at women and minority candidates is rising.',
  'Escalation to the police now takes place through a dedicated channel staffed around the clock.',
  'A named contact has been appointed for each region, and their details are on our website.',
  'We would be glad to discuss {topic} with the secretariat at any time.',
  'Legislation will be brought forward when parliamentary time allows.',
  'The review concluded that our existing sanctions are sufficient, though we will keep them under review.',
]
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const FIRST = ['Alex', 'Sam', 'Priya', 'Tom', 'Fatima', 'Owen', 'Grace', 'Imran', 'Rhiannon', 'David', 'Chloe', 'Kwame']
const LAST = ['Morgan', 'Patel', 'Hughes', 'Okafor', 'Clarke', 'Evans', 'Begum', 'Fraser', 'Lewis', 'Nowak', 'Reid', 'Shah']
const ROLES = ['Director of Policy', 'Chief Executive', 'Head of Public Policy', 'General Secretary', 'Deputy Director', 'Head of Safeguarding']

function fill(template: string, r: Random, topic: string): string {
  return template
    .replace('{topic}', topic)
    .replace('{n}', String(r.int(1, 26)))
    .replace('{month}', r.pick(MONTHS))
    .replace('{year}', String(r.int(2019, 2024)))
    .replace('{pct}', String(r.int(5, 60)))
    .replace('{hours}', String(r.int(2, 72)))
    .replace('{count}', String(r.int(20, 4000)))
    .replace('{date}', `${r.int(1, 28)} ${r.pick(MONTHS)} ${r.int(2019, 2024)}`)
}

function letterText(r: Random, sender: Sender, date: string): { text: string; subject: string; signatory: string } {
  const topic = r.pick(TOPICS)
  const subject = `${topic[0]!.toUpperCase()}${topic.slice(1)}`
  const signatory = `${r.pick(FIRST)} ${r.pick(LAST)}`
  const paragraphs = [fill(r.pick(OPENINGS), r, topic)]
  const count = r.int(3, 9)
  for (let i = 0; i < count; i++) {
    const sentences = Array.from({ length: r.int(2, 5) }, () => fill(r.pick(BODY), r, r.chance(0.7) ? topic : r.pick(TOPICS)))
    paragraphs.push(sentences.join(' '))
  }
  const head = [sender.name, `${r.int(1, 200)} Victoria Street, London SW1H ${r.int(0, 9)}AB`, ...(sender.domain ? [`policy@${sender.domain}`] : []), '', date, '', 'Dear Lord Chalmers,', '', `Re: ${subject}`, '']
  const foot = ['', 'Yours sincerely,', '', signatory, r.pick(ROLES), sender.name]
  return { text: [...head, ...paragraphs.flatMap((p) => [p, '']), ...foot].join('\n'), subject, signatory }
}

async function encode(format: CorpusFormat, text: string, meta: { sender: Sender; subject: string; signatory: string; iso: string }, r: Random): Promise<Uint8Array> {
  switch (format) {
    case 'txt':
      if (r.chance(0.1)) return new Uint8Array(Buffer.from(text.replace(/’/g, "'").replace(/–/g, '-'), 'latin1'))
      if (r.chance(0.05)) return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
      return new Uint8Array(Buffer.from(text, 'utf8'))
    case 'eml': {
      const from = meta.sender.domain ? `${meta.signatory} <${meta.signatory.toLowerCase().replace(' ', '.')}@${meta.sender.domain}>` : meta.signatory
      const headers = [`From: ${from}`, 'To: Secretariat <secretariat@public-standards.gov.uk>', `Date: ${new Date(`${meta.iso}T10:00:00Z`).toUTCString()}`, `Subject: ${meta.subject}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit']
      return new Uint8Array(Buffer.from(`${headers.join('\r\n')}\r\n\r\n${text.replace(/\n/g, '\r\n')}\r\n`, 'utf8'))
    }
    case 'docx': {
      const lines = text.split('\n')
      const document = new Document({
        creator: meta.signatory,
        sections: [{ children: lines.map((line, i) => new Paragraph({ children: [new TextRun({ text: line, bold: i === 0 || line.startsWith('Re: ') })] })) }],
      })
      return new Uint8Array(await Packer.toBuffer(document))
    }
    case 'pdf':
      return textPdf(text)
  }
}

/** Writes the corpus into `dir` and returns what it wrote (in file order). */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<CorpusFile[]> {
  mkdirSync(dir, { recursive: true })
  const r = seededRandom(options.seed)
  const mix = { eml: 0.25, docx: 0.25, pdf: 0.1, ...options.mix }
  const written: CorpusFile[] = []
  const originals: { file: string; bytes: Uint8Array; text: string; format: CorpusFormat; meta: Parameters<typeof encode>[2] }[] = []
  for (let i = 0; i < options.letters; i++) {
    const name = `letter-${String(i).padStart(6, '0')}`
    const roll = r.next()
    if (originals.length > 10 && roll < 0.02) {
      const source = r.pick(originals)
      const file = `${name}.${source.format}`
      writeFileSync(join(dir, file), source.bytes)
      written.push({ file, format: source.format, text: source.text, kind: 'exact-duplicate' })
      continue
    }
    if (originals.length > 10 && roll < 0.05) {
      const source = r.pick(originals)
      const format: CorpusFormat = source.format === 'pdf' ? 'txt' : 'pdf' // the same letter printed, or saved as text
      const text = r.chance(0.5) ? source.text : source.text.replace('Dear Lord Chalmers,', 'Dear Lord Chalmers,\n\n(Resent with corrected attachment.)')
      const bytes = await encode(format, text, source.meta, r)
      const file = `${name}.${format}`
      writeFileSync(join(dir, file), bytes)
      written.push({ file, format, text, kind: 'near-duplicate' })
      continue
    }
    const sender = r.pick(options.senders)
    const iso = `${r.int(2019, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
    const date = r.chance(0.7) ? `${d} ${MONTHS[m - 1]} ${y}` : `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`
    const letter = letterText(r, sender, date)
    const formatRoll = r.next()
    const format: CorpusFormat = formatRoll < mix.eml ? 'eml' : formatRoll < mix.eml + mix.docx ? 'docx' : formatRoll < mix.eml + mix.docx + mix.pdf ? 'pdf' : 'txt'
    const meta = { sender, subject: letter.subject, signatory: letter.signatory, iso }
    const bytes = await encode(format, letter.text, meta, r)
    const file = `${name}.${format}`
    writeFileSync(join(dir, file), bytes)
    originals.push({ file, bytes, text: letter.text, format, meta })
    written.push({ file, format, text: letter.text, kind: 'original' })
  }
  return written
}
