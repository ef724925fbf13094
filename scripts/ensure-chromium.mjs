// The console's end-to-end tests drive Debian's Chromium (a browser that downloads itself cannot be
// installed here). On a machine that lacks it, `npm test` installs it once, when it is allowed to.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

function apt(args) {
  return (
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0
  );
}

export function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    console.error(
      `dealreg: ${chromiumPath} is missing; the console's browser tests need it: apt-get install chromium chromium-driver`,
    );
    return false;
  }
  console.error('dealreg: installing Chromium for the console tests (apt-get install chromium chromium-driver)…');
  const packages = ['install', '-y', '--no-install-recommends', 'chromium', 'chromium-driver'];
  return apt(packages) || (apt(['update']) && apt(packages));
}
