// The step names of `up` and `down` with the default configuration, derived from the graph files
// (src/graph/up.ts, down.ts) — the one list the unit and e2e tests share. What the names must be is
// asserted once, in test/unit/graph/graphs.test.ts.
import { downSteps } from '../../src/graph/down.js';
import { upSteps } from '../../src/graph/up.js';
import { testSettings } from '../fakes/context.js';

/** Every step of a plain `up` (no --clean-legacy, no --reset-data), in declaration order. */
export const UP_STEPS: readonly string[] = upSteps(testSettings(), { cleanLegacy: false }).map((s) => s.name);

/** Every step of a plain `down` (no --include-ingress), in declaration order. */
export const DOWN_STEPS: readonly string[] = downSteps(testSettings(), { keepData: false, includeIngress: false }).map((s) => s.name);
