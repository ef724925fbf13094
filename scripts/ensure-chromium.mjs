// The console's end-to-end tests drive Debian's Chromium (a browser that downloads itself cannot be
// installed here). On a machine that lacks it, `npm test` installs it once, when it is allowed to.
import { existsSync } from 'node:fs';
import { installDebianPackages } from './debian-packages.mjs';

export const chromiumPath = '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  return installDebianPackages("the console's browser tests", ['chromium', 'chromium-driver']);
}
