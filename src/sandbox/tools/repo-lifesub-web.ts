// The files of the simulated `cna-bootcamp/lifesub-web` repository in either layout: "2025-03"
// (deployment/Dockerfile-lifesub-web + deployment/nginx.conf, as the lab guide shows) or "2025-05"
// (both moved to deployment/container/).
import type { Files } from './repo-lifesub.js';

export const WEB_BRANCHES = ['main'];
export type WebLayout = '2025-03' | '2025-05';

const DOCKERFILE = `# Build stage
FROM node:20-slim AS builder
ARG PROJECT_FOLDER

ENV NODE_ENV=development

WORKDIR /app
COPY \${PROJECT_FOLDER}/package*.json ./
RUN npm ci

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
COPY \${BUILD_FOLDER}/nginx.conf /etc/nginx/templates/default.conf.template

# Runtime configuration the app reads at start (a ConfigMap may be mounted over it).
RUN echo "window.__runtime_config__ = { MEMBER_URL: '\${REACT_APP_MEMBER_URL}', MYSUB_URL: '\${REACT_APP_MYSUB_URL}', RECOMMEND_URL: '\${REACT_APP_RECOMMEND_URL}' };" > /usr/share/nginx/html/runtime-env.js

EXPOSE \${EXPORT_PORT}
CMD ["nginx", "-g", "daemon off;"]
`;

const NGINX_CONF = `server {
    listen 18080;
    server_name localhost;

    location / {
        root /usr/share/nginx/html;
        index index.html;
        try_files $uri $uri/ /index.html;
    }

    location /health {
        access_log off;
        return 200 'ok';
    }
}
`;

export function webFiles(layout: WebLayout): Files {
  const dir = layout === '2025-03' ? 'deployment' : 'deployment/container';
  return {
    'package.json': `${JSON.stringify(
      {
        name: 'lifesub-web',
        version: '0.1.0',
        private: true,
        dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1', 'react-router-dom': '^6.28.0', axios: '^1.7.7', '@mui/material': '^6.1.7', 'react-scripts': '5.0.1' },
        scripts: { start: 'react-scripts start', build: 'react-scripts build' },
      },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules/\nbuild/\n',
    'README.md': '# lifesub-web\n\nReact frontend of lifesub.\n',
    'public/index.html': '<!DOCTYPE html>\n<html lang="ko">\n  <head>\n    <meta charset="utf-8" />\n    <title>LifeSub</title>\n    <script src="%PUBLIC_URL%/runtime-env.js"></script>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
    'public/runtime-env.js': "window.__runtime_config__ = { MEMBER_URL: 'http://localhost:8081', MYSUB_URL: 'http://localhost:8082', RECOMMEND_URL: 'http://localhost:8083' };\n",
    'src/index.js': "import React from 'react';\nimport ReactDOM from 'react-dom/client';\nimport App from './App';\n\nReactDOM.createRoot(document.getElementById('root')).render(<App />);\n",
    'src/App.js': "const config = window.__runtime_config__ || {};\n\nexport default function App() {\n  return <div>LifeSub ({config.MEMBER_URL})</div>;\n}\n",
    [`${dir}/Dockerfile-lifesub-web`]: DOCKERFILE,
    [`${dir}/nginx.conf`]: NGINX_CONF,
  };
}
