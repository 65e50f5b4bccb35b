/**
 * A TCP proxy a test controls, between the server (or a bare postgres.js client) and PostgreSQL:
 * it can cut every open connection at once (an RST to the client, as a crashed or restarted
 * database gives) and refuse new ones for a while (a database that is down), deterministically,
 * without touching the machine's PostgreSQL that other tests share.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The local port clients connect to. */
  readonly port: number;
  /** `url` (a postgres:// URL) with its host and port replaced by this proxy's. */
  urlFor(url: string): string;
  /** Connections currently open through the proxy. */
  readonly open: number;
  /** Cuts every open connection: the client side gets a TCP reset, the database side is closed. */
  dropAll(): void;
  /** Stops accepting (new connections are refused) until `accept()`. */
  refuse(): Promise<void>;
  /** Accepts again, on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  /** Called with each chunk a client sends; true cuts that connection (as `dropAll` does) before the chunk goes on. */
  resetOn?: (fromClient: Buffer) => boolean;
}

export async function startTcpProxy(target: { host: string; port: number }, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const reset = (pair: [Socket, Socket]) => {
    pairs.delete(pair);
    pair[0].resetAndDestroy();
    pair[1].destroy();
  };
  const onConnection = (client: Socket) => {
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    const { resetOn } = options;
    if (resetOn) client.on('data', (chunk: Buffer) => (resetOn(chunk) ? reset(pair) : upstream.write(chunk)));
    else client.pipe(upstream);
    upstream.pipe(client);
  };
  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const port = await listen(0);
  let listening = true;
  // The listening handle closes at once; connections already through stay until dropped.
  const stopListening = async () => {
    if (!listening) return;
    listening = false;
    server.close();
  };
  return {
    port,
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    get open() {
      return pairs.size;
    },
    dropAll() {
      for (const pair of [...pairs]) reset(pair);
    },
    refuse: stopListening,
    async accept() {
      if (listening) return;
      server = createServer(onConnection);
      await listen(port);
      listening = true;
    },
    async close() {
      await stopListening();
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
  };
}
