// Installs Debian packages the local stack needs (Chromium for the console's browser tests, PostgreSQL
// for FerretDB's storage) when this machine allows it: as root with apt-get. Plain Node, because
// bootstrap.mjs uses it before the dependencies are installed; the TypeScript stack runs it as a command:
//   node scripts/debian-packages.mjs <reason> <package>…   (exit 0 when installed)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function apt(args) {
  return (
    spawnSync('apt-get', args, {
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

export function mayInstallDebianPackages() {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** True when the packages got installed; prints the command to run by hand when this process may not. */
export function installDebianPackages(reason, packages) {
  if (!mayInstallDebianPackages()) {
    console.error(`dealreg: ${reason} needs Debian's ${packages.join(', ')}: apt-get install ${packages.join(' ')}`);
    return false;
  }
  console.error(`dealreg: installing ${packages.join(', ')} for ${reason} (apt-get install ${packages.join(' ')})…`);
  const install = ['install', '-y', '--no-install-recommends', ...packages];
  // The package lists may be missing or stale on a fresh image: refresh them only when the first try fails.
  return apt(install) || (apt(['update']) && apt(install));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [reason, ...packages] = process.argv.slice(2);
  if (!reason || packages.length === 0) {
    console.error('usage: node scripts/debian-packages.mjs <reason> <package>…');
    process.exit(2);
  }
  process.exit(installDebianPackages(reason, packages) ? 0 : 1);
}
