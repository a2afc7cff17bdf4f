// The schema console: the status live from GET /admin/db/events, the pending migrations with their phase
// and SQL, the history and the audit paged, and for an admin the Upgrade button, which applies the pending
// expand migrations only: contract ones wait for `db upgrade --phase contract` (docs/zero-downtime.md).
// Every text from the service is inserted as text (dom.js), never as markup.

import { getJson, getText, post, statusEvents } from './api.js';
import { duration, el, fill, text, timeEl } from './dom.js';
import { PagedTable } from './paged-table.js';

const $ = (id) => document.getElementById(id);

const MEANING = {
  UP_TO_DATE: 'Every migration of this code that an upgrade applies is applied.',
  PENDING: 'Migrations of this code wait to be applied.',
  MIGRATING: 'A migration is running.',
  FAILED: 'A migration failed and is recorded as failed: repair it before upgrading.',
  DRIFT: 'An applied migration no longer matches its script, or its script is gone.',
  AHEAD: 'The schema has migrations newer than this code (a newer release applied them).',
  UNKNOWN: 'The database did not answer at the last check.',
};

const STARTUP_WAIT = {
  WAITING_FOR_DATABASE: 'This instance\'s startup migration is waiting for the database.',
  WAITING_FOR_LOCK: 'This instance\'s startup migration is waiting for the migration lock.',
};

/** How the service tells a contract migration; the only other phase is expand. */
const CONTRACT = 'contract';
const CONTRACT_COMMAND = 'db upgrade --phase contract';

/** The last status received, the pending migrations shown (both phases), and what the caller may do. */
let status = null;
let pending = [];
let mayUpgrade = false;
let upgrading = false;
/** Another process's migration as this page first saw it: its lock holder's pid, and how much was pending then. */
let elsewhere = null;
/** What the lists were last loaded for: they reload when it changes. */
let listsKey = null;
/** SQL fetched per script, and the scripts whose SQL is shown. */
const sqlTexts = new Map();
const sqlOpen = new Set();

const history = new PagedTable($('history'), {
  path: 'history',
  noun: 'history rows',
  columns: [
    { label: 'Version', cell: (e) => e.version ?? '(repeatable)', className: 'num' },
    { label: 'Description', cell: (e) => e.description, className: 'name' },
    { label: 'Phase', cell: (e) => e.phase ?? '–' },
    { label: 'Installed', cell: (e) => timeEl(e.installedOn) },
    { label: 'By', cell: (e) => e.installedBy },
    { label: 'Took', cell: (e) => duration(e.executionTimeMs), className: 'num' },
    { label: 'Result', cell: (e) => outcome(e.success ? 'success' : 'failed') },
  ],
});

const audit = new PagedTable($('audit'), {
  path: 'audit',
  noun: 'audit entries',
  columns: [
    { label: 'When', cell: (e) => timeEl(e.at) },
    { label: 'Action', cell: (e) => e.action },
    { label: 'Via', cell: (e) => e.entryPoint },
    { label: 'Who', cell: (e) => (e.host ? `${e.actor} on ${e.host}` : e.actor), className: 'name' },
    { label: 'Versions', cell: (e) => `${e.fromVersion ?? '∅'} → ${e.toVersion ?? '∅'}` },
    { label: 'Migrations', cell: (e) => e.migrations, className: 'num' },
    { label: 'Took', cell: (e) => duration(e.durationMs), className: 'num' },
    { label: 'Result', cell: (e) => [outcome(e.result), e.error ? el('span', { className: 'error-text' }, e.error) : null] },
  ],
});

function outcome(word) {
  return el('span', { className: `outcome outcome-${word === 'success' ? 'ok' : 'bad'}` }, word);
}

/** One phrase naming a lock holder, as the service's own messages do. */
function holderText(holder) {
  const who = holder.applicationName ? holder.applicationName : 'an unnamed session';
  return `${who} (pid ${holder.pid}${holder.clientAddress ? `, from ${holder.clientAddress}` : ''})`;
}

/** What POST upgrade applies: the pending expand migrations. Contract ones run after the rollout. */
function upgradable() {
  return pending.filter((m) => m.phase !== CONTRACT);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One phrase naming a connected release that blocks the contract phase. */
function releaseText(release) {
  const knows = release.codeVersion ? `its code knows up to V${release.codeVersion}` : 'its code names no version';
  return `${release.applicationName} (${knows}; ${plural(release.connections, 'connection')})`;
}

/** Where the contract phase stands: nothing pending, ready to run, or waiting for older releases to leave. */
function contractText(s) {
  const n = s.pendingContractCount ?? 0;
  if (n === 0) {
    return 'nothing pending';
  }
  const blockers = s.contractBlockedBy ?? [];
  return blockers.length === 0
    ? `${plural(n, 'contract migration')} pending; no connected release blocks ${CONTRACT_COMMAND}`
    : `${plural(n, 'contract migration')} pending, blocked by ${blockers.map(releaseText).join('; ')}: `
      + `${CONTRACT_COMMAND} waits until ${blockers.length === 1 ? 'it disconnects' : 'they disconnect'}`;
}

function migrationLabel(m) {
  return m.version ? `V${m.version} ${m.description}` : `${m.description} (repeatable)`;
}

// ---- status -------------------------------------------------------------------------------------

function renderStatus(s) {
  status = s;
  const state = $('state');
  state.textContent = s.state;
  state.dataset.state = s.state;
  const contractPending = s.pendingContractCount ?? 0;
  $('state-meaning').textContent = [MEANING[s.state] ?? '', contractPending > 0
    ? `${plural(contractPending, 'contract migration')} wait${contractPending === 1 ? 's' : ''} for the contract phase (${CONTRACT_COMMAND}), after the rollout.`
    : ''].filter(Boolean).join(' ');
  renderProgress(s);

  text('current-version', s.currentVersion ?? 'none (empty schema)');
  text('latest-version', s.latestKnownVersion);
  text('pending-count', s.pendingCount);
  text('pending-contract-count', s.pendingContractCount);
  text('contract-blocked-by', contractText(s));
  text('applied-count', s.appliedCount);
  text('database-version', s.databaseVersion ? `PostgreSQL ${s.databaseVersion}` : null);
  fill($('last-applied'), s.lastApplied
    ? [migrationLabel(s.lastApplied), el('br'), el('small', {}, timeEl(s.lastApplied.installedOn))]
    : '–');
  fill($('lock-holder'), s.lockHolder
    ? [holderText(s.lockHolder), el('br'), el('small', {}, 'since ', timeEl(s.lockHolder.since))]
    : 'nobody');

  const problem = $('problem');
  problem.hidden = s.databaseReachable;
  problem.textContent = s.databaseReachable ? '' : `The database did not answer: ${s.problem ?? 'no reason given'}`;
  renderUpgradeButton();

  const key = [s.state, s.currentVersion, s.pendingCount, s.pendingContractCount, s.appliedCount, s.failedCount].join('|');
  if (key !== listsKey) {
    listsKey = key;
    loadLists();
  }
}

/**
 * This instance's migration reports its own progress (k of N). Another process's shows through the
 * schema history: of what was pending when this page first saw it migrating, how much is applied now.
 */
function renderProgress(s) {
  const box = $('progress-box');
  const bar = $('progress');
  let line = null;
  let done = null;
  let total = null;
  if (s.progress) {
    ({ done, total } = s.progress);
    const who = s.startupMigration ? 'This instance\'s startup migration' : 'This instance';
    line = s.progress.current
      ? `${who} is applying ${done + 1} of ${total}: ${s.progress.current}`
      : `${who} has applied ${done} of ${total}`;
    elsewhere = null;
  } else if (s.startupMigration && STARTUP_WAIT[s.startupMigration.phase]) {
    line = STARTUP_WAIT[s.startupMigration.phase];
  } else if (s.state === 'MIGRATING' && s.lockHolder) {
    if (!elsewhere || elsewhere.pid !== s.lockHolder.pid) {
      elsewhere = { pid: s.lockHolder.pid, total: s.pendingCount };
    }
    total = elsewhere.total;
    done = Math.max(0, total - s.pendingCount);
    line = total > 0
      ? `${holderText(s.lockHolder)} is migrating: ${done} of ${total} pending migrations applied so far`
        + (upgradable().length > 0 ? `; next: ${upgradable()[0].script}` : '')
      : `${holderText(s.lockHolder)} holds the migration lock (migrations this code does not know, or none)`;
  } else {
    elsewhere = null;
  }
  box.hidden = line === null;
  $('progress-text').textContent = line ?? '';
  if (total) {
    bar.max = total;
    bar.value = done;
  } else {
    bar.removeAttribute('value'); // indeterminate
  }
}

// ---- lists --------------------------------------------------------------------------------------

function loadLists() {
  loadPending();
  history.load();
  audit.load();
}

async function loadPending() {
  try {
    const answer = await getJson('pending');
    pending = answer.migrations;
    renderPending();
  } catch (error) {
    pending = [];
    fill($('pending-list'));
    const empty = $('pending-empty');
    empty.hidden = false;
    empty.textContent = `Could not load the pending migrations: ${error.message}`;
  }
  if (status) {
    renderProgress(status);
  }
  renderUpgradeButton();
}

function renderPending() {
  const empty = $('pending-empty');
  empty.hidden = pending.length > 0;
  empty.textContent = 'Nothing pending: every migration of this code is applied.';
  fill($('pending-list'), pending.map((m, i) => pendingItem(m, i)));
}

function pendingItem(m, index) {
  const sqlId = `sql-${index}`;
  const pre = el('pre', { id: sqlId, className: 'sql', hidden: !sqlOpen.has(m.script), tabindex: '0' });
  const toggle = el('button', { type: 'button', className: 'small', 'aria-expanded': String(sqlOpen.has(m.script)), 'aria-controls': sqlId });
  const setLabel = () => fill(toggle, sqlOpen.has(m.script) ? 'Hide SQL' : 'Show SQL', el('span', { className: 'visually-hidden' }, ` of ${m.script}`));
  setLabel();
  if (sqlOpen.has(m.script)) {
    showSql(m.script, pre);
  }
  toggle.addEventListener('click', () => {
    if (sqlOpen.has(m.script)) {
      sqlOpen.delete(m.script);
      pre.hidden = true;
    } else {
      sqlOpen.add(m.script);
      pre.hidden = false;
      showSql(m.script, pre);
    }
    toggle.setAttribute('aria-expanded', String(sqlOpen.has(m.script)));
    setLabel();
  });
  const contract = m.phase === CONTRACT;
  return el('li', { className: 'migration' },
    el('div', { className: 'migration-head' },
      el('span', { className: 'version' }, m.version ? `V${m.version}` : 'R'),
      el('span', { className: 'description' }, m.description),
      m.phase ? el('span', { className: `phase phase-${contract ? 'contract' : 'expand'}` }, m.phase) : null,
      toggle),
    el('div', { className: 'script' }, m.script, m.type && m.type !== 'SQL' ? ` · ${m.type}` : null),
    contract
      ? el('p', { className: 'phase-note' }, `Not applied by Upgrade: ${CONTRACT_COMMAND} applies it after the rollout, `
        + 'once no older release is connected.')
      : null,
    pre);
}

async function showSql(script, pre) {
  if (sqlTexts.has(script)) {
    pre.textContent = sqlTexts.get(script);
    return;
  }
  pre.textContent = 'Loading…';
  try {
    const sql = await getText(`pending/sql?script=${encodeURIComponent(script)}`);
    sqlTexts.set(script, sql);
    pre.textContent = sql;
  } catch (error) {
    pre.textContent = `Could not load the SQL: ${error.message}`;
  }
}

// ---- upgrade (admin) ----------------------------------------------------------------------------

function renderUpgradeButton() {
  const button = $('upgrade');
  button.hidden = !mayUpgrade;
  button.disabled = upgrading || upgradable().length === 0;
  button.textContent = upgrading ? 'Upgrading…' : 'Upgrade schema';
}

/** The dialog lists what POST upgrade applies, and says which pending contract migrations it leaves alone. */
function confirmUpgrade() {
  const applies = upgradable();
  const waiting = pending.filter((m) => m.phase === CONTRACT);
  $('confirm-text').textContent = applies.length === 1
    ? 'This applies the pending migration below, in its own transaction, under the migration lock:'
    : `This applies the ${applies.length} pending migrations below, in this order, each in its own transaction, under the migration lock:`;
  fill($('confirm-list'), applies.map((m) => el('li', {}, el('span', { className: 'script' }, m.script))));
  const note = $('confirm-contract');
  note.hidden = waiting.length === 0;
  note.textContent = waiting.length === 0 ? ''
    : `It does not apply the pending contract migration${waiting.length === 1 ? '' : 's'} `
      + `${waiting.map((m) => m.script).join(', ')}: ${CONTRACT_COMMAND} applies `
      + `${waiting.length === 1 ? 'it' : 'them'} after the rollout, once no older release is connected.`;
  $('confirm').showModal();
}

async function upgrade() {
  $('confirm').close();
  upgrading = true;
  renderUpgradeButton();
  const result = $('upgrade-result');
  fill(result, el('p', { className: 'notice' }, 'Upgrade requested…'));
  try {
    showApplied(await post('upgrade'));
  } catch (error) {
    showRefusal(error);
  } finally {
    upgrading = false;
    renderUpgradeButton();
    loadLists();
  }
}

function showApplied(answer) {
  const result = $('upgrade-result');
  if (answer.applied.length === 0) {
    fill(result, el('p', { className: 'notice ok' }, `Nothing to apply: the schema is at version ${answer.toVersion ?? 'none'}.`));
    return;
  }
  const n = answer.applied.length;
  fill(result,
    el('p', { className: 'notice ok' },
      `Applied ${n} migration${n === 1 ? '' : 's'} in ${duration(answer.totalTimeMs)}, `
      + `from version ${answer.fromVersion ?? 'none'} to ${answer.toVersion}:`),
    el('ol', { className: 'applied' }, answer.applied.map((a) =>
      el('li', {}, el('span', { className: 'script' }, a.script), ` · ${duration(a.executionTimeMs)}`))));
}

function showRefusal(error) {
  const p = error.problem ?? {};
  let message;
  if (error.status === 409) {
    message = p.lockHolder
      ? `Refused: the migration lock is held by ${holderText(p.lockHolder)}. Nothing was applied; try again once it is done.`
      : `Refused: ${error.message}`;
  } else if (p.sqlState) {
    message = `Migration ${p.script} failed (SQL state ${p.sqlState}): ${p.sqlMessage}. `
      + 'It was rolled back; the migrations before it stay applied.';
  } else {
    message = `Upgrade failed (HTTP ${error.status ?? '?'}): ${error.message}`;
  }
  fill($('upgrade-result'), el('p', { className: 'notice error', role: 'alert' }, message));
}

// ---- start --------------------------------------------------------------------------------------

$('upgrade').addEventListener('click', confirmUpgrade);
$('confirm-cancel').addEventListener('click', () => $('confirm').close());
$('confirm-upgrade').addEventListener('click', upgrade);

getJson('me').then((me) => {
  mayUpgrade = me.mayUpgrade;
  $('who').textContent = `Signed in as ${me.user} (${me.roles.join(', ')})`;
  renderUpgradeButton();
}).catch((error) => {
  $('who').textContent = `Account unknown: ${error.message}`;
});

statusEvents(renderStatus, (live) => {
  const connection = $('connection');
  connection.dataset.live = String(live);
  connection.textContent = live ? 'Live' : 'Reconnecting…';
});
