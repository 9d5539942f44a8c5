// The one sentence for a file over the size limit for one letter: the core says it of a file it
// was given, a transport that reads files from disk (the CLI) says it before reading one.

export function tooLarge(name: string, size: number, limit: number): string {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`
  return `${name} is ${mb(size)}, over the ${mb(limit)} limit for one letter (the limit can be changed in the import settings).`
}
