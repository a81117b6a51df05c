using System.Globalization;

namespace MigrantAid.Web.Features.Shared;

/// <summary>The intake list's filters, as typed (the dashboard's links): office, submitted between two dates, or urgent and overdue.</summary>
public sealed class IntakeFilterQuery
{
    public string? Office { get; set; }

    /// <summary>Submitted on or after this office-local date (yyyy-MM-dd).</summary>
    public string? SubmittedFrom { get; set; }

    /// <summary>Submitted on or before this office-local date (yyyy-MM-dd).</summary>
    public string? SubmittedTo { get; set; }

    /// <summary>"urgent": urgent intakes still waiting for a decision after their response target.</summary>
    public string? Overdue { get; set; }

    /// <summary>The <see cref="Overdue"/> value of urgent intakes waiting for a decision, within their target or late.</summary>
    public const string UrgentWaiting = "urgent-waiting";

    public IntakeFilter? Parse()
    {
        static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        Guid? office = Guid.TryParse(Office, out var id) ? id : null;
        var from = Date(SubmittedFrom);
        var to = Date(SubmittedTo);
        var overdue = string.Equals(Overdue?.Trim(), "urgent", StringComparison.OrdinalIgnoreCase);
        var waiting = string.Equals(Overdue?.Trim(), UrgentWaiting, StringComparison.OrdinalIgnoreCase);
        return from is null && to is null && !overdue && !waiting ? null : new IntakeFilter(office, from, to, overdue, waiting);
    }

    public string ToUrl(string? after = null, string? before = null)
    {
        var values = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("office", Office);
        Add("submittedFrom", SubmittedFrom);
        Add("submittedTo", SubmittedTo);
        Add("overdue", Overdue);
        Add("after", after);
        Add("before", before);
        return "/intakes" + (values.Count == 0 ? "" : "?" + string.Join("&", values));
    }
}

/// <param name="OverdueUrgent">Urgent intakes still submitted (not accepted or rejected) whose response target has passed.</param>
/// <param name="UrgentWaiting">Urgent intakes still submitted, whether their response target has passed or not.</param>
public sealed record IntakeFilter(Guid? OfficeId, DateOnly? SubmittedFrom, DateOnly? SubmittedTo, bool OverdueUrgent, bool UrgentWaiting = false);
