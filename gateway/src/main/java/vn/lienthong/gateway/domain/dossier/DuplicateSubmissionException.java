package vn.lienthong.gateway.domain.dossier;

import vn.lienthong.gateway.domain.RefusedException;

/** Another request with the same Idempotency-Key created its dossier at the same moment; a retry returns it. */
public class DuplicateSubmissionException extends RefusedException {

    public DuplicateSubmissionException(String key) {
        super("Một yêu cầu khác cùng Idempotency-Key '" + key + "' vừa tạo hồ sơ; gửi lại yêu cầu để nhận hồ sơ đó",
                "Another request with Idempotency-Key '" + key + "' has just created its dossier; retry to receive it",
                null);
    }
}
