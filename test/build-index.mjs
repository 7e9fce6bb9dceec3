// `node test/build-index.mjs <INDEX_DIR>`: builds what Itda keeps under INDEX_DIR for the
// shipped knowledge/ and catalog, offline, with the prebuilt runtime (test/prebuilt-runtime-setup.ts).
import { createCapabilities } from '../dist/app/create-capabilities.js';
import { parseConfig } from '../dist/config/config.js';
import { silentLogger } from '../dist/observability/logger.js';

const parsed = parseConfig({ INDEX_DIR: process.argv[2], LOG_LEVEL: 'silent' });
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const capabilities = await createCapabilities(parsed.config, silentLogger);
// The catalog is indexed on first use.
await capabilities.matching?.rankTeams('폐암 CT 영상');
capabilities.close();
