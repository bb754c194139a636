// The sandbox's `java`: answers `-version` / `--version` with the simulated JDK's version (stderr and
// stdout respectively, like the real launcher) and refuses everything else: no Java code runs here.
import { javaVersionBanner, sandboxJavaVersion } from './jdk.js';

const args = process.argv.slice(2);
const banner = javaVersionBanner(sandboxJavaVersion(process.env));
if (args[0] === '-version') {
  process.stderr.write(banner);
} else if (args[0] === '--version' || args[0] === '-showversion') {
  process.stdout.write(banner.replace(/^openjdk version "([^"]+)"/, 'openjdk $1'));
} else {
  process.stderr.write('Error: the lifesub sandbox runs no Java programs (only `java -version` is simulated)\n');
  process.exitCode = 1;
}
