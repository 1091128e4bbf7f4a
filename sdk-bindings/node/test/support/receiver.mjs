// A local webhook receiver: answers 200 and keeps every request exactly as it arrived.

import http from 'node:http';

export async function startReceiver() {
  const received = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const delivery = { headers: req.headers, rawBody: Buffer.concat(chunks) };
      received.push(delivery);
      res.writeHead(200).end('ok');
      for (const waiter of waiters.splice(0)) waiter();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/hook`;

  /** The first delivery after the first `skip` whose event header is `event`, within 10 s. */
  async function next(event, skip = 0) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = received.slice(skip).find((d) => d.headers['x-vinsnap-event'] === event);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${event} delivery within 10 s`);
      await new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  return { url, received, next, stop: () => new Promise((resolve) => server.close(resolve)) };
}
