// Machine-readable progress: with `--output json`, stdout carries only these objects, one per line
// (NDJSON). Humans get listr2's rendering instead; both are fed from the same runner callbacks.
import type { Writable } from 'node:stream';

export type StepStatus = 'start' | 'done' | 'skipped' | 'failed';

export interface StepEvent {
  type: 'step';
  step: string;
  status: StepStatus;
  ts: number;
  durationMs?: number;
  message?: string;
  hint?: string;
}

export interface LogEvent {
  type: 'log';
  step: string;
  ts: number;
  message: string;
}

export interface SummaryEvent {
  type: 'summary';
  ok: boolean;
  command: string;
  id: string;
  namespace: string;
  urls: { web?: string; api?: string; apis?: Record<string, string> };
  durationMs: number;
  sandbox?: boolean;
  steps: Array<{ step: string; status: string; durationMs: number }>;
  error?: { step?: string; message: string; hint?: string; exitCode: number };
}

/** First event of `up`/`down`: the cluster about to be changed (context, API server, namespace). */
export interface TargetEvent {
  type: 'target';
  command: string;
  id: string;
  context: string;
  server: string;
  namespace: string;
  ts: number;
}

export type LifesubEvent = StepEvent | LogEvent | SummaryEvent | TargetEvent;

export interface EventSink {
  emit(event: LifesubEvent): void;
}

/** Writes each event as one JSON line. */
export class NdjsonSink implements EventSink {
  constructor(
    private readonly out: Writable,
    private readonly withLogs = false,
  ) {}
  emit(event: LifesubEvent): void {
    if (event.type === 'log' && !this.withLogs) return;
    this.out.write(`${JSON.stringify(event)}\n`);
  }
}

export const nullSink: EventSink = { emit() {} };
