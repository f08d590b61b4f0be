package vn.lienthong.gateway.domain.exchange;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One message from the desk to another agency, as the outbox keeps it: the stable message id the
 * agency de-duplicates on, the payload, and how far delivery has come.
 */
public record AgencyMessage(long id,
                            String messageId,
                            DossierCode dossierCode,
                            String agencyId,
                            String operation,
                            String payload,
                            ExchangeStatus status,
                            int attempts,
                            String ticket,
                            String result,
                            String lastError,
                            OffsetDateTime nextAttemptAt,
                            OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {
}
