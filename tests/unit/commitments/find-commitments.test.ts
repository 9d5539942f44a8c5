import { describe, expect, it } from 'vitest'
import { datesIn, findCommitments } from '../../../src/main/core/commitments/find-commitments'

const due = (sentence: string, letterDay = '2021-06-01') => datesIn(sentence, letterDay).map((d) => [d.text, d.dueOn])

describe('dates in promises', () => {
  it('reads months, days, seasons, quarters, parts of years and financial years', () => {
    expect(due('We will publish a new code in July 2022.')).toEqual([['in July 2022', '2022-07-31']])
    expect(due('The rules will apply from 1 April 2022.')).toEqual([['from 1 April 2022', '2022-04-01']])
    expect(due('We expect to finish by the end of 2021.')).toEqual([['by the end of 2021', '2021-12-31']])
    expect(due('Guidance is due in spring 2022.')).toEqual([['in spring 2022', '2022-05-31']])
    expect(due('We aim to report in the third quarter of 2022.')).toEqual([['in the third quarter of 2022', '2022-09-30']])
    expect(due('Results will follow in Q1 2022.')).toEqual([['in Q1 2022', '2022-03-31']])
    expect(due('We plan to consult in early 2022.')).toEqual([['in early 2022', '2022-04-30']])
    expect(due('Funding is committed for 2022-23.')).toEqual([['for 2022-23', '2023-03-31']])
    expect(due('The review will conclude by March 2022.')).toEqual([['by March 2022', '2022-03-31']])
    expect(due('We will write again on 14 February 2022.')).toEqual([['on 14 February 2022', '2022-02-14']])
  })

  it('resolves this year, next year and seasons from the letter date', () => {
    expect(due('We will publish later this year.')).toEqual([['later this year', '2021-12-31']])
    expect(due('A new version will follow next year.')).toEqual([['next year', '2022-12-31']])
    expect(due('We will consult this autumn.')).toEqual([['this autumn', '2021-11-30']])
    expect(due('We will consult next spring.', '2021-09-01')).toEqual([['next spring', '2022-05-31']])
    expect(due('This winter we will review it.', '2021-11-10')).toEqual([['This winter', '2022-02-28']])
  })
})

describe('finding commitments in a letter', () => {
  const letter = `Impress\n\n10 March 2021\n\nDear Chair,\n\nWe reviewed our code in 2019. Our new Standards Code will be published in 2022, and it will take effect from 1 April 2022. We will not be able to publish the consultation responses by May 2021.\n\nWe intend to write to you again by the end of the year. Last year we said we would report in January 2021.\n\nYours sincerely,\nJo`

  it('offers future-tense sentences with a date still to come, and nothing else', () => {
    const found = findCommitments(letter, '2021-03-10')
    expect(found.map((f) => [f.text, f.dueText, f.dueOn])).toEqual([
      ['Our new Standards Code will be published in 2022, and it will take effect from 1 April 2022.', 'in 2022', '2022-12-31'],
      ['We intend to write to you again by the end of the year.', 'by the end of the year', '2021-12-31'],
    ])
    for (const f of found) expect(letter.slice(f.start, f.end)).toBe(f.text)
  })

  it('without a letter date, keeps every dated promise', () => {
    expect(findCommitments('Dear Chair,\n\nWe will publish the data in July 2020.\n\nYours sincerely', null).map((f) => f.dueOn)).toEqual(['2020-07-31'])
  })
})
