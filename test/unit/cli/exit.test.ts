import { describe, expect, it } from 'vitest';
import { bugStack, toExitReport } from '../../../src/cli/exit.js';
import { finalReport } from '../../../src/cli/run-graph-command.js';
import { AbortedError, StepFailure, ToolError, UserError } from '../../../src/core/errors.js';
import { WriteLog } from '../../../src/adapters/write-log.js';
const same = (t: string) => t;

describe('exit codes', () => {
  it('maps user errors to 2, step failures to 1, interruptions to 130', () => {
    expect(toExitReport(new UserError('bad id', 'use alice')).code).toBe(2);
    expect(toExitReport(new StepFailure('jars', new ToolError('gradlew exited with code 1'))).code).toBe(1);
    expect(toExitReport(new AbortedError()).code).toBe(130);
  });

  it("keeps exit 2 for a step's user error only while the adapters recorded no write", () => {
    const failure = new StepFailure('namespace', new UserError('namespace alice-lifesub-ns exists but was not created by lifesub', 'pick another --id'));
    const writes = new WriteLog();
    const onlyLooked = finalReport(failure, writes, same);
    expect(onlyLooked.code).toBe(2);
    expect(onlyLooked.hint).toBe('pick another --id');
    writes.record('cloned https://github.com/cna-bootcamp/lifesub.git into /w/lifesub');
    const cloned = finalReport(failure, writes, same);
    expect(cloned.code).toBe(1);
    expect(cloned.message).toContain('already changed before this error: cloned https://github.com/cna-bootcamp/lifesub.git');
    expect(cloned.hint).toBe('pick another --id');
  });

  it('masks secrets in the final message, hint and details', () => {
    const failure = new StepFailure('smoke', new ToolError('login with s3cr3t-value failed', 'retry s3cr3t-value', { details: 'log: s3cr3t-value' }));
    const r = finalReport(failure, new WriteLog(), (t) => t.split('s3cr3t-value').join('***'));
    expect(JSON.stringify(r)).not.toContain('s3cr3t-value');
    expect(r.message).toContain('login with *** failed');
  });

  it('calls a plain error inside a step a bug, and only bugs get a stack trace', () => {
    const bug = new StepFailure('apply', new TypeError("Cannot read properties of undefined (reading 'spec')"));
    expect(toExitReport(bug).hint).toMatch(/bug in lifesub/);
    expect(bugStack(bug)).toContain('TypeError');
    expect(toExitReport(new StepFailure('jars', new ToolError('x'))).hint).toBeUndefined();
    expect(bugStack(new StepFailure('jars', new ToolError('x')))).toBeUndefined();
    expect(bugStack(new UserError('bad'))).toBeUndefined();
  });
});
