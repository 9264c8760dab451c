import net from 'node:net';

/**
 * The smallest load balancer: one loopback port, each new TCP connection handed to the next
 * backend in turn, skipping one that refuses the connection (a dead replica), as a health-checked
 * balancer would. No stickiness: a browser's requests land on any replica.
 */
export async function startRoundRobin(backends: string[]) {
  let next = 0;
  /** Which backend each accepted connection went to, in order. */
  const placed: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const attempt = (tries: number) => {
      const backend = backends[next++ % backends.length]!;
      const { hostname, port } = new URL(backend);
      const upstream = net.connect(Number(port), hostname);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        placed.push(backend);
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
      upstream.once('error', () => {
        if (!connected && tries < backends.length) attempt(tries + 1);
        else client.destroy();
      });
    };
    attempt(1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    placed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
