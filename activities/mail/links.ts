/**
 * Every link a mail carries, built in one place: each opens a page of the web application that works for its
 * reader, and the mail says what to do there.
 */
export interface MailLink {
  url: string;
  /** What the reader does with the link, one line per language. */
  vi: string;
  en: string;
}

/**
 * The applicant's status page with the code filled in; it asks for the last 4 digits of the borrower's
 * citizen ID, which the mail never carries.
 */
export function statusLink(publicUrl: string, code: string): MailLink {
  const url = `${publicUrl}/status?code=${encodeURIComponent(code)}`;
  return {
    url,
    vi: `Tra cứu tình trạng hồ sơ: mở ${url} và nhập 4 số cuối số CCCD của người vay.`,
    en: `Check the status: open ${url} and type the last 4 digits of the borrower's citizen ID.`,
  };
}

/** A returned application is amended from the same status page; the full citizen ID proves it is the applicant. */
export function amendLink(publicUrl: string, code: string): MailLink {
  const url = `${publicUrl}/status?code=${encodeURIComponent(code)}`;
  return {
    url,
    vi: `Cách sửa hồ sơ: mở ${url}, nhập 4 số cuối số CCCD, sửa các mục cần sửa rồi nhập đủ 12 số CCCD để gửi lại; hoặc nhờ tổ trưởng Tổ TK&VV hay cán bộ phụ trách sửa giúp. Hồ sơ sửa xong sẽ được xử lý lại ở bước đã trả lại.`,
    en: `How to amend: open ${url}, type the last 4 digits of the citizen ID, correct what is asked and give the full 12-digit citizen ID to send it again; or ask the group leader or the responsible officer to amend it for you. Once amended, the step that returned it runs again.`,
  };
}

/** The application's page for officers; signing in first brings them back to it. */
export function officerLink(publicUrl: string, code: string): MailLink {
  const url = `${publicUrl}/applications/${encodeURIComponent(code)}`;
  return {
    url,
    vi: `Xem hồ sơ: ${url} (đăng nhập bằng tài khoản cán bộ nếu được hỏi).`,
    en: `Open it: ${url} (sign in with your officer account if asked).`,
  };
}

/**
 * Supervisors on the escalation list have no account, so no page opens for them: the mail says whom to ask.
 */
export function supervisorPointer(code: string, step: { vi: string; en: string }): { vi: string; en: string } {
  return {
    vi: `Hồ sơ ${code} chỉ mở được bằng tài khoản cán bộ; đề nghị liên hệ cán bộ phụ trách bước "${step.vi}" để xem hồ sơ.`,
    en: `Application ${code} opens only with an officer's account; please ask the officer responsible for "${step.en}" to show it to you.`,
  };
}
