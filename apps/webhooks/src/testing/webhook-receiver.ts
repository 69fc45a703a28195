import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number | 'timeout';
}

/**
 * A real HTTP receiver on 127.0.0.1 for the delivery tests, as an HR system would run one. `behave`
 * decides each answer (a status, or 'timeout' to hold the request past the dispatcher's deadline);
 * it can be closed and reopened on the same port to play a receiver that is down for a while.
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  behave: (call: { headers: IncomingMessage['headers']; body: string; index: number }) => number | 'timeout' = () => 200;
  private server?: Server;
  private held: Array<() => void> = [];
  port = 0;

  async open(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const answered = this.behave({ headers: req.headers, body, index: this.calls.length });
        this.calls.push({ headers: req.headers, body, answered });
        if (answered === 'timeout') {
          this.held.push(() => res.destroy());
          return;
        }
        res.writeHead(answered, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}/hooks/cwp`;
  }

  async close(): Promise<void> {
    for (const release of this.held.splice(0)) release();
    if (!this.server) return;
    const server = this.server;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The CloudEvents ids of the calls answered 2xx, in the order they arrived. */
  acceptedEventIds(): string[] {
    return this.calls.filter((c) => typeof c.answered === 'number' && c.answered < 300).map((c) => String(c.headers['cwp-event-id']));
  }
}
