// The desktop's team database setting as it crosses the contract: never the password itself.
export interface TeamConnectionView {
  /** postgres://USER@HOST:PORT/DATABASE[?sslmode=…], without a password. */
  url: string
  /** The name the person's changes are shown under. */
  displayName: string
  /** A password is kept in the operating system's credential store. */
  hasPassword: boolean
}

export interface TeamConnectionInput {
  url: string
  displayName: string
  /** Absent: no password (or the one in the URL). */
  password?: string
}
