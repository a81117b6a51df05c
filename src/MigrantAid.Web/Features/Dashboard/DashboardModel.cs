using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>One counted figure and the list that shows exactly the rows counted.</summary>
public sealed record DashboardFigure(string Key, string Label, int Count, string Url);

public sealed record DashboardWeekRow(DateOnly WeekStart, DateOnly WeekEnd, int Intakes, string IntakesUrl, int Closed, string ClosedUrl);

public sealed record DashboardLawyerRow(Guid Id, string Name, int Open, string OpenUrl, int Urgent, string UrgentUrl, int Overdue, string OverdueUrl);

/// <summary>Decisions (or submissions) decided and those won, with their drill-down lists.</summary>
public sealed record DashboardOutcomeRow(string Key, string Label, int Decided, string DecidedUrl, int Won, string WonUrl)
{
    public double? Share => Decided == 0 ? null : (double)Won / Decided;
}

public sealed record DashboardOutcomes(
    IReadOnlyList<DashboardOutcomeRow> ByQuarter, IReadOnlyList<DashboardOutcomeRow> ByForum, IReadOnlyList<DashboardOutcomeRow> ByCategory, DashboardOutcomeRow Total);

/// <summary>A median of whole days over <see cref="Cases"/> cases; null when there are none.</summary>
public sealed record DashboardMedian(double? Days, int Cases, string Url);

public sealed record DashboardOption(string Value, string Text);

public sealed record DashboardModel(
    DashboardQuery Query,
    DashboardFilter Filter,
    IReadOnlyList<DashboardOption> Offices,
    int OpenTotal,
    string OpenTotalUrl,
    IReadOnlyList<DashboardFigure> ByStatus,
    IReadOnlyList<DashboardFigure> ByCategory,
    IReadOnlyList<DashboardFigure> ByOffice,
    IReadOnlyList<DashboardFigure> ByCitizenship,
    IReadOnlyList<DashboardWeekRow> Weeks,
    IReadOnlyList<DashboardLawyerRow> Lawyers,
    DashboardFigure UrgentIntakes,
    DashboardFigure OverdueDeadlines,
    DashboardFigure NextDeadlines,
    DashboardOutcomes Courts,
    DashboardOutcomes UnBodies,
    DashboardMedian ToAssignment,
    DashboardMedian ToClosure,
    DashboardFigure ExpiringDocuments,
    UrgentClock UrgentClock)
{
    /// <summary>How many lawyers have a caseload row; <see cref="Lawyers"/> holds only the largest (<see cref="LawyerCaseloads.OnDashboard"/>).</summary>
    public int LawyerCount { get; init; }
}

/// <summary>One page of every lawyer's caseload, largest first, scaled to the largest of all (<paramref name="Max"/>).</summary>
public sealed record DashboardLawyersModel(string? OfficeName, Guid? OfficeId, IReadOnlyList<DashboardLawyerRow> Rows, int Max, int Page, bool More, int Total);
