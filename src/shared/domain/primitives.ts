// The plain types every DTO is made of, in their own file so that the domain files can share them
// without importing one another.
export type Id = number
export type IsoDate = string
export type LetterFormat = 'txt' | 'docx' | 'doc' | 'odt' | 'rtf' | 'html' | 'pdf' | 'eml' | 'msg' | 'png' | 'jpeg' | 'tiff'
