/**
 * What a refusal says to a person, for every ErrorCode: declared over the whole union, so a new code without
 * words for it does not compile (the HTTP status table is kept the same way).
 */
import { LOAN_ERROR_MESSAGES } from './loan-error-messages.js';
import type { ErrorCode } from '../domain/error-codes.js';
import type { Bilingual } from '../../workflows/domain.js';

export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { vi: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra lại.', en: 'Some details are not valid.' },
  MALFORMED_JSON: { vi: 'Không đọc được dữ liệu gửi lên.', en: 'The submitted data could not be read.' },
  REASON_REQUIRED: { vi: 'Cần ghi rõ lý do.', en: 'A reason is required.' },
  FIELD_REQUIRED: { vi: 'Còn thiếu thông tin bắt buộc.', en: 'A required field is missing.' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập để tiếp tục.', en: 'Please sign in to continue.' },
  ROLE_NOT_ALLOWED: { vi: 'Vai trò của bạn không thực hiện được việc này.', en: 'Your role cannot do this.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện việc này.', en: 'You are not allowed to do this.' },
  SAME_OFFICER: {
    vi: 'Một cán bộ không được vừa đề xuất vừa phê duyệt (nguyên tắc bốn mắt).',
    en: 'The same officer may not both propose and approve (four-eyes rule).',
  },
  SELF_CHANGE_FORBIDDEN: {
    vi: 'Bạn không thể tự thay đổi tài khoản của mình.',
    en: 'You cannot change your own account.',
  },
  CONFLICT_OF_INTEREST: {
    vi: 'Bạn có quan hệ với hộ vay này nên không được xử lý hồ sơ.',
    en: 'You are related to this household and may not act on its application.',
  },
  NOT_FOUND: { vi: 'Không tìm thấy nội dung bạn cần.', en: 'What you asked for was not found.' },
  APPLICATION_ENDED: { vi: 'Hồ sơ đã kết thúc.', en: 'The application has ended.' },
  AWAITING_AMENDMENT: { vi: 'Hồ sơ đang chờ người vay sửa, bổ sung.', en: 'The application awaits correction.' },
  NOT_RETURNED: { vi: 'Hồ sơ không ở trạng thái trả lại để sửa.', en: 'The application was not returned.' },
  STEP_NOT_CURRENT: { vi: 'Hồ sơ không ở bước này.', en: 'The application is not at this step.' },
  STEP_NOT_STARTED: { vi: 'Cần nhận xử lý bước này trước.', en: 'Take this step first.' },
  STEP_HELD_BY_OTHER: { vi: 'Một cán bộ khác đang xử lý bước này.', en: 'Another officer holds this step.' },
  NOT_SCHEDULED_THAT_DAY: {
    vi: 'Hồ sơ không còn được xếp lịch giải ngân vào ngày này.',
    en: 'The loan is no longer scheduled for disbursement on this day.',
  },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã có người dùng.', en: 'The username is taken.' },
  PROGRAM_EXISTS: { vi: 'Chương trình đã tồn tại.', en: 'The programme already exists.' },
  LAST_ADMIN: { vi: 'Không thể khóa quản trị viên cuối cùng.', en: 'The last administrator cannot be removed.' },
  WARD_EXISTS: { vi: 'Phường/xã đã tồn tại.', en: 'The ward already exists.' },
  BANK_OFFICE_EXISTS: { vi: 'Phòng giao dịch đã tồn tại.', en: 'The bank office already exists.' },
  GROUP_EXISTS: { vi: 'Tổ TK&VV đã tồn tại.', en: 'The group already exists.' },
  MEMBER_EXISTS: { vi: 'Tổ viên đã có trong tổ.', en: 'The member is already in the group.' },
  ASSOCIATION_IN_USE: { vi: 'Hội đoàn thể đang được sử dụng.', en: 'The association is in use.' },
  IDEMPOTENCY_IN_FLIGHT: { vi: 'Yêu cầu đang được xử lý.', en: 'The request is being processed.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'What was sent is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Không hỗ trợ loại tệp này.', en: 'This kind of file is not supported.' },
  INVALID_SCOPE: { vi: 'Phạm vi phụ trách không hợp lệ.', en: 'The scope is not valid.' },
  IDEMPOTENCY_KEY_REUSED: { vi: 'Yêu cầu trùng với một yêu cầu khác.', en: 'The request repeats a different one.' },
  UNKNOWN_PROGRAM: { vi: 'Chương trình cho vay không tồn tại.', en: 'Unknown loan programme.' },
  UNKNOWN_WARD: { vi: 'Phường/xã không tồn tại.', en: 'Unknown ward.' },
  UNKNOWN_GROUP: { vi: 'Tổ TK&VV không tồn tại.', en: 'Unknown savings group.' },
  GROUP_NOT_IN_WARD: { vi: 'Tổ TK&VV không thuộc phường/xã đã chọn.', en: 'The group is not in the chosen ward.' },
  UNKNOWN_BANK_OFFICE: { vi: 'Phòng giao dịch không tồn tại.', en: 'Unknown bank office.' },
  UNKNOWN_ASSOCIATION: { vi: 'Hội đoàn thể không tồn tại.', en: 'Unknown association.' },
  ASSOCIATION_NOT_IN_WARD: { vi: 'Hội đoàn thể không có ở phường/xã này.', en: 'The association is not in this ward.' },
  RESIDENCE_NOT_CONFIRMED: { vi: 'Chưa xác nhận nơi cư trú hợp pháp.', en: 'Legal residence is not confirmed.' },
  CATEGORY_MISMATCH: { vi: 'Phân loại hộ không khớp.', en: 'The household category does not match.' },
  CATEGORY_NOT_ELIGIBLE: { vi: 'Hộ không thuộc đối tượng của chương trình.', en: 'The category is not eligible.' },
  ASSOCIATION_MISMATCH: { vi: 'Hội đoàn thể không khớp với tổ.', en: 'The association does not match the group.' },
  DOSSIER_INCOMPLETE: { vi: 'Hồ sơ chưa đầy đủ.', en: 'The dossier is incomplete.' },
  TALLY_INCONSISTENT: { vi: 'Số phiếu không khớp với số người dự họp.', en: 'The vote tally does not add up.' },
  NO_QUORUM: { vi: 'Cuộc họp không đủ số tổ viên tham dự.', en: 'The meeting had no quorum.' },
  AMOUNT_OVER_CEILING: { vi: 'Số tiền vượt mức cho vay tối đa.', en: 'The amount is over the ceiling.' },
  AMOUNT_OVER_REQUESTED: { vi: 'Số tiền vượt số tiền đề nghị vay.', en: 'The amount is over what was requested.' },
  TERM_OVER_MAXIMUM: { vi: 'Thời hạn vượt mức tối đa.', en: 'The term is over the maximum.' },
  DISBURSEMENT_AMOUNT_MISMATCH: {
    vi: 'Số tiền giải ngân khác số tiền được duyệt.',
    en: 'The disbursed amount differs from the approved one.',
  },
  PROPOSAL_MISMATCH: {
    vi: 'Khác với đề xuất của cán bộ tín dụng.',
    en: "It differs from the credit officer's proposal.",
  },
  OUTCOME_NOT_ALLOWED: { vi: 'Không được chọn kết quả này.', en: 'This outcome is not allowed.' },
  DATE_IN_FUTURE: { vi: 'Ngày không được sau hôm nay.', en: 'The date may not be in the future.' },
  DATE_BEFORE_SUBMISSION: { vi: 'Ngày không được trước ngày nộp hồ sơ.', en: 'The date is before submission.' },
  DATE_BEFORE_APPROVAL: { vi: 'Ngày không được trước ngày phê duyệt.', en: 'The date is before approval.' },
  BORROWER_UNDER_18: { vi: 'Người vay phải từ đủ 18 tuổi.', en: 'The borrower must be 18 or over.' },
  NOT_ON_WARD_LIST: {
    vi: 'Hộ không có trong danh sách của phường/xã.',
    en: "The household is not on the ward's list.",
  },
  LISTED_CATEGORY_MISMATCH: {
    vi: 'Phân loại hộ khác với danh sách của phường/xã.',
    en: "The category differs from the ward's list.",
  },
  LISTING_EXPIRED: { vi: 'Hộ đã hết thời hạn trong danh sách.', en: 'The listing has expired.' },
  OPEN_APPLICATION_EXISTS: { vi: 'Hộ đang có một hồ sơ chưa kết thúc.', en: 'The household has an open application.' },
  OVERDUE_DEBT: { vi: 'Hộ đang có nợ quá hạn.', en: 'The household has overdue debt.' },
  UNSUPPORTED_FORMAT: { vi: 'Không đọc được định dạng tệp.', en: 'The file format is not supported.' },
  FILE_UNREADABLE: { vi: 'Không đọc được tệp.', en: 'The file could not be read.' },
  HEADER_NOT_FOUND: { vi: 'Không tìm thấy dòng tiêu đề trong tệp.', en: 'No header row was found.' },
  MISSING_COLUMN: { vi: 'Tệp thiếu cột bắt buộc.', en: 'A required column is missing.' },
  DUPLICATE_COLUMN: { vi: 'Tệp có cột bị trùng.', en: 'A column appears twice.' },
  TOO_MANY_ROWS: { vi: 'Tệp có quá nhiều dòng.', en: 'The file has too many rows.' },
  RATE_LIMITED: { vi: 'Bạn thử quá nhiều lần. Vui lòng đợi một phút.', en: 'Too many tries. Please wait a minute.' },
  RECORDING_FAILED: {
    vi: 'Hệ thống không ghi được thao tác này. Bộ phận kỹ thuật đã được báo; vui lòng liên hệ cán bộ phụ trách.',
    en: 'The system could not record this. The technical team has been alerted; please contact the officer in charge.',
  },
  CLEAR_ALREADY_REQUESTED: {
    vi: 'Một cán bộ khác vừa đề nghị xóa khoản nợ này. Vui lòng tải lại trước khi xác nhận.',
    en: 'Another officer has just asked to clear this debt. Reload it before confirming.',
  },
  DEMO_PASSWORD_IN_USE: {
    vi: 'Tài khoản vẫn dùng mật khẩu mẫu. Hãy đặt lại mật khẩu trước khi mở lại tài khoản.',
    en: 'The account still has the demo password. Reset its password before enabling it.',
  },
  TEMPORAL_UNAVAILABLE: {
    vi: 'Hệ thống xử lý hồ sơ tạm thời gián đoạn. Vui lòng thử lại sau.',
    en: 'Processing is unavailable for a moment. Please try again later.',
  },
  NOTHING_WAITING: {
    vi: 'Tổ không có hồ sơ nào đang chờ ở bước này.',
    en: 'No application of the group is waiting at this step.',
  },
  BATCH_NOT_DRAFT: {
    vi: 'Danh sách đã gửi, không sửa được nữa.',
    en: 'The list has been submitted and can no longer be changed.',
  },
  BATCH_NOT_SUBMITTED: {
    vi: 'Danh sách chưa được cán bộ tín dụng gửi đề xuất.',
    en: "The list has not been submitted with the credit officer's proposals yet.",
  },
  BATCH_NOT_CONFIRMED: {
    vi: 'Danh sách chưa được phê duyệt nên chưa có thông báo 04/TD.',
    en: 'The list is not confirmed yet, so it has no notice 04/TD.',
  },
  NOT_IN_BATCH: { vi: 'Hồ sơ không có trong danh sách này.', en: 'The application is not on this list.' },
  DATABASE_UNAVAILABLE: {
    vi: 'Cơ sở dữ liệu tạm thời gián đoạn. Vui lòng thử lại sau.',
    en: 'The database is unavailable for a moment. Please try again later.',
  },
  MEETING_ALREADY_OPEN: {
    vi: 'Tổ đã có một cuộc họp bình xét chưa kết thúc.',
    en: 'The group already has a review meeting that is not closed.',
  },
  MEETING_CLOSED: {
    vi: 'Cuộc họp đã kết thúc, không sửa được nữa.',
    en: 'The meeting is closed and can no longer be changed.',
  },
  MEETING_NOT_CLOSED: {
    vi: 'Cuộc họp chưa kết thúc nên chưa có biên bản và danh sách.',
    en: 'The meeting is not closed yet, so it has no minutes or list.',
  },
  NOT_A_MEMBER: { vi: 'Người này không phải tổ viên của tổ.', en: 'This person is not a member of the group.' },
  MEMBER_NOT_PRESENT: {
    vi: 'Tổ viên không có mặt nên không biểu quyết được.',
    en: 'The member is not present and cannot vote.',
  },
  MEMBER_RECUSED: {
    vi: 'Người vay và thành viên hộ của người vay không biểu quyết hồ sơ của hộ mình.',
    en: "The applicant and members of the applicant's household do not vote on its application.",
  },
  NOT_ON_AGENDA: {
    vi: 'Hồ sơ không có trong chương trình cuộc họp.',
    en: 'The application is not on the meeting agenda.',
  },
  ...LOAN_ERROR_MESSAGES,
  INSUFFICIENT_CAPITAL: {
    vi: 'Không nguồn vốn nào của chương trình còn đủ vốn khả dụng cho khoản vay này.',
    en: 'No capital source of the programme has enough available capital for this loan.',
  },
  CAPITAL_SOURCE_EXISTS: { vi: 'Mã nguồn vốn đã tồn tại.', en: 'A capital source with this code already exists.' },
  UNKNOWN_CAPITAL_SOURCE: { vi: 'Không có nguồn vốn này.', en: 'There is no such capital source.' },
  RECALL_EXCEEDS_AVAILABLE: {
    vi: 'Số tiền thu hồi lớn hơn số vốn khả dụng của nguồn vốn.',
    en: 'The recall is more than the capital available in the source.',
  },
  NO_DISBURSED_LOAN: { vi: 'Hồ sơ chưa được giải ngân từ nguồn vốn nào.', en: 'No loan was disbursed from a source.' },
  REPAYMENT_EXCEEDS_OUTSTANDING: {
    vi: 'Số tiền trả lớn hơn dư nợ còn lại.',
    en: 'The repayment is more than the loan still owes.',
  },
} as const satisfies Record<ErrorCode, Bilingual>;
