import { BASIS } from '../lib/basis.js';
import { scan } from '../lib/privacy.js';
import { defineRule } from '../types.js';

const MOBILE = /(?<![0-9.])1[3-9]\d{9}(?![0-9])/g;

export const mobileNumber = defineRule({
  meta: {
    id: 'privacy/mobile-number',
    title: '公开文件中有手机号码',
    severity: 'error',
    category: 'privacy',
    basis: BASIS.privacy,
    description: '说明或表格中出现手机号码（1[3-9] 开头的 11 位数字，不是更长数字串的一部分），多为填报人联系方式，公开前应删除或改用办公电话。号码旁（同一处或其上三段内）有“填报人/联系人/经办人”及姓名时，消息一并指出。消息中号码中间几位、姓名除姓以外以 * 遮盖。',
    example: { bad: '自评表末尾“填报人：张三 联系电话：13912345678”', message: '项目“党建活动经费”绩效自评表存在问题中有手机号码 139****5678（与填报人姓名“张*”一同公开），公开文件不应包含个人手机号码。' },
    messages: {
      mobile: '{{where}}中有手机号码 {{number}}，公开文件不应包含个人手机号码。',
      mobileWithPerson: '{{where}}中有手机号码 {{number}}（与{{label}}姓名“{{name}}”一同公开），公开文件不应包含个人手机号码。',
    },
    fix: '删除手机号码（如需公开联系方式，改用单位办公电话）',
  },
  check(doc, ctx) {
    scan(doc, ctx, MOBILE, () => true, { messageId: 'mobile', withPersonMessageId: 'mobileWithPerson' });
  },
});
