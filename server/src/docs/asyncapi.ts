import { categoryList, own, PROTOCOL_VERSION, type Region } from '@beacon/shared';
import * as protocol from '@beacon/shared/protocol/socket.schema.ts';
import Type from 'typebox';
import { DEPARTMENTS } from '../auth/access.ts';
import { socketAccess } from '../auth/socket-auth.ts';
import { BODY_LIMIT } from '../ingest/http-routes.ts';
import { ErrorBody, IngestAck, MessageId, MqttBatch, RecordList, StreamMessage, StreamReply } from '@beacon/shared/schemas.ts';
import { MQTT_MAX_BYTES } from '../ingest/mqtt/mqtt-payload.ts';
import { batchSchemaOf } from '../ingest/validation.ts';
import { STREAM_PATH } from '../ingest/websocket/stream-routes.ts';
import { ACK_WINDOW } from '../hub/subscriptions.ts';
import { pascalCase, securitySchemes } from './route-docs.ts';

/**
 * The interfaces that are not HTTP requests, as AsyncAPI 3.1 (served at /docs/asyncapi.json): the
 * screens' socket.io namespaces `/` and `/replay`, the WebSocket ingest stream, and the MQTT topics
 * Beacon subscribes to on a department's broker and answers on. Written from Beacon's side: `receive`
 * is what Beacon is sent, `send` what it sends.
 *
 * The payloads are the schemas the server already has: each category's batch schema (the one
 * every ingest transport validates with), the ingest acknowledgement and error body of the HTTP
 * API, and the socket protocol's schemas (shared/src/protocol/socket.schema.ts, checked against
 * the protocol's types by the compiler). Only the envelopes around them (a stream message's `id`
 * and `category`, an MQTT reply's `topic`) are written here, from the limits the parsers enforce.
 */
export function asyncApiDocument(region: Region): object {
  // The record schema of a category, as the ingest batch schema holds it.
  const recordSchemaOf = (category: string): Type.TSchema => batchSchemaOf(region, category).properties.records.items;
  const categorySchemas = Object.fromEntries(categoryList.map((c) => [recordSchemaName(c.id), plain(recordSchemaOf(c.id))]));
  const anyRecord = { anyOf: categoryList.map((c) => ({ $ref: `#/components/schemas/${recordSchemaName(c.id)}` })) };
  const anyRecordSchema = Type.Unsafe(anyRecord);

  const messages = {
    // socket.io, namespace "/"
    viewSubscribe: socketMessage('view:subscribe', 'Show this view (from a screen)', protocol.SubscribeRequestSchema),
    viewSubscribeResult: socketMessage('ack of view:subscribe', 'The answer to view:subscribe, as its acknowledgement', protocol.SubscribeResultSchema),
    viewSnapshot: socketMessage('view:snapshot', 'The whole state of the subscribed view', protocol.ViewSnapshotSchema),
    viewDelta: socketMessage('view:delta', 'What changed in the view since the last message sent to the screen', protocol.ViewDeltaSchema),
    serverHeartbeat: socketMessage('server:heartbeat', 'A quiet feed is not a dead connection; also corrects the screen\'s clock', protocol.HeartbeatSchema),
    // socket.io, namespace "/replay"
    replayOpen: socketMessage('replay:open', 'Open a replay of a window of the log', protocol.ReplayOpenSchema),
    replayOpenResult: socketMessage('ack of replay:open', 'The window and its key moments, or why not', protocol.ReplayOpenResultSchema),
    replaySeek: socketMessage('replay:seek', 'Jump to a moment of the window', protocol.ReplaySeekSchema),
    replayPlay: socketMessage('replay:play', 'Play at a speed', protocol.ReplayPlaySchema),
    replayPause: socketMessage('replay:pause', 'Pause', protocol.ReplayPauseSchema),
    replayResult: socketMessage('ack of replay:seek, replay:play, replay:pause', 'Done, or why not', protocol.ReplayResultSchema),
    replaySnapshot: socketMessage('replay:snapshot', 'The whole state at replay time (after open and every seek)', protocol.ReplaySnapshotSchema),
    replayDelta: socketMessage('replay:delta', 'What changed while playing, up to replay time', protocol.ReplayDeltaSchema),
    replayClock: socketMessage('replay:clock', 'The replay clock, a few times a second while playing and on every change', protocol.ReplayClockSchema),
    // WebSocket ingest stream
    streamBatch: {
      name: 'stream batch',
      title: 'A batch of one category',
      summary: `One text frame: {"id", "category", "records"}, the records as in the category's POST body; at most ${BODY_LIMIT} bytes.`,
      contentType: 'application/json',
      payload: { oneOf: categoryList.map((c) => plain(StreamMessage(c.id, recordSchemaOf(c.id)))) },
    },
    streamReply: {
      name: 'stream reply',
      title: 'The answer to one message, in the order sent',
      summary: 'Stored (after commit) with each record\'s log sequence, or refused with every problem; a refused message stores nothing.',
      contentType: 'application/json',
      payload: plain(StreamReply),
    },
    // MQTT
    mqttReading: {
      name: 'mqtt reading',
      title: 'A reading or a batch, of the category the topic is configured for',
      summary: `JSON, at most ${MQTT_MAX_BYTES} bytes: one record, {"records": [...], "id"?}, or an array of records; stored all or nothing.`,
      contentType: 'application/json',
      payload: {
        anyOf: [
          { ...anyRecord, title: 'one record' },
          plain(MqttBatch(anyRecordSchema)),
          { ...plain(RecordList(anyRecordSchema)), title: 'an array of records' },
        ],
      },
    },
    mqttReply: {
      name: 'mqtt reply',
      title: 'The answer to one message (QoS 1)',
      summary: 'The acknowledgement or the HTTP API\'s error body, with the topic and your id. For a bare record, issue paths point into it (/rainfall1hMm).',
      contentType: 'application/json',
      payload: {
        oneOf: [
          { allOf: [mqttEcho(), plain(IngestAck)] },
          { allOf: [mqttEcho(), plain(ErrorBody)] },
        ],
      },
    },
  };

  const ref = (channel: string, message: string) => ({ $ref: `#/channels/${channel}/messages/${message}` });
  const channelRef = (channel: string) => ({ $ref: `#/channels/${channel}` });
  /** Who may connect to a namespace, or send one of its events: from the declaration the socket guard enforces. */
  const roles = (namespace: keyof typeof socketAccess, event?: string) => {
    const policy = socketAccess[namespace];
    const allowed = event ? own<readonly string[]>(policy.events, event) : policy.connect;
    if (!allowed) throw new Error(`the socket guard has no rule for ${namespace} ${event}`);
    return `Roles: ${allowed.join(', ')}.`;
  };
  const ackNote = `When the message carries a socket.io ack callback, call it (no arguments) once applied: that acknowledges this message and every one before it. A snapshot always asks; a delta asks at least every ${ACK_WINDOW.every}th message. At most ${ACK_WINDOW.size} messages go out unacknowledged; after that the view's changes are merged until the screen answers.`;

  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Beacon realtime interfaces',
      version: `1 (socket protocol ${PROTOCOL_VERSION})`,
      description: [
        'How the screens follow live state and replay over socket.io, and how departments stream data over a WebSocket or MQTT.',
        'Written from Beacon\'s side: `receive` is what Beacon is sent, `send` what it sends. The HTTP API is described in OpenAPI at /docs/json.',
        'Every refusal carries `issues[]` of `{ path, expected, got }` naming each offending field. Times in requests are RFC 3339 with an offset.',
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      screens: {
        host: '{host}',
        pathname: '/socket.io/',
        protocol: 'ws',
        title: 'socket.io (screens)',
        description: 'socket.io 4 (Engine.IO 4, WebSocket with HTTP long-polling fallback). Channels are socket.io namespaces; messages are socket.io events, each with its arguments as the payload. Authenticate at the handshake with `auth: { token }`: a user token from POST /api/v1/auth/sign-in, or a wall kiosk token.',
        variables: { host: { default: '127.0.0.1:3000', description: 'Where Beacon listens.' } },
        security: [{ $ref: '#/components/securitySchemes/userToken' }],
      },
      ingestStream: {
        host: '{host}',
        protocol: 'ws',
        title: 'WebSocket ingest stream (departments)',
        description: 'A plain WebSocket (wss behind TLS). Upgrade with `Authorization: Bearer <department key>`; browsers, which cannot set the header, offer the subprotocols `beacon.v1` and `beacon.key.<key>`. A refused upgrade is an ordinary HTTP answer (401 or 400) with the error body.',
        variables: { host: { default: '127.0.0.1:3000', description: 'Where Beacon listens.' } },
        security: [{ $ref: '#/components/securitySchemes/departmentKey' }],
      },
      departmentBroker: {
        host: '{broker}',
        protocol: 'mqtt',
        title: 'A department\'s MQTT broker',
        description: 'Beacon connects to the department\'s broker as a client (MQTT 3.1.1 or 5; mqtt, mqtts, ws or wss), with the user name and password in its configuration (BEACON_MQTT_CONFIG), subscribes with QoS 1 and holds each PUBACK until the message is committed or refused for good. The links and their state: GET /api/v1/mqtt-sources.',
        variables: { broker: { description: 'The broker in the source\'s configuration, e.g. iot.xmsl.example:8883.' } },
      },
    },
    channels: {
      live: {
        address: '/',
        title: 'Live screens (socket.io namespace "/")',
        description: `${roles('/')} Subscribe to a view; the server answers with a snapshot, then at most one delta per 100 ms tick, with no more than ${ACK_WINDOW.size} messages unacknowledged.`,
        servers: [{ $ref: '#/servers/screens' }],
        messages: {
          viewSubscribe: { $ref: '#/components/messages/viewSubscribe' },
          viewSubscribeResult: { $ref: '#/components/messages/viewSubscribeResult' },
          viewSnapshot: { $ref: '#/components/messages/viewSnapshot' },
          viewDelta: { $ref: '#/components/messages/viewDelta' },
          serverHeartbeat: { $ref: '#/components/messages/serverHeartbeat' },
        },
      },
      replay: {
        address: '/replay',
        title: 'Replay (socket.io namespace "/replay")',
        description: `${roles('/replay')} Each socket is its own replay session; live screens are untouched.`,
        servers: [{ $ref: '#/servers/screens' }],
        messages: {
          replayOpen: { $ref: '#/components/messages/replayOpen' },
          replayOpenResult: { $ref: '#/components/messages/replayOpenResult' },
          replaySeek: { $ref: '#/components/messages/replaySeek' },
          replayPlay: { $ref: '#/components/messages/replayPlay' },
          replayPause: { $ref: '#/components/messages/replayPause' },
          replayResult: { $ref: '#/components/messages/replayResult' },
          replaySnapshot: { $ref: '#/components/messages/replaySnapshot' },
          replayDelta: { $ref: '#/components/messages/replayDelta' },
          replayClock: { $ref: '#/components/messages/replayClock' },
        },
      },
      ingestStream: {
        address: STREAM_PATH,
        title: 'WebSocket ingest stream',
        description: 'One batch per text frame, one reply per message, in the order sent. A key revoked mid-stream closes it with 1008 at once; messages not yet acknowledged then may or may not be stored: resend them (retries are safe).',
        servers: [{ $ref: '#/servers/ingestStream' }],
        messages: { streamBatch: { $ref: '#/components/messages/streamBatch' }, streamReply: { $ref: '#/components/messages/streamReply' } },
      },
      mqttReadings: {
        address: '{topic}',
        title: 'A configured topic',
        description: 'Each source maps topic filters to categories of its department (e.g. "xmqx/rain/+" → rain-gauge); Beacon subscribes to them with QoS 1.',
        servers: [{ $ref: '#/servers/departmentBroker' }],
        parameters: { topic: { description: 'A topic matching one of the source\'s filters (+ one level, # the rest).' } },
        messages: { mqttReading: { $ref: '#/components/messages/mqttReading' } },
      },
      mqttReplies: {
        address: '{topic}/ack',
        title: 'The reply topic',
        description: 'Where each message is answered: "{topic}/ack" by default, or the source\'s replyTopic template with {topic} replaced. Messages on reply topics are never taken as readings.',
        servers: [{ $ref: '#/servers/departmentBroker' }],
        parameters: { topic: { description: 'The topic the answered message was published on.' } },
        messages: { mqttReply: { $ref: '#/components/messages/mqttReply' } },
      },
    },
    operations: {
      subscribeView: {
        action: 'receive',
        channel: channelRef('live'),
        title: 'view:subscribe',
        summary: 'A screen asks for a view; with `since`, the server resumes with one delta when it still has the changes since then, else a fresh snapshot.',
        description: roles('/', 'view:subscribe'),
        messages: [ref('live', 'viewSubscribe')],
        reply: { channel: channelRef('live'), messages: [ref('live', 'viewSubscribeResult')] },
      },
      sendViewSnapshot: { action: 'send', channel: channelRef('live'), title: 'view:snapshot', summary: 'After a subscribe, or when a silent screen missed more than the hub keeps for it.', description: ackNote, messages: [ref('live', 'viewSnapshot')] },
      sendViewDelta: {
        action: 'send',
        channel: channelRef('live'),
        title: 'view:delta',
        summary: 'Records that changed or entered the view, and `removed`: what left it. Idempotent and order-safe to apply.',
        description: [
          'A record comes whole in `latest`, or — to a screen that was sent every earlier change of the view, for an entity it already holds, when smaller — as a patch in `patches`: the new record\'s stamp, `base` (the seq of the record the screen holds) and the top-level data fields set or unset.',
          'Apply a patch only to the record whose seq is `base`; if the screen holds another (it is out of step), apply nothing of the delta, do not acknowledge it, and send view:subscribe again without `since` for a fresh snapshot.',
          'Snapshots, the delta that resumes a subscription, and a delta merged while the screen was still busy with an earlier one carry whole records only.',
          ackNote,
        ].join(' '),
        messages: [ref('live', 'viewDelta')],
      },
      sendHeartbeat: { action: 'send', channel: channelRef('live'), title: 'server:heartbeat', summary: 'Every few seconds, to every screen.', messages: [ref('live', 'serverHeartbeat')] },
      openReplay: { action: 'receive', channel: channelRef('replay'), title: 'replay:open', description: roles('/replay', 'replay:open'), messages: [ref('replay', 'replayOpen')], reply: { channel: channelRef('replay'), messages: [ref('replay', 'replayOpenResult')] } },
      seekReplay: { action: 'receive', channel: channelRef('replay'), title: 'replay:seek', description: roles('/replay', 'replay:seek'), messages: [ref('replay', 'replaySeek')], reply: { channel: channelRef('replay'), messages: [ref('replay', 'replayResult')] } },
      playReplay: { action: 'receive', channel: channelRef('replay'), title: 'replay:play', description: roles('/replay', 'replay:play'), messages: [ref('replay', 'replayPlay')], reply: { channel: channelRef('replay'), messages: [ref('replay', 'replayResult')] } },
      pauseReplay: { action: 'receive', channel: channelRef('replay'), title: 'replay:pause', description: roles('/replay', 'replay:pause'), messages: [ref('replay', 'replayPause')], reply: { channel: channelRef('replay'), messages: [ref('replay', 'replayResult')] } },
      sendReplaySnapshot: { action: 'send', channel: channelRef('replay'), title: 'replay:snapshot', messages: [ref('replay', 'replaySnapshot')] },
      sendReplayDelta: { action: 'send', channel: channelRef('replay'), title: 'replay:delta', messages: [ref('replay', 'replayDelta')] },
      sendReplayClock: { action: 'send', channel: channelRef('replay'), title: 'replay:clock', messages: [ref('replay', 'replayClock')] },
      streamBatch: {
        action: 'receive',
        channel: channelRef('ingestStream'),
        summary: 'A department sends a batch; all or nothing, acknowledged after commit.',
        description: `Roles: ${DEPARTMENTS.join(', ')} (a department key; only its own categories).`,
        security: [{ $ref: '#/components/securitySchemes/departmentKey' }],
        messages: [ref('ingestStream', 'streamBatch')],
        reply: { channel: channelRef('ingestStream'), messages: [ref('ingestStream', 'streamReply')] },
      },
      receiveMqttReading: {
        action: 'receive',
        channel: channelRef('mqttReadings'),
        summary: 'A reading published on a configured topic; stored all or nothing and answered on the reply topic. Redelivery after a lost acknowledgement is safe (duplicates are recognised).',
        messages: [ref('mqttReadings', 'mqttReading')],
        reply: { channel: channelRef('mqttReplies'), messages: [ref('mqttReplies', 'mqttReply')] },
      },
    },
    components: {
      schemas: categorySchemas,
      messages,
      securitySchemes: {
        userToken: { ...securitySchemes.userToken, description: `${securitySchemes.userToken.description} On socket.io it is sent in the handshake's \`auth: { token }\`.` },
        departmentKey: { ...securitySchemes.departmentKey, description: `${securitySchemes.departmentKey.description} On the stream: the Authorization header, or the subprotocol beacon.key.<key>.` },
      },
    },
  };
}

/** "rain-gauge" → "RainGaugeRecord". */
function recordSchemaName(category: string): string {
  return `${pascalCase(category)}Record`;
}

/** A socket.io event: its name, and its one argument as the payload (an ack's argument for the replies). */
function socketMessage(name: string, title: string, payload: Type.TSchema) {
  return { name, title, contentType: 'application/json', payload: plain(payload) };
}

/** An MQTT reply's envelope around the acknowledgement or error body. */
function mqttEcho() {
  return { type: 'object', required: ['topic'], properties: { topic: { type: 'string', description: 'The topic of the answered message.' }, id: plain(MessageId) } };
}

/** The schema as plain JSON: what a reader gets, without TypeBox's symbols. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function plain(schema: unknown): any {
  return JSON.parse(JSON.stringify(schema));
}
