import { describe, expect, it } from 'vitest'
import { placeVertically } from '../../../src/renderer/src/lib/floating'

const view = { top: 100, bottom: 700 }

describe('placeVertically', () => {
  it('puts the panel below the selection when it fits', () => {
    expect(placeVertically({ top: 200, bottom: 220 }, 300, view)).toBe(228)
  })

  it('flips it above a selection near the bottom of the window', () => {
    const top = placeVertically({ top: 600, bottom: 620 }, 300, view)
    expect(top).toBe(292)
    expect(top + 300).toBeLessThanOrEqual(600)
  })

  it('clamps a panel that fits neither below nor above so its bottom stays in view', () => {
    const top = placeVertically({ top: 300, bottom: 320 }, 450, view)
    expect(top + 450).toBeLessThanOrEqual(view.bottom)
    expect(top).toBeGreaterThanOrEqual(view.top)
  })

  it('keeps the top of a panel taller than the view visible', () => {
    expect(placeVertically({ top: 300, bottom: 320 }, 900, view)).toBe(108)
  })
})
