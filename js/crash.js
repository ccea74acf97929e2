// The crash fallback: if the app's WebAssembly ever traps, this plain script (it needs
// no wasm) says so and offers every stored draft as one backup file, read straight from
// localStorage, in the format of src/storage/backup.rs, so the library's "Restore from
// backup" takes it back.
//
// What counts as a crash: an uncaught WebAssembly.RuntimeError (a Rust panic aborts to
// `unreachable`, and so does running out of memory), or any other uncaught error whose
// stack passes through the app's wasm (an exception that unwound Rust code, which then
// ran none of its clean-up). Either way the app's state can no longer be trusted, so the
// fallback never waits to see whether the app "survived" (docs/decisions.md §22).
// Errors of plain scripts, and failures the app catches and reports itself (a lazy
// screen that cannot load, the formats worker), never show it. This file knows nothing
// of how the app is loaded.
(() => {
  'use strict';

  const DRAFT_PREFIX = 'model-card-studio/v1/draft/';
  const BACKUP_FORMAT = 'model-card-studio/backup';
  const BACKUP_NAME = 'model-card-studio-backup.json';
  /** A wasm frame in a stack: Chromium and Firefox write `wasm-function[n]`, Safari `[wasm code]`. */
  const WASM_FRAME = /wasm-function\[|\[wasm code\]/;

  let shown = false;

  function isCrash(error) {
    if (typeof WebAssembly !== 'object' || !error) return false;
    if (error instanceof WebAssembly.RuntimeError) return true;
    return error instanceof Error && WASM_FRAME.test(String(error.stack ?? ''));
  }

  window.addEventListener('error', (event) => isCrash(event.error) && show(event.error));
  window.addEventListener('unhandledrejection', (event) => isCrash(event.reason) && show(event.reason));

  /** Every stored draft's text, as it is stored. */
  function storedDrafts() {
    const storage = window.localStorage;
    if (!storage) throw new Error('this browser gives the app no storage');
    const texts = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key && key.startsWith(DRAFT_PREFIX)) texts.push(storage.getItem(key) ?? '');
    }
    return texts;
  }

  /**
   * The backup file. Each record goes in as the exact text stored, so nothing is
   * reformatted or rounded; one that is not JSON goes in as a string, which the restore
   * lists as skipped instead of losing it.
   */
  function backup(texts) {
    let schema = 0;
    const drafts = texts.map((text) => {
      try {
        const record = JSON.parse(text);
        if (typeof record?.schema_version === 'number') schema = Math.max(schema, record.schema_version);
        return text;
      } catch {
        return JSON.stringify(text);
      }
    });
    const head = `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "schema_version": ${schema},\n  "created_at": ${Date.now()},\n  "drafts": [`;
    return `${head}${drafts.length ? `\n    ${drafts.join(',\n    ')}\n  ` : ''}]\n}\n`;
  }

  function download(text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = BACKUP_NAME;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function show(error) {
    if (shown) return;
    shown = true;
    document.documentElement.dataset.mcsCrashed = 'true';
    let stored;
    let readable = true;
    try {
      const count = storedDrafts().length;
      stored = count === 1 ? '1 draft is stored in this browser.' : `${count} drafts are stored in this browser.`;
    } catch (reason) {
      readable = false;
      stored = `No draft can be read from this browser's storage (${reason.message}).`;
    }
    const said = element('p', { class: 'crash-said', role: 'status' });
    const save = element('button', { type: 'button' }, 'Download all drafts');
    save.addEventListener('click', () => {
      try {
        download(backup(storedDrafts()));
        said.textContent = `Downloaded ${BACKUP_NAME}. In the library, “Restore from backup” takes it back.`;
      } catch (reason) {
        said.textContent = `Could not download the drafts: ${reason.message}.`;
      }
    });
    const reload = element('button', { type: 'button', class: readable ? 'secondary' : '' }, 'Reload the page');
    reload.addEventListener('click', () => location.reload());
    const explanation = readable
      ? [
          'An error inside the app stopped it, so it no longer responds. Your drafts are safe in this browser as they were last saved: ',
          'download them all as one backup file now, then reload the page. The library’s “Restore from backup” takes the file back, in this browser or another. ',
          'Edits made in the last moment before the error may not have been saved.',
        ]
      : [
          'An error inside the app stopped it, so it no longer responds. This browser gives the app no storage, so nothing was saved in it: ',
          'copy any text you still need from the page before you reload it.',
        ];
    const dialog = element(
      'dialog',
      { class: 'dialog crash-fallback', 'aria-labelledby': 'crash-title', 'aria-describedby': 'crash-text', 'data-testid': 'crash-fallback' },
      element('h2', { id: 'crash-title' }, 'Model Card Studio has stopped working'),
      element('p', { id: 'crash-text' }, ...explanation),
      element('p', {}, stored),
      element('div', { class: 'dialog-actions' }, ...(readable ? [save, reload] : [reload])),
      said,
      element('details', {}, element('summary', {}, 'Technical details'), element('code', {}, String(error))),
    );
    // Escape must not hide the only way out.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    // A modal dialog of the app would keep this one inert behind it.
    for (const open of document.querySelectorAll('dialog[open]')) open.close();
    document.body.append(dialog);
    dialog.showModal();
    (readable ? save : reload).focus();
  }
})();
