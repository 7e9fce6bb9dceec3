/**
 * Details of form or money a question can hinge on (page limit, VAT, receipts). When no passage
 * found mentions the detail, the documents do not answer the question, however close the rest of
 * it matches: "몇 쪽까지 쓸 수 있나요?" must not be answered with the plan's contents.
 */
const FORMAT_DETAILS = /(몇|최대|최소)\s*(쪽|페이지|장)|분량|글자\s*수|글꼴|폰트|page (limit|count)|how many pages|word (limit|count)|font|부가가치세|부가세|\bVAT\b|세금|\btax(es)?\b|계좌|bank account|정산|증빙|영수증|settlement|receipts?\b|invoice/i;

/** The same pattern, global: `match` with it lists every match (and leaves lastIndex at 0), with no pattern built per question. */
const EVERY_FORMAT_DETAIL = new RegExp(FORMAT_DETAILS.source, 'gi');

export function detailTermsAsked(question: string): string[] {
  return question.match(EVERY_FORMAT_DETAIL) ?? [];
}

/** Whether the text mentions any of the asked-for detail words ("몇 쪽" → 쪽, "page limit" → page). */
export function mentionsAny(text: string, details: string[]): boolean {
  const lower = text.toLowerCase();
  return details.some((detail) =>
    detail
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => !['몇', '최대', '최소', 'how', 'many', 'limit', 'count'].includes(word))
      .some((word) => new RegExp(`(^|[^a-z])${word}`).test(lower)),
  );
}
