// The field contract (contract.browser.test.ts) on an activity in the activity plan, in a file of its
// own: the runner gives each file two minutes.
export {};
(globalThis as { klarContractForms?: string[] }).klarContractForms = ['aktivitet'];
await import('./contract.browser.test.ts');
