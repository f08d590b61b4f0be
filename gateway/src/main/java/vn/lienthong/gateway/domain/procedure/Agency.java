package vn.lienthong.gateway.domain.procedure;

/** A receiving unit known to this gateway, by its electronic identifier (Decision 20/2020/QĐ-TTg). */
public record Agency(String code, String name, String level, String parentCode) {
}
