// Builds DOM nodes. Every text goes in as a text node, never as markup: names of migrations, SQL and
// error messages come from files and the database.

/**
 * el('td', {className: 'num', dataset: {label: 'Version'}}, 'text', childNode)
 * Props: className, dataset, hidden, or any attribute (set with setAttribute). Children: strings
 * (text nodes), nodes, null/undefined (skipped) or arrays of these.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'hidden') {
      node.hidden = true;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else if (child instanceof Node) {
      node.append(child);
    } else {
      node.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of {@code node}. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Sets the text of the element with id {@code id}; '–' for nothing. */
export function text(id, value) {
  document.getElementById(id).textContent = value === null || value === undefined || value === '' ? '–' : String(value);
}

const pad = (n) => String(n).padStart(2, '0');

/** An ISO-8601 instant in local time, 2026-11-01 14:03:07; '–' for nothing. */
export function time(iso) {
  if (!iso) {
    return '–';
  }
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A <time> element for an ISO-8601 instant. */
export function timeEl(iso) {
  return iso ? el('time', { datetime: iso }, time(iso)) : '–';
}

/** Milliseconds as 850 ms, 3.2 s or 4 min 5 s. */
export function duration(ms) {
  if (ms === null || ms === undefined) {
    return '–';
  }
  if (ms < 1000) {
    return `${ms} ms`;
  }
  if (ms < 60000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
