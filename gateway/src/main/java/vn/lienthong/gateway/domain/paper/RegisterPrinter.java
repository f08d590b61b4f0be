package vn.lienthong.gateway.domain.paper;

import vn.lienthong.gateway.domain.dossier.DossierRegister;

/** Prints the dossier register (form 07) as a PDF/A-2b sealed with the agency's signature. */
public interface RegisterPrinter {

    /** The signed PDF's bytes; a register is printed on demand and not archived. */
    byte[] sealed(DossierRegister register);
}
