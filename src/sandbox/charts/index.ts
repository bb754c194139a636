export { chartSourcesDir, packageCharts, type PackagedChart } from './package.js';
export { CHART_REPOSITORIES, renderIndex, startChartRepoServer, type ChartRepoServer } from './server.js';
export { repointSandboxRepositories } from './repoint.js';
