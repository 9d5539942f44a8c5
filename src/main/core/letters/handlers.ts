// The letters slice of the contract, bound to its services.
import type { lettersContract } from '../../../shared/api/letters'
import { openOriginal, saveOriginal } from '../files/open-files'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { importFiles, type IncomingFile } from './import-service'
import { deleteLetterToBin, emptyBin, listBin, purgeLetter, restoreLetterFromBin } from './bin-service'
import { importCancellations } from './import-cancellations'
import { getImportLimits, saveImportLimits } from './import-settings'
import { setLetterDirection } from './letter-direction'
import { listLetterPage } from './letter-page'
import { getLetter } from './letter-queries'
import { mergeLetters } from './merge-letters'
import { dismissNearDuplicate, nearDuplicates } from './near-duplicate-service'
import { orderedGroupImport } from './ordered-import'
import { updateLetter } from './update-letter'

/** A file as sent: base64 (any transport) or its bytes (in-process or IPC). */
function incoming(file: { name: string; dataBase64: string } | { name: string; bytes: Uint8Array }): IncomingFile {
  return { name: file.name, bytes: 'bytes' in file ? file.bytes : new Uint8Array(Buffer.from(file.dataBase64, 'base64')) }
}

export function lettersHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof lettersContract> {
  const importGroup = orderedGroupImport(ctx)
  const cancellations = importCancellations()
  return {
    'letters.list': (input) => listLetterPage(ctx, input),
    'letters.get': ({ id }) => getLetter(ctx, id),
    'letters.import': ({ files, importId }, { via }) => importFiles(ctx, files.map(incoming), via ?? 'app', { cancelled: cancellations.check(importId), announceEachGroup: true }),
    'letters.cancelImport': ({ importId }) => {
      cancellations.cancel(importId)
      return { cancelled: true as const }
    },
    'letters.importGroup': ({ files }, { via }) => importGroup(files.map(incoming), via ?? 'app'),
    'letters.update': (input) => updateLetter(ctx, input),
    'letters.nearDuplicates': ({ letterId }) => nearDuplicates(ctx, letterId),
    'letters.merge': ({ keepId, removeId }) => mergeLetters(ctx, keepId, removeId),
    'letters.dismissNearDuplicate': ({ letterId, duplicateOf }) => dismissNearDuplicate(ctx, letterId, duplicateOf),
    'letters.importLimits': () => getImportLimits(ctx.db),
    'letters.saveImportLimits': (input) => saveImportLimits(ctx, input),
    'letters.openOriginal': ({ id }, { host }) => openOriginal(ctx, host, id),
    // The folder comes from the transport (a folder dialog, the CLI's --out), never from the caller.
    'letters.saveOriginal': async ({ id }, { host }) => {
      const folder = (await host.chooseFolder?.({ title: 'Save the original letter into a folder' })) ?? null
      if (!folder) return { saved: false, path: null }
      return { saved: true, path: await saveOriginal(ctx, id, folder) }
    },
    'letters.delete': ({ id }) => deleteLetterToBin(ctx, id),
    'letters.restore': ({ id }) => restoreLetterFromBin(ctx, id),
    'letters.bin': () => listBin(ctx),
    'letters.purge': ({ id }) => purgeLetter(ctx, id),
    'letters.emptyBin': () => emptyBin(ctx),
    'letters.setDirection': ({ id, direction }) => setLetterDirection(ctx, id, direction),
  }
}
