using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

public sealed record IntakeClientShown(Guid Id, string Name, DateOnly? BirthDate, int? BirthYear, Sex Sex, string? Citizenship, ConsentStatus Consent,
    Vulnerability Vulnerabilities = Vulnerability.None);

/// <summary>Everything recorded in an intake, and the decision forms for those who decide.</summary>
public sealed class IntakeViewModel
{
    public IntakeHeader Header { get; init; } = null!;

    public uint Version { get; init; }

    public IntakeClientShown? Client { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public ComplaintView Complaint { get; init; } = null!;

    public IReadOnlyList<RespondentConflict> Conflicts { get; init; } = [];

    public bool InDetention { get; init; }

    public bool ImminentExpulsion { get; init; }

    public bool SeparatedChild { get; init; }

    public bool NoDocuments { get; init; }

    public DateTime? SubmittedAt { get; init; }

    public DateTime? DecidedAt { get; init; }

    public string? DecidedBy { get; init; }

    public RejectionReason? RejectionReason { get; init; }

    public string? RejectionNote { get; init; }

    public bool CanEdit { get; init; }

    public bool CanDecide { get; init; }

    public IReadOnlyList<StaffOption> Caseworkers { get; init; } = [];

    public IReadOnlyList<StaffOption> Lawyers { get; init; } = [];

    public AcceptIntakeInput Accept { get; set; } = new();

    public RejectIntakeInput Reject { get; set; } = new();

    /// <summary>Set when the intake is urgent and waiting in an office without an active caseworker: the coordinators who decide.</summary>
    public IReadOnlyList<string>? UrgentDeciders { get; init; }
}

/// <summary>Reads an intake for a viewer allowed to see it; each view is audited.</summary>
public sealed class ViewIntakeHandler(AppDbContext db, IntakeGate gate, IAuditLog audit, TimeProvider clock)
{
    public async Task<IntakeViewModel?> HandleAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var intake = await gate.LoadAsync(id, viewer, track: false, cancellationToken);
        if (intake is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var header = await IntakeHeader.ReadAsync(db, intake, now, cancellationToken);
        var time = header.Time;
        var client = intake.ClientId is { } clientId
            ? await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
                .Select(c => new IntakeClientShown(c.Id, c.Patronymic == null ? c.FullName : c.FullName + " " + c.Patronymic, c.BirthDate, c.BirthYear, c.Sex, c.Citizenship, c.ConsentStatus, c.Vulnerabilities))
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var categoryIds = intake.CategoryIds;
        var categories = await db.ComplaintCategories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).OrderBy(c => c.SortOrder)
            .Select(c => language == SupportedLanguages.Russian ? c.NameRu : c.NameEn).ToListAsync(cancellationToken);
        var decidedBy = intake.DecidedBy is { } by ? (await StaffDirectory.NamesAsync(db, [by], cancellationToken)).GetValueOrDefault(by) : null;
        var mayDecide = await gate.AllowsAsync(intake, viewer, IntakeOperations.Decide);
        var canDecide = mayDecide && intake.Status == IntakeStatus.Submitted;
        var conflicts = await RespondentConflicts.FindAsync(db, viewer, intake.Respondents.Select(r => r.Name), intake.ClientId, cancellationToken);

        await audit.RecordAsync(CaseAuditActions.IntakeViewed, "intake", id.ToString(), cancellationToken: cancellationToken);

        return new IntakeViewModel
        {
            Header = header,
            Version = intake.Version,
            Client = client,
            Categories = categories,
            Complaint = new ComplaintView(intake.IncidentCountry, intake.IncidentCity, intake.IncidentFrom, intake.IncidentTo, intake.Account, intake.ClientWishes,
                intake.Respondents.OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => new RespondentRow(r.Name, r.Type, r.Sector)).ToList()),
            Conflicts = conflicts,
            InDetention = intake.InDetention,
            ImminentExpulsion = intake.ImminentExpulsion,
            SeparatedChild = intake.SeparatedChild,
            NoDocuments = intake.NoDocuments,
            SubmittedAt = intake.SubmittedAt is { } submitted ? time.Local(submitted) : null,
            DecidedAt = intake.DecidedAt is { } decided ? time.Local(decided) : null,
            DecidedBy = decidedBy,
            RejectionReason = intake.RejectionReason,
            RejectionNote = intake.RejectionNote,
            CanEdit = await gate.AllowsAsync(intake, viewer, IntakeOperations.Edit),
            CanDecide = mayDecide,
            Caseworkers = canDecide ? await StaffDirectory.ActiveAsync(db, Roles.Caseworker, cancellationToken) : [],
            Lawyers = canDecide ? await StaffDirectory.ActiveAsync(db, Roles.Lawyer, cancellationToken) : [],
            Accept = new AcceptIntakeInput
            {
                Version = intake.Version,
                Priority = intake.IsUrgent ? CasePriority.Urgent : CasePriority.Normal,
                CaseworkerId = intake.CreatedBy,
            },
            Reject = new RejectIntakeInput { Version = intake.Version },
            UrgentDeciders = await UrgentDeciders.ForAsync(db, intake, cancellationToken),
        };
    }
}
