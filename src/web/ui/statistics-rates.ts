/**
 * Net migration per 1,000 inhabitants: the period's net migration divided by the population at
 * the start of the period, times 1,000. Null when either figure is missing (SSB published a
 * symbol, or nothing was imported) or the starting population is not positive, so the reader
 * sees SSB's ".." rather than a made-up rate.
 */
export function netMigrationPer1000(
  netMigration: number | null,
  populationAtStart: number | null,
): number | null {
  if (netMigration === null || populationAtStart === null) return null;
  if (!Number.isFinite(netMigration) || !Number.isFinite(populationAtStart)) return null;
  if (populationAtStart <= 0) return null;
  return (netMigration / populationAtStart) * 1000;
}
