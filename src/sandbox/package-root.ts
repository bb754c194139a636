// The lifesub package directory. This file sits two levels below it both as src/sandbox/*.ts (tests)
// and as dist/sandbox/*.js (the built CLI and the tool shims), so one relative URL serves both.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const packageRoot: string = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** Directory with the helm/docker/git launchers that go first on PATH. */
export const shimDir: string = path.join(packageRoot, 'bin', 'sandbox-tools');

/** The compiled sandbox Gradle wrapper, which cloned repositories' `gradlew` scripts exec. */
export const gradlewScript: string = path.join(packageRoot, 'dist', 'sandbox', 'tools', 'gradlew.js');

/** The sandbox Gradle's launcher: lifesub runs it in a repository instead of the repository's ./gradlew. */
export const sandboxGradlew: string = path.join(shimDir, 'gradlew');

/** The sandbox JDK's `java` (answers `-version` with LIFESUB_SANDBOX_JAVA_VERSION). */
export const sandboxJava: string = path.join(shimDir, 'java');
