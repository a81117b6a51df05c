using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>One line of a digest: a case reference, a title, and the date (or a hearing's instant and its office's zone).</summary>
public sealed record DigestItem(NotificationKind Kind, string Reference, string Title, DateOnly? DueOn, DateTimeOffset? StartsAt, string? TimeZoneId);

/// <summary>
/// Writes the daily digest in the user's language: case references, titles and dates, grouped by urgency, and a
/// link to the desk. Nothing else about a case, and never a client's name (the e-mail leaves the portal).
/// </summary>
public sealed class DigestEmail(
    IStringLocalizer<SharedResource> l,
    IOptions<RequestLocalizationOptions> localization,
    IOptions<ReminderOptions> reminders,
    IConfiguration configuration)
{
    private static readonly NotificationKind[] Order =
        [NotificationKind.DeadlineOverdue, NotificationKind.DeadlineDueToday, NotificationKind.DeadlineDueSoon, NotificationKind.HearingSoon];

    public OutgoingMail Compose(string to, string? language, DateOnly day, IReadOnlyList<DigestItem> items)
    {
        var code = SupportedLanguages.IsSupported(language) ? language! : SupportedLanguages.English;
        var culture = localization.Value.SupportedUICultures?.FirstOrDefault(c => c.Name == code) ?? CultureInfo.GetCultureInfo(code);
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return new OutgoingMail(to, l["MigrantAid: {0} dates need your attention", items.Count], Body(day, items), code);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    private string Body(DateOnly day, IReadOnlyList<DigestItem> items)
    {
        var text = new StringBuilder();
        text.AppendLine(l["Your reminders for {0}.", CaseText.Date(day)]);
        foreach (var kind in Order)
        {
            var group = items.Where(i => i.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            text.AppendLine();
            text.AppendLine(Heading(kind));
            foreach (var item in group)
            {
                text.Append("- ").Append(item.Reference).Append(" · ").Append(item.Title).Append(" · ").AppendLine(When(item));
            }
        }

        text.AppendLine();
        var publicUrl = configuration["Portal:PublicUrl"]?.Trim().TrimEnd('/');
        if (!string.IsNullOrEmpty(publicUrl))
        {
            text.AppendLine(l["Open your desk: {0}", publicUrl + reminders.Value.DeskPath]);
            text.AppendLine(l["Your notifications: {0}", publicUrl + "/notifications"]);
            text.AppendLine();
        }

        text.AppendLine(l["This e-mail shows case references and titles only. Client details are in the portal."]);
        return text.ToString().ReplaceLineEndings("\r\n"); // e-mail lines end in CRLF
    }

    private string Heading(NotificationKind kind) => kind switch
    {
        NotificationKind.DeadlineOverdue => l["Overdue"],
        NotificationKind.DeadlineDueToday => l["Due today"],
        NotificationKind.DeadlineDueSoon => l["Due in the next {0} days", ReminderPlanner.DaysAhead],
        _ => l["Hearings in the next {0} days", ReminderPlanner.HearingDays],
    };

    private string When(DigestItem item)
    {
        if (item.StartsAt is { } startsAt)
        {
            var office = OfficeTime.For(item.TimeZoneId);
            return CaseText.Instant(office.Local(startsAt)) + " (" + office.ZoneId + ")";
        }

        return l["due {0}", CaseText.Date(item.DueOn)];
    }
}
