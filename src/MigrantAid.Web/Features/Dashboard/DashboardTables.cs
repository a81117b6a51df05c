using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.Dashboard;

// The dashboard's pre-aggregates (migration 0015_dashboard). PostgreSQL triggers keep them; the
// application only reads them. "Open" means not closed; no lead lawyer is Guid.Empty; no citizenship is "".

/// <summary>Open (not closed) cases by office, status, lead lawyer and urgency.</summary>
public sealed class DashboardOpenCase
{
    public Guid OfficeId { get; private set; }

    public CaseStatus Status { get; private set; }

    public Guid LeadLawyerId { get; private set; }

    public bool IsUrgent { get; private set; }

    public int Cases { get; private set; }
}

/// <summary>Open cases by office and category (a case counts once in each of its categories).</summary>
public sealed class DashboardOpenCategory
{
    public Guid OfficeId { get; private set; }

    public int CategoryId { get; private set; }

    public int Cases { get; private set; }
}

/// <summary>Open cases by office and the principal client's citizenship ("" when not recorded).</summary>
public sealed class DashboardOpenCitizenship
{
    public Guid OfficeId { get; private set; }

    public string Citizenship { get; private set; } = "";

    public int Cases { get; private set; }
}

/// <summary>Open deadlines of open cases by office, the case's lead lawyer and due date.</summary>
public sealed class DashboardOpenDeadline
{
    public Guid OfficeId { get; private set; }

    public Guid LeadLawyerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public int Deadlines { get; private set; }
}

/// <summary>A migration document with an expiry date of a client on open cases of an office (how many: <see cref="OpenCases"/>).</summary>
public sealed class DashboardOpenClientDocument
{
    public Guid OfficeId { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid ClientId { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public int OpenCases { get; private set; }
}

/// <summary>Per office and week (Monday): intakes submitted (office-local date) and cases closed.</summary>
public sealed class DashboardWeek
{
    public Guid OfficeId { get; private set; }

    public DateOnly WeekStart { get; private set; }

    public int Intakes { get; private set; }

    public int Closed { get; private set; }
}

public enum DashboardDurationKind
{
    /// <summary>Intake submitted → first assignment; dated by the assignment.</summary>
    Assignment = 0,

    /// <summary>Intake submitted → case closed; dated by the closing.</summary>
    Closure = 1,
}

/// <summary>A histogram of days per office, kind and date of the end event: medians are exact from it.</summary>
public sealed class DashboardDuration
{
    public Guid OfficeId { get; private set; }

    public DashboardDurationKind Kind { get; private set; }

    public DateOnly OnDate { get; private set; }

    public int Days { get; private set; }

    public int Cases { get; private set; }
}

/// <summary>A case's first assignment (office-local date) and its days since the intake was submitted.</summary>
public sealed class DashboardFirstAssignment
{
    public Guid CaseId { get; private set; }

    public Guid OfficeId { get; private set; }

    public DateOnly AssignedOn { get; private set; }

    public int Days { get; private set; }
}

public sealed class DashboardTablesConfiguration :
    IEntityTypeConfiguration<DashboardOpenCase>, IEntityTypeConfiguration<DashboardOpenCategory>,
    IEntityTypeConfiguration<DashboardOpenCitizenship>, IEntityTypeConfiguration<DashboardOpenDeadline>,
    IEntityTypeConfiguration<DashboardWeek>, IEntityTypeConfiguration<DashboardDuration>,
    IEntityTypeConfiguration<DashboardFirstAssignment>, IEntityTypeConfiguration<DashboardOpenClientDocument>,
    IEntityTypeConfiguration<CourtDecision>, IEntityTypeConfiguration<InternationalSubmission>,
    IEntityTypeConfiguration<Domain.Cases.Intake>, IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<DashboardOpenCase> builder)
    {
        builder.ToTable("dashboard_open_cases");
        builder.HasKey(x => new { x.OfficeId, x.Status, x.LeadLawyerId, x.IsUrgent });
    }

    public void Configure(EntityTypeBuilder<DashboardOpenCategory> builder)
    {
        builder.ToTable("dashboard_open_categories");
        builder.HasKey(x => new { x.OfficeId, x.CategoryId });
    }

    public void Configure(EntityTypeBuilder<DashboardOpenCitizenship> builder)
    {
        builder.ToTable("dashboard_open_citizenships");
        builder.HasKey(x => new { x.OfficeId, x.Citizenship });
        builder.Property(x => x.Citizenship).HasMaxLength(2);
    }

    public void Configure(EntityTypeBuilder<DashboardOpenDeadline> builder)
    {
        builder.ToTable("dashboard_open_deadlines");
        builder.HasKey(x => new { x.OfficeId, x.LeadLawyerId, x.DueOn });
        builder.HasIndex(x => x.DueOn);
    }

    public void Configure(EntityTypeBuilder<DashboardWeek> builder)
    {
        builder.ToTable("dashboard_weeks");
        builder.HasKey(x => new { x.OfficeId, x.WeekStart });
    }

    public void Configure(EntityTypeBuilder<DashboardDuration> builder)
    {
        builder.ToTable("dashboard_durations");
        builder.HasKey(x => new { x.OfficeId, x.Kind, x.OnDate, x.Days });

        // Covering (0018): a year of all offices' histogram rows is read from the index alone.
        builder.HasIndex(x => new { x.Kind, x.OnDate }).IncludeProperties(x => new { x.Days, x.Cases });
    }

    public void Configure(EntityTypeBuilder<DashboardFirstAssignment> builder)
    {
        builder.ToTable("dashboard_first_assignments");
        builder.HasKey(x => x.CaseId);
        builder.Property(x => x.CaseId).ValueGeneratedNever();
        builder.HasIndex(x => new { x.AssignedOn, x.CaseId });
    }

    public void Configure(EntityTypeBuilder<DashboardOpenClientDocument> builder)
    {
        builder.ToTable("dashboard_open_client_documents");
        builder.HasKey(x => new { x.OfficeId, x.DocumentId });
        builder.HasIndex(x => new { x.ExpiresOn, x.OfficeId, x.ClientId }, "ix_dashboard_client_documents_expires_on");
    }

    public void Configure(EntityTypeBuilder<CourtDecision> builder) => builder.HasIndex(x => x.DecidedOn);

    public void Configure(EntityTypeBuilder<InternationalSubmission> builder) => builder.HasIndex(x => x.FinalDecisionOn);

    public void Configure(EntityTypeBuilder<Domain.Cases.Intake> builder) => builder.HasIndex(x => new { x.OfficeId, x.SubmittedAt });

    public void Configure(EntityTypeBuilder<Case> builder) => builder.HasIndex(x => new { x.ClosedOn, x.Id });
}
