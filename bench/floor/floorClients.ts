import { connect, type Socket } from 'node:net';

// The clients of the floor relay, on the generator's core: `n` sockets that read and
// count, and the first `writers` of them each send a 60-byte message once a second,
// spread over the second, as the fan-out cells' writers do.

const MESSAGE = Buffer.alloc(60, 1);

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.setNoDelay(true);
    socket.once('error', reject);
  });
}

let sockets: Socket[] = [];
let received = 0;
let timers: NodeJS.Timeout[] = [];

process.on('message', async (m: any) => {
  if (m?.cmd === 'open') {
    sockets = [];
    for (let i = 0; i < m.n; i++) {
      const socket = await open(m.port);
      socket.on('data', (chunk) => (received += chunk.length));
      sockets.push(socket);
    }
    process.send!({ event: 'opened' });
  }
  if (m?.cmd === 'write') {
    received = 0;
    const { writers } = m;
    timers = sockets.slice(0, writers).map((socket, i) =>
      setTimeout(() => {
        socket.write(MESSAGE);
        timers.push(setInterval(() => socket.write(MESSAGE), 1000));
      }, (1000 * i) / writers),
    );
    process.send!({ event: 'writing' });
  }
  if (m?.cmd === 'count') process.send!({ event: 'count', bytes: received });
  if (m?.cmd === 'close') {
    timers.forEach(clearTimeout);
    timers.forEach(clearInterval);
    sockets.forEach((s) => s.destroy());
    process.send!({ event: 'closed' });
  }
});
process.send!({ event: 'ready' });
