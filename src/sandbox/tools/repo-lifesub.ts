// The files of the simulated `cna-bootcamp/lifesub` repository: the Gradle multi-project with the
// sandbox Gradle wrapper, the backend Dockerfile where the branch has it, and the lab's known
// manifest defects (merge markers in common-config.yaml, placeholder ingress host).
import { gradlewScript } from '../package-root.js';

export type Files = Record<string, string>;

export const LIFESUB_BRANCHES = ['main', 'k8s', 'cicd'];

/** `./gradlew` in the clone: execs the sandbox Gradle (executable bit set by the cloner). */
export function gradlewLauncher(): string {
  return `#!/bin/sh\n# lifesub sandbox: stands in for the Gradle wrapper (builds are simulated).\nexec node "${gradlewScript}" "$@"\n`;
}

const BACKEND_DOCKERFILE = `# Build stage
FROM openjdk:23-oraclelinux8 AS builder
ARG BUILD_LIB_DIR
ARG ARTIFACTORY_FILE
COPY \${BUILD_LIB_DIR}/\${ARTIFACTORY_FILE} app.jar

# Run stage
FROM openjdk:23-slim
ENV USERNAME=k8s
ENV ARTIFACTORY_HOME=/home/\${USERNAME}
ENV JAVA_OPTS=""

# Add a non-root user
RUN adduser --system --group \${USERNAME} && \\
    mkdir -p \${ARTIFACTORY_HOME} && \\
    chown \${USERNAME}:\${USERNAME} \${ARTIFACTORY_HOME}

WORKDIR \${ARTIFACTORY_HOME}
COPY --from=builder app.jar app.jar
RUN chown \${USERNAME}:\${USERNAME} app.jar

USER \${USERNAME}

ENTRYPOINT [ "sh", "-c" ]
CMD ["java \${JAVA_OPTS} -jar app.jar"]
`;

// Module → Java package, bootJar name (Boot apps only) and project dependencies, as in settings.gradle
// and the modules' build.gradle files of the real repository.
const MODULES: Record<string, { pkg: string; jar?: string; deps: string[] }> = {
  common: { pkg: 'common', deps: [] },
  member: { pkg: 'member', jar: 'member.jar', deps: ['common'] },
  'mysub-biz': { pkg: 'mysub.biz', deps: ['common'] },
  'mysub-infra': { pkg: 'mysub.infra', jar: 'mysub.jar', deps: ['common', 'mysub-biz'] },
  recommend: { pkg: 'recommend', jar: 'recommend.jar', deps: ['common'] },
};

function moduleBuildGradle(deps: string[], jar: string | undefined): string {
  const depLines = deps.map((d) => `    implementation project(':${d}')`);
  if (jar) depLines.push("    runtimeOnly 'org.postgresql:postgresql'");
  const boot = jar ? `bootJar {\n    archiveFileName = "${jar}"\n}\n` : '';
  return `dependencies {\n${depLines.join('\n') || "    implementation 'com.google.code.gson:gson'"}\n}\n${boot}`;
}

// The shape of the real root build.gradle: Java 21 through `sourceCompatibility = '21'` (no
// toolchain), so the JDK that runs Gradle compiles; library modules build a plain jar only.
const ROOT_BUILD_GRADLE = `plugins {
    id 'org.springframework.boot' version '3.4.0' apply false
    id 'java'
}

allprojects {
    group = 'com.unicorn'
    version = '1.0.0'
    sourceCompatibility = '21'
}

subprojects {
    apply plugin: 'java'
    apply plugin: 'org.springframework.boot'
    apply plugin: 'io.spring.dependency-management'

    repositories {
        mavenCentral()
    }
}

configure(subprojects.findAll { it.name.endsWith('-biz') || it.name == 'common' }) {
    bootJar.enabled = false
    jar.enabled = true
}
`;

export function lifesubFiles(branch: string): Files {
  const files: Files = {
    'settings.gradle': `rootProject.name = 'lifesub'\n\n${Object.keys(MODULES)
      .map((m) => `include '${m}'`)
      .join('\n')}\n`,
    'build.gradle': ROOT_BUILD_GRADLE,
    gradlew: gradlewLauncher(),
    'gradle/wrapper/gradle-wrapper.properties':
      'distributionBase=GRADLE_USER_HOME\ndistributionPath=wrapper/dists\ndistributionUrl=https\\://services.gradle.org/distributions/gradle-8.10-bin.zip\nzipStoreBase=GRADLE_USER_HOME\nzipStorePath=wrapper/dists\n',
    '.gitignore': '.gradle\nbuild/\n\n### IntelliJ IDEA ###\n.idea/\n',
    // The real branches track build output committed before the .gitignore: a build changes these,
    // so "uncommitted changes" must not count them.
    'common/build/libs/common-1.0.0-plain.jar': 'committed build output\n',
    '.gradle/file-system.probe': 'committed build output\n',
    'README.md': '# lifesub\n\nSubscription management backend (member, mysub, recommend).\n',
    [branch === 'k8s' ? 'deployment/Dockerfile' : 'deployment/container/Dockerfile']: BACKEND_DOCKERFILE,
    'deployment/manifest/configmaps/common-config.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: common-config\ndata:\n<<<<<<< HEAD\n  ALLOWED_ORIGINS: "http://localhost:18080,http://localhost:18081,http://20.1.2.3"\n=======\n  ALLOWED_ORIGINS: "http://localhost:18080"\n>>>>>>> origin/main\n  JPA_DDL_AUTO: update\n  JPA_SHOW_SQL: "true"\n',
    'deployment/manifest/ingresses/ingress.yaml':
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: backend-ingress\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: dg0200.20.1.2.3.nip.io\n',
  };
  for (const [name, m] of Object.entries(MODULES)) {
    const className = name
      .split('-')
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join('');
    const dir = `${name}/src/main/java/com/unicorn/lifesub/${m.pkg.replace(/\./g, '/')}`;
    files[`${name}/build.gradle`] = moduleBuildGradle(m.deps, m.jar);
    files[`${dir}/${className}${m.jar ? 'Application' : 'Module'}.java`] =
      `package com.unicorn.lifesub.${m.pkg};\n\n${m.jar ? `import org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class ${className}Application {\n    public static void main(String[] args) {\n        SpringApplication.run(${className}Application.class, args);\n    }\n}\n` : `public final class ${className}Module {\n    private ${className}Module() {}\n}\n`}`;
    if (m.jar) files[`${name}/src/main/resources/application.yml`] = `server:\n  port: \${SERVER_PORT:8080}\nspring:\n  application:\n    name: ${name}\n`;
  }
  return files;
}
