package vn.lienthong.gateway.domain.calendar;

/** The public holidays of the Labour Code 2019, art. 112 (plus Vietnam Culture Day from 2026). */
public enum Holiday {
    NEW_YEAR("Tết Dương lịch", HolidaySource.LAW),
    TET("Tết Nguyên đán", HolidaySource.LUNAR),
    HUNG_KINGS("Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidaySource.LUNAR),
    REUNIFICATION("Ngày Chiến thắng (30/4)", HolidaySource.LAW),
    LABOUR("Ngày Quốc tế Lao động (1/5)", HolidaySource.LAW),
    NATIONAL_DAY("Quốc khánh (2/9)", HolidaySource.LAW),
    CULTURE_DAY("Ngày Văn hóa Việt Nam (24/11)", HolidaySource.LAW);

    private final String vietnameseName;
    private final HolidaySource source;

    Holiday(String vietnameseName, HolidaySource source) {
        this.vietnameseName = vietnameseName;
        this.source = source;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public HolidaySource source() {
        return source;
    }
}
