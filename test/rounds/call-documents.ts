import { Document, Packer, Paragraph, HeadingLevel } from 'docx';

/**
 * A 2026 call written the way the program office writes them: dotted dates with weekdays and
 * times, "최대 5천만원", "10개 내외", a total budget that is not the cap, and selection dates
 * that are not the deadline.
 */
export const CALL_2026_LINES = [
  '2026년 의료데이터 중심병원-스타트업 공동연구 프로젝트 참여기업 모집 공고',
  '보건복지부와 서울특별시는 의료데이터 중심병원과 서울 소재 바이오 스타트업의 공동연구를 지원하기 위하여 다음과 같이 참여기업을 모집합니다.',
  '2026. 2. 27.',
  '1. 사업 개요',
  '○ 사업명: 2026년 의료데이터 중심병원-스타트업 공동연구 프로젝트',
  '○ 지원규모: 총 5억원 이내, 기업당 최대 5천만원',
  '○ 선정규모: 10개 내외 기업 (43개 의료데이터 중심병원 연구진과 매칭)',
  '2. 신청 자격',
  '○ 공고일 기준 서울특별시에 본사 또는 연구소를 둔 창업 7년 이내 중소·벤처기업',
  '○ 임상 현장에서 활용 가능한 디지털헬스, 인공지능(AI) 분야 기업 우대',
  '3. 접수 기간 및 방법',
  '○ 접수기간: 2026. 3. 3.(화) 10:00 ~ 2026. 3. 27.(금) 18:00까지',
  '○ 접수방법: 서울바이오허브 홈페이지(www.seoulbiohub.kr)에서 온라인 접수',
  '4. 선정 절차 및 일정',
  '○ 서류 및 발표 평가: 2026. 4. 6.(월) ~ 4. 17.(금)',
  '○ 선정 결과 발표: 2026. 4. 24.(금) 예정',
  '5. 문의처',
  '○ 서울바이오허브 사업운영팀 (02-000-0000, 평일 09:00~18:00)',
];

/** The same call as a Word file, made with the docx package the plan export uses. */
export async function callDocx(lines: readonly string[] = CALL_2026_LINES): Promise<Buffer> {
  const document = new Document({
    sections: [{
      children: lines.map((line, index) =>
        /^\d\. /.test(line) || index === 0 ? new Paragraph({ text: line, heading: index === 0 ? HeadingLevel.TITLE : HeadingLevel.HEADING_1 }) : new Paragraph({ text: line })),
    }],
  });
  return Packer.toBuffer(document);
}

/**
 * The call as a PDF written by hand: one page, a Type0 font with Identity-H encoding and a
 * ToUnicode map, so text extraction reads Korean without shipping a font file (viewers render
 * it with a substitute font, which is all a test needs).
 */
export function callPdf(lines: readonly string[] = CALL_2026_LINES): Buffer {
  const characters = [...new Set(lines.join(''))];
  const cid = new Map(characters.map((character, index) => [character, index + 1]));
  const hex = (value: number) => value.toString(16).padStart(4, '0').toUpperCase();
  const content = lines
    .map((line, index) => `BT /F1 7 Tf 20 ${810 - index * 16} Td <${[...line].map((character) => hex(cid.get(character)!)).join('')}> Tj ET`)
    .join('\n');
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunks(characters, 100).map((group) => [
      `${group.length} beginbfchar`,
      ...group.map((character) => `<${hex(cid.get(character)!)}> <${[...Buffer.from(character, 'utf16le').swap16()].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase()}>`),
      'endbfchar',
    ].join('\n')),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /NanumGothic /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NanumGothic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(toUnicode),
    '<< /Type /FontDescriptor /FontName /NanumGothic /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ]);
}

/** A PDF with a page but no text at all, as a scanner makes them (the image left out). */
export function scannedPdf(): Buffer {
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 40 40 515 762 re f'),
  ]);
}

function stream(text: string): string {
  return `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`;
}

function pdfFile(objects: string[]): Buffer {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function chunks<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let index = 0; index < items.length; index += size) groups.push(items.slice(index, index + size));
  return groups;
}
