export const CLI_HELP = `Itda (잇다) command line

Usage: npm run --silent cli -- <command> [options]

Commands:
  chat [--user ID | --user=ID] [--staff]
                                      chat in the terminal (the same engine as Slack); --user keeps
                                      a separate draft per id (default "terminal-user"); exported
                                      drafts are written to ./out/ (a second export gets -2, -3 …)
  ask [--json] "<question>"           answer one question with sources
  match --json [--catalog FILE] [--type T] [--region R] [--cdm] [--min-patients N] [--top K] "<need>"
                                      candidate hospital teams for a need (program staff)
  plan --answers FILE.json --format md|docx --out FILE
                                      validate pre-application answers and write the research-plan draft
  index                               rebuild the search indexes; prints counts and time
  forget --user U123                  delete one user's stored conversations, draft and feedback (audited)
  import-catalog FILE.csv --out FILE.yaml
                                      convert a CSV of team data assets (one row per asset) to the catalog format
  report [--json]                     staff analytics: questions, answered, no source, 👎, open tickets, drafts
  tickets [--all] [--json]            the program office's open tickets (questions Itda could not answer)
  answer <id> --text "…" [--language ko|en] [--other "…"] [--add-to-knowledge] [--name N]
                                      answer a ticket as staff (sent to the askers when Slack is configured)
  ingest FILE.pdf|.docx|.hwpx [--json] [--set field=value] [--approve]
                                      read a new round's call document and propose it; --approve writes it (staff)
  redact --jsonl                      read {"text": …} lines on stdin, print {"text": <redacted>, "kinds": [...]} lines

Exit codes: 0 done, 2 bad input (the message says what to fix), 1 unexpected failure.
`;
