// Word 2003 XML (WordprocessingML, <w:wordDocument>) and Word's flat XML (<pkg:package>): the same
// runs and paragraphs as a .docx's document.xml, in one XML file. Read with the .docx reader's
// scanner, which decodes only the predefined entities: a DTD in the file can expand nothing.
import { decodeText } from '../decode-text'
import { wordXmlText } from './docx'
import { withoutElements } from './xml-text'
import { plainText, type Extraction } from './types'

export function extractWordXml(bytes: Uint8Array): Extraction {
  // Pictures are stored inline as base64 (<w:binData>): dropped before the text is read.
  return plainText(wordXmlText(withoutElements(decodeText(bytes), '<w:binData', '</w:binData>'), '\n\n'))
}
