/**
 * Every link a mail carries, built in one place. Until the web application exists (its /status and
 * /applications/:code pages), the links point at the API that works today and each mail says how to use it;
 * when the pages arrive, only this module changes.
 */
export interface MailLink {
  url: string;
  /** What the reader does with the link, one line per language. */
  vi: string;
  en: string;
}

/**
 * The applicant's status, answered only with the last 4 digits of the borrower's citizen ID. The mail never
 * carries those digits: the applicant adds them.
 */
export function statusLink(publicUrl: string, code: string): MailLink {
  const url = `${publicUrl}/api/status/${encodeURIComponent(code)}`;
  return {
    url,
    vi: `Tra cứu tình trạng hồ sơ: mở địa chỉ ${url}?citizenIdLast4=<4 số cuối CCCD của người vay> (thay phần trong ngoặc nhọn bằng 4 số cuối số CCCD của ông/bà; kết quả hiển thị dạng JSON, trang web tra cứu sẽ có sau).`,
    en: `Check the status: open ${url}?citizenIdLast4=<last 4 digits of your citizen ID> (replace the part in angle brackets with the last 4 digits of the borrower's citizen ID; the answer is JSON for now, a web page will follow).`,
  };
}

/** How a returned application is amended: the full citizen ID proves it is the applicant, or an officer helps. */
export function amendLink(publicUrl: string, applicationId: string): MailLink {
  const url = `${publicUrl}/api/applications/${applicationId}`;
  return {
    url,
    vi: `Cách sửa hồ sơ: nhờ tổ trưởng Tổ TK&VV hoặc cán bộ phụ trách sửa giúp; hoặc gửi yêu cầu PATCH ${url} với nội dung JSON gồm "citizenId" (số CCCD đầy đủ 12 số của người vay) và các mục cần sửa, ví dụ {"citizenId": "…", "amount": 40000000, "purpose": "…", "usePlan": "…"}. Hồ sơ sửa xong sẽ được xử lý lại ở bước đã trả lại.`,
    en: `How to amend: ask the group leader or the responsible officer to amend it for you; or send PATCH ${url} with a JSON body holding "citizenId" (the borrower's full 12-digit citizen ID) and the fields to change, e.g. {"citizenId": "…", "amount": 40000000, "purpose": "…", "usePlan": "…"}. Once amended, the step that returned it runs again.`,
  };
}

/** The officer's view of the application: the API needs a bearer token from the login. */
export function officerLink(publicUrl: string, applicationId: string): MailLink {
  const url = `${publicUrl}/api/applications/${applicationId}`;
  const login = `${publicUrl}/api/auth/login`;
  return {
    url,
    vi: `Xem hồ sơ: ${url} — đăng nhập trước bằng POST ${login} với {"username", "password"}, rồi gọi GET địa chỉ trên kèm tiêu đề "Authorization: Bearer <token nhận được>" (trang web cho cán bộ sẽ có sau).`,
    en: `Open it: ${url} — log in first with POST ${login} and {"username", "password"}, then GET the address above with the header "Authorization: Bearer <the token you received>" (a web page for officers will follow).`,
  };
}

/**
 * Supervisors on the escalation list have no account, so no link of the system opens anything for them yet:
 * the mail says whom to ask instead.
 */
export function supervisorPointer(code: string, step: { vi: string; en: string }): { vi: string; en: string } {
  return {
    vi: `Hồ sơ ${code} chỉ mở được bằng tài khoản cán bộ; đề nghị liên hệ cán bộ phụ trách bước "${step.vi}" để xem hồ sơ (trang web cho lãnh đạo sẽ có sau).`,
    en: `Application ${code} opens only with an officer's account; please ask the officer responsible for "${step.en}" to show it to you (a web page for supervisors will follow).`,
  };
}
