/**
 * The season file's `invitations` section (docs/season-file.md#invitations) to and from the
 * domain's `InvitationRules`: `positions` and `perTeam` default to 1 and are written only when not 1.
 */
import type { Node } from 'yaml';
import type { InvitationRule, InvitationRules } from '../domain/invitations.ts';
import type { InvitationsItem } from './season-file-schema.ts';

export function toInvitationRules(item: InvitationsItem): InvitationRules {
  return {
    ...(item.event !== undefined && { event: item.event }),
    rules: item.rules.map((r): InvitationRule => ({
      class: r.class,
      kind: r.kind,
      positions: r.positions ?? 1,
      perTeam: r.perTeam ?? 1,
      ...(r.condition !== undefined && { condition: r.condition }),
      ...(r.to !== undefined && { to: r.to }),
      ...(r.source !== undefined && { source: r.source }),
    })),
  };
}

/** One flow line per rule, as a hand-written file has them. */
export function invitationsOf(rules: InvitationRules, flow: (value: unknown) => Node): object {
  return {
    ...(rules.event !== undefined && { event: rules.event }),
    rules: rules.rules.map((r) =>
      flow({
        class: r.class,
        kind: r.kind,
        ...(r.positions !== 1 && { positions: r.positions }),
        ...(r.perTeam !== 1 && { perTeam: r.perTeam }),
        ...(r.condition !== undefined && { condition: r.condition }),
        ...(r.to !== undefined && { to: r.to }),
        ...(r.source !== undefined && { source: r.source }),
      }),
    ),
  };
}
