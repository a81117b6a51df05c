namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// The desk's and the calendar's addresses for the links their handlers build (pages of a group, neighbouring
/// periods), from the routes of <see cref="DeskController"/>, so no handler spells a path. Empty when the host maps
/// no endpoints: the tools build the portal's host without starting it and never follow these links.
/// </summary>
public static class DeskLinks
{
    public static string DeskPath(this LinkGenerator links) => Path(links, nameof(DeskController.Index));

    public static string CalendarPath(this LinkGenerator links) => Path(links, nameof(DeskController.Calendar));

    private static string Path(LinkGenerator links, string action) => links.GetPathByAction(action, "Desk") ?? string.Empty;
}
