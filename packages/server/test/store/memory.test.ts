// The store contract on the in-memory adapter.
import { createMemoryStore } from '../../src/store/memory/index.js';
import { storeContract } from './contract.js';

storeContract('memory', () => Promise.resolve(createMemoryStore()));
