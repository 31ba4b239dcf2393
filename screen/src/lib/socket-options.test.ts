import { describe, expect, it } from 'vitest';
import { hubSocketOptions } from './socket-options.ts';

describe('hub socket options', () => {
  it('connect with the WebSocket transport only, so no request of a session can land on another node', () => {
    expect(hubSocketOptions(() => 't')).toMatchObject({ path: '/socket.io/', transports: ['websocket'] });
  });

  it('present the token current at each (re)connect', () => {
    let token = 'first';
    const options = hubSocketOptions(() => token);
    const sent: unknown[] = [];
    const auth = options.auth as (send: (data: object) => void) => void;
    auth((d) => sent.push(d));
    token = 'renewed';
    auth((d) => sent.push(d));
    expect(sent).toEqual([{ token: 'first' }, { token: 'renewed' }]);
  });
});
