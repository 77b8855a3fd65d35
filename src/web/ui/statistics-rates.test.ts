import { describe, expect, it } from 'vitest';
import { netMigrationPer1000 } from './statistics-rates.js';

describe('netMigrationPer1000', () => {
  it('divides net migration by the population at the start, per 1,000', () => {
    expect(netMigrationPer1000(56, 20_000)).toBeCloseTo(2.8, 10);
    expect(netMigrationPer1000(-12, 1_885)).toBeCloseTo(-6.366, 3);
    expect(netMigrationPer1000(0, 5_000)).toBe(0);
  });

  it('is null when a figure is missing or the population is not positive', () => {
    expect(netMigrationPer1000(null, 1_000)).toBeNull();
    expect(netMigrationPer1000(10, null)).toBeNull();
    expect(netMigrationPer1000(10, 0)).toBeNull();
    expect(netMigrationPer1000(10, -5)).toBeNull();
    expect(netMigrationPer1000(Number.NaN, 1_000)).toBeNull();
  });
});
