// A small but complete Word file, written the way Word lays one out: the package's content types and relationships,
// the document part and a styles part. The server knows headings by their style's name ("heading 1"), so the styles
// part is what makes a paragraph a chapter heading.
import { strToU8, zipSync } from 'fflate';

const mainType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const stylesType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text, style) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="${mainType}"/>
<Override PartName="/word/styles.xml" ContentType="${stylesType}"/>
</Types>`;

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${relationships}/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${relationships}/styles" Target="styles.xml"/>
</Relationships>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${w}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`;

/** A .docx whose chapters are `{ heading, paragraphs }`, each heading in Word's "Heading 1" style. */
export function wordFile(chapters) {
  const body = chapters.map((c) => paragraph(c.heading, 'Heading1') + c.paragraphs.map((p) => paragraph(p)).join('')).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`;
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(packageRels),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(documentRels),
    'word/styles.xml': strToU8(styles),
  }));
}
