import { ErrorCode } from './error-code';

/** A title in each language the platform answers in (RFC 9457 `title`: the same for every occurrence of a code). */
export interface LocalizedTitle {
  readonly en: string;
  readonly 'zh-CN': string;
}

/**
 * The title of each platform code, English and Chinese (operators read Chinese). A record over
 * the enum: a new ErrorCode without titles fails the type-check. The code stays the contract;
 * titles may be reworded.
 */
export const PLATFORM_ERROR_TITLES: Readonly<Record<ErrorCode, LocalizedTitle>> = {
  [ErrorCode.VALIDATION_FAILED]: { en: 'Request validation failed', 'zh-CN': '请求内容校验未通过' },
  [ErrorCode.MALFORMED_REQUEST]: { en: 'Malformed request', 'zh-CN': '请求格式错误' },
  [ErrorCode.UNAUTHENTICATED]: { en: 'Authentication required', 'zh-CN': '需要登录认证或令牌无效' },
  [ErrorCode.FORBIDDEN]: { en: 'Operation not allowed for this role', 'zh-CN': '当前角色无权执行此操作' },
  [ErrorCode.NOT_FOUND]: { en: 'Not found', 'zh-CN': '记录不存在或不在您的管辖范围内' },
  [ErrorCode.CONFLICT]: { en: 'Conflicts with the current state', 'zh-CN': '与当前状态冲突' },
  [ErrorCode.DUPLICATE]: { en: 'Already exists', 'zh-CN': '记录已存在' },
  [ErrorCode.VERSION_CONFLICT]: { en: 'Changed by someone else; reload and retry', 'zh-CN': '记录已被他人修改，请刷新后重试' },
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: { en: 'Idempotency-Key already used for another request', 'zh-CN': '幂等键已用于其他请求' },
  [ErrorCode.IDEMPOTENCY_IN_PROGRESS]: {
    en: 'A request with this Idempotency-Key is in progress',
    'zh-CN': '相同幂等键的请求正在处理中，请稍后重试',
  },
  [ErrorCode.BUSINESS_RULE_VIOLATED]: { en: 'Refused by a business rule', 'zh-CN': '不符合业务规则' },
  [ErrorCode.FLOATING_QUOTA_EXHAUSTED]: { en: 'Floating quota exhausted', 'zh-CN': '机动编制名额不足' },
  [ErrorCode.TITLE_STRUCTURE_EXCEEDED]: { en: 'Title structure limit exceeded', 'zh-CN': '职称结构比例超出限制' },
  [ErrorCode.TOO_MANY_REQUESTS]: { en: 'Too many requests; retry after the time given', 'zh-CN': '请求过于频繁，请稍后重试' },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { en: 'Request body too large', 'zh-CN': '请求内容过大' },
  [ErrorCode.DEPENDENCY_UNAVAILABLE]: { en: 'Service temporarily unavailable; retry later', 'zh-CN': '服务暂时不可用，请稍后重试' },
  [ErrorCode.INTERNAL]: { en: 'Internal error', 'zh-CN': '系统内部错误' },
};

/** `FLOATING_QUOTA_EXHAUSTED` → `Floating quota exhausted`: the English title of a service code registered without one. */
export function titleFromCode(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
