/** The web shell's link between this window and Agent Desktop, merged into messages.ts. */
export const shellLinkMessages = {
  en: {
    'shellLink.lost': 'Lost the connection to Agent Desktop. Trying again in {seconds} s…',
    'shellLink.connecting': 'Reconnecting to Agent Desktop…',
    'shellLink.reconnected': 'Reconnected to Agent Desktop.',
    'shellLink.refused': 'Agent Desktop did not let this window in. Open it again from Agent Desktop (npm start opens a new window).',
    'shellLink.requestFailed': 'Not done: this window is not connected to Agent Desktop. Try again once it has reconnected.',
  },
  'zh-CN': {
    'shellLink.lost': '与坐席工作台的连接已断开，{seconds} 秒后重试…',
    'shellLink.connecting': '正在重新连接坐席工作台…',
    'shellLink.reconnected': '已重新连接坐席工作台。',
    'shellLink.refused': '坐席工作台未允许此窗口接入。请从坐席工作台重新打开（npm start 会打开新窗口）。',
    'shellLink.requestFailed': '未执行：此窗口未连接到坐席工作台。请在重新连接后再试。',
  },
  'zh-TW': {
    'shellLink.lost': '與坐席工作台的連線已中斷，{seconds} 秒後重試…',
    'shellLink.connecting': '正在重新連線坐席工作台…',
    'shellLink.reconnected': '已重新連線坐席工作台。',
    'shellLink.refused': '坐席工作台未允許此視窗連入。請從坐席工作台重新開啟（npm start 會開啟新視窗）。',
    'shellLink.requestFailed': '未執行：此視窗未連線到坐席工作台。請在重新連線後再試。',
  },
  th: {
    'shellLink.lost': 'การเชื่อมต่อกับ Agent Desktop ขาดหาย จะลองใหม่ใน {seconds} วินาที…',
    'shellLink.connecting': 'กำลังเชื่อมต่อกับ Agent Desktop อีกครั้ง…',
    'shellLink.reconnected': 'เชื่อมต่อกับ Agent Desktop อีกครั้งแล้ว',
    'shellLink.refused': 'Agent Desktop ไม่อนุญาตให้หน้าต่างนี้เข้าใช้ โปรดเปิดใหม่จาก Agent Desktop (npm start จะเปิดหน้าต่างใหม่)',
    'shellLink.requestFailed': 'ยังไม่ได้ทำ: หน้าต่างนี้ไม่ได้เชื่อมต่อกับ Agent Desktop โปรดลองอีกครั้งเมื่อเชื่อมต่อได้แล้ว',
  },
};
