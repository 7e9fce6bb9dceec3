import { hasLabelBefore } from './label-before.js';

/**
 * Labels that say a number right after them is not a person's: order, shipping and
 * document numbers, device identifiers, company, grant and patent numbers. A Luhn-valid
 * card shape or a 13-digit birth-date shape after one of them is that other number.
 */
const otherNumberLabel =
  /(?:주문|송장|운송장|배송|택배|문서|관리|일련|시리얼|바코드|제품|모델|로트|과제|특허|출원|등기|사업자|법인|승인|거래)(?!\s*카드)\s*(?:번호|코드)?|\b(?:order|invoice|tracking|serial|ISBN|IMEI|lot|ref(?:erence)?)\b/i;

export function hasOtherNumberLabelBefore(text: string, position: number): boolean {
  return hasLabelBefore(text, position, otherNumberLabel, 12);
}
