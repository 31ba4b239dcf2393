/** The token of an "Authorization: Bearer <token>" header; undefined when there is none or it is malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
}
