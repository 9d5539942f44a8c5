// Writes a plain text PDF (Helvetica, A4, WinAnsi) without any library: enough for a benchmark
// corpus of "text PDFs" whose text layer the importer must read.
const PAGE_LINES = 54
const WIDTH_CHARS = 95

export function textPdf(text: string): Uint8Array {
  const lines = text.split('\n').flatMap((line) => wrap(line, WIDTH_CHARS))
  const pages: string[][] = []
  for (let i = 0; i < lines.length; i += PAGE_LINES) pages.push(lines.slice(i, i + PAGE_LINES))
  if (pages.length === 0) pages.push([''])

  const objects: string[] = []
  const add = (body: string) => objects.push(body) // object number = index + 1
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // pages, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const kids: number[] = []
  for (const page of pages) {
    const content = `BT /F1 10 Tf 14 TL 56 790 Td ${page.map((line) => `(${escapePdf(line)}) '`).join(' ')} ET`
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${objects.length} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`)
    kids.push(objects.length)
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`

  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line]
  const words = line.split(' ')
  const out: string[] = []
  let current = ''
  for (const word of words) {
    if (current && current.length + word.length + 1 > width) {
      out.push(current)
      current = word
    } else current = current ? `${current} ${word}` : word
  }
  if (current) out.push(current)
  return out
}

function escapePdf(text: string): string {
  // WinAnsi covers the letters' punctuation; anything else becomes '?'.
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/’/g, '\x92').replace(/–/g, '\x96').replace(/[^\x20-\x7e\x92\x96\xa3]/g, '?')
}
