// Worker threads do not inherit the TypeScript loader: register it, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./csv-import-part.ts');
