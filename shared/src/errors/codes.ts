/**
 * Every code a Beacon refusal carries, with what it means. Integrators switch on the code, never on
 * the message; the catalogue is served in the API docs (server/src/docs/openapi.ts), and a code
 * not written here does not type-check (like fastify's lib/errors.js and centrifuge's codes.ts).
 */
export const ERROR_CODES = {
  // The request itself
  BEACON_INVALID_INPUT: 'A field of the request is missing, of the wrong type or out of range; each issue names it.',
  BEACON_MALFORMED_JSON: 'The body or message is not valid JSON (or holds a "__proto__" key).',
  BEACON_MALFORMED_REQUEST: 'Node\'s HTTP parser refused the request line or a header; nothing was done.',
  BEACON_BAD_URL: 'The URL\'s percent-escapes do not decode to UTF-8.',
  BEACON_URL_TOO_LONG: 'A part of the URL path is longer than any route accepts.',
  BEACON_HEADERS_TOO_LARGE: 'The request headers are larger than the server accepts.',
  BEACON_REQUEST_TIMEOUT: 'The whole request did not arrive within the server\'s time limit.',
  BEACON_BODY_TOO_LARGE: 'The body is larger than the endpoint accepts; split the batch.',
  BEACON_MESSAGE_TOO_LARGE: 'A stream or MQTT message is larger than the transport accepts; split the batch.',
  BEACON_UNSUPPORTED_MEDIA_TYPE: 'The body is not sent as the media type the endpoint reads (application/json unless documented).',
  BEACON_NOT_FOUND: 'No route (or WebSocket endpoint) at this method and path; the API is described at /docs.',
  BEACON_UPGRADE_REQUIRED: 'A WebSocket endpoint was called with plain HTTP.',
  BEACON_CLIENT_ERROR: 'Another client error the framework raised; the message says which.',
  // Who is asking
  BEACON_UNAUTHENTICATED: 'No credential, or one that is unknown, expired or revoked.',
  BEACON_FORBIDDEN: 'The credential is valid but its role may not do this.',
  BEACON_SIGN_IN_FAILED: 'The user name or password is wrong.',
  BEACON_RATE_LIMITED: 'Too many requests from this department, user or address; retry after the time given.',
  BEACON_WEAK_PASSWORD: 'The password breaks the password policy; the issues say which rule.',
  BEACON_USER_EXISTS: 'A user with this name already exists.',
  BEACON_UNKNOWN_USER: 'No active user of this name.',
  BEACON_UNKNOWN_KIOSK: 'No live kiosk token with this id.',
  BEACON_UNKNOWN_KEY: 'No live department API key with this id.',
  // Ingest
  BEACON_UNKNOWN_CATEGORY: 'No data category of this id (see GET /api/v1/categories).',
  BEACON_UNPROCESSABLE: 'Records are well-formed but break a rule of their category; nothing of the batch was stored.',
  BEACON_CONFLICT: 'Records contradict records already stored under the same id, time and version; nothing was stored.',
  BEACON_MALFORMED_XML: 'The CAP body is not well-formed XML.',
  BEACON_NOT_CAP: 'The XML document is not a CAP 1.2 alert.',
  BEACON_INVALID_CAP: 'The CAP alert breaks CAP 1.2\'s element structure.',
  BEACON_UNKNOWN_TOPIC: 'No category is configured for this MQTT topic.',
  BEACON_DEAD_LETTER: 'An MQTT message Beacon could not store and will not retry; it was set aside as a dead letter.',
  // Commands
  BEACON_UNKNOWN_INCIDENT: 'No reported incident with this id.',
  BEACON_INCIDENT_CLOSED: 'The incident is closed.',
  BEACON_UNKNOWN_POST: 'No forward post with this id.',
  BEACON_POST_EXISTS: 'The forward post (or a post for this incident) already exists.',
  BEACON_MILESTONE_MARKED: 'This milestone of the forward post was already marked.',
  BEACON_UNKNOWN_TEAM: 'No registered rescue team with this id.',
  BEACON_TEAM_COMMITTED: 'The team is committed to another incident; release it first.',
  BEACON_NOT_DISPATCHED: 'The team has no dispatch to release.',
  BEACON_ALREADY_ACKNOWLEDGED: 'The incident was already acknowledged.',
  BEACON_NO_CHANGE: 'The command would change nothing: the state already is what it asks for.',
  BEACON_COMMAND_ID_REUSED: 'The commandId was already used for a different command.',
  // Sockets and replay
  BEACON_INVALID_SUBSCRIPTION: 'A view:subscribe request is not valid; each issue names the field.',
  BEACON_UNKNOWN_EVENT: 'No such socket event on this namespace.',
  BEACON_INVALID_REPLAY_REQUEST: 'A replay request (window, moment or speed) is not valid; each issue names the field.',
  // The server's own
  BEACON_SCREEN_NOT_BUILT: 'The screen is not built on this node; run the build.',
  BEACON_INTERNAL: 'The server failed on its own (e.g. the database); it is logged, nothing to fix but to retry.',
} as const;

/** A code a refusal may carry: nothing else type-checks. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes, in catalogue order. */
export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];
