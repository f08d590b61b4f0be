package vn.lienthong.gateway.domain.dossier;

import java.util.List;

/** One page of a dossier listing, with the total across all pages. */
public record DossierPage(List<Dossier> items, int page, int size, long total) {

    public DossierPage {
        items = List.copyOf(items);
    }
}
