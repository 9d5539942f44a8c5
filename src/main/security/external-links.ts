// The one way a link leaves the app: only https and mailto, opened by the operating system.
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'mailto:'
  } catch {
    return false
  }
}

export async function openExternalSafely(openExternal: (url: string) => Promise<void>, url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  await openExternal(url)
  return true
}
