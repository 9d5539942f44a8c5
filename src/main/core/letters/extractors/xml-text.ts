// Reads the text out of an OpenDocument content.xml without an XML library: a DTD has already
// been refused (zip-guard), and only the five predefined entities and numeric character
// references are decoded, so no entity can expand and nothing is ever fetched.
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return PREDEFINED[name] ?? whole
  })
}

/** Elements whose text is not part of the letter (comments in the margin, tracked deletions). */
const SKIPPED = new Set(['office:annotation', 'text:tracked-changes', 'text:note-citation'])
const BLOCK_ENDS = new Set(['text:p', 'text:h', 'text:list-item', 'table:table-row'])

export function odfText(xml: string): string {
  const out: string[] = []
  let inBody = false
  let skipDepth = 0
  const tag = /<(\/?)([\w.-]+:[\w.-]+|[\w.-]+)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>/g
  let last = 0
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (inBody && skipDepth === 0 && match.index > last) out.push(decodeEntities(xml.slice(last, match.index)))
    last = tag.lastIndex
    if (match[5] !== undefined) {
      if (inBody && skipDepth === 0) out.push(match[5])
      continue
    }
    const name = match[2]
    if (!name) continue
    const closing = match[1] === '/'
    const selfClosing = match[4] === '/'
    if (name === 'office:body') {
      inBody = !closing
      continue
    }
    if (!inBody) continue
    if (SKIPPED.has(name)) {
      if (!selfClosing) skipDepth += closing ? -1 : 1
      continue
    }
    if (skipDepth > 0) continue
    if (name === 'text:s' && !closing) out.push(' '.repeat(Math.min(1000, Number(/text:c="(\d+)"/.exec(match[3] ?? '')?.[1] ?? 1))))
    else if (name === 'text:tab' && !closing) out.push('\t')
    else if (name === 'text:line-break' && !closing) out.push('\n')
    else if (name === 'table:table-cell' && closing) out.push('\t')
    else if (BLOCK_ENDS.has(name) && (closing || selfClosing)) out.push('\n')
  }
  return out.join('').replace(/\t\n/g, '\n')
}
