/**
 * The season file's `classification` section (docs/season-file.md#classification) to and from the
 * domain's `ClassificationRules`. A field left out is the ACO's (domain/classification-rules.ts),
 * so `classification: { order: laps }` changes the order only — except `lastLapStop`, which is by
 * default what a car without the flag gets (`withoutFlag`). A section written back states every
 * field, so the file says the whole rule it is scored by.
 */
import type { Node } from 'yaml';
import type { ClassificationRules, MinimumDistance } from '../domain/classification-rules.ts';
import { ACO_CLASSIFICATION } from '../domain/classification-rules.ts';
import type { ClassificationRulesItem } from './season-file-schema.ts';

type DistanceItem = NonNullable<ClassificationRulesItem['minimumDistance']>;

export function toClassificationRules(item: ClassificationRulesItem): ClassificationRules {
  const withoutFlag = item.withoutFlag ?? ACO_CLASSIFICATION.withoutFlag;
  return {
    minimumDistance:
      item.minimumDistance === undefined ? ACO_CLASSIFICATION.minimumDistance : toDistance(item.minimumDistance),
    chequeredFlag: item.chequeredFlag ?? ACO_CLASSIFICATION.chequeredFlag,
    withoutFlag,
    order: item.order ?? ACO_CLASSIFICATION.order,
    // Without the flag required there is no last-lap rule (the schema refuses one): it is withoutFlag.
    lastLapStop: item.lastLapStop ?? withoutFlag,
  };
}

function toDistance(item: DistanceItem): MinimumDistance {
  if (item === 'none') return { kind: 'none' };
  // The schema has checked that exactly one of percent and laps is there.
  if (item.laps !== undefined) return { kind: 'laps', laps: item.laps };
  // The ACO's share: of the overall winner's laps, at least the share (rounded up).
  return {
    kind: 'share',
    percent: item.percent ?? 0,
    of: item.of ?? 'overall-winner',
    rounding: item.rounding ?? 'up',
  };
}

/** The section as a hand-written file has it: one line per field, the distance in flow style. */
export function classificationRulesOf(rules: ClassificationRules, flow: (value: unknown) => Node): object {
  return {
    minimumDistance: distanceOf(rules.minimumDistance, flow),
    chequeredFlag: rules.chequeredFlag,
    withoutFlag: rules.withoutFlag,
    order: rules.order,
    // Only a race that needs the flag has a last-lap rule (the schema refuses it otherwise).
    ...(rules.chequeredFlag === 'required' && { lastLapStop: rules.lastLapStop }),
  };
}

function distanceOf(distance: MinimumDistance, flow: (value: unknown) => Node): unknown {
  if (distance.kind === 'none') return 'none';
  if (distance.kind === 'laps') return flow({ laps: distance.laps });
  return flow({ percent: distance.percent, of: distance.of, rounding: distance.rounding });
}
