import {fileURLToPath} from 'node:url';

// One level below the package root both here (source/) and in the bundle (dist/).
export const BUNDLED = fileURLToPath(new URL('../data/venezuela-us-dialogue.json', import.meta.url));
