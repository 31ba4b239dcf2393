import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A load balancer as small as a test needs, on loopback: round-robin over the nodes, no sticky
 * sessions, WebSocket upgrades forwarded, X-Forwarded-For appended (as nginx's
 * `$proxy_add_x_forwarded_for` does), and a node that refuses the connection skipped for the next
 * (nginx's `proxy_next_upstream error`). Bodies are buffered first, so a request can go to the next
 * node whole: fine for tests, not for production.
 */
export interface TestProxy {
  baseUrl: string;
  /** Open upgraded (WebSocket) connections, by the node's base URL. */
  upgradesTo(target: string): number;
  close(): Promise<void>;
}

export async function startProxy(targets: readonly string[]): Promise<TestProxy> {
  const nodes = targets.map((t) => new URL(t));
  const upgraded = new Map<string, Set<Socket>>(targets.map((t) => [new URL(t).origin, new Set()]));
  const clients = new Set<Socket>();
  let next = 0;
  /** The nodes in the order to try for one request: round-robin, then the others. */
  const order = () => {
    const start = next++ % nodes.length;
    return nodes.map((_, i) => nodes[(start + i) % nodes.length]!);
  };
  const forwardedHeaders = (req: IncomingMessage): IncomingHttpHeaders => {
    const peer = req.socket.remoteAddress!.replace(/^::ffff:/, '');
    const before = req.headers['x-forwarded-for'];
    return { ...req.headers, 'x-forwarded-for': before ? `${before}, ${peer}` : peer, 'x-forwarded-proto': 'http' };
  };

  const server = createServer((req, res) => {
    // A client that goes away mid-request is its own business, not the test's.
    req.on('error', () => res.destroy());
    res.on('error', () => {});
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (candidates: URL[]) => {
        const node = candidates[0];
        if (!node) {
          res.writeHead(502).end('no node answered');
          return;
        }
        // A new connection per request (agent: false): a pooled one to a node that just stopped would
        // fail with a reset instead of a refusal, and the request would not go to the other node.
        const upstream = request({ host: node.hostname, port: node.port, method: req.method, path: req.url, headers: forwardedHeaders(req), agent: false }, (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED') attempt(candidates.slice(1));
          else res.destroy(err);
        });
        upstream.end(body);
      };
      attempt(order());
    });
  });

  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    const attempt = (candidates: URL[]) => {
      const node = candidates[0];
      if (!node) {
        client.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
        return;
      }
      const upstream = connect(Number(node.port), node.hostname);
      let connected = false;
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (!connected && err.code === 'ECONNREFUSED') attempt(candidates.slice(1));
        else client.destroy();
      });
      upstream.once('connect', () => {
        connected = true;
        const open = upgraded.get(node.origin)!;
        open.add(upstream);
        upstream.on('close', () => open.delete(upstream));
        const headers = Object.entries(forwardedHeaders(req)).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`]));
        upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
        if (head.length) upstream.write(head);
        // Either side ending ends the other: a node that goes away drops its screens, as a real balancer does.
        upstream.pipe(client).on('error', () => upstream.destroy());
        client.pipe(upstream).on('error', () => client.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.on('error', () => upstream.destroy());
      });
    };
    attempt(order());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    upgradesTo: (target) => upgraded.get(new URL(target).origin)?.size ?? 0,
    close: async () => {
      for (const c of clients) c.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
