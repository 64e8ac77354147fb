import { readConfig } from '../config';
import { startServer } from '../server';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

/** `oneseal serve`: the API (and, as they arrive, the portal and designer) on PORT, until stopped. */
export async function serveCommand(io: CliIO): Promise<ExitCode> {
  const config = readConfig();
  const started = Date.now();
  const { server, store, printer, dispatcher } = await startServer(config);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  io.out(
    `OneSeal 一章通 已启动：http://localhost:${port}/api （${store.dialect}，用时 ${Date.now() - started} ms）`,
  );
  io.out(`接口文档：http://localhost:${port}/api/docs`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await dispatcher.stop();
  await printer.close();
  await store.sequelize.close();
  return EXIT.ok;
}
