// The pages' words, Vietnamese first, and dates as dd/MM/yyyy in Vietnam's time whatever the
// browser's zone. Elements carry data-i18n="key" (their text) or data-i18n-label="key" (aria-label).

const WORDS = {
  vi: {
    'skip': 'Bỏ qua, đến nội dung chính',
    'brand': 'Liên Thông – Một cửa điện tử',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'nav.citizen': 'Trang dành cho công dân',
    'nav.lookup': 'Tra cứu hồ sơ',
    'nav.verify': 'Kiểm tra văn bản điện tử',
    'nav.console': 'Cán bộ đăng nhập',
    'footer': 'Cổng liên thông thủ tục hành chính. Trang không dùng cookie.',
    'lookup.title': 'Tra cứu hồ sơ',
    'lookup.intro': 'Nhập mã hồ sơ in trên giấy tiếp nhận và 4 chữ số cuối của số điện thoại đã khai khi nộp hồ sơ.',
    'lookup.code': 'Mã hồ sơ',
    'lookup.code.hint': 'Ví dụ: 000.20.20.H30-261207-0001',
    'lookup.phone': '4 chữ số cuối số điện thoại',
    'lookup.submit': 'Tra cứu',
    'lookup.result': 'Kết quả tra cứu',
    'lookup.status': 'Tình trạng',
    'lookup.step': 'Đang xử lý tại',
    'lookup.due': 'Ngày hẹn trả kết quả',
    'lookup.ready': 'Kết quả',
    'lookup.ready.yes': 'Đã có kết quả, mời ông/bà đến nhận',
    'lookup.ready.no': 'Chưa có kết quả',
    'lookup.notFound': 'Không tìm thấy hồ sơ khớp với mã hồ sơ và số điện thoại đã nhập. Xin kiểm tra lại mã hồ sơ trên giấy tiếp nhận và 4 số cuối điện thoại.',
    'lookup.phoneInvalid': 'Xin nhập đúng 4 chữ số cuối của số điện thoại (ví dụ 5678).',
    'lookup.codeMissing': 'Xin nhập mã hồ sơ.',
    'lookup.throttled': 'Ông/bà đã tra cứu nhiều lần trong thời gian ngắn. Xin đợi khoảng {s} giây rồi thử lại.',
    'verify.title': 'Kiểm tra văn bản điện tử',
    'verify.intro': 'Chọn tệp PDF (văn bản do cơ quan nhà nước cấp, có chữ ký số) để kiểm tra ai đã ký, khi nào, văn bản có bị sửa sau khi ký không và chứng thư số có được tin cậy không. Tệp chỉ được kiểm tra, không được lưu lại.',
    'verify.file': 'Tệp PDF cần kiểm tra',
    'verify.submit': 'Kiểm tra',
    'verify.checking': 'Đang kiểm tra…',
    'verify.result': 'Kết quả kiểm tra',
    'verify.none': 'Văn bản không có chữ ký số nào, nên không xác thực được nguồn gốc.',
    'verify.summary.ok': 'Tất cả {n} chữ ký đều hợp lệ: văn bản không bị sửa đổi kể từ khi ký.',
    'verify.summary.broken': 'Văn bản đã bị sửa đổi hoặc chữ ký không hợp lệ: chữ ký số {list} bị phá vỡ.',
    'verify.summary.unsure': 'Chưa khẳng định được văn bản: có chữ ký chưa xác định được (xem từng chữ ký bên dưới).',
    'verify.signature': 'Chữ ký số {i}',
    'verify.verdict.TOTAL_PASSED': 'Hợp lệ',
    'verify.verdict.TOTAL_FAILED': 'Không hợp lệ',
    'verify.verdict.INDETERMINATE': 'Chưa xác định được',
    'verify.signer': 'Người ký',
    'verify.agency': 'Cơ quan, tổ chức',
    'verify.when': 'Thời điểm ký',
    'verify.when.claimed': '(do người ký tự khai, không có dấu thời gian)',
    'verify.when.timestamp': '(theo dấu thời gian)',
    'verify.unknown': 'không rõ',
    'verify.content': 'Nội dung',
    'verify.content.same': 'Không thay đổi kể từ khi ký',
    'verify.content.changed': 'ĐÃ BỊ SỬA ĐỔI sau khi ký',
    'verify.content.later': 'Không thay đổi phần đã ký; có phần được thêm sau khi ký (ví dụ chữ ký tiếp theo)',
    'verify.cert': 'Chứng thư số',
    'verify.cert.trusted': 'Được tin cậy (chuỗi chứng thực tới tổ chức cung cấp dịch vụ tin cậy)',
    'verify.cert.untrusted': 'Không được tin cậy: {why}',
    'verify.details': 'Báo cáo chi tiết',
    'verify.findings': 'Các điểm kiểm tra',
    'verify.algorithm': 'Thuật toán, mức chữ ký',
    'verify.field': 'Trường chữ ký',
    'verify.coverage': 'Phạm vi ký',
    'verify.coverage.whole': 'Toàn bộ tệp',
    'verify.coverage.part': 'Một phiên bản của tệp (đến byte {end} trong {len})',
    'verify.tooLarge': 'Tệp quá lớn để kiểm tra (tối đa 20 MB).',
    'verify.notPdf': 'Tệp đã chọn không phải là PDF.',
    'verify.unreadable': 'Không kiểm tra được tệp này một cách an toàn (tệp hỏng hoặc quá phức tạp).',
    'verify.busy': 'Hệ thống đang bận hoặc ông/bà đã kiểm tra nhiều lần. Xin thử lại sau khoảng {s} giây.',
    'verify.noFile': 'Xin chọn một tệp PDF.',
    'error.network': 'Không kết nối được tới hệ thống. Xin kiểm tra mạng rồi thử lại.',
    'error.server': 'Hệ thống đang gặp sự cố và chưa thực hiện được yêu cầu. Xin thử lại sau ít phút; nếu vẫn lỗi, xin báo quản trị (mã yêu cầu: {id}).',
    'error.retry': 'Thử lại',
    'notFound.title': 'Không tìm thấy trang',
    'notFound.text': 'Địa chỉ này không có trang nào. Xin chọn một trang dưới đây.',
    'console.title': 'Bảng điều khiển cán bộ',
    'console.nav': 'Chức năng',
    'console.nav.search': 'Tìm hồ sơ',
    'console.nav.role': 'Các trang của vai trò này sẽ có ở bản sau',
    'console.signOut': 'Đăng xuất',
    'console.officer': 'Cán bộ',
    'console.role': 'Vai trò',
    'console.agency': 'Đơn vị',
    'console.validUntil': 'Phiên đến',
    'signin.title': 'Đăng nhập',
    'signin.demo': 'DEMO',
    'signin.demoNote': 'Chế độ trình diễn: chọn vai trò và đơn vị để nhận một thẻ truy cập ngắn hạn từ bên phát hành demo. Không dùng cho vận hành thật.',
    'signin.role': 'Vai trò',
    'signin.agency': 'Đơn vị',
    'signin.submit': 'Đăng nhập',
    'signin.noDemo': 'Hệ thống dùng hệ thống đăng nhập của tỉnh. Xin đăng nhập qua cổng của tỉnh; trang này chưa hỗ trợ đăng nhập trực tiếp.',
    'signin.expired': 'Phiên đăng nhập đã hết hạn hoặc không còn hợp lệ. Xin đăng nhập lại.',
    'signin.signedOut': 'Đã đăng xuất.',
    'role.desk-officer': 'Cán bộ một cửa',
    'role.leader': 'Lãnh đạo',
    'role.admin': 'Quản trị hệ thống',
    'role.auditor': 'Kiểm tra, thanh tra',
    'search.label': 'Tìm hồ sơ theo mã, họ tên hoặc số định danh',
    'search.submit': 'Tìm',
    'search.none': 'Không có hồ sơ nào khớp.',
    'search.count': 'Tìm thấy {n} hồ sơ.',
    'search.code': 'Mã hồ sơ',
    'search.applicant': 'Người nộp',
    'search.status': 'Tình trạng',
    'search.received': 'Ngày nhận',
    'search.forbidden': 'Vai trò của ông/bà không được tra cứu hồ sơ. Xin đăng nhập với vai trò cán bộ một cửa hoặc lãnh đạo.',
    'forbidden': 'Ông/bà không có quyền xem nội dung này (hồ sơ ngoài phạm vi đơn vị hoặc vai trò không được phép).',
    'dossier.back': 'Quay lại tìm kiếm',
    'dossier.title': 'Hồ sơ {code}',
    'dossier.readOnly': 'Chỉ xem',
    'dossier.procedure': 'Thủ tục',
    'dossier.applicant': 'Người nộp',
    'dossier.agency': 'Đơn vị tiếp nhận',
    'dossier.received': 'Ngày tiếp nhận',
    'dossier.due': 'Ngày hẹn trả',
    'dossier.overdue': 'Quá hạn',
    'dossier.history': 'Quá trình giải quyết (mẫu 06)',
    'dossier.history.at': 'Thời điểm',
    'dossier.history.what': 'Nội dung',
    'dossier.history.from': 'Bên giao',
    'dossier.history.to': 'Bên nhận',
    'dossier.history.actor': 'Người thực hiện',
    'dossier.documents': 'Tài liệu',
    'dossier.documents.none': 'Chưa có tài liệu.',
    'dossier.documents.kind': 'Loại',
    'dossier.documents.title': 'Tên tài liệu',
    'dossier.documents.signature': 'Chữ ký số',
    'dossier.documents.checking': 'Đang kiểm tra…',
    'dossier.documents.unchecked': 'Chưa kiểm tra được',
    'dossier.notFound': 'Không tìm thấy hồ sơ này trong phạm vi của ông/bà.',
    'kind.SCAN': 'Bản chụp giấy tờ',
    'kind.RESULT': 'Kết quả',
    'kind.FORM_01': 'Giấy tiếp nhận (mẫu 01)',
    'kind.FORM_06': 'Phiếu kiểm soát (mẫu 06)',
    'event.RECEIVED': 'Tiếp nhận hồ sơ',
    'event.HANDOVER': 'Chuyển xử lý',
    'event.TRANSITION': 'Chuyển trạng thái',
    'event.EXTENSION': 'Gia hạn',
    'event.AGENCY_SENT': 'Gửi liên thông',
    'event.AGENCY_ACCEPTED': 'Cơ quan liên thông tiếp nhận',
    'event.AGENCY_RESULT': 'Cơ quan liên thông trả kết quả',
    'event.AGENCY_FAILED': 'Liên thông không thành công',
    'event.PAPER_REFUSED': 'Chưa ký số được giấy tờ',
  },
  en: {
    'skip': 'Skip to main content',
    'brand': 'Liên Thông – one-stop desk',
    'lang.switch': 'Tiếng Việt',
    'lang.switch.label': 'Chuyển sang tiếng Việt',
    'nav.citizen': 'Pages for citizens',
    'nav.lookup': 'Track a dossier',
    'nav.verify': 'Check an electronic document',
    'nav.console': 'Officer sign-in',
    'footer': 'Inter-agency administrative procedures gateway. This site uses no cookies.',
    'lookup.title': 'Track a dossier',
    'lookup.intro': 'Enter the dossier code printed on your receipt and the last 4 digits of the phone number you gave when you applied.',
    'lookup.code': 'Dossier code',
    'lookup.code.hint': 'For example: 000.20.20.H30-261207-0001',
    'lookup.phone': 'Last 4 digits of your phone number',
    'lookup.submit': 'Look up',
    'lookup.result': 'Result',
    'lookup.status': 'Status',
    'lookup.step': 'Being handled by',
    'lookup.due': 'Appointment date',
    'lookup.ready': 'Result',
    'lookup.ready.yes': 'Your result is ready to collect',
    'lookup.ready.no': 'Not ready yet',
    'lookup.notFound': 'No dossier matches this code and phone number. Please check the code on your receipt and the last 4 digits of your phone.',
    'lookup.phoneInvalid': 'Please enter exactly the last 4 digits of your phone number (e.g. 5678).',
    'lookup.codeMissing': 'Please enter the dossier code.',
    'lookup.throttled': 'You have looked up many times in a short while. Please wait about {s} seconds and try again.',
    'verify.title': 'Check an electronic document',
    'verify.intro': 'Choose a PDF (a document issued by a state agency, with digital signatures) to see who signed it, when, whether it was changed after signing and whether the certificate is trusted. The file is checked, not kept.',
    'verify.file': 'PDF file to check',
    'verify.submit': 'Check',
    'verify.checking': 'Checking…',
    'verify.result': 'Result of the check',
    'verify.none': 'The document has no digital signature, so its origin cannot be confirmed.',
    'verify.summary.ok': 'All {n} signatures are valid: the document has not been changed since it was signed.',
    'verify.summary.broken': 'The document was changed or a signature is invalid: signature {list} is broken.',
    'verify.summary.unsure': 'The document cannot be confirmed yet: a signature could not be fully checked (see each signature below).',
    'verify.signature': 'Signature {i}',
    'verify.verdict.TOTAL_PASSED': 'Valid',
    'verify.verdict.TOTAL_FAILED': 'Invalid',
    'verify.verdict.INDETERMINATE': 'Could not be determined',
    'verify.signer': 'Signed by',
    'verify.agency': 'Agency or organisation',
    'verify.when': 'Signed at',
    'verify.when.claimed': '(claimed by the signer, no time-stamp)',
    'verify.when.timestamp': '(time-stamped)',
    'verify.unknown': 'unknown',
    'verify.content': 'Content',
    'verify.content.same': 'Unchanged since signing',
    'verify.content.changed': 'CHANGED after signing',
    'verify.content.later': 'The signed part is unchanged; something was added after signing (e.g. a later signature)',
    'verify.cert': 'Certificate',
    'verify.cert.trusted': 'Trusted (chains to a trusted service provider)',
    'verify.cert.untrusted': 'Not trusted: {why}',
    'verify.details': 'Detailed report',
    'verify.findings': 'Checks',
    'verify.algorithm': 'Algorithm, signature level',
    'verify.field': 'Signature field',
    'verify.coverage': 'Signed range',
    'verify.coverage.whole': 'The whole file',
    'verify.coverage.part': 'One revision of the file (up to byte {end} of {len})',
    'verify.tooLarge': 'The file is too large to check (20 MB at most).',
    'verify.notPdf': 'The chosen file is not a PDF.',
    'verify.unreadable': 'This file cannot be checked safely (damaged or too complex).',
    'verify.busy': 'The service is busy or you have checked many times. Please try again in about {s} seconds.',
    'verify.noFile': 'Please choose a PDF file.',
    'error.network': 'Cannot reach the service. Please check your connection and try again.',
    'error.server': 'The service has a problem and could not do this. Please try again in a few minutes; if it persists, tell the administrator (request id: {id}).',
    'error.retry': 'Try again',
    'notFound.title': 'Page not found',
    'notFound.text': 'There is no page at this address. Please choose one below.',
    'console.title': 'Officer console',
    'console.nav': 'Functions',
    'console.nav.search': 'Find a dossier',
    'console.nav.role': 'The pages for this role come in a later version',
    'console.signOut': 'Sign out',
    'console.officer': 'Officer',
    'console.role': 'Role',
    'console.agency': 'Agency',
    'console.validUntil': 'Session until',
    'signin.title': 'Sign in',
    'signin.demo': 'DEMO',
    'signin.demoNote': 'Demo mode: pick a role and an agency to get a short-lived token from the demo issuer. Not for real use.',
    'signin.role': 'Role',
    'signin.agency': 'Agency',
    'signin.submit': 'Sign in',
    'signin.noDemo': 'This gateway uses the province\'s sign-in. Please sign in through the province\'s portal; this page cannot sign you in directly yet.',
    'signin.expired': 'Your session has expired or is no longer valid. Please sign in again.',
    'signin.signedOut': 'Signed out.',
    'role.desk-officer': 'Desk officer',
    'role.leader': 'Leader',
    'role.admin': 'Administrator',
    'role.auditor': 'Auditor',
    'search.label': 'Find a dossier by code, applicant name or citizen ID',
    'search.submit': 'Search',
    'search.none': 'No dossier matches.',
    'search.count': '{n} dossiers found.',
    'search.code': 'Dossier code',
    'search.applicant': 'Applicant',
    'search.status': 'Status',
    'search.received': 'Received',
    'search.forbidden': 'Your role may not search dossiers. Please sign in as a desk officer or a leader.',
    'forbidden': 'You may not see this (a dossier outside your agency, or a role that is not allowed).',
    'dossier.back': 'Back to the search',
    'dossier.title': 'Dossier {code}',
    'dossier.readOnly': 'Read only',
    'dossier.procedure': 'Procedure',
    'dossier.applicant': 'Applicant',
    'dossier.agency': 'Receiving agency',
    'dossier.received': 'Received on',
    'dossier.due': 'Due on',
    'dossier.overdue': 'Overdue',
    'dossier.history': 'Processing record (form 06)',
    'dossier.history.at': 'When',
    'dossier.history.what': 'What',
    'dossier.history.from': 'From',
    'dossier.history.to': 'To',
    'dossier.history.actor': 'By',
    'dossier.documents': 'Documents',
    'dossier.documents.none': 'No documents yet.',
    'dossier.documents.kind': 'Kind',
    'dossier.documents.title': 'Title',
    'dossier.documents.signature': 'Signature',
    'dossier.documents.checking': 'Checking…',
    'dossier.documents.unchecked': 'Not checked',
    'dossier.notFound': 'This dossier was not found within your scope.',
    'kind.SCAN': 'Scanned papers',
    'kind.RESULT': 'Result',
    'kind.FORM_01': 'Receipt (form 01)',
    'kind.FORM_06': 'Tracking sheet (form 06)',
    'event.RECEIVED': 'Received',
    'event.HANDOVER': 'Handed over',
    'event.TRANSITION': 'Status changed',
    'event.EXTENSION': 'Extended',
    'event.AGENCY_SENT': 'Sent to agency',
    'event.AGENCY_ACCEPTED': 'Accepted by agency',
    'event.AGENCY_RESULT': 'Agency result',
    'event.AGENCY_FAILED': 'Agency exchange failed',
    'event.PAPER_REFUSED': 'Paper not signed',
  },
};

const STATUS_VI = {
  RECEIVED: 'Mới tạo / đã tiếp nhận', IN_PROGRESS: 'Đang xử lý', SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung hồ sơ',
  COMPLETED: 'Đã hoàn thành', PARTIALLY_COMPLETED: 'Hoàn thành một phần', REJECTED: 'Bị từ chối', STOPPED: 'Dừng giải quyết',
};

const STATUS_EN = {
  RECEIVED: 'Received', IN_PROGRESS: 'In progress', SUPPLEMENT_REQUESTED: 'Supplement requested',
  COMPLETED: 'Completed', PARTIALLY_COMPLETED: 'Partially completed', REJECTED: 'Rejected', STOPPED: 'Stopped',
};

const KEY = 'lienthong.lang';
const listeners = [];

/** The language shown: the one chosen last (kept in this browser), else Vietnamese. */
export function language() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
}

/** The text for key in the current language, with {name} replaced from params. */
export function t(key, params = {}) {
  const text = WORDS[language()][key] ?? WORDS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** A status's label: the API's Vietnamese label, or its English name. */
export function statusLabel(status, vietnamese) {
  return language() === 'en' ? (STATUS_EN[status] ?? status) : (vietnamese ?? STATUS_VI[status] ?? status);
}

/** Calls back after every language switch, so that a page redraws what it drew. */
export function onLanguageChange(callback) {
  listeners.push(callback);
}

/** Writes the static words of the page and sets the switch button. */
export function applyLanguage() {
  document.documentElement.lang = language();
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
  const button = document.getElementById('lang');
  if (button) {
    button.textContent = t('lang.switch');
    button.lang = language() === 'en' ? 'vi' : 'en';
    button.setAttribute('aria-label', t('lang.switch.label'));
  }
  const title = document.querySelector('title[data-title]');
  if (title) {
    document.title = t(title.dataset.title) + ' – Liên Thông';
  }
}

/** Wires the switch button; call once per page. */
export function setUpLanguage() {
  applyLanguage();
  document.getElementById('lang')?.addEventListener('click', () => {
    localStorage.setItem(KEY, language() === 'en' ? 'vi' : 'en');
    applyLanguage();
    listeners.forEach((callback) => callback());
  });
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** dd/MM/yyyy in Vietnam time, or '' for nothing. */
export function formatDate(iso) {
  const p = iso ? parts(iso) : null;
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** dd/MM/yyyy HH:mm in Vietnam time, or '' for nothing. */
export function formatDateTime(iso) {
  const p = iso ? parts(iso) : null;
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}
