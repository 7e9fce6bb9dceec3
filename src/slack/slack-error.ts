/** The error code Slack answered with (`ok: false`), as @slack/web-api and our poster both throw it: `data.error`. */
export function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } } | null)?.data?.error;
}

export function isSlackError(error: unknown, code: string): boolean {
  return slackErrorCode(error) === code;
}
