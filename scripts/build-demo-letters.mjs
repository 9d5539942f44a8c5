#!/usr/bin/env node
// Builds the Word letters of the demonstration dataset.
//
// Each resources/demo/letter-sources/NAME.txt becomes resources/demo/letters/NAME.docx:
// the first line is a bold letterhead, a line starting "Re:" is a bold subject line, every other
// non-blank line is an ordinary paragraph, and a blank line closes a block (space after it).
// The output is deterministic: the document dates and the zip entry times are the letter's own
// date, taken from the YYYY-MM-DD at the start of the file name, so re-running the script over
// unchanged sources gives byte-identical files.
//
// Usage: node scripts/build-demo-letters.mjs [--check]
//   --check  build in memory and fail if any .docx on disk differs (or is missing).

import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'resources', 'demo', 'letter-sources');
const outDir = join(root, 'resources', 'demo', 'letters');
const checkOnly = process.argv.includes('--check');

const FONT = 'Arial';
const SIZE = 22; // half-points: 11 pt
const LETTERHEAD_SIZE = 28; // 14 pt
const BLOCK_GAP = 200; // twips after the last line of a block (10 pt)

/** Reads a source letter as lines, without a BOM or carriage returns. */
function readLines(file) {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}

/** The subject (without "Re:") and the signatory (the first line after "Yours sincerely,"). */
function metadata(lines, fallbackTitle) {
  const re = lines.find((l) => /^Re:\s/.test(l.trim()));
  const title = re ? re.trim().replace(/^Re:\s*/, '') : fallbackTitle;
  const closing = lines.findIndex((l) => /Yours sincerely,?\s*$/.test(l.trim()));
  let creator = lines[0].trim();
  if (closing >= 0) {
    const signatory = lines.slice(closing + 1).find((l) => l.trim() !== '');
    if (signatory) creator = signatory.trim();
  }
  return { title, creator, organisation: lines[0].trim() };
}

function buildDocument(lines, meta) {
  const paragraphs = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    const endsBlock = i === lines.length - 1 || lines[i + 1].trim() === '';
    const isLetterhead = i === 0;
    const isSubject = /^Re:\s/.test(text);
    paragraphs.push(
      new Paragraph({
        spacing: { after: endsBlock ? BLOCK_GAP : 0, line: 276 },
        children: [
          new TextRun({
            text,
            bold: isLetterhead || isSubject,
            size: isLetterhead ? LETTERHEAD_SIZE : SIZE,
            font: FONT,
          }),
        ],
      }),
    );
  });
  return new Document({
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    title: meta.title,
    subject: meta.title,
    description: `Letter from ${meta.organisation} (Progress Desk demonstration data)`,
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 },
          },
        },
        children: paragraphs,
      },
    ],
  });
}

/** Runs fn with Date fixed at `iso`, so that docx's timestamps and zip times are reproducible. */
async function withFixedDate(iso, fn) {
  const RealDate = globalThis.Date;
  const fixed = RealDate.parse(iso);
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FixedDate;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

async function main() {
  // Zip entry times are written in local time: pin the zone so the bytes do not depend on it.
  process.env.TZ = 'UTC';
  const sources = readdirSync(sourceDir).filter((f) => f.endsWith('.txt')).sort();
  if (sources.length === 0) throw new Error(`no .txt sources in ${sourceDir}`);
  mkdirSync(outDir, { recursive: true });
  let stale = 0;
  for (const name of sources) {
    const lines = readLines(join(sourceDir, name));
    const stem = basename(name, '.txt');
    const dateMatch = /^(\d{4}-\d{2}-\d{2})/.exec(stem);
    const when = `${dateMatch ? dateMatch[1] : '2021-01-01'}T09:00:00Z`;
    const meta = metadata(lines, stem);
    const buffer = await withFixedDate(when, () => Packer.toBuffer(buildDocument(lines, meta)));
    const target = join(outDir, `${stem}.docx`);
    if (checkOnly) {
      if (!existsSync(target) || !readFileSync(target).equals(buffer)) {
        console.error(`out of date: ${target}`);
        stale++;
      }
    } else {
      writeFileSync(target, buffer);
      console.log(`wrote ${join('resources', 'demo', 'letters', `${stem}.docx`)} (${buffer.length} bytes)`);
    }
  }
  if (checkOnly && stale > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
