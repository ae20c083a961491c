import { escapeHtml as h } from '../../shared/html/escapeHtml';
import type { Messages } from '../../shared/i18n/sv';
import { activityRuns, groupCell, runPlace, type ActivityRuns } from '../../shared/plan/activityRuns';
import { cardActivity, cardLabel, noteWorthShowing } from '../../shared/plan/cardText';
import type { DirectionView, ItemView } from '../../shared/plan/schema';
import { STATUSES } from '../../shared/plan/types';

// The board as HTML, drawn by the server into the page so that the plan shows before any
// script has run. The markup and class names are those of the browser's read-only board
// (client/board): the same stylesheet lays both out, and when the app has drawn its own
// board in place of this one nothing moves. Every card is here, for find-in-page and
// screen readers; the controls come with the app. Ids carry a prefix of their own,
// because the app's board is built beside this one before it takes its place.

export interface BoardPage {
  title: string;
  subtitle: string;
  directions: DirectionView[];
  /** Live items in plan order. */
  items: ItemView[];
}

const ID = 'prepaint-';

function card(item: ItemView, runs: ActivityRuns, showActivity: boolean, t: Messages): string {
  const place = runPlace(runs, item.id);
  const activity = cardActivity(item);
  const placeId = `${ID}place-${item.id}`;
  const parts = [`<article class="card" aria-label="${h(cardLabel(item, showActivity))}"${place ? ` aria-describedby="${placeId}"` : ''} data-item-id="${h(item.id)}">`];
  parts.push('<div class="card-head">');
  if (item.priority !== null) parts.push(`<span class="priority-badge priority-${item.priority}" title="${h(t.fields.priority)}">${h(t.priorityShort(item.priority))}</span>`);
  parts.push('</div>');
  if (place) {
    const name = `<span${showActivity ? '' : ' class="sr-only"'}>${h(activity)} · </span>`;
    parts.push(`<div class="run-tag"><span id="${placeId}">${name}${h(t.run.place(place.row, place.of))}</span></div>`);
  }
  if (showActivity) parts.push(`<h3 class="card-title">${h(item.activity)}</h3>`);
  else if (item.how) parts.push(`<p class="card-how card-how-lead">${h(item.how)}</p>`);
  if (showActivity && item.how) parts.push(`<p class="card-how">${h(item.how)}</p>`);
  if (item.who.length > 0) parts.push(`<ul class="chips" aria-label="${h(t.fields.who)}">${item.who.map((name) => `<li class="chip">${h(name)}</li>`).join('')}</ul>`);
  if (item.when) {
    parts.push(`<p class="card-when"><span class="card-icon card-icon-when card-icon-small" aria-hidden="true"></span><span class="sr-only">${h(t.fields.when)}: </span>${h(item.when)}</p>`);
  }
  if (noteWorthShowing(item)) parts.push(`<p class="card-note"><span class="sr-only">${h(t.fields.statusNote)}: </span>${h(item.statusNote)}</p>`);
  parts.push(`<p class="card-status">${h(t.statuses[item.status])}</p></article>`);
  return parts.join('');
}

function group(items: ItemView[], runs: ActivityRuns, t: Messages): string {
  if (items.length === 1) return card(items[0], runs, true, t);
  const activity = items[0].activity;
  const cards = items.map((item) => card(item, runs, false, t)).join('');
  return `<section class="activity-group" aria-label="${h(t.groupLabel(activity, items.length))}"><h3 class="activity-group-title">${h(activity)}</h3>${cards}</section>`;
}

function lane(direction: DirectionView, items: ItemView[], runs: ActivityRuns, t: Messages): string {
  const headingId = `${ID}lane-${direction.id}`;
  const cells = STATUSES.map((status) => {
    const label = t.cellLabel(t.statuses[status], direction.title);
    const groups = groupCell(
      items.filter((i) => i.status === status),
      runs.runOf,
    );
    return (
      `<div class="board-cell status-${status}" role="group" aria-label="${h(label)}">` +
      `<span class="cell-status-label" aria-hidden="true">${h(t.statuses[status])}</span>${groups.map((g) => group(g, runs, t)).join('')}</div>`
    );
  });
  return (
    `<section class="lane" aria-labelledby="${headingId}"><header class="lane-head"><h2 id="${headingId}" class="lane-title">${h(direction.title)}</h2>` +
    `<span class="lane-count">${h(t.itemCount(items.length))}</span></header><div class="lane-cells">${cells.join('')}</div></section>`
  );
}

/** The page's header and board, as the app shows them to a reader before its controls arrive. */
export function boardHtml(page: BoardPage, t: Messages): string {
  const runs = activityRuns(page.items);
  const heads = STATUSES.map((status) => {
    const count = page.items.filter((i) => i.status === status).length;
    return `<div class="board-column-head status-${status}"><span>${h(t.statuses[status])}</span><span class="count">${count}</span></div>`;
  });
  const lanes = page.directions.map((d) =>
    lane(
      d,
      page.items.filter((i) => i.directionId === d.id),
      runs,
      t,
    ),
  );
  const subtitle = page.subtitle ? `<span class="app-subtitle">${h(page.subtitle)}</span>` : '';
  return (
    `<header class="app-header"><div class="app-title"><span class="app-name">${h(t.appName)}</span><h1>${h(page.title)}</h1>${subtitle}</div></header>` +
    `<main class="plan-main"><section class="board" aria-label="${h(t.board)}"><div class="board-columns" aria-hidden="true">${heads.join('')}</div>${lanes.join('')}</section></main>`
  );
}
