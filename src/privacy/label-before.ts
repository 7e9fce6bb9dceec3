/**
 * Whether a label such as "주민번호" or "passport" appears shortly before a position.
 * Korean glues particles to words ("주민번호는900101-…"), and people write lists
 * ("여권번호: M12345678, M87654321"), so the label may sit a few characters back rather
 * than right next to the value.
 */
export function hasLabelBefore(text: string, position: number, label: RegExp, window = 30): boolean {
  const before = text.slice(Math.max(0, position - window), position);
  return label.test(before);
}
