import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

// An error raised by the main process is said in the agent's language, not in main's English inside a translated
// frame. A desk with no phone set up dials from the call bar: main refuses ("The softphone is not configured…").
let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startWebShellProcess([]);
});
test.afterAll(async () => {
  await shell?.stop();
});

test("dialling without a phone: main's refusal is shown in Thai, then in Chinese", async ({ page }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Set up the phone later' }).click();
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('th');

  await page.getByRole('textbox', { name: 'หมายเลขที่จะโทร' }).fill('+66 81 234 0000');
  await page.getByRole('button', { name: 'โทร', exact: true }).click();
  const banner = page.getByTestId('error');
  await expect(banner).toHaveText('ยังไม่ได้ตั้งค่าโทรศัพท์ กรอกที่อยู่ PBX หมายเลขภายใน และรหัสผ่านในการตั้งค่า');
  await expect(banner).not.toContainText('softphone');

  // The banner keeps main's key, so switching language says the same error again in the new language.
  await page.getByRole('combobox', { name: 'ภาษา', exact: true }).selectOption('zh-CN');
  await expect(banner).toHaveText('电话尚未设置。请在设置中填写 PBX 地址、分机号和密码。');

});
