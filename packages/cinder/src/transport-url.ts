/**
 * The AMQP URLs of an oslo.messaging transport URL, one per host: `rabbit://u:p@h1,u:p@h2:5672/vh`
 * lists the brokers of one cluster, tried in turn. Shared by the BFF's notification consumer and
 * the emulator's publisher, which take the same `rabbit://` form a Cinder deployment's config uses.
 */
export function amqpUrls(transportUrl: string): string[] {
  const match = /^rabbit:\/\/([^/]*)\/?(.*)$/.exec(transportUrl);
  // The URL holds a password: the message does not repeat it.
  if (!match)
    throw new Error('the notifications URL must be a rabbit:// transport URL (rabbit://user:pass@host:5672/)');
  const [, hosts = '', vhost = ''] = match;
  const path = vhost.split('?')[0] ?? '';
  return hosts.split(',').map((host) => `amqp://${host}${path ? `/${path}` : ''}`);
}
