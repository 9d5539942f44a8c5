// SQLite's locking is unreliable on network file systems, and a dropped connection mid-write can
// damage the file, so a database on a network share is warned about (never refused).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const NETWORK_FILE_SYSTEMS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'afpfs', 'fuse.sshfs', 'davfs', '9p', 'ncpfs'])

export function storageWarnings(databasePath: string, platform: NodeJS.Platform = process.platform, mounts: string | null = readMounts()): string[] {
  if (databasePath === ':memory:') return []
  if (isOnNetworkShare(resolve(databasePath), platform, mounts)) {
    return ['The database is on a network share. Progress Desk works best on a local disk: network shares can lose or damage changes if the connection drops. Move the file to a local folder if you can.']
  }
  return []
}

export function isOnNetworkShare(path: string, platform: NodeJS.Platform, mounts: string | null): boolean {
  if (platform === 'win32') return path.startsWith('\\\\')
  if (!mounts) return false
  let best = { point: '', type: '' }
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ')
    if (!point || !type) continue
    const decoded = point.replace(/\\040/g, ' ')
    if ((path === decoded || path.startsWith(decoded.endsWith('/') ? decoded : `${decoded}/`)) && decoded.length > best.point.length) best = { point: decoded, type }
  }
  return NETWORK_FILE_SYSTEMS.has(best.type)
}

function readMounts(): string | null {
  try {
    return readFileSync('/proc/mounts', 'utf8')
  } catch {
    return null
  }
}
