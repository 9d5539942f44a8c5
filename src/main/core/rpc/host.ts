// What a transport lends the core for the few things only it can do: ask a person where to save.
// Electron shows a native dialog, the browser harness answers with its download folder, the CLI
// with the path on its command line. The renderer never hands the core a file path of its own. A
// capability a transport does not have is left out, and the core then does nothing with files.
import type { TeamConnectionInput, TeamConnectionView } from '../../../shared/api/app-team'

export interface SaveRequest {
  title: string
  defaultName: string
  filters: { name: string; extensions: string[] }[]
}

/** The desktop's saved team database (the Electron app keeps it; other transports have none). */
export interface TeamDatabaseStore {
  read(): TeamConnectionView | null
  save(input: TeamConnectionInput): TeamConnectionView
  forget(): void
}

export interface Host {
  /** Resolves to the chosen path, or null when the person cancelled. */
  chooseSavePath(request: SaveRequest): Promise<string | null>
  /**
   * True when choosing a path that exists means the person agreed to replace it (a native save
   * dialog asks). Otherwise an existing file is never overwritten: the export is refused.
   */
  confirmsReplace?: boolean
  /** Asks for an existing file to open; resolves to its path, or null when cancelled. */
  chooseOpenPath?(request: SaveRequest): Promise<string | null>
  /** Opens a file in the program the operating system uses for it (absent in the browser). */
  openPath?(path: string): Promise<void>
  /** Asks for an existing folder to save into; resolves to its path, or null when cancelled. */
  chooseFolder?(request: { title: string }): Promise<string | null>
  /** "Connect to a team database…": only the desktop app keeps this setting. */
  teamDatabase?: TeamDatabaseStore
}

export const noHost: Host = {
  async chooseSavePath() {
    return null
  },
}
