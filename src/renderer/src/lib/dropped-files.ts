// The files of a drop, including everything inside dropped folders (walked through the
// File and Directory Entries API, which is how a browser or Electron hands over a folder).
import type { ImportFile } from '../stores/import'

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

function readAll(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader()
  const entries: FileSystemEntry[] = []
  // readEntries answers in pieces (about 100 at a time) until it answers with none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries)
        else {
          entries.push(...batch)
          next()
        }
      }, reject)
    next()
  })
}

async function walk(entry: FileSystemEntry, into: ImportFile[]): Promise<void> {
  if (entry.isFile) {
    into.push({ file: await fileOf(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//, '') })
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, into)
  }
}

/** Call synchronously inside the drop handler: a DataTransfer empties once the event is over. */
export function takeDrop(data: DataTransfer): () => Promise<ImportFile[]> {
  const entries = [...data.items].filter((item) => item.kind === 'file').map((item) => item.webkitGetAsEntry?.() ?? null)
  const files = [...data.files]
  return async () => {
    if (!entries.some((entry) => entry?.isDirectory)) return files.map((file) => ({ file, path: file.name }))
    const found: ImportFile[] = []
    for (const entry of entries) if (entry) await walk(entry, found)
    return found
  }
}

/** True while what is dragged over the window includes files (not text or a link from the page). */
export function carriesFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files')
}
