// The CLI is a transport like the others: of the core it may import only the composition root
// (to open the core, and to restore a file it cannot open) and the dispatcher. Everything else it
// asks through the contract, so its input passes the same schemas. Type-only imports count too.
import { describe, expect, it } from 'vitest'
import { importGraph } from '../../support/import-graph'
import { REPO_ROOT } from '../../support/test-core'

const CORE = 'src/main/core/'
const ALLOWED = ['src/main/core/create-core.ts', 'src/main/core/rpc/dispatch.ts']

describe('the CLI as a transport', () => {
  const graph = importGraph(REPO_ROOT, 'src/main/cli')

  it('reads the imports of every CLI file, and sees those of the core', () => {
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['src/main/cli/run-cli.ts', 'src/main/cli/cli-api.ts']))
    // The check below can fail: the CLI does reach the core, through the composition root.
    expect(graph.get('src/main/cli/cli-api.ts')).toContain('src/main/core/create-core.ts')
  })

  it('imports nothing from the core but the composition root and the dispatcher', () => {
    const reaches = [...graph].flatMap(([file, targets]) => targets.filter((target) => target.startsWith(CORE) && !ALLOWED.includes(target)).map((target) => `${file} → ${target}`))
    expect(reaches).toEqual([])
  })
})
