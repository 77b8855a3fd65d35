// The baseline: a bare node:http server answering each path with bytes recorded from the app
// (same status, content type and body), and nothing else. Run as its own process, like the
// app, with the recording's file as argument; prints its port when listening.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const recorded = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const routes = new Map(
  Object.entries(recorded).map(([path, r]) => [
    path,
    { status: r.status, contentType: r.contentType, body: Buffer.from(r.body, 'base64') },
  ]),
);

const server = http.createServer((req, res) => {
  const route = routes.get(req.url);
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(route.status, {
    'content-type': route.contentType,
    'content-length': route.body.length,
  });
  res.end(route.body);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
