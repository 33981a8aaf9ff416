// Silences matrix-js-sdk's global logger (and the children it creates later) during tests.
import { logger } from 'matrix-js-sdk/lib/logger.js';

type Loglevel = { methodFactory: unknown; rebuild(): void; setLevel(level: string): void };
const root = logger as unknown as Loglevel;
root.methodFactory = () => () => undefined;
root.rebuild();
root.setLevel('silent');
