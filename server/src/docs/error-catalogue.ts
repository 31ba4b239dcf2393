import { ERROR_CODES, errorCodes } from '@beacon/shared';

/** The error codes with their sentences, as a Markdown table for the API docs' description. */
export function errorCatalogueMarkdown(): string {
  const rows = errorCodes.map((code) => `| \`${code}\` | ${ERROR_CODES[code]} |`);
  return [
    '## Error codes',
    '',
    'Every refusal — an HTTP error body, a socket acknowledgement, an MQTT reply, a stream reply — carries one of these in `code` (shared/src/errors/codes.ts). Switch on the code, not on the message.',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...rows,
  ].join('\n');
}
