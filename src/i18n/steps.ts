// The progress boundary: steps as people see them. For a reader of another language than English, each
// step's title, its --dry-run plan lines, its progress lines, its result and the message and hint of an error it throws are
// translated as they leave the step, so every renderer (listr2, plain lines, the summary) shows them
// translated without knowing about languages. `--output json` runs in English (src/i18n/lang.ts), so
// machine-readable events never carry translated text.
import { ToolError, UserError } from '../core/errors.js';
import type { Step, StepContext, StepOutcome } from '../graph/step.js';
import { currentLang } from './lang.js';
import { t } from './translate.js';

/** The steps with their texts in the reader's language (English: the same array). */
export function localizeSteps(steps: Step[]): Step[] {
  if (currentLang() === 'en') return steps;
  return steps.map(localizeStep);
}

function localizeStep(step: Step): Step {
  return {
    ...step,
    title: t(step.title),
    plan: (settings) => step.plan(settings).map((line) => t(line)),
    run: async (ctx: StepContext): Promise<StepOutcome | void> => {
      try {
        const outcome = await step.run({ ...ctx, log: (line) => ctx.log(t(line)) });
        if (!outcome) return outcome;
        return {
          ...outcome,
          ...(outcome.skipped !== undefined ? { skipped: t(outcome.skipped) } : {}),
          ...(outcome.message !== undefined ? { message: t(outcome.message) } : {}),
        };
      } catch (err) {
        // Our own errors carry texts written for people; anything else (a bug) stays as it is.
        if (err instanceof UserError || err instanceof ToolError) {
          err.message = t(err.message);
          if (err.hint) err.hint = t(err.hint);
        }
        throw err;
      }
    },
  };
}
