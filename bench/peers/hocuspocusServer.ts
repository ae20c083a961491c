import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

// Peer B: @hocuspocus/server with its defaults. With SQLITE_FILE set, peer Bsql: the
// same plus @hocuspocus/extension-sqlite, which stores the whole document after a 2 s
// debounce (at most every 10 s) rather than before broadcasting each update.
// Listens on PORT and prints "listening <port>".

const file = process.env.SQLITE_FILE;
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: file ? [new SQLite({ database: file })] : [],
});
await server.listen();
console.log(`listening ${server.address.port}`);
