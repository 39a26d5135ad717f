/** The ward's household list, beside ward verification; part of LABELS in labels.ts. */
export const REGISTRY_LABELS = {
  registryCheck: { vi: 'Đối chiếu danh sách hộ của phường', en: "The ward's household list" },
  registryFound: { vi: 'Có trong danh sách', en: 'On the list' },
  registryNotFound: { vi: 'Không có trong danh sách hộ của phường', en: "Not on the ward's household list" },
  registryHousehold: { vi: 'Mã hộ', en: 'Household' },
  registryCategory: { vi: 'Loại hộ theo danh sách', en: 'Category on the list' },
  registryListed: { vi: 'Có tên từ ngày', en: 'Listed from' },
  registryExpires: { vi: 'Hết hạn ngày', en: 'Expires on' },
  registryExpired: { vi: 'Đã hết hạn', en: 'Expired' },
  registryCurrent: { vi: 'Còn hiệu lực', en: 'Current' },
  registryNotYet: { vi: 'Chưa có hiệu lực', en: 'Not yet current' },
  registryPrefilled: {
    vi: 'Mẫu quyết định đã được điền sẵn theo danh sách; bạn có thể sửa trước khi ghi.',
    en: 'The decision form is filled in from the list; change it before recording if needed.',
  },
} as const;
