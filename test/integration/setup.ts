// The renderer's database runs in Node here: IndexedDB comes from fake-indexeddb.
import 'fake-indexeddb/auto';
