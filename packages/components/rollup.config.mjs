// `pnpm --filter @sifa/components run build:embed`: the script-tag distribution in dist/embed
// (embed.js + hashed chunks). The setup lives in build/embed-config.mjs (shared with tests and bench).
import { embedConfig } from './build/embed-config.mjs';

export default embedConfig();
