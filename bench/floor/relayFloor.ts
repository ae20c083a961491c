import { createServer, type Socket } from 'node:net';

// The cheapest relay there can be, for the floor under "server CPU per delivered change":
// plain TCP, no websocket parsing, no Yjs, no storage. Every chunk a socket sends is
// written, as it came, to every other socket; nothing else happens. Started by
// floorPhase on the measured servers' core; it reports its own CPU over a window.

const sockets = new Set<Socket>();
const server = createServer((socket) => {
  socket.setNoDelay(true);
  sockets.add(socket);
  socket.on('data', (chunk) => {
    for (const other of sockets) if (other !== socket) other.write(chunk);
  });
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.send!({ event: 'ready', port });
});

process.on('message', (m: any) => {
  if (m?.cmd === 'cpuStart') {
    const start = process.cpuUsage();
    process.once('message', (n: any) => {
      if (n?.cmd !== 'cpuStop') return;
      const used = process.cpuUsage(start);
      process.send!({ event: 'cpu', micros: used.user + used.system });
    });
    process.send!({ event: 'cpuStarted' });
  }
  if (m?.cmd === 'stop') server.close(() => process.exit(0));
});
