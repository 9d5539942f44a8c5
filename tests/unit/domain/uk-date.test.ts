// The app's date boxes read day/month/year whatever the browser's locale.
import { describe, expect, it } from 'vitest'
import { parseUkDate, ukDate } from '../../../src/shared/domain/uk-date'

describe('UK dates', () => {
  it('reads day/month/year with any usual separator, and ISO dates pasted in', () => {
    for (const typed of ['27/03/2022', '27/3/2022', ' 27.03.2022 ', '27-03-2022', '27 3 2022', '2022-03-27']) {
      expect(parseUkDate(typed)).toEqual({ ok: true, iso: '2022-03-27' })
    }
    // Day first, never month first: 04/05 is the fourth of May.
    expect(parseUkDate('04/05/2021')).toEqual({ ok: true, iso: '2021-05-04' })
    expect(parseUkDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' })
    expect(parseUkDate('   ')).toEqual({ ok: true, iso: '' })
  })

  it('says in one sentence what is wrong with what is not a date', () => {
    expect(parseUkDate('31/02/2023')).toEqual({ ok: false, error: '31/02/2023 is not a real date; enter day/month/year, such as 27/03/2022.' })
    expect(parseUkDate('03/13/2022')).toMatchObject({ ok: false, error: expect.stringContaining('is not a real date') })
    expect(parseUkDate('29/02/2023')).toMatchObject({ ok: false })
    expect(parseUkDate('27/03/22')).toEqual({ ok: false, error: 'Enter the year in full, such as 2022.' })
    expect(parseUkDate('March 27')).toEqual({ ok: false, error: 'Enter the date as day/month/year, such as 27/03/2022.' })
    expect(parseUkDate('1'.repeat(10_000))).toMatchObject({ ok: false })
  })

  it('keeps a date within its bounds, naming the bound', () => {
    expect(parseUkDate('30/06/2022', { min: '2022-07-01' })).toEqual({ ok: false, error: 'Enter a date on or after 1 July 2022.' })
    expect(parseUkDate('02/07/2022', { max: '2022-07-01' })).toEqual({ ok: false, error: 'Enter a date on or before 1 July 2022.' })
    expect(parseUkDate('01/07/2022', { min: '2022-07-01', max: '2022-07-01' })).toEqual({ ok: true, iso: '2022-07-01' })
  })

  it('shows a stored date as day/month/year', () => {
    expect(ukDate('2022-03-27')).toBe('27/03/2022')
    expect(ukDate('2022-03-27T10:00:00Z')).toBe('27/03/2022')
    expect(ukDate(null)).toBe('')
    expect(ukDate('')).toBe('')
  })
})
