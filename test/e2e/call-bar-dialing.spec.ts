import { expect, test, type Page } from '@playwright/test';
import { startLabWebShell, type LabWebShell } from './lab-web-shell';
import { openReady as openWorkspace, wrapUp } from './workspace-page';

// The call bar's second-line tools against the lab Kamailio and SIPp: attended transfer (consult, then join),
// a new caller added from the pop, and click-to-dial that carries the customer to the PBX.
const agent = { extension: '3101', password: 'e2e-secret-3101' };
let lab: LabWebShell;

test.beforeAll(async () => {
  lab = await startLabWebShell(agent);
});
test.afterAll(async () => {
  await lab?.stop();
});

const openReady = (page: Page) => openWorkspace(page, lab.shell.url, agent.extension);

test('attended transfer: consult while the customer is held, then complete; the customer is joined with Replaces', async ({ page }) => {
  const state = await openReady(page);
  const run = await lab.customer.talk({ caller: '+8613800000010', callerName: 'Consult me', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');

  const colleague = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 300);
  await page.getByText('Transfer', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Extension or number' }).fill('2002');
  await page.getByRole('button', { name: 'Consult first' }).click();
  const consult = page.getByTestId('consult');
  await expect(consult).toHaveText(/^Consulting 2002 · on the line/);
  await page.screenshot({ path: 'test-results/workspace-consult-en.png' });
  // The customer's hold was confirmed by the PBX before the second call went out.
  await expect(page.getByTestId('hold-state')).toHaveText('On hold');
  await consult.getByRole('button', { name: 'Complete transfer' }).click();
  await expect(page.getByTestId('transfer-progress')).toHaveText('Transferred to 2002');
  await expect(consult).toHaveCount(0);
  expect((await run.done).code).toBe(0);
  expect((await colleague.done).code).toBe(0);
  expect(run.logged().find((l) => l.startsWith('REFER'))).toMatch(/Replaces=/);
  await wrapUp(page);
  await expect(state).toHaveValue('ready');
});

test('a consultation can be ended: the customer stays, held, and the agent resumes', async ({ page }) => {
  await openReady(page);
  const run = await lab.customer.talk({ caller: '+8613800000011', callerName: 'Stay with me', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  const colleague = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 100);
  await page.getByText('Transfer', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Extension or number' }).fill('2003');
  await page.getByRole('button', { name: 'Consult first' }).click();
  const consult = page.getByTestId('consult');
  await expect(consult).toContainText('on the line');
  await consult.getByRole('button', { name: 'End consultation' }).click();
  await expect(consult).toHaveCount(0);
  expect((await colleague.done).code).toBe(0);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('hold-state')).toHaveCount(0);
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);
});

test('a new caller is added from the pop, then called back with click-to-dial carrying the new customer id', async ({ page }) => {
  await openReady(page);
  const run = await lab.customer.talk({ caller: '+8613900000021', callerName: 'Li Lei', agent: agent.extension });
  const pop = page.getByTestId('screen-pop');
  await expect(pop.getByTestId('customer-name')).toHaveText('New caller');
  await page.getByRole('button', { name: 'Answer' }).click();

  await pop.getByText('Add this caller').click();
  const form = pop.getByRole('form', { name: 'Add this caller' });
  await expect(form.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+8613900000021');
  await form.getByRole('button', { name: 'Save customer' }).click();
  await expect(form.getByRole('alert')).toHaveText('Enter the name the caller gave.');
  await page.screenshot({ path: 'test-results/workspace-new-caller-en.png' });
  await form.getByRole('textbox', { name: 'Name' }).fill('李雷');
  await form.getByRole('textbox', { name: 'Phone number' }).fill('12345');
  await form.getByRole('button', { name: 'Save customer' }).click();
  // Passes the form's shape check; main refuses it as not a phone number in this region.
  await expect(form.getByRole('alert')).toHaveText('Enter a phone number the customer can be reached on (digits, +, spaces).');
  await form.getByRole('textbox', { name: 'Phone number' }).fill('+86 139 0000 0021');
  await form.getByRole('combobox', { name: 'Preferred language' }).selectOption('zh-CN');
  await form.getByRole('button', { name: 'Save customer' }).click();
  await expect(pop.getByTestId('customer-name')).toHaveText('李雷');
  await expect(pop).toContainText('Preferred language: 简体中文');
  const customerId = /NEW-\d{8}-[0-9A-F]{8}/.exec(await pop.innerText())![0];

  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await run.done).code).toBe(0);
  await wrapUp(page);

  const phone = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 200);
  await pop.getByRole('button', { name: 'Call +8613900000021' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(pop.getByTestId('customer-name')).toHaveText('李雷');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await phone.done).code).toBe(0);
  expect(phone.logged()).toContain(`INVITE customer-id=${customerId}`);
  await wrapUp(page);
});

test('click-to-dial from the call bar when the line is free', async ({ page }) => {
  await openReady(page);
  const phone = await lab.customer.answerOnTrunk(lab.pbx.trunkPort, 200);
  await page.getByRole('textbox', { name: 'Number to call' }).fill('+66 81 234 0000');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('screen-pop').getByTestId('customer-name')).toHaveText('New caller');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await phone.done).code).toBe(0);
  expect(phone.logged()).toContain('INVITE customer-id=');
  await wrapUp(page);
});

test('call waiting: a second call rings beside the active one, can be declined busy, or takes the screen when the first ends', async ({ page }) => {
  await openReady(page);
  const first = await lab.customer.talk({ caller: '+8613800000031', callerName: 'First caller', agent: agent.extension });
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');

  const busy = await lab.customer.call({ caller: '+8613800000032', callerName: 'Second caller', agent: agent.extension });
  const waiting = page.getByTestId('call-waiting');
  await expect(waiting).toContainText('Call waiting: Second caller');
  await expect(page.getByTestId('call-state')).toContainText('On call');
  await expect(page.getByTestId('call-state')).toContainText('First caller');
  await waiting.getByRole('button', { name: 'Decline waiting call' }).click();
  await expect(waiting).toHaveCount(0);
  expect((await busy.done).code).not.toBe(0);
  await expect(page.getByTestId('call-state')).toContainText('On call');

  const third = await lab.customer.call({ caller: '+8613800000033', callerName: 'Third caller', agent: agent.extension, talkMs: 500 });
  await expect(waiting).toContainText('Call waiting: Third caller');
  await page.getByRole('button', { name: 'Hang up' }).click();
  expect((await first.done).code).toBe(0);
  await expect(page.getByTestId('call-state')).toContainText('Ringing');
  await expect(page.getByTestId('call-state')).toContainText('Third caller');
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-state')).toContainText('On call');
  expect((await third.done).code).toBe(0);
  await expect(page.getByTestId('call-state')).toContainText('Call ended');
  await wrapUp(page);
  await expect(page.getByRole('combobox', { name: 'Agent state' })).toHaveValue('ready');
});

test('a call the other side refuses says why in the call bar (486 busy), in the agent\'s language', async ({ page }) => {
  await openReady(page);
  const busy = await lab.customer.refuseOnTrunk(lab.pbx.trunkPort, 486, 'Busy Here');
  await page.getByRole('textbox', { name: 'Number to call' }).fill('+66 81 234 0001');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  const callState = page.getByTestId('call-state');
  await expect(callState).toContainText('Call ended');
  await expect(page.getByTestId('call-refusal')).toHaveText('Busy (486): they are on another call. Try again later.');
  expect((await busy.done).code).toBe(0);
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('zh-TW');
  await expect(page.getByTestId('call-refusal')).toHaveText('對方忙線（486）：對方正在通話，請稍後再撥。');
  await page.getByRole('combobox', { name: '語言' }).selectOption('th');
  await expect(page.getByTestId('call-refusal')).toHaveText('สายไม่ว่าง (486): ปลายทางกำลังคุยสายอื่น โปรดลองใหม่ภายหลัง');
  await page.getByRole('combobox', { name: 'ภาษา' }).selectOption('zh-CN');
  await expect(page.getByTestId('call-refusal')).toHaveText('对方忙（486）：对方正在通话，请稍后再拨。');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});
