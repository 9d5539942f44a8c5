// The letters slice of the contract, bound to its services.
import type { lettersContract } from '../../../shared/api/letters'
import { openOriginal } from '../files/open-files'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { importFiles } from './import-service'
import { getImportLimits, saveImportLimits } from './import-settings'
import { getLetter, listLetters } from './letter-queries'
import { mergeLetters } from './merge-letters'
import { dismissNearDuplicate, nearDuplicates } from './near-duplicate-service'
import { updateLetter } from './update-letter'

export function lettersHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof lettersContract> {
  return {
    'letters.list': (input) => listLetters(ctx, input),
    'letters.get': ({ id }) => getLetter(ctx, id),
    'letters.import': ({ files }) =>
      importFiles(ctx, files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.dataBase64, 'base64')) })), 'app'),
    'letters.update': (input) => updateLetter(ctx, input),
    'letters.nearDuplicates': ({ letterId }) => nearDuplicates(ctx, letterId),
    'letters.merge': ({ keepId, removeId }) => mergeLetters(ctx, keepId, removeId),
    'letters.dismissNearDuplicate': ({ letterId, duplicateOf }) => dismissNearDuplicate(ctx, letterId, duplicateOf),
    'letters.importLimits': () => getImportLimits(ctx.db),
    'letters.saveImportLimits': (input) => saveImportLimits(ctx, input),
    'letters.openOriginal': ({ id }, { host }) => openOriginal(ctx, host, id),
  }
}
