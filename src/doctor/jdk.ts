// The JDK: Gradle compiles the backends with the JDK gradlew would run, which must be at least the
// Java release the repository declares. Before the first clone the lab's own declaration stands in.
import { join } from 'node:path';
import type { Check } from './check.js';
import { NOT_AVAILABLE, probing } from './probe.js';

const WHY = 'the three backend jars are compiled by Gradle with this JDK';

/**
 * What the lab's lifesub repository declares in its root build.gradle (`allprojects { sourceCompatibility
 * = '21' }`, branches main and k8s of github.com/cna-bootcamp/lifesub): used until it is cloned.
 */
export const LAB_JAVA = { release: 21, declaration: "sourceCompatibility = '21'" } as const;

export const jdkCheck: Check = {
  name: 'jdk',
  title: "a JDK for the repository's Java release",
  why: WHY,
  async run({ adapters, settings, signal }) {
    const { gradle } = adapters;
    if (!gradle.checkJdk) return NOT_AVAILABLE;
    const repoDir = join(settings.workspace, settings.config.repositories.lifesub.dir);
    return probing(
      signal,
      () => gradle.checkJdk!(repoDir, { signal, fallback: LAB_JAVA }),
      (found) => `JDK ${found.version ?? '(version not recognised)'} (${found.where})${found.need ? `; the build needs Java ${found.need.release}` : ''}`,
      () => ({ why: WHY, fix: `install JDK ${LAB_JAVA.release} and point JAVA_HOME at it`, origin: 'world' }),
    );
  },
};
