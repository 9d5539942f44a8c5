// The one definition of what the renderer, the CLI and tests may ask of the core: each method's
// name, the schema its input must pass, and (as a type) what it returns. Every transport goes
// through the dispatcher, which validates input against these schemas.
import { z } from 'zod'
import { RESPONSES, STATUSES } from '../domain/status'
import { MAX_FILE_BYTES, MAX_FILES_PER_CALL } from './limits'
import { METHOD_NAMES } from './method-names'
import { reviewContract } from './review-contract'
import type {
  AppInfo,
  AssessmentView,
  AuditEntry,
  BackupInfo,
  Cycle,
  ExportResult,
  ExportSettings,
  SummaryOutline,
  ImportLimits,
  ImportOutcome,
  LetterDetail,
  LetterSummary,
  MergeResult,
  NearDuplicatePair,
  LinkView,
  Organisation,
  RecommendationDetail,
  RecommendationSummary,
  Report,
  StakeholderGroup,
} from '../domain/dto'

/** Declares a method: its input schema now, its output type as a phantom for the typed client. */
function method<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out })
}

const id = z.number().int().positive()
const none = z.object({}).strict()
const text = (max: number) => z.string().max(max)

export { MAX_FILE_BYTES, MAX_FILES_PER_CALL } from './limits'

const summaryOptions = z
  .object({
    cycleId: id.optional(),
    groups: z.array(text(100)).max(50).optional(),
    includeAnnex: z.boolean().optional(),
    includeCorrespondence: z.boolean().optional(),
    footnotes: z.boolean().optional(),
  })
  .strict()

export const contract = {
  'app.info': method<AppInfo>()(none),
  'app.chooseStart': method<AppInfo>()(z.object({ choice: z.enum(['demo', 'empty']) }).strict()),

  'groups.list': method<StakeholderGroup[]>()(none),
  'organisations.list': method<Organisation[]>()(none),
  /** "Add as new organisation" for an unknown sender; letters from its e-mail domains are given to it. */
  'organisations.create': method<Organisation>()(
    z
      .object({
        name: text(200).min(1),
        group: text(100).min(1),
        aliases: z.array(text(200)).max(50),
        emailDomains: z.array(text(253).regex(/^@?[\w-]+(\.[\w-]+)+$/, 'an e-mail domain such as example.org.uk')).max(50),
      })
      .strict(),
  ),
  'reports.list': method<Report[]>()(none),
  'cycles.list': method<Cycle[]>()(none),

  'letters.list': method<LetterSummary[]>()(
    z
      .object({
        organisationId: id.optional(),
        linked: z.enum(['all', 'linked', 'unlinked']).optional(),
      })
      .strict(),
  ),
  'letters.get': method<LetterDetail>()(z.object({ id }).strict()),
  'letters.import': method<ImportOutcome[]>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: text(255).min(1),
                // base64 of at most MAX_FILE_BYTES (4 characters per 3 bytes)
                dataBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_FILES_PER_CALL),
      })
      .strict(),
  ),
  /** A person confirming or correcting inferred fields; null clears a field. */
  'letters.update': method<LetterDetail>()(
    z
      .object({
        id,
        organisationId: id.nullable().optional(),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable().optional(),
        subject: text(300).nullable().optional(),
        signatory: text(200).nullable().optional(),
      })
      .strict(),
  ),
  /** Near-duplicates found on import, not yet merged or dismissed (for one letter, or all). */
  'letters.nearDuplicates': method<NearDuplicatePair[]>()(z.object({ letterId: id.optional() }).strict()),
  'letters.merge': method<MergeResult>()(z.object({ keepId: id, removeId: id }).strict()),
  'letters.dismissNearDuplicate': method<{ dismissed: true }>()(z.object({ letterId: id, duplicateOf: id }).strict()),
  'letters.importLimits': method<ImportLimits>()(none),
  'letters.saveImportLimits': method<ImportLimits>()(
    z.object({ maxFileMegabytes: z.number().min(1).max(500), timeLimitSeconds: z.number().int().min(5).max(3600) }).strict(),
  ),

  'recommendations.list': method<RecommendationSummary[]>()(z.object({ cycleId: id.optional() }).strict()),
  'recommendations.get': method<RecommendationDetail>()(z.object({ id, cycleId: id.optional() }).strict()),

  'links.create': method<LinkView>()(
    z
      .object({
        letterId: id,
        recommendationId: id,
        quote: text(10_000).optional(),
        /** An existing passage of the letter to link to another recommendation (review workspace). */
        passageId: id.optional(),
        note: text(2_000).optional(),
      })
      .strict(),
  ),
  'links.remove': method<{ removed: true }>()(z.object({ id }).strict()),

  'assessments.set': method<AssessmentView>()(
    z
      .object({
        recommendationId: id,
        cycleId: id,
        status: z.enum(STATUSES),
        response: z.enum(RESPONSES).nullable().optional(),
        narrative: text(50_000),
        /** The links the status rests on ([] clears a chosen list; leave out to keep it). */
        evidenceLinkIds: z.array(id).max(500).optional(),
      })
      .strict(),
  ),

  'summary.export': method<ExportResult>()(summaryOptions),
  'summary.outline': method<SummaryOutline>()(summaryOptions),
  'summary.settings': method<ExportSettings>()(none),
  'summary.saveSettings': method<ExportSettings>()(
    z
      .object({
        title: text(300).optional(),
        introduction: text(20_000).optional(),
        groupOrder: z.array(text(100)).max(50).optional(),
        includeAnnex: z.boolean().optional(),
        includeCorrespondence: z.boolean().optional(),
        footnotes: z.boolean().optional(),
        fontFamily: text(60).optional(),
        fontSizePt: z.number().min(8).max(16).optional(),
        marginsMm: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }).strict().optional(),
        author: text(200).optional(),
      })
      .strict(),
  ),
  'register.export': method<ExportResult>()(z.object({ format: z.enum(['csv', 'xlsx']) }).strict()),
  /** Opens a document exported in this session in the system's word processor or spreadsheet. */
  'files.openExport': method<{ opened: boolean }>()(z.object({ path: text(4_000) }).strict()),
  /** Opens a letter's original file in the system's viewer. */
  'letters.openOriginal': method<{ opened: boolean }>()(z.object({ id }).strict()),
  /** Adds or updates organisations from CSV text (name,category,aliases,email_domains). */
  'organisations.importCsv': method<{ created: number; updated: number }>()(z.object({ csv: text(5_000_000) }).strict()),
  /** Adds or updates recommendations from CSV text (number,title,text,addressees,theme). */
  'recommendations.importCsv': method<{ created: number; updated: number }>()(z.object({ csv: text(5_000_000), reportTitle: text(300).optional() }).strict()),

  'backup.list': method<BackupInfo[]>()(none),
  'backup.now': method<BackupInfo>()(none),
  /** Restores a backup from the list by name, or (without a name) one the person chooses. */
  'backup.restore': method<{ restored: boolean; keptAs: string | null }>()(z.object({ name: text(255).optional() }).strict()),

  'audit.recent': method<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }).strict()),

  // Passages, suggestions, cycles, chasing, commitments, search, dashboard, history: review-contract.ts.
  ...reviewContract,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = Contract[M]['output']

// Both lists must name the same methods: a method missing from either fails to compile.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const namesAgree: SameKeys<MethodName, (typeof METHOD_NAMES)[number]> = true
void namesAgree

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
