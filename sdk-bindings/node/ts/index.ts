// The `vinsnap` package: `import { Vinsnap } from 'vinsnap'` or `require('vinsnap')`.

import { Vinsnap } from './client.js';

export * from './generated/index.js';
export * from './runtime.js';
export default Vinsnap;
