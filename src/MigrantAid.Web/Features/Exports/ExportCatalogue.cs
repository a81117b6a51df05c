namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// Every file of the organisation export, in the order written. What a file leaves out is listed with
/// it (and in the README): no narratives (accounts, wishes, notes, summaries, free-text results) and no
/// contact data or names of the people we help anywhere. Staff names are kept (users.csv), so that
/// caseloads can be read; their e-mails, phones and password hashes are not.
/// </summary>
public static class ExportCatalogue
{
    /// <remarks>Each group of files is a static class of the same shape: its files as properties, and <c>All</c> in their order.</remarks>
    public static readonly IReadOnlyList<ExportFile> Files = [
        .. ExportOrganisationFiles.All, .. ExportPeopleFiles.All, .. ExportCaseFiles.All, .. ExportCourtFiles.All, .. ExportInternationalFiles.All,
    ];

    /// <summary>Left out of every file, whatever the table.</summary>
    public static readonly IReadOnlyList<string> LeftOutEverywhere =
    [
        "names, contacts (phones, e-mails, addresses, messengers) and contact notes of clients",
        "narratives: intake accounts and wishes, case notes and timeline texts, outcome notes, decision summaries, hearing results, deadline notes, submission and link notes",
        "uploaded files and their names",
        "the audit log, notifications, sign-in data and the portal's keys",
    ];
}
