import { quietConsole } from '../src/service/quiet-console';

quietConsole();
