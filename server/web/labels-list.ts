/** The applications list's words; part of LABELS in labels.ts. */
export const LIST_LABELS = {
  navApplications: { vi: 'Danh sách hồ sơ', en: 'Applications' },
  listTitle: { vi: 'Danh sách hồ sơ', en: 'Applications' },
  listLead: {
    vi: 'Mọi hồ sơ trong phạm vi của bạn, mới nhất ở trên cùng.',
    en: 'Every application within your scope, the newest first.',
  },
  listSearch: { vi: 'Tìm theo mã hồ sơ, số CCCD hoặc họ tên', en: 'Search by code, citizen ID or name' },
  listSearchHint: {
    vi: 'Họ tên gõ có dấu hoặc không dấu đều được, ví dụ: Nguyen Thi Hoa.',
    en: 'Type the name with or without diacritics, for example: Nguyen Thi Hoa.',
  },
  listWard: { vi: 'Xã/phường', en: 'Ward' },
  listGroup: { vi: 'Tổ tiết kiệm và vay vốn', en: 'Savings group' },
  listStatus: { vi: 'Trạng thái', en: 'Status' },
  listAll: { vi: 'Tất cả', en: 'All' },
  listApply: { vi: 'Tìm', en: 'Search' },
  listEmpty: { vi: 'Không có hồ sơ nào phù hợp.', en: 'No application matches.' },
  listCount: { vi: 'Số hồ sơ tìm thấy', en: 'Applications found' },
  colProgramme: { vi: 'Chương trình', en: 'Programme' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  pagination: { vi: 'Phân trang', en: 'Pages' },
  pagePrevious: { vi: 'Trang trước', en: 'Previous page' },
  pageNext: { vi: 'Trang sau', en: 'Next page' },
  pageOf: { vi: 'Trang', en: 'Page' },
} as const;
