// A table of one page of a paginated endpoint ({entries, limit, offset, total}), with Newer/Older buttons.
// Below 40rem of width each row becomes a card of label/value lines (see console.css).

import { getJson } from './api.js';
import { el, fill } from './dom.js';

export class PagedTable {
  /**
   * @param container where the table goes
   * @param path      the endpoint, e.g. 'history'
   * @param noun      what a row is, plural, for the captions: 'history rows'
   * @param columns   [{label, cell: (entry) => string | Node, className}]
   */
  constructor(container, { path, noun, columns, pageSize = 10 }) {
    this.container = container;
    this.path = path;
    this.noun = noun;
    this.columns = columns;
    this.pageSize = pageSize;
    this.offset = 0;
    this.loading = null;
    this.focusAfter = null;
  }

  /** Loads the page at offset (default: the one shown), rendering it or the error. */
  async load(offset = this.offset) {
    const request = getJson(`${this.path}?limit=${this.pageSize}&offset=${offset}`);
    this.loading = request;
    try {
      const page = await request;
      if (this.loading === request) {
        this.offset = page.offset;
        this.render(page);
      }
    } catch (error) {
      if (this.loading === request) {
        fill(this.container, el('p', { className: 'notice error' }, `Could not load the ${this.noun}: ${error.message}`));
      }
    }
  }

  render(page) {
    if (page.total === 0) {
      fill(this.container, el('p', { className: 'empty' }, `No ${this.noun} yet.`));
      return;
    }
    if (page.entries.length === 0 && page.offset > 0) {
      // The page shown no longer exists (rows went away): show the last one there is.
      this.load(Math.max(0, page.total - this.pageSize));
      return;
    }
    const first = page.offset + 1;
    const last = page.offset + page.entries.length;
    const head = el('thead', {}, el('tr', {}, this.columns.map((c) => el('th', { scope: 'col' }, c.label))));
    const body = el('tbody', {}, page.entries.map((entry) => el('tr', {}, this.columns.map((c) =>
      el('td', { className: c.className, dataset: { label: c.label } }, el('span', {}, c.cell(entry)))))));
    const newer = el('button', { type: 'button', disabled: page.offset === 0 }, 'Newer');
    const older = el('button', { type: 'button', disabled: last >= page.total }, 'Older');
    newer.addEventListener('click', () => this.turn('newer', Math.max(0, page.offset - this.pageSize)));
    older.addEventListener('click', () => this.turn('older', page.offset + this.pageSize));
    fill(this.container,
      el('table', { className: 'rows' }, head, body),
      el('nav', { className: 'pager', 'aria-label': `${this.noun} pages` },
        newer, el('span', { className: 'range' }, `${first}–${last} of ${page.total}`), older));
    // The buttons were replaced: a keyboard user keeps their place.
    if (this.focusAfter) {
      const wanted = this.focusAfter === 'newer' ? newer : older;
      (wanted.disabled ? (wanted === newer ? older : newer) : wanted).focus();
      this.focusAfter = null;
    }
  }

  turn(direction, offset) {
    this.focusAfter = direction;
    this.load(offset);
  }
}
