// Keeps the open reports (name + text) and the active one in this browser's
// IndexedDB, so work survives a reload. Nothing is sent anywhere.
const DB = 'reportlens';
let dbPromise = null;

function open() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('docs', { keyPath: 'id' });
        req.result.createObjectStore('kv');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbPromise;
}

async function tx(store, mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    const out = fn(t.objectStore(store));
    t.oncomplete = () => resolve(out && 'result' in out ? out.result : undefined);
    t.onerror = () => reject(t.error);
  });
}

export async function loadAll() {
  try {
    const docs = await tx('docs', 'readonly', (s) => s.getAll());
    const state = await tx('kv', 'readonly', (s) => s.get('state'));
    return { docs: (docs || []).sort((a, b) => a.order - b.order), state: state || null };
  } catch {
    return { docs: [], state: null };
  }
}

export function saveDoc(doc) {
  return tx('docs', 'readwrite', (s) => s.put({ id: doc.id, name: doc.name, text: doc.text, order: doc.order }))
    .catch(() => {});
}

export function deleteDoc(id) {
  return tx('docs', 'readwrite', (s) => s.delete(id)).catch(() => {});
}

export function clearDocs() {
  return tx('docs', 'readwrite', (s) => s.clear()).catch(() => {});
}

export function saveState(state) {
  return tx('kv', 'readwrite', (s) => s.put(state, 'state')).catch(() => {});
}
