// ELK in a worker thread. ELK lays a graph out in one synchronous run — up to a second for a ten-step process
// the first time, seconds for a long one — and a server that rendered a guide, a flowchart or an editor's preview
// in its own thread would answer nobody meanwhile. The worker runs the same bundled ELK, so layouts are the same.

import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api';

// Plain JavaScript evaluated by the worker (no build step to find a file for, under ts or js).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const ELK = require(${JSON.stringify(require.resolve('elkjs/lib/elk.bundled.js'))});
const elk = new ELK();
parentPort.on('message', ({ id, graph }) => {
  elk.layout(graph).then(
    (layout) => parentPort.postMessage({ id, layout }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

interface Pending {
  resolve(layout: ElkNode): void;
  reject(error: Error): void;
}

type Answer = { id: number; layout: ElkNode; error?: undefined } | { id: number; error: string };

/** One worker for the process, started on the first layout; it holds the process open only while it works. */
class ElkThread {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  layout(graph: ElkNode): Promise<ElkNode> {
    const worker = this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, graph });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const pending = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (answer.error === undefined) pending?.resolve(answer.layout);
      else pending?.reject(new Error(`ELK: ${answer.error}`));
    });
    // A worker that dies fails what it was doing; the next layout starts a new one.
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return; // 'error' is followed by 'exit'
      failed = true;
      if (this.worker === worker) this.worker = undefined;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`ELK worker stopped (${code})`)));
    this.worker = worker;
    return worker;
  }
}

const thread = new ElkThread();

/** Lays an ELK graph out in the worker thread. */
export const layoutInThread = (graph: ElkNode): Promise<ElkNode> => thread.layout(graph);
