using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>
/// Calendar feeds, and the indexes the lawyer's desk and the calendar read by (migration 0010_desk):
/// open deadlines of a case by date (partial: open ones only, so overdue dates are found without
/// walking the done ones), every open deadline by date (coordinators' desk over all offices),
/// deadlines that are not dismissed by date (the calendar over all offices), and hearings by time.
/// Tasks of an assignee are read through 0007's (assignee_id, due_on).
/// </summary>
public class CalendarFeedConfiguration :
    IEntityTypeConfiguration<CalendarFeed>, IEntityTypeConfiguration<CaseDeadline>, IEntityTypeConfiguration<Hearing>
{
    public const string OpenFilter = "status = 0";
    public const string NotDismissedFilter = "status <> 2";

    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.HashBytes).IsRequired();
        builder.Ignore(f => f.IsActive);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.TokenHash).IsUnique();

        // One live address per user: making a new one revokes the old in the same transaction.
        builder.HasIndex([nameof(CalendarFeed.UserId)], "ix_calendar_feeds_user_id_active").IsUnique().HasFilter("revoked_at IS NULL");
        builder.HasIndex(f => f.UserId);
    }

    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.HasIndex([nameof(CaseDeadline.CaseId), nameof(CaseDeadline.DueOn)], "ix_case_deadlines_open_case_id_due_on").HasFilter(OpenFilter);
        builder.HasIndex([nameof(CaseDeadline.DueOn), nameof(CaseDeadline.Id)], "ix_case_deadlines_open_due_on_id").HasFilter(OpenFilter);
        builder.HasIndex([nameof(CaseDeadline.DueOn), nameof(CaseDeadline.Id)], "ix_case_deadlines_due_on_id_not_dismissed").HasFilter(NotDismissedFilter);

        // One office's desk and calendar (0013): the office is copied from the case by a trigger on insert.
        CopiedByDatabase(builder.Property(d => d.OfficeId));
        builder.HasIndex([nameof(CaseDeadline.OfficeId), nameof(CaseDeadline.DueOn), nameof(CaseDeadline.Id)], "ix_case_deadlines_open_office_id_due_on_id").HasFilter(OpenFilter);
        builder.HasIndex([nameof(CaseDeadline.OfficeId), nameof(CaseDeadline.DueOn), nameof(CaseDeadline.Id)], "ix_case_deadlines_office_id_due_on_id_not_dismissed").HasFilter(NotDismissedFilter);

        // A person's desk and calendar (0019): the case's lead lawyer and caseworker, copied and kept in step by triggers.
        foreach (var person in new[] { nameof(CaseDeadline.CaseLeadLawyerId), nameof(CaseDeadline.CaseCaseworkerId) })
        {
            CopiedByDatabase(builder.Property<Guid?>(person));
            var column = person == nameof(CaseDeadline.CaseLeadLawyerId) ? "case_lead_lawyer_id" : "case_caseworker_id";
            builder.HasIndex([person, nameof(CaseDeadline.DueOn), nameof(CaseDeadline.Id)], $"ix_case_deadlines_open_{column}_due_on_id").HasFilter(OpenFilter);
            builder.HasIndex([person, nameof(CaseDeadline.DueOn), nameof(CaseDeadline.Id)], $"ix_case_deadlines_{column}_due_on_id_not_dismissed").HasFilter(NotDismissedFilter);
        }
    }

    public void Configure(EntityTypeBuilder<Hearing> builder)
    {
        builder.HasIndex([nameof(Hearing.StartsAt), nameof(Hearing.Id)], "ix_hearings_starts_at_id");
        CopiedByDatabase(builder.Property(h => h.OfficeId));
        builder.HasIndex([nameof(Hearing.OfficeId), nameof(Hearing.StartsAt), nameof(Hearing.Id)], "ix_hearings_office_id_starts_at_id");
        foreach (var person in new[] { nameof(Hearing.CaseLeadLawyerId), nameof(Hearing.CaseCaseworkerId) })
        {
            CopiedByDatabase(builder.Property<Guid?>(person));
            builder.HasIndex([person, nameof(Hearing.StartsAt), nameof(Hearing.Id)]);
        }
    }

    /// <summary>A column the database fills on insert (and never the application): EF neither writes it nor sends it back, and reads what was stored.</summary>
    private static void CopiedByDatabase<T>(PropertyBuilder<T> property)
    {
        property.ValueGeneratedOnAdd();
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
