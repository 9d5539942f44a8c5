// The CLI's commands for the progress summary: a group's framing paragraph, the export settings
// the app's panel edits, and the Word export. They go through the dispatcher like the app's calls,
// so the same validation, auditing and `changed` events apply.
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ApiCallError } from '../../shared/api/client'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract'
import { AppError } from '../../shared/api/errors'
import type { ExportSettings } from '../../shared/domain/dto'
import type { CliCore, CliIo, HostAnswers } from './cli-api'
import { UsageError } from './usage'

export const SUMMARY_COMMANDS = ['groups', 'summary', 'export'] as const
export type SummaryCommand = (typeof SUMMARY_COMMANDS)[number]

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>

/** The dispatcher's client with the host's answers (the export's --out), a refusal thrown as an AppError. */
function caller(opened: CliCore, answers: HostAnswers = {}): Call {
  const api = opened.api(answers)
  return async (method, input) => {
    try {
      return await api.call(method, input)
    } catch (error) {
      if (error instanceof ApiCallError) throw new AppError(error.code, error.message)
      throw error
    }
  }
}

export async function runSummaryCommand(opened: CliCore, command: SummaryCommand, args: string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'groups': {
      if (args.shift() !== 'preamble') throw new UsageError('Did you mean: groups list --json, or groups preamble --group NAME --cycle NAME --text TEXT?')
      return preamble(caller(opened), args, io)
    }
    case 'summary': {
      if (args.shift() !== 'settings') throw new UsageError('Did you mean: summary settings [--json]?')
      return settings(caller(opened), args, io)
    }
    case 'export':
      return exportCommand(opened, args, io)
  }
}

async function cycleId(call: Call, name: string): Promise<number> {
  const cycles = await call('cycles.list', {})
  const cycle = cycles.find((c) => c.name.toLowerCase() === name.trim().toLowerCase())
  if (!cycle) throw new AppError('not_found', `There is no reporting cycle called “${name}”.`)
  return cycle.id
}

async function preamble(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { group: { type: 'string' }, cycle: { type: 'string' }, text: { type: 'string' } } })
  if (!values.group) throw new UsageError('groups preamble needs --group NAME.')
  if (!values.cycle) throw new UsageError('groups preamble needs --cycle NAME.')
  const groups = await call('groups.list', {})
  const group = groups.find((g) => g.name.toLowerCase() === values.group!.trim().toLowerCase())
  if (!group) throw new AppError('not_found', `There is no stakeholder group called “${values.group}”; the groups are: ${groups.map((g) => g.name).join('; ')}.`)
  const id = await cycleId(call, values.cycle)
  // Without --text the paragraph as it stands is shown.
  if (values.text === undefined) {
    const current = (await call('summary.preambles', { cycleId: id })).find((p) => p.groupId === group.id)
    io.out(current?.text ? current.text : `${group.name} has no framing paragraph in ${values.cycle}.`)
    return 0
  }
  const saved = await call('summary.setPreamble', { groupId: group.id, cycleId: id, text: values.text })
  io.out(saved.text ? `Saved the framing paragraph for ${saved.group} (${saved.text.length} characters).` : `Removed the framing paragraph for ${saved.group}.`)
  return 0
}

function onOff(value: string | undefined, option: string): boolean | undefined {
  if (value === undefined) return undefined
  if (value === 'on') return true
  if (value === 'off') return false
  throw new UsageError(`${option} takes on or off, not “${value}”.`)
}

async function settings(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { introduction: { type: 'string' }, title: { type: 'string' }, annex: { type: 'string' }, json: { type: 'boolean' } } })
  const changes = {
    ...(values.introduction !== undefined ? { introduction: values.introduction } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.annex !== undefined ? { includeAnnex: onOff(values.annex, '--annex') } : {}),
  }
  const current = Object.keys(changes).length > 0 ? await call('summary.saveSettings', changes) : await call('summary.settings', {})
  if (values.json) io.out(JSON.stringify(current))
  else for (const line of describeSettings(current)) io.out(line)
  return 0
}

function describeSettings(s: ExportSettings): string[] {
  const on = (value: boolean) => (value ? 'on' : 'off')
  return [
    `Title: ${s.title}`,
    `Introduction: ${s.introduction.trim() ? s.introduction.trim().replace(/\s+/g, ' ') : '(none)'}`,
    `Group order: ${s.groupOrder.join('; ')}`,
    `Annex: ${on(s.includeAnnex)}`,
    `Correspondence received: ${on(s.includeCorrespondence)}`,
    `Footnotes: ${on(s.footnotes)}`,
    `Font: ${s.fontFamily}, ${s.fontSizePt} pt`,
    `Margins (mm): top ${s.marginsMm.top}, right ${s.marginsMm.right}, bottom ${s.marginsMm.bottom}, left ${s.marginsMm.left}`,
    `Author: ${s.author || '(none)'}`,
  ]
}

/**
 * --out names the file to write. An existing file is refused unless --overwrite is given; when
 * --out is an existing folder, the summary is saved in it under its usual name, or a new one
 * ("… (2).docx") when that is taken.
 */
async function exportCommand(opened: CliCore, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, cycle: { type: 'string' }, 'allow-empty': { type: 'boolean' }, overwrite: { type: 'boolean' }, 'no-annex': { type: 'boolean' }, groups: { type: 'string' } },
  })
  if (!values.out) throw new UsageError('export needs --out FILE.docx.')
  const out = resolve(values.out)
  const folder = existsSync(out) && statSync(out).isDirectory()
  if (!folder && existsSync(out) && !values.overwrite) throw new AppError('conflict', `${out} already exists; add --overwrite to replace it, or choose another name.`)
  const call = caller(opened, folder ? { saveInFolder: out } : { savePath: out, confirmsReplace: values.overwrite === true })
  const cycle = values.cycle ? await cycleId(call, values.cycle) : undefined
  const groups = values.groups?.split(';').map((g) => g.trim()).filter(Boolean)
  try {
    const result = await call('summary.export', {
      ...(cycle !== undefined ? { cycleId: cycle } : {}),
      ...(groups ? { groups } : {}),
      ...(values['no-annex'] ? { includeAnnex: false } : {}),
      allowEmpty: values['allow-empty'] === true,
    })
    if (result.warning) io.err(`Warning: ${result.warning}`)
    io.out(`Exported the progress summary (${result.sections} sections, ${Math.round(result.bytes / 1024)} KB) to ${result.path}`)
    return 0
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict' && error.message.startsWith('Nothing is assessed')) {
      throw new AppError('conflict', `${error.message} Nothing was written; add --allow-empty to export it anyway.`)
    }
    throw error
  }
}
