// A plain ruled table for the annex and the correspondence list: a bold header row that repeats
// on every page, rows that never split across pages, fixed column widths in DXA.
//
// docx can only reference a table style (such as Word's "Table Grid"), not define one, unless the
// whole styles part is supplied as external styles; so the grid is drawn with explicit borders.
import {
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import { textRuns } from './docx-text'
import { STYLE } from './summary-styles'

export interface ColumnSpec {
  title: string
  /** Share of the text width; the shares of a table should add up to 1. */
  share: number
  /**
   * Narrowest text width in ems of the table font, so that the longest word ("implemented",
   * the bold "Number") is never broken across lines; wide fonts such as Verdana need it.
   */
  minEm?: number
  /** The column that gives up (or takes) width so that the columns fill the text width exactly. */
  flex?: boolean
}

/** Where a table goes: the width between the margins (DXA) and the size of its text (points). */
export interface TableFrame {
  textWidth: number
  fontSizePt: number
}

export interface CellSpec {
  text: string
  /** Background colour (hex, no #), e.g. for a status. */
  fill?: string
  /** Text colour (hex, no #); dark by default. */
  colour?: string
}

const TEXT_COLOUR = '1A1A1A'
const HEADER_FILL = 'E7E6E6'
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const
const CELL_MARGINS = { top: 60, bottom: 60, left: 90, right: 90 }

/** Column widths in DXA that add up to exactly the text width. */
export function columnWidths(columns: readonly ColumnSpec[], frame: TableFrame): number[] {
  const padding = CELL_MARGINS.left + CELL_MARGINS.right
  const widths = columns.map((column) => {
    const byShare = Math.floor(frame.textWidth * column.share)
    const minimum = column.minEm ? Math.ceil(column.minEm * frame.fontSizePt * 20) + padding : 0
    return Math.max(byShare, minimum)
  })
  const flex = Math.max(0, columns.findIndex((column) => column.flex))
  widths[flex]! += frame.textWidth - widths.reduce((sum, width) => sum + width, 0)
  return widths
}

function cell(spec: CellSpec, width: number, bold: boolean): TableCell {
  // A cell needs at least one paragraph; a lone line break in the text splits it into runs.
  const paragraph = new Paragraph({
    style: STYLE.tableText,
    children: textRuns(spec.text, { bold, color: spec.colour ?? TEXT_COLOUR }),
  })
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    ...(spec.fill ? { shading: { fill: spec.fill, color: 'auto', type: ShadingType.CLEAR } } : {}),
  })
}

export function gridTable(
  columns: readonly ColumnSpec[],
  rows: readonly (readonly CellSpec[])[],
  frame: TableFrame,
): Table {
  const widths = columnWidths(columns, frame)
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, i) =>
      cell({ text: column.title, fill: HEADER_FILL }, widths[i]!, true),
    ),
  })
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((spec, i) => cell(spec, widths[i]!, false)),
      }),
  )
  return new Table({
    rows: [header, ...body],
    width: { size: frame.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: RULE,
      bottom: RULE,
      left: RULE,
      right: RULE,
      insideHorizontal: RULE,
      insideVertical: RULE,
    },
  })
}
