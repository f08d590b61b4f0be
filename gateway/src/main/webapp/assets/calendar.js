// The working calendar as the desk's pages preview it: the gateway computes every date
// (GET /api/v1/calendar/due, the same calculation as intake and extensions); the page only asks.
import { formatDate } from './i18n.js';

const years = new Map();

/** A year's days off and office hours (GET /api/v1/calendar/{year}), asked once per year. */
async function year(desk, y) {
  if (!years.has(y)) {
    const answer = await desk.authed('GET', `api/v1/calendar/${y}`);
    if (answer === null || !answer.ok) {
      return answer;
    }
    years.set(y, answer.body);
  }
  return { ok: true, body: years.get(y) };
}

function minutes(time) {
  const [hh, mm] = String(time).split(':').map((n) => Number.parseInt(n, 10));
  return hh * 60 + (mm || 0);
}

/** The office's hours: {dayHours, cutOff ('15:00')}, from this year's calendar. */
export async function officeHours(desk) {
  const answer = await year(desk, new Date().getFullYear());
  if (answer === null || !answer.ok) {
    return answer;
  }
  const sessions = answer.body.officeHours || [];
  const dayMinutes = sessions.reduce((sum, s) => sum + minutes(s.end) - minutes(s.start), 0);
  return { ok: true, body: { dayHours: dayMinutes / 60, cutOff: String(answer.body.cutOff || '').substring(0, 5) } };
}

/** The appointment date for hours of work from `from` (an ISO time; omitted: the gateway's now). */
export function previewDue(desk, hours, from) {
  const params = new URLSearchParams({ hours: String(hours) });
  if (from) {
    params.set('from', from);
  }
  return desk.authed('GET', `api/v1/calendar/due?${params}`);
}

/**
 * The appointment intake gives a dossier of procedureCode received now by agencyCode, and why
 * (reason WORKING_CALENDAR or GOLDEN_DAY, explanation, explanationEn): the calculation intake makes.
 */
export function previewIntakeDue(desk, procedureCode, agencyCode) {
  return desk.authed('GET', `api/v1/calendar/due?${new URLSearchParams({ procedureCode, agencyCode })}`);
}

/**
 * Days off after `fromIso` up to `toIso`, consecutive ones of one holiday together ("Tết Nguyên đán
 * (mùng 1)", "(mùng 2)"… are one Tết): [{name, first, last}] (dd/MM/yyyy).
 */
export async function daysOffBetween(desk, fromIso, toIso) {
  const from = formatIso(fromIso);
  const to = formatIso(toIso);
  const groups = [];
  for (let y = Number(from.substring(0, 4)); y <= Number(to.substring(0, 4)); y += 1) {
    const answer = await year(desk, y);
    if (answer === null || !answer.ok) {
      return [];
    }
    for (const day of answer.body.daysOff || []) {
      const name = String(day.name).replace(/\s*\(.*\)$/, '');
      if (day.date > from && day.date <= to) {
        const last = groups[groups.length - 1];
        if (last && last.name === name) {
          last.last = day.date;
        } else {
          groups.push({ name, first: day.date, last: day.date });
        }
      }
    }
  }
  return groups.map((g) => ({ name: g.name, first: formatDate(`${g.first}T12:00:00+07:00`),
    last: formatDate(`${g.last}T12:00:00+07:00`) }));
}

/** yyyy-MM-dd of an ISO time in Vietnam. */
function formatIso(iso) {
  const [d, m, y] = formatDate(iso).split('/');
  return `${y}-${m}-${d}`;
}
