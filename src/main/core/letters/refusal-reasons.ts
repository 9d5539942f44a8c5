// The sentences that tell a person why a file could not be read, when the reason is one they can
// do something about: a password, rights management, an old format, a file cut short. Kept in
// one place so the sniffer and the extractors say the same thing for the same reason.
import { AppError } from '../../../shared/api/errors'

export function passwordProtected(fileName: string): AppError {
  return new AppError('unsupported_file', `${fileName} is password-protected — remove the password in Word (or the program that made it) and import it again.`)
}

export function rightsManaged(fileName: string): AppError {
  return new AppError('unsupported_file', `${fileName} is rights-managed (IRM/DRM): only people it was shared with can open it, in Office. Ask the sender for an unprotected copy, or remove the restriction in Word, and import it again.`)
}

export function oldWordFormat(fileName: string): AppError {
  return new AppError('unsupported_file', `${fileName} is an old Word 6/95 document — open it in Word and save as .docx, then import it again.`)
}

export function cutShort(fileName: string, kind: string): AppError {
  return new AppError('unsupported_file', `${fileName} is ${kind}, but the file is cut short (it ends part-way through, as an interrupted download or copy leaves it). Copy or save it again and import the complete file.`)
}

/** Directory entries and transform names of an encrypted Office file (MS-OFFCRYPTO), in UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')
const RIGHTS_MANAGEMENT = ['DRMEncryptedDataSpace', 'DRMEncryptedTransform', '\u0009DRMContent', '\u0009DRMViewerContent'].map((name) => Buffer.from(name, 'utf16le'))

/**
 * A compound file that wraps an encrypted Office document: rights management (IRM) first, as a
 * rights-managed file is also encrypted; then a password. Null when the file holds neither.
 */
export function compoundFileProtection(bytes: Uint8Array): 'rights-managed' | 'password' | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (RIGHTS_MANAGEMENT.some((name) => buffer.includes(name))) return 'rights-managed'
  if (buffer.includes(ENCRYPTED_PACKAGE)) return 'password'
  return null
}
