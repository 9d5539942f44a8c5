import { describe, expect, it } from 'vitest'
import { rowWindow, scrollTopShowing } from '../../../src/renderer/src/lib/row-window'

const list = { count: 50_000, rowHeight: 58, scrollTop: 0, viewportHeight: 580 }

describe('rowWindow', () => {
  it('gives the rows in view and `overscan` more on each side, within the list', () => {
    expect(rowWindow(list, 8)).toEqual({ first: 0, last: 17 })
    expect(rowWindow({ ...list, scrollTop: 58 * 100 }, 8)).toEqual({ first: 92, last: 117 })
    // A row cut by the bottom edge is in view; one starting exactly at the edge is not.
    expect(rowWindow({ ...list, scrollTop: 58 * 100 + 1 }, 0)).toEqual({ first: 100, last: 110 })
    expect(rowWindow({ ...list, scrollTop: 58 * 100 }, 0)).toEqual({ first: 100, last: 109 })
    expect(rowWindow({ ...list, scrollTop: 58 * 49_995 }, 8)).toEqual({ first: 49_987, last: 49_999 })
  })

  it('gives at least the first row before the list has a height, and nothing for an empty list', () => {
    expect(rowWindow({ ...list, viewportHeight: 0 }, 2)).toEqual({ first: 0, last: 2 })
    expect(rowWindow({ ...list, count: 3 }, 8)).toEqual({ first: 0, last: 2 })
    expect(rowWindow({ ...list, count: 0 }, 8)).toBeNull()
  })
})

describe('scrollTopShowing', () => {
  const view = { rowHeight: 58, scrollTop: 58 * 100, viewportHeight: 580 }

  it('scrolls as little as brings the row wholly into view, and not at all when it is', () => {
    expect(scrollTopShowing(105, view)).toBeNull()
    expect(scrollTopShowing(109, view)).toBeNull()
    expect(scrollTopShowing(110, view)).toBe(58 * 111 - 580)
    expect(scrollTopShowing(99, view)).toBe(58 * 99)
    expect(scrollTopShowing(0, { ...view, scrollTop: 30 })).toBe(0)
  })
})
