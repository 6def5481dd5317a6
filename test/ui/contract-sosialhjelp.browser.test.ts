// The field contract (contract.browser.test.ts) on the real application, søknad om økonomisk
// sosialhjelp, in a file of its own: the runner gives each file two minutes.
export {};
(globalThis as { klarContractForms?: string[] }).klarContractForms = ['sosialhjelp'];
await import('./contract.browser.test.ts');
