// The files of the simulated `cna-bootcamp/lifesub-web` repository in either lab variant
// (docs/sandbox.md, ../shared walkthrough "Two variants of the lab"; facts read from the public
// repository's history of src/services/api.js and deployment/):
//   A (2025-02-15 … 2025-04-05, the lab guide's): deployment/Dockerfile-lifesub-web + deployment/nginx.conf;
//     api.js bases default to http://localhost:8081 … and calls carry the API prefix: post('/api/auth/login').
//   B (since 2025-04-06): both files in deployment/container/; bases end in the API prefix
//     (…:8081/api/auth, …:8082/api/mysub, …:8083/api/recommend) and calls do not: post('/login').
// Written for the sandbox (not copied); the conventions other code reads are kept exactly: the first
// lines of api.js (`const X_URL = window.__runtime_config__.X_URL || '<default>';`), the call paths,
// the Dockerfile's ARGs and its runtime-env.js, nginx.conf's port 18080, /health and `expires 1y`.
import type { Files } from './repo-lifesub.js';

export const WEB_BRANCHES = ['main'];

/** "A": the lab guide's lifesub-web (until 2025-04-05); "B": today's (since 2025-04-06). */
export type LabVariant = 'A' | 'B';

/** The variant from LIFESUB_SANDBOX_LAB_VARIANT (or the older LIFESUB_SANDBOX_WEB_LAYOUT); default B. */
export function labVariant(variant: string | undefined, legacyLayout: string | undefined): LabVariant {
  const v = (variant ?? '').trim().toUpperCase();
  if (v === 'A' || v === 'B') return v;
  if (!v && legacyLayout === '2025-03') return 'A';
  return 'B';
}

/** When the variant's last commit was made (the simulated clone's commit date). */
export const VARIANT_DATE: Record<LabVariant, string> = { A: '2025-03-03T18:00:00+09:00', B: '2025-05-30T18:00:00+09:00' };

interface Endpoints {
  defaults: [member: string, mysub: string, recommend: string];
  /** Path prefixes the calls carry: '' in variant B (the base ends in it). */
  auth: string;
  mysub: string;
  recommend: string;
}

const ENDPOINTS: Record<LabVariant, Endpoints> = {
  A: {
    defaults: ['http://localhost:8081', 'http://localhost:8082', 'http://localhost:8083'],
    auth: '/api/auth',
    mysub: '/api/mysub',
    recommend: '/api/recommend',
  },
  B: {
    defaults: ['http://localhost:8081/api/auth', 'http://localhost:8082/api/mysub', 'http://localhost:8083/api/recommend'],
    auth: '',
    mysub: '',
    recommend: '',
  },
};

function apiJs(e: Endpoints): string {
  const [member, mysub, recommend] = e.defaults;
  return `// src/services/api.js
import axios from 'axios';

// base URL of each service (runtime-env.js sets window.__runtime_config__)
const MEMBER_URL = window.__runtime_config__.MEMBER_URL || '${member}';
const MYSUB_URL = window.__runtime_config__.MYSUB_URL || '${mysub}';
const RECOMMEND_URL = window.__runtime_config__.RECOMMEND_URL || '${recommend}';

const client = (baseURL) => {
  const instance = axios.create({ baseURL, headers: { 'Content-Type': 'application/json' } });
  instance.interceptors.request.use((config) => {
    const token = localStorage.getItem('token');
    if (token) config.headers.Authorization = \`Bearer \${token}\`;
    return config;
  });
  return instance;
};

const memberApi = client(MEMBER_URL);
const mysubApi = client(MYSUB_URL);
const recommendationApi = client(RECOMMEND_URL);

export const authApi = {
  login: (loginRequest) => memberApi.post('${e.auth}/login', loginRequest),
  logout: (logoutRequest) => memberApi.post('${e.auth}/logout', logoutRequest)
};

export const mySubscriptionApi = {
  getTotalFee: (userId) => mysubApi.get(\`${e.mysub}/total-fee?userId=\${userId}\`),
  getMySubscriptions: (userId) => mysubApi.get(\`${e.mysub}/list?userId=\${userId}\`),
  getSubscriptionDetail: (id) => mysubApi.get(\`${e.mysub}/services/\${id}\`),
  subscribe: (id, userId) => mysubApi.post(\`${e.mysub}/services/\${id}/subscribe?userId=\${userId}\`),
  cancelSubscription: (id) => mysubApi.delete(\`${e.mysub}/services/\${id}\`),
  getCategories: () => mysubApi.get('${e.mysub}/categories'),
  getServicesByCategory: (categoryId) => mysubApi.get(\`${e.mysub}/services?categoryId=\${categoryId}\`)
};

export const recommendApi = {
  getRecommendedCategory: (userId) => recommendationApi.get(\`${e.recommend}/categories?userId=\${userId}\`)
};
`;
}

function runtimeEnvJs(e: Endpoints): string {
  const [member, mysub, recommend] = e.defaults;
  return `window.__runtime_config__ = {\n    MEMBER_URL: '${member}',\n    MYSUB_URL: '${mysub}',\n    RECOMMEND_URL: '${recommend}'\n};\n`;
}

// Same in both variants; only its location moved.
const DOCKERFILE = `# Build stage
FROM node:20-slim AS builder
ARG PROJECT_FOLDER

ENV NODE_ENV=production

WORKDIR /app
COPY \${PROJECT_FOLDER}/package*.json ./
RUN npm ci --only=production

COPY \${PROJECT_FOLDER} .
RUN npm run build

# Run stage
FROM nginx:stable-alpine

ARG BUILD_FOLDER
ARG EXPORT_PORT
ARG REACT_APP_MEMBER_URL
ARG REACT_APP_MYSUB_URL
ARG REACT_APP_RECOMMEND_URL

COPY --from=builder /app/build /usr/share/nginx/html

# The app reads these at run time (index.html loads runtime-env.js before the bundle).
RUN echo "window.__runtime_config__ = { \\
    MEMBER_URL: '\${REACT_APP_MEMBER_URL}', \\
    MYSUB_URL: '\${REACT_APP_MYSUB_URL}', \\
    RECOMMEND_URL: '\${REACT_APP_RECOMMEND_URL}' \\
}" > /usr/share/nginx/html/runtime-env.js

COPY \${BUILD_FOLDER}/nginx.conf /etc/nginx/templates/default.conf.template

USER nginx
EXPOSE \${EXPORT_PORT}
CMD ["nginx", "-g", "daemon off;"]
`;

// Every *.js is cached for a year, runtime-env.js included (a browser keeps old URLs after a change).
const NGINX_CONF = `server {
    listen 18080;
    server_name localhost;

    location / {
        root /usr/share/nginx/html;
        index index.html index.htm;
        try_files $uri $uri/ /index.html;

        location ~* \\.(jpg|jpeg|png|gif|ico|css|js)$ {
            expires 1y;
            add_header Cache-Control "public, no-transform";
        }
    }

    location /health {
        access_log off;
        return 200 'healthy\\n';
        add_header Content-Type text/plain;
    }
}
`;

/** The repository's files for a variant: path → content. */
export function webFiles(variant: LabVariant): Files {
  const e = ENDPOINTS[variant];
  const dir = variant === 'A' ? 'deployment' : 'deployment/container';
  return {
    'package.json': `${JSON.stringify(
      {
        name: 'lifesub-web',
        version: '0.1.0',
        private: true,
        dependencies: {
          react: '^18.3.1',
          'react-dom': '^18.3.1',
          'react-router-dom': '^6.28.0',
          axios: '^1.7.7',
          '@mui/material': '^6.1.7',
          'react-scripts': '5.0.1',
        },
        scripts: { start: 'react-scripts start', build: 'react-scripts build' },
      },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules/\nbuild/\n',
    'README.md': '# lifesub-web\n\nReact frontend of lifesub.\n',
    'public/index.html':
      '<!DOCTYPE html>\n<html lang="ko">\n  <head>\n    <meta charset="utf-8" />\n    <title>LifeSub</title>\n    <script src="%PUBLIC_URL%/runtime-env.js"></script>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
    'public/runtime-env.js': runtimeEnvJs(e),
    'src/index.js':
      "import React from 'react';\nimport ReactDOM from 'react-dom/client';\nimport App from './App';\n\nReactDOM.createRoot(document.getElementById('root')).render(<App />);\n",
    'src/App.js':
      "import { authApi } from './services/api';\n\nexport default function App() {\n  return <button onClick={() => authApi.login({ userId: 'user01', password: 'P@ssw0rd$' })}>LifeSub</button>;\n}\n",
    'src/services/api.js': apiJs(e),
    [`${dir}/Dockerfile-lifesub-web`]: DOCKERFILE,
    [`${dir}/nginx.conf`]: NGINX_CONF,
  };
}
