/**
 * The title-fight page's script (bundled by src/http/pages/title-script.ts): the what-if
 * calculator computes the table after the round from the picks, with the domain's own standings
 * engine (../domain/title-what-if.ts) on the season the page carries — no second implementation.
 * Without it the page is whole: the calculator shows the table for the picks the server made.
 */
import type { WhatIf, WhatIfTable } from '../domain/title-what-if.ts';
import { whatIfField, whatIfTable, whatIfVerdict } from '../domain/title-what-if.ts';
import type { WhatIfData } from './title-what-if.ts';
import { pickId, pickOf, WHAT_IF } from './title-what-if.ts';

function byId<T extends HTMLElement>(id: string): T | undefined {
  return (document.getElementById(id) as T | null) ?? undefined;
}

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  if (tag === 'th') element.scope = 'row';
  return element;
}

/** The rows of the result table, as the server renders them (title-fight.tsx, `WhatIfRows`). */
function render(table: WhatIfTable, body: HTMLTableSectionElement): void {
  const rows = table.rows.map((r) => {
    const tr = document.createElement('tr');
    if (r.champion) tr.className = 'champion';
    const gained = r.gained > 0 ? `+${r.gained}` : r.gained === 0 ? '—' : String(r.gained);
    tr.append(
      cell('td', String(r.position), 'num'),
      cell('th', r.label),
      cell('td', String(r.points), 'num'),
      cell('td', gained, 'num'),
    );
    return tr;
  });
  body.replaceChildren(...rows);
}

function startWhatIf(): void {
  const form = byId<HTMLFormElement>(WHAT_IF.form);
  const source = byId<HTMLScriptElement>(WHAT_IF.data);
  const verdict = byId(WHAT_IF.verdict);
  const body = byId<HTMLTableElement>(WHAT_IF.table)?.tBodies[0];
  const problems = byId(WHAT_IF.problems);
  if (!form || !source || !verdict || !body || !problems) return;
  const data = JSON.parse(source.textContent ?? '{}') as WhatIfData;
  const field = whatIfField(data.before, data.question, data.contenders);
  const update = () => {
    const picks: Record<string, ReturnType<typeof pickOf>> = {};
    for (const { car } of field.cars) {
      const select = byId<HTMLSelectElement>(pickId(car));
      if (select) picks[car] = pickOf(select.value);
    }
    const pole = byId<HTMLSelectElement>(WHAT_IF.pole)?.value;
    const whatIf: WhatIf = { picks, ...(pole ? { pole } : {}) };
    const table = whatIfTable(data.before, data.question, field, whatIf);
    if (!table.ok) {
      problems.textContent = table.error.map((p) => p.message).join('; ');
      problems.hidden = false;
      return;
    }
    problems.hidden = true;
    problems.textContent = '';
    verdict.textContent = whatIfVerdict(table.value);
    render(table.value, body);
  };
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  update();
}

startWhatIf();
