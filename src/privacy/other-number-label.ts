/**
 * Labels that say the number right after them is not a person's: order, shipping and
 * document numbers, device identifiers, company, grant, patent and review-board numbers.
 * A Luhn-valid card shape or a 13-digit birth-date shape right after one of them is that
 * other number. "Right after" means only a separator or a particle in between
 * ("주문번호: …", "IMEI …"); a label earlier in the sentence ("IRB 서류 스캔본에 …") names
 * something else.
 */
const otherNumberLabel = new RegExp(
  '(?:(?:주문|송장|운송장|배송|택배|문서|관리|일련|시리얼|바코드|제품|모델|로트|과제|특허|출원|등기|사업자|법인|승인|심의|거래)(?!\\s*카드)' +
    '|\\b(?:order|invoice|tracking|serial|ISBN|IMEI|lot|ref(?:erence)?|IRB|DRB))' +
    '\\s*(?:등록\\s*)?(?:번호|코드|no\\.?|number|#)?\\s*(?:은|는|이|가)?\\s*[:：#=]?\\s*$',
  'i',
);

export function hasOtherNumberLabelBefore(text: string, position: number): boolean {
  return otherNumberLabel.test(text.slice(Math.max(0, position - 20), position));
}
