import type { Clock } from '../../src/server/deps.js';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  private current: Date;
  constructor(start = '2026-11-27T10:00:00.000Z') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
}
