// Đánh giá: the citizen rates a finished dossier once (attitude, time, overall 1–5, an optional
// comment) with the code and phone digits of the look-up. Text nodes only: a comment is shown as written.
import { call } from './api.js';
import { h, notice, show } from './dom.js';
import { language } from './i18n.js';

const WORDS = {
  vi: {
    title: 'Đánh giá chất lượng phục vụ',
    intro: 'Hồ sơ đã giải quyết xong. Xin ông/bà cho điểm từ 1 (rất không hài lòng) đến 5 (rất hài lòng). Mỗi hồ sơ đánh giá một lần; đánh giá không ghi tên người đánh giá.',
    attitude: 'Thái độ của cán bộ',
    time: 'Thời gian giải quyết',
    overall: 'Hài lòng chung với kết quả',
    comment: 'Ý kiến góp ý (không bắt buộc)',
    commentHint: 'Ý kiến được lãnh đạo đơn vị xem trước khi công khai.',
    submit: 'Gửi đánh giá',
    missing: 'Xin cho điểm cả ba mục.',
    thanks: 'Cảm ơn ông/bà đã đánh giá.',
    yourComment: 'Ý kiến của ông/bà (chờ lãnh đạo duyệt):',
    already: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.',
    notFound: 'Không tìm thấy hồ sơ khớp với mã hồ sơ và số điện thoại đã nhập.',
    throttled: 'Ông/bà đã gửi nhiều lần trong thời gian ngắn. Xin đợi khoảng {s} giây rồi thử lại.',
    failed: 'Chưa gửi được đánh giá. Xin thử lại sau.',
  },
  en: {
    title: 'Rate our service',
    intro: 'Your dossier is finished. Please give marks from 1 (very dissatisfied) to 5 (very satisfied). Each dossier is rated once; ratings do not record who gave them.',
    attitude: 'The officer\'s attitude',
    time: 'Time taken',
    overall: 'Overall satisfaction with the result',
    comment: 'Comment (optional)',
    commentHint: 'The unit\'s leader reads comments before they are published.',
    submit: 'Send rating',
    missing: 'Please give a mark for all three.',
    thanks: 'Thank you for your rating.',
    yourComment: 'Your comment (waiting for the leader\'s approval):',
    already: 'This dossier has been rated already. Each dossier is rated once.',
    notFound: 'No dossier matches this code and phone number.',
    throttled: 'You have sent many requests in a short while. Please wait about {s} seconds and try again.',
    failed: 'The rating could not be sent. Please try again later.',
  },
};

const MARKS = ['attitude', 'time', 'overall'];

function w(key, params = {}) {
  const text = WORDS[language()][key];
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Statuses after which a dossier may be rated. */
export const FINISHED = new Set(['COMPLETED', 'PARTIALLY_COMPLETED', 'REJECTED', 'STOPPED']);

/** The rating section for dossier code, rated with the phone digits the look-up used. */
export function ratingSection(code, digits) {
  const answer = h('div', { id: 'rating-answer', 'aria-live': 'polite' });
  const fieldsets = MARKS.map((mark) => h('fieldset', { class: 'marks' },
    h('legend', {}, w(mark)),
    [1, 2, 3, 4, 5].map((n) => h('label', { class: 'mark' },
      h('input', { type: 'radio', name: mark, value: String(n) }), String(n)))));
  const comment = h('textarea', { id: 'rating-comment', name: 'comment', rows: '3', maxlength: '2000',
    'aria-describedby': 'rating-comment-hint' });
  const form = h('form', { class: 'stack', id: 'rating', novalidate: true },
    fieldsets,
    h('div', { class: 'field' },
      h('label', { for: 'rating-comment' }, w('comment')),
      comment,
      h('p', { class: 'hint', id: 'rating-comment-hint' }, w('commentHint'))),
    h('button', { type: 'submit', class: 'primary' }, w('submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const marks = Object.fromEntries(MARKS.map((mark) => [mark,
      Number.parseInt(form.querySelector(`input[name="${mark}"]:checked`)?.value || '0', 10)]));
    if (MARKS.some((mark) => !marks[mark])) {
      show(answer, notice('error', w('missing')));
      return;
    }
    form.setAttribute('aria-busy', 'true');
    const sent = await call('POST', 'api/v1/public/ratings', {
      body: { code, phone: digits, ...marks, comment: comment.value.trim() || null },
    });
    form.removeAttribute('aria-busy');
    if (sent.ok) {
      form.hidden = true;
      show(answer, notice('ok', h('p', {}, w('thanks')),
        sent.body && sent.body.comment ? [h('p', {}, w('yourComment')),
          h('blockquote', { class: 'citizen-comment' }, sent.body.comment)] : null));
    } else if (sent.status === 409) {
      form.hidden = true;
      show(answer, notice('info', w('already')));
    } else if (sent.kind === 'notFound') {
      show(answer, notice('error', w('notFound')));
    } else if (sent.kind === 'throttled') {
      show(answer, notice('error', w('throttled', { s: sent.retryAfter })));
    } else {
      show(answer, notice('error', w('failed')));
    }
  });
  return h('section', { id: 'danh-gia', 'aria-labelledby': 'rating-heading' },
    h('h2', { id: 'rating-heading', tabindex: '-1' }, w('title')),
    h('p', {}, w('intro')),
    form,
    answer);
}
