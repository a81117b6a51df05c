namespace MigrantAid.Web.Domain.International;

/// <summary>
/// International bodies that take submissions and issue recommendations. A deadline rule's forum for
/// one of them is the member's name (e.g. "CRC"); for national courts it is a country code.
/// </summary>
public enum InternationalBody
{
    CMW = 0,
    CRC = 1,
    CESCR = 2,
    CEDAW = 3,
    CERD = 4,
    CCPR = 5,
    CAT = 6,
    ECtHR = 7,
    SpecialProcedures = 8,
    UPR = 9,
}
