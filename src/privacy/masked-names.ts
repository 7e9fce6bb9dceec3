/**
 * The published project list masks names with stars: "서**병원", "메**". Stars right after a
 * letter or digit are such a mask, never emphasis, so every surface that reads `*bold*`
 * (the terminal dropping Slack's markers, the Markdown sent to Slack's AI pane) keeps them as
 * written. One pattern, so the two surfaces cannot disagree about what a masked name is.
 */
const MASKED_NAME_STARS = /(?<=[\p{L}\p{N}])\*{2,}/gu;

/** `text` with each run of mask stars replaced by what `replacement` makes of it. */
export function replaceMaskedNameStars(text: string, replacement: (stars: string) => string): string {
  return text.replace(MASKED_NAME_STARS, replacement);
}
