/** One CSV record and the physical line (1-based) it starts on, so problems point at the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvReadResult {
  records: CsvRecord[];
  problems: { line: number; message: string }[];
}

/**
 * Reads RFC 4180 CSV as spreadsheets export it: quoted fields may hold commas, doubled quotes
 * and line breaks; CRLF or LF line ends; an optional UTF-8 byte-order mark. Blank lines are
 * skipped. A quote left open at the end is reported, not thrown.
 */
export function readCsv(text: string): CsvReadResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvReadResult['problems'] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  for (let index = 0; index < input.length; index += 1) {
    const char = input[index]!;
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        // Keep line breaks inside a field as plain \n whatever the file used.
        if (!(char === '\r' && input[index + 1] === '\n')) field += char === '\r' ? '\n' : char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) problems.push({ line: recordLine, message: 'a quoted field is never closed (a " is missing)' });
  else if (field !== '' || fields.length > 0) endRecord();
  return { records, problems };
}
