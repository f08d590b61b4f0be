package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;

/** A dossier handed in at the counter or online, as the desk system sends it. */
public record SubmitDossier(String procedureCode,
                            String agencyCode,
                            Applicant applicant,
                            String formData,
                            Channel channel,
                            String receivedBy) {
}
