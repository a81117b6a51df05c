using System.Globalization;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>The addresses of the dashboard's own drill-down lists (<see cref="DashboardListsHandler"/>).</summary>
public static class DashboardLinks
{
    public static string Deadlines(DeadlineWindow window, string? office, string? lawyer)
    {
        var url = "/dashboard/deadlines?window=" + (window == DeadlineWindow.Overdue ? "overdue" : "next14");
        url += office is null ? "" : "&office=" + office;
        return url + (lawyer is null ? "" : "&lawyer=" + lawyer);
    }

    public static string Assigned(string? office, string from, string to) =>
        "/dashboard/assigned?from=" + from + "&to=" + to + (office is null ? "" : "&office=" + office);

    public static string Outcomes(OutcomeKind kind, string? office, DateOnly from, DateOnly to, string? forum = null, int? category = null, bool won = false) =>
        "/dashboard/outcomes?kind=" + (kind == OutcomeKind.Court ? "court" : "un")
        + "&from=" + DashboardQuery.Iso(from) + "&to=" + DashboardQuery.Iso(to)
        + (office is null ? "" : "&office=" + office)
        + (forum is null ? "" : "&forum=" + Uri.EscapeDataString(forum))
        + (category is null ? "" : "&category=" + category.Value.ToString(CultureInfo.InvariantCulture))
        + (won ? "&won=true" : "");
}

public enum DeadlineWindow
{
    Overdue,
    Next14,
}

public enum OutcomeKind
{
    Court,
    Un,
}
