// Plugins and static folders of the demo server started by `npm start` (see README).
// A host installation writes its own config module in the same shape.
// Plugins are imported from their builds (`pnpm build`).
import { createDiaryPlugin } from '@sifa/plugin-diary/server';

export default {
  plugins: [createDiaryPlugin()],
  staticRoots: [{ prefix: '/', dir: new URL('./examples/gov-portal/', import.meta.url).pathname }],
};
