import type { Locale } from '../domain/screen-pop';
import type { CoachCategory } from './coach-category';
import type { LatteStep } from './latte-step';
import type { KnownPlaceholder } from './placeholders';
import type { RecoveryStepId } from './recovery-step';

/** What the reply engine says to the agent, in the agent's UI language (not the language of the reply). */
export interface ReplyMessages {
  latte: Record<LatteStep, { name: string; hint: string }>;
  coach: Record<CoachCategory, string>;
  placeholder: Record<KnownPlaceholder, string>;
  recovery: Record<RecoveryStepId, { title: string; checklist: string[] }>;
  recoveryCaution: string;
  followUpNote: string;
}

const en: ReplyMessages = {
  latte: {
    listen: { name: 'Listen', hint: "Show you listened: restate the customer's problem in a few words." },
    acknowledge: { name: 'Acknowledge', hint: 'Acknowledge how this affects them, and apologise for it.' },
    takeAction: { name: 'Take action', hint: 'Say what you are doing about it, starting with "I".' },
    thank: { name: 'Thank', hint: 'Thank the customer: for reporting it, for waiting, for their patience.' },
    explain: { name: 'Explain', hint: 'Explain what happens next and when, so they need not call again.' },
  },
  coach: {
    demand: 'Sounds like an order and puts the work on the customer. Invite them to do it with you.',
    cannot: "Tells the customer what you can't do. Lead with what you can do.",
    'negative-frame': 'Frames the answer as a loss. Say when it will be ready, and what you will do then.',
    deflect: "Passing the customer on sounds like it isn't your concern. Own it and connect them yourself.",
    excuse: 'Customers do not want excuses or blame. Own the problem and move to the fix.',
    'pass-to-manager': 'Say "I": tell them you will make it right, not someone else.',
    policy: 'Hiding behind policy sounds like a wall. Give the reason and the option you can offer.',
    'blame-customer': 'Sounds like blaming the customer. Talk about the next step instead.',
    condescending: 'Can sound impatient or talking down. Acknowledge the feeling, or recap kindly.',
    'dont-know': "Don't stop at \"I don't know\". Say you will find out, and when.",
  },
  placeholder: {
    'customer.name': 'customer name',
    'agent.name': 'your name',
    'order.id': 'order number',
    'order.item': 'item',
    'delivery.date': 'delivery date',
    'charge.amount': 'charged amount',
    'refund.amount': 'refund amount',
    'refund.date': 'refund date',
    'company.name': 'company name',
    'hold.minutes': 'minutes on hold',
    'callback.time': 'callback time',
    'callback.number': 'callback number',
    'followUp.date': 'follow-up date',
    'workOrder.id': 'work order number',
  },
  recovery: {
    acknowledge: {
      title: 'Acknowledge and apologise',
      checklist: [
        'Let the customer finish. Do not interrupt or defend.',
        "Apologise and say you are on the customer's side.",
        'Say "I": you will make it right, not your manager.',
        'No excuses, no blaming another department.',
      ],
    },
    understand: {
      title: 'Understand the problem',
      checklist: [
        'Ask your questions once the customer is calmer.',
        'Restate the problem to check you understood it.',
        'Thank them for pointing it out.',
        'Make no judgement yet.',
      ],
    },
    solve: {
      title: 'Solve it and go the extra mile',
      checklist: [
        'Start positive: you will sort it out together.',
        'Ask what would feel like a fair resolution.',
        'Give it, then add something extra (free shipping, an upgrade, a credit).',
        'Record what went wrong and what you did.',
      ],
    },
    'follow-up': {
      title: 'Follow up',
      checklist: [
        'Ask whether they are happy with the solution.',
        'Schedule a follow-up call in a few days to check it worked.',
      ],
    },
  },
  recoveryCaution: 'This customer was let down before. A second failure loses them: involve your team lead early.',
  followUpNote: 'Service recovery: check the solution worked and the customer is happy with it.',
};

const zhCN: ReplyMessages = {
  latte: {
    listen: { name: '倾听', hint: '表明您在听：用一两句话复述客户的问题。' },
    acknowledge: { name: '认同', hint: '认同客户的感受，并为此道歉。' },
    takeAction: { name: '行动', hint: '说明您正在做什么，用“我”来开头。' },
    thank: { name: '感谢', hint: '感谢客户：感谢反映问题、感谢耐心等待。' },
    explain: { name: '说明', hint: '说明接下来会发生什么、什么时候，让客户不必再打来。' },
  },
  coach: {
    demand: '听起来像命令，把工作推给了客户。改为邀请客户和您一起做。',
    cannot: '告诉客户您做不到什么。先说您能做什么。',
    'negative-frame': '把答复说成了损失。告诉客户什么时候能好，以及届时您会做什么。',
    deflect: '把客户推给别人，听起来像事不关己。由您负责，并亲自帮客户联系。',
    excuse: '客户不想听借口或推责。承担问题，直接谈解决办法。',
    'pass-to-manager': '用“我”：告诉客户由您来解决，而不是别人。',
    policy: '拿规定挡回去，像一堵墙。说明原因，并给出您能提供的方案。',
    'blame-customer': '听起来像在责怪客户。改为说下一步怎么做。',
    condescending: '可能显得不耐烦或居高临下。先认同感受，或耐心地再总结一次。',
    'dont-know': '不要停在“不知道”。告诉客户您会去查清楚，以及什么时候答复。',
  },
  placeholder: {
    'customer.name': '客户姓名',
    'agent.name': '您的姓名',
    'order.id': '订单号',
    'order.item': '商品',
    'delivery.date': '送达日期',
    'charge.amount': '扣款金额',
    'refund.amount': '退款金额',
    'refund.date': '退款日期',
    'company.name': '公司名称',
    'hold.minutes': '等待分钟数',
    'callback.time': '回电时间',
    'callback.number': '回电号码',
    'followUp.date': '回访日期',
    'workOrder.id': '工单号',
  },
  recovery: {
    acknowledge: {
      title: '承认问题并道歉',
      checklist: ['让客户说完，不打断、不辩解。', '道歉，并告诉客户您站在他这一边。', '用“我”：由您来解决，而不是您的经理。', '不找借口，不推给其他部门。'],
    },
    understand: {
      title: '了解问题',
      checklist: ['等客户情绪平稳后再提问。', '复述问题，确认自己理解正确。', '感谢客户指出问题。', '此时先不下判断。'],
    },
    solve: {
      title: '解决问题并多做一步',
      checklist: ['用积极的话开头：我们一起来解决。', '问客户怎样的处理他觉得公平。', '做到之后再多给一点（免运费、升级、补偿券）。', '记录出了什么问题、您做了什么。'],
    },
    'follow-up': {
      title: '跟进回访',
      checklist: ['问客户对处理结果是否满意。', '安排几天后回访，确认问题已真正解决。'],
    },
  },
  recoveryCaution: '这位客户之前有过一次不满意的处理。再失败一次就会失去他：请尽早请组长协助。',
  followUpNote: '服务补救回访：确认问题已解决，客户对处理结果满意。',
};

const zhTW: ReplyMessages = {
  latte: {
    listen: { name: '傾聽', hint: '表示您有在聽：用一兩句話複述客戶的問題。' },
    acknowledge: { name: '同理', hint: '同理客戶的感受，並為此致歉。' },
    takeAction: { name: '行動', hint: '說明您正在做什麼，用「我」來開頭。' },
    thank: { name: '感謝', hint: '感謝客戶：謝謝反映問題、謝謝耐心等候。' },
    explain: { name: '說明', hint: '說明接下來會發生什麼、什麼時候，讓客戶不必再打來。' },
  },
  coach: {
    demand: '聽起來像命令，把工作推給了客戶。改成邀請客戶和您一起做。',
    cannot: '告訴客戶您做不到什麼。先說您能做什麼。',
    'negative-frame': '把答覆說成了損失。告訴客戶什麼時候會好，以及到時您會怎麼做。',
    deflect: '把客戶推給別人，聽起來像事不關己。由您負責，並親自幫客戶聯繫。',
    excuse: '客戶不想聽藉口或推責。承擔問題，直接談解決方式。',
    'pass-to-manager': '用「我」：告訴客戶由您來處理，而不是別人。',
    policy: '拿規定擋回去，像一道牆。說明原因，並提出您能提供的方案。',
    'blame-customer': '聽起來像在責怪客戶。改成說下一步怎麼做。',
    condescending: '可能顯得不耐煩或高高在上。先同理感受，或耐心地再整理一次。',
    'dont-know': '不要停在「不知道」。告訴客戶您會去查清楚，以及什麼時候回覆。',
  },
  placeholder: {
    'customer.name': '客戶姓名',
    'agent.name': '您的姓名',
    'order.id': '訂單編號',
    'order.item': '商品',
    'delivery.date': '送達日期',
    'charge.amount': '扣款金額',
    'refund.amount': '退款金額',
    'refund.date': '退款日期',
    'company.name': '公司名稱',
    'hold.minutes': '等候分鐘數',
    'callback.time': '回電時間',
    'callback.number': '回電號碼',
    'followUp.date': '回訪日期',
    'workOrder.id': '工單編號',
  },
  recovery: {
    acknowledge: {
      title: '承認問題並致歉',
      checklist: ['讓客戶說完，不打斷、不辯解。', '致歉，並告訴客戶您站在他這邊。', '用「我」：由您來處理，而不是您的主管。', '不找藉口，不推給其他部門。'],
    },
    understand: {
      title: '了解問題',
      checklist: ['等客戶情緒平穩後再提問。', '複述問題，確認自己理解正確。', '謝謝客戶指出問題。', '這時先不下判斷。'],
    },
    solve: {
      title: '解決問題並多做一步',
      checklist: ['用正面的話開頭：我們一起來處理。', '問客戶怎樣的處理他覺得公平。', '做到之後再多給一點（免運費、升級、折價券）。', '記錄出了什麼問題、您做了什麼。'],
    },
    'follow-up': {
      title: '後續追蹤',
      checklist: ['問客戶對處理結果是否滿意。', '安排幾天後回訪，確認問題真的解決了。'],
    },
  },
  recoveryCaution: '這位客戶之前有過一次不滿意的處理。再失敗一次就會失去他：請及早請組長協助。',
  followUpNote: '服務補救回訪：確認問題已解決，客戶對處理結果滿意。',
};

const th: ReplyMessages = {
  latte: {
    listen: { name: 'รับฟัง', hint: 'แสดงว่าคุณรับฟัง: ทวนปัญหาของลูกค้าสั้นๆ' },
    acknowledge: { name: 'รับรู้', hint: 'รับรู้ความรู้สึกของลูกค้า และกล่าวขออภัย' },
    takeAction: { name: 'ลงมือ', hint: 'บอกว่าคุณกำลังทำอะไรให้ โดยขึ้นต้นด้วย "ดิฉัน/ผม"' },
    thank: { name: 'ขอบคุณ', hint: 'ขอบคุณลูกค้า: ที่แจ้งเรื่อง ที่รอสาย ที่อดทน' },
    explain: { name: 'อธิบาย', hint: 'อธิบายว่าจะเกิดอะไรต่อและเมื่อไร ลูกค้าจะได้ไม่ต้องโทรมาอีก' },
  },
  coach: {
    demand: 'ฟังเหมือนคำสั่ง และโยนภาระให้ลูกค้า ลองชวนลูกค้าทำไปด้วยกัน',
    cannot: 'บอกลูกค้าว่าทำอะไรไม่ได้ ให้เริ่มจากสิ่งที่ทำได้',
    'negative-frame': 'พูดเหมือนเป็นข่าวร้าย บอกว่าจะพร้อมเมื่อไร และคุณจะทำอะไรให้เมื่อถึงตอนนั้น',
    deflect: 'การโยนลูกค้าไปที่อื่นฟังเหมือนไม่ใช่ธุระ รับเรื่องไว้เองและช่วยประสานให้',
    excuse: 'ลูกค้าไม่ต้องการข้อแก้ตัวหรือการโทษคนอื่น รับผิดชอบแล้วพูดถึงทางแก้',
    'pass-to-manager': 'ใช้ "ดิฉัน/ผม": บอกว่าคุณจะดูแลเอง ไม่ใช่คนอื่น',
    policy: 'การอ้างนโยบายฟังเหมือนปิดประตู ให้บอกเหตุผลและทางเลือกที่ช่วยได้',
    'blame-customer': 'ฟังเหมือนตำหนิลูกค้า ให้พูดถึงขั้นตอนต่อไปแทน',
    condescending: 'อาจฟังดูหมดความอดทนหรือดูถูก รับรู้ความรู้สึกก่อน หรือสรุปให้ฟังอีกครั้งอย่างใจเย็น',
    'dont-know': 'อย่าจบที่ "ไม่ทราบ" บอกว่าจะตรวจสอบให้ และจะแจ้งกลับเมื่อไร',
  },
  placeholder: {
    'customer.name': 'ชื่อลูกค้า',
    'agent.name': 'ชื่อของคุณ',
    'order.id': 'หมายเลขคำสั่งซื้อ',
    'order.item': 'สินค้า',
    'delivery.date': 'วันที่จัดส่งถึง',
    'charge.amount': 'ยอดที่ถูกตัด',
    'refund.amount': 'ยอดเงินคืน',
    'refund.date': 'วันที่คืนเงิน',
    'company.name': 'ชื่อบริษัท',
    'hold.minutes': 'จำนวนนาทีที่รอสาย',
    'callback.time': 'เวลาโทรกลับ',
    'callback.number': 'เบอร์โทรกลับ',
    'followUp.date': 'วันที่ติดตามผล',
    'workOrder.id': 'หมายเลขเรื่อง',
  },
  recovery: {
    acknowledge: {
      title: 'รับรู้ปัญหาและขออภัย',
      checklist: ['ให้ลูกค้าพูดให้จบ ไม่ขัด ไม่แก้ตัว', 'กล่าวขออภัย และบอกว่าคุณอยู่ข้างลูกค้า', 'ใช้ "ดิฉัน/ผม": คุณจะแก้ไขเอง ไม่ใช่ผู้จัดการ', 'ไม่แก้ตัว ไม่โทษแผนกอื่น'],
    },
    understand: {
      title: 'ทำความเข้าใจปัญหา',
      checklist: ['ถามคำถามเมื่อลูกค้าใจเย็นลงแล้ว', 'ทวนปัญหาเพื่อยืนยันว่าเข้าใจถูก', 'ขอบคุณที่ลูกค้าแจ้งปัญหา', 'ยังไม่ตัดสินใดๆ'],
    },
    solve: {
      title: 'แก้ปัญหาและทำให้มากกว่าที่คาด',
      checklist: ['เริ่มด้วยประโยคเชิงบวก: เราจะแก้ไขไปด้วยกัน', 'ถามว่าลูกค้าคิดว่าทางออกแบบไหนยุติธรรม', 'ทำตามนั้น แล้วเพิ่มอะไรพิเศษ (ส่งฟรี อัปเกรด คูปอง)', 'บันทึกว่าเกิดอะไรขึ้นและคุณทำอะไรไป'],
    },
    'follow-up': {
      title: 'ติดตามผล',
      checklist: ['ถามว่าลูกค้าพอใจกับวิธีแก้ไขหรือไม่', 'นัดโทรติดตามในอีกไม่กี่วันว่าทุกอย่างเรียบร้อย'],
    },
  },
  recoveryCaution: 'ลูกค้ารายนี้เคยได้รับการแก้ไขที่ไม่น่าพอใจมาก่อน หากพลาดอีกครั้งจะเสียลูกค้าไป ควรขอให้หัวหน้าทีมช่วยตั้งแต่เนิ่นๆ',
  followUpNote: 'ติดตามผลการแก้ไขปัญหา: ตรวจสอบว่าแก้ไขได้จริงและลูกค้าพอใจ',
};

export const replyMessages: Record<Locale, ReplyMessages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, th };
