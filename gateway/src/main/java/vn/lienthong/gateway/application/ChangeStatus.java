package vn.lienthong.gateway.application;

import java.util.List;

import vn.lienthong.gateway.domain.dossier.DossierStatus;

/**
 * A request to move a dossier to another status, with the reason shown to the citizen; a
 * supplement request (form 02) also names the documents the citizen must add.
 */
public record ChangeStatus(DossierStatus target, String reason, String actor, List<String> documentsToAdd) {

    public ChangeStatus {
        documentsToAdd = documentsToAdd == null ? List.of() : documentsToAdd.stream().map(String::strip)
                .filter(d -> !d.isEmpty()).toList();
    }

    public ChangeStatus(DossierStatus target, String reason, String actor) {
        this(target, reason, actor, List.of());
    }

    /** The longest note the processing record keeps. */
    static final int MAX_NOTE = 2000;

    /**
     * The line of the processing record (form 06): the reason, and the documents to add when there
     * are any, cut to what the record keeps (form 02 itself lists every document in full).
     */
    public String recordedNote() {
        if (documentsToAdd.isEmpty()) {
            return reason;
        }
        String note = (reason == null ? "" : reason + ". ") + "Giấy tờ cần bổ sung: " + String.join("; ", documentsToAdd);
        return note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
    }
}
